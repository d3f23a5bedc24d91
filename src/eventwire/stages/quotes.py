"""The quotes stage: who said what — direct, indirect and mixed quotations with their speakers.

Order of work (see docs/quotes.md for the conventions):

1. Quotation marks are paired per paragraph (:mod:`eventwire.stages.quotes_marks`).  An
   unclosed quote that ends in an attribution tail (``..., Wang said.``) is cut there.
2. Each quoted span looks for its cue verb over the dependency parse: the verb that governs
   the quoted clause, a cue right after the closing mark (``"...," Wang said`` /
   ``said Wang``) or right before the opening mark (``Wang said: "..."``).
3. Every cue verb of the cue table (``data/quote_cues.tsv``) that was not used by a direct
   quote gives an indirect quote: content = its ccomp/parataxis (or listed xcomp) clause,
   speaker = its subject.  ``according to X`` gives the main clause to X.  Quoted phrases
   inside such a clause make it ``mixed`` and are not emitted on their own.
4. Quoted spans left without a cue: short phrases and titles (scare quotes) are dropped;
   sentence-like ones continue the previous quote's speaker (same or previous paragraph),
   or the next paragraph's when a quote reopens there.
5. Quotes nested in a direct quote are kept with ``parent_id``.
6. Speakers are linked to the actors stage's mentions; pronouns and media descriptions
   ("the publication") go to the most recent compatible actor.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, IS_PUNCT, IS_SPACE, LEMMA, POS
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.symbols import IDS as SYMBOL_IDS
from spacy.tokens import Doc, Span, Token

from eventwire.records import Actor, Analysis, Mention, Quote, QuoteKind
from eventwire.stages.base import Context, SentenceLookup, doc_text, register_component, validate_records
from eventwire.stages.quotes_cues import (
    ADDRESSEE_VERBS,
    ATTITUDE_CLASSES,
    COVERED_CLASSES,
    CueTable,
    VerbCue,
    cue_table,
    phrase_matcher,
)
from eventwire.stages.quotes_marks import QuotedSpan, find_quoted_spans, paragraph_starts

#: The article text of the document being processed (set by :func:`run` for the helpers, per thread).
_STATE = threading.local()

_OPEN_MARKS = {'"', "“", "'", "‘", "''"}
_TRAILING_PUNCT = {",", ";", ":", "—", "–", "-", "."}
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_SPEAKER_DROP = {"relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "prep_skip", "npadvmod"}
_BETWEEN_OK = {"dobj", "dative", "iobj", "advmod", "npadvmod", "prep", "punct", "mark", "prt", "neg", "aux", "agent"}
_PRONOUNS_PERSON = {"he", "she", "him", "her"}
_PRONOUNS_PLURAL = {"they", "them", "we"}
_PRONOUNS_THING = {"it"}
_RELATIVE = {"who", "that", "which", "whom"}
_WINDOW_AFTER = 20
_WINDOW_BEFORE = 6
_PLACE_ENTS = {"GPE", "LOC", "FAC", "DATE", "TIME"}
_NOT_SPEECH = {"be", "have", "include", "follow", "read"}
_LABEL_SEPARATORS = {":", "―", "—"}
_NEGATABLE = ATTITUDE_CLASSES | {"announce"}
_NP_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PUNCT", "CCONJ"}
#: Newsroom headline labels that open a headline with a colon and are no speakers ("Market Update: …").
_NEWSROOM_LABELS = {
    "latest", "update", "live", "watch", "analysis", "opinion", "editorial", "breaking", "exclusive",
    "explainer", "review", "recap", "timeline", "factbox", "photos", "video", "podcast", "briefing",
}  # fmt: skip
#: Prepositions whose object is the content of a cue verb of a class without a clause or object
#: ("agreed with X", "complained about X", "believes in X").
_PREP_CONTENT: dict[str, set[str]] = {
    "stance": {"about", "against", "with", "for", "on", "of", "over"},
    "speech": {"about", "of", "on"},
    "belief": {"in", "of", "about"},
}
_END_PUNCT = ".,;:!?…\"'”’ \n"
_ACTIVE_PARTICIPLE = {"VBG", "VBD"}
_CONCESSIVE = {"though", "although", "while", "whereas"}
_PCOMP_CLIMB = {"prep", "pobj", "advmod", "acomp"}
#: Adjectives of evidence with an expletive subject ("it is clear/obvious/apparent that …").
_EVIDENTIAL = ("clear", "obvious", "apparent", "evident", "unclear", "plain")
_EVIDENTIAL_HASHES = frozenset(int(hash_string(w)) for w in _EVIDENTIAL)
#: Nouns of a point of view: "in his eyes/view/opinion, …" gives the clause to the possessor.
_VIEW_NOUNS = {"eye", "view", "opinion", "estimation", "mind", "judgment", "judgement", "words", "word"}
#: Nouns of a count or an estimate: "by one estimate/count/measure, …".
_ESTIMATE_NOUNS = {"estimate", "count", "measure", "calculation", "tally", "reckoning", "account"}
#: Nouns of messages and documents, which say things in news style ("a statement announcing …", "a tweet attacking …").
_MESSAGE_NOUNS = {
    "statement", "tweet", "post", "posting", "letter", "ad", "advertisement", "commercial", "spot", "report", "message",
    "email", "memo", "editorial", "column", "article", "story", "book", "video", "release", "ruling", "resolution",
    "petition", "speech", "op-ed", "essay", "blog", "complaint", "lawsuit", "filing", "motion", "op",
}  # fmt: skip
_AGENT_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
_LEAD_PUNCT = {":", ",", "—", "–", "-", "(", "["}


@dataclass
class _Quote:
    start: int
    end: int
    kind: QuoteKind
    paragraph: int
    cue: Token | None = None
    cue_span: tuple[int, int, str] | None = None
    speaker: Span | None = None
    confidence: float = 0.9
    closed: bool = True
    inherited: bool = False
    parent: int | None = None
    span: QuotedSpan | None = None
    cls: str | None = None
    absorbed: list[QuotedSpan] = field(default_factory=list)


def _particles(tok: Token) -> set[str]:
    """Particles and prepositions of a verb: ``point out``, ``call for``, ``speak of`` are cues in their own right
    (and the object ``it`` of ``put it``)."""
    return {c.lower_ for c in tok.children if c.dep_ in {"prt", "prep"} or (c.dep_ == "dobj" and c.lower_ == "it")}


def _is_cue(tok: Token, table: CueTable) -> VerbCue | None:
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    return _verb_cue(tok, tok.lemma_.lower(), table)


#: Lower-cased lemma strings by string-store hash (a hash names one string in every vocabulary), kept per process.
_LOWER_LEMMAS: dict[int, str] = {}


def _verb_cue(tok: Token, lemma: str, table: CueTable) -> VerbCue | None:
    """:func:`_is_cue` of a verb whose lower-cased lemma is ``lemma``."""
    rows = table.verbs.get(lemma)
    if not rows:
        return None
    if all(row.particle is None for row in rows):
        return table.verb_cue(lemma, set())  # no particle variants: the children need not be read
    return table.verb_cue(lemma, _particles(tok))


def _h(label: str) -> int:
    """The id a label has in ``doc.to_array`` (a spaCy symbol id for built-in labels, else its hash)."""
    sym = SYMBOL_IDS.get(label)
    return int(sym) if sym is not None else int(hash_string(label))


_D_NSUBJ, _D_CSUBJ, _D_AUXPASS, _D_AGENT, _D_POBJ, _D_EXPL, _D_NSUBJPASS, _D_XCOMP = map(
    _h, ["nsubj", "csubj", "auxpass", "agent", "pobj", "expl", "nsubjpass", "xcomp"]
)
_D_SPEAKER_DROP = frozenset(_h(d) for d in _SPEAKER_DROP)
_D_PARATAXIS, _D_CCOMP, _D_PREP, _D_DEP = _h("parataxis"), _h("ccomp"), _h("prep"), _h("dep")
_LABEL_IDS: dict[frozenset[str], frozenset[int]] = {}


def _label_ids(labels: frozenset[str]) -> frozenset[int]:
    """The array ids of a set of dependency labels (memoised per process)."""
    ids = _LABEL_IDS.get(labels)
    if ids is None:
        ids = _LABEL_IDS[labels] = frozenset(_h(lab) for lab in labels)
    return ids


class _Arrays:
    """Per-document parse arrays read once with ``doc.to_array``: head indices, dependency label hashes,
    children lists and punctuation/space flags, so the helpers walk index lists instead of Token objects."""

    __slots__ = ("deps", "doc", "heads", "kids", "puncts", "skip")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        arr = numpy.asarray(doc.to_array([HEAD, DEP, IS_PUNCT, IS_SPACE]), dtype=numpy.uint64)
        n = len(arr)
        # HEAD is the offset to the head, stored unsigned: the int64 view restores the sign
        heads: list[int] = (arr[:, 0].view(numpy.int64) + numpy.arange(n)).tolist()
        self.heads = heads
        self.deps: list[int] = arr[:, 1].tolist()
        self.puncts: list[int] = arr[:, 2].tolist()
        self.skip: list[int] = numpy.bitwise_or(arr[:, 2], arr[:, 3]).tolist()
        kids: list[list[int]] = [[] for _ in range(n)]
        for i, j in enumerate(heads):
            if j != i:
                kids[j].append(i)
        self.kids = kids


def _arrays(doc: Doc) -> _Arrays:
    """The parse arrays of ``doc`` (cached for the document :func:`run` is processing)."""
    arr: _Arrays | None = getattr(_STATE, "arrays", None)
    if arr is not None and arr.doc is doc:
        return arr
    arr = _Arrays(doc)
    _STATE.arrays = arr
    return arr


def _speaker_span(head: Token) -> Span:
    """The subject noun phrase around ``head`` without relative clauses, appositions and the like."""
    doc = head.doc
    if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
        return doc[head.i : head.i + 1]  # "who said": the relative pronoun is the speaker as written
    arr = _arrays(doc)
    kids, deps, skip = arr.kids, arr.deps, arr.skip
    h = head.i
    lo = hi = h
    stack = [c for c in kids[h] if deps[c] not in _D_SPEAKER_DROP]
    while stack:
        t = stack.pop()
        if t < lo:
            lo = t
        elif t > hi:
            hi = t
        stack.extend(kids[t])
    while lo < h and skip[lo]:
        lo += 1
    while hi > h and skip[hi]:
        hi -= 1
    return doc[lo : hi + 1]


def _subject_of(verb: Token, depth: int = 0) -> Span | None:
    """The speaker of a cue verb: its subject, the agent of a passive, or its governing verb's subject --
    cut to the cue's paragraph (a headline or time stamp line is no part of the next line's subject)."""
    if depth > 0:
        return _subject_any(verb, depth)
    memo: dict[int, Span | None] | None = getattr(_STATE, "subjects", None)
    if memo is not None:
        if verb.i not in memo:
            memo[verb.i] = _paragraph_subject(verb)
        return memo[verb.i]
    return _paragraph_subject(verb)


def _paragraph_subject(verb: Token) -> Span | None:
    """:func:`_subject_any` cut to the cue's paragraph."""
    span = _subject_any(verb, 0)
    if span is None:
        return span
    doc = verb.doc
    lo, hi = (span.start, verb.i) if span.start < verb.i else (verb.i, span.end)
    text: str | None = getattr(_STATE, "text", None)
    if text is not None:
        last = doc[hi - 1]
        if "\n" not in text[doc[lo].idx : last.idx + len(last.text) + 1]:
            return span  # the common case, checked on the article text
    breaks = [t.i for t in doc[lo:hi] if "\n" in t.text or "\n" in t.whitespace_]
    if not breaks:
        return span
    if span.start < verb.i:
        keep = [t for t in span if t.i > breaks[-1] and not t.is_space]
        if not keep:
            # the parser took the headline for the subject: the noun phrase opening the cue's line
            line = [t for t in doc[breaks[-1] + 1 : verb.i] if not t.is_space]
            while line and line[-1].pos_ in {"ADV", "AUX", "PART"} and line[-1].tag_ != "POS":
                line.pop()
            if line and all(t.pos_ in _NP_POS or t.tag_ == "POS" for t in line) and line[-1].pos_ in {"NOUN", "PROPN"}:
                keep = line
    else:
        keep = [t for t in span if t.i < breaks[0] and not t.is_space]
    if not keep:
        return None
    part = doc[keep[0].i : keep[-1].i + 1]
    return part if any(not t.is_punct for t in part) else None


