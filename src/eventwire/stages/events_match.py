"""Verb/noun pattern matching over spaCy's dependency parse, and modality (helper of the events stage).

A verb token is looked up by lemma (irregular forms via the PETRARCH2 form lists); its patterns are matched
against the verb's *complement region*: the tokens of its subtree to its right, minus conjoined clauses,
adverbial/relative clauses and reported (ccomp) content.  Word elements must occur in order in the region;
a preposition element needs a preposition token followed by its words inside that preposition's subtree.
The most specific match wins (own patterns before PETRARCH2's at equal specificity).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from eventwire.knowledge.cameo import Element, Lexicon, Pattern

#: Children whose subtrees are separate clauses, not part of a verb's complement.
_SEPARATE = frozenset({"conj", "cc", "advcl", "relcl", "parataxis", "punct", "mark", "ccomp", "csubj", "nsubj"})
_PRT_DEPS = frozenset({"prt", "prep", "advmod", "dobj", "npadvmod"})


@dataclass
class Match:
    """The code chosen for one trigger."""

    code: str
    rev_code: str
    weight: float
    rule: str
    target_tok: Token | None = None
    noun: Token | None = None  # the event noun (light-verb or nominal events)
    symmetric: bool = False


def region(verb: Token) -> list[Token]:
    """The verb's complement region (see module docstring)."""
    out: list[Token] = []
    stack = [c for c in verb.children if c.i > verb.i and c.dep_ not in _SEPARATE]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "advcl", "parataxis", "ccomp"))
    out.sort(key=lambda t: t.i)
    return out


#: Modifiers that belong to a noun phrase's head word ("military intelligence", "arms shipment").
_CLAUSAL = frozenset({"acl", "relcl", "advcl", "ccomp", "csubj", "parataxis", "appos", "conj", "cc", "punct"})


def core_tokens(verb: Token, tokens: list[Token]) -> frozenset[int]:
    """Indices of region tokens a bare pattern word may match: the verb's noun phrases (object, particle,
    adverb, complement, prepositional objects) with their modifiers and prepositional dependents, and the
    objects of an infinitive complement ("promised to continue military aid").  A word inside a clause that
    hangs on a noun ("the law recognizing victories", "demands that Y grant rights", relative clauses) or on a
    conjoined phrase is not part of the verb's argument, so it does not satisfy a PETRARCH2 noun constraint."""
    heads: list[Token] = [c for c in verb.children if c.i > verb.i and c.dep_ not in _SEPARATE]
    core: set[int] = set()
    while heads:
        h = heads.pop()
        if h.i in core:
            continue
        core.add(h.i)
        for c in h.children:
            if c.dep_ in _CLAUSAL:
                continue
            if h.pos_ in ("VERB", "AUX") and h.dep_ not in ("xcomp", "pcomp") and c.dep_ != "prep":
                continue  # a verb below the trigger: its own arguments are not the trigger's
            heads.append(c)
    idx = {t.i for t in tokens}
    return frozenset(core & idx)


class TokenSeq:
    """A token sequence with the word forms patterns match (lower case and lemma), read once per verb.

    Pattern matching only reads these lists; the preposition subtrees below a token are built on first use."""

    __slots__ = ("_subs", "idx", "lemma", "lower", "tokens")

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.lower = [t.lower_ for t in tokens]
        self.lemma = [t.lemma_.lower() for t in tokens]
        self.idx = [t.i for t in tokens]
        self._subs: dict[int, TokenSeq] = {}

    def words(self) -> set[str]:
        """Every form of every token."""
        return set(self.lower) | set(self.lemma)

    def below(self, k: int) -> TokenSeq:
        """The tokens after position ``k`` inside the subtree of the token at ``k``."""
        sub = self._subs.get(k)
        if sub is None:
            p = self.tokens[k]
            sub = self._subs[k] = TokenSeq([t for t in self.tokens[k + 1 :] if p.is_ancestor(t)])
        return sub


