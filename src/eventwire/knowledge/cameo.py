"""CAMEO event codes, PLOVER mapping and the verb-pattern dictionary, loaded once per process.

Tables (built by ``scripts/build_event_tables.py`` or written for eventwire, see docs/events.md):
``cameo_codes.tsv``, ``plover_map.tsv``, ``verb_patterns.verbs.tsv``, ``verb_patterns.tsv`` (from PETRARCH2),
``verb_patterns.own.tsv``, ``verb_patterns.frames.tsv``, ``verb_patterns.mirror.tsv``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.knowledge import read_tsv


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its scales."""

    code: str
    root: str
    name: str
    goldstein: dict[str, float]
    quad_class: int
    plover_type: str | None = None
    plover_mode: str | None = None


@dataclass(frozen=True)
class Element:
    """One pattern element: words in the verb's complement region, or a preposition with words below it.

    ``slots`` is a sequence of alternative sets; each alternative is a tuple of lower-case words
    (consecutive tokens).  ``preps`` is empty for a word element.  ``role`` is '+' (target) or '$' (source).
    """

    preps: tuple[str, ...]
    slots: tuple[tuple[tuple[str, ...], ...], ...]
    role: str = ""
    weight: int = field(init=False, default=0)  # one for the preposition plus one per word slot
    keys: tuple[frozenset[str], ...] = field(init=False, default=())  # per slot/preposition: possible first words
    #: per slot: first word -> (position in the slot, alternative), in slot order (the matcher's index)
    firsts: tuple[dict[str, tuple[tuple[int, tuple[str, ...]], ...]], ...] = field(
        init=False, default=(), compare=False, repr=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "weight", (1 if self.preps else 0) + len(self.slots))
        keys = [frozenset(self.preps)] if self.preps else []
        keys += [frozenset(alt[0] for alt in slot if alt) for slot in self.slots]
        object.__setattr__(self, "keys", tuple(keys))
        object.__setattr__(self, "firsts", tuple(_first_index(slot) for slot in self.slots))


def _first_index(slot: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """The alternatives of a slot grouped by their first word, each with its position in the slot."""
    out: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for n, alt in enumerate(slot):
        if alt:
            out.setdefault(alt[0], []).append((n, alt))
    return {w: tuple(v) for w, v in out.items()}


@dataclass(frozen=True)
class Pattern:
    """A verb pattern: code (``---`` = no event), reverse code, elements after the verb, words before it."""

    code: str
    rev_code: str
    elements: tuple[Element, ...]
    pre: tuple[Element, ...]
    origin: str  # "own" or "petrarch2:<BLOCK>"
    weight: int = field(init=False, default=0)  # specificity of the pattern
    keys: tuple[frozenset[str], ...] = field(init=False, default=())  # of the elements after the verb
    #: words the pattern requires (a slot counts its shortest alternative): breaks ties between patterns of
    #: equal weight, so "military intelligence" (072) beats "intelligence" (010)
    words: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "weight", sum(e.weight for e in self.elements) + sum(e.weight for e in self.pre))
        n = sum(min((len(a) for a in slot), default=0) for e in (*self.elements, *self.pre) for slot in e.slots)
        object.__setattr__(self, "words", n)
        object.__setattr__(self, "keys", tuple(k for e in self.elements for k in e.keys))


@dataclass
class VerbEntry:
    """Everything known about one verb lemma."""

    lemma: str
    defaults: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # prt -> (code, rev, origin)
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)  # prt ('' = none) -> patterns


@dataclass(frozen=True)
class Lexicon:
    """The compiled event lexicon."""

    verbs: dict[str, VerbEntry]
    forms: dict[str, str]  # irregular verb form -> lemma
    nouns: dict[str, tuple[str, bool]]  # event noun (lower, may be two words) -> (code, symmetric)
    light: dict[str, str]  # light verb lemma -> required particle ('' = none)
    nonagents: frozenset[str]
    frames: dict[str, str]  # frame lemma -> kind
    mirror: dict[str, dict[str, str]]  # kind -> code prefix -> code


