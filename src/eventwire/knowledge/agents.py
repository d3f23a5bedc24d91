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


#: Religion words (adjectives and people nouns, lower case) -> CAMEO religion codes, the faith first and a
#: denomination after it (CAMEO religion codes as in the CAMEO actor codebook's "XXXOPPMOSEDU", "IMGMOSALQ";
#: Phoenix writes Catholic as CHRCTH).  A group described by one ("Moslem demonstrators", "Jewish settlers",
#: "a Christian missionary") carries the code beside its functional sector.
RELIGION_CODES: dict[str, tuple[str, ...]] = {
    "muslim": ("MOS",),
    "moslem": ("MOS",),
    "islamic": ("MOS",),
    "islamist": ("MOS",),
    "shiite": ("MOS", "SHI"),
    "shia": ("MOS", "SHI"),
    "shi'ite": ("MOS", "SHI"),
    "sunni": ("MOS", "SUN"),
    "sufi": ("MOS", "SFI"),
    "christian": ("CHR",),
    "catholic": ("CHR", "CTH"),
    "protestant": ("CHR", "PRO"),
    "coptic": ("CHR", "CPT"),
    "copt": ("CHR", "CPT"),
    "maronite": ("CHR", "MRN"),
    "jewish": ("JEW",),
    "jew": ("JEW",),
    "hasidic": ("JEW", "HSD"),
    "hindu": ("HIN",),
    "buddhist": ("BUD",),
    "sikh": ("SIK",),
}


def religion_codes(word: str) -> tuple[str, ...]:
    """CAMEO religion codes of a religion word ("Moslem" -> MOS, "Catholic" -> CHR CTH, "Jews" -> JEW), or ()."""
    low = word.lower()
    codes = RELIGION_CODES.get(low)
    if codes is None and low.endswith("s"):
        codes = RELIGION_CODES.get(low[:-1])
    return codes or ()


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


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """English words the parser's lemmatizer knows (its WordNet-derived lemma index and exceptions, lower case).

    Empty when the pipeline has no such tables: then no word is read as a misspelling.
    """
    from eventwire.config import Settings
    from eventwire.nlp import load_nlp

    try:
        lookups = load_nlp(Settings().model).get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    except (KeyError, OSError, RuntimeError, AttributeError):
        return frozenset()
    words: set[str] = set()
    if lookups.has_table("lemma_index"):
        for listed in lookups.get_table("lemma_index").values():
            words.update(listed)
    if lookups.has_table("lemma_exc"):
        for exceptions in lookups.get_table("lemma_exc").values():
            for form, lemmas in exceptions.items():
                words.add(form)
                words.update(lemmas)
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def _agent_blocks() -> dict[str, tuple[str, ...]]:
    """Agent head words that are known English words of six letters or more, by first letter."""
    known = known_words()
    blocks: dict[str, list[str]] = {}
    for head in agent_heads():
        if len(head) >= 6 and head.isalpha() and head in known:
            blocks.setdefault(head[0], []).append(head)
    return {k: tuple(v) for k, v in blocks.items()}


@lru_cache(maxsize=8192)
def misspelt_agent(word: str, lemma: str) -> str | None:
    """The agent head noun a misspelt lower-case word stands for ("peackeepers" -> "peacekeeper", "goverment" ->
    "government"), or None.

    Only a word of eight letters or more that is no English word the lemmatizer knows (nor its lemma, nor
    either without a plural ending) and no agent word, within one edit (two for heads of eight letters or
    more; a transposition is one edit) of exactly one agent head that is itself an English word with the same
    first letter: a real word is never corrected ("policy" stays policy, not police).
    """
    if len(word) < 8 or not word.isalpha():
        return None
    known = known_words()
    if not known:
        return None
    table = agent_table()
    heads = agent_heads()
    for w in {word, lemma, word.removesuffix("s"), word.removesuffix("es")}:
        if w in known or w in table or w in heads:
            return None
    from rapidfuzz.distance import OSA

    best: list[tuple[int, str]] = []
    for head in _agent_blocks().get(word[0], ()):
        if abs(len(head) - len(lemma)) > 2 and abs(len(head) - len(word)) > 2:
            continue
        limit = 2 if len(head) >= 8 else 1
        d = min(OSA.distance(lemma, head, score_cutoff=limit + 1), OSA.distance(word, head, score_cutoff=limit + 1))
        if d <= limit:
            best.append((d, head))
    if not best:
        return None
    low = min(d for d, _ in best)
    hits = {h for d, h in best if d == low}
    return hits.pop() if len(hits) == 1 else None
