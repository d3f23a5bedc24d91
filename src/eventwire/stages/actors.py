"""Actors stage: every mention of a person, organisation, country or group, resolved to actors.

How it works (details in docs/actors.md):

1. *Candidates* come from the model's entities and from gazetteer phrase matches (country names,
   demonyms, capitals and institutions; organisations; table person names).  Overlaps are settled
   longest-first, gazetteer before model, so "Kyiv" tagged PERSON stays a capital and
   'the "China Daily' is China Daily.  A single capitalised token that is a surname of a person
   named in the document (or of a table person, when the model tagged it at all) becomes a person
   even when the model said GPE/ORG ("Blinken", "Wang").
2. *Titles*: a person name is extended leftwards over its title through the parse and the agent
   vocabulary ("US Secretary of State", "then-House Speaker", "Chinese Minister of Internal
   Security"); a plural title ("Presidents Joe Biden and Xi Jinping") distributes over conjoined
   names.  The title gives country (country/demonym/IGO modifiers), sectors (agent table), office
   and former status ("then-", "former", "ex-").
3. *Role descriptions*: noun phrases headed by an agent noun ("the US diplomat", "State Department
   officials", "Chinese companies", "state media", "his American counterpart", "the American side").
4. *Resolution*, in document order: person names against the actor table (exact, then fuzzy with
   rapidfuzz), roles dated against ``ctx.published``; surnames and definite role descriptions refer
   back to the nearest compatible earlier actor; countries, capitals (metonyms for the government)
   and groups become country, government and group actors.

Results: ``analysis.actors`` (ids A1, A2 ...), ``analysis.mentions`` and
``ctx.scratch["actors.token_map"]`` (doc token index -> actor id).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import cast

import numpy as np
import spacy
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, IS_PUNCT, IS_QUOTE, IS_SPACE, LEMMA, LENGTH, LOWER, POS, SENT_START
from spacy.matcher import PhraseMatcher
from spacy.strings import StringStore, hash_string  # type: ignore[attr-defined]
from spacy.symbols import ADJ, DET, NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from eventwire.knowledge.actors import ActorEntry, ActorTable, actor_table, is_acronym_of, normalise_name
from eventwire.knowledge.agents import (
    OFFICE_LABELS,
    RELIGION_CODES,
    Agent,
    agent_heads,
    agent_table,
    best_agent,
    known_words,
    misspelt_agent,
    religion_codes,
    title_words,
)
from eventwire.knowledge.countries import CountryForm, country_forms, country_kinds, country_name, lookup_country
from eventwire.knowledge.outlets import OUTLET_SOURCE
from eventwire.records import Actor, ActorKind, Analysis, Mention, MentionKind, RoleStatus
from eventwire.stages.base import Context, register_component, validate_records

#: Prepositions after which a capital/institution is a place, not the government ("talks in Beijing").
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "to",
        "from",
        "near",
        "into",
        "inside",
        "outside",
        "across",
        "around",
        "via",
        "toward",
        "towards",
        "through",
        "throughout",
        "within",
        "onto",
        "off",
        "beyond",
        "until",
    }
)
#: Words marking a former office in a title.
FORMER_WORDS = frozenset({"former", "ex", "then", "erstwhile", "ousted", "deposed", "late"})
#: Former-office words that say the person no longer holds it when acting ("former President X" acts as one of
#: the country's elites, CAMEO ``ELI``; "then-" and "late" describe the office held at the time).
EX_WORDS = frozenset({"former", "ex", "erstwhile", "ousted", "deposed"})
#: Words that may sit inside a title without being agent words.
#: Adjectives that may precede a title but are not part of the role ("new President").
TITLE_ADJECTIVES = frozenset(
    {"new", "incoming", "outgoing", "interim", "current", "newly", "elected", "caretaker", "embattled", "veteran"}
)
TITLE_GLUE = (
    frozenset({"of", "for", "-", "and", "general", "deputy", "vice", "acting", "chief", "top", "senior", "'s", "’s"})
    | TITLE_ADJECTIVES
)
#: Entity labels that may name an actor (others, e.g. DATE, never do).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
#: Agent nouns that are collective even when grammatically singular.
COLLECTIVE = frozenset({"media", "police", "military", "army", "press", "public", "troop", "force", "government"})
DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"})
SECTOR_NAMES = {"GOV": "government", "MIL": "military", "LEG": "legislature", "SPY": "intelligence", "COP": "police"}

#: Words that make a model PERSON entity an organisation ("Eventwire Example Wire").
ORG_NAME_WORDS = frozenset(
    {
        "wire",
        "news",
        "agency",
        "times",
        "post",
        "press",
        "daily",
        "journal",
        "herald",
        "tribune",
        "ministry",
        "council",
        "party",
        "bank",
        "institute",
        "university",
        "committee",
        "commission",
        "union",
        "organization",
        "organisation",
        "association",
        "foundation",
        "corporation",
        "company",
        "inc",
        "ltd",
        "fund",
        "forum",
        "network",
        "tv",
        "radio",
        "television",
        "group",
        "office",
        "department",
        "service",
        "front",
    }
)
#: Function words inside a multi-word proper name ("Liberation Tigers of Tamil Eelam").
NAME_GLUE = frozenset({"of", "the", "and", "for", "de", "del", "la", "al"})
#: Collective nouns that name a group only through an agent modifier ("opposition groups", "armed
#: factions", "the peace movement"); alone they are too generic to be actors.
GROUP_NOUNS = frozenset(
    {"group", "party", "movement", "faction", "coalition", "alliance", "bloc", "organization", "organisation"}
)
#: Nouns for a population; an actor only with a country ("the people of Gaza", "Zambian people").
POPULATION_NOUNS = frozenset({"people", "population", "public", "community", "inhabitant", "populace"})
#: The agent given to a population noun: the country's civilians (CAMEO CVL, as Phoenix codes "population").
POPULATION_AGENT = Agent(phrase="people", sectors=("CVL",), kind="any", source="rule")
#: Agent words for peoples and faiths that may follow a country adjective ("Iraqi Shiites").
PEOPLE_AGENT_WORDS = frozenset({"shiite", "shia", "sunni", "muslim", "moslem", "christian", "jew", "catholic"})
#: Nouns that name a place; as agents they stand for its government or people ("the capital warned"), but
#: as the object of a preposition ("talks in the capital", "returned to the town", "residents of the city")
#: they are places.
PLACE_NOUNS = frozenset(
    {"capital", "city", "town", "village", "province", "region", "district", "county", "municipality", "territory"}
)
#: Head words of association names: an unknown organisation so named, of no state, is a non-governmental one.
#: Nouns after an unknown organisation's name that make it a political party ("the Umma party").
PARTY_WORDS = frozenset({"party", "parties"})
NGO_NAME_WORDS = frozenset({"association", "federation", "foundation", "society", "forum", "ngo"})
#: Participles whose "in" complement places the noun they modify ("a newspaper based in Beirut").
#: Participles whose object or "from" complement is where a group comes from ("refugees fleeing Burundi").
FLIGHT_PARTICIPLES = frozenset({"flee", "escape"})
LOCATION_PARTICIPLES = frozenset({"base", "locate", "operate", "station", "headquarter", "deploy", "live", "work"})
#: Minimum population for a single-word model ORG/PERSON to be read as a place name instead.
PLACE_MIN_POPULATION = 20_000

#: Third-person personal pronouns that refer to one person, with the gender they require.
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
#: Plural pronouns that may refer to a group, organisation or country.
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
#: Courtesy titles that give a person's gender (the only source of gender: never first names).
GENDER_TITLES = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
#: Confidence of a pronoun's link to its actor (person pronouns; plural pronouns).
PRONOUN_CONFIDENCE, PLURAL_PRONOUN_CONFIDENCE = 0.6, 0.5
#: How many sentences before its own a person pronoun may look for its referent.
PRONOUN_SENTENCES = 2
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_DOUBLE_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "iobj"})

#: Priorities for overlapping candidates of equal length (lower wins).
P_TABLE_PERSON, P_ORG, P_COUNTRY, P_ENT_PERSON, P_ENT_ORG, P_ENT_OTHER = range(6)


@dataclass(slots=True)
class Title:
    """A title found next to a name or heading a role description."""

    text: str
    agent: Agent | None
    country: str | None = None
    country_text: str | None = None
    former: bool = False
    #: "former", "ex-", "ousted": the office is over when the person acts (adds the ``ELI`` sector)
    ex: bool = False
    plural: bool = False
    #: further coordinated country modifiers ("Hungarian and Romanian officials"): (start, end, code)
    others: list[tuple[int, int, str]] = field(default_factory=list)
    #: the table organisation among the modifiers ("Red Cross officials", "NATO troops")
    org: ActorEntry | None = None

    def role(self) -> str | None:
        """Role string for an actor: the title as written (singular), with the office it denotes."""
        if not self.text:
            return None
        words = self.text.split()
        if self.plural and words and words[-1].lower().endswith("s"):
            words[-1] = words[-1][:-1]
        role = " ".join(words)
        role = role[:1].upper() + role[1:]
        office = self.agent.office if self.agent else None
        if office in ("head_of_state", "head_of_government") and self.country:
            role += f" ({OFFICE_LABELS[office]})"
        return role


@dataclass(slots=True)
class Cand:
    """A candidate mention over doc tokens [start, end)."""

    start: int
    end: int
    type: str  # person | org | country | role | other
    priority: int
    label: str | None = None
    form: CountryForm | None = None
    entries: list[ActorEntry] = field(default_factory=list)
    name_start: int = -1
    title: Title | None = None
    surname: bool = False
    alias: bool = False
    head: int = -1
    plural: bool = False
    definite: bool = False
    agent: Agent | None = None
    #: a model PERSON judged no person ("Kurd" in "Kurd refugees"): only a name in the text makes it one
    not_person: bool = False
    #: a person modifying a role description ("the Bush administration", "Djindjic's coalition"): its name's head
    anchor: int = -1
    #: why an ambiguous country form was read as it was (the unqualified "Congo"), for the actor's evidence
    note: str | None = None

    @property
    def length(self) -> int:
        """Number of tokens."""
        return self.end - self.start


@dataclass(slots=True)
class Draft:
    """An actor being built for one document."""

    key: str
    name: str
    kind: ActorKind
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    role: str | None = None
    role_status: RoleStatus = "unknown"
    kb_id: str | None = None
    confidence: float = 0.5
    evidence: list[str] = field(default_factory=list)
    office: str | None = None
    name_tokens: set[str] = field(default_factory=set)
    last: int = -1
    count: int = 0
    id: str = ""
    #: 'm' / 'f' when a courtesy title in the text gives it ("Mr", "Mrs", "Ms"); '?' when titles disagree
    gender: str | None = None
    #: the gender of the pronouns already linked to this actor ('?' when they disagree)
    pronoun_gender: str | None = None
    #: countries the actor may still take from the article (table bearers of a titled surname); None: any
    may_be: frozenset[str] | None = None
    #: the person a description belongs to ("the Bush administration"): its country follows the person's
    follows: Draft | None = None
    #: an ethnic group named by "ethnic" + demonym ("ethnic Albanians"), placed in no state by the text yet
    ethnic: bool = False


# ---------------------------------------------------------------------------------------------
# Matchers (built once per vocabulary and actor-file set)

_MATCHERS: dict[tuple[int, tuple[Path, ...]], tuple[PhraseMatcher, PhraseMatcher]] = {}


def _matchers(vocab: Vocab, files: tuple[Path, ...]) -> tuple[PhraseMatcher, PhraseMatcher]:
    """(case-sensitive matcher, lower-case matcher) with labels C (country), O (org), P (person)."""
    key = (id(vocab), files)
    if key in _MATCHERS:
        return _MATCHERS[key]
    blank = spacy.blank("en", vocab=vocab)
    table = actor_table(files)
    orth = PhraseMatcher(vocab, attr="ORTH")
    lower = PhraseMatcher(vocab, attr="LOWER")
    orth.add("C", [blank.make_doc(f) for f in sorted(country_forms())])
    org_exact: set[str] = set()
    org_lower: set[str] = set()
    org_strict: set[str] = set()
    person_forms: set[str] = set()
    for e in table.entries:
        if e.source == "phoenix-countries" or (e.kind == "person" and e.source == "phoenix-milnonstate"):
            continue  # ~20k historical names and militants: found through the model's PERSON entities instead
        for form in e.forms:
            if form in e.strict:
                org_strict.add(form)
            elif e.source == OUTLET_SOURCE:
                # outlet names are often common words ("The Hill", "Channel One"): case-sensitive only
                org_exact.add(form)
            elif e.kind == "person":
                if " " in form.strip():
                    person_forms.add(form)
            elif " " in form.strip():
                org_lower.add(form.lower())
            else:
                org_exact.add(form)
                if form.isupper() and len(form) > 4:
                    org_exact.add(form.capitalize())
    orth.add("O", [blank.make_doc(f) for f in sorted(org_exact)])
    orth.add("P", [blank.make_doc(f) for f in sorted(person_forms)])
    orth.add("S", [blank.make_doc(f) for f in sorted(org_strict)])
    lower.add("O", [blank.make_doc(f) for f in sorted(org_lower)])
    _MATCHERS[key] = (orth, lower)
    return orth, lower


# ---------------------------------------------------------------------------------------------
# Helpers


@dataclass(slots=True)
class _DocArrays:
    """Per-document token attributes read once as arrays (no Token object per access)."""

    doc: Doc
    text: str
    #: character offset of each token
    starts: list[int]
    #: character offset just after each token
    ends: list[int]
    #: IS_PUNCT and IS_QUOTE per token (1 or 0): with "the" and possessives, what ``_trim`` strips from a name
    punct: list[int]
    quote: list[int]
    #: model entities as (start, end, label), without building Span objects
    ents: list[tuple[int, int, str]]
    #: lower-case form, lemma and entity-type hashes and the part of speech per token
    lower: list[int]
    lemma: list[int]
    ent_type: list[int]
    pos: list[int]
    #: ENT_IOB per token (1 I, 2 O, 3 B, 0 unset)
    iob: list[int]
    #: indices of the tokens tagged NOUN or PROPN
    nouns: list[int]
    #: whether any token is an attitude prefix word ("anti", "pro"; see ``_stance_tokens``)
    has_stance: bool
    #: whether each token starts a sentence (the SENT_START column is 1)
    sent_starts: np.ndarray

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end) sliced from the document string."""
        if end <= start:
            return ""
        return self.text[self.starts[start] : self.ends[end - 1]]


#: the arrays of the document each thread is processing
_ARRAYS = threading.local()


@lru_cache(maxsize=1)
def _trim_hashes() -> tuple[int, frozenset[int]]:
    return hash_string("the"), frozenset(hash_string(w) for w in ("'s", "’s", "'", "’"))


def _doc_arrays(doc: Doc, text: str | None = None) -> _DocArrays:
    """The arrays of ``doc`` (remembered for the document being processed; ``text``: the doc's text if known)."""
    current: _DocArrays | None = getattr(_ARRAYS, "current", None)
    if current is not None and current.doc is doc and (text is None or current.text is text):
        return current
    n = len(doc)
    attrs = [IDX, LENGTH, IS_PUNCT, IS_QUOTE, LOWER, ENT_IOB, ENT_TYPE, LEMMA, POS, SENT_START]
    matrix = doc.to_array(attrs).reshape(n, 10)
    strings = doc.vocab.strings
    # every column as a list in one conversion
    columns = cast(list[list[int]], matrix[:, :9].T.tolist()) if n else [[] for _ in range(9)]
    idx, _length, punct_col, quote_col, lower_col, iob, ent_type_col, lemma_col, pos_col = columns
    # entities from the IOB column: B=3 starts one, I=1 continues it, anything else ends it
    ents: list[tuple[int, int, str]] = []
    ent_start = -1
    for i, tag in enumerate(iob):
        if tag != 1:
            if ent_start >= 0:
                ents.append((ent_start, i, strings[ent_type_col[ent_start]]))
                ent_start = -1
            if tag == 3:
                ent_start = i
    if ent_start >= 0:
        ents.append((ent_start, n, strings[ent_type_col[ent_start]]))
    pos = matrix[:, 8]
    attitude, _hyphen = _attitude_hashes()
    arrays = _DocArrays(
        doc=doc,
        text=text if text is not None else doc.text,
        starts=idx,
        ends=cast(list[int], (matrix[:, 0] + matrix[:, 1]).tolist()),
        punct=punct_col,
        quote=quote_col,
        ents=ents,
        lower=lower_col,
        lemma=lemma_col,
        ent_type=ent_type_col,
        pos=pos_col,
        iob=iob,
        nouns=np.flatnonzero((pos == NOUN) | (pos == PROPN)).tolist(),
        has_stance=any(h in lower_col for h in attitude),
        sent_starts=matrix[:, 9] == 1,
    )
    _ARRAYS.current = arrays
    return arrays


def _trim(doc: Doc, start: int, end: int, arrays: _DocArrays | None = None) -> tuple[int, int]:
    """Strip leading 'the'/quotes and trailing possessives/punctuation from a token range."""
    arrays = arrays or _doc_arrays(doc)
    punct, quote, lower = arrays.punct, arrays.quote, arrays.lower
    the, possessive = _trim_hashes()
    while start < end and (punct[start] or quote[start] or lower[start] == the):
        start += 1
    while end > start and (punct[end - 1] or lower[end - 1] in possessive):
        end -= 1
    return start, end


#: ``_word`` results by (orth, lemma) hash: a pure function of the token's form and lemma and the read-only tables
_WORDS: dict[tuple[int, int], str] = {}


def _word(tok: Token) -> str:
    """The agent-table key of a token: lemma or lower-case form (singularised if needed) the tables know."""
    key = (tok.orth, tok.lemma)
    word = _WORDS.get(key)
    if word is None:
        if len(_WORDS) >= 200_000:
            _WORDS.clear()
        word = _WORDS[key] = _word_of(tok)
    return word