def _phrase_at(seq: TokenSeq, k: int, phrase: tuple[str, ...], core: frozenset[int] | None = None) -> bool:
    """Whether ``phrase`` (whose first word is known to match) occurs as consecutive tokens from ``k``."""
    end = k + len(phrase)
    idx = seq.idx
    if end > len(idx):
        return False
    if core is not None and idx[end - 1] not in core:
        return False
    lower, lemma = seq.lower, seq.lemma
    for j in range(k + 1, end):
        w = phrase[j - k]
        if (w != lower[j] and w != lemma[j]) or idx[j] != idx[j - 1] + 1:
            return False
    return True


def _find_slot(
    seq: TokenSeq,
    start: int,
    firsts: dict[str, tuple[tuple[int, tuple[str, ...]], ...]],
    core: frozenset[int] | None = None,
) -> int:
    """Index just past the first alternative found at or after ``start``; -1 if none (with ``core``: the
    alternative's last word must be one of those token indices).  ``firsts`` is the slot's alternatives by
    first word (:attr:`Element.firsts`); at one position the earliest alternative of the slot wins."""
    lower, lemma = seq.lower, seq.lemma
    for k in range(start, len(lower)):
        lo, le = lower[k], lemma[k]
        by_lower = firsts.get(lo)
        by_lemma = firsts.get(le) if le != lo else None
        if by_lower is None and by_lemma is None:
            continue
        best, best_len = -1, 0
        for cands in (by_lower, by_lemma):
            if cands is None:
                continue
            for n, phrase in cands:
                if best >= 0 and n >= best:
                    break
                if _phrase_at(seq, k, phrase, core):
                    best, best_len = n, len(phrase)
                    break
        if best >= 0:
            return k + best_len
    return -1


def match_elements(
    tokens: TokenSeq | list[Token], elements: tuple[Element, ...], core: frozenset[int] | None = None
) -> tuple[bool, Token | None]:
    """Whether all elements occur in order in ``tokens``; also the target token of a '+' preposition.
    With ``core`` (see :func:`core_tokens`), a bare word element must end on one of those tokens."""
    seq = tokens if isinstance(tokens, TokenSeq) else TokenSeq(tokens)
    pos = 0
    target: Token | None = None
    lower, idx = seq.lower, seq.idx
    for el in elements:
        if not el.preps:
            nxt = _find_slot(seq, pos, el.firsts[0], core)
            if nxt < 0:
                return False, None
            pos = nxt
            continue
        found = False
        for k in range(pos, len(lower)):
            if lower[k] not in el.preps or (core is not None and idx[k] not in core):
                continue  # a preposition inside a clause on a noun is not the verb's
            sub = seq.below(k)
            sp = 0
            ok = True
            for firsts in el.firsts:
                sp = _find_slot(sub, sp, firsts)
                if sp < 0:
                    ok = False
                    break
            if ok:
                found = True
                pos = k + 1
                if el.role == "+":
                    objs = [c for c in seq.tokens[k].children if c.dep_ in ("pobj", "pcomp")]
                    target = objs[0] if objs else None
                break
        if not found:
            return False, None
    return True, target


def _particles(verb: Token, keys: list[str]) -> list[str]:
    """Particle keys of the verb present as children (a multi-word key must occur word by word)."""
    kids = [c for c in verb.children if c.dep_ in _PRT_DEPS]
    out = []
    for k in keys:
        if not k:
            continue
        words = k.split()
        for c in kids:
            seq = [t.lower_ for t in c.doc[c.i : c.i + len(words)]]
            if seq == words:
                out.append(k)
                break
    return out


def lookup_lemma(verb: Token, lex: Lexicon) -> str | None:
    """The lexicon lemma for a verb token, if the verb is known."""
    lemma = verb.lemma_.lower()
    if lemma in lex.verbs:
        return lemma
    alt = lex.forms.get(verb.lower_)
    if alt in lex.verbs:
        return alt
    for cand in _inflection_guesses(verb.lower_):
        if cand in lex.verbs:
            return cand
    return None


