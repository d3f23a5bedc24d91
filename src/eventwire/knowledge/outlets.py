"""News outlets: the one table of wire services, newspapers and broadcasters (``media_outlets.tsv``).

Both the actors stage (outlets are organisation actors with sector ``MED``, ``MED GOV`` when
state-owned) and the provenance stage (outlets are reporters and relays) read it through this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.knowledge import read_tsv

#: ``source`` of actor-table rows made from this table.
OUTLET_SOURCE = "media_outlets.tsv"


@dataclass(frozen=True)
class Outlet:
    """One row of ``media_outlets.tsv``."""

    name: str
    aliases: tuple[str, ...]
    #: CAMEO code of the outlet's home country ('' when unknown)
    country: str
    #: wire | newspaper | broadcaster | online
    type: str
    #: state-owned or state-funded
    state: bool = False
    #: an international wire agency whose home country says nothing about the story's actors
    worldwide: bool = False

    @property
    def id(self) -> str:
        """Stable id (the actor table's ``kb_id``): slug of the name."""
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")

    @property
    def forms(self) -> tuple[str, ...]:
        """Name and aliases."""
        return (self.name, *self.aliases)

    @property
    def sectors(self) -> tuple[str, ...]:
        """CAMEO sectors of the outlet as an actor: media first, government when state-owned."""
        return ("MED", "GOV") if self.state else ("MED",)

    @property
    def actor_country(self) -> str | None:
        """CAMEO country of the outlet as an actor: none for worldwide wire agencies."""
        return None if self.worldwide or not self.country else self.country


@lru_cache(maxsize=1)
def outlet_list() -> tuple[Outlet, ...]:
    """Every outlet, in table order, loaded once per process."""
    out: list[Outlet] = []
    for row in read_tsv("media_outlets.tsv"):
        out.append(
            Outlet(
                name=row["name"].strip(),
                aliases=tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()),
                country=(row.get("country") or "").strip(),
                type=(row.get("type") or "").strip(),
                state=(row.get("owner") or "").strip() == "state",
                worldwide=(row.get("reach") or "").strip() == "worldwide",
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def outlets() -> dict[str, Outlet]:
    """Outlets keyed by every spelling (canonical name and aliases, case-sensitive); first row wins."""
    table: dict[str, Outlet] = {}
    for outlet in outlet_list():
        for spelling in outlet.forms:
            table.setdefault(spelling, outlet)
    return table