def _subject_any(verb: Token, depth: int = 0) -> Span | None:
    doc = verb.doc
    arr = _arrays(doc)
    deps, allkids = arr.deps, arr.kids
    children = allkids[verb.i]
    passive = any(deps[c] == _D_AUXPASS for c in children)
    for c in children:
        dep = deps[c]
        if passive and dep == _D_AGENT:
            for p in allkids[c]:
                if deps[p] == _D_POBJ:
                    return _speaker_span(doc[p])
        if dep == _D_NSUBJ or (dep == _D_CSUBJ and not passive):
            if dep == _D_NSUBJ and doc[c].lower_ == "there":
                return None
            others = [o for o in children if deps[o] == _D_NSUBJ and o != c]
            if others:
                # two subjects are a misparse ("reasons that Trump refuses to …", '"One of the brightest
                # members …," Rep. Cummings said'): the one nearest the verb
                return _speaker_span(doc[min([c, *others], key=lambda o: abs(o - verb.i))])
            return _speaker_span(doc[c])
        if dep == _D_EXPL:
            return None
        if passive and dep == _D_NSUBJPASS and any(deps[x] == _D_XCOMP for x in children):
            return None  # "the two countries are said to be …": the subject is said to, no one says
    if depth < 2 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # "by saying …", "stopped short of calling …", "were in the lead in advocating …": up through
        # prepositions, their objects and adverbs to the verb they hang on, whose subject speaks
        up = verb.head.head
        for _ in range(4):
            if up.pos_ in {"VERB", "AUX"} or up.head.i == up.i or up.dep_ not in _PCOMP_CLIMB:
                break
            up = up.head
        if up.pos_ in {"VERB", "AUX"}:
            return _subject_of(up, depth + 1)
    if depth < 3 and verb.dep_ == "acomp" and verb.head.i != verb.i:
        return _subject_of(verb.head, depth + 1)  # "he won't be able to brag about …": through "able"
    if verb.dep_ == "acl" and verb.tag_ in _ACTIVE_PARTICIPLE and verb.head.i < verb.i and not passive:
        head = verb.head
        if _agentive(head):
            # "a statement announcing that …", "one (posting) saying that …", "Cooper, …, called Friday for …" (a
            # finite verb the parser read as a reduced relative): the noun it modifies is its subject
            return _speaker_span(head)
        return None
    if depth < 3 and verb.dep_ in {"conj", "advcl", "xcomp"} and verb.head.i != verb.i:
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
            return None  # "after he said", "because ..."
        if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not passive:
            return None  # "Asked about the device, O'Neill said ...": the subject was asked, it did not ask
        return _subject_of(_outside_quote(verb, verb.head), depth + 1)
    return None