def _inflection_guesses(word: str) -> list[str]:
    """Base-form guesses for an inflected verb the lemmatizer got wrong ('staged' -> 'stage')."""
    out: list[str] = []
    for suf, rep in (
        ("ied", "y"),
        ("ies", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            out.append(word[: -len(suf)] + rep)
    if len(word) > 5 and word[-3:] in ("ing",) and word[-4] == word[-5]:
        out.append(word[:-4])
    if len(word) > 4 and word.endswith("ed") and word[-3] == word[-4]:
        out.append(word[:-3])
    return out


def verb_lemma(verb: Token, lex: Lexicon) -> str:
    """The verb's lemma, repaired against the lexicon when the lemmatizer fails."""
    return lookup_lemma(verb, lex) or verb.lemma_.lower()


def _subject_words(verb: Token) -> list[Token]:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return sorted((t for s in subj for t in s.subtree), key=lambda t: t.i)


def noun_code(noun: Token, lex: Lexicon) -> tuple[str, bool] | None:
    """(code, symmetric) of an event noun, also as the head of a two-word compound ('air strikes')."""
    comp = [c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
    if comp:
        two = f"{comp[0].lower_} {noun.lower_}"
        if two in lex.nouns:
            return lex.nouns[two]
    for key in (noun.lower_, noun.lemma_.lower()):
        if key in lex.nouns:
            return lex.nouns[key]
    return None


_INDEX: dict[tuple[int, str, str], tuple[dict[str, list[Pattern]], list[Pattern], dict[int, int]]] = {}


def _candidates(lemma: str, prt: str, present: set[str], lex: Lexicon) -> list[Pattern]:
    """Patterns of a verb whose anchor words occur in the region, in lexicon order (indexed once per verb)."""
    key = (id(lex), lemma, prt)
    idx = _INDEX.get(key)
    if idx is None:
        by_word: dict[str, list[Pattern]] = {}
        free: list[Pattern] = []
        pats = lex.verbs[lemma].patterns.get(prt, [])
        order = {id(p): n for n, p in enumerate(pats)}
        for pat in pats:
            if pat.keys:
                anchor = min(pat.keys, key=len)
                for w in anchor:
                    by_word.setdefault(w, []).append(pat)
            else:
                free.append(pat)
        idx = _INDEX[key] = (by_word, free, order)
    by_word, free, order = idx
    seen: set[int] = set()
    out = list(free)
    for w in present:
        for pat in by_word.get(w, ()):
            if id(pat) not in seen:
                seen.add(id(pat))
                out.append(pat)
    out.sort(key=lambda p: (-p.weight, order[id(p)]))  # deterministic: lexicon order breaks ties
    return out


def code_verb(verb: Token, lex: Lexicon) -> Match | None:
    """The best code for a verb token, or None (unknown verb, or a pattern that says 'no event')."""
    lemma = lookup_lemma(verb, lex)
    light_noun = _light_noun(verb, lex)
    if lemma is None and light_noun is None:
        return None
    best: tuple[float, int, int, Pattern, Token | None, str] | None = None
    if lemma is not None:
        entry = lex.verbs[lemma]
        prts = _particles(verb, sorted(set(entry.patterns) | set(entry.defaults)))
        toks = region(verb)
        core = core_tokens(verb, toks)
        seq = TokenSeq(toks)
        present = seq.words()
        pre: TokenSeq | None = None
        for prt in [*prts, ""]:
            bonus = 1 if prt else 0
            for pat in _candidates(lemma, prt, present, lex):
                if pat.weight + bonus + 0.5 < (best[0] if best else -1):
                    continue
                if not all(not k.isdisjoint(present) for k in pat.keys):
                    continue
                ok, tgt = match_elements(seq, pat.elements, core)
                if ok and pat.pre:
                    if pre is None:
                        pre = TokenSeq(_subject_words(verb))
                    ok = match_elements(pre, pat.pre)[0]
                if ok:
                    own = 1 if pat.origin == "own" else 0
                    cand = (pat.weight + bonus + 0.5 * own, own, pat.words, pat, tgt, prt)
                    if best is None or cand[:3] > best[:3]:
                        best = cand
    # a listed event noun beats a PETRARCH2 pattern; a derived one only a bare default
    if light_noun is not None and (best is None or (best[1] == 0 and not light_noun[2]) or best[0] < 1):
        noun, (code, sym), _derived = light_noun
        return Match(code, code if sym else "", 1.5, f"light:{verb_lemma(verb, lex)}+{noun.lower_}", None, noun, sym)
    if best is not None and lemma is not None and best[1] == 0 and best[0] <= 1.0:
        own_default = lex.verbs[lemma].defaults.get(best[5]) or lex.verbs[lemma].defaults.get("")
        if own_default is not None and own_default[2] == "own":
            best = None  # a hand-checked default beats a one-word PETRARCH2 pattern
    if best is not None:
        w, _own, _words, pat, tgt, prt = best
        if pat.code == "---":
            return None
        code = pat.code or ""
        rule = f"{pat.origin}:{lemma}{'_' + prt if prt else ''}"
        if not code and pat.rev_code:
            return Match(pat.rev_code, "", w, rule + ":reversed", tgt, symmetric=False)
        return Match(code, pat.rev_code, w, rule, tgt, symmetric=bool(pat.rev_code) and pat.rev_code == code)
    assert lemma is not None
    entry = lex.verbs[lemma]
    for prt in [*_particles(verb, sorted(entry.defaults)), ""]:
        if prt in entry.defaults:
            code, rev, origin = entry.defaults[prt]
            if code == "---" or not (code or rev):
                return None
            if not code:
                return Match(rev, "", 0.5 if prt else 0, f"{origin}:{lemma}:default:reversed")
            w = 1.0 if prt else 0.0
            return Match(code, rev, w, f"{origin}:{lemma}{'_' + prt if prt else ''}:default", symmetric=rev == code)
    return None


def _light_noun(verb: Token, lex: Lexicon) -> tuple[Token, tuple[str, bool], bool] | None:
    """(noun, (code, symmetric), derived) for a light verb's event-noun object (derived: a deverbal noun)."""
    lemma = verb_lemma(verb, lex)
    if lemma not in lex.light:
        return None
    prt = lex.light[lemma]
    if prt and not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == prt for c in verb.children):
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if not objs and verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children):
        objs = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")]  # "talks are expected to be held"
    for c in objs:
        nc = noun_code(c, lex)
        if nc is not None:
            return c, nc, False
    for c in objs:
        nc = deverbal_code(c, lex)
        if nc is not None:
            return c, nc, True
    return None


#: Noun suffixes that derive an event noun from a verb ("condemnation", "agreement", "refusal", "warning").
_DERIVATIONS = (("ation", ""), ("ation", "e"), ("ment", ""), ("al", "e"), ("ing", ""), ("ion", ""), ("ion", "e"))


def deverbal_code(noun: Token, lex: Lexicon) -> tuple[str, bool] | None:
    """(code, False) for an event noun that names a coded verb: the same word ("an appeal", "a visit", "a
    pledge") or a regular derivation ("condemnation", "refusal", "warning").  Only a verb's own code counts
    (eventwire's table or the verb's own PETRARCH2 line), not a code inherited from a broad block, and not
    statement codes (01x), so "made a change" or "issued a report" stay uncoded."""
    word = noun.lemma_.lower()
    cands = [word] + [word[: -len(suf)] + rep for suf, rep in _DERIVATIONS if word.endswith(suf) and len(word) > 6]
    for lemma in cands:
        entry = lex.verbs.get(lemma)
        if entry is None or "" not in entry.defaults:
            continue
        code, _rev, origin = entry.defaults[""]
        if origin.startswith("petrarch2-block") or not code or code == "---" or code.startswith("01"):
            continue
        return code, False
    return None


# ---------------------------------------------------------------- modality

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPO_AUX = frozenset({"would", "could", "might", "may", "should", "can", "ca", "must", "'d"})
_NEG_SUBJ = frozenset({"neither", "no", "none", "nobody", "nor"})


def own_modality(verb: Token) -> str:
    """Modality marked on the verb itself: negation, modal/future auxiliaries, 'if' clauses, 'going to'."""
    kids = list(verb.children)
    if any(c.dep_ == "neg" for c in kids):
        return "negated"
    for c in kids:
        if c.dep_ in ("nsubj", "nsubjpass") and any(t.lower_ in _NEG_SUBJ for t in c.subtree if t.dep_ == "det"):
            return "negated"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
        return "hypothetical"
    auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if auxes & _HYPO_AUX:
        return "hypothetical"
    if auxes & _FUTURE_AUX:
        return "future"
    return "asserted"


def sentence_of(tok: Token) -> Span:
    """The sentence of a token."""
    return tok.sent