def _alts(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(a.split()) for a in text.split("|") if a.strip())


def parse_elements(text: str) -> tuple[Element, ...]:
    """Parse the element column: ``w:a|b c ; p+:to>x|y>z`` (see docs/events.md)."""
    out: list[Element] = []
    for part in text.split(" ; "):
        part = part.strip()
        if not part:
            continue
        head, _, body = part.partition(":")
        if head == "w":
            out.append(Element((), (_alts(body),)))
            continue
        role = head[1:] if len(head) > 1 else ""
        preps_s, *slots = body.split(">")
        out.append(Element(tuple(p for p in preps_s.split("/") if p), tuple(_alts(s) for s in slots if s), role))
    return tuple(out)


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """All CAMEO event codes by code."""
    plover = {r["code"]: r for r in read_tsv("plover_map.tsv")}
    out: dict[str, CameoCode] = {}
    for r in read_tsv("cameo_codes.tsv"):
        gs = {
            "gdelt": float(r["goldstein_gdelt"] or 0),
            "icews": float(r["goldstein_icews"] or r["goldstein_gdelt"] or 0),
            "phoenix": float(r["goldstein_phoenix"] or r["goldstein_gdelt"] or 0),
        }
        p = plover.get(r["code"])
        out[r["code"]] = CameoCode(
            code=r["code"],
            root=r["root"],
            name=r["name"],
            goldstein=gs,
            quad_class=int(r["quad_class"]),
            plover_type=(p["plover_type"] or None) if p else None,
            plover_mode=(p["plover_mode"] or None) if p else None,
        )
    return out


def normalise_code(code: str) -> str | None:
    """A known CAMEO code for ``code``, falling back to its parent (3 then 2 digits); None if unknown."""
    codes = cameo_codes()
    for c in (code, code[:3], code[:2]):
        if c in codes:
            return c
    return None


def _split_code(code: str) -> tuple[str, str]:
    fwd, _, rev = code.partition(":")
    return fwd.strip(), rev.strip()


#: Prepositions, particles and adverbs: a pattern made only of these ("CALL * (ON)", "BEAT * (WITH)",
#: "ORDER * TO") is an idiom of the verb it was written for, not of every verb in its PETRARCH2 block.
_FUNCTION_WORDS = frozenset(
    [
        "about",
        "after",
        "against",
        "along",
        "among",
        "around",
        "as",
        "at",
        "away",
        "back",
        "before",
        "between",
        "by",
        "down",
        "for",
        "from",
        "in",
        "into",
        "of",
        "off",
        "on",
        "onto",
        "out",
        "over",
        "through",
        "to",
        "toward",
        "towards",
        "under",
        "up",
        "upon",
        "with",
        "within",
        "without",
    ]
)


def _verb_specific(pat: Pattern) -> bool:
    """Whether a PETRARCH2 pattern only names function words (then it applies to its source verb only)."""
    for e in (*pat.elements, *pat.pre):
        for slot in e.slots:
            if any(w not in _FUNCTION_WORDS for alt in slot for w in alt):
                return False
    return True


#: PETRARCH2 blocks whose patterns apply only to the verb named in their comment.
_VERB_SPECIFIC_BLOCKS = frozenset({"EXPLAIN_VERBAL"})