def _agentive(tok: Token) -> bool:
    """Whether a noun can be the source of a statement: a name, a person/organisation entity, a personal pronoun or
    a message noun (``statement``, ``tweet``, ``letter`` …)."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in _AGENT_ENTS:
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in _PRONOUNS_PERSON | _PRONOUNS_PLURAL
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _MESSAGE_NOUNS


def _bare_noun(tok: Token) -> bool:
    """A common noun without determiner, possessor or number (``wrote letters``, ``posted news``): the object names
    an activity, not a particular text whose content is reported (``portions of his returns`` is particular)."""
    return tok.pos_ == "NOUN" and not any(
        c.dep_ in {"det", "poss", "nummod", "predet"} or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children
    )


def _outside_quote(verb: Token, head: Token) -> Token:
    """``head``, or -- when the parser hung ``verb`` on a verb inside quoted words that do not hold ``verb``
    (``…, treating the remark as a compliment -- ''That makes me smart'' -- and asserting, …``) -- the first verb
    above the quoted words."""
    quoted: list[tuple[int, int]] | None = getattr(_STATE, "quoted", None)
    if not quoted:
        return head
    span = next(((a, b) for a, b in quoted if a <= head.idx < b), None)
    if span is None or span[0] <= verb.idx < span[1]:
        return head
    up = head
    for _ in range(12):
        if not span[0] <= up.idx < span[1] or up.head.i == up.i:
            break
        up = up.head
    return up if not span[0] <= up.idx < span[1] and up.pos_ in {"VERB", "AUX"} else head


def _trim(span_tokens: list[Token]) -> tuple[int, int] | None:
    toks = [t for t in span_tokens if not t.is_space]
    while toks and toks[0].is_punct and toks[0].text not in {'"', "“", "'", "‘", "''"}:
        toks.pop(0)
    while toks and toks[-1].is_punct and toks[-1].text in {",", ";", ":", "—", "–", "-", "."}:
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _trim_range(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """:func:`_trim` over the tokens ``lo..hi`` (inclusive), walking in from both ends only as far as needed."""
    first = doc[lo] if lo <= hi else None
    while first is not None and (first.is_space or (first.is_punct and first.text not in _OPEN_MARKS)):
        lo += 1
        first = doc[lo] if lo <= hi else None
    last = doc[hi] if first is not None else None
    while last is not None and (last.is_space or (last.is_punct and last.text in _TRAILING_PUNCT)):
        hi -= 1
        last = doc[hi] if hi >= lo else None
    if first is None or last is None:
        return None
    return first.idx, last.idx + len(last.text)


class _Finder:
    def __init__(self, doc: Doc, table: CueTable) -> None:
        self.doc = doc
        self.table = table
        self.cues: dict[int, VerbCue] = {}
        self.quoted: list[tuple[int, int]] = []
        self.bylines: dict[int, Span] = {}
        self.par_starts: list[int] = []
        self.text = ""
        self.contents: dict[tuple[int, bool], tuple[int, int] | None] = {}
        self.noun_cues: list[int] = []
        self.source_nouns: list[int] = []
        self.evidentials: list[int] = []
        # token objects only for verbs whose lemma is in the cue table
        strings = doc.vocab.strings
        nouns = table.noun_hashes
        root = strings["ROOT"]
        acomp = strings["acomp"]
        pobj = strings["pobj"]
        sources = _source_noun_hashes(table)
        lowered = _LOWER_LEMMAS
        verbs = table.verbs
        arr = doc.to_array([POS, LEMMA, DEP])
        tags = arr[:, 0]
        # only adjectives, nouns and verbs are looked at
        picked = numpy.flatnonzero((tags == ADJ) | (tags == NOUN) | (tags == VERB) | (tags == AUX))
        for i, (pos, lemma, dep) in zip(picked.tolist(), arr[picked].tolist(), strict=True):
            if pos == ADJ:
                if lemma in _EVIDENTIAL_HASHES:
                    self.evidentials.append(i)  # "it is clear that …", "made it clear that …"
                if lemma in nouns and dep == acomp:
                    self.noun_cues.append(i)  # "X is critical of Y"
            elif pos == NOUN:
                if dep == pobj and lemma in sources:
                    self.source_nouns.append(i)  # "in this poll, …", "in his eyes, …", "by one estimate, …"
                if lemma in nouns:
                    self.noun_cues.append(i)
                if dep == root and strings[lemma] in table.verbs:
                    # "But Trump claims that he …": a cue verb tagged as a noun, heading its own clause
                    tok = doc[i]
                    kids = {c.dep_ for c in tok.children}
                    if "nsubj" in kids and "ccomp" in kids:
                        self.cues[i] = table.verbs[strings[lemma]][0]
            else:  # VERB, AUX
                low = lowered.get(lemma)
                if low is None:
                    if len(lowered) >= 100_000:
                        lowered.clear()
                    low = lowered[lemma] = strings[lemma].lower()
                if low in verbs:
                    cue = _verb_cue(doc[i], low, table)
                    if cue is not None:
                        self.cues[i] = cue

    def root_of(self, span: Span) -> Token:
        """The token of ``span`` whose head lies outside it, nearest the sentence root (punctuation left out);
        read from the head array, without token objects."""
        arr = _arrays(self.doc)
        heads, puncts = arr.heads, arr.puncts
        best, best_depth = span.start, 10_000
        for i in range(span.start, span.end):
            h = heads[i]
            if puncts[i] or (span.start <= h < span.end and h != i):
                continue
            depth, j = 0, i
            while heads[j] != j and depth < 200:
                j, depth = heads[j], depth + 1
            if depth < best_depth:
                best, best_depth = i, depth
        return self.doc[best]

    # -- direct quotes -----------------------------------------------------------------
    def governing_cue(self, q: Span) -> Token | None:
        """The cue verb of a quoted span over the parse, after it, or before it."""
        root = self.root_of(q)
        head = root.head
        if (
            head.i != root.i
            and not (q.start <= head.i < q.end)
            and head.i in self.cues
            and not (head.i < q.start and self._across_paragraph(head, q[0]))
            and not (head.i >= q.end and "\n" in self.text[q.end_char : head.idx])
        ):
            allowed = self.cues[head.i].complements | {"ccomp", "parataxis", "dobj", "oprd"}
            adjacent = abs(head.i - q.start) <= 4 or abs(head.i - q.end) <= 4
            addressee = root.dep_ in {"dobj", "dative"} and head.lemma_.lower() in ADDRESSEE_VERBS
            if (
                (root.dep_ in allowed or (root.dep_ == "conj" and adjacent))
                and (root.dep_ != "dobj" or adjacent)
                and not addressee
            ):
                return head
        for cue in self._cues_around(q, root):
            if cue is None:
                continue
            content = self.content_of(cue)
            if (
                content is not None
                and not (content[0] < q.end_char and q.start_char < content[1])
                and not _covered_by(content, self.quoted)
                and not _sentence_like(q)
            ):
                # the cue reports an unquoted clause of its own: 'told MSNBC's "Morning Joe" that ...',
                # 'On "Fox News Sunday," Pence said his running mate ...'
                continue
            return cue
        return None

    def _cues_around(self, q: Span, root: Token) -> Iterator[Token | None]:
        """The cue after a quoted span, then the one before it, each looked for only when asked (the one before
        is not needed when the one after is taken)."""
        yield self._cue_after(q)
        yield self._cue_before(q, root)

    def _cue_after(self, q: Span) -> Token | None:
        doc = self.doc
        j = q.end
        while j < len(doc) and j < q.end + 4 and (doc[j].is_punct or doc[j].is_space):
            if doc[j].text in {".", "!", "?"} and j > q.end and doc[j - 1].is_punct and not _is_mark(doc[j - 1]):
                return None
            if "\n" in doc[j].text:
                return None  # a quote ending its paragraph: the next paragraph's verb is no attribution of it
            j += 1
        byline = self._dash_byline(q, j)
        if byline is not None:
            return byline
        for k in range(j, min(len(doc), j + _WINDOW_AFTER)):
            tok = doc[k]
            if _is_mark(tok) or tok.text in {".", "!", "?", ";"}:
                return None
            if k in self.cues:
                subj = _subject_of(tok)
                if (subj is None or subj.end <= q.end) and k > j:
                    name = self._name_between(j, k)
                    if name is not None:
                        # '"…," Tulsa police Chief Chuck Jordan said': the parser lost the subject
                        self.bylines[tok.i] = name
                        return tok
                if subj is None:
                    return None
                # everything between the quote and the cue must be the subject or adverbs/auxiliaries
                lo = j
                subtree = {t.i for t in subj.root.subtree} if subj.root.i < k else set()
                ok = all(
                    subj.start <= m < subj.end
                    or m in subtree
                    or doc[m].is_punct
                    or (doc[m].head.i == tok.i and doc[m].dep_ in {"advmod", "aux", "neg", "npadvmod"})
                    for m in range(lo, k)
                )
                if not ok:
                    return None
                if subj.start > k and subj.start > k + 6:
                    return None
                own = self.content_of(tok)
                if own is not None and own[0] > tok.idx and self._ends_sentence(q):
                    return None  # '"…." She says X is Y': the cue reports its own clause, not the quote before
                return tok
        return None

    def _name_between(self, j: int, k: int) -> Span | None:
        """The words between a closing mark and a cue verb, when they read as a name or title (``Tulsa police
        Chief Chuck Jordan``): capitalised or nominal words, no more than 12 tokens."""
        doc = self.doc
        words = [t for t in doc[j:k] if not t.is_space]
        if not words or len(words) > 12 or any(_is_mark(t) or t.text in {".", "!", "?", ";", ":"} for t in words):
            return None
        if not any(t.pos_ in {"PROPN", "NOUN"} for t in words) or words[-1].is_punct:
            return None
        if not all(t.is_title or t.is_upper or t.pos_ in _NP_POS or t.is_punct or t.tag_ == "POS" for t in words):
            return None
        return doc[words[0].i : words[-1].i + 1]

    @staticmethod
    def _ends_sentence(q: Span) -> bool:
        """Whether a quoted span ends with a full stop, question or exclamation mark inside its marks."""
        words = [t for t in q if not t.is_space and not _is_mark(t)]
        return bool(words) and words[-1].text in {".", "!", "?"}

    def outer_cue(self, cue: Token) -> Token:
        """The reporting verb that governs a cue's clause: in ``X said she expects …`` / ``A urged B …, C said``
        the outer speaker is the source of the whole statement, the inner cue is part of what is reported."""
        for _ in range(3):
            head = cue.head
            if cue.dep_ not in {"ccomp", "xcomp"} or head.i == cue.i or head.i not in self.cues:
                break
            if self.content_of(head) is None:
                break
            cue = head
        return cue

    def reports_more(self, cue: Token, m: QuotedSpan) -> bool:
        """Whether the quoted span is only part of what ``cue`` reports: the cue's clause holds it and at least
        two more words (``She says his temperament is "dangerous"``), or the cue is itself reported by an
        outer cue (``Ditto said she expects the campaign "to continue …"``)."""
        outer = self.outer_cue(cue)
        if outer.i != cue.i and not (m.open_start <= outer.idx < m.close_end):
            return True  # (an outer cue inside the quote itself is a misparse: 'X recalled, "…, he said, …"')
        content = self.content_of(cue)
        if content is None or not (content[0] <= m.open_start and m.close_end <= content[1] + 1):
            return False
        words = 0
        for t in self.doc[cue.i + 1 :]:
            at = t.idx
            if at >= content[1]:
                break  # tokens run in text order: none further is in the content
            if content[0] <= at and not t.is_punct and not (m.open_start <= at < m.close_end):
                words += 1
        return words >= 2

    def _dash_byline(self, q: Span, j: int) -> Token | None:
        """``“...” ― Azucena Gonzalez`` ending the paragraph: the dash is the cue, the name the speaker."""
        doc = self.doc
        if j < len(doc) and doc[j].text in {"―", "—"}:
            j += 1  # the tagger did not read the dash as punctuation
        k = j - 1
        while k > q.end and doc[k].is_space and "\n" not in doc[k].text:
            k -= 1  # a no-break space between the dash and the name
        # the tokenizer may glue the dash to the closing mark ('”―')
        if k < q.end - 1 or not doc[k].text or doc[k].text[-1] not in {"―", "—"}:
            return None
        if k == q.end - 1 and not _is_mark_text(doc[k].text[:-1]):
            return None
        while j < len(doc) and doc[j].is_space and "\n" not in doc[j].text:
            j += 1  # a no-break space after the dash
        name = doc[j : j + 5]
        words = []
        for t in name:
            if "\n" in t.text:
                break
            words.append(t)
        if words and words[-1].text == "." and len(words) > 1:
            words.pop()  # '― Carla Sanchez.'
        if not words or (
            words[-1].i + 1 < len(doc)
            and "\n" not in doc[words[-1].i + 1].text
            and not (doc[words[-1].i + 1].text == "." and _para_end(doc, words[-1].i + 2))
        ):
            return None
        if all(
            t.ent_type_ in {"PERSON", "ORG"} or (t.pos_ == "PROPN" and t.text[:1].isupper())
            for t in words
            if not t.is_punct
        ):
            self.bylines[doc[k].i] = doc[words[0].i : words[-1].i + 1]
            return doc[k]
        return None

    def _cue_before(self, q: Span, root: Token) -> Token | None:
        doc = self.doc
        i = q.start - 1
        while i >= 0 and (_is_mark(doc[i]) or doc[i].is_space):
            if "\n" in doc[i].text and not (i > 0 and doc[i - 1].text == ":"):
                return None  # only a colon carries an attribution over a paragraph break
            i -= 1
        colon = i >= 0 and doc[i].text == ":"
        while (
            i >= 0 and i >= q.start - 6 and (doc[i].text in _LEAD_PUNCT or _is_mark(doc[i]) or doc[i].lower_ == "that")
        ):
            i -= 1
        if colon and i >= 0:
            # "Sanders made the following comment:" -- the verb of the clause before the colon speaks
            verb = doc[i].sent.root
            if (
                verb.i <= i
                and verb.pos_ in {"VERB", "AUX"}
                and verb.i not in self.cues
                and _subject_of(verb) is not None
                and verb.lemma_.lower() not in _NOT_SPEECH
            ):
                return verb
        for k in range(i, max(-1, i - _WINDOW_BEFORE), -1):
            tok = doc[k]
            if tok.text in {".", "!", "?", ";"} or _is_mark(tok) or "\n" in tok.text:
                return None
            if k in self.cues:
                if not (
                    root.head.i == tok.i or root.head.i == root.i or (root.head.i >= q.start and root.head.i < q.end)
                ):
                    return None
                between_ok = all(
                    doc[m].is_punct or doc[m].lower_ == "that" or _under(doc[m], tok, _BETWEEN_OK)
                    for m in range(k + 1, q.start)
                )
                if not between_ok:
                    return None
                if _subject_of(tok) is None:
                    return None
                return tok
        return None

    def tail_attribution(self, q: Span) -> tuple[Token, int] | None:
        """In an unclosed quote, an attribution tail ``..., Wang said.``: (cue, comma offset)."""
        doc = self.doc
        for k in range(q.start + 1, q.end):
            if k not in self.cues:
                continue
            tok = doc[k]
            subj = _subject_of(tok)
            if subj is None or not (q.start <= subj.start < q.end):
                continue
            left = min(subj.start, k)
            right = max(subj.end - 1, k)
            if left == 0 or doc[left - 1].text not in {",", "—", "–"}:
                continue
            # after the cue and subject: only adverbs/time words up to the sentence end
            m = right + 1
            while m < len(doc) and not doc[m].is_sent_start and doc[m].text not in {".", "!", "?"}:
                if doc[m].dep_ not in {"advmod", "npadvmod", "prep", "pobj", "det", "amod", "compound", "punct"}:
                    break
                m += 1
            else:
                return tok, doc[left - 1].idx
            if m < len(doc) and doc[m].text in {".", "!", "?"}:
                return tok, doc[left - 1].idx
        return None

    # -- indirect quotes ---------------------------------------------------------------
    def parenthetical_content(self, verb: Token) -> list[tuple[int, int]]:
        """``Lenox was a juggernaut, Mr. Clarke said, until ...``: the clause around a parataxis cue or an
        ``as`` clause (``As Ms. Simonyan put it, RT is …``), in parts."""
        as_clause = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        if (verb.dep_ != "parataxis" and not as_clause) or verb.head.pos_ not in {"VERB", "AUX"}:
            return []  # also "As Ms. Simonyan put it, RT is …", "as the mayor noted, …"
        head = verb.head
        own = {t.i for t in verb.subtree}
        lo, hi = head.left_edge.i, head.right_edge.i
        before = [t for t in self.doc[lo : min(own)] if t.i not in own]
        after = [t for t in self.doc[max(own) + 1 : hi + 1] if t.i not in own]
        parts = [_trim(before), _trim(after)]
        return [p for p in parts if p is not None and p[1] - p[0] > 3]

    def content_of(self, verb: Token, wide: bool = False) -> tuple[int, int] | None:
        """Character span of the content clause of a cue verb, or None; cut to the cue's paragraph (the parser
        sometimes hangs a headline or a time stamp line on the next line's verb)."""
        key = (verb.i, wide)
        if key not in self.contents:
            self.contents[key] = self._paragraph_content(verb, wide)
        return self.contents[key]

    def _paragraph_content(self, verb: Token, wide: bool) -> tuple[int, int] | None:
        span = self._content_of(verb, wide)
        if span is None or not self.par_starts:
            return span
        if "\n" not in self.text[min(span[0], verb.idx) : max(span[1], verb.idx)]:
            return span  # cue and content in one paragraph: the common case
        n = _paragraph_of(self.par_starts, verb.idx)
        lo = self.par_starts[n]
        hi = self.par_starts[n + 1] if n + 1 < len(self.par_starts) else span[1]
        if hi < span[1] and self.text[lo:hi].rstrip().endswith(":"):
            # "The governor added:" + the next paragraph
            hi = self.par_starts[n + 2] if n + 2 < len(self.par_starts) else span[1]
        start, end = max(span[0], lo), min(span[1], hi)
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end) if end - start > 1 else None

    def _content_of(self, verb: Token, wide: bool = False) -> tuple[int, int] | None:
        """Character span of the content clause of a cue verb, or None.

        ``wide`` (the indirect pass) also takes the contents every verb of its class may have
        (:func:`eventwire.stages.quotes_cues.wide_complements`): ``noted the clot's existence``,
        ``told his advisers to figure out …``, ``agreed to lend …``."""
        cue = self.cues.get(verb.i)
        if cue is None:
            return None
        doc = self.doc
        if cue.particle is not None and "pobj" in cue.complements:
            return self._particle_content(verb, cue.particle)
        complements = cue.wide if wide else cue.complements
        nominal = None
        # a clause after the cue before one ahead of it ("Writing for a panel that agreed Pence won, Barabak
        # noted that …"); a fronted clause ('"…," she said') when there is none after
        arr = _arrays(doc)
        deps = arr.deps
        kid_ids = arr.kids[verb.i]
        wanted = _label_ids(complements)
        v = verb.i
        for k in [k for k in kid_ids if k > v] + [k for k in kid_ids if k < v]:
            if deps[k] not in wanted or deps[k] == _D_PARATAXIS:
                continue
            c = doc[k]
            if c.dep_ == "xcomp" and c.i < verb.i:
                continue
            if k > v and self._across_paragraph(verb, c):
                continue  # the next paragraph's clause hung on a paragraph-final "…, Mr. X said."
            if c.dep_ == "xcomp" and c.dep_ not in cue.complements:
                # "told his advisers to figure out ...": the addressee and the infinitive
                obj = next((o for o in verb.children if o.dep_ in {"dobj", "dative"} and verb.i < o.i < c.i), None)
                if obj is not None:
                    return _trim_range(doc, obj.left_edge.i, c.right_edge.i)
            if c.dep_ == "dobj":
                pron_ok = wide and cue.cls == "stance" and c.lower_ not in _RELATIVE
                generic = cue.cls == "writing" and "dobj" not in cue.complements and _bare_noun(c)
                if (
                    nominal is None
                    and c.i > verb.i
                    and c.pos_ != "NUM"
                    and (c.pos_ != "PRON" or pron_ok)
                    and not generic
                ):
                    nominal = c  # a noun-phrase content only when there is no clause
                continue
            if c.dep_ == "oprd":
                # "called the charges unsubstantiated": object and its predicate
                obj = next((o for o in verb.children if o.dep_ == "dobj" and verb.i < o.i < c.i), None)
                if obj is None:
                    continue
                return _trim_range(doc, obj.left_edge.i, c.right_edge.i)
            lo = c.left_edge.i
            if c.i > verb.i and lo < verb.i:
                lo = verb.i + 1  # "reasons that X refuses to release": the fronted relative is no content
            return _trim_range(doc, lo, c.right_edge.i)
        if wide and nominal is None and cue.particle is None:
            # "The registration issue was first reported by The Washington Post": the passive subject
            subj = next((doc[k] for k in kid_ids if deps[k] == _D_NSUBJPASS and doc[k].pos_ in {"NOUN", "PROPN"}), None)
            if (
                subj is not None
                and any(deps[k] == _D_AGENT for k in kid_ids)
                and not any(deps[k] == _D_CCOMP for k in kid_ids)
            ):
                return _trim([t for t in subj.subtree if t.dep_ != "relcl" and not t.is_space])
        if wide and nominal is None and cue.cls in {"speech", "writing"} and verb.dep_ == "ROOT":
            # "Language unclear on …, experts say.": a fronted fragment the parser left as a loose dependent, then a
            # comma, the subject and the cue ending the sentence
            frag = next((doc[k] for k in kid_ids if k < v and deps[k] == _D_DEP), None)
            if frag is not None and frag.right_edge.i + 1 < v and doc[frag.right_edge.i + 1].text == ",":
                after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
                if after is None or after.is_punct or after.is_space:
                    return _trim_range(doc, frag.left_edge.i, frag.right_edge.i)
        if wide and nominal is None and "ccomp" in cue.complements:
            clause = _misattached_that_clause(verb) or _unmarked_advcl(verb)
            if clause is not None:
                return _trim_range(doc, clause.left_edge.i, clause.right_edge.i)
        if wide and nominal is None and cue.cls in _PREP_CONTENT and cue.particle is None:
            prep = next(
                (
                    doc[k]
                    for k in kid_ids
                    if deps[k] == _D_PREP and 0 < k - v <= 2 and doc[k].lower_ in _PREP_CONTENT[cue.cls]
                ),
                None,
            )
            if prep is not None:
                # "agreed with Matthews", "brags about his prowess", "ruled against the purges"
                objs = [o for o in prep.children if o.dep_ in {"pobj", "pcomp"}]
                if objs and objs[0].ent_type_ not in {"DATE", "TIME"}:
                    return _trim(list(doc[objs[0].left_edge.i : self._secondary_end(verb, objs[0].right_edge.i) + 1]))
        if nominal is not None:
            if cue.cls == "evidence" and not self._evidence_subject(verb):
                return None  # "both sides had shown restraint" is no finding
            return _trim_range(doc, nominal.left_edge.i, self._secondary_end(verb, nominal.right_edge.i))
        return None

    def _across_paragraph(self, verb: Token, clause: Token) -> bool:
        """Whether a clause after ``verb`` starts in a later paragraph that no colon ending the verb's
        paragraph introduces (the parser hangs the next paragraph's root on a paragraph-final cue)."""
        text = self.text
        if not text:
            return False
        start = clause.left_edge.idx
        gap = text[verb.idx : start]
        if "\n" not in gap:
            return False
        return not gap[: gap.index("\n")].rstrip().endswith(":")

    def _evidence_subject(self, verb: Token) -> bool:
        """Whether a finding verb's subject is a source of evidence (``Polls show``, ``the video showed``)."""
        subj = _subject_any(verb)
        return subj is not None and subj.root.lemma_.lower() in self.table.evidence_subjects

    def _particle_content(self, verb: Token, particle: str) -> tuple[int, int] | None:
        """``called for X``, ``called on X to Y``, ``spoke of X``: the object of the cue's preposition."""
        doc = self.doc
        prep = next((c for c in verb.children if c.dep_ in {"prep", "prt"} and c.lower_ == particle), None)
        dated = prep is not None and all(t.ent_type_ in {"DATE", "TIME"} for t in doc[verb.i + 1 : prep.i])
        if prep is None or not (0 < prep.i - verb.i <= 3 or (0 < prep.i - verb.i <= 5 and dated)):
            return None  # "called Putin on Tuesday" is no "called on"; "called Friday for …" is "called for"
        objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if prep.dep_ != "prep" and not objs:
            objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > prep.i]
        if not objs or objs[0].ent_type_ in {"DATE", "TIME"}:
            return None
        lo, hi = objs[0].left_edge.i, max(o.right_edge.i for o in objs)
        return _trim_range(doc, lo, self._secondary_end(verb, hi))

    @staticmethod
    def _secondary_end(verb: Token, hi: int) -> int:
        """Extend a nominal content over the verb's secondary predicate: ``urged X to Y``, ``described X as Y``."""
        for c in verb.children:
            if c.i <= hi:
                continue
            if c.dep_ in {"xcomp", "oprd"} or (
                c.dep_ == "prep" and c.lower_ in {"as", "of", "for", "to"} and c.i == hi + 1
            ):
                hi = max(hi, c.right_edge.i)
        return hi


