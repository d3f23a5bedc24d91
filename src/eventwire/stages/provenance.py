"""Provenance: the chain of sources the article cites for its content.

Produces ``analysis.sources``: original reporters (order 0), the outlets that relayed
their reports (order 1, 2, ... along the chain, the article's own publisher last) and
the other sources that reporters attribute content to (role ``cited``, order -1: they
stand before the original reporter).

Cues are found over the token attribute array (what a spaCy Matcher with the cue lemmas of
``data/provenance_cues.tsv`` would find) and their arguments are read off the dependency parse:

* report verbs: ``Reuters reported``, ``..., reported Reuters``, ``as reported by AFP``,
  ``the agency said`` (a generic outlet noun takes the nearest preceding outlet);
* transmit verbs: ``quoted by BTA``, ``Xinhua reported, citing the ministry``,
  ``AFP, citing Reuters, said``, ``a statement carried by KCNA``;
* tell verbs and interview nouns: ``told AFP``, ``X told Reuters``, ``speaking to the BBC``,
  ``in an interview with CNN`` (the outlet is the reporter, a named speaker is cited);
* ``according to X`` and document nouns: ``according to a statement by the ministry``;
* datelines: ``BEIJING (Reuters) -`` name the writer of the text.

Outlets are recognised, in this order, from the actors stage (actors with sector MED,
or any actor mentioned at the outlet's position for its id), from the small table
``data/media_outlets.tsv`` (through :mod:`eventwire.knowledge.outlets`, shared with the actors stage),
from ORG entities whose name carries a media word
("Post", "News", "TV"), and from constructions that only an outlet fills (datelines,
``..., reported X``).  See ``docs/provenance.md`` for the rules and their limits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.matcher import PhraseMatcher
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from eventwire.knowledge import read_tsv
from eventwire.knowledge.outlets import outlets
from eventwire.records import Actor, Analysis, Source
from eventwire.stages.base import Context, register_component, validate_records

Role = Literal["original", "relay", "cited"]

#: Dependency labels that belong to a noun phrase's own words (not clauses or PPs).
_NP_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "predet", "flat"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJ_DEPS = frozenset({"dobj", "dative", "obj", "attr"})
_QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
#: Entity labels of names (an NP headed inside such an entity covers the whole entity).
_NAME_LABELS = frozenset({"ORG", "PERSON", "NORP", "GPE", "FAC", "WORK_OF_ART"})
#: Heads that name a part of a group given by an of-phrase.
_QUANTIFIERS = frozenset({"one", "some", "several", "many", "most", "none", "all", "each", "two", "three"})
#: Owner prepositions that yield to a name compound ("a Reuters survey of voters" is Reuters').
_WEAK_OWNER_PREPS = frozenset({"of", "in"})
#: How many sentences back "the agency" may look for the outlet it refers to.
_ANTECEDENT_SENTENCES = 3
#: How far (in tokens) a dateline's "(" may be from the start of its paragraph.
_DATELINE_WINDOW = 16
#: How many heads a participle may climb to find the verb whose subject it modifies.
_MAX_CLIMB = 4


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Cues:
    """The cue table, grouped by kind."""

    report: frozenset[str]
    report_strong: frozenset[str]
    transmit: frozenset[str]
    tell: frozenset[str]
    tell_prep: frozenset[str]
    interview: frozenset[str]
    interview_strong: frozenset[str]
    interview_prep: frozenset[str]
    document: frozenset[str]
    document_strong: frozenset[str]
    owner_prep: frozenset[str]
    outlet_noun: frozenset[str]
    outlet_noun_strong: frozenset[str]
    outlet_word: frozenset[str]
    official_head: frozenset[str]
    audience: frozenset[str]
    dash: frozenset[str]


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The cue table ``provenance_cues.tsv``, loaded once per process."""
    by_kind: dict[str, set[str]] = {}
    strong: dict[str, set[str]] = {}
    for row in read_tsv("provenance_cues.tsv"):
        kind, word = row["kind"].strip(), row["word"].strip()
        by_kind.setdefault(kind, set()).add(word)
        if (row.get("strength") or "").strip() == "strong":
            strong.setdefault(kind, set()).add(word)

    def get(kind: str) -> frozenset[str]:
        return frozenset(by_kind.get(kind, ()))

    return Cues(
        report=get("report"),
        report_strong=frozenset(strong.get("report", ())),
        transmit=get("transmit"),
        tell=get("tell"),
        tell_prep=get("tell_prep"),
        interview=get("interview"),
        interview_strong=frozenset(strong.get("interview", ())),
        interview_prep=get("interview_prep"),
        document=get("document"),
        document_strong=frozenset(strong.get("document", ())),
        owner_prep=get("owner_prep"),
        outlet_noun=get("outlet_noun"),
        outlet_noun_strong=frozenset(strong.get("outlet_noun", ())),
        outlet_word=get("outlet_word"),
        official_head=get("official_head"),
        audience=get("audience"),
        dash=get("dash"),
    )


