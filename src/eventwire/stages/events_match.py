"""Verb/noun pattern matching over spaCy's dependency parse, and modality (helper of the events stage).

A verb token is looked up by lemma (irregular forms via the PETRARCH2 form lists); its patterns are matched
against the verb's *complement region*: the tokens of its subtree to its right, minus conjoined clauses,
adverbial/relative clauses and reported (ccomp) content.  Word elements must occur in order in the region;
a preposition element needs a preposition token followed by its words inside that preposition's subtree.
The most specific match wins (own patterns before PETRARCH2's at equal specificity).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, POS, TAG
from spacy.tokens import Doc, Span, Token

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


class DocTree:
    """Per-document parse arrays (dependency label, POS, tag, lower case, lower-cased lemma, entity type,
    character offsets, head and children per token index) for tree walks without building a spaCy Token object
    per visited node."""

    __slots__ = ("children", "dep", "doc", "end", "ent", "head", "idx", "lemma", "lower", "memo", "pos", "tag")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        n = len(doc)
        arr = doc.to_array([HEAD, DEP, POS, TAG, LOWER, LEMMA, ENT_TYPE, IDX, LENGTH])
        cols = arr.T.tolist() if n else [[] for _ in range(9)]
        _heads, deps, poses, tags, lowers, lemmas, ents, idx, lengths = cols
        text, low = _STRS, _LEMMAS
        if len(text) > 500_000:
            text.clear()
            low.clear()
        strings = doc.vocab.strings
        for h in set().union(deps, poses, tags, lowers, lemmas, ents).difference(text):
            text[h] = strings[h]
        for h in set(lemmas).difference(low):
            low[h] = text[h].lower()
        self.head = (arr[:, 0].astype(np.int64) + np.arange(n, dtype=np.int64)).tolist() if n else []
        self.dep = [text[h] for h in deps]
        self.pos = [text[h] for h in poses]
        self.tag = [text[h] for h in tags]
        self.lower = [text[h] for h in lowers]
        self.lemma = [low[h] for h in lemmas]
        self.ent = [text[h] for h in ents]
        self.idx = idx
        self.end = [a + b for a, b in zip(idx, lengths, strict=True)]
        kids: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(self.head):
            if h != i:
                kids[h].append(i)
        self.children = kids
        #: per-document results of pure functions of the parse (subject, modality), keyed by (name, index)
        self.memo: dict[tuple[str, int], object] = {}

    def conjuncts(self, i: int) -> list[int]:
        """Indices of the tokens coordinated with token ``i`` (as spaCy's ``Token.conjuncts``)."""
        dep, head, kids = self.dep, self.head, self.children
        start = i
        while dep[start] == "conj" and head[start] != start:
            start = head[start]
        out = [start]
        for w in out:
            out.extend(c for c in kids[w] if c > w and dep[c] == "conj")
        return [w for w in out if w != i]

    def subtree(self, i: int) -> set[int]:
        """Indices of the token and all its descendants."""
        out = {i}
        stack = [i]
        kids = self.children
        while stack:
            for c in kids[stack.pop()]:
                out.add(c)
                stack.append(c)
        return out


_STRS: dict[int, str] = {}  # string hash -> string (bounded memo shared by all documents)
_LEMMAS: dict[int, str] = {}  # lemma hash -> lower-cased lemma


_TREE: list[DocTree] = []


def doc_tree(doc: Doc) -> DocTree:
    """The :class:`DocTree` of a document (the last one built is kept, so every look-up of one document reuses
    it)."""
    if _TREE and _TREE[0].doc is doc:
        return _TREE[0]
    tree = DocTree(doc)
    _TREE[:] = [tree]
    return tree


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


#: Prepositions of time: their phrase is no noun phrase of the verb for a pattern's noun constraint.
_TEMPORAL_PREPS = frozenset({"after", "before", "following", "during", "since", "until", "amid", "amidst"})


def region_and_core(verb: Token) -> tuple[list[int], frozenset[int]]:
    """:func:`region` and :func:`core_tokens` of a verb in one walk over its dependents (a core token is
    always a region token: the core walk stops at every dependency the region walk stops at)."""
    tree = doc_tree(verb.doc)
    deps, pos, kids = tree.dep, tree.pos, tree.children
    v = verb.i
    out: list[int] = []
    core: set[int] = set()
    # a temporal phrase ("called off the strike after talks with X") names no argument of the verb
    stack = [
        (c, deps[c] != "prep" or tree.lower[c] not in _TEMPORAL_PREPS)
        for c in kids[v]
        if c > v and deps[c] not in _SEPARATE
    ]
    while stack:
        t, in_core = stack.pop()
        out.append(t)
        if in_core:
            core.add(t)
            verbal = pos[t] in ("VERB", "AUX") and deps[t] not in ("xcomp", "pcomp")
        for c in kids[t]:
            dep = deps[c]
            if dep in _REGION_STOP:
                continue
            stack.append((c, in_core and dep not in _CLAUSAL and (not verbal or dep == "prep")))
    out.sort()
    return out, frozenset(core)


def _index(t: Token) -> int:
    return t.i


_REGION_STOP = frozenset({"relcl", "advcl", "parataxis", "ccomp"})


class TokenSeq:
    """A token sequence (token indices of one document) with the word forms patterns match (lower case and
    lemma), read once per verb from the document's parse arrays.

    Pattern matching only reads these lists; the preposition subtrees below a token are built on first use."""

    __slots__ = ("_subs", "idx", "lemma", "lower", "tree")

    def __init__(self, tokens: list[Token] | list[int], tree: DocTree | None = None) -> None:
        if tokens and isinstance(tokens[0], int):
            idx = list(tokens)
        else:
            idx = [t if isinstance(t, int) else t.i for t in tokens]
        if tree is None and tokens and not isinstance(tokens[0], int):
            tree = doc_tree(tokens[0].doc)
        self.tree = tree
        self.idx = idx
        if tree is not None:
            lower, lemma = tree.lower, tree.lemma
            self.lower = [lower[i] for i in idx]
            self.lemma = [lemma[i] for i in idx]
        else:
            self.lower, self.lemma = [], []
        self._subs: dict[int, TokenSeq] = {}

    def words(self) -> set[str]:
        """Every form of every token."""
        return set(self.lower) | set(self.lemma)

    def below(self, k: int) -> TokenSeq:
        """The tokens after position ``k`` inside the subtree of the token at ``k``."""
        sub = self._subs.get(k)
        if sub is None:
            assert self.tree is not None
            inside = self.tree.subtree(self.idx[k])
            sub = self._subs[k] = TokenSeq([i for i in self.idx[k + 1 :] if i in inside], self.tree)
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
                if el.role == "+" and seq.tree is not None:
                    tree = seq.tree
                    objs = [c for c in tree.children[idx[k]] if tree.dep[c] in ("pobj", "pcomp")]
                    target = tree.doc[objs[0]] if objs else None
                break
        if not found:
            return False, None
    return True, target


def _particles(verb: Token, keys: list[str] | tuple[tuple[str, tuple[str, ...]], ...]) -> list[str]:
    """Particle keys of the verb present as children (a multi-word key must occur word by word).
    ``keys`` may come pre-split as (key, words) pairs (see :func:`_particle_keys`)."""
    tree = doc_tree(verb.doc)
    deps, lower = tree.dep, tree.lower
    kids = [c for c in tree.children[verb.i] if deps[c] in _PRT_DEPS]
    if not kids:
        return []
    pairs = _split_keys(keys) if isinstance(keys, list) else keys
    n = len(lower)
    kid_lower = [lower[c] for c in kids]
    out = []
    for k, words in pairs:
        if not words:  # a blank key matches as an empty word sequence
            out.append(k)
            continue
        if len(words) == 1:
            if words[0] in kid_lower:
                out.append(k)
            continue
        for c, lo in zip(kids, kid_lower, strict=True):
            if lo == words[0] and c + len(words) <= n and all(lower[c + j] == w for j, w in enumerate(words[1:], 1)):
                out.append(k)
                break
    return out


def _split_keys(keys: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((k, tuple(k.split())) for k in keys if k)


_PRT_KEYS: dict[tuple[int, str, bool], tuple[tuple[str, tuple[str, ...]], ...]] = {}


def _particle_keys(lemma: str, lex: Lexicon, defaults_only: bool = False) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The sorted particle keys of a verb's patterns and defaults (or of its defaults only), split into words;
    computed once per verb and process."""
    key = (id(lex), lemma, defaults_only)
    got = _PRT_KEYS.get(key)
    if got is None:
        entry = lex.verbs[lemma]
        names = set(entry.defaults) if defaults_only else set(entry.patterns) | set(entry.defaults)
        got = _PRT_KEYS[key] = _split_keys(sorted(names))
    return got


def may_code(tree: DocTree, i: int, lex: Lexicon) -> bool:
    """Whether the verb at index ``i`` can be coded at all (a lexicon verb, form or inflection, or a light verb):
    a cheap test before building its Token."""
    lemma, low = tree.lemma[i], tree.lower[i]
    if lemma in lex.verbs or lemma in lex.light:
        return True
    key = (id(lex), low)
    got = _MAY_CODE.get(key)
    if got is None:
        if len(_MAY_CODE) > 100_000:
            _MAY_CODE.clear()
        got = _MAY_CODE[key] = (
            lex.forms.get(low) in lex.verbs
            or _re_form(low, lex) is not None
            or any(c in lex.verbs or c in lex.light for c in _inflection_guesses(low))
        )
    return got


_MAY_CODE: dict[tuple[int, str], bool] = {}  # (lexicon, word) -> codable through forms or inflection guesses


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
    return _re_form(verb.lower_, lex)


def _re_form(word: str, lex: Lexicon) -> str | None:
    """A re- prefixed irregular form ('retook' -> 'retake', 'rebuilt' -> 'rebuild') of a lexicon verb."""
    if len(word) > 5 and word.startswith("re"):
        base = lex.forms.get(word[2:])
        if base is not None and "re" + base in lex.verbs:
            return "re" + base
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


def _subject_words(tree: DocTree, v: int) -> list[int]:
    """Indices of the subject phrases of the verb at ``v``, in text order."""
    dep = tree.dep
    return sorted(i for c in tree.children[v] if dep[c] in ("nsubj", "nsubjpass") for i in tree.subtree(c))


def noun_code(noun: Token, lex: Lexicon) -> tuple[str, bool] | None:
    """(code, symmetric) of an event noun, also as the head of a listed two-word phrase ('air strikes', 'ethnic
    cleansing')."""
    return noun_code_at(doc_tree(noun.doc), noun.i, lex)


def noun_code_at(tree: DocTree, i: int, lex: Lexicon) -> tuple[str, bool] | None:
    """:func:`noun_code` of the token at index ``i`` (read from the document's parse arrays)."""
    low = tree.lower[i]
    if low not in _noun_last_words(lex) and tree.lemma[i] not in lex.nouns and low not in _OF_HEADS:
        return None  # no listed noun ends in this word: skip the compound look-up
    return _noun_code_at(tree, i, lex, low)


def _noun_code_at(tree: DocTree, i: int, lex: Lexicon, low: str) -> tuple[str, bool] | None:
    comp = [c for c in tree.children[i] if c == i - 1 and tree.dep[c] in ("compound", "amod")]
    if comp:
        two = f"{tree.lower[comp[0]]} {low}"
        if two in lex.nouns:
            return lex.nouns[two]
    for key in (low, tree.lemma[i]):
        if key in lex.nouns:
            return lex.nouns[key]
    if low in _OF_HEADS:  # "state of emergency", "state of siege"
        for c in tree.children[i]:
            if tree.dep[c] == "prep" and tree.lower[c] == "of":
                for p in tree.children[c]:
                    if tree.dep[p] == "pobj" and f"{low} of {tree.lower[p]}" in lex.nouns:
                        return lex.nouns[f"{low} of {tree.lower[p]}"]
    return None


#: Head words of listed "X of Y" event nouns.
_OF_HEADS = frozenset({"state"})


_LAST_WORDS: dict[int, frozenset[str]] = {}


def noun_words(lex: Lexicon) -> frozenset[str]:
    """Words that can end a listed event noun (its last words, lemmas and 'X of Y' heads): a token not among
    them is no event noun."""
    got = _NOUN_WORDS.get(id(lex))
    if got is None:
        got = _NOUN_WORDS[id(lex)] = _noun_last_words(lex) | frozenset(lex.nouns) | _OF_HEADS
    return got


_NOUN_WORDS: dict[int, frozenset[str]] = {}


def _noun_last_words(lex: Lexicon) -> frozenset[str]:
    """Last words of the listed event nouns (once per lexicon)."""
    got = _LAST_WORDS.get(id(lex))
    if got is None:
        got = _LAST_WORDS[id(lex)] = frozenset(k.split()[-1] for k in lex.nouns if k.split())
    return got


_INDEX: dict[tuple[int, str, str], tuple[dict[str, tuple[int, ...]], tuple[int, ...], list[Pattern]]] = {}


def _candidates(lemma: str, prt: str, present: set[str], lex: Lexicon) -> list[Pattern]:
    """Patterns of a verb whose anchor words occur in the region, most specific first, lexicon order breaking
    ties (indexed once per verb and process: patterns are ranked in that order and listed by anchor word)."""
    key = (id(lex), lemma, prt)
    idx = _INDEX.get(key)
    if idx is None:
        pats = lex.verbs[lemma].patterns.get(prt, [])
        ranked = sorted(range(len(pats)), key=lambda n: (-pats[n].weight, n))
        by_word: dict[str, list[int]] = {}
        free: list[int] = []
        for rank, n in enumerate(ranked):
            pat = pats[n]
            if pat.keys:
                anchor = min(pat.keys, key=len)
                for w in anchor:
                    by_word.setdefault(w, []).append(rank)
            else:
                free.append(rank)
        idx = _INDEX[key] = (
            {w: tuple(v) for w, v in by_word.items()},
            tuple(free),
            [pats[n] for n in ranked],
        )
    words, free_ranks, in_order = idx
    ranks = set(free_ranks)
    if len(present) < len(words):
        for w in present:
            hit = words.get(w)
            if hit is not None:
                ranks.update(hit)
    else:
        for w, hit in words.items():
            if w in present:
                ranks.update(hit)
    return [in_order[r] for r in sorted(ranks)]


#: Verbs of fighting each other: their mutual patterns stay mutual with an object ("troops battled rebels").
_MUTUAL_VERBS = frozenset({"battle", "fight", "clash", "skirmish", "exchange", "engage", "duel", "meet"})


def code_verb(verb: Token, lex: Lexicon) -> Match | None:
    """The best code for a verb token, or None (unknown verb, or a pattern that says 'no event')."""
    lemma = lookup_lemma(verb, lex)
    light_noun = _light_noun(verb, lex, lemma or verb.lemma_.lower())
    if lemma is None and light_noun is None:
        return None
    best: tuple[float, int, int, Pattern, Token | None, str] | None = None
    prts: list[str] = []
    if lemma is not None:
        prts = _particles(verb, _particle_keys(lemma, lex))
        toks, core = region_and_core(verb)
        tree = doc_tree(verb.doc)
        seq = TokenSeq(toks, tree)
        present = seq.words()
        pre: TokenSeq | None = None
        for prt in [*prts, ""]:
            bonus = 1 if prt else 0
            for pat in _candidates(lemma, prt, present, lex):
                if best is not None and pat.weight + bonus + 0.5 < best[0]:
                    break  # candidates come most specific first and the bar only rises
                for k in pat.keys:
                    if k.isdisjoint(present):
                        break
                else:
                    ok, tgt = match_elements(seq, pat.elements, core)
                    if ok and pat.pre:
                        if pre is None:
                            pre = TokenSeq(_subject_words(tree, verb.i), tree)
                        ok = match_elements(pre, pat.pre)[0]
                    if ok:
                        own = 1 if pat.origin == "own" else 0
                        cand = (pat.weight + bonus + 0.5 * own, own, pat.words, pat, tgt, prt)
                        if best is None or cand[:3] > best[:3]:
                            best = cand
    # a listed event noun beats a PETRARCH2 pattern; a derived one only a bare default
    if light_noun is not None and (best is None or (best[1] == 0 and not light_noun[2]) or best[0] < 1):
        noun, (code, sym), _derived = light_noun
        vl = lemma or verb.lemma_.lower()
        return Match(code, code if sym else "", 1.5, f"light:{vl}+{noun.lower_}", None, noun, sym)
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
        sym = bool(pat.rev_code) and pat.rev_code == code
        if sym and not pat.elements and lemma not in _MUTUAL_VERBS and any(c.dep_ == "dobj" for c in verb.children):
            # a mutual pattern matched only on the subject's words ("- * WEAPON [193:193]", written for "battle")
            # is one-way on a verb acting on an object: "Russian missiles hit an apartment block in X"
            return Match(code, "", w, rule, tgt, symmetric=False)
        return Match(code, pat.rev_code, w, rule, tgt, symmetric=sym)
    assert lemma is not None
    entry = lex.verbs[lemma]
    # the particles among the verb's defaults: those found above (a default key is one of the keys searched
    # there, and each key is found independently of the others); the others fail the test below
    for prt in [*prts, ""]:
        if prt in entry.defaults:
            code, rev, origin = entry.defaults[prt]
            if code == "---" or not (code or rev):
                return None
            if not code:
                return Match(rev, "", 0.5 if prt else 0, f"{origin}:{lemma}:default:reversed")
            w = 1.0 if prt else 0.0
            return Match(code, rev, w, f"{origin}:{lemma}{'_' + prt if prt else ''}:default", symmetric=rev == code)
    return None


def _light_noun(verb: Token, lex: Lexicon, lemma: str | None = None) -> tuple[Token, tuple[str, bool], bool] | None:
    """(noun, (code, symmetric), derived) for a light verb's event-noun object (derived: a deverbal noun);
    ``lemma``: the verb's :func:`verb_lemma` when already known."""
    if lemma is None:
        lemma = verb_lemma(verb, lex)
    if lemma not in lex.light:
        return None
    prt = lex.light[lemma]
    if prt and not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == prt for c in verb.children):
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    if prt:  # "engaged in ethnic cleansing": the particle's object
        objs += [
            p for c in verb.children if c.dep_ == "prep" and c.lower_ == prt for p in c.children if p.dep_ == "pobj"
        ]
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
    tree = doc_tree(verb.doc)
    key = ("modality", verb.i)
    got = tree.memo.get(key)
    if got is None:
        got = tree.memo[key] = _own_modality(tree, verb.i)
    return str(got)


def _own_modality(tree: DocTree, v: int) -> str:
    dep, lower = tree.dep, tree.lower
    kids = tree.children[v]
    if any(dep[c] == "neg" for c in kids):
        return "negated"
    negdets = tree.memo.get(("negdet", -1))
    if negdets is None:  # negative determiners of the document ("no", "neither" ...), usually none
        negdets = tree.memo[("negdet", -1)] = [t for t, w in enumerate(lower) if w in _NEG_SUBJ and dep[t] == "det"]
    if negdets:
        for c in kids:
            if dep[c] in ("nsubj", "nsubjpass") and any(t in tree.subtree(c) for t in cast(list[int], negdets)):
                return "negated"
    if any(dep[c] == "mark" and lower[c] in ("if", "unless") for c in kids):
        return "hypothetical"
    auxes = {lower[c] for c in kids if dep[c] in ("aux", "auxpass")}
    if auxes & _HYPO_AUX:
        return "hypothetical"
    if auxes & _FUTURE_AUX:
        return "future"
    return "asserted"


def sentence_of(tok: Token) -> Span:
    """The sentence of a token."""
    return tok.sent