#: Cue classes whose verb can follow what was said with its source after it ("…, reported Reuters").
_INVERTING = frozenset({"speech", "writing", "announce"})


def _inverted_attribution(verb: Token) -> tuple[Span, tuple[int, int]] | None:
    """'<clause>, reported Reuters' / '…, said Reuters, quoted by BTA' parsed with the source as the cue's object.

    The parser often makes a source that follows its cue the cue's direct object (and gives the cue a subject from
    the clause before it).  When the cue follows a comma, has no clausal complement, and its object is a name or an
    organisation/person entity that runs to the end of the sentence, the object is the speaker and the sentence up to
    the comma is what was said.
    """
    doc = verb.doc
    sent = verb.sent
    j = verb.i - 1
    while j >= sent.start and doc[j].is_space:
        j -= 1
    if j <= sent.start or doc[j].text != ",":
        return None
    obj = None
    for c in verb.children:
        if c.dep_ in {"ccomp", "xcomp", "parataxis"} and c.i > verb.i:
            return None
        if c.dep_ == "dobj" and c.i > verb.i:
            obj = c
    if obj is None or obj.left_edge.i != verb.i + 1 or not (obj.pos_ == "PROPN" or obj.ent_type_ in _AGENT_ENTS):
        return None
    end = obj.right_edge.i
    if any(not (t.is_punct or t.is_space) for t in doc[end + 1 : sent.end]):
        return None
    content = _trim_range(doc, sent.start, j - 1)
    if content is None:
        return None
    return _speaker_span(obj), content


