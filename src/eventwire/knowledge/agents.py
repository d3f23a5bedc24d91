"""Agent table: nouns for kinds of actors ("minister", "diplomat", "state media") -> CAMEO sectors.

``agents.tsv`` is generated from the Phoenix and PLOVER agent dictionaries by
scripts/build_actor_tables.py; ``agents_manual.tsv`` is hand-written and overrides it, adding
the office a title denotes (head of state, foreign minister ...) and whether a noun names a
person or an organisation.  Phrases are lower-case lemmas, so plurals match through the lemmatiser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from eventwire.knowledge import read_tsv

#: Human-readable office labels for Actor.role.
OFFICE_LABELS = {
    "head_of_state": "head of state",
    "head_of_government": "head of government",
    "foreign_minister": "foreign minister",
    "defence_minister": "defence minister",
    "speaker": "speaker of the legislature",
    "igo_head": "head of an international organisation",
}

#: Words too generic to start an actor phrase on their own even though a dictionary lists them.
GENERIC_HEADS = frozenset(
    {
        "group",
        "people",
        "party",
        "member",
        "source",
        "team",
        "country",
        "nation",
        "world",
        "state",
        "man",
        "woman",
        "person",
        "agenda",
        "field",
        "area",
        "view",
        "issue",
        "interest",
        "relation",
        "progress",
        "time",
        "way",
        "front",
        "contact",
        "language",
        "doubt",
        "creation",
        "problem",
        "extent",
        "trade",
        "action",
        "supply",
        "conversation",
        "meeting",
        "beginning",
        "residence",
        "door",
        "hour",
        "sort",
        "disruption",
        "right",
        "development",
        "pressure",
        "ship",
        "factor",
        "diplomacy",
        "clarity",
        "difference",
        "misunderstanding",
        "topic",
        "negotiation",
        "industry",
        "visit",
        "flashpoint",
        "chemical",
        "fentanyl",
        "conflict",
    }
)


@dataclass(frozen=True)
class Agent:
    """One agent phrase with its codes."""

    phrase: str
    sectors: tuple[str, ...]
    office: str | None = None
    kind: str = "any"
    ref: str | None = None
    source: str = "phoenix"

    @property
    def is_person(self) -> bool:
        """Whether the noun names a person (a title) rather than an organisation."""
        return self.kind == "person"


@lru_cache(maxsize=1)
def agent_table() -> dict[str, Agent]:
    """Lemma phrase -> Agent; hand-written rows override generated ones."""
    table: dict[str, Agent] = {}
    for row in read_tsv("agents.tsv"):
        phrase = row["phrase"].strip()
        if phrase:
            table[phrase] = Agent(phrase, tuple(row["sectors"].split()), source=row["source"])
    for row in read_tsv("agents_manual.tsv"):
        phrase = row["phrase"].strip()
        sectors = tuple(s for s in row["sectors"].split() if s != "-")
        office = row["office"].strip()
        ref = row["ref"].strip()
        table[phrase] = Agent(
            phrase,
            sectors,
            office=None if office in ("", "-") else office,
            kind=row["kind"].strip() or "any",
            ref=None if ref in ("", "-") else ref,
            source="manual",
        )
    return table


@lru_cache(maxsize=1)
def agent_heads() -> frozenset[str]:
    """Last words of all agent phrases: the nouns that can head an actor description."""
    return frozenset(p.split()[-1] for p in agent_table()) - GENERIC_HEADS | {"side", "counterpart"}


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of a person-title agent phrase (for extending a name leftwards over its title)."""
    words: set[str] = set()
    for phrase, agent in agent_table().items():
        if agent.source == "manual" and agent.kind != "person":
            continue
        words.update(w for w in phrase.split() if w.isalpha() and len(w) > 1)
    return frozenset(words - {"of", "the", "for", "and", "in", "to", "on", "at", "with", "a", "an"})


def best_agent(lemmas: Sequence[str], head: int | None = None) -> tuple[Agent, int, int] | None:
    """Longest agent phrase inside ``lemmas`` (preferring one that covers index ``head``).

    Returns (agent, start, end) over the lemma list, or None.
    """
    table = agent_table()
    best: tuple[int, int, int, Agent] | None = None
    n = len(lemmas)
    for i in range(n):
        for j in range(min(n, i + 7), i, -1):
            agent = table.get(" ".join(lemmas[i:j]))
            if agent is None:
                continue
            covers = 1 if head is None or i <= head < j else 0
            key = (covers, j - i, -i)
            if best is None or key > best[:3]:
                best = (covers, j - i, -i, agent)
            break
    if best is None:
        return None
    agent = best[3]
    start = -best[2]
    return agent, start, start + best[1]