@lru_cache(maxsize=1)
def _outlet_keys() -> dict[str, str]:
    """Lower-cased spelling -> lower-cased canonical name, for deduplication."""
    return {spelling.lower(): o.name.lower() for spelling, o in outlets().items()}


def outlet_key(name: str) -> str:
    """Deduplication key of a source name: the table's canonical name when known."""
    low = " ".join(name.split()).lower()
    keys = _outlet_keys()
    if low in keys:
        return keys[low]
    if low.startswith("the ") and low[4:] in keys:
        return keys[low[4:]]
    if "the " + low in keys:
        return keys["the " + low]
    return low[4:] if low.startswith("the ") else low


@dataclass
class _Matchers:
    vocab: Vocab
    cue: _CueFinder
    outlet: PhraseMatcher


class _CueFinder:
    """The cue matcher: what a spaCy Matcher with these patterns finds, in the same order (by end token).

    VERB: a token with a report/transmit/tell lemma and POS VERB or AUX; NOUN: an interview lemma with POS NOUN;
    ACCORDING: ``according to`` (lower case); DATELINE: ``(`` + 1-5 tokens other than ``(``, ``)``, ``\\n`` + ``)``
    + a dash.  Token attributes are compared as string hashes (set lookups over one attribute array); the Matcher
    ran a Python predicate for every ``IN`` set on every token, which cost three times as much.
    """

    def __init__(self, vocab: Vocab, c: Cues) -> None:
        strings = vocab.strings
        self.verb_lemmas = frozenset(strings.add(w) for w in c.report | c.transmit | c.tell)
        self.noun_lemmas = frozenset(strings.add(w) for w in c.interview)
        self.cue_lemmas = self.verb_lemmas | self.noun_lemmas
        self.dashes = frozenset(strings.add(w) for w in c.dash)
        self.according, self.to = strings.add("according"), strings.add("to")
        self.open, self.close = strings.add("("), strings.add(")")
        self.inner = frozenset({self.open, self.close, strings.add("\n")})

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """``(label, start, end)`` of every cue match, ordered by end token."""
        if not len(doc):
            return []
        lemma, pos, lower, orth = doc.to_array([LEMMA, POS, LOWER, ORTH]).T.tolist()
        found: list[tuple[int, str, int]] = []  # (end token, label, start)
        # the tokens whose lemma is a cue lemma at all, picked in one pass; their part of speech decides below
        for i in [i for i, lem in enumerate(lemma) if lem in self.cue_lemmas]:
            lem = lemma[i]
            if lem in self.verb_lemmas and pos[i] in (VERB, AUX):
                found.append((i + 1, "VERB", i))
            elif lem in self.noun_lemmas and pos[i] == NOUN:
                found.append((i + 1, "NOUN", i))
        if self.according in lower:
            found.extend(
                (i + 2, "ACCORDING", i)
                for i, w in enumerate(lower[:-1])
                if w == self.according and lower[i + 1] == self.to
            )
        datelines = (
            [i for i, w in enumerate(orth) if w in self.dashes and i > 0 and orth[i - 1] == self.close]
            if self.close in orth
            else []  # no ")": no dateline
        )
        for d in datelines:
            k = d - 2  # the token before ")"; up to five tokens other than "(", ")", "\\n" back to "("
            while k >= 0 and d - 1 - k <= 5 and orth[k] not in self.inner:
                k -= 1
            if k >= 0 and orth[k] == self.open and 1 <= d - 2 - k <= 5:
                found.append((d + 1, "DATELINE", k))
        found.sort(key=lambda f: f[0])
        return [(label, start, end) for end, label, start in found]


_MATCHERS: dict[int, _Matchers] = {}


def _matchers(vocab: Vocab) -> _Matchers:
    """Cue finder and outlet PhraseMatcher, compiled once per vocabulary (i.e. per process)."""
    found = _MATCHERS.get(id(vocab))
    if found is not None and found.vocab is vocab:
        return found
    cue = _CueFinder(vocab, cues())
    phrase = PhraseMatcher(vocab, attr="ORTH")
    tokenizer_vocab = vocab
    for spelling in outlets():
        phrase.add("OUTLET", [Doc(tokenizer_vocab, words=spelling.split())])
    made = _Matchers(vocab, cue, phrase)
    _MATCHERS[id(vocab)] = made
    return made


# --------------------------------------------------------------------------- references


@dataclass(frozen=True)
class Ref:
    """A source as found at one place in the text."""

    name: str
    start: int
    end: int
    text: str
    is_outlet: bool
    actor_id: str | None = None

    @property
    def key(self) -> str:
        """Deduplication key."""
        return f"actor:{self.actor_id}" if self.actor_id and not self.is_outlet else outlet_key(self.name)


@dataclass(frozen=True)
class Claim:
    """What one cue says about one source."""

    ref: Ref
    role: Role
    strong: bool
    cue: str
    upstream: Ref | None = None
    writer: bool = False