def _misattached_that_clause(verb: Token) -> Token | None:
    """A that-clause the parser hung elsewhere: on the addressee (``told a meeting of leaders that few people
    understood …``, a ``relcl`` whose ``that`` is a ``mark``, not a relative pronoun) or as an adverbial
    clause (``tweeted in the early hours that Machado was …``)."""
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ == "advcl" and c.left_edge.lower_ == "that" and c.left_edge.head.i == c.i:
            return c
        if c.dep_ in {"dobj", "dative", "prep"}:
            for t in c.subtree:
                if t.dep_ in {"relcl", "acl"} and t.head.i != t.i:
                    first = t.left_edge
                    if first.lower_ == "that" and first.dep_ in {"mark", "advmod"} and first.head.i == t.i:
                        return t
    return None


def _nobody(speaker: Span) -> bool:
    """A negative subject (``neither side``, ``no official``, ``nobody``): the statement is denied, not made."""
    head = speaker.root
    return (
        head.lower_ in {"nobody", "neither", "none", "noone"}
        or (head.lower_ == "one" and any(c.lower_ == "no" for c in head.children))
        or any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in head.children)
    )


def _agentless_passive(verb: Token) -> bool:
    """A finite passive cue without a ``by`` agent (``was accused of``, ``is expected to``, ``it was reported
    that``): the statement has no source in the text."""
    kids = list(verb.children)
    return (
        any(c.dep_ == "auxpass" for c in kids)
        and not any(c.dep_ == "agent" for c in kids)
        and verb.dep_ in {"ROOT", "ccomp", "conj"}
    )


def _fronted_participle(verb: Token) -> bool:
    """A passive participle opening its sentence as an adverbial (``Asked about the device, O'Neill said …``): the
    question was put by someone the text does not name."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and verb.i == verb.sent.start
        and not any(c.dep_ in _SUBJ or c.dep_ == "agent" for c in verb.children)
    )


def _name_before(verb: Token) -> Span | None:
    """A finite cue verb without a subject right after a proper name the parser glued to the phrase before
    (``In a meeting with the Washington Post Trump said …``): the name."""
    doc = verb.doc
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i == 0:
        return None
    end = verb.i
    while end > 1 and doc[end - 1].dep_ == "advmod" and doc[end - 1].head.i == verb.i:
        end -= 1  # "Morial … forcefully told"
    if doc[end - 1].text == "," and end >= 3:
        # "Marc H. Morial, the chief executive of the National Urban League, told": skip the apposition
        appos = doc[end - 2]
        while appos.dep_ != "appos" and appos.head.i < appos.i and appos.head.i > end - 16:
            appos = appos.head
        name_end = appos.head.i + 1
        if appos.dep_ != "appos" or name_end >= end or doc[name_end].text != ",":
            return None
        end = name_end
    last = doc[end - 1]
    if last.tag_ == "NNS" and verb.tag_ == "VBP" and end == verb.i and last.dep_ in {"pobj", "dobj", "compound"}:
        return doc[end - 1 : end]  # "the $20 million experts say it costs": a plural noun agreeing with the verb
    if last.pos_ != "PROPN" or last.ent_type_ not in {"PERSON", "ORG", "NORP", "GPE", ""}:
        return None
    lo = end - 1
    while lo > 0 and end - lo < 6 and doc[lo].ent_iob_ == "I" and doc[lo - 1].pos_ == "PROPN":
        lo -= 1  # the whole name the last word belongs to
    return doc[lo:end]


def _unmarked_advcl(verb: Token) -> Token | None:
    """``said after the convention he would not accept …``: a clause with its own subject and no
    conjunction that the parser took for an adverbial."""
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i:
            continue
        kids = list(c.children)
        if any(k.dep_ == "mark" for k in kids) or c.left_edge.tag_ in {"WRB", "IN", "TO"}:
            continue
        if any(k.dep_ in {"nsubj", "nsubjpass"} and k.i < c.i for k in kids) and c.tag_ != "VBG":
            return c
    return None


def _is_mark_text(text: str) -> bool:
    return bool(text) and all(ch in "\"“”«»„'’" for ch in text)


def _para_end(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is past the document end or a line break."""
    return i >= len(doc) or "\n" in doc[i].text


def _is_mark(tok: Token) -> bool:
    return tok.text in {'"', "“", "”", "''", "«", "»", "„"}


def _under(tok: Token, verb: Token, deps: set[str]) -> bool:
    """Whether ``tok`` is in the subtree of a child of ``verb`` with one of ``deps``."""
    t = tok
    while t.head.i != t.i:
        if t.head.i == verb.i:
            return t.dep_ in deps
        t = t.head
    return False


def _char_span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _is_heading(m: QuotedSpan, span: Span, text: str) -> bool:
    """A quoted section heading (``'Legend in the Coal Fields.'`` alone on its line): the quote is the whole
    line, short, and most of its words are capitalised."""
    line_start = text.rfind("\n", 0, m.open_start) + 1
    line_end = text.find("\n", m.close_end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start : m.open_start].strip() or text[m.close_end : line_end].strip(" .\t"):
        return False
    words = [t for t in span if t.is_alpha]
    content = [t for t in words if not t.is_stop] or words  # title case leaves "of", "the" small
    return 0 < len(words) <= 8 and sum(1 for t in content if t.is_title or t.is_upper) >= 0.6 * len(content)


