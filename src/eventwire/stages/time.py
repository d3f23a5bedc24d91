"""Time stage: find temporal expressions and normalise them TIMEX3-style.

Recognition is a compiled regular grammar over the article text
(:mod:`eventwire.stages.time_grammar`), so spans follow TimeML conventions rather than
spaCy's DATE/TIME entities (which are only used as hints, e.g. to tell "Sunday Times"
from "Sunday").  Normalisation (:mod:`eventwire.stages.time_normalise`) resolves each
expression against the publication date (``ctx.published``); months, seasons, weekdays
and quarters without a year are resolved by the tense of the governing verb, read from
the dependency parse (Tense=Past, modal "will", "is expected to", "plans to" ...).

Output: ``analysis.times`` — :class:`~eventwire.records.TimeExpression` records with ids
``T1``, ``T2`` ... in text order, their TIMEX3 type, value and granularity, what they
were anchored to, and their sentence index.

For the events stage, :func:`time_of_clause` returns the time expression attached to a
verb's clause: one whose governing verb (walking up the dependency tree from the
expression's head) is that verb, else the nearest DATE/TIME in the same sentence, else
None.  ``ctx.scratch["time_tokens"]`` maps each time id to its (first, last+1) token
indices.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from eventwire.records import Analysis, TimeExpression
from eventwire.stages.base import Context, doc_text, register_component, validate_records
from eventwire.stages.time_grammar import find_candidates
from eventwire.stages.time_normalise import Normaliser, Tense

#: Verbs whose infinitival complement points to the future ("plans to visit in May").
FUTURE_HEADS = frozenset(
    [
        "expect",
        "plan",
        "schedule",
        "intend",
        "aim",
        "hope",
        "set",
        "due",
        "go",
        "prepare",
        "want",
        "seek",
        "propose",
        "promise",
        "vow",
        "pledge",
        "threaten",
        "likely",
        "consider",
        "wish",
        "decide",
        "agree",
        "mean",
        "try",
    ]
)
#: Verbs whose object is an event set for a later date ("scheduled a vote for Tuesday").
SCHEDULING = frozenset({"plan", "schedule", "slate", "arrange", "organize", "organise", "reschedule"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "may", "might", "could", "should", "must", "can", "'d"})
_VERBAL = frozenset({"VERB", "AUX"})


def _governing_verb(tok: Token, max_steps: int = 5) -> Token | None:
    """The nearest verb at or above ``tok`` in the dependency tree."""
    for _ in range(max_steps):
        if tok.pos_ in _VERBAL:
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return tok if tok.pos_ in _VERBAL else None


def _is_past(verb: Token) -> bool:
    """The verb is a simple past, or has a past auxiliary ("had been scheduled", "was set", "had been due")."""
    if verb.dep_ == "acomp" and verb.head.pos_ in _VERBAL:
        verb = verb.head  # "had been due to expire": the tense sits on the copula
    if verb.tag_ == "VBD":
        return True
    return any(c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass"))


_PLURAL_PRONOUNS = frozenset({"i", "you", "we", "they", "these", "those"})


def _singular_subject(verb: Token) -> bool:
    """The verb has a third-person singular noun subject (so a bare form is a past: "it cut", "the bank set")."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            if c.lower_ in _PLURAL_PRONOUNS or any(d.dep_ == "conj" for d in c.children):
                return False
            return c.tag_ in ("NN", "NNP") or c.lower_ in ("he", "she", "it")
    return False


def verb_tense(verb: Token) -> Tense:
    """'past', 'future', 'present' or None for a verb, from its tag, auxiliaries and governor."""
    for _ in range(3):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        lowers = {a.lower_ for a in auxes}
        if lowers & FUTURE_AUX:
            if verb.tag_ == "VBN" and "have" in lowers and not lowers & {"will", "'ll", "shall"}:
                return "past"  # "may have been", "would have fallen": a modal perfect looks back
            return "future"
        if verb.dep_ == "xcomp" and verb.head.lemma_ in FUTURE_HEADS:
            # "plans to meet Friday" -> future; "planned to meet Friday" -> future of a past moment,
            # which may lie on either side of the publication date.
            return "prospective" if _is_past(verb.head) else "future"
        if verb.tag_ == "VB" and verb.dep_ in ("acl", "advcl") and any(a.tag_ == "TO" for a in auxes):
            # "an agreement to acquire the bank in January", "flew to Paris to meet him Friday":
            # an intended event, later than its governor but on either side of the publication date
            return "prospective"
        if any(a.lower_ == "going" for a in auxes) or (
            verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)
        ):
            return "future"
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if verb.tag_ == "VBN" and (not auxes or lowers & {"has", "have", "'ve", "'s"}):
            return "past"  # present perfect, or a participle clause ("announced Wednesday by ...")
        if verb.tag_ == "VBP" and not auxes and _singular_subject(verb):
            return "past"  # "Weakness hurt the index": a present would read "hurts"
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            if any(c.dep_ == "xcomp" and c.tag_ in ("VB", "TO") for c in verb.children) and verb.lemma_ in FUTURE_HEADS:
                return "future"
            return "present"
        if verb.lemma_ in FUTURE_HEADS and verb.tag_ in ("JJ",):
            return "future"
        if verb.head is verb:
            return None
        verb = verb.head
    return None