def _word_of(tok: Token) -> str:
    """``_word`` computed (the form and lemma of ``tok`` only)."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    table = agent_table()
    if lemma in table:
        return lemma
    if low in table:
        return low  # "media", whose lemma is "medium"
    # the model often leaves capitalised plurals unlemmatised ("Forces", "Ministries")
    for plural, singular in (("ies", "y"), ("s", "")):
        if low.endswith(plural) and low[: -len(plural)] + singular in table:
            return low[: -len(plural)] + singular
    heads = agent_heads()
    if lemma in heads:
        return lemma
    if low in heads:
        return low
    words = title_words()
    if lemma in words:
        return lemma
    if low in words:
        return low
    if len(low) >= 8 and tok.is_lower:
        fixed = misspelt_agent(low, lemma)  # "UN peackeepers": an agent noun the writer misspelt
        if fixed is not None:
            return fixed
    return lemma


@lru_cache(maxsize=16384)
def _best_agent(words: tuple[str, ...], head: int | None) -> tuple[Agent, int, int] | None:
    """``best_agent`` remembered per process (a pure function of the words and the read-only agent table)."""
    return best_agent(words, head)


def _root(doc: Doc, start: int, end: int) -> Token:
    """The syntactic head of a token range."""
    span = doc[start:end]
    return span.root


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _is_locative(tok: Token) -> bool:
    """Whether a name is the object of a locative preposition ("in Beijing", "to Washington")."""
    first = _first_conjunct(tok)
    return first.dep_ == "pobj" and first.head.lower_ in LOCATIVE_PREPS


def _display_name(doc: Doc, start: int, end: int, arrays: _DocArrays | None = None) -> str:
    arrays = arrays or _doc_arrays(doc)
    s, e = _trim(doc, start, end, arrays)
    return arrays.span_text(s, e) if e > s else arrays.span_text(start, end)


# ---------------------------------------------------------------------------------------------
# Candidate generation


#: ISO 3166 alpha-3 codes that CAMEO writes differently.
ISO3_TO_CAMEO = {"ROU": "ROM", "TLS": "TMP", "MNE": "MTN", "COG": "COG", "XKX": "KSV"}


@lru_cache(maxsize=8192)
def _gazetteer_country(text: str) -> CountryForm | None:
    """A country name or adjective the hand-written forms lack ("Gambian", "Bosnia"), from the places gazetteer."""
    if not text[:1].isupper() or len(text) > 40:
        return None
    try:
        from eventwire.knowledge.gazetteer import get_gazetteer

        gaz = get_gazetteer()
        hits = gaz.lookup(text)
    except (FileNotFoundError, ImportError, OSError):
        return None
    for entry, how in hits:
        if not entry.feature_code.startswith("PCL") or how not in ("name", "alt", "adj"):
            continue
        iso3 = gaz.iso3.get(entry.country_code or "")
        code = ISO3_TO_CAMEO.get(iso3 or "", iso3)
        if code and code in country_kinds():
            return CountryForm(code, text, "adj" if how == "adj" else "name")
    return None


#: Words for a part of a country before its name ("South Lebanon", "northern Iraq").
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeastern"}
    | {"northwestern", "southeastern", "southwestern", "upper", "lower"}
)


@lru_cache(maxsize=16384)
def _country_form(text: str) -> CountryForm | None:
    """The country form written as ``text``: hand-written/CAMEO forms first, then the gazetteer; a part of a
    country named by a compass word and the country's name ("South Lebanon", "northern Iraq") is the country
    (names that are forms themselves, "South Korea", "East Timor", come first)."""
    form = lookup_country(text) or _gazetteer_country(text.strip().removesuffix("'s").removesuffix("’s"))
    return form or _compass_country(text.strip())


@lru_cache(maxsize=4096)
def _compass_country(text: str) -> CountryForm | None:
    """ "South Lebanon", "northern Iraq" -> the country; not when the gazetteer knows the phrase as a place of
    another country ("Northern Ireland" is in the United Kingdom)."""
    first, _, rest = text.partition(" ")
    if not rest or first.lower() not in COMPASS_WORDS:
        return None
    inner = lookup_country(rest)
    if inner is None or inner.type != "name" or country_kinds().get(inner.code) != "country":
        return None
    try:
        from eventwire.knowledge.gazetteer import get_gazetteer

        gaz = get_gazetteer()
        for entry, how in gaz.lookup(text):
            iso3 = gaz.iso3.get(entry.country_code or "")
            big = entry.feature_class == "A" or entry.population >= PLACE_MIN_POPULATION
            if how in ("name", "alt") and big and iso3 and ISO3_TO_CAMEO.get(iso3, iso3) != inner.code:
                return None
    except (FileNotFoundError, ImportError, OSError):
        pass
    return CountryForm(inner.code, text, "name")


@lru_cache(maxsize=4096)
def _gazetteer_capital(text: str) -> CountryForm | None:
    """A national capital the hand-written forms lack or spell differently ("Monrovia", "Khatmandu").

    Only when the most populous gazetteer place of that name (or alternate name) is its country's capital,
    so "Victoria" (larger in Canada than in the Seychelles) is no capital.
    """
    if not text[:1].isupper() or len(text) > 40:
        return None
    try:
        from eventwire.knowledge.gazetteer import get_gazetteer

        gaz = get_gazetteer()
        hits = [e for e, how in gaz.lookup(text) if how in ("name", "alt") and e.feature_class in ("P", "A")]
    except (FileNotFoundError, ImportError, OSError):
        return None
    if not hits:
        return None
    best = max(hits, key=lambda e: e.population)
    if not gaz.is_capital_of(best):
        return None
    iso3 = gaz.iso3.get(best.country_code or "")
    code = ISO3_TO_CAMEO.get(iso3 or "", iso3)
    return CountryForm(code, text, "capital", "GOV") if code and code in country_kinds() else None


@lru_cache(maxsize=1)
def _fuzzy_forms() -> dict[str, list[CountryForm]]:
    """Country names, adjectives and capitals of five letters or more, by first letter (for misspellings)."""
    out: dict[str, list[CountryForm]] = {}
    for form in country_forms().values():
        if form.type in ("name", "adj", "capital", "people") and len(form.form) >= 5 and form.form[:1].isupper():
            out.setdefault(form.form[0], []).append(form)
    return out


@lru_cache(maxsize=4096)
def _misspelt_country(text: str) -> CountryForm | None:
    """The country form a misspelt name stands for ("Ethopia", "Afganistan", "Quatar", "Khatmandu"), or None.

    Only for a model GPE/NORP/LOC entity that is no known form and no place in the gazetteer: the same first
    letter and an edit distance (with transpositions) of 1, or 2 for forms of eight letters or more; the
    nearest country's form (two countries equally near give nothing).
    """
    from rapidfuzz.distance import DamerauLevenshtein

    text = text.strip().removesuffix("'s").removesuffix("’s")
    if len(text) < 6 or not text[:1].isupper():
        return None
    # the nearest form of each country ("Phillippines" is one edit from Philippines, two from Philippine)
    best: dict[str, tuple[int, CountryForm]] = {}
    for form in _fuzzy_forms().get(text[0], []):
        allowed = 2 if min(len(form.form), len(text)) >= 8 else 1
        if form.type == "people":
            # plural demonyms ("Algerains" -> Algerians): one edit only, and never an English word ("Romans" is
            # no misspelt "Omanis", nor "Indians" of anything)
            if text.lower() in known_words():
                continue
            allowed = 1
        if abs(len(form.form) - len(text)) > allowed:
            continue
        dist = DamerauLevenshtein.distance(text, form.form, score_cutoff=allowed)
        if dist <= allowed and (form.code not in best or dist < best[form.code][0]):
            best[form.code] = (dist, form)
    ranked = sorted(best.values(), key=lambda h: h[0])
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None  # no country, or two countries equally near
    if _is_place(text) or _place_country(text) is not None:
        return None  # (the gazetteer only for a near miss: a real place of that name is no misspelling)
    return ranked[0][1]


@lru_cache(maxsize=4096)
def _is_place(name: str) -> bool:
    """Whether a single word is the name of a sizeable place in the shipped gazetteer."""
    try:
        from eventwire.knowledge.gazetteer import get_gazetteer

        hits = get_gazetteer().lookup(name)
    except (FileNotFoundError, ImportError, OSError):
        return False
    return any(
        e.population >= PLACE_MIN_POPULATION and e.feature_class in ("P", "A") for e, how in hits if how == "name"
    )


@lru_cache(maxsize=4096)
def _place_country(name: str) -> str | None:
    """CAMEO country of a place named in a group's complement or modifier ("rebels in Darfur", "Gaza").

    Countries themselves come first; otherwise the most populous gazetteer town or administrative area
    of that name (at least ``PLACE_MIN_POPULATION`` people, or a first-level division).
    """
    form = _country_form(name)
    if form is not None and form.type in ("name", "adj", "capital"):
        return form.code
    codes = _place_countries(name)
    return codes[0] if codes else None


@lru_cache(maxsize=4096)
def _place_countries(name: str) -> tuple[str, ...]:
    """CAMEO countries of the gazetteer towns and areas of this name (at least ``PLACE_MIN_POPULATION`` people,
    or a first-level division), the most populous one's first ("Tripoli": LBY, then LBN)."""
    if not name[:1].isupper() or len(name) > 40:
        return ()
    try:
        from eventwire.knowledge.gazetteer import get_gazetteer

        gaz = get_gazetteer()
        hits = gaz.lookup(name)
    except (FileNotFoundError, ImportError, OSError):
        return ()
    best: dict[str, int] = {}
    for e, how in hits:
        if how not in ("name", "alt") or e.feature_class not in ("P", "A") or not e.country_code:
            continue
        if e.population < PLACE_MIN_POPULATION and e.feature_code != "ADM1":
            continue
        iso3 = gaz.iso3.get(e.country_code or "")
        code = ISO3_TO_CAMEO.get(iso3 or "", iso3)
        if code and code in country_kinds():
            best[code] = max(best.get(code, -1), e.population)
    if not best and " " not in name and name.isalpha():
        return _split_region_country(name)
    return tuple(sorted(best, key=lambda k: -best[k]))


#: Compass words that name the divisions a region is split into ("North Darfur", "South Kivu").
DIVISION_COMPASS = ("North", "South", "East", "West", "Central")


def _split_region_country(name: str) -> tuple[str, ...]:
    """The state of a region the gazetteer knows only by its compass-named divisions ("Darfur": North, South and
    West Darfur are divisions of Sudan): at least two such administrative divisions, all of one state."""
    from eventwire.knowledge.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    found: dict[str, str] = {}
    for compass in DIVISION_COMPASS:
        for e, how in gaz.lookup(f"{compass} {name}"):
            if how == "name" and e.feature_class == "A" and (e.feature_code or "").startswith("ADM") and e.country_code:
                iso3 = gaz.iso3.get(e.country_code or "")
                code = ISO3_TO_CAMEO.get(iso3 or "", iso3)
                if code and country_kinds().get(code) == "country":
                    found[compass] = code
    codes = set(found.values())
    return tuple(codes) if len(found) >= 2 and len(codes) == 1 else ()


@lru_cache(maxsize=4096)
def _name_country(name: str) -> tuple[str, str] | None:
    """The one state whose name or adjective is a word (or two) of an organisation's name ("Palestinian Islamic
    Jihad" -> PSE, "Kurdistan Workers' Party" none): (code, the words), or None when none or several states."""
    words = name.replace("'s", "").replace("’s", "").split()
    found: dict[str, str] = {}
    kinds = country_kinds()
    forms = country_forms()
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            text = " ".join(words[i : i + n]).strip(',.()"“”')
            form = forms.get(text) if n <= len(words) - i and text[:1].isupper() else None
            if form is not None and form.type in ("name", "adj") and kinds.get(form.code) == "country":
                found.setdefault(form.code, text)
                i += n
                break
        else:
            i += 1
    return next(iter(found.items())) if len(found) == 1 else None


def _place_country_in_context(name: str, tok: Token) -> str | None:
    """``_place_country``, but a place name of several countries takes the one its sentence names ("militias in
    Tripoli ... the north Lebanese port" -> LBN, not Libya's larger Tripoli)."""
    code = _place_country(name)
    form = _country_form(name)
    codes = _place_countries(name) if code is not None and (form is None or form.type == "capital") else ()
    if len(codes) < 2:
        return code
    forms = country_forms()
    named = {
        f.code
        for t in tok.sent
        if t.is_title and (f := forms.get(t.text)) is not None and f.type in ("name", "adj", "people")
    }
    in_sentence = [c for c in codes if c in named]
    return in_sentence[0] if len(in_sentence) == 1 else code


#: ENT_IOB value of a token outside every entity ("O")
_IOB_OUTSIDE = 2


def _name_start(doc: Doc, start: int, head: int, owner: dict[int, Cand] | None = None, end: int = -1) -> int:
    """Extend a person name leftwards over capitalised given names the model left out ("Ana" Ortega).

    ``head``: the name's head token, or -1 for the syntactic root of tokens [start, end) (found only when needed).
    """
    tw = title_words()
    arrays = _doc_arrays(doc)
    iob, pos = arrays.iob, arrays.pos
    first = start
    while start > 0:
        if (owner is not None and start - 1 in owner) or (owner is None and iob[start - 1] != _IOB_OUTSIDE):
            break
        if pos[start - 1] != PROPN:
            break
        prev = doc[start - 1]
        if not (prev.is_title and prev.dep_ == "compound"):
            break
        if head < 0:
            head = _root(doc, first, end).i
        if prev.head.i != head:
            break
        if _word(prev) in tw or lookup_country(prev.text) is not None:
            break
        start -= 1
    return start


def _is_person_title_word(tok: Token) -> bool:
    """Whether a capitalised token is a person title of the agent table ("President", "Archbishop", "General")."""
    if not tok.is_title or tok.pos_ not in ("PROPN", "NOUN"):
        return False
    agent = agent_table().get(_word(tok))
    return agent is not None and (agent.is_person or agent.source != "manual") and bool(agent.sectors)


def _headline_case(doc: Doc, i: int) -> bool:
    """Whether the sentence of token ``i`` is written in headline case: no lower-case word of four letters or more."""
    sent = doc[i].sent
    return not any(t.is_lower and t.is_alpha and len(t) >= 4 for t in sent)


def _is_two_word_title(first: Token, second: Token) -> bool:
    """Whether two capitalised tokens are a person title of the agent table ("Crown Prince", "Supreme Leader")."""
    if not (first.is_title and second.is_title):
        return False
    agent = agent_table().get(f"{first.lower_} {_word(second)}")
    return agent is not None and agent.is_person and bool(agent.sectors)


@lru_cache(maxsize=1)
def _of_hash() -> int:
    return cast(int, hash_string("of"))


@lru_cache(maxsize=1)
def _org_word_hashes() -> frozenset[int]:
    return frozenset(hash_string(w) for w in ORG_NAME_WORDS)


def _modifier_word(tok: Token) -> bool:
    """Whether a token is a compound modifier of a later common noun ("Kurd" in "Kurd refugees")."""
    return tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "NOUN"


def _org_is_person(doc: Doc, start: int, end: int, entries: list[ActorEntry]) -> bool:
    """Whether a model ORG entity is a person's name: a table person only, or proper nouns after a person title."""
    if entries:
        return all(x.kind == "person" for x in entries)
    return _after_person_title(doc, start, end)


def _after_person_title(doc: Doc, start: int, end: int) -> bool:
    """Whether a model ORG of two to four proper nouns directly follows a capitalised person title ("President")."""
    if start == 0 or not 2 <= end - start <= 4:
        return False
    prev = doc[start - 1]
    if not prev.is_title or prev.ent_type_:
        return False
    agent = agent_table().get(_word(prev))
    if agent is None or not agent.is_person:
        return False
    return all(doc[i].pos_ == "PROPN" and doc[i].lower_ not in ORG_NAME_WORDS for i in range(start, end))