def _sentence_like(span: Span) -> bool:
    """A quoted stretch that is a statement, not a name or a scare-quoted phrase."""
    doc = span.doc
    skip = _arrays(doc).skip  # punctuation or space, read from the parse arrays (no Token objects)
    words = [i for i in range(span.start, span.end) if not skip[i]]
    if len(words) < 3:
        return False
    sent = span[0].sent
    sent_words = [i for i in range(sent.start, sent.end) if not skip[i]]
    if len(words) >= 0.6 * max(1, len(sent_words)):
        return True
    starts_sentence = bool(sent_words) and sent_words[0] >= span.start
    has_verb = any(doc[i].pos_ in {"VERB", "AUX"} for i in words)
    return starts_sentence and has_verb and len(words) >= 4


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Find the quotes of ``doc`` and add them to ``analysis.quotes``."""
    table = cue_table()
    finder = _Finder(doc, table)
    text = doc_text(doc, analysis.article.text)
    _STATE.text, _STATE.subjects, _STATE.arrays = text, {}, None
    try:
        _run(doc, analysis, text, table, finder)
    finally:
        _STATE.text, _STATE.subjects, _STATE.arrays, _STATE.quoted = None, None, None, None


def _run(doc: Doc, analysis: Analysis, text: str, table: CueTable, finder: _Finder) -> None:
    par_starts = paragraph_starts(text)
    finder.par_starts, finder.text = par_starts, text
    marked = find_quoted_spans(text)
    tops = [m for m in marked if not m.nested]
    finder.quoted = [(m.open_start, m.close_end) for m in tops]
    _STATE.quoted = finder.quoted
    quotes: list[_Quote] = []
    used_cues: set[int] = set()
    pending: list[tuple[QuotedSpan, Span]] = []

    # 0: speaker labels opening a paragraph ("PENCE: ...", "Christina Lastra ― “...”")
    labels = _speaker_labels(doc, text, par_starts)
    labelled: set[int] = set()
    for m in tops:
        lab = labels.get(m.paragraph)
        if lab is None:
            continue
        inside = m.start <= lab[0].start_char < m.end  # '"PENCE: Well, ...'
        if inside or not text[lab[1].idx + 1 : m.open_start].strip():
            start = m.start
            if inside:
                start = lab[1].idx + len(lab[1].text)
                while start < m.end and text[start].isspace():
                    start += 1
            q = _Quote(start, m.end, "direct", m.paragraph, closed=m.closed, span=m, confidence=0.8)
            q.speaker, q.cue_span, q.cls = lab[0], (lab[1].idx, lab[1].idx + len(lab[1].text), lab[1].text), "speech"
            quotes.append(q)
            labelled.add(m.paragraph)
    for par, (who, sep) in labels.items():
        if par in labelled:
            continue
        par_end = text.find("\n", sep.idx)
        end = len(text) if par_end < 0 else par_end
        start = sep.idx + len(sep.text)
        while start < end and text[start].isspace():
            start += 1
        end = _strip_end(text, start, end)
        if end - start < 10:
            continue
        q = _Quote(start, end, "direct", par, closed=False, confidence=0.8)
        q.speaker, q.cue_span, q.cls = who, (sep.idx, sep.idx + len(sep.text), sep.text), "speech"
        quotes.append(q)
        labelled.add(par)
    label_spans = [(q.start, q.end) for q in quotes]

    # 1-2: direct quotes
    for m in tops:
        if any(a <= m.start < b for a, b in label_spans) or (
            m.paragraph in labelled and m.open_start < _first_sep(labels, m)
        ):
            continue
        span = _char_span(doc, m.start, m.end)
        if span is None or len(span) == 0:
            continue
        if not m.closed:
            tail = finder.tail_attribution(span)
            if tail is not None:
                cue_tok, comma = tail
                q = _Quote(m.start, comma, "direct", m.paragraph, closed=True, span=m, confidence=0.85)
                q.end = _strip_end(text, m.start, comma)
                _set_cue(q, cue_tok, finder.cues)
                used_cues.add(cue_tok.i)
                quotes.append(q)
                rest_start = cue_tok.sent.end_char
                if rest_start < m.end and text[rest_start : m.end].strip():
                    s = rest_start + (len(text[rest_start : m.end]) - len(text[rest_start : m.end].lstrip()))
                    rest = QuotedSpan(s, m.end, s, m.end, False, True, False, m.paragraph)
                    rspan = _char_span(doc, rest.start, rest.end)
                    if rspan is not None:
                        pending.append((rest, rspan))
                continue
        cue = finder.governing_cue(span)
        if cue is not None and finder.reports_more(cue, m):
            pending.append((m, span))  # a quoted part of a reported clause: the indirect pass makes it mixed
            continue
        if cue is not None:
            q = _Quote(m.start, m.end, "direct", m.paragraph, closed=m.closed, span=m, confidence=0.9)
            _set_cue(q, cue, finder.cues, finder.bylines)
            used_cues.add(cue.i)
            quotes.append(q)
        else:
            pending.append((m, span))

    # 3: indirect quotes from cue verbs
    inside_direct = [(q.start, q.end) for q in quotes]
    inside_direct += [(m.start, m.end) for m, s in pending if _sentence_like(s)]
    direct_spans = [(q.start, q.end) for q in quotes]
    for i in sorted(finder.cues):
        if i in used_cues:
            continue
        tok = doc[i]
        if any(s <= tok.idx < e for s, e in inside_direct):
            continue
        if finder.cues[i].cls in _NEGATABLE and any(c.dep_ == "neg" for c in tok.children):
            continue  # "did not unveil plans", "don't want to": nothing is attributed
        inverted = _inverted_attribution(tok) if finder.cues[i].cls in _INVERTING else None
        speaker: Span | None
        if inverted is not None:
            speaker, inv_content = inverted
            contents = [inv_content]
        else:
            content = finder.content_of(tok, wide=True)
            contents = [content] if content is not None else finder.parenthetical_content(tok)
            if not contents:
                continue
            speaker = _subject_of(tok) or _name_before(tok)
        if speaker is None:
            outer = _conj_outer(tok)
            if outer is not None and outer.i in finder.cues:
                speaker = _subject_of(outer)  # "China said it was opposed … and warned North Korea to …"
        if speaker is not None and _nobody(speaker):
            continue  # "neither side has confirmed the meeting", "no one said …": nothing is attributed
        agentless = speaker is None and (_agentless_passive(tok) or _fronted_participle(tok))
        if (speaker is None or speaker.root.dep_ == "expl") and not agentless:
            continue
        if any(_covered_by(c, direct_spans) for c in contents):
            continue  # reported speech inside a direct quote belongs to the quote
        for c_start, c_end in contents:
            q = _Quote(c_start, c_end, "indirect", _paragraph_of(par_starts, tok.idx), confidence=0.8)
            q.speaker = speaker
            _set_cue(q, tok, finder.cues)
            if agentless:
                q.confidence = 0.5  # "was accused of …", "is expected to …": attributed to no one in particular
            quotes.append(q)
        used_cues.add(i)
    _according_to(doc, finder, quotes, inside_direct, par_starts)
    _source_phrases(doc, finder, quotes, inside_direct, par_starts)
    _evidential_clauses(doc, finder, quotes, inside_direct, par_starts)
    _noun_cues(doc, finder, quotes, inside_direct, par_starts)
    _title_case_headline(doc, finder, quotes, text, par_starts)

    # absorb quoted phrases inside indirect content: the quote becomes mixed
    remaining: list[tuple[QuotedSpan, Span]] = []
    indirect = [q for q in quotes if q.kind == "indirect"]
    for m, span in pending:
        host = next((q for q in indirect if q.start <= m.open_start and m.close_end <= q.end + 1), None)
        if host is None:
            # a quoted stretch overlapping the clause, or later in the sentence of a cue-first clause
            sent = span[0].sent
            # the nearest such clause: in 'X stressed A and said B: "C"' the quote belongs to "said", not "stressed"
            host = max(
                (
                    q
                    for q in indirect
                    if (q.start <= m.start < q.end and m.paragraph == q.paragraph)
                    or (q.cue_span is not None and q.cue_span[0] < q.start and sent.start_char <= q.start < m.start)
                ),
                key=lambda q: q.start,
                default=None,
            )
            if host is not None:
                host.end = max(host.end, m.end)
        if host is not None:
            host.kind = "mixed"
            host.absorbed.append(m)
        else:
            remaining.append((m, span))
    for q in indirect:
        if q.kind == "indirect":
            seg = text[q.start : q.end]
            if '"' in seg or "“" in seg or "”" in seg:
                q.kind = "mixed"

    # 4: unattributed quoted spans: drop names/scare quotes, continue statements
    for m, span in remaining:
        if not _sentence_like(span) or _is_heading(m, span, text):
            continue
        quotes.append(_Quote(m.start, m.end, "direct", m.paragraph, closed=m.closed, span=m, confidence=0.3))
    quotes.sort(key=lambda q: (q.start, q.end))
    _continue_speakers(quotes, text)

    # 5: reported speech inside another quote's content is nested in it ("reports alleging that she claimed ...")
    for q in quotes:
        if q.cue_span is None or q.parent is not None:
            continue
        cue_at = q.cue_span[0]
        host = None
        for h in quotes:  # the first quote holding the cue (a plain loop, the selective test first)
            if (
                h.start <= cue_at < h.end
                and h is not q
                and h.parent is None
                and h.start <= q.start
                and (
                    q.end <= h.end
                    or not text[h.end : q.end].strip(_END_PUNCT)  # trimmed final stop
                    or (h.kind != "direct" and q.start < h.end and q.cue is not None and q.cue.dep_ == "ccomp")
                )
            ):
                host = h
                break
        if host is not None and host.cue_span != q.cue_span:
            if _trailing_participle(q, host):
                # "said X, arguing that Y": a second statement of the same speaker, not one inside X
                before_cue: Token | None = q.cue.doc[q.cue.i - 1] if q.cue is not None else None
                if (
                    before_cue is not None
                    and host.start < before_cue.idx
                    and not any(a < before_cue.idx < b for a, b in finder.quoted)  # not inside quoted words
                ):
                    host.end = _strip_end(text, host.start, before_cue.idx)
                    q.speaker = host.speaker
                    continue
            cc = _conjoined_cue(q, host)
            if cc is not None and not any(a < cc.idx < b for a, b in finder.quoted):
                # "tweeted that Machado was … and encouraged Americans to …": the parser hangs the second
                # verb of the speaker on the reported clause; it is a second statement of the same speaker
                host.end = _strip_end(text, host.start, cc.idx)
                q.speaker = host.speaker
                continue
            mark = _concessive_mark(q, host)
            if mark is not None and not any(a < mark.idx < b for a, b in finder.quoted):
                # "Lynch said the demands … erase the barriers, though she noted clients are …": a concessive
                # clause with a speaker of its own is the narrator's second report, not part of the first
                host.end = _strip_end(text, host.start, mark.idx)
                continue
            if host.kind != "direct" and q.cue is not None and q.cue.dep_ == "relcl" and q.cls in ("speech", "writing"):
                # "… to retaliate for meddling the congressman said is designed to …", "a voter who says he is
                # honored": the narrator reports the relative clause, the outer speaker does not
                continue
            q.parent = id(host)
            q.confidence = min(q.confidence, 0.7)
    # nested quotation marks inside direct quotes
    for m in marked:
        if not m.nested:
            continue
        parent = next(
            (q for q in quotes if q.kind == "direct" and q.start <= m.open_start and m.close_end <= q.end + 1), None
        )
        if parent is None:
            continue
        child = _Quote(m.start, m.end, "direct", m.paragraph, closed=True, span=m, confidence=0.5)
        child.parent = id(parent)
        quotes.append(child)
    quotes.sort(key=lambda q: (q.start, -q.end))

    # 6: records with resolved speakers
    ids: dict[int, str] = {}
    for n, q in enumerate(quotes, 1):
        ids[id(q)] = f"Q{n}"
    inside_quotes = [(q.start, q.end) for q in quotes if q.kind == "direct" and q.parent is None]
    resolver = _Resolver(doc, analysis, table, inside_quotes)
    rows: list[dict[str, Any]] = []
    for q in quotes:
        speaker_text: str | None = None
        speaker_start: int | None = None
        speaker_end: int | None = None
        actor_id: str | None = None
        if q.speaker is not None:
            speaker_start, speaker_end = q.speaker.start_char, q.speaker.end_char
            speaker_text = text[speaker_start:speaker_end]
            actor_id = resolver.resolve(q.speaker)
        cue_start, cue_end, cue_lemma = q.cue_span if q.cue_span else (None, None, None)
        rows.append(
            {
                "id": ids[id(q)],
                "start": q.start,
                "end": q.end,
                "text": text[q.start : q.end],
                "kind": q.kind,
                "speaker_actor_id": actor_id,
                "speaker_text": speaker_text,
                "speaker_start": speaker_start,
                "speaker_end": speaker_end,
                "cue": cue_lemma,
                "cue_start": cue_start,
                "cue_end": cue_end,
                "parent_id": ids.get(q.parent) if q.parent is not None else None,
                "confidence": q.confidence,
                "cue_class": q.cls,
            }
        )
    analysis.quotes.extend(validate_records(Quote, rows))  # one validation call for the document's quotes


def _conj_outer(cue: Token) -> Token | None:
    """The outer cue verb when ``cue`` is a finite verb without a subject conjoined to the root of that verb's
    reported clause (``said A and warned B`` read as ``said [A and warned B]``)."""
    if cue.dep_ != "conj" or cue.tag_ not in {"VBD", "VBZ"}:
        return None
    root = cue.head
    outer = root.head
    if root.dep_ != "ccomp" or outer.tag_ not in {"VBD", "VBZ"} or not outer.i < root.i < cue.i:
        return None
    if any(c.dep_ in _SUBJ for c in cue.children):
        return None
    return outer


def _conjoined_cue(q: _Quote, host: _Quote) -> Token | None:
    """The ``and`` before ``q``'s cue when that cue and ``host``'s cue are finite (``said``/``says``), ``q``'s
    without a subject of its own, conjoined to the root of ``host``'s reported clause (``X said A and warned B``, which
    the parser reads as ``X said [A and warned B]``); else None."""
    cue, outer = q.cue, host.cue
    if cue is None or outer is None or host.kind == "direct" or q.kind == "direct" or host.speaker is None:
        return None
    found = _conj_outer(cue)
    if found is None or found.i != outer.i:
        return None
    root = cue.head
    cc = next((c for c in root.children if c.dep_ == "cc" and c.lower_ == "and" and root.i < c.i < cue.i), None)
    if cc is None or (cc.i != cue.i - 1 and not all(t.pos_ == "ADV" for t in cue.doc[cc.i + 1 : cue.i])):
        return None
    return cc if host.start < cc.idx and q.end <= host.end + 1 else None


def _concessive_mark(q: _Quote, host: _Quote) -> Token | None:
    """The ``though``/``although``/``while``/``but`` opening ``q``'s cue clause when that cue is an adverbial clause
    with its own subject inside an indirect ``host`` (``X said A, though she noted B``); else None."""
    cue = q.cue
    if cue is None or host.kind == "direct" or q.kind == "direct" or cue.dep_ != "advcl":
        return None
    if not any(c.dep_ in _SUBJ and c.i < cue.i for c in cue.children):
        return None
    mark = next((c for c in cue.children if c.dep_ == "mark" and c.i < cue.i), None)
    if mark is None or mark.lower_ not in _CONCESSIVE or not host.start < mark.idx < host.end:
        return None
    return mark


def _trailing_participle(q: _Quote, host: _Quote) -> bool:
    """Whether ``q`` is an ``-ing`` cue after a comma, without a subject of its own, ending an indirect
    statement ``host`` (``… said he would not run, arguing that …``, ``…, citing …``, ``…, noting …``)."""
    cue = q.cue
    if cue is None or host.kind == "direct" or q.kind == "direct" or host.speaker is None:
        return False
    if cue.tag_ != "VBG" or cue.i == 0 or cue.doc[cue.i - 1].text != ",":
        return False
    if any(c.dep_ in _SUBJ for c in cue.children):
        return False
    return q.end <= host.end and host.cue_span is not None and host.cue_span[0] < cue.idx


def _speaker_labels(doc: Doc, text: str, par_starts: list[int]) -> dict[int, tuple[Span, Token]]:
    """Paragraph index -> (speaker, separator) for paragraphs opening with a name and ':' or a dash."""
    out: dict[int, tuple[Span, Token]] = {}
    for par, start in enumerate(par_starts):
        while start < len(text) and text[start] in "\"“'":
            start += 1
        span = doc.char_span(start, min(len(text), start + 60), alignment_mode="contract")
        if span is None:
            continue
        for k, tok in enumerate(span[:6]):
            if tok.text in _LABEL_SEPARATORS:
                name = span[:k]
                if not name or len(name) > 4 or "\n" in name.text:
                    break
                words = [t for t in name if not t.is_punct]
                caps = all(t.is_upper and len(t) > 1 for t in words)
                person = all(t.ent_type_ in {"PERSON", "ORG", "NORP"} for t in words)
                place = any(t.ent_type_ in _PLACE_ENTS for t in words)
                if par == 0 and tok.text == ":" and not caps:
                    # a headline "Pat Caddell: Democrat Voters Worried …", "Poll: …" -- a short name, no
                    # article or preposition ("The Latest:", "Obama on Climate Change:" are no speakers)
                    caps = (
                        0 < len(words) <= 3
                        and all(t.is_title and t.pos_ in {"PROPN", "NOUN"} and not t.is_stop for t in words)
                        and not any(t.lower_ in _NEWSROOM_LABELS for t in words)
                    )
                if words and (caps if tok.text == ":" else person) and not place:
                    out[par] = (name, tok)
                break
            if not (tok.is_title or tok.is_upper or tok.text == "."):
                break
    return out


def _first_sep(labels: dict[int, tuple[Span, Token]], m: QuotedSpan) -> int:
    lab = labels.get(m.paragraph)
    return lab[1].idx if lab is not None else -1


def _covered_by(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """Whether more than half of ``span`` lies inside one of ``others``."""
    lo, hi = span
    half = max(1, hi - lo) / 2
    for s, e in others:  # noqa: SIM110 -- a plain loop: no generator per call on this hot path
        if (hi if hi < e else e) - (lo if lo > s else s) > half:
            return True
    return False


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return end


def _paragraph_of(par_starts: list[int], offset: int) -> int:
    """Index of the paragraph holding ``offset``, given the paragraph starts (``quotes_marks.paragraph_starts``)."""
    return max(0, bisect_right(par_starts, offset) - 1)


def _set_cue(q: _Quote, cue: Token, cues: dict[int, VerbCue], bylines: dict[int, Span] | None = None) -> None:
    """Record ``cue`` (its table row from ``cues``, the finder's cue index) as the quote's cue."""
    q.cue = cue
    row = cues.get(cue.i)
    lemma = row.lemma if row is not None else cue.lemma_.lower()
    end = cue.idx + len(cue.text)
    q.cls = row.cls if row is not None else "speech"
    nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    if (
        nxt is not None
        and nxt.head.i == cue.i
        and (nxt.dep_ == "prt" or (row is not None and nxt.lower_ == row.particle))
    ):
        end = nxt.idx + len(nxt.text)
        lemma = f"{lemma} {nxt.lower_}"
    q.cue_span = (cue.idx, end, lemma)
    if q.speaker is None:
        q.speaker = bylines.get(cue.i) if bylines else None
    if q.speaker is None:
        q.speaker = _subject_of(cue) or _name_before(cue)


def _headline_cue(tok: Token, table: CueTable) -> VerbCue | None:
    """A capitalised third-person verb form in a Title Case headline (``Says``, ``Shows``, ``Vows``), which the
    parser reads as a name: the cue row of its stem."""
    low = tok.lower_
    if not tok.is_title or not low.endswith("s") or len(low) < 4:
        return None
    for stem in (low[:-1], low[:-2], low[:-3] + "y" if low.endswith("ies") else ""):
        for cue in table.verbs.get(stem, ()):
            if cue.particle is None and cue.cls in COVERED_CLASSES:
                return cue
    return None


def _title_case_headline(doc: Doc, finder: _Finder, quotes: list[_Quote], text: str, par_starts: list[int]) -> None:
    """``Obama Says Museum Will Tell …``, ``…, Former White House Doctor Says``: a Title Case headline (the first
    line) whose cue verb the parser missed; the words before the verb speak, the words after are the content
    (or, with the verb last after a comma, the words before the comma)."""
    end = text.find("\n")
    if not 0 < end <= 300:
        return  # a headline is one short first line
    head_words = [w for w in text[:end].split() if w[:1].isalpha() and len(w) > 3]
    if len(head_words) < 3 or sum(1 for w in head_words if w[0].isupper()) < 0.8 * len(head_words):
        return
    cue_starts = {q.cue_span[0] for q in quotes if q.cue_span is not None}
    line = doc.char_span(0, end, alignment_mode="contract")
    if line is None:
        return
    words = [t for t in line if t.is_alpha]
    content_words = [t for t in words if not t.is_stop] or words
    if len(words) < 4 or sum(1 for t in content_words if t.is_title or t.is_upper) < 0.8 * len(content_words):
        return
    toks = [t for t in line if not t.is_space]
    while toks and toks[-1].is_punct and not _is_mark(toks[-1]) and toks[-1].text not in {"’", "'"}:
        toks.pop()
    for n, tok in enumerate(toks):
        cue = _headline_cue(tok, finder.table) if n > 0 else None
        if cue is None:
            continue
        if tok.idx in cue_starts:
            return  # the parser found it
        if n == len(toks) - 1 and n >= 2:
            comma = max((k for k in range(n) if toks[k].text == ","), default=-1)
            if comma <= 0 or n - comma - 1 > 5 or n - comma - 1 < 1:
                return
            speaker, content = toks[comma + 1 : n], toks[:comma]
        else:
            comma = max((k for k in range(n) if toks[k].text in {",", ":"}), default=-1)
            speaker, content = toks[comma + 1 : n], toks[n + 1 :]
            if not 1 <= len(speaker) <= 5 or len(content) < 2:
                return
        head = speaker[-1]
        named = head.pos_ == "PROPN" or head.lemma_.lower() in finder.table.speaker_nouns
        if not named and head.lemma_.lower() not in finder.table.evidence_subjects:
            return
        if n + 1 < len(toks) and toks[n + 1].pos_ in {"VERB", "AUX"} and n != len(toks) - 1:
            return  # "Obama Power Plant Rules Face Key Test": a plural noun before the real verb
        span = _trim(content)
        if span is None:
            return
        q = _Quote(span[0], span[1], "indirect", 0, confidence=0.6)
        q.speaker = doc[speaker[0].i : speaker[-1].i + 1]
        q.cue_span = (tok.idx, tok.idx + len(tok.text), cue.lemma)
        q.cls = cue.cls
        quotes.append(q)
        return


def _noun_clause(noun: Token, kinds: frozenset[str]) -> Token | None:
    """The complement clause of a cue noun: ``claim that …`` (mark ``that``), ``decision to …``; also the
    predicate clause of ``X's bet is that …``."""
    cands = [c for c in noun.children if c.dep_ in {"acl", "ccomp", "appos", "relcl"} and c.i > noun.i]
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        cands += [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.head.i]
    for c in cands:
        marks = [m for m in c.children if m.dep_ == "mark" and m.i < c.i]
        if "that" in kinds and marks and marks[0].lower_ == "that":
            return c
        infinitive = any(a.dep_ == "aux" and a.tag_ == "TO" and a.i < c.i for a in c.children)
        if "to" in kinds and not marks and c.pos_ in {"VERB", "AUX"} and infinitive:
            return c
    return None


#: Prepositions that take the content of a noun cue listed with complement ``of`` ("criticism of X").
_NOUN_PREPS = {"of", "about", "on", "over", "for", "against"}
_LIGHT_VERBS = {"make", "issue", "repeat", "express", "voice", "give", "deliver", "renew", "reiterate", "have"}


def _noun_speaker(noun: Token) -> Span | None:
    """Who the cue noun belongs to: its possessor (``Trump's claim``), a ``by``/``from`` object
    (``warnings from his attorney``), or the subject of a light verb (``Trump made the claim that …``)."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c.doc[c.i : c.i + 1] if c.pos_ == "PRON" else _speaker_span(c)
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
            pobj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if pobj is not None:
                return _speaker_span(pobj)
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _LIGHT_VERBS:
        return _subject_of(noun.head)
    return None


def _noun_cues(
    doc: Doc, finder: _Finder, quotes: list[_Quote], inside_direct: list[tuple[int, int]], par_starts: list[int]
) -> None:
    """Nominal cues with a that-clause or an infinitive: ``Trump's claim that …``, ``her decision to …``."""
    for i in finder.noun_cues:
        noun = doc[i]
        if any(a <= noun.idx < b for a, b in inside_direct):
            continue
        row = finder.table.nouns[noun.lemma_]
        if row.cls not in COVERED_CLASSES:
            continue
        adjective = noun.pos_ == "ADJ"
        clause = None if adjective else _noun_clause(noun, row.complements)
        speaker = _subject_of(noun.head) if adjective else _noun_speaker(noun)
        if adjective and speaker is None:
            continue
        if clause is None and "of" in row.complements:
            # "criticism of the plan", "questions about his health": the object of the noun's preposition;
            # without a possessor or by-phrase the statement has no speaker in the text
            prep = next(
                (c for c in noun.children if c.dep_ == "prep" and c.i == noun.i + 1 and c.lower_ in _NOUN_PREPS),
                None,
            )
            obj = next((o for o in prep.children if o.dep_ in {"pobj", "pcomp"}), None) if prep else None
            if obj is None or obj.ent_type_ in {"DATE", "TIME"}:
                continue
            content = _trim_range(doc, obj.left_edge.i, obj.right_edge.i)
            confidence = 0.7 if speaker is not None else 0.5
        else:
            if clause is None or speaker is None:
                continue
            content = _trim_range(doc, clause.left_edge.i, clause.right_edge.i)
            confidence = 0.7
        if content is None or content[1] - content[0] < 8:
            continue
        q = _Quote(content[0], content[1], "indirect", _paragraph_of(par_starts, noun.idx), confidence=confidence)
        q.speaker = speaker
        q.cue_span = (noun.idx, noun.idx + len(noun.text), noun.lemma_)
        q.cls = row.cls
        quotes.append(q)


def _according_to(
    doc: Doc, finder: _Finder, quotes: list[_Quote], inside_direct: list[tuple[int, int]], par_starts: list[int]
) -> None:
    """``according to X, ...``: the main clause is X's."""
    matcher = phrase_matcher(doc.vocab)
    for match_id, s, e in matcher(doc):
        phrase = doc.vocab.strings[match_id]
        if finder.table.phrases.get(phrase) not in COVERED_CLASSES:
            continue
        first = doc[s]
        if any(a <= first.idx < b for a, b in inside_direct):
            continue
        pobj = next((t for t in doc[e - 1].children if t.dep_ == "pobj"), None)
        if pobj is None:
            continue
        speaker = _speaker_span(pobj)
        phrase_end = max(speaker.end, e)
        sent = first.sent
        before = [t for t in doc[sent.start : s]]
        after = [t for t in doc[phrase_end : sent.end]]
        words_before = sum(1 for t in before if not t.is_punct)
        words_after = sum(1 for t in after if not t.is_punct)
        part = after if words_after >= words_before else before
        content = _trim(part)
        if content is None or max(words_before, words_after) < 2:
            continue
        q = _Quote(content[0], content[1], "indirect", _paragraph_of(par_starts, first.idx), confidence=0.8)
        q.cue_span = (first.idx, doc[e - 1].idx + len(doc[e - 1].text), phrase)
        q.cls = finder.table.phrases[phrase]
        q.speaker = speaker
        quotes.append(q)


def _evidential_clauses(
    doc: Doc, finder: _Finder, quotes: list[_Quote], inside_direct: list[tuple[int, int]], par_starts: list[int]
) -> None:
    """``It is clear that …``, ``Nor is it obvious whether …``: a finding stated without a source (no speaker);
    ``X made it clear that …`` is X's statement."""
    for i in finder.evidentials:
        adj = doc[i]
        if any(a <= adj.idx < b for a, b in inside_direct):
            continue
        head = adj.head
        speaker: Span | None = None
        if adj.dep_ == "acomp" and head.lemma_ in {"be", "seem", "become", "remain"}:
            if not any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in head.children):
                continue
            holder = head
        elif adj.dep_ in {"ccomp", "oprd"} and head.lemma_ == "make":
            if not any(c.lower_ == "it" for c in adj.children) and not any(c.lower_ == "it" for c in head.children):
                continue
            speaker = _subject_of(head)
            if speaker is None:
                continue
            holder = adj
        else:
            continue
        clause = next(
            (
                c
                for k in (holder, adj)
                for c in k.children
                if c.dep_ in {"ccomp", "advcl", "csubj"}
                and c.i > adj.i
                and any(m.dep_ == "mark" and m.lower_ in {"that", "whether", "if"} for m in c.children)
            ),
            None,
        )
        if clause is None:
            continue
        content = _trim_range(doc, clause.left_edge.i, clause.right_edge.i)
        if content is None:
            continue
        q = _Quote(content[0], content[1], "indirect", _paragraph_of(par_starts, adj.idx), confidence=0.5)
        q.speaker = speaker
        q.cue_span = (adj.idx, adj.idx + len(adj.text), adj.lemma_.lower())
        q.cls = "speech" if speaker is not None else "evidence"
        quotes.append(q)