@dataclass
class _DocIndex:
    """Per-document lookups: outlet mentions by token, actor mentions by token."""

    doc: Doc
    analysis: Analysis
    outlet_at: dict[int, Ref] = field(default_factory=dict)
    outlet_refs: list[Ref] = field(default_factory=list)
    actor_at: dict[int, tuple[str, int, int]] = field(default_factory=dict)
    #: ``doc.ents`` (rebuilt by spaCy on every access), read once
    ents: tuple[Span, ...] = ()
    #: noun phrases by head token index (a head is asked about several times per cue)
    nps: dict[int, Span] = field(default_factory=dict)
    #: actors by id (the first of an id, as :meth:`Analysis.actor` finds it)
    actors: dict[str, Actor] = field(default_factory=dict)
    _sents: list[Span] | None = None

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, if any."""
        return self.actors.get(actor_id) if actor_id is not None else None

    def sents(self) -> list[Span]:
        """The doc's sentences, listed once."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
        return self._sents


def _strip_span(span: Span) -> Span:
    """The span without leading determiners/quotes and trailing punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _DETERMINERS or doc[start].text in _QUOTE_MARKS):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in _QUOTE_MARKS or doc[end - 1].dep_ == "case"):
        end -= 1
    return doc[start:end] if start < end else span


def _np(tok: Token, ents: Iterable[Span] | None = None) -> Span:
    """The noun phrase headed by ``tok``: its determiners, modifiers and compounds, no clauses.

    ``ents``: the doc's entities when the caller has them (``Doc.ents`` is rebuilt on each access).
    """
    lo = hi = tok.i
    if tok.ent_type_ and tok.ent_type_ in _NAME_LABELS:
        for ent in tok.doc.ents if ents is None else ents:
            if ent.start <= tok.i < ent.end:
                lo, hi = ent.start, ent.end - 1
                break
    stack = [tok]
    if tok.pos_ == "NUM" or tok.lower_ in _QUANTIFIERS:  # "one of the family's attorneys"
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                hi = max(hi, child.right_edge.i)
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.dep_ in _NP_DEPS or (child.dep_ == "punct" and child.text in _QUOTE_MARKS):
                lo, hi = min(lo, child.i), max(hi, child.i)
                stack.append(child)
    return tok.doc[lo : hi + 1]


def _np_of(idx: _DocIndex, tok: Token) -> Span:
    """:func:`_np` of ``tok``, kept per document."""
    np = idx.nps.get(tok.i)
    if np is None:
        np = idx.nps[tok.i] = _np(tok, idx.ents)
    return np


def _index(doc: Doc, analysis: Analysis, ents: tuple[Span, ...] | None = None) -> _DocIndex:
    """Find every outlet mention in the document (actors stage, table, media-word ORGs).

    ``ents``: the doc's entities when an earlier stage listed them (``Doc.ents`` is rebuilt on each access).
    """
    c = cues()
    idx = _DocIndex(doc, analysis, ents=tuple(doc.ents) if ents is None else ents)
    actors: dict[str, Actor] = {}
    for a in analysis.actors:
        actors.setdefault(a.id, a)
    idx.actors = actors
    for m in analysis.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for i in range(span.start, span.end):
            idx.actor_at.setdefault(i, (m.actor_id, span.start, span.end))
        actor = actors.get(m.actor_id)
        if actor is not None and _is_media_actor(actor.sectors, actor.name) and m.kind in ("name", "alias", "surname"):
            known = outlets().get(actor.name) or outlets().get(span.text)
            _add_outlet(idx, span, known.name if known else actor.name, m.actor_id)
    table = outlets()
    for _, start, end in _matchers(doc.vocab).outlet(doc):
        if any(i in idx.outlet_at for i in range(start, end)):
            continue
        span = doc[start:end]
        outlet = table.get(span.text)
        if outlet is not None:
            _add_outlet(idx, span, outlet.name, None)
    for ent in idx.ents:
        if ent.label_ != "ORG" or any(i in idx.outlet_at for i in range(ent.start, ent.end)):
            continue
        if any(t.text in c.outlet_word for t in ent) and ent.root.lemma_.lower() not in c.official_head:
            name = _strip_span(ent)
            _add_outlet(idx, name, name.text, None)
    idx.outlet_refs.sort(key=lambda r: r.start)
    return idx


def _is_media_actor(sectors: list[str], name: str) -> bool:
    """An actor that is a news outlet: media as primary sector, or a media actor the outlet table knows.

    (Actor tables code telecom and advertising companies "MNC MED"; those are not reporters.)
    """
    return bool(sectors) and (sectors[0] == "MED" or ("MED" in sectors and name in outlets()))


def _add_outlet(idx: _DocIndex, span: Span, name: str, actor_id: str | None) -> None:
    if actor_id is None:
        found = idx.actor_at.get(span.root.i)
        actor_id = found[0] if found else None
    ref = Ref(name, span.start_char, span.end_char, span.text, True, actor_id)
    idx.outlet_refs.append(ref)
    for i in range(span.start, span.end):
        idx.outlet_at[i] = ref


# --------------------------------------------------------------------------- resolving arguments


def _conjuncts(tok: Token) -> Iterator[Token]:
    """``tok`` and the tokens coordinated with it ("Reuters and AFP")."""
    yield tok
    for c in tok.conjuncts:
        if c.i > tok.i:
            yield c


def _outlet_in(idx: _DocIndex, tok: Token) -> Ref | None:
    """The named outlet mentioned in the noun phrase of ``tok``, if any."""
    outlet_at = idx.outlet_at
    if tok.i in outlet_at:
        return outlet_at[tok.i]
    np = _np_of(idx, tok)
    for i in range(np.start, np.end):  # the phrase's token indices (no Token objects)
        if i in outlet_at:
            return outlet_at[i]
    for child in tok.children:  # "the agency Xinhua", "state news agency, Xinhua,"
        if child.dep_ == "appos" and child.i in idx.outlet_at:
            return idx.outlet_at[child.i]
    return None


def _has_modifier(tok: Token) -> bool:
    """A descriptive modifier ("state media", "a local newspaper"); a possessive pronoun is none."""
    return any(
        ch.dep_ in ("amod", "compound", "nmod") or (ch.dep_ == "poss" and ch.pos_ != "PRON") for ch in tok.children
    )


def _generic_outlet(idx: _DocIndex, tok: Token) -> Ref | None:
    """'the agency', 'the Chinese publication': the nearest preceding outlet, else a named-by-phrase outlet."""
    c = cues()
    noun = tok.lemma_.lower() if tok.lemma_.lower() in c.outlet_noun else tok.lower_
    if noun not in c.outlet_noun:
        return None
    if tok.pos_ == "PROPN" or (tok.ent_type_ and tok.ent_type_ not in ("ORG", "NORP")):
        return None
    if any(ch.dep_ == "poss" for ch in tok.children):
        return None  # "its own website", "the governor's Telegram channel": someone's, not a reporter
    np = _np_of(idx, tok)
    if np[0].lower_ in _DETERMINERS and noun in c.outlet_noun_strong:
        ante = _antecedent(idx, tok.doc, np)
        if ante is not None:
            return Ref(ante.name, np.start_char, np.end_char, np.text, True, ante.actor_id)
    if _has_modifier(tok):  # "state media", "a local newspaper": no name, but an outlet
        name = _strip_span(np)
        return Ref(name.text, name.start_char, name.end_char, name.text, True, None)
    return None


def _antecedent(idx: _DocIndex, doc: Doc, np: Span) -> Ref | None:
    """The outlet 'the agency' refers to: the nearest preceding organisation, if it is an outlet.

    Looks back at most ``_ANTECEDENT_SENTENCES`` sentences; a nearer organisation that is not an outlet
    ("the International Atomic Energy Agency ... the agency said") means the phrase is not about an outlet.
    """
    sents = idx.sents()
    here = next((k for k, s in enumerate(sents) if s.start <= np.start < s.end), 0)
    floor = sents[max(0, here - _ANTECEDENT_SENTENCES)].start_char
    before = [r for r in idx.outlet_refs if floor <= r.start and r.end <= np.start_char]
    ante = before[-1] if before else None
    for ent in reversed(idx.ents):
        if ent.end_char > np.start_char or ent.start_char < floor:
            continue
        if ante is not None and ent.end_char <= ante.end:
            break
        if ent.label_ == "ORG" and not any(t.i in idx.outlet_at for t in ent):
            return None
    return ante


def _is_media_org(idx: _DocIndex, tok: Token, strong: bool) -> bool:
    """A name that a strong reporting construction makes an outlet ("..., reported Interfax").

    Only after a strong cue ("said X" is mostly a person or an official body); an ORG-labelled or
    unlabelled proper noun; never one the actors stage resolved to a person, country or group.
    """
    if not strong:
        return False
    actor = idx.actor_at.get(tok.i)
    if actor is not None:
        a = idx.actor(actor[0])
        if a is not None and a.kind != "organization":
            return False
    return tok.ent_type_ == "ORG" or (tok.pos_ == "PROPN" and not tok.ent_type_)


def _ref(
    idx: _DocIndex, tok: Token, *, outlet_by_construction: bool = False, strong: bool = True, outlets_only: bool = False
) -> Ref | None:
    """Resolve an argument token to a source reference (outlet or other), or None.

    ``outlets_only``: the caller keeps only outlet references, so None stands for any other reference (the noun
    phrase and actor of a non-outlet are not worked out).
    """
    c = cues()
    found = _outlet_in(idx, tok)
    if found is not None:
        return found
    generic = _generic_outlet(idx, tok)
    if generic is not None:
        return generic
    if outlets_only and not outlet_by_construction:
        return None  # every reference below is not an outlet, save the by-construction one
    if tok.pos_ == "PRON" or tok.tag_ in ("PRP", "WP", "WDT", "EX"):
        actor = idx.actor_at.get(tok.i)
        if actor is None:
            return None
        a = idx.actor(actor[0])
        return Ref(a.name if a else tok.text, tok.idx, tok.idx + len(tok), tok.text, False, actor[0])
    if tok.lemma_.lower() in c.document:
        return None  # documents are resolved to their owner by the caller
    np = _strip_span(_np_of(idx, tok))
    if not any(ch.isalpha() for ch in np.text):
        return None
    if tok.pos_ != "PROPN" and any(ch.dep_ == "poss" and ch.pos_ == "PRON" for ch in tok.children):
        return None  # "according to his body mass index", "my reaction": not a source
    if outlet_by_construction and _is_media_org(idx, tok, strong) and tok.lemma_.lower() not in c.official_head:
        return Ref(np.text, np.start_char, np.end_char, np.text, True, None)
    actor = idx.actor_at.get(tok.i)
    name = np.text
    actor_id = None
    if actor is not None:
        a = idx.actor(actor[0])
        # a non-outlet phrase linked to a media actor is a linking slip ("the Foreign Ministry" -> Xinhua)
        if a is not None and not _is_media_actor(a.sectors, a.name):
            actor_id, name = a.id, a.name
    return Ref(name, np.start_char, np.end_char, np.text, False, actor_id)


def _is_audience(tok: Token) -> bool:
    """'reporters', 'journalists', 'the press': people in general, not a source."""
    return tok.lemma_.lower() in cues().audience and not _has_modifier(tok) and not tok.ent_type_


def _owner(idx: _DocIndex, doc_tok: Token) -> Ref | None:
    """Who issued a document noun: 'a statement by/from/of X', "X's statement", 'a ministry statement'."""
    c = cues()
    for child in doc_tok.children:
        if child.dep_ == "poss":
            return _ref(idx, child)
    for child in doc_tok.children:
        if child.dep_ == "prep" and child.lower_ in c.owner_prep and child.lower_ not in _WEAK_OWNER_PREPS:
            for obj in _pobjs(child):
                return _resolve_doc(idx, obj)
        if child.dep_ in ("acl", "relcl"):  # "a statement issued by the ministry"
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in _pobjs(agent):
                        return _resolve_doc(idx, obj)
    for child in doc_tok.children:  # "a Reuters report", "a ministry statement"; not "exit polls"
        if child.dep_ in ("compound", "nmod", "amod") and (
            child.pos_ == "PROPN" or child.ent_type_ or child.lemma_.lower() in c.official_head
        ):
            return _ref(idx, child)
    for child in doc_tok.children:  # "a statement of the ministry", "an editorial in China Daily"
        if child.dep_ == "prep" and child.lower_ in _WEAK_OWNER_PREPS and child.lower_ in c.owner_prep:
            for obj in _pobjs(child):
                return _resolve_doc(idx, obj)
    return None


def _resolve_doc(idx: _DocIndex, tok: Token) -> Ref | None:
    """Resolve a token that may be a document noun to its owner, else to itself."""
    if tok.lemma_.lower() in cues().document:
        return _owner(idx, tok)
    return _ref(idx, tok)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJ_DEPS:
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):  # "Reuters reported and added"
        return _subject(verb.head)
    return None


def _pobjs(prep: Token) -> Iterator[Token]:
    for obj in prep.children:
        if obj.dep_ == "pobj":
            yield from _conjuncts(obj)


# --------------------------------------------------------------------------- cue handlers


def _report_claims(idx: _DocIndex, verb: Token) -> Iterator[Claim]:
    """Reporting verbs: subject, inverted object or by-agent outlet is the reporter."""
    c = cues()
    lemma = verb.lemma_.lower()
    strong = lemma in c.report_strong
    args: list[tuple[Token, bool]] = []  # (token, construction implies an outlet)
    subj = _subject(verb)
    if subj is not None and subj.dep_ == "nsubj":
        args.append((subj, subj.i > verb.i and _inverted(verb)))
    for child in verb.children:
        if child.dep_ in _OBJ_DEPS and _np_of(idx, child).start == verb.i + 1 and _inverted(verb):
            args.append((child, True))  # "..., reported Reuters" (the parser may give it a subject too)
        elif child.dep_ == "agent":  # "as reported by Al Jazeera"
            args.extend((obj, False) for obj in _pobjs(child))
    in_document: bool | None = None
    for tok, by_construction in args:
        for t in _conjuncts(tok):
            if t.lemma_.lower() in c.document:
                owner = _owner(idx, t)  # "a Reuters report said", "the ministry's statement said"
                if owner is not None:
                    doc_strong = strong or t.lemma_.lower() in c.document_strong
                    yield Claim(owner, "original" if owner.is_outlet else "cited", doc_strong, lemma)
                continue
            if in_document is None:
                in_document = _in_document(verb)  # "the ministry said in a statement"
            # without a document, only an outlet makes a claim: other references need not be worked out
            ref = _ref(idx, t, outlet_by_construction=by_construction, strong=strong, outlets_only=not in_document)
            if ref is None:
                continue
            if ref.is_outlet:
                yield Claim(ref, "original", strong, lemma)
            elif in_document:
                yield Claim(ref, "cited", True, lemma)


def _inverted(verb: Token) -> bool:
    """A parenthetical reporting clause: '..., reported Reuters' / '"...," said Xinhua'."""
    if verb.i == 0:
        return False
    prev = verb.doc[verb.i - 1]
    return prev.is_punct or prev.text in _QUOTE_MARKS or prev.lower_ in ("as",)


def _in_document(verb: Token) -> bool:
    """Whether the verb has 'in a statement' (or another document noun) attached."""
    c = cues()
    for child in verb.children:
        if (
            child.dep_ == "prep"
            and child.lower_ == "in"
            and any(obj.lemma_.lower() in c.document for obj in _pobjs(child))
        ):
            return True
    return False


def _transmit_claims(idx: _DocIndex, verb: Token) -> Iterator[Claim]:
    """'X, quoted by Y', 'Y quoted X', 'Y, citing X, said', 'a statement carried by Y'."""
    lemma = verb.lemma_.lower()
    down_toks: list[Token] = []
    up_toks: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent":
            down_toks.extend(_pobjs(child))
        elif child.dep_ in ("dobj", "obj", "nsubjpass"):
            up_toks.extend(_conjuncts(child))
        elif child.dep_ == "nsubj":
            down_toks.extend(_conjuncts(child))
    if down_toks and not up_toks and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        up_toks.append(verb.head)  # "Reuters, quoted by BTA"
    if not down_toks and (verb.tag_ == "VBG" or verb.dep_ in ("advcl", "acl", "xcomp")):
        carrier = _carrier(verb)  # "Xinhua reported, citing the ministry"
        if carrier is not None:
            down_toks.append(carrier)
    downs = [r for r in (_ref(idx, t) for t in down_toks) if r is not None]
    ups = [r for r in (_resolve_doc(idx, t) for t in up_toks) if r is not None]
    if not ups and down_toks and verb.dep_ in ("advcl", "acl", "conj", "ccomp"):
        before = [r for r in idx.outlet_refs if r.end <= verb.idx and r.start >= verb.sent.start_char]
        if before:  # "..., reported Reuters, quoted by BTA" with 'quoted' hung on the main verb
            ups.append(before[-1])
        elif verb.head is not verb and (subj := _subject(verb.head)) is not None and subj.i < verb.i:
            named = subj.ent_type_ in ("PERSON", "ORG", "NORP") or subj.i in idx.actor_at
            ref = _ref(idx, subj) if named else None
            if ref is not None:  # "Wang, quoted by Xinhua, said"
                ups.append(ref)
    outlet_downs = [d for d in downs if d.is_outlet]
    if not outlet_downs:
        # no outlet passes anything on ("Russia carried out drills", "Clinton cited his remarks"); only a
        # named outlet being quoted still tells who reported ("the minister, citing Reuters, said")
        for up in ups:
            if up.is_outlet:
                yield Claim(up, "original", True, lemma)
        return
    for down in outlet_downs:
        if not ups:
            yield Claim(down, "relay", True, lemma)
        for up in ups:
            if up.is_outlet and up.key != down.key:
                yield Claim(up, "original", True, lemma)
                yield Claim(down, "relay", True, lemma, upstream=up)
            elif not up.is_outlet:
                yield Claim(up, "cited", True, lemma)
                yield Claim(down, "original", True, lemma)


def _carrier(verb: Token) -> Token | None:
    """The subject of the clause a participle ('citing ...') belongs to, climbing a few heads."""
    c = cues()
    tok = verb
    for _ in range(_MAX_CLIMB):
        if tok.head is tok:
            break
        tok = tok.head
        subj = _subject(tok)
        if subj is not None and (tok.lemma_.lower() in c.report or subj.ent_type_ == "ORG"):
            return subj
    # "AFP, citing the ministry, said": the participle hangs on the verb whose subject it modifies
    subj = _subject(verb.head) if verb.head is not verb else None
    return subj


def _tell_claims(idx: _DocIndex, verb: Token) -> Iterator[Claim]:
    """'X told AFP', 'speaking to the BBC': the outlet is the reporter, a named speaker is cited."""
    c = cues()
    lemma = verb.lemma_.lower()
    hearers: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "obj") and lemma == "tell":
            hearers.extend(_conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ in c.tell_prep:
            hearers.extend(_pobjs(child))
    outlets_told = [r for t in hearers if not _is_audience(t) and (r := _ref(idx, t)) is not None and r.is_outlet]
    if not outlets_told:
        return
    speaker = _speaker(idx, verb)
    for ref in outlets_told:
        yield Claim(ref, "original", True, lemma)
    if speaker is not None and not speaker.is_outlet:
        yield Claim(speaker, "cited", True, lemma)


def _speaker(idx: _DocIndex, verb: Token) -> Ref | None:
    subj = _subject(verb)
    if subj is None and verb.dep_ in ("advcl", "xcomp", "acl") and verb.head is not verb:
        subj = _subject(verb.head)  # "speaking to the BBC, the minister said"
    if subj is None or _is_audience(subj):
        return None
    return _ref(idx, subj)


def _interview_claims(idx: _DocIndex, noun: Token) -> Iterator[Claim]:
    """'in an interview with CNN', 'in comments to Reuters'."""
    c = cues()
    lemma = noun.lemma_.lower()
    preps = c.interview_prep if lemma in c.interview_strong else frozenset({"to"})
    hearers: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            hearers.extend(_pobjs(child))
        elif child.dep_ in ("compound", "poss") and lemma in c.interview_strong:
            hearers.append(child)  # "in a CNN interview", "in Reuters' interview"
    found = [r for t in hearers if (r := _ref(idx, t)) is not None and r.is_outlet]
    if not found:
        return
    verb = noun.head.head if noun.head.dep_ == "prep" else noun.head
    speaker = _speaker(idx, verb) if verb.pos_ in ("VERB", "AUX") else None
    for ref in found:
        yield Claim(ref, "original", True, lemma)
    if speaker is not None and not speaker.is_outlet:
        yield Claim(speaker, "cited", True, lemma)


def _according_claims(idx: _DocIndex, to: Token) -> Iterator[Claim]:
    """'according to Reuters', 'according to a statement by the ministry', 'according to officials'."""
    c = cues()
    for obj in _pobjs(to):
        ref = _resolve_doc(idx, obj)
        if ref is None:
            continue
        lemma = obj.lemma_.lower()
        strong = lemma not in c.document or lemma in c.document_strong  # "according to an editorial in X": weak
        yield Claim(ref, "original" if ref.is_outlet else "cited", strong, "according to")


def _dateline_claims(idx: _DocIndex, span: Span) -> Iterator[Claim]:
    """'BEIJING (Reuters) -': the writer of the text, when it opens a paragraph."""
    doc = span.doc
    para_start = span.start
    while para_start > 0 and "\n" not in doc[para_start - 1].text_with_ws:
        para_start -= 1
    if span.start - para_start > _DATELINE_WINDOW:
        return
    inner = doc[span.start + 1 : span.end - 2]
    ref = next((idx.outlet_at[t.i] for t in inner if t.i in idx.outlet_at), None)
    if ref is None:
        # an unknown name needs a real dateline before it: "KYIV, April 2 (Ukrinform) -"
        lead = doc[para_start : span.start]
        if not any(t.is_alpha and t.is_upper and len(t) > 1 for t in lead) and len(lead) > 0:
            return
        if not any(t.is_title or t.is_upper for t in inner) or any(t.like_num for t in inner):
            return
        ref = Ref(inner.text, inner.start_char, inner.end_char, inner.text, True, None)
    yield Claim(ref, "original", True, "dateline", writer=True)


def _claims(doc: Doc, idx: _DocIndex) -> list[Claim]:
    c = cues()
    out: list[Claim] = []
    matcher = _matchers(doc.vocab).cue
    for label, start, end in matcher(doc):
        tok = doc[start]
        if label == "VERB":
            lemma = tok.lemma_.lower()
            if lemma in c.report:
                out.extend(_report_claims(idx, tok))
            if lemma in c.transmit:
                out.extend(_transmit_claims(idx, tok))
            if lemma in c.tell:
                out.extend(_tell_claims(idx, tok))
        elif label == "NOUN":
            out.extend(_interview_claims(idx, tok))
        elif label == "ACCORDING":
            out.extend(_according_claims(idx, doc[start + 1]))
        elif label == "DATELINE":
            out.extend(_dateline_claims(idx, doc[start:end]))
    return out


# --------------------------------------------------------------------------- building the chain


@dataclass
class _Entry:
    ref: Ref
    role: Role
    cue: str
    upstream: set[str] = field(default_factory=set)
    writer: bool = False


def build_chain(
    claims: Iterable[Claim], publisher: str | None = None, publisher_ref: Ref | None = None
) -> list[Source]:
    """Turn per-cue claims into the deduplicated, ordered provenance chain.

    One source per outlet (or per cited source); its span and cue are those of the
    first claim that supports its final role.  Roles: an outlet that passes on another
    outlet's report is a relay; other outlets are original reporters; a weakly cued
    outlet ("X wrote") after a different outlet was already established as the reporter
    is cited.  The writer named by a dateline and then the publishing outlet close the
    chain as relays when the text names another original reporter.
    """
    ordered = sorted(claims, key=lambda cl: (cl.ref.start, cl.ref.end))
    entries: dict[str, _Entry] = {}
    established: set[str] = set()
    for cl in ordered:
        key = cl.ref.key
        role = cl.role
        if role == "original" and not cl.strong and established - {key}:
            role = "cited"  # "the Chinese publication also wrote", after "reported Reuters"
        if role == "original" and (cl.strong or cl.writer):
            established.add(key)
        e = entries.get(key)
        if e is None:
            e = entries[key] = _Entry(cl.ref, role, cl.cue, writer=cl.writer)
        elif _RANK[role] > _RANK[e.role]:
            e.ref, e.role, e.cue = cl.ref, role, cl.cue
        e.writer = e.writer or cl.writer
        if cl.upstream is not None and cl.upstream.key != key:
            e.upstream.add(cl.upstream.key)
    # an outlet established as original reporter is never demoted by a weak cue elsewhere
    for key in established:
        if entries[key].role == "cited":
            entries[key].role = "original"
    originals = [k for k, e in entries.items() if e.role == "original" and not e.writer]
    writers = [k for k, e in entries.items() if e.writer and e.role != "relay"]
    if originals:
        chain = [k for k, e in entries.items() if e.role in ("original", "relay") and not e.writer]
        for key in writers:  # the text's writer passes on every reporter the text names
            entries[key].role = "relay"
            entries[key].upstream.update(k for k in chain if k != key)
    for e in entries.values():
        if e.role == "relay":
            e.upstream = {u for u in e.upstream if u in entries and entries[u].role != "cited"}
    order = _orders(entries)
    chain_keys = [k for k, e in entries.items() if e.role != "cited"]
    if publisher and publisher.strip():
        pkey = outlet_key(publisher)
        if pkey not in entries and entries:
            has_reporter = any(entries[k].role in ("original", "relay") for k in chain_keys)
            known = outlets().get(publisher.strip())
            pname = known.name if known else publisher.strip()
            ref = publisher_ref or Ref(pname, 0, 0, "", True, None)
            ref = Ref(pname, ref.start, ref.end, ref.text, True, ref.actor_id)
            if has_reporter:
                entries[pkey] = _Entry(ref, "relay", "publisher")
                order[pkey] = max((order[k] for k in chain_keys), default=-1) + 1
            else:  # only cited sources: the publisher is the reporter who cites them
                entries[pkey] = _Entry(ref, "original", "publisher")
                order[pkey] = 0
    rows: list[dict[str, Any]] = []
    ranked = sorted(
        entries.items(),
        key=lambda kv: (_LIST_RANK[kv[1].role], order.get(kv[0], -1), kv[1].ref.start),
    )
    for n, (key, e) in enumerate(ranked, start=1):
        rows.append(
            {
                "id": f"S{n}",
                "start": e.ref.start,
                "end": e.ref.end,
                "text": e.ref.text,
                "name": e.ref.name,
                "role": e.role,
                "order": order.get(key, -1) if e.role != "cited" else -1,
                "actor_id": e.ref.actor_id,
                "cue": e.cue,
            }
        )
    return validate_records(Source, rows)  # one validation call for the chain


_RANK: dict[Role, int] = {"cited": 0, "original": 1, "relay": 2}
_LIST_RANK: dict[Role, int] = {"original": 0, "relay": 1, "cited": 2}


def _orders(entries: dict[str, _Entry]) -> dict[str, int]:
    """0 for original reporters; a relay is one step after the furthest outlet it relays."""
    memo: dict[str, int] = {}

    def depth(key: str, seen: frozenset[str]) -> int:
        if key in memo:
            return memo[key]
        e = entries[key]
        if e.role == "original":
            value = 0
        elif e.role == "cited":
            value = -1
        else:
            ups = [u for u in e.upstream if u not in seen]
            value = 1 + max((depth(u, seen | {key}) for u in ups), default=0)
        memo[key] = value
        return value

    for key in entries:
        depth(key, frozenset())
    # relays with no known upstream and no original anywhere are the reporters themselves
    if not any(e.role == "original" for e in entries.values()):
        unknown = [k for k, e in entries.items() if e.role == "relay" and not e.upstream]
        for k in unknown:
            entries[k].role = "original"
            memo[k] = 0
        if unknown:
            memo.clear()
            for key in entries:
                depth(key, frozenset())
    return memo


# --------------------------------------------------------------------------- stage


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Add the article's provenance chain to ``analysis.sources``."""
    ents = ctx.scratch.get("places_ents")
    idx = _index(doc, analysis, ents if isinstance(ents, tuple) else None)
    claims = _claims(doc, idx)
    publisher = analysis.article.source
    publisher_ref = None
    if publisher:
        pkey = outlet_key(publisher)
        publisher_ref = next((r for r in idx.outlet_refs if r.key == pkey), None)
    analysis.sources.extend(build_chain(claims, publisher, publisher_ref))
    ctx.scratch["provenance_claims"] = claims


register_component("provenance", run)