def _inside_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are followed by more words of the same model entity."""
    return end < len(doc) and doc[end].ent_iob_ == "I" and doc[end - 1].ent_iob_ != "O"


def _seen_as_name(doc: Doc, start: int, end: int, primary: bool) -> bool:
    """Whether the model reads tokens as a name: inside a name entity (PERSON only for an organisation's own
    name, not an alias that is a leader's name), or, outside entities, all proper nouns ("Shining Path")."""
    label = doc[start].ent_type_
    if label:
        return label in NAME_LABELS and (label != "PERSON" or primary)
    # proper nouns, with function words inside ("Liberation Tigers of Tamil Eelam")
    return all(
        (doc[i].pos_ == "PROPN" or (start < i < end - 1 and doc[i].lower_ in NAME_GLUE)) and not doc[i].ent_type_
        for i in range(start, end)
    )


def _base_candidates(doc: Doc, table: ActorTable, files: tuple[Path, ...]) -> list[Cand]:
    orth, lower = _matchers(doc.vocab, files)
    cands: list[Cand] = []
    vocab_strings = doc.vocab.strings
    # phrase text sliced from the doc string by token offsets (no Span and no Span.text join per phrase)
    arrays = _doc_arrays(doc)
    span_text = arrays.span_text
    org_words = _org_word_hashes()

    for match_id, s, e in list(orth(doc)) + list(lower(doc)):
        label = vocab_strings[match_id]
        text = span_text(s, e)
        if label == "C":
            form = country_forms().get(text)
            if form is not None:
                cands.append(Cand(s, e, "country", P_COUNTRY, form=form))
        elif label == "O":
            entries = [x for x in table.exact(text) if x.kind != "person"]
            if entries and all(x.source == OUTLET_SOURCE for x in entries) and _inside_longer_name(doc, s, e):
                continue  # "The Atlantic Ocean": the start of a longer name, not the magazine
            if entries:
                cands.append(Cand(s, e, "org", P_ORG, entries=entries))
        elif label == "S":
            entries = [x for x in table.exact(text) if x.kind != "person"]
            if entries and _seen_as_name(
                doc, s, e, any(normalise_name(x.name) == normalise_name(text) for x in entries)
            ):
                cands.append(Cand(s, e, "org", P_ORG, entries=entries))
        elif label == "P":
            entries = [x for x in table.exact(text) if x.kind == "person"]
            if entries:
                cands.append(Cand(s, e, "person", P_TABLE_PERSON, entries=entries, name_start=s))
    for ent_start, ent_end, ent_label in arrays.ents:
        if ent_label not in NAME_LABELS:
            continue
        s, e = _trim(doc, ent_start, ent_end, arrays)
        if e <= s:
            continue
        text = span_text(s, e)
        exact = table.exact(text)
        gazetteer_ok = e - s == 1 or ent_label in ("NORP", "GPE", "LOC")
        form = _country_form(text) if gazetteer_ok else lookup_country(text)
        if form is None and ent_label in ("GPE", "LOC", "ORG") and e - s == 1 and not exact:
            form = _gazetteer_capital(text)
        if form is None and ent_label in ("GPE", "NORP", "LOC", "ORG") and e - s == 1 and not exact:
            form = _misspelt_country(text)
        if form is not None:
            cands.append(Cand(s, e, "country", P_COUNTRY, label=ent_label, form=form))
        elif e - s >= 2 and _is_people_phrase(doc, s, e):
            continue  # "Bosnian Serbs" tagged PERSON: the demonym + people noun pass builds the group
        elif ent_label in ("PERSON", "ORG") and e - s == 1 and not exact and _is_place(text):
            cands.append(Cand(s, e, "other", P_ENT_OTHER, label=ent_label))  # "strikes on Kharkiv" tagged ORG
        elif ent_label == "PERSON" and not org_words.isdisjoint(arrays.lower[s:e]):
            cands.append(Cand(s, e, "org", P_ENT_ORG, label="PERSON"))
        elif ent_label == "PERSON" and e - s == 1 and _modifier_word(doc[s]) and not exact:
            # "Turkish Kurd refugees", "Hutu rebels": a lone unknown name modifying a common noun is no person
            # (a table surname before an institution noun, "the Bush administration", or a surname of a person
            # named earlier in the text, "Blinken aides", still is)
            head_agent = agent_table().get(_word(doc[s].head))
            if head_agent is not None and head_agent.kind == "org" and table.surname(text):
                cands.append(Cand(s, e, "person", P_ENT_PERSON, label="PERSON", name_start=s))
            else:
                cands.append(Cand(s, e, "other", P_ENT_OTHER, label=ent_label, not_person=True))
        elif ent_label == "PERSON":
            # "Maria Corina Machado" with the model's entity cut before the surname it hangs on: the untagged proper
            # noun the entity's last word is a compound of belongs to the name
            while e < len(doc) and doc[e - 1].dep_ == "compound" and doc[e - 1].head.i == e:
                if doc[e].pos_ != "PROPN" or doc[e].ent_type_ or not doc[e].is_title or _headline_case(doc, e):
                    break  # (not in a headline: "Elizabeth Warren Hammers Wells Fargo CEO" is a verb misparsed)
                if e + 1 < len(doc) and doc[e + 1].is_title and doc[e + 1].pos_ == "PROPN":
                    break  # nor before another proper noun: a run of capitalised words the model split elsewhere
                e += 1
            s = _name_start(doc, s, -1, end=e)
            # "Archbishop Desmond Tutu", "General Michel Aoun" tagged whole: the title words are no part of the name
            while s < e - 2:
                if _is_person_title_word(doc[s]):
                    s += 1
                elif s < e - 3 and _is_two_word_title(doc[s], doc[s + 1]):
                    s += 2  # "Crown Prince Mohammed bin Salman": a title of two words, neither one alone
                else:
                    break
            cands.append(Cand(s, e, "person", P_ENT_PERSON, label="PERSON", name_start=s))
        elif ent_label == "ORG" and e - s >= 2 and _org_is_person(doc, s, e, exact):
            # "Vice-President Moody Awori" with the name tagged ORG: a titled name or a table person is a person
            cands.append(Cand(s, e, "person", P_ENT_PERSON, label="ORG", name_start=s))
        elif ent_label == "ORG":
            entries = [x for x in exact if x.kind != "person"]
            cands.append(Cand(s, e, "org", P_ORG if entries else P_ENT_ORG, label="ORG", entries=entries))
        else:
            cands.append(Cand(s, e, "other", P_ENT_OTHER, label=ent_label))
    cands.extend(_unlabelled_misspelt_countries(doc, arrays, cands, table))
    return cands


def _unlabelled_misspelt_countries(doc: Doc, arrays: _DocArrays, cands: list[Cand], table: ActorTable) -> list[Cand]:
    """Misspelt country names the model left without an entity ("Ethopia has agreed"): a lone capitalised
    proper noun (no proper noun beside it), or a capitalised plural common noun no English word ("Algerains", read
    as a people noun only), of six letters or more, in no other candidate and no table name,
    one or two edits from one country's name, adjective or capital (``_misspelt_country``)."""
    pos, ent_type, starts, ends = arrays.pos, arrays.ent_type, arrays.starts, arrays.ends
    n = len(pos)
    covered: set[int] | None = None  # tokens of other candidates, collected at the first token that needs them
    out: list[Cand] = []
    for i in arrays.nouns:
        if ent_type[i] or ends[i] - starts[i] < 6:
            continue  # (an entity token, or a text shorter than six characters)
        if (i > 0 and pos[i - 1] == PROPN) or (i + 1 < n and pos[i + 1] == PROPN):
            continue
        if covered is None:
            covered = {k for c in cands for k in range(c.start, c.end)}
        if i in covered:
            continue
        text = arrays.span_text(i, i + 1)
        if len(text) < 6 or not text.istitle() or not text.isalpha():
            continue
        if pos[i] == NOUN and (not text.endswith("s") or text.lower() in known_words()):
            continue  # a common noun: only an unknown capitalised plural may be a misspelt people noun
        if table.exact(text):
            continue
        form = _misspelt_country(text)
        if form is not None and (pos[i] == PROPN or form.type == "people"):
            out.append(Cand(i, i + 1, "country", P_COUNTRY, form=form))
    return out


def _people_noun(tok: Token) -> bool:
    """Whether a token is a plural noun for a people or faith ("Serbs", "Kurds", "Shiites", "Muslims")."""
    if not tok.is_title or (tok.tag_ not in ("NNS", "NNPS") and not tok.lower_.endswith("s")):
        return False
    form = country_forms().get(tok.text)
    if form is not None:
        return form.type == "people"
    return tok.ent_type_ == "NORP" or _word(tok) in PEOPLE_AGENT_WORDS


def _is_people_phrase(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens are a country adjective followed by one people noun ("Bosnian Serbs", "Iraqi Kurds")."""
    if end - start != 2:
        return False
    form = country_forms().get(_doc_arrays(doc).span_text(start, start + 1))
    return form is not None and form.type == "adj" and _people_noun(doc[start + 1])


def _people_groups(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Merge a country adjective with the people noun after it into one people group of that country.

    "Bosnian Serbs" is BIH (the adjective names the country; the noun the people), "Iraqi Shiites" IRQ.
    """
    owner: dict[int, Cand] | None = None  # token -> candidate, built at the first people phrase
    out: list[Cand] = []
    drop: set[int] = set()
    for c in cands:
        if id(c) in drop:
            continue
        nxt = c.end
        if (
            c.type == "country"
            and c.form is not None
            and c.form.type == "adj"
            and c.length == 1
            and nxt < len(doc)
            and _is_people_phrase(doc, c.start, nxt + 1)
            and doc[c.start].head.i == nxt
        ):
            if owner is None:
                owner = {i: x for x in cands for i in range(x.start, x.end)}
            other = owner.get(nxt)
            if other is not None and (other.type == "person" or other.entries):
                out.append(c)
                continue
            if other is not None:
                drop.add(id(other))
            form = CountryForm(c.form.code, doc[c.start : nxt + 1].text, "people")
            out.append(Cand(c.start, nxt + 1, "country", P_COUNTRY, label=c.label, form=form))
            continue
        out.append(c)
    return [c for c in out if id(c) not in drop]


_start_key = operator.attrgetter("start")


def _select(cands: Iterable[Cand], n: int) -> list[Cand]:
    """Non-overlapping candidates, longest first, then by priority."""
    taken = [False] * n
    out: list[Cand] = []
    listed = list(cands)
    # longest first, then by priority and start; the list position keeps the order of equal keys (a stable sort)
    for _length, _priority, start, k in sorted(
        [(c.start - c.end, c.priority, c.start, k) for k, c in enumerate(listed)]
    ):
        c = listed[k]
        end = c.end
        if True in taken[start:end]:
            continue
        taken[start:end] = [True] * (end - start)
        out.append(c)
    return sorted(out, key=_start_key)


def _mark_surnames(doc: Doc, cands: list[Cand], table: ActorTable) -> list[Cand]:
    """Turn single tokens that are known surnames into person candidates (fixes GPE/ORG slips)."""
    doc_tokens: set[str] = set()
    span_text = _doc_arrays(doc).span_text
    for c in cands:
        if c.type == "person" and c.end - c.name_start >= 2:
            doc_tokens.update(normalise_name(span_text(c.name_start, c.end)).split())
    out: list[Cand] = []
    for c in cands:
        if c.type in ("org", "other") and c.end - c.start == 1 and not c.entries:
            tok = doc[c.start]
            key = normalise_name(tok.text)
            # a NORP token ("Hutu", "Karen", "Christian") names a people or faith, not a table surname
            # a model PERSON already judged no person (a modifier such as "Kurd refugees") needs a name in the text
            known = key in doc_tokens or (
                c.label != "NORP" and not c.not_person and any(x.kind == "person" for x in table.surname(key))
            )
            # "President Mugabi" with the name tagged GPE: a lone name right after a capitalised person title
            titled = c.label in ("GPE", "ORG", "LOC") and c.start > 0 and _is_person_title_word(doc[c.start - 1])
            if (known or titled) and tok.is_title:
                out.append(Cand(c.start, c.end, "person", P_ENT_PERSON, label=c.label, name_start=c.start))
                continue
        out.append(c)
    if not doc_tokens:
        return sorted(out, key=lambda c: c.start)
    owner: dict[int, Cand] = {i: c for c in cands for i in range(c.start, c.end)}
    wanted = {hash_string(t) for t in doc_tokens}
    for i in [i for i, low in enumerate(_doc_arrays(doc).lower) if low in wanted]:
        tok = doc[i]
        if tok.i in owner or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        if lookup_country(tok.text) is None:
            start = _name_start(doc, tok.i, tok.i, owner)
            out.append(Cand(start, tok.i + 1, "person", P_ENT_PERSON, name_start=start))
    return sorted(out, key=lambda c: c.start)


#: Participles after "<country>-" that make the country a sponsor, not the group's own ("Iranian-backed militias",
#: "Saudi-led coalition" keeps its leader: "led" is not here).
SPONSOR_PARTICIPLES = frozenset({"backed", "supported", "funded", "financed", "trained", "armed", "sponsored"})


def _sponsor_compound(doc: Doc, end: int) -> bool:
    """Whether a country form ending at token ``end`` is joined by a hyphen to a sponsoring participle."""
    if end + 1 >= len(doc):
        return False
    arrays = _doc_arrays(doc)
    return arrays.span_text(end, end + 1) == "-" and doc[end + 1].lower_ in SPONSOR_PARTICIPLES


_DET_PRON = frozenset({DET, PRON})


def _title_from_tokens(doc: Doc, tokens: list[int], owner: dict[int, Cand], head: int | None = None) -> Title | None:
    """Analyse title tokens: country modifiers, agent phrase, former marker, plural."""
    country: str | None = None
    country_text: str | None = None
    others: list[tuple[int, int, str]] = []
    former = ex = False
    words: list[str] = []
    word_idx: list[int] = []
    #: (text, lower-case form, fine tag, is punctuation) of each word
    word_info: list[tuple[str, str, str, bool]] = []
    org: ActorEntry | None = None
    arrays = _doc_arrays(doc)
    pos_col = arrays.pos
    span_text = arrays.span_text
    forms = country_forms()
    stance = _stance_tokens(arrays.lower, tokens) if arrays.has_stance else set()
    for i in tokens:
        if stance and _attitude_prefix(stance, i):
            continue  # "an anti-Syria journalist" is no Syrian: the country is the object of the attitude
        c = owner.get(i)
        if c is not None and c.type == "country" and c.form is not None and _sponsor_compound(doc, c.end):
            continue  # "Iranian-backed militias" are backed by Iran, not Iranian: no country from the sponsor
        if c is not None and c.type == "country" and c.form is not None:
            if country is None:
                country = c.form.code
                country_text = span_text(c.start, c.end)
            elif c.form.code != country and c.start == i and not c.form.is_government:
                others.append((c.start, c.end, c.form.code))
            if c.form.type == "institution":
                tok = doc[i]
                words.append(_word(tok))
                word_idx.append(i)
                word_info.append((tok.text, tok.lower_, tok.tag_, tok.is_punct))
            continue
        if c is not None and c.type == "org" and c.entries:
            if country is None:
                country = c.entries[0].country
                country_text = span_text(c.start, c.end)
                org = c.entries[0]
            continue
        tok = doc[i]
        text = tok.text
        if c is None or c.type != "country":
            form = forms.get(text) or (_gazetteer_country(text) if tok.is_title else None)
            if form is not None and form.type in ("name", "adj"):
                if country is None:
                    country, country_text = form.code, text  # a modifier inside a longer model entity
                elif form.code != country:
                    others.append((i, i + 1, form.code))
                continue
        low = tok.lower_
        if low in FORMER_WORDS:
            former = True
            ex = ex or low in EX_WORDS
            continue
        is_punct = tok.is_punct
        if text != "-" and is_punct:
            continue
        tag = tok.tag_
        if pos_col[i] in _DET_PRON or tag == "PRP$":
            continue
        words.append(_word(tok))
        word_idx.append(i)
        word_info.append((text, low, tag, is_punct))
    hit = _best_agent(tuple(words), word_idx.index(head) if head is not None and head in word_idx else None)
    if hit is None:
        return None
    agent, s, e = hit
    # the role as written: every title word after the country modifier ("Fisheries Minister")
    text_tokens = [
        (text, low)
        for text, low, tag, is_punct in word_info
        if (text == "-" or not is_punct) and low not in TITLE_ADJECTIVES and tag != "POS"
    ]
    while text_tokens and text_tokens[-1][1] in ("of", "for", "and", "-"):
        text_tokens.pop()
    while text_tokens and text_tokens[0][1] in ("of", "for", "and", "-"):
        text_tokens.pop(0)
    text = " ".join(t[0] for t in text_tokens).replace(" - ", "-")
    plural = any(info[2] in ("NNS", "NNPS") for info in word_info[s:e])
    return Title(
        text=text,
        agent=agent,
        country=country,
        country_text=country_text,
        former=former,
        ex=ex,
        plural=plural,
        others=others,
        org=org,
    )


#: prefixes of an attitude towards a country ("anti-Syria", "pro-Western"): the country does not place the actor
ATTITUDE_WORDS = frozenset({"anti", "pro"})


@lru_cache(maxsize=1)
def _attitude_hashes() -> tuple[frozenset[int], int]:
    return frozenset(hash_string(w) for w in ATTITUDE_WORDS), hash_string("-")


def _stance_tokens(lower: list[int], tokens: list[int]) -> set[int]:
    """Of ``tokens``, those of an attitude prefix ("anti", "-") and the word right after it ("anti-Syria")."""
    words, hyphen = _attitude_hashes()
    out: set[int] = set()
    n = len(lower)
    for i in tokens:
        if lower[i] in words and i + 2 < n and lower[i + 1] == hyphen:
            out.update((i, i + 1, i + 2))
    return out


def _attitude_prefix(stance: set[int], i: int) -> bool:
    """Whether token ``i`` belongs to an attitude prefix or its country ("anti-" / "pro-" + country)."""
    return i in stance


_TITLE_POS = frozenset({PROPN, NOUN, ADJ})


@lru_cache(maxsize=1)
def _title_edge_hashes() -> frozenset[int]:
    """Hashes of the words stripped from the edges of a title ("of", "for", "and", "-")."""
    return frozenset(hash_string(w) for w in ("of", "for", "and", "-"))


_ADJ_PROPN = frozenset({ADJ, PROPN})


def _extend_title(doc: Doc, c: Cand, owner: dict[int, Cand], sent_start: int) -> tuple[int, Title | None]:
    """Extend a person name leftwards over its title; returns (new start, title)."""
    tw = title_words()
    arrays = _doc_arrays(doc)
    pos_col = arrays.pos
    j = c.name_start
    limit = max(sent_start, c.name_start - 10)
    while j > limit:
        other = owner.get(j - 1)
        if other is not None and other is not c and other.type == "person":
            break
        if other is not None and other.type in ("country", "org") and (other.entries or other.form):
            if other.form is not None and other.form.type == "people":
                break
            j = other.start
            continue
        tok = doc[j - 1]
        pos = pos_col[j - 1]
        low = tok.lower_
        if low == "and" and j - 2 >= limit:
            before = owner.get(j - 2)
            if (
                before is not None
                and before.type == "country"
                and before.form is not None
                and before.form.type != "adj"
            ):
                break  # "Syria and Palestinian leader Yasser Arafat": a coordinated country, not the title
        if low in FORMER_WORDS or low in TITLE_GLUE:
            j -= 1
            continue
        if tok.is_title and (other is None or not other.entries):
            form = country_forms().get(tok.text) or _gazetteer_country(tok.text)
            if form is not None and form.type in ("name", "adj"):
                j -= 1
                continue
        if pos in _TITLE_POS and (_word(tok) in tw or tok.lemma_.lower() in tw):
            j -= 1
            continue
        if pos == PROPN and tok.is_title and c.name_start <= tok.head.i < c.end + 1 and tok.dep_ == "compound":
            j -= 1
            continue
        if tok.is_title and pos in _ADJ_PROPN and j - 2 >= limit and doc[j - 2].lower_ in FORMER_WORDS:
            j -= 1  # "former Socialist prime minister": a party word between "former" and the title
            continue
        break
    lower, punct = arrays.lower, arrays.punct
    glue = _title_edge_hashes()
    while j < c.name_start and (lower[j] in glue or punct[j]):
        j += 1
    if j >= c.name_start:
        return c.name_start, None
    title = _title_from_tokens(doc, list(range(j, c.name_start)), owner)
    if title is None:
        return c.name_start, None
    # keep the title only from its first country/agent-bearing token
    return j, title


def _misspelt_head(low: str, lemma: str) -> bool:
    """Whether a noun is a misspelt agent head (see :func:`eventwire.knowledge.agents.misspelt_agent`)."""
    return len(low) >= 8 and misspelt_agent(low, lemma) is not None


#: ``_misspelt_head`` by (lower-case form, lemma) hash (a pure function of the two strings and the tables)
_MISSPELT_HEADS: dict[tuple[int, int], bool] = {}


def _misspelt_head_hash(low: int, lemma: int, strings: StringStore) -> bool:
    """``_misspelt_head`` of the strings with these hashes, remembered per process."""
    key = (low, lemma)
    hit = _MISSPELT_HEADS.get(key)
    if hit is None:
        if len(_MISSPELT_HEADS) >= 200_000:
            _MISSPELT_HEADS.clear()
        hit = _MISSPELT_HEADS[key] = _misspelt_head(strings[low], strings[lemma])
    return hit


@lru_cache(maxsize=1)
def _head_hashes() -> frozenset[int]:
    """Hashes of agent head words, for a quick first pass over a doc's lower-case forms and lemmas."""
    return frozenset(hash_string(w) for w in agent_heads())


@lru_cache(maxsize=1)
def _collective_hashes() -> frozenset[int]:
    return frozenset(hash_string(w) for w in GROUP_NOUNS | POPULATION_NOUNS)


@lru_cache(maxsize=1)
def _head_or_collective_hashes() -> frozenset[int]:
    return _head_hashes() | _collective_hashes()


def _collective_title(
    doc: Doc, tok: Token, title: Title | None, left: int, right: int, owner: dict[int, Cand]
) -> Title | None:
    """The title of a collective noun phrase: its agent must come from a modifier, else it is a population.

    "opposition groups", "Palestinian armed groups", "the Israeli peace movement" take the modifier's agent
    ("opposition" OPP, "armed group" UAF); "the people of Gaza", "Zambian people" are populations (no sector).
    """
    lemma = tok.lemma_.lower()
    if title is not None and title.agent is not None and title.agent.sectors and title.agent.phrase != lemma:
        return title  # a modifier ("opposition") or a phrase headed by the noun ("armed group")
    if lemma not in POPULATION_NOUNS:
        return None
    country = title.country if title is not None else None
    country_text = title.country_text if title is not None else None
    if country is None:
        for i in range(left, right):
            c = owner.get(i)
            if c is not None and c.type == "country" and c.form is not None and not c.form.is_government:
                country, country_text = c.form.code, doc[c.start : c.end].text
                break
    return Title(text=doc[tok.i].text, agent=POPULATION_AGENT, country=country, country_text=country_text, plural=True)


def _place_title_country(doc: Doc, tok: Token, title: Title, left: int, right: int) -> None:
    """Country of a description from its place complement or place modifier.

    "the foreign ministry in Beijing", "officials in Kyiv", "rebels in Darfur", "the people of Gaza",
    "Gaza residents": a country, capital or sizeable gazetteer place gives its country; so does the "in"
    complement of a participle of location ("a newspaper based in Beirut", "the group operating in Iraq").
    """
    preps = list(tok.rights)
    for ch in tok.rights:
        if ch.dep_ == "acl" and ch.lemma_.lower() in LOCATION_PARTICIPLES:
            preps += [p for p in ch.rights if p.lower_ == "in"]
        if ch.dep_ == "acl" and ch.lemma_.lower() in FLIGHT_PARTICIPLES:
            # "refugees fleeing Burundi", "... fleeing (from) the civil war in Liberia": the place they come from
            for obj in ch.rights:
                if obj.dep_ == "dobj" and obj.ent_type_ not in ("ORG", "PERSON", "NORP"):
                    code = _place_country_in_context(doc[obj.left_edge.i : obj.i + 1].text.removeprefix("the "), tok)
                    if code is not None:
                        title.country, title.country_text = code, doc[obj.left_edge.i : obj.i + 1].text
                        return
                    preps += [p for p in obj.rights if p.lower_ == "in" and p.dep_ == "prep"]
                elif obj.dep_ == "prep" and obj.lower_ in ("from", "in"):
                    preps.append(obj)
    for prep in preps:
        # (an "of" complement the description took in for its title case counts too: "Residents of Gaza City")
        inside = prep.i < right and prep.lower_ == "of" and prep.head.i == tok.i and prep.i == tok.i + 1
        if (
            prep.dep_ == "prep"
            and prep.lower_ in ("in", "of", "from", "throughout", "across")
            and (prep.i >= right or inside)
        ):
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.ent_type_ in ("ORG", "PERSON", "NORP"):
                    continue  # "the leader of Hamas": an organisation, not a place
                place = doc[obj.left_edge.i : obj.i + 1].text
                code = _place_country_in_context(place.removeprefix("the ").removeprefix("The "), tok)
                if code is None and obj.ent_type_ in ("GPE", "LOC") and obj.i > obj.left_edge.i:
                    code = _place_country(obj.text)
                if code is None:
                    # "doctors from two American aid groups", "inhabitants of the Syrian Golan Heights"
                    for t in doc[obj.left_edge.i : obj.i + 1]:
                        form = country_forms().get(t.text) if t.is_title else None
                        if form is not None and form.type in ("name", "adj"):
                            code, place = form.code, t.text
                            break
                if code is not None:
                    title.country, title.country_text = code, place
                    return
    for ch in tok.lefts:
        if ch.dep_ == "compound" and ch.ent_type_ in ("GPE", "LOC") and left <= ch.i < right:
            code = _place_country(doc[ch.left_edge.i : ch.i + 1].text)
            if code is not None:
                title.country, title.country_text = code, doc[ch.left_edge.i : ch.i + 1].text
                return


#: Prepositions whose object is where a clause's action happens ("blocked streets in Hong Kong").
SCENE_PREPS = frozenset({"in", "at", "inside", "throughout", "across"})
#: Prepositions whose object is what the act reaches ("set fire to the embassy in X", "marched on the palace in X").
GOAL_PREPS = frozenset({"to", "on", "into", "onto", "outside", "against"})
#: First sectors of groups that are local to where they act when the text gives them no country: civilians,
#: protesters, the opposition, rebels, militias, criminals, workers ("Jihadists kidnapped two Italian nuns in
#: northern Mali" -> MLI; state forces and refugees are often foreign to the place, so not read this way).
LOCAL_SECTORS = frozenset({"CVL", "OPP", "REB", "UAF", "CRM", "LAB"})


def _scene_place(doc: Doc, obj: Token, tok: Token) -> tuple[str, str] | None:
    """(country, text) of a place named by a preposition's object ("Hong Kong", "central Baghdad", "the town of
    Cizre" through its "of"/"in" complement), or None."""
    for o in (obj, *(p for k in obj.rights if k.dep_ == "prep" and k.lower_ in ("of", "in") for p in k.children)):
        if o.dep_ != "pobj" or (o.ent_type_ in ("PERSON", "NORP") and lookup_country(o.text) is None):
            continue  # (a model ORG after "in" is often a town: "marched in Lyon"; "in northern Mali" tagged PERSON)
        first = o.i
        while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == o.i:
            first -= 1
        for start in dict.fromkeys((o.left_edge.i, first)):
            place = doc[start : o.i + 1].text
            code = _place_country_in_context(place.removeprefix("the ").removeprefix("The "), tok)
            if code is not None:
                return code, place
    return None


def _clause_place_country(doc: Doc, tok: Token, title: Title) -> None:
    """Country of civilians named without one from where their clause happens: the in/at object of the verb
    they are subject or object of, or of that verb's object or adverbial clause ("Hundreds of thousands of
    people blocked streets in Hong Kong", "Crowds stormed the parliament in Belgrade", "killed 20 people in
    Baghdad"): local people, as the events stage reads a sector-only side in its clause's place."""
    t = tok
    # up through counting phrases: "hundreds of thousands of people", "a crowd of villagers"
    while (
        t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.head.i and t.head.head.pos_ in ("NOUN", "NUM")
    ):
        t = t.head.head
    if t.dep_ not in ("nsubj", "nsubjpass", "dobj") or t.head.pos_ not in ("VERB", "AUX"):
        return
    verb = t.head
    # the verb, its object ("blocked streets in X") and an adverbial clause of the same act ("killed 23 people when
    # they blew themselves up in X")
    holders = [verb, *(o for o in verb.children if (o.dep_ == "dobj" and o.i != t.i) or o.dep_ == "advcl")]
    # the object of a directional preposition of the act: "set fire to the Swedish embassy in Baghdad" happens in
    # Baghdad, whatever country modifies the embassy
    holders += [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in GOAL_PREPS
        for o in p.children
        if o.dep_ == "pobj" and o.i != t.i
    ]
    if t.dep_ == "dobj":
        # the subject's own scene when the group is acted upon: "A Russian missile strike on Kyiv killed 12 people"
        for subj in verb.children:
            if subj.dep_ != "nsubj":
                continue
            for prep in subj.children:
                if prep.dep_ == "prep" and prep.lower_ in SCENE_PREPS | {"on"}:
                    for obj in prep.children:
                        found = _scene_place(doc, obj, tok)
                        if found is not None:
                            title.country, title.country_text = found
                            return
    for h in holders:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in SCENE_PREPS:
                continue
            for obj in prep.children:
                found = _scene_place(doc, obj, tok)
                if found is not None:
                    title.country, title.country_text = found
                    return


def _coordination_split(doc: Doc, c: Cand, others: list[tuple[int, int, str]]) -> int:
    """Where the first conjunct of coordinated country modifiers ends ("U.S. | and Russian negotiators"), or
    ``c.end`` when the modifiers are not a plain coordination before the head noun."""
    if others and all(c.head < s and e <= c.end for s, e, _code in others):
        # "the leaders of France and Germany": coordinated complements after the head, cut before the first "and"
        if any(doc[s - 1].lower_ not in ("and", "or", ",") for s, _e, _code in others):
            return c.end
        split = others[0][0]
        while split > c.head + 1 and doc[split - 1].lower_ in ("and", "or", ","):
            split -= 1
        return split
    if not others or any(not (c.start < s and e <= c.head) for s, e, _code in others):
        return c.end
    if any(doc[i].pos_ not in ("ADJ", "PROPN") for i in range(others[-1][1], c.head)):
        return c.end  # "Russia and Ukraine exchange prisoners" (a misparsed headline): no plain coordination
    for s, _e, _code in others:
        if doc[s - 1].lower_ not in ("and", "or", ","):
            return c.end
    split = others[0][0]
    while split > c.start and doc[split - 1].lower_ in ("and", "or", ","):
        split -= 1
    return split if split > c.start else c.end


@lru_cache(maxsize=1)
def _religion_hashes() -> frozenset[int]:
    """Hashes of the lower-case words ``religion_codes`` knows, and of their forms with a plural "s"."""
    return frozenset(hash_string(w) for k in RELIGION_CODES for w in (k, k + "s"))


def _religion_of(doc: Doc, start: int, end: int, owner: dict[int, Cand]) -> tuple[str, ...]:
    """CAMEO religion codes of the religion words among tokens [start, end) of a description ("Moslem
    fundamentalist demonstrators" -> MOS), skipping words inside a name ("Islamic Jihad", "Christian Democratic
    Union"): a named organisation's own faith is its table row's business."""
    out: list[str] = []
    by_hash = _religion_hashes()
    lower = _doc_arrays(doc).lower
    for i in range(start, end):
        if lower[i] not in by_hash:
            continue  # (no religion word: ``religion_codes`` of its text is empty)
        tok = doc[i]
        codes = religion_codes(tok.text)
        if not codes:
            continue
        c = owner.get(i)
        if (c is not None and c.type in ("org", "person")) or tok.ent_type_ in ("ORG", "PERSON", "FAC"):
            continue
        out.extend(codes)
    return tuple(dict.fromkeys(out))


def _modifies_non_agent(tok: Token) -> bool:
    """Whether a compound noun modifies a noun that heads no actor description ("army" in "army bulldozers")."""
    head = tok.head
    if head.i <= tok.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = head.lemma_.lower()
    table = agent_table()
    return table.get(lemma) is None and table.get(_word(head)) is None and lemma not in GROUP_NOUNS | POPULATION_NOUNS


#: Agent nouns that are also mass nouns: bare and singular ("use force") they name no actor.
MASS_AGENT_NOUNS = frozenset({"force"})
#: Left dependents that make a noun a countable description ("the force", "a peacekeeping force", "its forces").
NOUN_MODIFIER_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod", "nmod"})
#: Generic person nouns that head an actor description only with the modifier of an agent phrase ("armed men",
#: "masked man", "holy man", "displaced persons"); alone ("the man", "two women") they are no actor.
QUALIFIED_HEADS = frozenset({"man", "woman", "person"})


@lru_cache(maxsize=1)
def _qualified_head_hashes() -> frozenset[int]:
    return frozenset(hash_string(w) for w in QUALIFIED_HEADS)


def _qualified_head(doc: Doc, i: int) -> bool:
    """Whether a generic person noun and the modifier right before it are an agent phrase ("armed men")."""
    if i == 0 or doc[i].lemma_.lower() not in QUALIFIED_HEADS:
        return False
    prev, tok = doc[i - 1], doc[i]
    table = agent_table()
    return any(f"{prev.lower_} {w}" in table for w in (tok.lemma_.lower(), tok.lower_))


def _role_candidates(doc: Doc, owner: dict[int, Cand], sent_start: list[int]) -> list[Cand]:
    """Noun phrases headed by an agent noun ("the US diplomat", "Chinese companies", "state media")."""
    heads = agent_heads()
    table = agent_table()
    out: list[Cand] = []
    arrays = _doc_arrays(doc)
    head_hashes = _head_hashes()
    lemma_hashes = _head_or_collective_hashes()
    strings = doc.vocab.strings
    qualified_hashes = _qualified_head_hashes()
    lower_col, lemma_col, pos_col = arrays.lower, arrays.lemma, arrays.pos
    hits: list[int] = []
    misspelt_memo = _MISSPELT_HEADS
    for i in arrays.nouns:
        lem = lemma_col[i]
        low = lower_col[i]
        if lem in lemma_hashes or low in head_hashes:
            hits.append(i)
            continue
        if pos_col[i] == NOUN:
            misspelt = misspelt_memo.get((low, lem))
            if misspelt is None:
                misspelt = _misspelt_head_hash(low, lem, strings)
            if misspelt and doc[i].is_lower:
                hits.append(i)
                continue
        if lem in qualified_hashes and _qualified_head(doc, i):
            hits.append(i)
    for i in hits:
        occupied = owner.get(i)
        if (
            occupied is not None
            and occupied.type not in ("other", "country")
            and not (occupied.type == "org" and not occupied.entries)
        ):
            continue  # inside a name or title ("Foreign Minister" of "Foreign Minister Wang Yi")
        if (
            occupied is not None
            and occupied.type == "other"
            and occupied.label in ("GPE", "LOC", "FAC")
            and occupied.length > 1
            and i == occupied.end - 1
        ):
            continue  # the last word of a place name ("Port-au-Prince"), not an agent noun ("prince")
        tok = doc[i]
        # "Israeli army bulldozers", "Ugandan opposition candidates": an agent noun modifying a noun that names
        # no actor is the actor of the phrase, with the country modifiers before it (needs a country below)
        compound = tok.dep_ == "compound"
        modifier = compound and _modifies_non_agent(tok)
        if compound and not modifier:
            continue
        lemma = tok.lemma_.lower()
        if (
            lemma in MASS_AGENT_NOUNS
            and tok.tag_ == "NN"
            and not any(ch.dep_ in NOUN_MODIFIER_DEPS for ch in tok.lefts)
        ):
            continue  # "threatened to use force", "by force": the mass noun, not an armed force
        if lemma in PLACE_NOUNS and _first_conjunct(tok).dep_ == "pobj":
            continue  # "in the capital", "to the town", "residents of the city": a place, not an actor
        collective = lemma in GROUP_NOUNS or lemma in POPULATION_NOUNS
        if _word(tok) not in heads and lemma not in heads and not collective and not _qualified_head(doc, i):
            continue
        left = tok.i
        for child in tok.lefts:
            if child.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod", "advmod", "punct"):
                left = min(left, child.left_edge.i)
        if modifier:
            for child in tok.head.lefts:
                if child.i < tok.i and child.dep_ in ("det", "amod", "compound", "nmod", "poss"):
                    left = min(left, child.left_edge.i)
        left = max(left, sent_start[tok.i])
        # "Sierra Leonean and Liberian refugees" parsed with the first demonym outside the noun phrase: a
        # demonym coordinated right before the phrase's own country modifier is one of its modifiers too
        while not modifier and left - 2 >= sent_start[tok.i] and doc[left - 1].lower_ in ("and", "or", ","):
            prev = owner.get(left - 2)
            own_mod = owner.get(left)
            if not (
                prev is not None
                and prev.type == "country"
                and prev.form is not None
                and prev.form.type == "adj"
                and own_mod is not None
                and own_mod.type == "country"
                and own_mod.form is not None
                and own_mod.form.type == "adj"
                and own_mod.start == left
            ):
                break
            left = prev.start
        right = tok.i + 1
        for child in tok.rights if not modifier else ():
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == tok.i + 1:
                pobj = [g for g in child.children if g.dep_ == "pobj"]
                if pobj:
                    words = [_word(doc[i]) for i in range(left, pobj[0].right_edge.i + 1)]
                    longer = _best_agent(tuple(words), tok.i - left)
                    title_case = all(doc[i].is_title for i in range(child.i + 1, pobj[0].right_edge.i + 1))
                    pobj_owner = owner.get(pobj[0].i)
                    is_country = pobj_owner is not None and pobj_owner.type == "country" and pobj_owner.form is not None
                    if (longer and longer[2] > tok.i - left + 1) or (tok.is_title and title_case) or is_country:
                        right = pobj[0].right_edge.i + 1
        # a range that swallows a named person or organisation is not a description
        inner = {id(owner[i]): owner[i] for i in range(left, right) if i in owner}
        anchor = -1
        persons = [x for x in inner.values() if x.type == "person"]
        if len(persons) == 1 and persons[0].end <= tok.i and not modifier:
            # "the Bush administration", "Djindjic's opposition coalition": the description after its person
            root = _root(doc, persons[0].name_start, persons[0].end)
            if root.dep_ in ("compound", "poss") and root.head.i == tok.i:
                anchor = root.i
                left = persons[0].end + (1 if persons[0].end < tok.i and doc[persons[0].end].tag_ == "POS" else 0)
                inner = {k: x for k, x in inner.items() if x.start >= left}
        if any(x.type == "person" or (x.type == "org" and x.entries and x.end > tok.i) for x in inner.values()):
            continue  # a named actor, not a description (organisation modifiers are fine: "NATO officials")
        for x in inner.values():
            left = min(left, x.start) if x.start >= sent_start[tok.i] else left
            right = max(right, x.end)
        while left < right - 1 and (arrays.punct[left] or arrays.quote[left]):
            left += 1
        title = _title_from_tokens(doc, list(range(left, right)), owner, head=tok.i)
        if collective:
            title = _collective_title(doc, tok, title, left, right, owner)
        if title is None or title.agent is None:
            continue
        if title.country is None:
            _place_title_country(doc, tok, title, left, right)
        if title.country is None and title.agent.sectors[:1] and title.agent.sectors[0] in LOCAL_SECTORS:
            _clause_place_country(doc, tok, title)  # "thousands of people blocked streets in Hong Kong"
        if title.agent is POPULATION_AGENT and title.country is None and not _counted(tok):
            continue  # "the people", "poor people": no particular actor without a country ("20 people" are)
        if (modifier or title.agent.kind == "equipment") and title.country is None:
            continue  # "police custody", "the tanks": no actor without a country or organisation
        agent = title.agent
        if not agent.sectors and agent.ref is None and agent is not POPULATION_AGENT:
            continue
        if agent.phrase in GENERIC_STAFF and agent.sectors == ("GOV",):
            # "Israeli intelligence officials", "police officers", "army sources": the modifier's sector leads
            for ch in tok.lefts:
                mod = table.get(_word(ch)) if ch.dep_ in ("compound", "amod") else None
                if mod is not None and mod.sectors and mod.sectors != ("GOV",) and not mod.is_person:
                    agent = title.agent = replace(agent, sectors=tuple(dict.fromkeys((*mod.sectors, *agent.sectors))))
                    break
        if (
            "MED" in agent.sectors
            and "GOV" not in agent.sectors
            and any(doc[i].lower_ in STATE_MEDIA_WORDS for i in range(left, tok.i))
        ):
            # "an official Syrian newspaper", "the state-run daily": state media, as "state media" (MED GOV)
            agent = title.agent = replace(agent, sectors=(*agent.sectors, "GOV"))
        faith = _religion_of(doc, left, tok.i + 1, owner)
        if faith and agent.sectors and not set(faith) <= set(agent.sectors):
            # "Moslem fundamentalist demonstrators" CVL OPP MOS, "Jewish settlers" CVL JEW, "Muslims" REL MOS
            agent = title.agent = replace(agent, sectors=tuple(dict.fromkeys((*agent.sectors, *faith))))
        if collective:
            pass  # the agent comes from a modifier ("opposition groups") or is the population agent
        elif agent.phrase not in table or agent.phrase.split()[-1] not in (_word(tok), tok.lemma_.lower()):
            # the agent phrase must be headed by this noun (e.g. not "state" inside "state media")
            if (
                tok.i < right - 1
                and agent.ref is None
                and agent.phrase.split()[-1] in [_word(doc[i]) for i in range(tok.i, right)]
            ):
                pass
            else:
                continue
        dets = [ch for ch in tok.lefts if ch.dep_ in ("det", "poss")]
        definite = any(d.lower_ in DEFINITE for d in dets) or anchor >= 0
        plural = (
            tok.tag_ in ("NNS", "NNPS")
            or _word(tok) in COLLECTIVE
            or collective
            or modifier
            or agent.kind == "equipment"
        )
        has_modifier = title.country is not None or right - left > 1
        if not plural and not has_modifier and not dets:
            continue  # a bare singular noun ("as minister") names no one in particular
        numbered = any(ch.dep_ == "nummod" or ch.lower_ in ("both", "all") for ch in tok.lefts)
        if plural and numbered and definite and title.country is None:
            continue  # "the two leaders": a set of earlier actors, not a new group
        if (
            not plural
            and not definite
            and title.country is None
            and not _stance_tokens(arrays.lower, list(range(left, right)))
        ):
            continue  # "an editorial", "a minister": no particular actor ("an anti-Syria journalist" is one)
        out.append(
            Cand(
                left,
                right,
                "role",
                P_ENT_ORG,
                title=title,
                head=tok.i,
                plural=plural,
                definite=definite,
                agent=agent,
                label=tok.ent_type_ or None,
                anchor=anchor,
            )
        )
    out.extend(_nominal_people(doc, owner, out))
    return out


#: Adjectives and participles used as nouns for people ("the wounded", "the dead"): civilians, CAMEO CVL.
NOMINAL_PEOPLE = frozenset({"wounded", "injured", "dead", "displaced", "homeless", "elderly", "starving", "bereaved"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})


@lru_cache(maxsize=1)
def _nominal_hashes() -> frozenset[int]:
    return frozenset(hash_string(w) for w in NOMINAL_PEOPLE)


def _nominal_people(doc: Doc, owner: dict[int, Cand], roles: list[Cand]) -> list[Cand]:
    """People named by an adjective or participle after "the" in a noun's place ("evacuated the wounded", "the
    dead were buried"): a civilian group (CVL), placed like other civilians (clause place, else the article)."""
    hashes = _nominal_hashes()
    out: list[Cand] = []
    lower = _doc_arrays(doc).lower
    if hashes.isdisjoint(lower):
        return []  # (no "wounded", "dead" ... in the document)
    taken = {i for r in roles for i in range(r.start, r.end)}
    for i in [i for i, low in enumerate(lower) if low in hashes]:
        if i in owner or i in taken:
            continue
        tok = doc[i]
        if tok.dep_ not in _NOMINAL_DEPS or tok.pos_ not in ("VERB", "ADJ", "NOUN"):
            continue
        if not any(ch.dep_ == "det" and ch.lower_ == "the" and ch.i == i - 1 for ch in tok.lefts):
            continue  # "the wounded", not "wounded soldiers" or "were wounded"
        if any(ch.dep_ in ("dobj", "nsubj", "nsubjpass", "auxpass", "aux") for ch in tok.children):
            continue  # a verb with its own arguments ("the wounded man" parsed as a clause)
        agent = Agent(phrase=tok.lower_, sectors=("CVL",), kind="any", source="rule")
        title = Title(text=tok.text, agent=agent, plural=True)
        _clause_place_country(doc, tok, title)
        out.append(Cand(i - 1, i + 1, "role", P_ENT_ORG, title=title, head=i, plural=True, definite=True, agent=agent))
    return out


# ---------------------------------------------------------------------------------------------
# Resolution


class _Resolver:
    """Builds actors and mentions for one document, in document order."""

    def __init__(self, doc: Doc, analysis: Analysis, ctx: Context, table: ActorTable) -> None:
        self.doc = doc
        self.arrays = _doc_arrays(doc)
        self.analysis = analysis
        self.date = ctx.published
        self.table = table
        self.drafts: list[Draft] = []
        self.by_key: dict[str, Draft] = {}
        self.mentions: list[tuple[int, int, Draft, MentionKind, str | None]] = []
        #: start token of a mention -> confidence of its link, when below the actor's own (pronouns)
        self.link_confidence: dict[int, float] = {}
        #: (draft of "leaders"/"officials", token of its "of" complement): codes taken from the complement later
        self.of_links: list[tuple[Draft, int]] = []
        #: (token, country) of capitals used as places ("talks in Beijing"): evidence of the article's country
        self.places: list[tuple[int, str]] = []
        #: acronyms defined by "Full Name (ACR)" in the article -> the full name's actor
        self.acronyms: dict[str, Draft] = {}

    # -- drafts
    def draft(self, key: str, **kwargs: object) -> Draft:
        d = self.by_key.get(key)
        if d is None:
            d = Draft(key=key, **kwargs)  # type: ignore[arg-type]
            self.by_key[key] = d
            self.drafts.append(d)
        return d

    def mention(self, c: Cand, d: Draft, kind: MentionKind) -> None:
        label = c.label
        if label is None:
            ent_type = self.arrays.ent_type
            for i in range(c.start, c.end):
                if ent_type[i]:
                    label = self.doc.vocab.strings[ent_type[i]]
                    break
        self.mentions.append((c.start, c.end, d, kind, label))
        d.last = c.end
        d.count += 1
        if d.kind == "person" and kind != "pronoun":
            first = c.start if c.name_start < 0 else min(c.start, c.name_start)
            lower = self.arrays.lower
            titles = _gender_hashes()
            for i in (first - 1, first, c.name_start - 1):
                g = titles.get(lower[i]) if 0 <= i < len(lower) else None
                if g is not None:
                    d.gender = g if d.gender in (None, g) else "?"
                    break

    # -- persons
    def pick_row(self, rows: list[ActorEntry], title: Title | None) -> ActorEntry:
        def score(r: ActorEntry) -> tuple[int, int, int, dt.date]:
            agree = 0
            if title is not None and title.agent is not None:
                if title.agent.office and title.agent.office == r.office:
                    agree = 2
                elif set(title.agent.sectors) & set(r.sectors):
                    agree = 1
            status = r.status_on(self.date)
            wanted = "former" if title is not None and title.former else "current"
            return (agree, 1 if status == wanted else 0, 1 if status != "unknown" else 0, r.start or dt.date.min)

        return max(rows, key=score)

    def person_from_rows(self, rows: list[ActorEntry], c: Cand, evidence: str, conf: float) -> Draft:
        row = self.pick_row(rows, c.title)
        d = self.draft(
            "kb:" + row.id,
            name=row.name,
            kind="person",
            kb_id=row.id,
            confidence=conf,
            name_tokens=set(normalise_name(row.name).split()),
        )
        if d.count == 0:
            d.country = row.country
            d.sectors = list(row.sectors)
            d.office = row.office
            role = row.role or (c.title.role() if c.title is not None else None)
            if role and row.office in ("head_of_state", "head_of_government"):
                role += f" ({OFFICE_LABELS[row.office]})"
            d.role = role
            status: RoleStatus = row.status_on(self.date)
            title = c.title
            if title is not None and title.former:
                status = "former"
            elif title is not None and _is_rank(title) and "MIL" not in d.sectors and d.sectors:
                # "Lt. Gen. Prosper Avril", a ruler the table has in a GOV office: a military rank is no office and
                # replaces none.  In office on the date the office leads, the rank adds MIL; out of it the rank
                # leads and the office follows (the one the story may still be about when its date is unsure)
                if _out_of_office(rows, self.date):
                    d.sectors.insert(0, "MIL")
                else:
                    d.sectors.append("MIL")
                d.evidence.append(f"military rank '{title.text}' beside the table's office -> MIL added")
            elif title is not None and title.agent is not None and title.agent.sectors:
                # the text gives a current title: it wins over the table's dates
                agrees = (title.agent.office is not None and title.agent.office == row.office) or set(
                    title.agent.sectors
                ) & set(row.sectors)
                moved = title.country is not None and title.country != row.country  # "U.N. mediator X"
                if status != "current" and (not agrees or moved):
                    d.role = title.role()
                    d.sectors = _sectors_for(title.country, title.agent.sectors) if moved else list(title.agent.sectors)
                    d.office = title.agent.office
                    d.country = title.country or d.country
                    d.evidence.append(f"text title '{title.text}' replaces the table row, not held on the date")
                status = "current"
            elif _out_of_office(rows, self.date) and "ELI" not in d.sectors:
                # in none of its offices on the date and no title in the text: one of the elites, as the
                # Phoenix dictionaries code a person outside their dated offices (``XXXELI``)
                d.sectors.insert(0, "ELI")
                d.evidence.append("in no table office on the date -> ELI (elite) before the office's sectors")
            d.role_status = status
            d.evidence.append(f"{evidence} -> table row {row.id} ({row.role or '-'} {row.dates}, {row.source})")
            self.add_title_evidence(d, c.title)
            _add_elite(d, c.title)
        return d

    def add_title_evidence(self, d: Draft, title: Title | None) -> None:
        if title is None:
            return
        if title.country_text:
            d.evidence.append(f"title country '{title.country_text}' -> {title.country}")
        if title.agent is not None:
            d.evidence.append(
                f"title '{title.text}' -> agent '{title.agent.phrase}' {' '.join(title.agent.sectors) or '-'}"
                f" ({title.agent.source})"
            )
        if title.former:
            d.evidence.append("'then-'/'former' marks a former office")

    def earlier_person(self, tokens: list[str]) -> Draft | None:
        wanted = set(tokens)
        cands = [d for d in self.drafts if d.kind == "person" and wanted <= d.name_tokens and d.count]
        if not cands:
            return None
        return max(cands, key=lambda d: (d.last, d.count))

    def resolve_person(self, c: Cand) -> None:
        name_end = c.end
        if c.title is not None and c.title.country_text and c.end - 1 > c.name_start:
            # a trailing "of <country>" belongs to the title, not the name
            tail = c.title.country_text.split()
            first = c.end - len(tail)
            span_text = self.arrays.span_text
            if first < 1:  # (a tail from the document's start: token slices as before)
                of = [t.text for t in self.doc[first : c.end]] == tail and self.doc[first - 1].lower_ == "of"
            else:
                of = [span_text(i, i + 1) for i in range(first, c.end)] == tail and self.arrays.lower[
                    first - 1
                ] == _of_hash()
            if of:
                name_end = first - 1
        name = _display_name(self.doc, c.name_start, name_end, self.arrays)
        tokens = normalise_name(name).split()
        if not tokens:
            return
        kind: MentionKind = "name"
        if len(tokens) == 1 or (c.title is None and self.earlier_person(tokens) is not None and len(tokens) < 3):
            d = self.earlier_person(tokens)
            if d is not None and (len(tokens) == 1 or not self.table.exact(name)):
                self.mention(c, d, "surname" if len(tokens) == 1 else "name")
                return
        entries = [e for e in (c.entries or self.table.exact(name)) if e.kind == "person"]
        shortened = not entries and len(tokens) == 2
        if shortened:
            entries = self.table.outer(name)  # "Carlos Menem": a table name without its middle name
        ambiguous = entries
        if entries:
            ids = {e.id for e in entries}
            if len(ids) > 1:
                current = [e for e in entries if e.status_on(self.date) == "current"]
                if current and len({e.id for e in current}) == 1:
                    entries = [e for e in entries if e.id == current[0].id]
                else:
                    entries = []
            if entries:
                exact_name = normalise_name(entries[0].name) == normalise_name(name)
                rows = self.table.rows_of[entries[0].id]
                if len(tokens) == 1:
                    kind = "surname"
                    evidence = f"surname '{name}' unique among table persons in office"
                    conf = 0.7
                elif shortened:
                    kind, evidence, conf = (
                        "alias",
                        f"name '{name}' is '{entries[0].name}' without its middle name",
                        0.85,
                    )
                else:
                    kind = "name" if exact_name else "alias"
                    evidence = f"name '{name}' {'exact' if exact_name else 'alias'}"
                    conf = 0.95
                d = self.person_from_rows(rows, c, evidence, conf)
                self.mention(c, d, kind)
                return
        titled = self.titled_surname(tokens, c, name)
        if titled is not None:
            d = self.person_from_rows(titled, c, f"titled name '{name}' unique among table persons", 0.7)
            self.mention(c, d, "surname" if len(tokens) == 1 else "name")
            return
        if len(tokens) >= 2:
            fz = self.table.fuzzy(name)
            if fz is not None and not self.title_conflicts(fz[0], c.title):
                rows, score, form = fz
                d = self.person_from_rows(rows, c, f"fuzzy '{name}' ~ '{form}' ({score:.0f})", 0.85)
                self.mention(c, d, "name")
                return
        misspelt = self.misspelt_holders(name, tokens, c.title)
        if misspelt is not None:
            rows, how = misspelt
            d = self.person_from_rows(rows, c, how, 0.6)
            self.mention(c, d, "name")
            return
        # not in the table: an actor from the text alone
        key = "name:" + " ".join(tokens)
        d = self.draft(key, name=name, kind="person", name_tokens=set(tokens), confidence=0.5)
        if d.count == 0:
            d.evidence.append(f"person '{name}' not in the actor table")
            self.apply_title(d, c.title)
            if d.country is None:
                self.holders_country(d, name, tokens, c.title, ambiguous)
            if d.country is None and len(tokens) == 1:
                countries = self.surname_countries(tokens[0], c.title)
                if len(countries) == 1 and c.title is not None:
                    d.country = next(iter(countries))
                    d.evidence.append(f"every table person '{name}' with that title is of {d.country}")
                elif countries:
                    d.may_be = countries
            if not d.sectors and d.country is None:
                obj = _member_complement(_root(self.doc, c.name_start, name_end))
                if obj is not None:
                    # "A member of the Syrian parliament, Mohammed Mamoun," / "X, a leader of the coalition,"
                    self.of_links.append((d, obj.i))
        self.mention(c, d, "surname" if len(tokens) == 1 else "name")

    def title_holders(self, name: str, tokens: list[str], title: Title | None) -> tuple[list[ActorEntry], str]:
        """Table rows a titled name may stand for, whatever their dates, and how they were found.

        The title must give a sector and the rows share it (and the title's country and office, when given).
        First the persons the source knows by this very title ("President Bush" is a titled form of both
        Presidents Bush, not of the Cayman Islands' McKeeva Bush); else, for a single word, its surname bearers.
        """
        if title is None or title.agent is None or not title.agent.sectors:
            return [], ""
        agent = title.agent
        wanted = set(agent.sectors)

        def agrees(e: ActorEntry) -> bool:
            return (
                e.kind == "person"
                and bool(wanted & set(e.sectors))
                and (title.country is None or title.country == e.country)
                and (not agent.office or not e.office or e.office == agent.office)
            )

        known = [e for e in self.table.titled(title.text, name) if agrees(e)]
        if known:
            return known, f"titled form '{title.text} {name}'"
        if len(tokens) == 1:
            return [e for e in self.table.surname(tokens[0]) if agrees(e)], f"titled surname '{name}'"
        return [], ""

    def titled_surname(self, tokens: list[str], c: Cand, name: str = "") -> list[ActorEntry] | None:
        """Rows of the one table person a titled surname can be ("President Mugabe"), or None.

        The title must give a sector; bearers of the surname (or, when the source knows the titled form,
        the persons it names) must share it (and the title's country, when given); with several such
        bearers those in office on the publication date are preferred.
        """
        title = c.title
        if title is None or title.agent is None or not title.agent.sectors:
            return None
        bearers, how = self.title_holders(name or " ".join(tokens), tokens, title)
        if len(tokens) != 1 and not how.startswith("titled form"):
            return None
        ids = {e.id for e in bearers}
        if len(ids) > 1:
            ids = {e.id for e in bearers if e.status_on(self.date) == "current"}
        if len(ids) != 1:
            return None
        return self.table.rows_of[ids.pop()]

    def misspelt_holders(
        self, name: str, tokens: list[str], title: Title | None
    ) -> tuple[list[ActorEntry], str] | None:
        """Rows of the one table person a titled, misspelt name stands for ("President Dos Sontas"), or None.

        Only with a title giving a sector: the bearers of the nearest surnames (``ActorTable.fuzzy_surname``)
        must share the title's sector (and country and office, when given) and be one person, after
        preferring those in office on the date.  A single written word must have eight letters or more, and the
        written surname must be no table surname itself.
        """
        if title is None or title.agent is None or not title.agent.sectors:
            return None
        if len(tokens[-1]) < (8 if len(tokens) == 1 else 5) or self.table.surname(tokens[-1]):
            # a short lone word may be a mononymous leader the table lacks ("President Suharto" is not Sutarto);
            # a surname the table knows is no misspelling ("King Hassan" is not Saad Hassar)
            return None
        agent = title.agent
        wanted = set(agent.sectors)
        hits = [
            (dist, e)
            for dist, e in self.table.fuzzy_surname(name)
            if wanted & set(e.sectors)
            and (title.country is None or title.country == e.country)
            and (not agent.office or not e.office or e.office == agent.office)
        ]
        if not hits:
            return None
        best = min(dist for dist, _ in hits)
        rows = [e for dist, e in hits if dist == best]
        ids = {e.id for e in rows}
        if len(ids) > 1:
            ids = {e.id for e in rows if e.status_on(self.date) == "current"}
        if len(ids) != 1:
            return None
        person = self.table.rows_of[ids.pop()]
        how = f"titled name '{name}' misspelt for '{person[0].name}' ({best} edit{'s' if best > 1 else ''})"
        return person, how

    def holders_country(
        self, d: Draft, name: str, tokens: list[str], title: Title | None, ambiguous: list[ActorEntry]
    ) -> None:
        """Country (and sector) of a person the table cannot pin down when every candidate shares it.

        "President Bush" in 2000 is neither President Bush in office, but both were of the USA; "José Silva"
        may be two table persons of Brazil.  Candidates: the holders of the text's title (``title_holders``),
        else the persons an exact name may be.  The person stays unknown, with lower confidence.
        """
        holders, how = self.title_holders(name, tokens, title)
        if not holders and not (title is not None and title.agent is not None and title.agent.sectors):
            holders, how = [e for e in ambiguous if e.kind == "person"], f"name '{name}'"
        countries = {e.country for e in holders}
        if len(countries) != 1 or None in countries:
            return
        code = next(iter(countries))
        assert code is not None
        d.country = code
        if not d.sectors:
            primaries = {e.sectors[0] for e in holders if e.sectors}
            if len(primaries) == 1:
                d.sectors = _sectors_for(code, primaries)
        d.confidence = 0.6
        persons = sorted({e.name for e in holders})
        shown = ", ".join(persons[:3]) + (" ..." if len(persons) > 3 else "")
        d.evidence.append(
            f"{how}: every table person it may be ({shown}) is of {code}"
            + ("" if any(e.status_on(self.date) == "current" for e in holders) else ", none in office on the date")
        )

    def leader_country(self, person: Draft, noun: Token) -> None:
        """Country of an unknown person whose name qualifies a government noun ("the Bush administration",
        "the Rabin government"): the one country of the table persons known by that phrase ("Bush
        Administration" is a form of both Presidents Bush), else of the surname's bearers whom the source
        titles as head of state or government ("President X", "Prime Minister X"), else of its bearers in
        government."""
        words = normalise_name(person.name).split()
        if not words:
            return
        phrase = f"{person.name} {noun.text}"
        holders = [e for e in self.table.exact(phrase) if e.kind == "person"]
        how = f"'{phrase}' names"
        if not holders:
            holders = [e for e in self.table.surname(words[-1]) if e.kind == "person" and _titled_leader(e)]
            how = f"heads of state or government named '{person.name}' are"
        if not holders:
            holders = [e for e in self.table.surname(words[-1]) if e.kind == "person" and "GOV" in e.sectors]
            how = f"government members named '{person.name}' are"
        countries = {e.country for e in holders}
        if len(countries) != 1 or None in countries:
            return
        person.country = next(iter(countries))
        person.may_be = None
        person.confidence = max(person.confidence, 0.6)
        persons = sorted({e.name for e in holders})
        person.evidence.append(f"{how} table persons ({', '.join(persons[:3])}) all of {person.country}")

    def surname_countries(self, surname: str, title: Title | None) -> frozenset[str]:
        """The countries of the table persons with this surname whose sector agrees with the title.

        One country: "President Reagan" may be several table persons, all of the USA, so the person stays
        unknown but the country is known.  Several: the article may pick one of them, no other.  Without a
        title every bearer counts.
        """
        if title is not None and title.country is not None:
            return frozenset()
        wanted = set(title.agent.sectors) if title is not None and title.agent is not None else set()
        return frozenset(
            e.country
            for e in self.table.surname(surname)
            if e.kind == "person" and e.country and (not wanted or wanted & set(e.sectors))
        )

    @staticmethod
    def title_conflicts(rows: list[ActorEntry], title: Title | None) -> bool:
        """Whether the text's title rules out every table row of a fuzzily matched person."""
        if title is None or title.agent is None or not title.agent.sectors:
            return False
        for r in rows:
            same_country = title.country is None or title.country == r.country
            same_sector = bool(set(title.agent.sectors) & set(r.sectors)) or (
                title.agent.office is not None and title.agent.office == r.office
            )
            if same_country and same_sector:
                return False
        return True

    def apply_title(self, d: Draft, title: Title | None) -> None:
        if title is not None and title.agent is None and title.country and not d.country:
            d.country = title.country
            d.confidence = max(d.confidence, 0.6)
            d.evidence.append(f"'of {title.country_text}' after the name -> {title.country}")
        if title is None or title.agent is None:
            return
        d.country = d.country or title.country
        if not d.sectors:
            d.sectors = _sectors_for(d.country, title.agent.sectors)
        d.office = d.office or title.agent.office
        d.role = d.role or title.role()
        d.role_status = "former" if title.former else "current"
        d.confidence = max(d.confidence, 0.75 if title.country else 0.65)
        self.add_title_evidence(d, title)
        _add_elite(d, title)

    # -- organisations, countries, roles
    def resolve_org(self, c: Cand) -> None:
        if c.entries:
            hand = (OUTLET_SOURCE, "actors.csv")
            rows = _by_date(c.entries, self.date)
            e = sorted(rows, key=lambda x: x.source not in hand and not x.source.endswith(".csv"))[0]
            d = self.draft(
                "kb:" + e.id,
                name=e.name,
                kind="organization",
                country=e.country,
                sectors=list(e.sectors),
                kb_id=e.id,
                confidence=0.9,
            )
            if d.count == 0:
                dated = f", {e.role or 'row'} {e.dates} on {self.date}" if e.start or e.end else ""
                d.evidence.append(
                    f"organisation '{self.arrays.span_text(c.start, c.end)}' -> {e.id} ({e.source}{dated})"
                )
                stateless = e.country is None or country_kinds().get(e.country) == "region"
                if stateless and "IGO" not in e.sectors and e.source != OUTLET_SOURCE:
                    own = _name_country(e.name) or _name_country(self.arrays.span_text(c.start, c.end))
                    if own is not None:
                        # "Palestinian Islamic Jihad" [MEAREB]: the nationality the name carries is more precise
                        d.country = own[0]
                        d.sectors = _sectors_for(own[0], [x for x in d.sectors if x != "INT"]) or d.sectors
                        given = f"region {e.country}" if e.country else "no country"
                        d.evidence.append(f"'{own[1]}' in its name -> {own[0]} (the table gives {given})")
            text = normalise_name(_display_name(self.doc, c.start, c.end, self.arrays))
            self.mention(c, d, "name" if text == normalise_name(e.name).removeprefix("the ") else "alias")
            return
        doc = self.doc
        if c.end < len(doc) and doc[c.end].text == ")" and "(" in doc[c.start : c.end].text.replace(")", ""):
            c.end += 1  # "Umma (Nation" as the model cut it: the bracketed gloss closes the name
        party = c.end < len(doc) and doc[c.end].lower_ in PARTY_WORDS and doc[c.end].pos_ == "NOUN"
        if party:
            c.end += 1  # "the Umma party": a party of that name
        party = party or (c.end - c.start > 1 and doc[c.end - 1].lower_ in PARTY_WORDS)  # "the Fatah Party"
        name = _display_name(self.doc, c.start, c.end, self.arrays)
        acronym = self.bracketed_acronym(c.end, name)
        if acronym is not None:
            # "The International Labor Office (ILO)": the name's own initials in brackets name a table organisation
            known = [e for e in self.table.acronym(acronym) if e.source != OUTLET_SOURCE]
            if known:
                c.entries = known
                self.resolve_org(c)
                self.acronyms[acronym] = self.mentions[-1][2]
                self.mentions[-1][2].evidence.append(f"'{name}' is '{acronym}', its initials in brackets")
                return
        if c.end - c.start == 1 and name.isupper() and name.isalpha():
            if name in self.acronyms:
                # a bare acronym an earlier "Full Name (ACR)" of the article defined
                self.mention(c, self.acronyms[name], "alias")
                return
            known = [e for e in self.table.acronym(name) if e.source != OUTLET_SOURCE]
            if known:
                # an acronym the table knows as an organisation's code ("ILO")
                c.entries = known
                self.resolve_org(c)
                return
        title = _title_from_tokens(self.doc, list(range(c.start, c.end)), {})
        d = self.draft("org:" + normalise_name(name), name=name, kind="organization", confidence=0.4)
        if acronym is not None:
            self.acronyms[acronym] = d
        if d.count == 0:
            d.evidence.append(f"organisation '{name}' (model ORG) not in the actor table")
            if title is not None and title.agent is not None:
                d.sectors = list(title.agent.sectors)
                d.country = title.country
                d.confidence = 0.55
                d.evidence.append(f"agent '{title.agent.phrase}' -> {' '.join(title.agent.sectors)}")
            if party and not d.sectors:
                d.sectors = ["PTY"]
                d.evidence.append(f"'{doc[c.end - 1].text}' after the name -> PTY")
            if d.country is None:
                inner = self.inner_country(c.start, c.end)
                if inner is not None:
                    d.country, text = inner
                    d.sectors = _sectors_for(d.country, d.sectors) if d.sectors else d.sectors
                    if country_kinds().get(d.country) is None and "IGO" not in d.sectors:
                        d.sectors.insert(0, "IGO")  # a body of an IGO ("United Nations Relief Coordinator")
                    d.confidence = max(d.confidence, 0.5)
                    d.evidence.append(f"'{text}' in the name -> {d.country}")
            words = {w.lower() for w in name.split()}
            if d.country is None and "NGO" not in d.sectors and words & NGO_NAME_WORDS:
                # "Association of African Jurists", "Third World Water Forum": an association of no state
                d.sectors.insert(0, "NGO")
                d.evidence.append(f"'{sorted(words & NGO_NAME_WORDS)[0]}' in a name of no state -> NGO")
        self.mention(c, d, "name")

    def bracketed_acronym(self, end: int, name: str) -> str | None:
        """The acronym in brackets right after a name ("International Labor Office (ILO)") when its letters are the
        name's initials in order (first letters equal), else None."""
        doc = self.doc
        if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            return None
        acr = doc[end + 1].text.replace(".", "")
        if not (2 <= len(acr) <= 8 and acr.isalpha() and acr.isupper()):
            return None
        return acr if is_acronym_of(acr, name) else None

    def inner_country(self, start: int, end: int) -> tuple[str, str] | None:
        """The country or IGO named inside an unknown organisation's name ("Palestinian Liberation Organization",
        "Baghdad University", "United Nations Emergency Relief Coordinator"): (code, the words), or None."""
        doc = self.doc
        for i in range(start, end):
            for j in range(min(end, i + 3), i, -1):
                text = doc[i:j].text
                form = country_forms().get(text)
                if form is not None and form.type in ("name", "adj", "capital"):
                    return form.code, text
                if j - i >= 2 or doc[i].is_upper:
                    for x in self.table.exact(text):
                        if x.kind != "person" and x.country and x.source != OUTLET_SOURCE:
                            return x.country, text
        return None

    def country_draft(self, code: str, text: str) -> Draft:
        name = country_name(code) or code
        d = self.draft("country:" + code, name=name, kind="country", country=code, confidence=0.95, kb_id=code)
        if d.count == 0:
            d.evidence.append(f"country form '{text}' -> {code} (CAMEO codes a bare country as its country code)")
            misspelt = _misspelt_country(text) if " " not in text and _country_form(text) is None else None
            if misspelt is not None:
                d.confidence = 0.8
                d.evidence.append(f"'{text}' read as a misspelling of {misspelt.form}")
        return d

    def resolve_country(self, c: Cand) -> None:
        form = c.form
        assert form is not None
        text = self.arrays.span_text(c.start, c.end)
        if (
            form.type == "adj"
            and c.length == 1
            and form.form.endswith("ese")
            and (tok := self.doc[c.start]).pos_ in ("NOUN", "PROPN")
            and tok.dep_ not in ("amod", "compound", "nmod", "npadvmod")
        ):
            # "Thousands of Sudanese fled", "the Lebanese": an -ese adjective is its own plural people noun
            form = CountryForm(form.code, form.form, "people")
        if form.is_government:
            if _is_locative(self.doc[c.end - 1]):
                self.places.append((c.start, form.code))
                return  # a place ("talks in Beijing"), left to the places stage
            if text.isupper() and not form.form.isupper():
                return  # a dateline ("NEW DELHI —"), a place
            sector = form.sector or "GOV"
            cname = country_name(form.code) or form.code
            name = f"{SECTOR_NAMES.get(sector, sector.lower()).capitalize()} of {cname}"
            d = self.draft(
                f"gov:{form.code}:{sector}",
                name=name,
                kind="organization",
                country=form.code,
                sectors=[sector],
                confidence=0.85,
            )
            if d.count == 0:
                d.evidence.append(f"{form.type} '{text}' stands for the {name} -> {form.code} {sector}")
            self.mention(c, d, "metonym")
            return
        if form.type == "people":
            noun = self.doc[c.end - 1]
            key = f"people:{form.code}" + (f":{noun.lower_}" if c.length > 1 else "")
            agent = agent_table().get(_word(noun)) if c.length > 1 else None
            population = _is_population(noun, c.start, objects=c.length == 1)
            home = _people_home(self.doc, noun, c.start)
            ethnic = home is None and c.start > 0 and self.doc[c.start - 1].lower_ == "ethnic"
            if home is not None and home != form.code:
                # "ethnic Albanians in south Serbia", "the Albanians of southern Serbia": the country they live in
                form = CountryForm(home, form.form, "people")
            d = self.draft(
                key,
                name=text,
                kind="group",
                country=form.code,
                # counted or described people ("2,000 Libyans", "thousands of Iraqi Kurds") are a population, CVL like
                # "Libyan people"; "the Palestinians" as a side in talks stands for the polity (no sector)
                sectors=list(agent.sectors) if agent is not None and agent.sectors else (["CVL"] if population else []),
                confidence=0.7,
            )
            faith = religion_codes(noun.text) if c.length > 1 and d.sectors else ()
            if faith and d.count == 0:
                d.sectors = list(dict.fromkeys((*d.sectors, *faith)))  # "Iraqi Shiites" REL MOS SHI
            if d.count == 0:
                d.ethnic = ethnic
                d.evidence.append(
                    f"people noun '{text}' -> {form.code}" + (" CVL (population)" if d.sectors == ["CVL"] else "")
                )
                if agent is not None:
                    d.evidence.append(f"'{noun.text}' -> agent '{agent.phrase}' {' '.join(agent.sectors)}")
            if c.note is not None and c.note not in d.evidence:
                d.evidence.append(c.note)
            self.mention(c, d, "group")
            return
        d = self.country_draft(form.code, text)
        if c.note is not None and c.note not in d.evidence:
            d.evidence.append(c.note)
        self.mention(c, d, "name" if form.type == "name" else "demonym")

    def resolve_role(self, c: Cand, token_owner: dict[int, Draft]) -> None:
        title = c.title
        agent = c.agent
        assert title is not None and agent is not None
        doc = self.doc
        text = self.arrays.span_text(c.start, c.end)
        if agent.ref == "country":
            if title.country:
                self.mention(c, self.country_draft(title.country, text), "demonym")
            return
        head = doc[c.head]
        anchor = token_owner.get(c.anchor) if c.anchor >= 0 else None
        if anchor is not None and anchor.kind == "person" and title.country is None:
            # "the Bush administration", "Djindjic's coalition": the person's country, one description per person
            if anchor.country is None and "GOV" in agent.sectors:
                self.leader_country(anchor, head)
            title.country, title.country_text = anchor.country, anchor.name
            key = f"of:{anchor.key}:{agent.phrase}"
            d = self.draft(
                key,
                name=doc[doc[c.anchor].left_edge.i : c.end].text,
                kind="group" if c.plural else "organization",
                country=anchor.country,
                sectors=_sectors_for(anchor.country, agent.sectors),
                confidence=0.7 if anchor.country else 0.55,
                follows=None if anchor.country else anchor,
            )
            if d.count == 0:
                d.evidence.append(f"'{doc[c.start : c.end].text}' of {anchor.name} -> {anchor.country or '-'}")
                self.add_title_evidence(d, title)
            self.mention(c, d, "group" if c.plural else "role")
            return
        # apposition to a named person: "Antony Blinken, the US secretary of state"
        if head.dep_ == "appos" and head.head.i in token_owner and token_owner[head.head.i].kind == "person":
            person = token_owner[head.head.i]
            if person.kb_id is None and not person.sectors and not person.country and agent.ref is None:
                self.apply_title(person, title)  # "Kofi Annan, UN secretary-general": the text's title is all we know
            self.mention(c, person, "role")
            return
        first = c.start
        while first < c.end - 1 and (doc[first].lower_ in DEFINITE or doc[first].lower_ in ("a", "an")):
            first += 1
        label = self.arrays.span_text(first, c.end)
        if agent.phrase in MEMBER_NOUNS and title.country is None:
            for prep in head.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from") and prep.i >= c.end:
                    # "leaders of the opposition coalition", "officials from the Taliban": a group of their own, with
                    # the coalition's codes
                    obj = next((t for t in prep.children if t.dep_ == "pobj"), None)
                    if obj is not None:
                        key = f"member:{agent.phrase}:{obj.i}"
                        d = self.draft(key, name=label, kind="group" if c.plural else "person", confidence=0.6)
                        d.sectors = list(agent.sectors)
                        if d.count == 0:
                            self.add_title_evidence(d, title)
                        self.of_links.append((d, obj.i))
                        self.mention(c, d, "group" if c.plural else "role")
                        return
        if c.plural:
            if title.others and title.country_text:
                label = f"{title.country_text} {doc[c.head].text}"
            key = f"group:{title.country}:{' '.join(agent.sectors)}:{agent.phrase}"
            d = self.draft(
                key,
                name=label,
                kind="group",
                country=title.country,
                sectors=_staff_sectors(title, agent.sectors),
                confidence=0.7 if title.country else 0.6,
            )
            if d.count == 0:
                self.add_title_evidence(d, title)
                first_mod = (title.country_text or "").split()[:1]
                d.ethnic = bool(first_mod) and any(
                    doc[i].lower_ == "ethnic" and doc[i + 1].text == first_mod[0] for i in range(c.start, c.head)
                )
            split = _coordination_split(doc, c, title.others)
            self.mention(Cand(c.start, split, "role", P_ENT_ORG, label=c.label) if split < c.end else c, d, "group")
            for n, (s, e, code) in enumerate(title.others):  # "Hungarian and Romanian officials": one group each
                after = s > c.head  # "the leaders of France and Germany": "leaders of Germany"
                name = f"{doc[c.head].text} of {doc[s:e].text}" if after else f"{doc[s:e].text} {doc[c.head].text}"
                if split < c.end and n == len(title.others) - 1 and not after:
                    e = c.end  # the last conjunct keeps the head noun: "Romanian officials"
                od = self.draft(
                    f"group:{code}:{' '.join(agent.sectors)}:{agent.phrase}",
                    name=name,
                    kind="group",
                    country=code,
                    sectors=_sectors_for(code, agent.sectors),
                    confidence=0.65,
                )
                if od.count == 0:
                    od.evidence.append(f"coordinated country modifier '{doc[s:e].text}' -> {code}")
                self.mention(Cand(s, e, "role", P_ENT_ORG, label=doc[s].ent_type_ or None), od, "group")
            return
        want_person = agent.is_person or agent.ref == "inherit"
        indefinite = any(ch.dep_ == "det" and ch.lower_ in ("a", "an", "another") for ch in head.lefts)
        if (c.definite or title.country) and not indefinite:
            target = self.find_referent(title, agent, want_person, definite=c.definite)
            if target is not None:
                self.mention(c, target, "role")
                return
        key = f"role:{title.country}:{agent.phrase}:{'def' if c.definite else c.start}"
        d = self.draft(
            key,
            name=label,
            kind="person" if want_person else "organization",
            country=title.country,
            sectors=_staff_sectors(title, agent.sectors),
            office=agent.office,
            role=title.role() if want_person else None,
            role_status="former" if title.former else ("current" if want_person else "unknown"),
            confidence=0.6 if title.country else 0.45,
        )
        if d.count == 0:
            d.evidence.append(f"role description '{text}' with no earlier matching actor")
            self.add_title_evidence(d, title)
            _add_elite(d, title)
        self.mention(c, d, "role")

    def find_referent(self, title: Title, agent: Agent, want_person: bool, definite: bool) -> Draft | None:
        """The nearest earlier actor compatible with a role description."""
        best: Draft | None = None
        for d in self.drafts:
            if d.count == 0:
                continue
            if want_person and d.kind != "person":
                continue
            if not want_person and d.kind not in ("organization",):
                continue
            if title.country and d.country != title.country:
                continue
            if agent.ref != "inherit":
                if agent.office and d.office and agent.office != d.office:
                    continue
                if agent.office and not d.office and not (set(agent.sectors) & set(d.sectors)):
                    continue
                if not agent.office and not (set(agent.sectors) & set(d.sectors)):
                    continue
            elif not title.country:
                continue
            if not definite and d.key.startswith("role:"):
                continue
            if best is None or (d.last, d.count) > (best.last, best.count):
                best = d
        return best


# ---------------------------------------------------------------------------------------------
# Pronouns


@lru_cache(maxsize=1)
def _gender_hashes() -> dict[int, str]:
    return {hash_string(k): v for k, v in GENDER_TITLES.items()}


@lru_cache(maxsize=1)
def _pronoun_hashes() -> frozenset[int]:
    return frozenset(hash_string(w) for w in (*PERSON_PRONOUNS, *PLURAL_PRONOUNS))


def _quoted_tokens(doc: Doc) -> set[int]:
    """Tokens inside double quotation marks (a line break closes an open quotation: unbalanced marks stay local)."""
    inside: set[int] = set()
    opened: int | None = None
    arr = doc.to_array([IS_QUOTE, IS_SPACE])
    span_text = _doc_arrays(doc).span_text
    for i in np.flatnonzero(arr.any(axis=1)).tolist():
        text = span_text(i, i + 1)
        if arr[i, 1]:
            if "\n" in text:
                opened = None
            continue
        if text not in _DOUBLE_QUOTES:
            continue
        if opened is None or text == "\u201c":
            opened = None if text == "\u201d" else i
        else:
            inside.update(range(opened + 1, i))
            opened = None
    return inside


def _clause(tok: Token) -> tuple[bool, int]:
    """(whether a mention head is a subject, the token index of its clause's verb)."""
    first = _first_conjunct(tok)
    while first.dep_ == "appos" and first.head.i != first.i:
        first = _first_conjunct(first.head)
    return first.dep_ in _SUBJECT_DEPS, first.head.i


def _resolve_pronouns(doc: Doc, resolver: _Resolver, token_owner: dict[int, Draft], sent_idx: list[int]) -> None:
    """Link third-person pronouns to the most salient compatible earlier actor (docs/actors.md, Pronouns).

    "he"/"she"/"his"/"her"/"him": a person in the same sentence before the pronoun, else in the previous one
    or two sentences; several persons -> the subject of the nearest previous clause; skipped when two are
    equally salient, or when a courtesy title gives a different gender.  "they"/"their"/"them": the one
    group, organisation or country of the window, else nothing.
    """
    wanted = _pronoun_hashes()
    hits = [i for i, low in enumerate(_doc_arrays(doc).lower) if low in wanted]
    if not hits or not resolver.mentions:
        return
    quoted = _quoted_tokens(doc)
    # the mentions of each sentence in document order (a stable sort by start token), kept up to date below
    by_sentence: dict[int, list[tuple[int, int, Draft, MentionKind, str | None]]] = {}
    for m in sorted(resolver.mentions, key=lambda m: m[0]):
        by_sentence.setdefault(sent_idx[m[0]], []).append(m)
    for i in hits:
        tok = doc[i]
        if i in token_owner or i in quoted or tok.tag_ not in ("PRP", "PRP$"):
            continue
        low = tok.lower_
        n = sent_idx[i]
        person = low in PERSON_PRONOUNS
        gender = PERSON_PRONOUNS.get(low)
        # binding: an object pronoun is not the subject of its own verb ("Blinken praised him")
        own_verb = tok.head.i if tok.dep_ in _OBJECT_DEPS and tok.tag_ == "PRP" else -1
        if tok.dep_ == "pobj":
            own_verb = tok.head.head.i
        chosen: Draft | None = None
        for w in range(n, n - (PRONOUN_SENTENCES if person else 1) - 1, -1):
            window = [m for m in by_sentence.get(w, ()) if m[1] <= i]
            if not window:
                continue
            if person:
                found = [
                    (m, _clause(doc[m[0] : m[1]].root))
                    for m in window
                    if m[2].kind == "person" and m[2].gender in (None, gender) and m[2].pronoun_gender in (None, gender)
                ]
                found = [(m, cl) for m, cl in found if not (cl[0] and cl[1] == own_verb)]
                if not found:
                    continue
                if len({id(m[2]) for m, _ in found}) == 1:
                    chosen = found[0][0][2]
                    break
                subjects = [(m, cl) for m, cl in found if cl[0]]
                if not subjects:
                    break  # several persons, none a subject: equally salient
                nearest = max(subjects, key=lambda x: x[0][0])
                same = {id(m[2]) for m, cl in subjects if cl[1] == nearest[1][1]}
                chosen = nearest[0][2] if len(same) == 1 else None
                break
            groups = {id(m[2]): m[2] for m in window if m[2].kind in ("group", "organization", "country")}
            persons = {id(m[2]) for m in window if m[2].kind == "person"}
            if groups or len(persons) >= 2:
                chosen = next(iter(groups.values())) if len(groups) == 1 and len(persons) < 2 else None
                break
        if chosen is None:
            continue
        conf = PRONOUN_CONFIDENCE if person else PLURAL_PRONOUN_CONFIDENCE
        resolver.mention(Cand(i, i + 1, "pronoun", P_ENT_OTHER), chosen, "pronoun")
        resolver.link_confidence[i] = min(conf, chosen.confidence)
        token_owner[i] = chosen
        if gender is not None:
            chosen.pronoun_gender = gender if chosen.pronoun_gender in (None, gender) else "?"
        added = resolver.mentions[-1]
        bisect.insort(by_sentence.setdefault(sent_idx[added[0]], []), added, key=lambda m: m[0])


# ---------------------------------------------------------------------------------------------
# The stage


#: Person nouns of no sector of their own ("officials", "officers"): a sector-bearing modifier ("intelligence
#: officials", "military officers") comes first.
GENERIC_STAFF = frozenset(
    {"official", "officer", "spokesman", "spokeswoman", "spokesperson", "source", "chief", "adviser", "advisor"}
)
#: Modifiers that make a news outlet state media ("official newspaper", "state-run television").
STATE_MEDIA_WORDS = frozenset({"official", "state", "state-run", "state-owned", "government-run", "government-owned"})
#: Heads of "thousands of X", "a crowd of X": X is counted people, a population.
QUANTITY_NOUNS = frozenset(
    {"thousand", "hundred", "dozen", "million", "score", "number", "crowd", "group", "band", "majority", "minority"}
)
#: Determiners that count people ("some Iraqis", "many Palestinians").
QUANTITY_DETS = frozenset({"some", "many", "several", "few", "numerous", "most", "thousands", "hundreds", "dozens"})


@lru_cache(maxsize=1)
def _leader_titles() -> frozenset[str]:
    """Lower-case title words of heads of state and government in the agent table ("president", "premier")."""
    return frozenset(
        phrase for phrase, a in agent_table().items() if a.office in ("head_of_state", "head_of_government")
    )


def _titled_leader(e: ActorEntry) -> bool:
    """Whether the source knows a table person by a head-of-state or head-of-government title ("President X")."""
    titles = _leader_titles()
    for form in e.titled:
        words = normalise_name(form).split()[:-1]
        if any(
            " ".join(words[i:j]) in titles for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1)
        ):
            return True
    return False


def _people_home(doc: Doc, noun: Token, start: int) -> str | None:
    """The state an ethnic group is said to live in: "ethnic Albanians in Serbia", "the Albanians of southern
    Serbia" (an "of" complement, or "ethnic" with an "in" complement naming a country), else None."""
    ethnic = start > 0 and doc[start - 1].lower_ == "ethnic"
    for prep in noun.rights:
        if prep.dep_ != "prep" or not (prep.lower_ == "of" or (ethnic and prep.lower_ == "in")):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for t in doc[obj.left_edge.i : obj.i + 1]:
                form = country_forms().get(t.text) if t.is_title else None
                if form is not None and form.type == "name" and country_kinds().get(form.code) == "country":
                    return form.code
    return None


def _counted(noun: Token) -> bool:
    """Whether a noun is counted by a number or a quantity noun ("20 people", "hundreds of thousands of people",
    "a crowd of villagers"): a particular set of people, unlike "the people" or "poor people"."""
    if any(ch.dep_ in ("nummod", "quantmod") for ch in noun.children):
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i:
        quantity = head.head
        return quantity.lemma_.lower() in QUANTITY_NOUNS or quantity.like_num or quantity.pos_ == "NUM"
    return False


#: Prepositions whose bare people-noun object is people acted upon ("admittance to Ghanaians", "a ban on Russians").
POPULATION_PREPS = frozenset({"to", "on", "against", "for", "at", "from", "among", "into"})


def _is_population(noun: Token, start: int, objects: bool = False) -> bool:
    """Whether a plural people noun names counted or described people rather than the polity.

    "2,000 Libyans", "thousands of Nigerians", "young Algerians", "Palestinians living in Gaza",
    "Palestinians of the West Bank" are people (CAMEO civilians); a bare or definite "the Palestinians"
    is the side in talks, coded as the country alone.  ``start``: first token of the mention (its own
    demonym, "Bosnian" in "Bosnian Serbs", is no description).  With ``objects``, a bare people noun that is a
    verb's object or the object of a preposition of :data:`POPULATION_PREPS` is people too.
    """
    for ch in noun.children:
        if start <= ch.i < noun.i:
            continue
        if ch.dep_ in ("nummod", "amod", "compound", "acl", "relcl", "quantmod") or (
            ch.dep_ == "prep" and ch.i > noun.i
        ):
            return True
        if ch.dep_ == "det" and ch.lower_ in QUANTITY_DETS:
            return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.i != head.i:
        quantity = head.head
        return quantity.lemma_.lower() in QUANTITY_NOUNS or quantity.like_num or quantity.pos_ == "NUM"
    if objects and not any(ch.dep_ in ("det", "poss") for ch in noun.children):
        # a bare people noun acted upon is people, not the polity: "expelled Ghanaians", "refusing admittance to
        # Ghanaians", "attacks on Americans" (subjects, "of"/"with"/"between"/"by" complements stay the side)
        first = _first_conjunct(noun)
        if first.dep_ in ("dobj", "dative"):
            return True
        if first.dep_ == "pobj" and first.head.lower_ in POPULATION_PREPS:
            return True
    return False


#: First sectors of organisations outside the state (rebels, militias, parties, the opposition): their staff
#: ("Hamas officials", "Taliban commanders", "Fatah leaders") are of the organisation's sector, not GOV.
NON_STATE_ORG_SECTORS = frozenset({"REB", "UAF", "IMG", "INS", "SEP", "OPP", "PTY", "RAD"})


def _staff_sectors(title: Title, sectors: Iterable[str]) -> list[str]:
    """Sectors of a description's actors: the agent's, adjusted to the country; staff of an organisation without
    a country ("Red Cross officials") are of the organisation's own sector (NGO) rather than a government's."""
    org = title.org
    if title.country is None and org is not None and org.sectors:
        return [org.sectors[0], *[s for s in sectors if s not in ("GOV", org.sectors[0])]]
    if org is not None and org.sectors and org.sectors[0] in NON_STATE_ORG_SECTORS and title.country == org.country:
        # "Hamas officials", "Taliban commanders" (before 2021-08-15): the organisation's staff, its sector first; the
        # agent's own sectors follow ("al-Qaeda leaders" IMG GOV: the group's leadership)
        return [org.sectors[0], *[s for s in sectors if s != org.sectors[0]]]
    if org is not None and "IGO" in org.sectors and title.country == org.country:
        # "European Community foreign ministers": an IGO's own staff, even where its code is also a region's (EUR)
        out = list(sectors)
        armed = [s for s in out if s in IGO_FORCE_SECTORS]
        return [*armed, "IGO", *[s for s in out if s not in ("GOV", "IGO", *armed)]]
    return _sectors_for(title.country, sectors)


#: Words of military ranks ("Lt. Gen.", "Major General", "Col."): a rank is held for life beside any office.
RANK_WORDS = frozenset(
    {"general", "gen.", "gen", "lieutenant", "lt.", "lt", "colonel", "col.", "col", "major", "maj.", "brigadier"}
    | {"brig.", "admiral", "adm.", "marshal", "field", "captain", "capt.", "air", "vice", "rear", "chief", "-"}
)


def _is_rank(title: Title | None) -> bool:
    """Whether a title is only a military rank ("Lt. Gen.", "General", "Rear Admiral"), no office."""
    if title is None or title.agent is None or title.agent.sectors != ("MIL",) or title.agent.office:
        return False
    words = title.text.lower().split()
    return bool(words) and all(w in RANK_WORDS for w in words) and words[-1] not in ("chief", "-", "vice", "air")


def _out_of_office(rows: list[ActorEntry], date: dt.date) -> bool:
    """Whether a table person holds none of its offices on ``date``: every row ended before it, or (for rows of
    the dated Phoenix source, which covers earlier decades; the hand table starts around 2015) starts after."""
    return bool(rows) and all(
        r.status_on(date) == "former"
        or (r.verified_until is not None and r.start is not None and r.start > date and r.status_on(date) != "current")
        for r in rows
    )


def _add_elite(d: Draft, title: Title | None) -> None:
    """A former office-holder acting now ("former President X", "ousted leader Y") is one of the elites: CAMEO
    ``ELI`` first, the office's sectors after it (as Phoenix codes people after their term)."""
    if title is not None and title.ex and d.kind == "person" and "ELI" not in d.sectors:
        d.sectors.insert(0, "ELI")
        d.evidence.append("'former'/'ex-'/'ousted' -> ELI (elite)")


def _sectors_for(country: str | None, sectors: Iterable[str]) -> list[str]:
    """Agent sectors adjusted to the country code: an IGO's staff are IGO, a state's are not."""
    out = list(sectors)
    if country is None:
        return out
    if country_kinds().get(country) == "country":
        return ["GOV" if s == "IGO" else s for s in out] or out
    if country_kinds().get(country) is None and country in _igo_codes():  # an IGO code (UNO, NAT, IMF ...)
        # an IGO's armed force ("NATO troops", "UN peacekeepers", "UN police") acts as the force: NATMIL, UNOCOP,
        # as CAMEO composes a sector with any actor code; its staff and bodies stay IGO ("NATO officials" NATIGO)
        armed = [s for s in out if s in IGO_FORCE_SECTORS]
        return [*armed, "IGO", *[s for s in out if s not in ("GOV", "IGO", *armed)]]
    return out  # a state's, or a known armed group's ("al-Qaeda leaders" ALQ GOV, as CAMEO codes them)


@lru_cache(maxsize=1)
def _igo_codes() -> frozenset[str]:
    """Codes of intergovernmental organisations: those of shipped organisation rows with the IGO sector."""
    return frozenset(e.country for e in actor_table(()).entries if e.country and "IGO" in e.sectors)


def _sentence_starts(doc: Doc, arrays: _DocArrays | None = None) -> tuple[list[int], list[int]]:
    """Per token: index of its sentence and the token index where that sentence starts (from the SENT_START
    column, as ``doc.sents`` splits, without building a Span per sentence; ``arrays``: the doc's, which hold
    the column)."""
    n = len(doc)
    if not n:
        return [], []
    if not doc.has_annotation("SENT_START"):
        sent_idx = [0] * n
        sent_start = [0] * n
        for k, sent in enumerate(doc.sents):
            sent_idx[sent.start : sent.end] = [k] * (sent.end - sent.start)
            sent_start[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
        return sent_idx, sent_start
    starts = arrays.sent_starts if arrays is not None else doc.to_array(SENT_START).reshape(n) == 1
    first: list[int] = np.flatnonzero(starts).tolist()
    if not first or first[0] != 0:
        first.insert(0, 0)  # the first token always starts a sentence
    sent_idx, sent_start = [], []
    for k, (start, end) in enumerate(itertools.pairwise([*first, n])):
        sent_idx += [k] * (end - start)
        sent_start += [start] * (end - start)
    return sent_idx, sent_start


def _by_date(entries: list[ActorEntry], date: dt.date | None) -> list[ActorEntry]:
    """Organisation rows with the row in force on ``date`` first ("Taliban": the insurgency until 2021-08-15, the de
    facto government after it); a stable sort, so undated rows and rows of other dates keep the table's order."""
    if date is None or len(entries) < 2 or all(e.start is None and e.end is None for e in entries):
        return entries
    return sorted(entries, key=lambda e: e.status_on(date) != "current")


#: Country forms that name either Congo: the Democratic Republic (COD) in the table, the Republic (COG) when
#: ``_congo_reading`` says so.
CONGO_FORMS = frozenset({"Congo", "Congolese"})
#: Zaire took the name Democratic Republic of the Congo on this date; before it an unqualified "Congo" was the Republic.
ZAIRE_RENAMED = dt.date(1997, 5, 17)


def _congo_reading(cands: list[Cand], date: dt.date | None) -> tuple[str, str] | None:
    """(code, reason) for the unqualified "Congo"/"Congolese" of one article, or None when there is none.

    Since 1997-05-17 the unqualified name is the Democratic Republic (COD), as in current news ("eastern Congo"),
    unless the article names the Republic by a form of its own (Brazzaville, Congo-Brazzaville, Republic of the
    Congo) and nothing specific to the Democratic Republic (DRC, Kinshasa, Democratic Republic of the Congo);
    before that date it is the Republic (COG), the Democratic Republic being Zaire."""
    if not any(c.type == "country" and c.form is not None and c.form.form in CONGO_FORMS for c in cands):
        return None
    if date is not None and date < ZAIRE_RENAMED:
        return "COG", f"unqualified '{{}}' before {ZAIRE_RENAMED} (Zaire's renaming) -> COG, the Republic of the Congo"
    specific = {
        (c.form.code, c.form.form)
        for c in cands
        if c.type == "country"
        and c.form is not None
        and c.form.code in ("COD", "COG")
        and c.form.form not in CONGO_FORMS
    }
    codes = {code for code, _ in specific}
    if codes == {"COG"}:
        named = sorted(form for _, form in specific)[0]
        return "COG", f"unqualified '{{}}' in an article naming '{named}' and nothing of the DRC -> COG"
    return "COD", "unqualified '{}' -> COD, the Democratic Republic of the Congo (the name's usual sense since 1997)"


def _owns(owner: dict[int, Cand], c: Cand) -> bool:
    """Whether every token of ``c`` is owned by ``c`` itself."""
    return all(map(operator.is_, map(owner.get, range(c.start, c.end)), itertools.repeat(c)))


def find_candidates(
    doc: Doc,
    table: ActorTable,
    files: tuple[Path, ...],
    sent_start: list[int] | None = None,
    date: dt.date | None = None,
) -> list[Cand]:
    """All mention candidates of a document, non-overlapping, in order (``sent_start``: per-token sentence start;
    ``date``: the article's date, which picks among dated rows of one organisation)."""
    if sent_start is None:
        _, sent_start = _sentence_starts(doc)
    arrays, n, of = _doc_arrays(doc), len(doc), _of_hash()
    selected = _select(_base_candidates(doc, table, files), n)
    for c in selected:
        if c.type == "org" and len(c.entries) > 1:
            c.entries = _by_date(c.entries, date)
    congo = _congo_reading(selected, date)
    if congo is not None:
        for c in selected:
            if c.type == "country" and c.form is not None and c.form.form in CONGO_FORMS:
                c.note = congo[1].format(c.form.form)
                if c.form.code != congo[0]:
                    c.form = CountryForm(congo[0], c.form.form, c.form.type, c.form.sector)
    selected = _select(_mark_surnames(doc, selected, table), len(doc))
    selected = _people_groups(doc, selected)
    owner = {i: c for c in selected for i in range(c.start, c.end)}
    # titles to the left of person names
    for c in selected:
        if c.type != "person":
            continue
        start, title = _extend_title(doc, c, owner, sent_start[c.name_start])
        if title is not None:
            c.title = title
            c.start = start
            for i in range(start, c.name_start):
                owner[i] = c
    # "King Hassan of Morocco", "the president of Armenia": a country complement after a name
    for c in selected:
        if c.type != "person" or c.end + 1 >= n or arrays.lower[c.end] != of:
            continue
        nxt = owner.get(c.end + 1)
        if nxt is not None and nxt.type == "country" and nxt.form is not None and not nxt.form.is_government:
            if c.title is None:
                c.title = Title(text="", agent=None)
            if c.title.country is None:
                c.title.country, c.title.country_text = nxt.form.code, doc[nxt.start : nxt.end].text
                for i in range(c.end, nxt.end):
                    owner[i] = c
                c.end = nxt.end
    selected = [c for c in selected if _owns(owner, c)]
    # plural titles and appositive titles distribute over conjoined names
    roots = {id(c): _root(doc, c.name_start, c.end) for c in selected if c.type == "person"}
    by_head = {roots[id(c)].i: c for c in selected if c.type == "person"}
    for c in selected:
        if c.type != "person" or c.title is not None:
            continue
        root = roots[id(c)]
        first = _first_conjunct(root)
        if first is not root and first.i in by_head:
            t = by_head[first.i].title
            if t is not None and t.plural:
                c.title = t
                continue
        if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in owner:
            t = _title_from_tokens(doc, [i for i in range(root.head.left_edge.i, root.head.i + 1)], owner, root.head.i)
            if t is not None and t.agent is not None and t.agent.is_person:
                c.title = t
    roles = _role_candidates(doc, owner, sent_start)
    for r in roles:
        for i in range(r.start, r.end):
            owner[i] = r
    final = [c for c in selected if _owns(owner, c)] + roles
    # appositive plural titles ("Presidents Joe Biden and Xi Jinping") left as role groups are dropped
    named_heads = {i for c in final if c.type == "person" for i in range(c.start, c.end)}
    final = [
        c
        for c in final
        if not (c.type == "role" and any(ch.dep_ == "appos" and ch.i in named_heads for ch in doc[c.head].children))
    ]
    return sorted(final, key=lambda c: c.start)


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Find and resolve the actors of one document (see the module docstring)."""
    files = tuple(ctx.settings.actor_files)
    table = actor_table(files)
    arrays = _doc_arrays(doc, _doc_text(doc, analysis.article.text))
    sent_idx, sent_start = _sentence_starts(doc, arrays)
    cands = find_candidates(doc, table, files, sent_start, ctx.published)
    resolver = _Resolver(doc, analysis, ctx, table)
    token_owner: dict[int, Draft] = {}
    for c in cands:
        before = len(resolver.mentions)
        if c.type == "person":
            resolver.resolve_person(c)
        elif c.type == "org":
            resolver.resolve_org(c)
        elif c.type == "country":
            resolver.resolve_country(c)
        elif c.type == "role":
            resolver.resolve_role(c, token_owner)
        for s, e, d, _k, _l in resolver.mentions[before:]:
            for i in range(s, e):
                token_owner[i] = d
    _member_codes(resolver, token_owner)
    _resolve_pronouns(doc, resolver, token_owner, sent_idx)
    _ethnic_home(resolver, sent_idx)
    _article_country(resolver, sent_idx)
    _finish(doc, analysis, ctx, resolver, sent_idx)


#: Person nouns that take the codes of the group or organisation they belong to ("leaders of the coalition").
MEMBER_NOUNS = frozenset(
    {"leader", "official", "head", "chief", "representative", "spokesman", "spokeswoman", "spokesperson", "member"}
)


def _member_complement(root: Token) -> Token | None:
    """The "of" complement of a member noun in apposition with a name ("A member of the Syrian parliament,
    Mohammed Mamoun", "Mohammed Mamoun, a member of the Syrian parliament"), or None."""
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [ch for ch in root.children if ch.dep_ == "appos"]
    for noun in nouns:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in MEMBER_NOUNS:
            continue
        for prep in noun.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = next((t for t in prep.children if t.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return None


def _member_codes(resolver: _Resolver, token_owner: dict[int, Draft]) -> None:
    """Leaders, officials and spokespeople *of* a group or organisation take its country and sectors.

    "Leaders of the Azadliq opposition coalition" are opposition (OPP), "officials of the Red Cross" are the
    Red Cross's (NGO); "leaders of China" stay government.  The complement must be a group or organisation
    actor with sectors; a country complement is a title country and handled before.
    """
    for d, i in resolver.of_links:
        other = token_owner.get(i)
        if other is None or other is d or other.kind not in ("group", "organization") or not other.sectors:
            continue
        if d.country and other.country and d.country != other.country:
            continue
        d.country = d.country or other.country
        d.sectors = [s for s in other.sectors if s != "IGO" or not d.country or country_kinds().get(d.country) is None]
        d.sectors = d.sectors or list(other.sectors)
        d.confidence = max(d.confidence, 0.65)
        d.evidence.append(f"of '{other.name}' -> {d.country or '-'} {' '.join(d.sectors)}")


#: Sectors of actors that act inside their own country: an unnamed one takes the article's country.
DOMESTIC_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "PTY", "ELI", "CVL", "EDU", "BUS", "LAB", "MED"}
    | {"UAF", "RAD", "SPY", "CRM", "HLH", "AGR", "REL", "MUS", "CHR", "ETH", "SET"}
)
#: Sectors whose actors are usually foreign to the place they are reported from (refugees) or not national.
NON_DOMESTIC_SECTORS = frozenset({"IGO", "NGO", "REF", "MNC", "IMG"})
#: Sectors of an IGO's own armed or police force: they lead the IGO sector ("NATO troops" NATMIL).
IGO_FORCE_SECTORS = frozenset({"MIL", "COP"})


def _ethnic_home(resolver: _Resolver, sent_idx: list[int]) -> None:
    """Place an ethnic group in the state its sentence is about ("ethnic Albanians ... in southeastern Serbia"
    -> SRB, "ethnic Albanian guerrillas operating in Macedonia" -> MKD).

    News writes "ethnic" + demonym for a minority living outside the demonym's state; CAMEO codes such a group
    with the state it lives in.  The state must be the one other state mentioned most often in the group's
    first sentence (places included); a tie or none leaves the demonym's country.
    """
    todo = [d for d in resolver.drafts if d.ethnic and d.count and d.country]
    if not todo:
        return
    kinds = country_kinds()
    first: dict[int, int] = {}
    by_sentence: dict[int, dict[str, int]] = {}
    for s, _e, d, _k, _l in resolver.mentions:
        first.setdefault(id(d), s)
        if d.kind == "person" or "MED" in d.sectors:
            continue  # a person or an outlet ("the Washington Post said") says nothing about where a group lives
        if d.country and kinds.get(d.country) == "country" and not d.ethnic:
            counts = by_sentence.setdefault(sent_idx[s] if s < len(sent_idx) else -1, {})
            counts[d.country] = counts.get(d.country, 0) + 1
    for s, place in resolver.places:
        if kinds.get(place) == "country":
            counts = by_sentence.setdefault(sent_idx[s] if s < len(sent_idx) else -1, {})
            counts[place] = counts.get(place, 0) + 1
    for d in todo:
        s = first.get(id(d), 0)
        counts = {k: v for k, v in by_sentence.get(sent_idx[s] if s < len(sent_idx) else -1, {}).items()}
        counts.pop(d.country or "", None)
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            continue
        home = max(counts, key=lambda k: counts[k])
        d.evidence.append(f"'ethnic' {d.country} group in a sentence about {home} -> {home}")
        d.country = home
        d.sectors = _sectors_for(home, d.sectors)


def _article_country(resolver: _Resolver, sent_idx: list[int]) -> None:
    """Give unnamed, countryless actors the country the text is about, when it is unambiguous.

    "Judge Alejandro Rivera opened investigations against 28 Chilean officials", "The Mozambique government
    accepted demands from Shona rebels": a titled person outside the actor table, or a group or role
    description ("rebels", "the government") with a domestic sector and no country, takes the one state
    mentioned most often in its sentence, else in the whole text when it is mentioned at least twice as often
    as any other.
    Never for table actors, organisations from the tables, IGO/NGO staff or refugees; a titled surname with
    table bearers ("President Bush") only takes one of their countries.
    """
    todo = [
        d
        for d in resolver.drafts
        if d.count
        and d.country is None
        and d.kb_id is None
        and d.kind in ("person", "group", "organization")
        and set(d.sectors) & DOMESTIC_SECTORS
        and not set(d.sectors) & NON_DOMESTIC_SECTORS
    ]
    kinds = country_kinds()
    whole: dict[str, int] = {}
    by_sentence: dict[int, dict[str, int]] = {}
    first: dict[int, int] = {}
    for s, _e, d, _k, _l in resolver.mentions:
        first.setdefault(id(d), s)
        if d.country and kinds.get(d.country) == "country":
            n = sent_idx[s] if s < len(sent_idx) else -1
            whole[d.country] = whole.get(d.country, 0) + 1
            counts = by_sentence.setdefault(n, {})
            counts[d.country] = counts.get(d.country, 0) + 1
    for s, place in resolver.places:  # "a demonstration in Baku"
        if kinds.get(place) == "country":
            n = sent_idx[s] if s < len(sent_idx) else -1
            whole[place] = whole.get(place, 0) + 1
            counts = by_sentence.setdefault(n, {})
            counts[place] = counts.get(place, 0) + 1

    def unique_top(counts: dict[str, int], margin: int = 1) -> str | None:
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] < margin * ranked[1] + (margin == 1)):
            return None
        return max(counts, key=lambda k: counts[k])

    # descriptions of a person ("the Bush administration") after the persons: they follow the person's country
    for d in sorted(todo, key=lambda d: d.follows is not None):
        if d.follows is not None and d.follows.country:
            d.country = d.follows.country
            d.sectors = _sectors_for(d.country, d.sectors)
            d.evidence.append(f"country of {d.follows.name}: {d.country}")
            continue
        s = first.get(id(d), 0)
        n = sent_idx[s] if s < len(sent_idx) else -1
        # in its sentence the most mentioned state; in the whole text one mentioned at least twice as often
        code = unique_top(by_sentence.get(n, {})) or unique_top(whole, margin=2)
        may_be = d.follows.may_be if d.follows is not None else d.may_be
        if code is None or (may_be is not None and code not in may_be):
            continue
        d.country = code
        d.sectors = _sectors_for(code, d.sectors)
        d.confidence = round(min(d.confidence, 0.55), 2)
        d.evidence.append(f"no country in the text of this actor: the article's country {code}")


def _finish(doc: Doc, analysis: Analysis, ctx: Context, resolver: _Resolver, sent_idx: list[int]) -> None:
    used = [d for d in resolver.drafts if d.count]
    first: dict[int, int] = {}
    for s, _e, d, _k, _l in resolver.mentions:
        first.setdefault(id(d), s)
    used.sort(key=lambda d: first[id(d)])
    for n, d in enumerate(used, start=1):
        d.id = f"A{n}"
    # field values of every actor and mention, validated in one call per record type (``validate_records``)
    actor_rows: list[dict[str, object]] = [
        {
            "id": d.id,
            "name": d.name,
            "kind": d.kind,
            "country": d.country,
            "sectors": list(dict.fromkeys(d.sectors)),
            "role": d.role,
            "role_status": d.role_status,
            "kb_id": d.kb_id,
            "confidence": round(min(1.0, max(0.0, d.confidence)), 2),
            "evidence": d.evidence,
        }
        for d in used
    ]
    mention_rows: list[dict[str, object]] = []
    token_map: dict[int, str] = {}
    # character offsets from one array read and one doc.text build (no Span per mention)
    arrays = _doc_arrays(doc)
    starts, ends = arrays.starts, arrays.ends
    text = arrays.text
    for s, e, d, kind, label in sorted(resolver.mentions, key=lambda m: m[0]):
        if e > s:
            start_char, end_char = starts[s], ends[e - 1]
        else:
            span: Span = doc[s:e]
            start_char, end_char = span.start_char, span.end_char
        mention_rows.append(
            {
                "start": start_char,
                "end": end_char,
                "text": text[start_char:end_char],
                "actor_id": d.id,
                "kind": kind,
                "sentence": sent_idx[s] if s < len(sent_idx) else analysis.sentence_of(start_char),
                "label": label,
                "confidence": resolver.link_confidence.get(s),
            }
        )
        for i in range(s, e):
            token_map[i] = d.id
    analysis.actors.extend(validate_records(Actor, actor_rows))
    analysis.mentions.extend(validate_records(Mention, mention_rows))
    ctx.scratch["actors.token_map"] = token_map


def _doc_text(doc: Doc, article_text: str) -> str:
    """The doc's text: the article's own string when the doc was parsed from it (``Doc.text`` rebuilds the
    string token by token on every access)."""
    if not len(doc):
        return doc.text
    first, last = doc[0], doc[-1]
    if (
        len(article_text) == last.idx + len(last.text_with_ws)
        and article_text.startswith(first.text, first.idx)
        and article_text.startswith(last.text, last.idx)
    ):
        return article_text
    return doc.text


def actor_for_span(analysis: Analysis, start: int, end: int) -> Actor | None:
    """The actor mentioned at the character range [start, end), or None.

    Among the mentions overlapping the range, the one covering most of it wins, then the tightest; so a
    range "Israeli right-winger Ariel Sharon" is Sharon (not "Israeli"), and a single token inside a long
    mention is that mention's actor.
    """
    best: Mention | None = None
    best_key = (0, 0)
    for m in analysis.mentions:
        if m.start < end and start < m.end:
            key = (min(end, m.end) - max(start, m.start), -(m.end - m.start))
            if best is None or key > best_key:
                best, best_key = m, key
    return analysis.actor(best.actor_id) if best is not None else None


def place_actor(text: str) -> Actor | None:
    """A country actor for a place name that the stage leaves as a place ("talks in Tokyo", "a curfew in Abidjan").

    Hook for later stages (e.g. events coding a location as the target when the text names no other): a
    country name, capital or sizeable gazetteer town or first-level division (see ``_place_country``) gives
    an ``Actor`` of kind ``country`` with that country's code and no sector (id ``""``: it is not one of
    ``analysis.actors``); anything else gives None.  Lookups are cached per process.
    """
    name = text.strip().removeprefix("the ").removeprefix("The ")
    code = _place_country(name) if name else None
    if code is None or country_kinds().get(code) != "country":
        return None
    return Actor(
        id="",
        name=country_name(code) or code,
        kind="country",
        country=code,
        sectors=[],
        kb_id=code,
        confidence=0.6,
        evidence=[f"place '{name}' -> {code}"],
    )


register_component("actors", run)