_SOURCE_NOUN_CACHE: dict[int, frozenset[int]] = {}


def _source_noun_hashes(table: CueTable) -> frozenset[int]:
    """String-store hashes of the nouns that can be a prepositional source (evidence subjects, point-of-view and
    estimate nouns), computed once per cue table."""
    found = _SOURCE_NOUN_CACHE.get(id(table))
    if found is None:
        words = set(table.evidence_subjects) | _VIEW_NOUNS | _ESTIMATE_NOUNS
        found = _SOURCE_NOUN_CACHE[id(table)] = frozenset(int(hash_string(w)) for w in words)
    return found


def _source_phrases(
    doc: Doc, finder: _Finder, quotes: list[_Quote], inside_direct: list[tuple[int, int]], par_starts: list[int]
) -> None:
    """A clause with a source in a prepositional phrase and no cue verb of its own, like ``according to X``:
    ``In this poll, Trump rose …`` / ``… in some polls`` (a source of evidence), ``In his eyes, only …`` (a point of
    view: the possessor), ``By one estimate, 300,000 acres …``."""
    for i in finder.source_nouns:
        pobj = doc[i]
        prep = pobj.head
        verb = prep.head
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "by"} or prep.i == verb.i:
            continue
        if verb.pos_ not in {"VERB", "AUX"} or verb.i in finder.cues:
            continue
        if any(a <= prep.idx < b for a, b in inside_direct):
            continue
        lemma = pobj.lemma_.lower()
        speaker: Span | None = None
        if pobj.tag_ == "NN" and _bare_noun(pobj):
            continue  # idioms: "in return", "in response", "by measure"
        if prep.lower_ == "in" and lemma in finder.table.evidence_subjects:
            speaker = _speaker_span(pobj)
        elif prep.lower_ == "in" and lemma in _VIEW_NOUNS:
            poss = next((c for c in pobj.children if c.dep_ == "poss"), None)
            speaker = doc[poss.i : poss.i + 1] if poss is not None else None
        elif prep.lower_ == "by" and lemma in _ESTIMATE_NOUNS:
            speaker = _speaker_span(pobj)
        if speaker is None:
            continue
        own = set(range(prep.left_edge.i, prep.right_edge.i + 1))
        clause = [t for t in doc[verb.left_edge.i : verb.right_edge.i + 1] if t.i not in own]
        content = _trim(clause)
        if content is None or content[1] - content[0] < 8:
            continue
        q = _Quote(content[0], content[1], "indirect", _paragraph_of(par_starts, prep.idx), confidence=0.6)
        q.speaker = speaker
        q.cue_span = (prep.idx, prep.idx + len(prep.text), prep.lower_)
        q.cls = "according"
        quotes.append(q)