class _View:
    """Answers the normaliser's questions about the parsed doc by character offset."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # token index by start offset, read when first asked (most documents ask nothing); Token objects are made
        # only for the offsets asked about
        self._starts: dict[int, int] | None = None
        # the normaliser asks about each candidate twice (trial, then commit): answers are kept
        self._tenses: dict[tuple[int, int], Tense] = {}

    def _token(self, offset: int) -> Token | None:
        if self._starts is None:
            doc = self.doc
            self._starts = dict(zip(doc.to_array([IDX]).tolist(), range(len(doc)), strict=True)) if len(doc) else {}
        i = self._starts.get(offset)
        if i is not None:
            return self.doc[i]
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def tag(self, start: int) -> str:
        tok = self._token(start)
        return tok.tag_ if tok is not None else ""

    def ent(self, start: int) -> str:
        tok = self._token(start)
        return tok.ent_type_ if tok is not None else ""

    def tense(self, start: int, end: int) -> Tense:
        key = (start, end)
        if key not in self._tenses:
            self._tenses[key] = self._tense(start, end)
        return self._tenses[key]

    def _tense(self, start: int, end: int) -> Tense:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        verb = _governing_verb(span.root)
        if verb is None:
            return None
        # "is expected to" / "plans to": the future lies in the complement; but "agreed Tuesday to
        # release" dates the agreeing, a past event.
        if verb.lemma_ in FUTURE_HEADS and any(c.dep_ == "xcomp" for c in verb.children):
            return "past" if _is_past(verb) else "future"
        tense = verb_tense(verb)
        if (
            tense == "past"
            and verb.lemma_ in SCHEDULING
            and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children)
        ):
            return "prospective"  # "planned a demonstration on Saturday": the date of the planned event
        return tense


def _sentence_index(doc: Doc, analysis: Analysis) -> list[int]:
    """Start character offset of each sentence (from the analysis' sentence records when it has them)."""
    if analysis.sentences:
        return [s.start for s in analysis.sentences]
    return [s.start_char for s in doc.sents]


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Add the document's time expressions to ``analysis.times``."""
    text = doc_text(doc, analysis.article.text)
    view = _View(doc)
    norm = Normaliser(text, ctx.published, view)
    cands = find_candidates(text, accept=lambda c: norm.resolve(c, commit=False) is not None)
    sent_starts = _sentence_index(doc, analysis)
    token_map: dict[str, tuple[int, int]] = {}
    rows: list[dict[str, Any]] = []
    before = len(analysis.times)
    si = 0
    for cand in cands:
        res = norm.resolve(cand, commit=True)
        if res is None:
            continue
        while si + 1 < len(sent_starts) and sent_starts[si + 1] <= cand.start:
            si += 1
        tid = f"T{before + len(rows) + 1}"
        rows.append(
            {
                "start": cand.start,
                "end": cand.end,
                "text": cand.text,
                "id": tid,
                "type": res.type,
                "value": res.value,
                "granularity": res.granularity,
                "anchor": res.anchor,
                "sentence": si,
            }
        )
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is not None:
            token_map[tid] = (span.start, span.end)
    analysis.times.extend(validate_records(TimeExpression, rows))  # one validation call for the document's times
    ctx.scratch["time_tokens"] = token_map


def _span_of(doc: Doc, t: TimeExpression) -> Span | None:
    return doc.char_span(t.start, t.end, alignment_mode="expand")


def time_of_clause(analysis: Analysis, doc: Doc, token_i: int) -> TimeExpression | None:
    """The DATE/TIME expression attached to the clause of the verb at ``token_i``.

    Preference: an expression whose governing verb is this verb (nearest first); else
    the nearest DATE/TIME in the same sentence; else None.
    """
    verb = doc[token_i]
    sent = verb.sent
    cands: list[tuple[int, int, TimeExpression]] = []
    for t in analysis.times:
        if t.type not in ("DATE", "TIME") or t.end <= sent.start_char or t.start >= sent.end_char:
            continue
        span = _span_of(doc, t)
        if span is None or not len(span):
            continue
        gov = _governing_verb(span.root)
        direct = 0 if gov is not None and gov.i == verb.i else 1
        distance = min(abs(span.start - verb.i), abs(span.end - 1 - verb.i))
        cands.append((direct, distance, t))
    if not cands:
        return None
    cands.sort(key=lambda c: (c[0], c[1]))
    return cands[0][2]


register_component("time", run)