def _figurative(code: str, default: tuple[str, str, str] | None) -> bool:
    """Whether a block pattern written for another verb reads that verb figuratively for this one: a verbal
    code (01-13) on a verb that only inherits the block's material-conflict code (14-20) — PETRARCH2 groups
    "blast" (criticize) with "blow up", so "blast ... power" (111) must not turn "blew up power lines" into
    criticism."""
    if default is None or not default[2].startswith("petrarch2-block:") or not default[0][:2].isdigit():
        return False  # a verb with its own coded line ("indict" 173, "call off" 160) keeps its block's senses
    return default[0][:2] >= "14" and code[:2].isdigit() and code[:2] <= "13"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The compiled verb/noun lexicon (PETRARCH2-derived plus eventwire's own patterns)."""
    verbs: dict[str, VerbEntry] = {}
    forms: dict[str, str] = {}
    block_verbs: dict[str, list[tuple[str, str]]] = defaultdict(list)

    def entry(lemma: str) -> VerbEntry:
        if lemma not in verbs:
            verbs[lemma] = VerbEntry(lemma)
        return verbs[lemma]

    for r in read_tsv("verb_patterns.verbs.tsv"):
        lemma, prt = r["lemma"], r["prt"] or ""
        fwd, rev = _split_code(r["code"] or "")
        e = entry(lemma)
        if fwd or rev:
            origin = ("petrarch2-block:" if r.get("inherited") else "petrarch2:") + r["block"]
            e.defaults.setdefault(prt, (fwd, rev, origin))
        block_verbs[r["block"]].append((lemma, prt))
        for f in (r["forms"] or "").split():
            forms.setdefault(f, lemma)
    for r in read_tsv("verb_patterns.tsv"):
        fwd, rev = r["code"], r["rev_code"] or ""
        pat = Pattern(
            fwd, rev, parse_elements(r["elements"] or ""), parse_elements(r["pre"] or ""), "petrarch2:" + r["block"]
        )
        named = set((r.get("verbs") or "").split())
        # statement verbs ("express concern", "announce a plan", "report progress") are coded by the object of
        # the verb a pattern was written for; another reporting verb with that word ("reports aid agencies") is
        # no such statement
        only = named if _verb_specific(pat) or r["block"] in _VERB_SPECIFIC_BLOCKS else set()
        for lemma, prt in block_verbs.get(r["block"], []):
            if only and lemma not in only:
                continue
            if lemma not in named and _figurative(fwd, entry(lemma).defaults.get(prt)):
                continue
            entry(lemma).patterns.setdefault(prt, []).append(pat)

    nouns: dict[str, tuple[str, bool]] = {}
    light: dict[str, str] = {}
    nonagents: set[str] = set()
    for r in read_tsv("verb_patterns.own.tsv"):
        kind, lemma, prt = r["kind"], r["lemma"], r["prt"] or ""
        if kind == "verb":
            rev = (r["rev_code"] or "").strip()
            pat = Pattern(r["code"], rev, parse_elements(r["elements"] or ""), parse_elements(r["pre"] or ""), "own")
            e = entry(lemma)
            if not pat.elements and not pat.pre:
                e.defaults[prt] = (r["code"], rev, "own")
            else:
                e.patterns.setdefault(prt, []).insert(0, pat)
        elif kind == "noun":
            nouns[lemma] = (r["code"], (r["rev_code"] or "").strip() == "sym")
        elif kind == "light":
            light[lemma] = prt
        elif kind == "nonagent":
            nonagents.add(lemma)
    frames = {r["lemma"]: r["kind"] for r in read_tsv("verb_patterns.frames.tsv")}
    mirror: dict[str, dict[str, str]] = defaultdict(dict)
    for r in read_tsv("verb_patterns.mirror.tsv"):
        mirror[r["kind"]][r["from"]] = r["to"]
    return Lexicon(verbs, forms, nouns, light, frozenset(nonagents), frames, dict(mirror))


def mirror_code(kind: str, code: str) -> str | None:
    """The code of ``code`` framed by ``kind`` (intent/threat/appeal/demand/reject), by longest prefix."""
    if kind == "intent" and code[:2].isdigit() and code[:2] >= "16":
        kind = "threat"  # vowing / pledging / offering to use force or sanctions is a threat (CAMEO 13x)
    table = lexicon().mirror.get(kind, {})
    for n in range(len(code), 0, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None