def _continue_speakers(quotes: list[_Quote], text: str) -> None:
    """Quotes without a cue take the speaker of the neighbouring quote (see module docstring, step 4)."""
    # forward: a quote that runs to its paragraph end and reopens in the next paragraph
    for n in range(len(quotes) - 2, -1, -1):
        q, nxt = quotes[n], quotes[n + 1]
        if (
            q.speaker is None
            and q.cue is None
            and not q.closed
            and nxt.speaker is not None
            and nxt.kind == "direct"
            and nxt.paragraph == q.paragraph + 1
            and _starts_paragraph(text, nxt)
        ):
            q.speaker, q.inherited, q.confidence, q.cls = nxt.speaker, True, 0.6, nxt.cls
    # backward: the statement continued
    for n, q in enumerate(quotes):
        if q.speaker is not None or q.cue is not None or q.parent is not None or q.kind == "indirect":
            continue  # (an indirect quote without a speaker has its cue: "it is clear that …")
        for prev in reversed(quotes[:n]):
            if prev.parent is not None:
                continue
            if prev.kind == "indirect" and prev.paragraph == q.paragraph:
                continue  # '"A," said X, who has backed Y. "B."': reported speech inside the attribution
            if prev.speaker is not None and prev.kind != "indirect" and q.paragraph - prev.paragraph <= 1:
                q.speaker, q.inherited, q.confidence, q.cls = prev.speaker, True, 0.6, prev.cls
                if prev.paragraph == q.paragraph and prev.cue_span is not None:
                    # '"A," he said. "B."': B is the second part of the same attribution
                    q.cue_span, q.confidence = prev.cue_span, 0.7
            break


def _starts_paragraph(text: str, q: _Quote) -> bool:
    start = q.span.open_start if q.span is not None else q.start
    return start == 0 or text[:start].rstrip(" \t").endswith("\n")


@dataclass
class _Resolver:
    """Links speaker spans to actors: overlapping mentions, then the salience rule (docs/quotes.md)."""

    doc: Doc
    analysis: Analysis
    table: CueTable
    inside_quotes: list[tuple[int, int]]
    mentions: list[Mention] = field(default_factory=list)
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (sentence, actor id) of resolved speakers
    sentence_of: SentenceLookup = field(init=False)
    _starts: list[int] = field(init=False)
    _longest: int = field(init=False)
    _actors: dict[str, Actor] = field(init=False)

    def __post_init__(self) -> None:
        self._actors = {}
        for a in self.analysis.actors:
            self._actors.setdefault(a.id, a)  # the first of an id, as Analysis.actor finds it
        self.mentions = sorted(self.analysis.mentions, key=lambda m: m.start)
        self.sentence_of = SentenceLookup(self.analysis.sentences)
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)

    def resolve(self, speaker: Span) -> str | None:
        """Actor id of a speaker span, or None."""
        actor_id = self._resolve(speaker)
        if actor_id is not None:
            self.speakers.append((self.sentence_of(speaker.start_char), actor_id))
        return actor_id

    def _resolve(self, speaker: Span) -> str | None:
        head = speaker.root
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            speaker = _speaker_span(head.head.head)
            head = speaker.root
        s, e = speaker.start_char, speaker.end_char
        # only mentions starting within the longest mention's length before the span can overlap it
        lo = bisect_left(self._starts, s - self._longest)
        hi = bisect_left(self._starts, e)
        over = [m for m in self.mentions[lo:hi] if s < m.end]
        if over:
            containing = [m for m in over if m.start <= head.idx < m.end]
            best = max(containing or over, key=lambda m: min(e, m.end) - max(s, m.start))
            return best.actor_id
        low = head.lower_
        if low in _PRONOUNS_PERSON:
            kinds = {"person"}
        elif low in _PRONOUNS_PLURAL:
            kinds = {"group", "organization", "country", "person"}
        elif low in _PRONOUNS_THING:
            kinds = {"organization", "country"}
        elif self.table.speaker_nouns.get(head.lemma_.lower()) == "media":
            return self._recent(s, None, media=True)
        else:
            return None
        return self._recent(s, kinds, media=False)

    def _compatible(self, actor_id: str, kinds: set[str] | None, media: bool) -> bool:
        actor = self._actors.get(actor_id)
        if actor is None:
            return False
        if media and "MED" not in actor.sectors:
            return False
        return kinds is None or actor.kind in kinds

    def _recent(self, before: int, kinds: set[str] | None, media: bool) -> str | None:
        sent_index = self.sentence_of(before)
        if not media:
            for sent, actor_id in reversed(self.speakers):
                if sent_index - sent <= 3 and self._compatible(actor_id, kinds, media):
                    return actor_id
        fallback: str | None = None
        for m in reversed(self.mentions):
            if m.start >= before:
                continue
            if not media and sent_index - m.sentence > 3:
                break
            if any(a <= m.start < b for a, b in self.inside_quotes):
                continue
            if not self._compatible(m.actor_id, kinds, media):
                continue
            if media:
                return m.actor_id
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in _SUBJ:
                return m.actor_id
            fallback = fallback or m.actor_id
        return fallback


register_component("quotes", run)
