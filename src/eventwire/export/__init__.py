"""Exporters: one module per format, found through a small registry so formats are plug-ins.

An exporter is a function ``export(con, flt, path) -> int`` writing the events that
match an :class:`~eventwire.store.queries.EventFilter` from a store connection to
``path`` and returning how many it wrote.  Built-in formats live in
``eventwire.export.<name>``; third-party packages add formats through the
``eventwire.exporters`` entry-point group, or at run time with :func:`register`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from eventwire.store.queries import EventFilter

ExportFn = Callable[[Any, EventFilter, Path], int]

BUILTIN: tuple[str, ...] = ("gdelt", "plover", "csv", "parquet", "geojson")
_REGISTRY: dict[str, ExportFn] = {}


class UnknownFormatError(ValueError):
    """No exporter has this name."""


def register(name: str, fn: ExportFn) -> None:
    """Add (or replace) the exporter for format ``name``."""
    _REGISTRY[name] = fn


def formats() -> list[str]:
    """Every format name available: built-in, registered and from entry points."""
    names = list(BUILTIN) + [n for n in _REGISTRY if n not in BUILTIN]
    names += [ep.name for ep in entry_points(group="eventwire.exporters") if ep.name not in names]
    return names


def get_exporter(name: str) -> ExportFn:
    """The export function for format ``name``."""
    if name in _REGISTRY:
        return _REGISTRY[name]
    if name in BUILTIN:
        fn: ExportFn = importlib.import_module(f"eventwire.export.{name}").export
        _REGISTRY[name] = fn
        return fn
    for ep in entry_points(group="eventwire.exporters"):
        if ep.name == name:
            loaded: ExportFn = ep.load()
            _REGISTRY[name] = loaded
            return loaded
    raise UnknownFormatError(f"no exporter for format {name!r} (available: {', '.join(formats())})")


def export(con: Any, fmt: str, path: Path, flt: EventFilter | None = None) -> int:
    """Write the filtered events of a store in format ``fmt`` to ``path``; returns the number written."""
    return get_exporter(fmt)(con, flt or EventFilter(), Path(path))
