"""The events stage: who did what to whom — CAMEO + PLOVER coded events with evidence.

For every sentence, verbs (and event nouns after light verbs or with "between A and B") are coded with the
pattern lexicon (:mod:`eventwire.knowledge.cameo`, matching in :mod:`eventwire.stages.events_match`).
Frames ("agreed to", "threatened to", "urged ... to", "is ready to", "is likely to") fold the complement
action into one event; the source is the actor of the subject (agent of a passive), the target the actor of
the object or of the pattern's preposition.  Conventions are in docs/events.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal, cast

from spacy.tokens import Doc, Span, Token

from eventwire.knowledge.cameo import cameo_codes, lexicon, mirror_code, normalise_code
from eventwire.knowledge.countries import lookup_country
from eventwire.records import Actor, Analysis, Argument, Event, Modality, Spanned
from eventwire.stages.base import Context, register_component
from eventwire.stages.events_match import (
    DocTree,
    Match,
    code_verb,
    doc_tree,
    may_code,
    noun_code,
    noun_code_at,
    noun_words,
    own_modality,
)

#: At most this many event units (a symmetric pair counts once) per sentence.
MAX_PER_SENTENCE = 4
_TARGET_PREPS = ("with", "against", "on", "to", "at", "from", "toward", "towards", "into", "between", "for", "over")
_MOD_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
#: Tokens in these relations are not predicates even when tagged VERB ("According to", "the closed doors").
_NOT_PREDICATE = frozenset({"prep", "amod", "compound", "aux", "auxpass", "nmod"})
#: A token tagged VERB in a noun slot is a participle used as a noun ("evacuated the wounded"); a clausal subject
#: ("removing the sanctions is out of the question") is a topic, not an asserted action.
_NOMINAL_SLOTS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "csubj", "csubjpass"})
#: Nouns whose clausal complement is their content, not an asserted action ("its demand that Israel ease ...",
#: "an invitation to attend", "a reminder that it must cooperate").
_CONTENT_NOUNS = frozenset(
    {
        "demand",
        "call",
        "appeal",
        "request",
        "plea",
        "offer",
        "proposal",
        "proposition",
        "suggestion",
        "plan",
        "invitation",
        "reminder",
        "warning",
        "ultimatum",
        "threat",
        "pledge",
        "promise",
        "bid",
        "order",
        "condition",
        "insistence",
    }
)
#: Content nouns of demands and appeals: the subject of their clause is the side asked to act.
_DEMAND_NOUNS = frozenset({"demand", "call", "appeal", "request", "plea", "insistence", "ultimatum", "reminder"})
#: Nouns whose nationality modifier names a culture, not an actor ("the use of the Russian language").
_CULTURAL_NOUNS = frozenset(
    {"language", "dialect", "alphabet", "script", "cuisine", "music", "literature", "culture", "folklore", "art"}
)
#: Statement nouns: a participle on them ("issued a declaration demanding ...") speaks for the issuer.
_STATEMENT_NOUNS = frozenset(
    {"statement", "declaration", "communique", "resolution", "letter", "message", "note", "report", "release"}
)
#: Roots whose events between conjoined subjects are mutual ("A and B met / agreed / fought").
_MUTUAL_ROOTS = frozenset({"03", "04", "05", "06", "19"})
#: Roots of actions done to a place's population (aid, easing restrictions, sanctions, coercion, force), and of
#: protests, addressed to the authorities of the place where they happen: a place named as their object or
#: location stands for its people (its state) when no actor is named (see ``_place_target``).
_PLACE_POPULATION_ROOTS = frozenset({"07", "08", "14", "16", "17", "18", "19", "20"})
#: ... and codes of that kind elsewhere: visits (042), threats of curfews, martial law, repression, force.
_PLACE_POPULATION_CODES = ("042", "1323", "1324", "136", "137", "138")
_PLACE_CIVILIAN_ROOTS = frozenset({"16", "17", "18", "19", "20"})
#: Roots of stances (intent, rejection, threat) that a government states for its state.
_STANCE_ROOTS = frozenset({"03", "12", "13"})
#: Roots of physical acts against a capital that hit the city, not the government it stands for in statements.
_CAPITAL_CITY_ROOTS = frozenset({"17", "18", "19", "20"})
#: Measures imposed on a population, which make a threat or a pledge an action done to a place.
_POPULATION_MEASURES = frozenset({"curfew", "siege", "blockade", "emergency", "lockdown", "restriction"})
#: Places people live in: a country modifying them as the object of force or coercion stands for its people.
_POPULATED_PLACES = frozenset(
    {
        "home",
        "house",
        "houses",
        "building",
        "village",
        "town",
        "city",
        "area",
        "neighborhood",
        "neighbourhood",
        "district",
        "quarter",
        "suburb",
        "street",
        "market",
        "residence",
        "dwelling",
        "farm",
        "shop",
        "settlement",
        "school",
        "hospital",
        "mosque",
        "church",
    }
)
#: Nouns of military exercises (with "war games"): held jointly by sides of two states they are cooperation.
_EXERCISE_NOUNS = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "wargame"})
#: Regions and enclaves: place nouns a side can be named by ("the Bosnian enclave of Gorazde").
_REGIONS = frozenset({"region", "province", "enclave", "territory", "state", "zone", "camp", "capital", "port"})
#: People nouns that name no actor: an action on them from/in a place is done to the place's civilians.
_PEOPLE_NOUNS = frozenset(
    {"people", "person", "resident", "inhabitant", "villager", "family", "child", "woman", "citizen", "population"}
)
#: Sectors of a state's authorities, whose action on a sector-only group is read as domestic.
_AUTHORITY_SECTORS = frozenset({"GOV", "COP", "MIL", "JUD", "LEG", "SPY"})
#: Sectors of groups inside a society (no foreign forces, refugees or international bodies).
_DOMESTIC_SECTORS = frozenset(
    {"REB", "INS", "OPP", "EDU", "LAB", "CVL", "ELI", "JRN", "MED", "HLH", "CRM", "BUS", "AGR", "REL", "PTY", "SOC"}
)
_LOCATIVE_PREPS = frozenset({"in", "into", "inside", "near", "around", "across", "throughout"})
_REL_PRONOUNS = frozenset({"that", "which", "who", "whom"})
_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
_WORD_RE = re.compile(r"[A-Za-z]+")
_CRIT_CUES = frozenset(
    {
        "pressure",
        "unreasonable",
        "negative",
        "disruptions",
        "interference",
        "provocation",
        "provocative",
        "hegemony",
        "bullying",
        "unacceptable",
        "irresponsible",
        "hostile",
        "smear",
        "slander",
        "hypocrisy",
        "illegitimate",
        "aggression",
        "violation",
        "violations",
    }
)


@dataclass
class Side:
    """One resolved argument: actor id (or None) and its evidence span."""

    actor_id: str | None
    start: int
    end: int
    text: str
    code: str | None = None  # code in this event: a place's population, or an actor's reading in the clause


@dataclass
class Cand:
    """An event candidate before it becomes an :class:`Event`."""

    trigger: Token
    match: Match
    sources: list[Side] = field(default_factory=list)
    targets: list[Side] = field(default_factory=list)
    modality: str = "asserted"
    absorbed: bool = False
    anchor: Token | None = None  # token whose clause gives date/place (the frame verb for frames)
    complement: Token | None = None  # the folded complement action of a frame event
    action: str = ""  # the code of the action itself before a frame or statement recoded it (threat, intent ...)

    @property
    def action_code(self) -> str:
        """The code of the action done (the complement's own code for a framed or announced action)."""
        return self.action or self.match.code


def token_actor_map(doc: Doc, analysis: Analysis, ctx: Context) -> tuple[dict[int, str], dict[str, tuple[int, int]]]:
    """Token index -> actor id (from the actors stage's scratch map, else from mention spans)."""
    tmap: dict[int, str] = {}
    spans: dict[int, tuple[int, int]] = {}
    scratch = ctx.scratch.get("actors.token_map")
    if isinstance(scratch, dict):
        tmap.update({int(k): str(v) for k, v in scratch.items() if v})
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    if analysis.mentions and len(doc):
        # token-aligned mentions (the usual case) map through first/last character offsets; others via char_span
        tree = doc_tree(doc)
        first = {start: i for i, start in enumerate(tree.idx)}
        last = {end: i for i, end in enumerate(tree.end)}
    for m in analysis.mentions:
        lo, hi = first.get(m.start), last.get(m.end)
        if lo is not None and hi is not None and lo <= hi:
            rng = range(lo, hi + 1)
        else:
            sp = doc.char_span(m.start, m.end, alignment_mode="expand")
            if sp is None:
                continue
            rng = range(sp.start, sp.end)
        for i in rng:
            tmap.setdefault(i, m.actor_id)
            spans.setdefault(i, (m.start, m.end))
    return tmap, {str(k): v for k, v in spans.items()}


class Resolver:
    """Maps argument head tokens to actors (or to text when no actor is known)."""

    def __init__(self, doc: Doc, analysis: Analysis, ctx: Context) -> None:
        self.doc = doc
        self.analysis = analysis
        art_text = analysis.article.text
        end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        self.text = art_text if len(art_text) == end else doc.text  # doc.text is rebuilt on every access
        self.tree = doc_tree(doc)
        self.tmap, spans = token_actor_map(doc, analysis, ctx)
        self.spans = {int(k): v for k, v in spans.items()}
        self.use_entities = not analysis.actors and not self.tmap
        self.nonagents = lexicon().nonagents
        self.actors: dict[str, Actor] = {}  # actor id -> actor (the first with that id, as Analysis.actor)
        for a in analysis.actors:
            self.actors.setdefault(a.id, a)

    def _side_for(self, i: int) -> Side | None:
        aid = self.tmap.get(i)
        if aid is not None:
            tree = self.tree
            s, e = self.spans.get(i, (tree.idx[i], tree.end[i]))
            return Side(aid, s, e, self.text[s:e])
        return None

    def sides(self, head: Token | int, allow_text: bool = True) -> list[Side]:
        """Sides for an argument head (token or index) and its conjuncts (one per distinct actor)."""
        tree = self.tree
        h = head if isinstance(head, int) else head.i
        if tree.lower[h] in _REL_PRONOUNS and tree.dep[tree.head[h]] == "relcl":
            h = tree.head[tree.head[h]]
        out: list[Side] = []
        for t in [h, *tree.conjuncts(h)]:
            found = self._resolve_one(t, tree)
            if not found and allow_text and self._texty(t, tree):
                sub = tree.subtree(t)
                left = min(x for x in sub if x <= t and tree.dep[x] not in ("punct", "cc"))
                left = max(left, min(sub))
                start, end = tree.idx[left], tree.end[t]
                found = [Side(None, start, end, self.text[start:end])]
            for s in found:
                if s.actor_id is None or all(o.actor_id != s.actor_id for o in out):
                    out.append(s)
        return out

    def _texty(self, t: int, tree: DocTree) -> bool:
        pos = tree.pos[t]
        if pos == "PRON" or tree.lower[t] in self.nonagents:
            return False
        if self.use_entities:
            return tree.ent[t] in _ENT_LABELS
        return pos == "PROPN" and (tree.ent[t] == "" or tree.ent[t] in _ENT_LABELS)

    def _resolve_one(self, t: int, tree: DocTree) -> list[Side]:
        side = self._side_for(t)
        if side is not None:
            out = [side]
            for c in tree.children[t]:
                # "Hungarian and Romanian officials" read as two mentions: the coordinated modifiers each name a side
                if (
                    c < t
                    and tree.dep[c] in ("amod", "compound")
                    and any(tree.dep[x] == "conj" for x in tree.children[c])
                ):
                    for x in [c, *tree.conjuncts(c)]:
                        other = self._side_for(x)
                        if other is not None and all(o.actor_id != other.actor_id for o in out):
                            out.append(other)
            return out
        if self.use_entities and tree.ent[t] in _ENT_LABELS:
            return [self._entity_side(t)]
        found: list[Side] = []
        dep = tree.dep
        nationality_only = tree.lemma[t] in _CULTURAL_NOUNS
        for c in tree.children[t]:
            if dep[c] in _MOD_DEPS and c < t and not nationality_only:
                for x in [c, *tree.conjuncts(c)]:
                    s = self._side_for(x)
                    if s is None and self.use_entities and tree.ent[x] in _ENT_LABELS:
                        s = self._entity_side(x)
                    if s is None:  # one level further: "US Predator attacks", "Israeli army bulldozers"
                        s = next(
                            (
                                y
                                for g in tree.children[x]
                                if g < x and dep[g] in ("compound", "amod", "npadvmod")
                                for y in [self._side_for(g)]
                                if y is not None
                            ),
                            None,
                        )
                    if s is not None and all(f.actor_id != s.actor_id for f in found):
                        found.append(s)
            elif dep[c] == "prep" and tree.lower[c] == "of":
                for p in tree.children[c]:
                    if dep[p] == "pobj":
                        found.extend(self._resolve_one(p, tree))
        return found

    def _entity_side(self, i: int) -> Side:
        ent = next((e for e in self.doc.ents if e.start <= i < e.end), None)
        span = ent if ent is not None else self.doc[i : i + 1]
        return Side(None, span.start_char, span.end_char, span.text)

    def has_country(self, side: Side) -> bool:
        """Whether a side's actor carries a country or IGO code (not only a sector such as 'its troops')."""
        actor = self.actors.get(side.actor_id) if side.actor_id else None
        return actor is not None and bool(actor.country)

    def group_only(self, side: Side) -> bool:
        """Whether a side is an actor of sectors only, with no country ("prisoners", "their troops")."""
        actor = self.actors.get(side.actor_id) if side.actor_id else None
        return actor is not None and bool(actor.sectors) and not actor.country and not side.code

    def is_country(self, side: Side) -> bool:
        """Whether a side's actor is a country itself (no sector)."""
        actor = self.actors.get(side.actor_id) if side.actor_id else None
        return actor is not None and bool(actor.country) and not actor.sectors

    def code(self, side: Side) -> str:
        """The actor code of a side ('' when unresolved)."""
        actor = self.actors.get(side.actor_id) if side.actor_id else None
        return actor.code if actor is not None else ""

    def is_nonagent(self, head: Token | int) -> bool:
        """Whether the head is a natural hazard / accident noun without an actor."""
        tree = self.tree
        i = head if isinstance(head, int) else head.i
        if tree.lemma[i] in self.nonagents or tree.lower[i] in self.nonagents:
            return True
        # a named hazard ("Hurricane Milton", "Typhoon Haiyan", "Storm Daniel"): the hazard word before the name
        return tree.pos[i] == "PROPN" and any(
            tree.dep[k] == "compound" and k < i and tree.lower[k] in self.nonagents for k in tree.children[i]
        )


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """(subject head, passive?) of a verb, following xcomp/acomp/conj/relcl chains upwards."""
    tree = doc_tree(verb.doc)
    key = ("subject", verb.i)
    got = tree.memo.get(key)
    if got is None:
        got = tree.memo[key] = _subject_at(tree, verb.i)
    return cast(tuple[Token | None, bool], got)


def _subject_at(tree: DocTree, v: int) -> tuple[Token | None, bool]:
    doc = tree.doc
    dep, kids_of, head, lower = tree.dep, tree.children, tree.head, tree.lower
    cur = v
    for _ in range(6):
        kids = kids_of[cur]
        agent = next((p for c in kids if dep[c] == "agent" for p in kids_of[c] if dep[p] == "pobj"), None)
        if agent is not None and (tree.tag[cur] == "VBN" or any(dep[c] == "auxpass" for c in kids)):
            return doc[agent], False
        subj = next((c for c in kids if dep[c] == "nsubj"), None)
        d = dep[cur]
        if subj is not None and tree.pos[subj] == "VERB":
            # "The Red Cross operating in Iraq said": a reduced relative clause parsed as the subject
            inner = next((c for c in kids_of[subj] if dep[c] == "nsubj" and c < subj), None)
            subj = inner if inner is not None else subj
        if subj is not None:
            if lower[subj] in _REL_PRONOUNS and d == "relcl":
                return doc[head[cur]], False
            return doc[subj], False
        if any(dep[c] == "nsubjpass" for c in kids):
            if tree.lemma[cur] in _STATIVE_PASSIVES or (  # "forces were engaged in ...": the subject acts
                tree.lemma[cur] in ("oppose", "commit") and any(dep[c] == "prep" and lower[c] == "to" for c in kids)
            ):  # "Israel is opposed to French mediation", "is committed to ...": a stance, not a passive
                return doc[next(c for c in kids if dep[c] == "nsubjpass")], False
            return None, True
        if d == "relcl":
            return doc[head[cur]], False
        purpose = d == "advcl" and any(dep[c] == "aux" and lower[c] == "to" for c in kids)
        if d == "conj" and not any(dep[c] == "auxpass" for c in kids):
            # "X was indicted by Y and will resign": the conjoined active verb shares X, not the agent Y
            shared = next((c for c in kids_of[head[cur]] if dep[c] == "nsubjpass"), None)
            if shared is not None:
                return doc[shared], False
        if d == "acl" and _second_subject_clause(tree, cur):
            return doc[head[cur]], False  # "Palestinian youths resorted to ..., officials said"
        if d == "acl" and (root_noun := _verbless_root(tree, cur)) is not None:
            return doc[root_noun], False  # "Doctors from two aid groups donated ...": the root noun acts
        if d == "acl" and tree.lemma[head[cur]] in _STATEMENT_NOUNS and dep[head[cur]] == "dobj":
            cur = head[head[cur]]  # "issued a declaration demanding ...": the issuer speaks
            continue
        if (
            d == "pcomp"
            and dep[head[cur]] == "prep"
            and lower[head[cur]] == "to"
            and tree.lemma[head[head[cur]]] in lexicon().frames
        ):
            cur = head[head[cur]]  # "resorted to throwing stones": a frame's gerund complement shares its subject
            continue
        if d in ("xcomp", "acomp", "conj", "ccomp") or purpose:
            h = head[cur]
            if d == "xcomp":
                obj = next((c for c in kids_of[h] if dep[c] == "dobj"), None)
                if obj is not None and tree.lemma[h] in _OBJECT_CONTROL:
                    return doc[obj], False
            cur = h
            continue
        if d == "ROOT":
            fronted = _fronted_subject(tree, cur)
            if fronted is not None:
                return doc[fronted], False
        break
    return None, False


def _active_past(tree: DocTree, v: int) -> bool:
    """Whether a participle clause on a noun reads as an active past predicate: a past tense (VBD, or conjoined
    with one), or a participle with a direct object or a frame's complement ("resorted to throwing").  A bare
    participle ("Three soldiers killed in Afghanistan", a headline) is the passive reading and stays one."""
    dep, kids = tree.dep, tree.children[v]
    if any(dep[c] in ("agent", "auxpass") for c in kids):
        return False
    if tree.tag[v] == "VBD" or any(dep[c] == "conj" and tree.tag[c] == "VBD" for c in kids):
        return True
    return tree.tag[v] == "VBN" and (any(dep[c] == "dobj" for c in kids) or tree.lemma[v] in lexicon().frames)


def _second_subject_clause(tree: DocTree, v: int) -> bool:
    """Whether a participle clause on a subject noun is the misread reported clause of "[X did Y], officials
    said": its noun is the first of two subjects of one verb (the reporting verb), and the clause is a past form
    without passive agent ("Palestinian youths resorted to throwing stones ..., officials said")."""
    dep, head = tree.dep, tree.head
    n = head[v]
    if dep[n] != "nsubj" or not _active_past(tree, v):
        return False
    verb = head[n]
    return any(c > v and dep[c] == "nsubj" for c in tree.children[verb]) and tree.lemma[verb] in _REPORT_VERBS


def _verbless_root(tree: DocTree, v: int) -> int | None:
    """For a participle clause on a noun in a sentence whose root is that noun's ancestor noun (no verb at all:
    "Doctors from two American aid groups donated and personally delivered goods to X" read as 'groups [that
    were] donated'), the root noun, when the clause is an active past predicate (``_active_past``).  None
    otherwise."""
    dep, head = tree.dep, tree.head
    if not _active_past(tree, v):
        return None
    cur = head[v]
    for _ in range(4):
        if dep[cur] == "ROOT":
            return cur if tree.pos[cur] in ("NOUN", "PROPN") else None
        if dep[cur] not in ("pobj", "prep", "compound", "amod"):
            return None
        cur = head[cur]
    return None


def _fronted_subject(tree: DocTree, v: int) -> int | None:
    """The subject the parser swallowed into a fronted phrase: "With the signing of a Memorandum, [the Sudanese
    government and SPLM/A] have agreed ..." read as conjuncts of 'Memorandum'.  A conjoined noun of a
    prepositional phrase before the verb, after a comma and ending right before the verb group, is its subject
    (only for a root verb without any subject)."""
    dep, kids = tree.dep, tree.children
    if any(dep[c] in ("nsubj", "nsubjpass", "expl", "csubj") for c in kids[v]):
        return None
    first = min([v] + [a for a in kids[v] if a < v and dep[a] in ("aux", "auxpass", "neg")])
    for p in kids[v]:
        if p >= first or dep[p] != "prep":
            continue
        sub = tree.subtree(p)
        if first - 1 not in sub:
            continue
        for k in sorted(sub):
            if dep[k] != "conj" or tree.pos[k] not in ("NOUN", "PROPN"):
                continue
            ks = tree.subtree(k)
            lo = min(ks)
            if max(ks) == first - 1 and lo > 0 and tree.lower[lo - 1] == ",":
                return k
        return None
    return None


#: Verbs that only say an event noun subject happens ("talks resumed", "riots continued", "clashes erupted").
_OCCURRENCE_VERBS = frozenset(
    {
        "continue",
        "resume",
        "begin",
        "start",
        "end",
        "erupt",
        "break",
        "escalate",
        "intensify",
        "spread",
        "rage",
        "persist",
        "occur",
        "happen",
        "take",
        "go",
        "enter",
        "conclude",
        "open",
    }
)

#: Roots of acts by state authorities (investigate, accuse/charge, coerce: arrest, detain, deport): an agentless
#: passive of them in a country is done by that country's authorities.
_AUTHORITY_ROOTS = frozenset({"09", "11", "17"})

#: Participles that, after "be", describe what the subject does ("were engaged / involved in fighting", "have been
#: demobilized": the fighters lay down arms; an agent, when named, still acts).
_STATIVE_PASSIVES = frozenset({"engage", "involve", "demobilize", "demobilise"})

#: Reporting verbs whose clausal complement is the reported content.
_REPORT_VERBS = frozenset(
    {
        "say",
        "tell",
        "announce",
        "state",
        "declare",
        "claim",
        "add",
        "insist",
        "stress",
        "reiterate",
        "affirm",
        "indicate",
        "report",
        "write",
        "believe",
        "think",
        "argue",
        "assert",
        "maintain",
        "confirm",
    }
)


#: Verbs that state a conclusion or position ('concluded that X must ...').
_DEMAND_STATEMENT_VERBS = frozenset({"conclude", "reiterate", "warn", "urge", "demand", "insist", "declare"})


_STATEMENT_VERBS = _REPORT_VERBS | _DEMAND_STATEMENT_VERBS

#: Roots of events whose clausal content is not asserted (appeal, intent, demand, rejection, threat).
_CONTENT_ROOTS = frozenset({"02", "03", "10", "12", "13"})

#: Auxiliaries of an announced future action.
_FUTURE_WORDS = frozenset({"will", "shall", "'ll", "wo"})
#: Modal auxiliaries that, with an if/unless condition, make an action a conditional offer or threat
#: ("may halt its mediation if ...", "would impose sanctions unless ...").
_MODAL_WORDS = frozenset({"would", "could", "may", "might", "'d"})
#: Frames of the subject's own intention (as opposed to forecasts: expected, likely, scheduled, due).
_INTENT_FRAMES = frozenset({"plan", "intend", "aim", "hope"})


def _speaker_for_pronoun(verb: Token) -> Token | None:
    """For a pronoun subject in reported speech ('Syria says it will ...'), the reporting verb's subject."""
    cur = verb
    for _ in range(5):
        if cur.dep_ in ("ccomp", "xcomp", "conj", "acomp") and cur.head is not cur:
            cur = cur.head
            if cur.lemma_.lower() in _REPORT_VERBS or cur.dep_ == "ROOT":
                subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ != "PRON":
                    return subj
        else:
            break
    return None


_OBJECT_CONTROL = frozenset(
    {"urge", "ask", "force", "order", "persuade", "press", "encourage", "invite", "call", "pressure", "pressurize"}
)


def _target_heads(verb: Token, match: Match, subj: Token | None) -> list[int]:
    """Direct target heads of a verb: passive subject, object/dative, then prepositional objects of the verb, its
    event noun and its object/complement (never the event noun itself nor the subject)."""
    if match.target_tok is not None:
        return [match.target_tok.i]
    doc = verb.doc
    tree = doc_tree(doc)
    dep, kids_of, lower = tree.dep, tree.children, tree.lower
    noun = match.noun.i if match.noun is not None else -1
    kids = kids_of[verb.i]
    out = [c for c in kids if dep[c] == "nsubjpass"]
    if match.code[:2] in ("02", "10"):  # "called for the United States to withdraw": the side asked to act
        out += [n for c in kids if _for_clause(doc[c]) for n in kids_of[c] if dep[n] == "nsubj"]
    out += [c for c in kids if dep[c] in ("dobj", "dative", "attr", "oprd") and c != noun]
    # "kidnapped up to 16 advisers": a quantity 'up to N' read as a particle with a prepositional object
    out += [
        p
        for c in kids
        if dep[c] in ("prt", "advmod") and lower[c] == "up"
        for g in kids_of[c]
        if dep[g] == "prep" and lower[g] == "to"
        for p in kids_of[g]
        if dep[p] == "pobj"
    ]
    holders = [verb.i] + ([noun] if noun >= 0 else [])
    for c in kids:
        if dep[c] in ("dobj", "xcomp") and c != noun:
            holders.append(c)
            holders += [g for g in kids_of[c] if dep[g] in ("dobj", "xcomp")]
            if dep[c] == "dobj":  # "launched artillery, mortar and rocket fire against X"
                holders += tree.conjuncts(c)
    if noun >= 0 and match.code[:2] >= "13":
        # "mounted an invasion of South Lebanon", "imposed a blockade of Serbia": a conflict noun's of-object
        out += [
            p for c in kids_of[noun] if dep[c] == "prep" and lower[c] == "of" for p in kids_of[c] if dep[p] == "pobj"
        ]
    for h in holders:
        for c in kids_of[h]:
            if dep[c] in ("prep", "dative") and lower[c] in _TARGET_PREPS:
                objs = [p for p in kids_of[c] if dep[p] == "pobj"]
                if not objs and not kids_of[c]:
                    objs = _dangling_object(tree, h, c)
                out.extend(objs)
    # lowest priority: the subject of a clausal complement ("demanded that X abandon ...")
    demand = match.code[:2] in ("02", "10")
    for c in kids:
        # "allow United Nations planes to land": an object read as the subject of a to-infinitive clause
        if dep[c] == "ccomp" and (demand or any(dep[a] == "aux" and lower[a] == "to" for a in kids_of[c])):
            out.extend(g for g in kids_of[c] if dep[g] in ("nsubj", "nsubjpass"))
    if demand:
        # "insisted on its demands that Burundi's government grant ...": the subject of the content clause of a
        # demand/appeal noun that is the verb's object
        nouns = [c for c in kids if dep[c] == "dobj"]
        nouns += [p for c in kids if dep[c] == "prep" for p in kids_of[c] if dep[p] == "pobj"]
        for n in nouns:
            if tree.lemma[n] in _DEMAND_NOUNS:
                for cl in kids_of[n]:
                    if dep[cl] in ("acl", "ccomp") and cl > n:
                        out.extend(g for g in kids_of[cl] if dep[g] in ("nsubj", "nsubjpass"))
    if tree.lemma[verb.i] in _GIVING:
        # "offered its troops to Lebanon's president": the recipient, not the thing given, is the target
        to_objs = [
            p
            for c in kids
            if (dep[c] == "prep" and lower[c] == "to") or dep[c] == "dative"
            for p in ([c] if dep[c] == "dative" and tree.pos[c] in ("NOUN", "PROPN", "PRON") else kids_of[c])
            if dep[p] == "pobj" or p == c
        ]
        out = to_objs + [i for i in out if i not in to_objs]
    skip = subj.i if subj is not None else -1
    return [i for i in out if i != skip]


#: Verbs of giving: the recipient (to-object or dative) is the target before the thing given.
_GIVING = frozenset(
    {"give", "offer", "provide", "hand", "deliver", "supply", "donate", "grant", "sell", "ship", "transfer", "lend"}
)


#: Nouns of acts by someone (not listed as event nouns): an action on them is aimed at their agent.
_AGENT_NOUNS = frozenset(
    {
        "demand",
        "call",
        "appeal",
        "request",
        "plea",
        "refusal",
        "decision",
        "proposal",
        "offer",
        "invitation",
        "ultimatum",
        "policy",
        "action",
        "activity",
        "occupation",
        "rule",
        "campaign",
        "effort",
        "statement",
        "remark",
        "comment",
        "accusation",
        "allegation",
        "claim",
        "violation",
        "crime",
        "abuse",
        "arrest",
        "detention",
        "execution",
        "killing",
        "involvement",
        "interference",
        "intervention",
        "aggression",
        "presence",
        "resignation",
        "removal",
        "ouster",
        "dismissal",
        "release",
        "return",
        "defiance",
        "pressure",
        "objection",
        "opposition",
        "protest",
        "warning",
        "membership",
        "accession",
        "candidacy",
        "application",
    }
)
#: Prepositions that introduce the agent of an act ("calls by X", "demands from X").
_AGENT_PREPS = frozenset({"by", "from"})


def _noun_agents(tree: DocTree, n: int, compounds: bool = True) -> list[int]:
    """Agent heads of an event/act noun: its possessor ("Sweden's decision"), its by/from object ("calls by
    Kofi Annan", "demands from UNITA") and the agent of a participle on it ("the demonstration staged by
    students"); a common-noun compound names the agent group too ("hostage-takers' demands", "rebel demands":
    'Iraq sanctions' is no agent, so proper names are left out)."""
    dep, kids, lower = tree.dep, tree.children, tree.lower
    out = [p for p in kids[n] if dep[p] == "poss" and tree.pos[p] != "PRON"]
    if compounds:
        out += [p for p in kids[n] if dep[p] == "compound" and p < n and tree.pos[p] == "NOUN"]
        # a nationality adjective names the agent too ("condemned the Iranian attack on Israel" -> IRN)
        out += [p for p in kids[n] if dep[p] == "amod" and p < n and tree.ent[p] == "NORP"]
    for ch in kids[n]:
        if dep[ch] == "prep" and lower[ch] in _AGENT_PREPS:
            out += [p for p in kids[ch] if dep[p] == "pobj"]
        elif dep[ch] == "acl" and tree.tag[ch] == "VBN":
            out += [p for a in kids[ch] if dep[a] == "agent" for p in kids[a] if dep[p] == "pobj"]
    return out


#: Sports sides: force verbs with them as subject are matches, not political events.
_SPORTS_NOUNS = frozenset(
    {"team", "squad", "club", "eleven", "striker", "goalkeeper", "player", "champion", "footballer"}
)
_SCORE_RE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")


def _sports(tree: DocTree, v: int, subj: int) -> bool:
    """Whether a force verb reports a match: a sports side as subject, or a score ('3-0') on the verb or its object."""
    if tree.lemma[subj] in _SPORTS_NOUNS and not tree.ent[subj]:
        return True
    low = tree.lower
    end = min(len(low), v + 10)
    for k in range(v + 1, end):  # a score right after the verb: '3-0' as one token or as '3', '-', '0'
        if _SCORE_RE.match(low[k]) or (
            low[k].isdigit() and k + 2 < len(low) and low[k + 1] in ("-", "–") and low[k + 2].isdigit()
        ):
            return True
    return False


def _reciprocal_possessor(tree: DocTree, n: int) -> bool:
    """Whether a noun is owned by the conjoined subjects themselves ("A and B agreed to let *their* troops
    train on *each other's* soil"): no other side."""
    for p in tree.children[n]:
        if tree.dep[p] != "poss":
            continue
        if tree.lower[p] == "their":
            return True
        if tree.lower[p] == "other" and any(tree.lower[d] in ("each", "one") for d in tree.children[p]):
            return True
        if tree.lower[p] == "other" and p > 0 and tree.lower[p - 1] in ("each", "one"):
            return True
    return False


def _dangling_object(tree: DocTree, holder: int, prep: int) -> list[int]:
    """The object of a preposition the parser left empty because it read the noun phrase after it as the subject
    of a clause ("granted asylum to [five officers holed up in ...]": 'officers' as the subject of 'holed')."""
    for c in tree.children[holder]:
        if c > prep and tree.dep[c] in ("advcl", "ccomp", "acl", "relcl", "conj", "xcomp"):
            for n in tree.children[c]:
                if tree.dep[n] in ("nsubj", "nsubjpass") and min(tree.subtree(n)) == prep + 1:
                    return [n]
    return []


def _condition_subjects(tree: DocTree, holders: list[int]) -> list[int]:
    """Subjects of if/unless clauses on the given verbs ('... unless Israel rescinds ...')."""
    out: list[int] = []
    for h in holders:
        for a in tree.children[h]:
            if tree.dep[a] == "advcl" and any(
                tree.dep[m] == "mark" and tree.lower[m] in ("if", "unless") for m in tree.children[a]
            ):
                out += [n for n in tree.children[a] if tree.dep[n] in ("nsubj", "nsubjpass")]
    return out


def _actor_ids(c: Cand) -> set[str]:
    return {s.actor_id for s in c.sources + c.targets if s.actor_id}


def _drop_cue_statements(cands: list[Cand]) -> list[Cand]:
    """One reported action, one event: a statement coded as criticism from cue words in its content ("...
    in protest against the violations, his lawyer said") is dropped when that content reports a coded action
    of its own (the hunger strike is the news, not the lawyer's statement)."""
    tree = None
    out = []
    for c in cands:
        if c.match.rule.endswith(":criticism-cue"):
            tree = tree or doc_tree(c.trigger.doc)
            content = {i for k in tree.children[c.trigger.i] if tree.dep[k] == "ccomp" for i in tree.subtree(k)}
            if any(o is not c and o.trigger.i in content for o in cands):
                continue
        out.append(c)
    return out


def _drop_subsumed(cands: list[Cand]) -> list[Cand]:
    """One action, one event: drop a candidate whose root and actors are covered by another in the sentence
    ('is meeting with Wang Yi ... to discuss' is one consultation)."""
    out = []
    for c in cands:
        ids = _actor_ids(c)
        covered = any(
            o is not c
            and o.match.code[:2] == c.match.code[:2]
            and ids <= _actor_ids(o)
            and (len(_actor_ids(o)) > len(ids) or o.trigger.i < c.trigger.i)
            and not (o.trigger.dep_ == "advcl" and o.trigger.head.i == c.trigger.i)  # its own purpose clause
            for o in cands
        )
        if not covered:
            out.append(c)
    return out


#: Dependents followed inside an object phrase when looking for an actor target.
_INNER_DEPS = frozenset({"dobj", "pobj", "prep", "poss", "amod", "compound", "nmod", "xcomp", "dative", "appos"})
_INNER_PREPS = frozenset(
    {"by", "from", "of", "to", "with", "against", "on", "toward", "towards", "into", "in", "for", "among", "as", "over"}
)


def _inner_dep(tree: DocTree, c: int) -> bool:
    d = tree.dep[c]
    if d == "conj":  # a conjoined noun of the phrase ("artillery, mortar and rocket fire against X")
        return tree.pos[c] in ("NOUN", "PROPN")
    return d in _INNER_DEPS and (d != "prep" or tree.lower[c] in _INNER_PREPS)


def _purpose(c: Token) -> bool:
    """A purpose infinitive ('sent troops to help X')."""
    return _purpose_i(doc_tree(c.doc), c.i)


def _for_clause(c: Token) -> bool:
    """An adverbial clause with its own subject introduced by 'for' ('called for the US to withdraw')."""
    tree = doc_tree(c.doc)
    kids = tree.children[c.i]
    return (
        tree.dep[c.i] == "advcl"
        and any(tree.dep[m] == "mark" and tree.lower[m] == "for" for m in kids)
        and any(tree.dep[n] == "nsubj" for n in kids)
    )


def _purpose_i(tree: DocTree, c: int) -> bool:
    return tree.dep[c] == "advcl" and any(tree.dep[a] == "aux" and tree.lower[a] == "to" for a in tree.children[c])


def _inner_target_heads(verb: Token, complement: Token | None, match: Match, subj: Token | None) -> list[int]:
    """Nominal tokens inside the verb's (and its folded complement's) object phrases, breadth first — the
    'first actor after the verb' of PETRARCH2, without entering clauses (relative, adverbial, reported)."""
    tree = doc_tree(verb.doc)
    kids, pos = tree.children, tree.pos
    v = verb.i
    out: list[int] = []
    frontier = [
        c
        for h in (verb, complement, match.noun)
        if h is not None
        for c in kids[h.i]
        if c > v and (_inner_dep(tree, c) or _purpose_i(tree, c))
    ]
    # a passive subject is the verb's object: look inside it too ("a camp for Congolese refugees was attacked")
    frontier += [g for c in kids[v] if tree.dep[c] == "nsubjpass" for g in kids[c] if _inner_dep(tree, g)]
    seen: set[int] = {subj.i} if subj is not None else set()
    for _ in range(6):  # three noun levels: a preposition is a level of its own ("part of a program for X")
        nxt: list[int] = []
        for tok in sorted(frontier):
            if tok in seen:
                continue
            seen.add(tok)
            if pos[tok] in ("NOUN", "PROPN", "ADJ"):
                out.append(tok)
                # "the return of property seized by government forces": the agent of a participle on a noun
                nxt += [
                    a
                    for c in kids[tok]
                    if tree.dep[c] == "acl" and tree.tag[c] == "VBN"
                    for a in kids[c]
                    if tree.dep[a] == "agent"
                ]
            cultural = tree.lemma[tok] in _CULTURAL_NOUNS  # "the Russian language" names no actor
            nxt += [c for c in kids[tok] if _inner_dep(tree, c) and not (cultural and tree.dep[c] in _MOD_DEPS)]
            if tree.lemma[tok] in _CONTENT_NOUNS:
                # "rejected an invitation to attend a meeting of Palestinian factions": the infinitive that says
                # what the invitation, plan or call is about
                nxt += [
                    c
                    for c in kids[tok]
                    if tree.dep[c] == "acl" and any(tree.dep[a] == "aux" and tree.lower[a] == "to" for a in kids[c])
                ]
        frontier = nxt
    return out


#: Verbs of sending or moving whose purpose clause carries the news ('sent inspectors to investigate').
_CONVEYANCE = frozenset(
    {"send", "dispatch", "despatch", "deploy", "mobilize", "mobilise", "travel", "go", "come", "fly", "arrive"}
)


def _fold_purpose(cands: list[Cand]) -> list[Cand]:
    """One action, one event: a purpose infinitive ('telephoned X to discuss', 'staged rallies to demand')
    is part of its governor's event when both have the same source.  The governor's event is kept, unless
    the governor only conveys people or things ('sent inspectors to investigate', 'mobilized groups to
    support'): then the purpose is the event and inherits the governor's target."""
    by_tok = {c.trigger.i: c for c in cands}
    drop: set[int] = set()
    frames = lexicon().frames
    for c in cands:
        t = c.anchor or c.trigger
        while t.dep_ == "xcomp" and frames.get(t.head.lemma_.lower()) == "transparent":
            t = t.head  # "sent troops to help defend X": the purpose is 'help defend'
        if not _purpose(t):
            continue
        g = by_tok.get(t.head.i)
        if g is None or g.trigger.i in drop:
            continue
        src_c = {s.actor_id for s in c.sources if s.actor_id}
        src_g = {s.actor_id for s in g.sources if s.actor_id}
        if src_c and src_g and not src_c & src_g:
            continue
        if g.trigger.lemma_.lower() in _CONVEYANCE and g.match.noun is None:
            if not any(x.actor_id for x in c.targets):
                c.targets = list(g.targets)
            drop.add(g.trigger.i)
        else:
            drop.add(c.trigger.i)
    return [c for c in cands if c.trigger.i not in drop]


def _locative_objects(verb: Token, match: Match, complement: Token | None) -> list[int]:
    """Objects of in/into/from attached to the verb, its complement or their objects (last-resort targets)."""
    tree = doc_tree(verb.doc)
    dep, kids, lower = tree.dep, tree.children, tree.lower
    holders = [verb.i] + ([complement.i] if complement is not None else []) + ([match.noun.i] if match.noun else [])
    holders += [c for h in list(holders) for c in kids[h] if dep[c] in ("dobj", "nsubjpass")]
    return [
        p
        for h in holders
        for c in kids[h]
        if dep[c] == "prep" and lower[c] in ("in", "into", "from", "inside")
        for p in kids[c]
        if dep[p] == "pobj"
    ]


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    """CAMEO codes of states (not international or non-state codes), from the actor country table."""
    from eventwire.knowledge import read_tsv

    return frozenset(r["code"] for r in read_tsv("countries.tsv") if r.get("kind") == "country")


@lru_cache(maxsize=4096)
def _place_country(name: str) -> str | None:
    """Country code of a place name standing for its population (``actors.place_actor``), cached per process."""
    from eventwire.stages.actors import place_actor

    actor = place_actor(name)
    return actor.country if actor is not None and actor.country else None


_BACKGROUND_MARKS = frozenset({"after", "since", "when", "before", "as", "while", "following", "because", "until"})


def _in_background(tok: Token) -> bool:
    """Whether a trigger sits in a background clause: relative/participial clauses, temporal/causal adverbials."""
    tree = doc_tree(tok.doc)
    deps, lower, heads = tree.dep, tree.lower, tree.head
    cur = tok.i
    for _ in range(8):
        dep = deps[cur]
        if dep in ("relcl", "acl"):
            # the acl may be the misread main verb or reported clause
            return dep == "relcl" or (_verbless_root(tree, cur) is None and not _second_subject_clause(tree, cur))
        if (
            dep in ("advcl", "pcomp")
            # "was quoted as saying ...": the report itself, no background
            and not (dep == "pcomp" and lower[heads[cur]] == "as" and tree.lemma[cur] in _REPORT_VERBS)
        ) and (
            any(deps[c] == "mark" and lower[c] in _BACKGROUND_MARKS for c in tree.children[cur])
            or lower[heads[cur]] in _BACKGROUND_MARKS
            or tree.tag[cur] in ("VBG", "VBN")
        ):
            return True
        if heads[cur] == cur:
            return False  # the root: checking it again gives the same answer
        cur = heads[cur]
    return False


def _clause_tokens(tok: Token) -> set[int]:
    return doc_tree(tok.doc).subtree(tok.i)


class Coder:
    """Codes one document."""

    def __init__(self, doc: Doc, analysis: Analysis, ctx: Context) -> None:
        self.doc, self.analysis, self.ctx = doc, analysis, ctx
        self.lex = lexicon()
        self.res = Resolver(doc, analysis, ctx)
        self._quote_cues: list[bool | None] | None = None  # per quote: has a criticism cue word (on first use)
        self._cue_index: tuple[dict[int, list[int]], dict[tuple[int | None, int | None], list[int]]] | None = None
        self._place_countries: dict[tuple[int, int], str] | None = None  # places stage's readings, on first use
        self._place_features: dict[tuple[int, int], str] | None = None
        self._place_waters: set[tuple[int, int]] | None = None
        self._mention_kinds: dict[tuple[int, int], str] | None = None
        self.noun_keys = noun_words(self.lex)

    def sentence(self, sent: Span) -> list[Cand]:
        """Candidates of one sentence (frames resolved, capped)."""
        cands: dict[int, Cand] = {}
        doc = self.doc
        tree = doc_tree(doc)
        deps, poses, lemmas, lowers = tree.dep, tree.pos, tree.lemma, tree.lower
        noun_keys = self.noun_keys
        for i in range(sent.start, sent.end):
            m: Match | None = None
            dep = deps[i]
            if dep in _NOT_PREDICATE:
                continue
            pos = poses[i]
            if pos == "VERB" and dep in _NOMINAL_SLOTS and (tree.tag[i] != "VBG" or dep.startswith("csubj")):
                if dep == "csubj" and lemmas[tree.head[i]] == "be":
                    # "removing the sanctions is out of the question": the statement rules the action out
                    m = self._ruled_out(i)
                    if m is not None:
                        h = doc[tree.head[i]]
                        cands[h.i] = Cand(h, m, anchor=h, complement=doc[i], action=m.rev_code)
                        m.rev_code = ""
                continue  # "evacuated the wounded"; a gerund ("fighting between X and Y continued") stays
            if pos == "VERB" or (pos == "AUX" and dep == "ROOT" and lemmas[i] != "be"):
                tok = doc[i]
                if lemmas[i] in _JOINT_VERBS and any(
                    deps[k] == "advmod" and lowers[k] in ("jointly", "together") for k in tree.children[i]
                ):
                    # "A and B will jointly develop jet engines", "built the plant together with X": joint
                    # production is material cooperation (06; patrols and exercises military 062)
                    m = Match("062" if lemmas[i] in ("patrol", "train") else "060", "", 1.0, "own:jointly")
                elif not may_code(tree, i, self.lex):
                    continue
                else:
                    m = code_verb(tok, self.lex)
                if m is None and lemmas[i] == "commit" and self._commitment(i):
                    # "Vietnam is committed to opening up the economy": a declared commitment is a statement of
                    # intent (CAMEO 030) of its subject; a coded complement recodes it through the intent frame
                    m = Match("030", "", 0.5, "own:committed-to")
                if m is None or m.code in ("01", "010"):
                    m = self._reporting_criticism(tok) or m
                elif dep in _NOMINAL_SLOTS and self._between(i):
                    # a gerund used as an event noun: "fighting between the army and the RSF continued"
                    m = Match(m.code, m.code, 1.0, f"nominal:{tok.lower_}:between", symmetric=True, noun=tok)
            elif (
                pos in ("NOUN", "PROPN")
                and (lowers[i] in noun_keys or lemmas[i] in noun_keys)
                and noun_code_at(tree, i, self.lex) is not None
            ):
                tok = doc[i]
                m = self._nominal(tok)
            if m is not None and normalise_code(m.code) is not None:
                cands[i] = Cand(tok, m, anchor=tok)
        for i in [j for j in range(sent.start, sent.end) if lemmas[j] in _STATEMENT_VERBS]:
            if i not in cands or cands[i].match.code in ("01", "010"):
                tok = doc[i]
                m = self._must_statement(tok, cands)
                if m is not None:
                    cands[i] = Cand(tok, m, anchor=tok)
        light_nouns = {
            c.match.noun.i for c in cands.values() if c.match.noun is not None and c.match.noun is not c.trigger
        }
        for i in list(cands):
            if i in light_nouns and cands[i].match.rule.startswith("nominal"):
                del cands[i]
        for c in list(cands.values()):
            if c.match.rule.endswith(":subject") and c.match.noun is not None:
                cands.pop(c.match.noun.head.i, None)  # "riots are continuing": the riots, not a continuation
        self._frames(sent, cands)
        self._intent_statements(cands)
        self._fold_complements(cands)
        self._drop_unasserted(cands)
        out: list[Cand] = []
        for c in cands.values():
            if c.absorbed or c.match.code in ("01", "010"):
                continue
            if self._arguments(c):
                out.append(c)
        out = _drop_subsumed(out)
        if len(out) > 1:
            out = _drop_cue_statements(out)
        main = [c for c in out if not _in_background(c.anchor or c.trigger)]
        # background clauses (relative, participial, 'after/since/when ...'): only specific patterns, and only
        # when the sentence has no main-clause event
        out = main or [c for c in out if c.match.weight >= 1]
        out = _fold_purpose(out)
        out.sort(key=lambda c: -c.match.weight)
        return sorted(out[:MAX_PER_SENTENCE], key=lambda c: c.trigger.i)

    def _place_sides(self, c: Cand) -> None:
        """Targets that are only places named in a from/in phrase ("the besieged Bosnian town of Gorazde").
        A retreat (08) from a place of the source's own state is no concession to anyone: no target ("their
        forces completed their withdrawal from the Bosnian town of X").  An action on people who are no actor
        ("evacuated the wounded / residents from the Bosnian town of X") is done to that place's civilians: the
        place's country + CVL."""
        if not c.targets:
            return
        res, tree = self.res, self.res.tree
        dep, kids, lower, head = tree.dep, tree.children, tree.lower, tree.head

        def country(sd: Side) -> str:
            if sd.code:
                return sd.code[:3]
            actor = res.actors.get(sd.actor_id) if sd.actor_id else None
            return str(actor.country or "") if actor is not None and not actor.sectors else ""

        def place_phrase(sd: Side) -> str:
            """The preposition of the from/in phrase naming the side's place ('' when it is no such place)."""
            h = _char_root(self.doc, sd.start, sd.end)
            for _ in range(4):
                if h is None:
                    return ""
                if dep[h] == "pobj" and lower[head[h]] == "of":
                    h = head[head[h]]  # "the town of Gorazde"
                    continue
                if dep[h] in ("amod", "compound", "appos"):
                    h = head[h]  # "the Bosnian town"
                    continue
                break
            if h is None or dep[h] != "pobj" or lower[head[h]] not in ("from", "in", "inside"):
                return ""
            if tree.pos[h] != "PROPN" and tree.lemma[h] not in _POPULATED_PLACES and tree.lemma[h] not in _REGIONS:
                return ""
            return str(lower[head[h]])

        verbs = [c.trigger.i] + ([c.complement.i] if c.complement is not None else [])
        if c.match.code[:2] == "08":
            own = {country(sd) for sd in c.sources} - {""}
            own |= {
                a.country
                for sd in c.sources
                if sd.actor_id and (a := res.actors.get(sd.actor_id)) is not None and a.country
            }
            c.targets = [sd for sd in c.targets if not (country(sd) in own and place_phrase(sd) == "from")]
        people = [
            o
            for v in verbs
            for o in kids[v]
            if dep[o] in ("dobj", "nsubjpass")
            and (tree.lemma[o] in _PEOPLE_NOUNS or (tree.tag[o] == "VBN" and tree.pos[o] == "VERB"))
            and not res.sides(o, allow_text=False)
        ]
        if people:
            for sd in c.targets:
                cc = country(sd)
                if cc in _states() and place_phrase(sd):
                    sd.code = cc + "CVL"

    def _violent_protest(self, c: Cand) -> None:
        """Force used by protesters during their own demonstrations ("youths resorted to throwing stones during
        demonstrations against X") is a violent protest (CAMEO 145, whose codebook example this is), aimed at what
        the demonstrations are against.  Only for non-state sources and a protest noun (14) in a during/amid phrase
        of the action or of the frame verb above it."""
        res, tree = self.res, self.res.tree
        dep, kids, lower = tree.dep, tree.children, tree.lower
        for sd in c.sources:
            actor = res.actors.get(sd.actor_id) if sd.actor_id else None
            if actor is None or set(actor.sectors) & _AUTHORITY_SECTORS:
                return
        verbs = [c.trigger.i]
        cur = c.trigger.i
        for _ in range(3):  # "resorted to throwing stones during ...": the phrase may sit on the frame verb
            if dep[cur] != "pcomp" and dep[cur] != "xcomp":
                break
            cur = tree.head[tree.head[cur]] if dep[cur] == "pcomp" else tree.head[cur]
            verbs.append(cur)
        for v in verbs:
            for k in kids[v]:
                if dep[k] != "prep" or lower[k] not in ("during", "amid"):
                    continue
                for n in kids[k]:
                    code = noun_code_at(tree, n, self.lex) if dep[n] == "pobj" else None
                    if code is None or code[0][:2] != "14":
                        continue
                    against = [
                        p
                        for q in kids[n]
                        if dep[q] == "prep" and lower[q] in ("against", "over", "at")
                        for p in kids[q]
                        if dep[p] == "pobj"
                    ]
                    c.match.code, c.match.rev_code, c.match.symmetric = "145", "", False
                    c.match.rule += "+during-protest"
                    if against:
                        c.match.target_tok = self.doc[against[0]]
                    return

    def _speaking_government(self, c: Cand, sources: list[Side]) -> list[Side]:
        """A state's stance reported by its own government ("Minister X said Vietnam is committed to ...", "the
        foreign ministry said Iran will not accept ..."): the bare country subject of the reported content is
        the speaking government, whose actor keeps the country and adds the sector."""
        res = self.res
        if not all(res.is_country(sd) for sd in sources):
            return sources
        cur = (c.anchor or c.trigger).i
        tree = res.tree
        for _ in range(3):  # up through conjoined/complement verbs to the reported clause
            if tree.dep[cur] == "ccomp" and tree.lemma[tree.head[cur]] in _REPORT_VERBS:
                break
            if tree.dep[cur] not in ("conj", "xcomp") or tree.head[cur] == cur:
                return sources
            cur = tree.head[cur]
        else:
            return sources
        speaker, _ = _subject(self.doc[tree.head[cur]])
        if speaker is None:
            return sources
        countries = {res.actors[sd.actor_id].country for sd in sources if sd.actor_id}
        found = [
            sd
            for sd in res.sides(speaker, allow_text=False)
            if sd.actor_id
            and (a := res.actors.get(sd.actor_id)) is not None
            and a.country in countries
            and set(a.sectors) & _AUTHORITY_SECTORS
        ]
        return found if len(found) == len(countries) == 1 else sources

    def _ruled_out(self, i: int) -> Match | None:
        """An action ruled out by an idiom of refusal on its clausal subject ("removing the sanctions on Burma is
        out of the question / off the table / not an option") is a rejection of that action (mirrored to 12x) by
        whoever states it; the action's own code travels in ``rev_code`` until the candidate is built."""
        tree = self.res.tree
        dep, kids, lower = tree.dep, tree.children, tree.lower
        be = tree.head[i]
        words = {lower[k] for k in kids[be]}
        ruled = False
        for k in kids[be]:
            if dep[k] == "prep" and lower[k] in ("out", "off"):
                sub = [lower[x] for x in sorted(tree.subtree(k))]
                ruled = ruled or sub[-2:] == ["the", "question"] or sub[-2:] == ["the", "table"]
            elif dep[k] == "attr" and lower[k] == "option" and ("not" in words or "no" in {lower[x] for x in kids[k]}):
                ruled = True
        if not ruled:
            return None
        m = code_verb(self.doc[i], self.lex)
        if m is None or m.code in ("01", "010"):
            return None
        new = mirror_code("reject", m.code) if "03" <= m.code[:2] <= "08" else None
        return Match(new or "120", m.code, max(m.weight, 1.0), f"ruled-out>{m.rule}")

    def _commitment(self, i: int) -> bool:
        """Whether 'commit' at ``i`` is the stance 'be committed to (doing) X' (a passive participle with a
        to-phrase and no object), not 'committed troops to' or 'committed atrocities'."""
        tree = self.res.tree
        kids = tree.children[i]
        return (
            tree.tag[i] == "VBN"
            and any(tree.dep[k] == "auxpass" for k in kids)
            and any(tree.dep[k] == "prep" and tree.lower[k] == "to" for k in kids)
            and not any(tree.dep[k] in ("dobj", "agent") for k in kids)
        )

    def _drop_unasserted(self, cands: dict[int, Cand]) -> None:
        """Actions that are not asserted are no events of their own: the condition of a conditional ("... if war
        starts", "unless Israel rescinds ...") and the content of a demand, appeal, offer, rejection or threat
        event ("demanded that Y refuse to recognize Z", "refused to allow planes to land and evacuate ...")."""
        live = {i: c for i, c in cands.items() if not c.absorbed}
        tree = doc_tree(self.doc)
        deps, lowers, lemmas, poses, heads, kids = tree.dep, tree.lower, tree.lemma, tree.pos, tree.head, tree.children
        for c in live.values():
            node, clausal, forcl = c.trigger.i, False, False
            for _ in range(12):
                dep = deps[node]
                if dep == "advcl" and any(deps[m] == "mark" and lowers[m] in ("if", "unless") for m in kids[node]):
                    c.absorbed = True
                    break
                clausal = clausal or dep in ("ccomp", "xcomp", "acl")
                forcl = node == c.trigger.i and dep == "advcl" and _for_clause(self.doc[node])
                head = heads[node]
                if head == node:
                    break
                if dep in ("acl", "ccomp") and poses[head] == "NOUN" and lemmas[head] in _CONTENT_NOUNS and node > head:
                    c.absorbed = True  # the content of a demand, offer, plan ... is not an asserted action
                    break
                if dep == "ccomp" and any(
                    o < node and deps[o] == "dobj" and lemmas[o] in _CONTENT_NOUNS for o in kids[head]
                ):
                    c.absorbed = True  # "reiterated its demand today that Y ease ...": the noun's content clause
                    break
                hc = live.get(head)
                if (
                    dep == "advcl"
                    and hc is not None
                    and hc is not c
                    and not hc.absorbed
                    and hc.match.code[:2] in ("02", "10")
                    and _purpose_i(tree, node)
                ):
                    c.absorbed = True  # "called on Arabs to unite and mobilize against X": what is appealed for
                    break
                if (
                    (clausal or forcl)
                    and hc is not None
                    and hc is not c
                    and not hc.absorbed
                    and hc.match.code[:2] in _CONTENT_ROOTS
                    and (
                        forcl  # "is pushing for the US to support ...": what is pushed for
                        or hc.complement is not None
                        or hc.match.rule.startswith(("frame:", "statement:", "own:demand"))
                    )
                ):
                    c.absorbed = True
                    break
                node = head

    def _fold_complements(self, cands: dict[int, Cand]) -> None:
        """An infinitive/gerund complement of a coded verb is part of that verb's event, not an asserted action
        of its own ('stop supplying X' is the stopping; 'urged Y to stop supplying X' is the appeal)."""
        for c in cands.values():
            t = c.trigger
            if c.absorbed or t.dep_ != "xcomp":
                continue
            head = t.head
            if head.i in cands and head.i != t.i and head.lemma_.lower() not in self.lex.frames:
                c.absorbed = True

    def _between(self, i: int) -> bool:
        """Whether the token has 'between A and B' (two or more conjoined objects)."""
        tree = doc_tree(self.doc)
        objs = [
            p
            for c in tree.children[i]
            if tree.dep[c] == "prep" and tree.lower[c] == "between"
            for p in tree.children[c]
            if tree.dep[p] == "pobj"
        ]
        return bool(objs) and len(tree.conjuncts(objs[0])) >= 1

    def _nominal(self, noun: Token) -> Match | None:
        nc = noun_code(noun, self.lex)
        if nc is None:
            return None
        between = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "between" for p in c.children]
        between = [p for p in between if p.dep_ == "pobj"]
        if between and len([between[0], *between[0].conjuncts]) >= 2:
            return Match(nc[0], nc[0], 1.0, f"nominal:{noun.lower_}:between", symmetric=True, noun=noun)
        if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in _OCCURRENCE_VERBS:
            # "Palestinian riots against Israel are continuing": the event noun is the news, its actor the source
            return Match(
                nc[0], nc[0] if nc[1] else "", 1.0, f"nominal:{noun.lower_}:subject", symmetric=nc[1], noun=noun
            )
        return None

    def _reporting_criticism(self, verb: Token) -> Match | None:
        """A statement whose reported content is a complaint (negative-evaluation cues) = disapproval (11x)."""
        lemma = verb.lemma_.lower()
        entry = self.lex.verbs.get(lemma)
        if entry is None or entry.defaults.get("", ("", "", ""))[0] not in ("010", "01"):
            return None
        if not (self._content_cued(verb) or self._quote_cued(verb)):
            return None
        addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        return Match("111", "", 0.5, f"statement:{lemma}:criticism-cue", target_tok=addressee)

    @staticmethod
    def _content_cued(verb: Token) -> bool:
        """Whether the verb's reported content has a criticism cue."""
        tree = doc_tree(verb.doc)
        lower = tree.lower
        for c in tree.children[verb.i]:
            dep = tree.dep[c]
            # "X told Y that A, but B": the parser often hangs B on the reporting verb as a conjunct
            content = dep in ("ccomp", "parataxis") or (
                dep == "conj" and c > verb.i and tree.lemma[c] not in _REPORT_VERBS
            )
            if content and any(lower[t] in _CRIT_CUES for t in tree.subtree(c)):
                return True
        return False

    def _quote_cued(self, verb: Token) -> bool:
        """Whether a quote of this cue verb (or of its speaker, when the quote has no cue) has a criticism cue."""
        quotes = self.analysis.quotes
        if not quotes:
            return False
        if self._quote_cues is None:
            self._quote_cues = [None] * len(quotes)  # per quote, filled on first look (most are never read)
        flags = self._quote_cues

        def cue_in(n: int) -> bool:
            got = flags[n]
            if got is None:
                got = flags[n] = any(w.lower() in _CRIT_CUES for w in _WORD_RE.findall(quotes[n].text))
            return got

        if self._cue_index is None:  # character offset inside a cue -> quotes it cues; cue-less quotes by speaker
            by_offset: dict[int, list[int]] = {}
            by_speaker: dict[tuple[int | None, int | None], list[int]] = {}
            for n, q in enumerate(quotes):
                if q.cue_start is not None:
                    for off in range(q.cue_start, q.cue_end or q.cue_start):
                        by_offset.setdefault(off, []).append(n)
                else:
                    by_speaker.setdefault((q.speaker_start, q.speaker_end), []).append(n)
            self._cue_index = (by_offset, by_speaker)
        by_offset, by_speaker = self._cue_index
        cued = by_offset.get(verb.idx, [])
        if any(cue_in(n) for n in cued):
            return True
        speakers = {
            (quotes[n].speaker_start, quotes[n].speaker_end) for n in cued if quotes[n].speaker_start is not None
        }
        return any(cue_in(n) for sp in speakers for n in by_speaker.get(sp, ()))

    def _frames(self, sent: Span, cands: dict[int, Cand]) -> None:
        for c in sorted(cands.values(), key=lambda c: -c.trigger.i):
            if not c.match.rule.startswith("ruled-out>"):  # "is not an option": the 'not' is the rejection itself
                c.modality = own_modality(c.trigger)
        for c in sorted(cands.values(), key=lambda c: -c.trigger.i):
            t = c.trigger
            cur = t
            if t.lemma_.lower() in _REPORT_VERBS or t.lemma_.lower() == "quote":
                continue  # a reporting clause is never the content of a frame ("..., diplomats quoted X as saying")
            for _ in range(4):
                # "have sworn [advcl] to fight": a pledge read as a purpose clause
                purpose = _purpose(cur) and self.lex.frames.get(cur.head.lemma_.lower()) in ("intent", "threat")
                if cur.dep_ == "advcl" and cur.head.lemma_.lower() in _CONVEYANCE and _purpose(cur):
                    # "is willing to send troops to help defend X": the purpose of a conveyance is the action
                    # (see _fold_purpose), so the frames above the conveyance apply to it
                    cur = cur.head
                    continue
                # "is committed to opening up the economy": a gerund after 'to' is the frame's complement
                to_gerund = cur.dep_ == "pcomp" and cur.head.lower_ == "to" and cur.head.dep_ == "prep"
                # "called for the United States to withdraw": the for-clause of an appeal or demand is its content
                purpose = purpose or (
                    _for_clause(cur) and self.lex.frames.get(cur.head.lemma_.lower()) in ("appeal", "demand")
                )
                if (
                    cur.dep_ not in ("xcomp", "ccomp")
                    and not (cur.dep_ == "conj" and cur.head.dep_ == "xcomp")
                    and not purpose
                    and not to_gerund
                ):
                    break
                head = cur.head if cur.dep_ != "conj" and not to_gerund else cur.head.head
                kind = self.lex.frames.get(head.lemma_.lower())
                if kind is None and cur.dep_ == "ccomp" and head.lemma_.lower() in _STATEMENT_VERBS:
                    self._reported_statement(c, head, cands)
                    break
                if kind is None:
                    break
                if cur.dep_ == "ccomp" and kind not in ("intent", "threat", "demand", "reject"):
                    break
                if kind == "transparent":
                    if head.i in cands and head.i != t.i:
                        cands[head.i].absorbed = True
                    cur = head
                    continue
                if kind in ("future", "hypothetical", "negated"):
                    if head.i in cands and head.i != t.i:
                        cands[head.i].absorbed = True
                    hm = own_modality(head)
                    if kind == "negated" and head.lemma_.lower() == "fail" and "03" <= c.match.code[:2] <= "08":
                        # "failed to reach agreement / to meet demands": a cooperation not given is a rejection
                        new = mirror_code("reject", c.match.code)
                        if new:
                            c.action = c.action_code
                            c.match.code, c.match.rev_code = new, ""
                            c.match.rule += "+frame:fail"
                    if kind == "negated" or hm == "negated":
                        c.modality = "negated"
                    elif kind == "hypothetical" or hm == "hypothetical":
                        c.modality = "hypothetical"
                        kind2 = (
                            "threat"
                            if int(c.match.code[:2]) >= 14
                            else ("intent" if int(c.match.code[:2]) >= 4 else "")
                        )
                        new = mirror_code(kind2, c.match.code) if kind2 else None
                        if new:
                            c.action = c.action_code
                            c.match.code, c.match.rev_code = new, ""
                            c.match.symmetric = False
                            c.match.rule += f"+frame:{head.lemma_.lower()}"
                    elif c.modality == "asserted":
                        c.modality = "future"
                    cur = head if head.pos_ in ("VERB", "AUX") else head.head
                    if head.dep_ == "acomp":
                        cur = head
                        continue
                    continue
                # event-bearing frame: fold the complement into the frame verb's event
                new = mirror_code(kind, c.match.code)
                fc = cands.get(head.i)
                if fc is not None and fc.match.weight >= 1 and fc.match.rule.startswith("petrarch2"):
                    c.absorbed = True
                    break
                base = fc.match if fc is not None else code_verb(head, self.lex)
                code = new or (base.code if base else None)
                if code is None:
                    break
                tgt = c.match.target_tok or (base.target_tok if base else None)
                m = Match(code, "", max(c.match.weight, 1.0), f"frame:{head.lemma_.lower()}>{c.match.rule}", tgt)
                m.noun = c.match.noun
                cands[head.i] = Cand(
                    head, m, modality=own_modality(head), anchor=head, complement=t, action=c.action_code
                )
                c.absorbed = True
                break

    def _intent_statements(self, cands: dict[int, Cand]) -> None:
        """The CAMEO codebook codes an actor's announced future action as the statement of intent, not the
        action: "X will provide aid / visit Y" is 033 / 036 (03x mirrors 04-08), "X will impose sanctions" a
        threat (13x mirrors 14-20), "X will not accept Y" a rejection (12x).  Applies to the actor's own
        future ('will', 'shall', or an intention frame: plan, intend, aim, hope); forecasts by others
        ('is expected / likely / scheduled to') keep the action code with modality "future"."""
        for c in cands.values():
            if c.absorbed or c.match.rule.startswith(("frame:", "statement:", "light:")) or "+frame" in c.match.rule:
                continue
            t = c.trigger
            root = int(c.match.code[:2]) if c.match.code[:2].isdigit() else 0
            head_free = t.head.i not in cands or cands[t.head.i].absorbed
            if t.dep_ == "xcomp" and t.head.lemma_.lower() in _INTENT_FRAMES and head_free:
                anchor = t.head
            elif t.dep_ not in ("xcomp", "pcomp", "acl", "relcl", "advcl", "amod"):
                anchor = t
            else:
                continue
            tree = self.res.tree
            deps, lowers, kids = tree.dep, tree.lower, tree.children
            anchor_kids = kids[anchor.i]
            auxes = {lowers[a] for a in anchor_kids if deps[a] in ("aux", "auxpass")}
            if anchor is t and not auxes & _FUTURE_WORDS and not auxes & _MODAL_WORDS:
                continue  # neither future nor conditional (a conditional needs a modal)
            negated = any(deps[a] == "neg" for a in anchor_kids)
            conditional = bool(auxes & _MODAL_WORDS) and any(
                deps[a] == "advcl" and any(deps[m] == "mark" and lowers[m] in ("if", "unless") for m in kids[a])
                for a in anchor_kids
            )
            if anchor is t and not auxes & _FUTURE_WORDS and not conditional:
                continue
            subj, _ = _subject(anchor)
            if subj is None or not self.res.sides(subj, allow_text=False):
                continue  # an actor announces its own plans; "aid will reach ..." is no statement of intent
            if negated:
                kind = "reject" if 3 <= root <= 8 else ""
            else:
                kind = "intent" if 4 <= root <= 8 else ("threat" if root >= 14 else "")
            new = mirror_code(kind, c.match.code) if kind else None
            if not new:
                continue
            c.action = c.action_code
            c.match.code, c.match.rev_code, c.match.symmetric = new, "", False
            word = ("if" if conditional else "will") if anchor is t else anchor.lemma_.lower()
            c.match.rule += f"+{kind}:{word}"
            c.modality = "negated" if negated else ("hypothetical" if conditional else "future")

    def _reported_statement(self, c: Cand, head: Token, cands: dict[int, Cand]) -> None:
        """'X said Y must ...' = demand/appeal by X; 'X said it will ...' = intent/threat by X (CAMEO)."""
        t = c.trigger
        tree = self.res.tree
        deps, kids = tree.dep, tree.children[t.i]
        auxes = {tree.lower[a] for a in kids if deps[a] in ("aux", "auxpass")}
        subj, _ = _subject(t)
        speaker, _ = _subject(head)
        negated = any(deps[a] == "neg" for a in kids)
        # an intent code (03x) is already a statement, except when negated (rejection) or required of another
        # side ("X said Y must agree / ensure ..." is X's demand)
        open_03 = negated or bool(auxes & {"must", "should", "ought"})
        closed = ("01", "02", "10", "11", "12", "13") if open_03 else ("01", "02", "03", "10", "11", "12", "13")
        if speaker is None or c.match.code[:2] in closed:
            return
        root = int(c.match.code[:2])
        kind = ""
        target: Token | None = c.match.target_tok
        if auxes & {"must", "should", "ought"}:
            if subj is None or self._same_side(subj, speaker):
                return
            kind, target = ("demand" if "must" in auxes else "appeal"), subj
        elif auxes & {"will", "would", "shall", "'ll", "wo"}:
            if subj is not None and not self._same_side(subj, speaker):
                return
            # "unless" makes a coercive condition (threat); "if" only qualifies an offer (CAMEO 03x stays)
            coercive = any(
                g.dep_ == "mark" and g.lower_ == "unless" for a in t.children if a.dep_ == "advcl" for g in a.children
            )
            if negated:
                kind = "reject" if 3 <= root <= 8 else ""
            else:
                kind = "threat" if root >= 14 or coercive else ("intent" if root >= 4 else "")
        if not kind:
            return
        new = mirror_code(kind, c.match.code)
        if new is None:
            return
        m = Match(new, "", max(c.match.weight, 1.0), f"statement:{head.lemma_.lower()}>{c.match.rule}", target)
        m.noun = c.match.noun
        cands[head.i] = Cand(head, m, modality=own_modality(head), anchor=head, complement=t, action=c.action_code)
        c.absorbed = True

    def _must_statement(self, verb: Token, cands: dict[int, Cand]) -> Match | None:
        """'X declared that Y must ...' with an uncoded action: a demand (CAMEO 100; 'should' = appeal 020)."""
        tree = doc_tree(verb.doc)
        dep, lower, kids = tree.dep, tree.lower, tree.children
        for ci in kids[verb.i]:
            if dep[ci] != "ccomp" or ci in cands:
                continue
            auxes = {lower[a] for a in kids[ci] if dep[a] == "aux"}
            if not auxes & {"must", "should"}:
                continue
            si = next((g for g in kids[ci] if dep[g] in ("nsubj", "nsubjpass")), None)
            subj = verb.doc[si] if si is not None else None
            speaker, _ = _subject(verb)
            if subj is None or speaker is None or self._same_side(subj, speaker):
                continue
            if not self.res.sides(subj, allow_text=False):
                continue
            code = "100" if "must" in auxes else "020"
            return Match(code, "", 0.5, f"statement:{verb.lemma_.lower()}:must", target_tok=subj)
        return None

    def _same_side(self, a: Token, b: Token) -> bool:
        """Whether two subjects refer to the same side (a pronoun, the same actor, or a state and its own
        government: "the Iranian foreign ministry said Iran would ...")."""
        if a.pos_ == "PRON":
            return True
        sa = {s.actor_id for s in self.res.sides(a, allow_text=False)}
        sb = {s.actor_id for s in self.res.sides(b, allow_text=False)}
        if sa & sb:
            return True
        actors = self.res.actors

        def states(ids: set[str | None]) -> set[str]:
            return {a.country for i in ids if i and (a := actors.get(i)) and a.country and not a.sectors}

        def governments(ids: set[str | None]) -> set[str]:
            return {
                a.country
                for i in ids
                if i and (a := actors.get(i)) and a.country and set(a.sectors) & _AUTHORITY_SECTORS
            }

        return bool(states(sa) & governments(sb) or governments(sa) & states(sb))

    def _place_target(self, c: Cand, heads: list[int]) -> Side | None:
        """A place standing for its population as the target of an action done *to* it (curfews, sieges,
        shelling, attacks, aid delivered to, restrictions eased in it, visits to it): the direct argument, else
        the in/into/inside object of the verb, its complement or its event noun.  The target is the place's
        country (``actors.place_actor``), its civilians (CVL) for coercion and force."""
        code = c.match.code
        root = code[:2]
        if root in _PLACE_POPULATION_ROOTS or code.startswith(_PLACE_POPULATION_CODES):
            # force and coercion hit the people; a protest is addressed to the place's authorities
            sector = "CVL" if root in _PLACE_CIVILIAN_ROOTS or root == "13" else ("GOV" if root == "14" else "")
        elif root in ("13", "03") and self._population_measure(c):
            sector = "CVL" if root == "13" else ""
        elif root == "03":
            # an intent or agreement to act on something in a place ("agreed to set up a research centre in
            # Tokyo", "agreed to postpone the demonstration in Baku") concerns the place's state; a meeting place
            # ("agreed to hold talks in Geneva", "agreed in Geneva to ...") is no such target
            tree = self.res.tree
            comp = c.complement.i if c.complement is not None else None
            if comp is None:  # an uncoded complement ("agreed to open an office in X")
                comp = next((x for x in tree.children[c.trigger.i] if tree.dep[x] == "xcomp"), None)
            return self._place_of_object(comp) if comp is not None else None
        else:
            return None
        tree = self.res.tree
        cands = [h for h in heads if tree.dep[h] in ("dobj", "nsubjpass", "pobj")]
        cands += _locative_objects(c.trigger, c.match, c.complement)
        dep, kids = tree.dep, tree.children
        cands += [  # "fired at targets in Jericho"
            p
            for h in heads
            for k in kids[h]
            if dep[k] == "prep" and tree.lower[k] in ("in", "inside")
            for p in kids[k]
            if dep[p] == "pobj"
        ]
        objs = heads + [o for o in kids[c.trigger.i] if dep[o] == "dobj" and o not in heads]
        cands += [  # "blew up power lines leading into Kabul", "eased the curfew imposed in X": a participle
            p  # placing the object (also an event noun object)
            for h in objs
            for a in kids[h]
            if dep[a] == "acl" and a > h
            for k in kids[a]
            if dep[k] == "prep" and tree.lower[k] in ("in", "inside", "into", "to")
            for p in kids[k]
            if dep[p] == "pobj"
        ]
        for h in cands:
            found = self._place_side(h, tree)
            if found is not None:
                start, end, country = found
                # a country named as a place ("invasion of South Lebanon") is the state, not a town's people
                whole = self._place_feature(start, end).startswith("PCL") and sector == "CVL"
                return Side(None, start, end, self.res.text[start:end], code=country + ("" if whole else sector))
        return None

    def _capitals_as_cities(self, c: Cand) -> None:
        """A capital named as the target of a physical act (coercion, assault, battle, mass violence: CAMEO 17-20,
        also when threatened or announced: "said they would blockade Paris", "vowed to shell Kabul") as its direct
        argument (not a place where it happened: "exploded bombs in the capital Kabul") is the city
        and its people, not the government it stands for in statements ("Paris said"): the target becomes the
        country with sector CVL.  Read from the actors stage's metonym mentions that the places stage geocoded as
        capital (the country-form table) or a populated place (GeoNames class P), so "the Kremlin" or "the White
        House" keep their government."""
        if c.action_code[:2] not in _CAPITAL_CITY_ROOTS or not c.targets:
            return
        if self._mention_kinds is None:
            self._mention_kinds = {(m.start, m.end): m.kind for m in self.analysis.mentions}
        tree = self.res.tree
        for sd in c.targets:
            actor = self.res.actors.get(sd.actor_id) if sd.actor_id else None
            if actor is None or not actor.country or sd.code:
                continue
            head = _char_root(self.doc, sd.start, sd.end)
            if head is None:
                continue
            if tree.lemma[head] != "capital":  # "shelled the capital" (read as the government by the actors)
                if self._mention_kinds.get((sd.start, sd.end)) != "metonym":
                    continue
                form = lookup_country(sd.text)
                if not (form is not None and form.type == "capital") and not self._place_feature(
                    sd.start, sd.end
                ).startswith("PPL"):
                    continue
            while tree.dep[head] == "appos" and tree.head[head] != head:
                head = tree.head[head]  # "in the capital Kabul"
            if tree.dep[head] == "pobj" and tree.lower[tree.head[head]] in _LOCATIVE_PREPS:
                continue  # "exploded bombs in the capital Kabul": where it happened, read by the place rules
            sd.code = actor.country + "CVL"

    def _place_of_object(self, verb: int) -> Side | None:
        """The state of a place named as where the verb's direct object is (its in/inside object), unless the
        object is a meeting or talks."""
        tree = self.res.tree
        dep, kids = tree.dep, tree.children
        for o in kids[verb]:
            if dep[o] != "dobj":
                continue
            ncode = noun_code_at(tree, o, self.lex)
            if ncode is not None and ncode[0][:2] == "04":
                continue
            for k in kids[o]:
                if dep[k] == "prep" and tree.lower[k] in ("in", "inside"):
                    for p in kids[k]:
                        if dep[p] == "pobj" and (found := self._place_side(p, tree)) is not None:
                            start, end, country = found
                            return Side(None, start, end, self.res.text[start:end], code=country)
        return None

    def _for_population(self, c: Cand, head: int) -> str:
        """The sector a country target takes when it names a place rather than the state: coercion or violence
        where the country names where the action is done ("imposed a curfew in the town of Cizre in
        southeastern Turkey": in/into/inside/near its territory; coercion, assault and mass violence only) or
        whose homes, villages or neighbourhoods are hit ("demolished Palestinian homes", "shelled Lebanese
        villages") is done to its civilians (CVL), as for a place standing for its population; a protest in a
        place ("blocked roads into Abidjan") is addressed to its authorities (GOV).  '' otherwise."""
        root = c.match.code[:2]
        if (root not in _PLACE_CIVILIAN_ROOTS and root != "14") or c.match.rule.endswith(":reversed"):
            return ""  # (a reversed pattern's target phrase is the doer: "died in Israeli police custody")
        tree = self.res.tree
        if tree.lemma[head] in _POPULATED_PLACES and root != "14":
            return "CVL"
        if root in ("16", "19"):
            return ""  # sanctions and battles aimed at a country are aimed at the state
        cur = head
        for _ in range(6):  # up through of/in phrases to the first preposition that is no 'of'
            up = tree.head[cur]
            if up == cur or tree.dep[cur] != "pobj":
                return ""
            if tree.lower[up] != "of":
                if tree.lower[up] not in _LOCATIVE_PREPS:
                    return ""
                return "GOV" if root == "14" else "CVL"
            cur = tree.head[up]
        return ""

    def _countries_in_clause(self, c: Cand) -> None:
        """Sides whose actor has a sector but no country ("refugees", "rebels", "students") take the country
        their own phrase names ("refugees fleeing the war in Liberia": a country or geocoded place inside the
        phrase); a target without one takes the source's country when the source is a state's actor (domestic
        coercion and politics: "the Sudanese government accused rebels of ..." → SDNREB)."""
        res = self.res
        actors = res.actors
        if all(
            sd.code or not sd.actor_id or (a := actors.get(sd.actor_id)) is None or a.country or not a.sectors
            for sd in (*c.sources, *c.targets)
        ):
            return  # the usual case: every side has its country
        states = _states()

        def country_of(sides: list[Side], sectors: frozenset[str] | None = None) -> str:
            for sd in sides:
                actor = res.actors.get(sd.actor_id) if sd.actor_id else None
                if actor is not None and actor.country in states and (sectors is None or set(actor.sectors) & sectors):
                    return str(actor.country)
            return ""

        authority = country_of(c.sources, _AUTHORITY_SECTORS)
        for role, sides in (("source", c.sources), ("target", c.targets)):
            for sd in sides:
                actor = res.actors.get(sd.actor_id) if sd.actor_id else None
                if actor is None or actor.country or not actor.sectors or sd.code:
                    continue
                # its own phrase; a conjoined side of the same role ("the Sudanese government and rebels")
                country = self._phrase_country(sd) or country_of(sides)
                if not country and role == "target" and actor.sectors[0] in _DOMESTIC_SECTORS:
                    country = authority  # "Turkish police prevented a demonstration by students"
                if not country and actor.sectors[0] in _DOMESTIC_SECTORS:
                    country = self._scene_country(c)  # "prisoners rioted at a jail in Dili": local people
                if country:
                    sd.code = country + actor.sectors[0]

    def _scene_country(self, c: Cand) -> str:
        """The state of the place where the action happens: the in/at/inside object of the trigger or its
        complement, or a place inside that object ("rioted at a jail in East Timor's capital Dili")."""
        tree = self.res.tree
        dep, kids, lower = tree.dep, tree.children, tree.lower
        holders = [c.trigger.i] + ([c.complement.i] if c.complement is not None else [])
        objs = [
            p
            for h in holders
            for k in kids[h]
            if dep[k] == "prep" and lower[k] in ("in", "at", "inside", "outside")
            for p in kids[k]
            if dep[p] == "pobj"
        ]
        inner = [
            p
            for o in objs
            for k in kids[o]
            if dep[k] == "prep" and lower[k] in ("in", "inside")
            for p in kids[k]
            if dep[p] == "pobj"
        ]
        # the place inside the object first: "outside the US embassy in Cairo" is in Egypt
        for o in inner + objs:
            found = self._place_side(o, tree)
            if found is not None and found[2] in _states():
                return found[2]
        return ""

    def _phrase_country(self, sd: Side) -> str | None:
        """The country named inside a side's phrase (a country actor or a geocoded place), if any."""
        tree = self.res.tree
        head = _char_root(self.doc, sd.start, sd.end)
        if head is None:
            return None
        for i in sorted(tree.subtree(head)):
            if sd.start <= tree.idx[i] < sd.end:
                continue
            aid = self.res.tmap.get(i)
            actor = self.res.actors.get(aid) if aid else None
            if actor is not None and actor.country and not actor.sectors and actor.country in _states():
                return actor.country
            if tree.pos[i] == "PROPN":
                country = self._resolved_place_country(tree.idx[i], tree.end[i])
                if country:
                    return country
        return None

    def _own_population(self, c: Cand) -> list[Side]:
        """A state's measure over a population (curfew, martial law, state of emergency: CAMEO 1723/1724, or a
        threat of one) named without a place is imposed on its own people: the target is the source's country
        with sector CVL, the measure's words as evidence ("the government declared martial law")."""
        code = c.match.code
        if not (code.startswith(("1723", "1724")) or (code[:2] == "13" and self._population_measure(c))):
            return []
        res = self.res
        states = _states()
        for sd in c.sources:
            actor = res.actors.get(sd.actor_id) if sd.actor_id else None
            if actor is None or actor.country not in states:
                continue
            if actor.sectors and not set(actor.sectors) & _AUTHORITY_SECTORS:
                continue
            tok = c.match.noun or c.trigger
            start, end = tok.idx, tok.idx + len(tok.text)
            return [Side(None, start, end, res.text[start:end], code=f"{actor.country}CVL")]
        return []

    def _mobilization(self, c: Cand) -> None:
        """A mobilization's targets are not the source's own forces.  Military exercises held together by sides of
        different states ("French and Egyptian warships launched
        war games", "India held exercises with France") are military cooperation (CAMEO 062, whose codebook
        names joint exercises), a symmetric event; exercises of one side stay a show of force (15)."""
        if c.match.code[:2] != "15":
            return
        tree, res = self.res.tree, self.res
        own = {
            a.country
            for sd in c.sources
            if sd.actor_id and (a := res.actors.get(sd.actor_id)) is not None and a.country
        } | {sd.code[:3] for sd in c.sources if sd.code}
        # "ordered patrols by police and soldiers", "mobilized its troops": a state's own forces are what it
        # mobilizes, not whom the mobilization is aimed at
        c.targets = [
            sd
            for sd in c.targets
            if not (
                sd.actor_id
                and (a := res.actors.get(sd.actor_id)) is not None
                and set(a.sectors) & {"MIL", "COP"}
                and (not a.country or a.country in own)
                and own
            )
        ]
        dep, kids = tree.dep, tree.children
        nouns = [o for o in kids[c.trigger.i] if dep[o] == "dobj"]
        nouns += [
            p for o in list(nouns) for k in kids[o] if dep[k] == "prep" and tree.lower[k] == "of" for p in kids[k]
        ]
        if c.match.noun is not None:
            nouns.append(c.match.noun.i)
        if not any(
            tree.lemma[n] in _EXERCISE_NOUNS
            or (tree.lemma[n] == "game" and any(tree.lower[k] == "war" for k in kids[n]))
            for n in nouns
        ):
            return

        def country(sd: Side) -> str:
            actor = res.actors.get(sd.actor_id) if sd.actor_id else None
            return (sd.code or "")[:3] or (actor.country or "" if actor is not None else "")

        sources = {country(sd) for sd in c.sources} - {""}
        targets = {country(sd) for sd in c.targets} - {""}
        if len(sources) >= 2 or (sources and targets - sources):
            c.match.code, c.match.rev_code, c.match.symmetric = "062", "062", True
            c.match.rule += "+joint-exercise"

    def _own_authorities(self, c: Cand) -> list[Side]:
        """A protest (14) that names neither an actor nor a place it is aimed at is addressed to the authorities of
        the protesters' own state (ICEWS-style coding; only with ``Settings.infer_protest_targets``, because the text
        does not name that side and the issue's rule is that no side is invented):
        target = the source's country + GOV, the trigger's words as evidence ("Egyptian demonstrators rioted",
        "opposition parties in Nepal organized a general strike").  Only for groups of a society (a sector that is no
        state authority), not for states or state bodies."""
        if c.match.code[:2] != "14" or c.match.rule.endswith(":reversed"):
            return []
        res = self.res
        states = _states()
        for sd in c.sources:
            actor = res.actors.get(sd.actor_id) if sd.actor_id else None
            country = (sd.code or "")[:3] or (actor.country if actor is not None else None)
            if actor is None or country not in states or not actor.sectors:
                continue  # a state itself ("China protested") is no group of its society
            if set(actor.sectors) & _AUTHORITY_SECTORS:
                continue
            tok = c.match.noun or c.trigger
            start, end = tok.idx, tok.idx + len(tok.text)
            return [Side(None, start, end, res.text[start:end], code=f"{country}GOV")]
        return []

    def _population_measure(self, c: Cand) -> bool:
        """Whether the object of the action (or of its folded complement) is a measure over a population
        ("threatened to institute a curfew", "prepared to impose martial law")."""
        tree = self.res.tree
        verbs = [c.trigger.i] + ([c.complement.i] if c.complement is not None else [])
        nouns = [o for v in verbs for o in tree.children[v] if tree.dep[o] in ("dobj", "nsubjpass")]
        if c.match.noun is not None:
            nouns.append(c.match.noun.i)
        return any(
            tree.lemma[n] in _POPULATION_MEASURES
            or (tree.lemma[n] == "law" and "martial" in (tree.lower[k] for k in tree.children[n]))
            for n in nouns
        )

    def _place_side(self, h: int, tree: DocTree) -> tuple[int, int, str] | None:
        """(start, end, country code) of a place name at or just under a head ("Juba", "the town of Cizre",
        "the capital Juba", "East Timor's capital Dili": the possessor first)."""
        dep, kids = tree.dep, tree.children
        todo = [k for k in kids[h] if dep[k] == "poss" and tree.pos[k] == "PROPN"]  # "East Timor's capital Dili"
        todo.append(h)
        todo += [k for k in kids[h] if dep[k] in ("appos", "compound") and tree.pos[k] == "PROPN"]
        todo += [p for k in kids[h] if dep[k] == "prep" and tree.lower[k] == "of" for p in kids[k] if dep[p] == "pobj"]
        for i in todo:
            if tree.pos[i] != "PROPN" or tree.ent[i] not in ("GPE", "LOC", "FAC", ""):
                continue
            lo = i
            while lo > 0 and dep[lo - 1] == "compound" and tree.head[lo - 1] == i and tree.pos[lo - 1] == "PROPN":
                lo -= 1
            start, end = tree.idx[lo], tree.end[i]
            if self._water(start, end):
                continue  # a sea, gulf or river the places stage read ("a vessel in the Red Sea") has no people
            country = self._resolved_place_country(start, end) or _place_country(self.res.text[start:end])
            if country:
                return start, end, country
        return None

    def _place_feature(self, start: int, end: int) -> str:
        """The GeoNames feature code of the places stage's reading at ``start``–``end`` ('' when none)."""
        if self._place_features is None:
            self._place_features = {(p.start, p.end): p.feature_code or "" for p in self.analysis.places}
        return self._place_features.get((start, end), "")

    def _water(self, start: int, end: int) -> bool:
        """Whether the places stage read the name at ``start``–``end`` as a body of water (GeoNames class H)."""
        if self._place_waters is None:
            self._place_waters = {(p.start, p.end) for p in self.analysis.places if p.feature_class == "H"}
        return (start, end) in self._place_waters

    def _resolved_place_country(self, start: int, end: int) -> str | None:
        """The CAMEO country of the places stage's reading of the name at ``start``–``end`` (disambiguated with
        the article's other places), when that stage ran and geocoded it; None otherwise."""
        if self._place_countries is None:
            self._place_countries = {(p.start, p.end): p.cameo_country for p in self.analysis.places if p.cameo_country}
        return self._place_countries.get((start, end))

    def _arguments(self, c: Cand) -> bool:
        t = c.trigger
        tree = doc_tree(self.doc)
        dep, kids, lower, res = tree.dep, tree.children, tree.lower, self.res
        subj, _passive = _subject(t)
        if c.match.rule.startswith("nominal") and c.match.rule.endswith(":subject"):
            noun = c.match.noun or t
            c.sources = [x for x in res.sides(noun, allow_text=False) if x.actor_id]
            objs = [
                p
                for ch in kids[noun.i]
                if dep[ch] == "prep" and lower[ch] in ("against", "with", "on", "toward", "towards", "over")
                for p in kids[ch]
                if dep[p] == "pobj"
            ]
            src_ids = {x.actor_id for x in c.sources}
            for h in objs + _inner_target_heads(noun, None, c.match, None):
                found = [x for x in res.sides(h, allow_text=False) if x.actor_id and x.actor_id not in src_ids]
                if found:
                    c.targets = found
                    break
            return bool(c.sources)
        if c.match.rule.startswith("nominal"):
            noun = c.match.noun or t
            pobj = [p for ch in kids[noun.i] if dep[ch] == "prep" and lower[ch] == "between" for p in kids[ch]]
            sides = res.sides(pobj[0]) if pobj else []
            c.sources = sides
            c.targets = []
            return sum(1 for s in sides if s.actor_id or res.use_entities) >= 2
        if subj is not None and tree.pos[subj.i] == "PRON" and not res.sides(subj, allow_text=False):
            subj = _speaker_for_pronoun(t) or subj
        if subj is not None:
            if res.is_nonagent(subj) and not any(res.code(x) for x in res.sides(subj, allow_text=False)):
                return False
            if c.match.code[:2] in _CAPITAL_CITY_ROOTS and _sports(tree, t.i, subj.i):
                return False  # "the Indian cricket team beat Pakistan", "United crushed Liverpool 3-0"
            c.sources = res.sides(subj)
            if not any(x.actor_id for x in c.sources) and noun_code_at(tree, subj.i, self.lex) is not None:
                # "a drone attack by the RSF hit a market", "Hamas's rocket attack killed ...": the event noun's
                # agent (by/from object, possessor, agent of a participle on it) acts
                by_agent = [
                    x for a in _noun_agents(tree, subj.i, compounds=False) for x in res.sides(a, allow_text=False)
                ]
                if any(x.actor_id for x in by_agent):
                    c.sources = [x for x in by_agent if x.actor_id]
            if not any(res.code(x) for x in c.sources):
                # "Kenzo Oshima, the UN relief coordinator, demanded": the apposition names the side
                for ap in (a for a in kids[subj.i] if dep[a] == "appos"):
                    coded = [x for x in res.sides(ap, allow_text=False) if res.code(x)]
                    if coded:
                        c.sources = coded
                        break
        elif _passive and c.match.code[:2] in _AUTHORITY_ROOTS:
            # "was arrested / put under investigation in Italy": the authorities of the place act
            locs = _locative_objects(t, c.match, c.complement)
            locs += [  # "put under investigation in Italy": the place of the verb's prepositional object
                p
                for ch in kids[t.i]
                if dep[ch] == "prep"
                for o in kids[ch]
                if dep[o] == "pobj"
                for k in kids[o]
                if dep[k] == "prep" and lower[k] in ("in", "inside")
                for p in kids[k]
                if dep[p] == "pobj"
            ]
            for h in locs:
                found = [x for x in res.sides(h, allow_text=False) if res.is_country(x)]
                if not found and not res.sides(h, allow_text=False):
                    # a place the actors stage left alone (geocoded by the places stage): its state acts
                    geo = self._place_side(h, tree)
                    if geo is not None and geo[2] in _states():
                        found = [Side(None, geo[0], geo[1], res.text[geo[0] : geo[1]], code=geo[2])]
                if found:
                    c.sources = found[:1]
                    break
        elif c.match.noun is not None:
            pobj = [p for ch in kids[c.match.noun.i] if dep[ch] == "prep" and lower[ch] == "between" for p in kids[ch]]
            if pobj:
                c.sources = res.sides(pobj[0])
        if c.match.code[:2] == "18" and c.sources:
            self._violent_protest(c)
        if c.match.code[:2] in ("18", "19", "20") and subj is not None and c.sources:
            # "US Predator attacks killed ...", "Israeli airstrikes killed ...": a state named on a military act
            # noun that is the subject acts through its military
            ncode = noun_code_at(tree, subj.i, self.lex)
            if ncode is not None and ncode[0][:2] in ("18", "19", "20"):
                for sd in c.sources:
                    if res.is_country(sd) and not sd.code:
                        sd.code = str(res.actors[sd.actor_id or ""].country) + "MIL"
                if c.match.code == "190" and ncode[0] != "190":
                    # "an airstrike killed ...", "a suicide bombing killed ...": the act noun names the means
                    c.match = replace(c.match, code=ncode[0], rev_code="")
            elif tree.lemma[subj.i] in _WEAPON_NOUNS:
                # "Russian missiles hit ...", "Turkish jets bombed ...": a state's weapons are its military
                for sd in c.sources:
                    if res.is_country(sd) and not sd.code:
                        sd.code = str(res.actors[sd.actor_id or ""].country) + "MIL"
        if c.match.code.startswith("143") and c.sources and _strike_noun(c):
            # "forces carried out strikes inside Iran", "Israel launched strikes on X": strikes by armed forces or
            # states are military strikes, not labour strikes (workers, unions, doctors ... keep 143)
            pairs0: list[tuple[Side | None, Side | None, bool]] = [(sd, None, False) for sd in c.sources]
            if _armed(pairs0, res.actors) and not _labour(pairs0, res.actors):
                c.match = replace(c.match, code="190", rev_code="", symmetric=False)
        if c.sources and c.match.code[:2] in _STANCE_ROOTS:
            c.sources = self._speaking_government(c, c.sources)
        seen = {s.actor_id for s in c.sources if s.actor_id}
        heads = _target_heads(t, c.match, subj)
        if c.match.code[:2] == "14":
            # "protested outside the US embassy", "rallied in front of parliament": the body protested at
            fronts = [
                p
                for k in kids[t.i]
                if dep[k] == "prep" and lower[k] in ("outside", "in")
                for p in kids[k]
                if dep[p] == "pobj"
            ]
            heads += [p for p in fronts if lower[tree.head[p]] == "outside"]
            heads += [
                g
                for p in fronts
                if lower[p] == "front"
                for k in kids[p]
                if dep[k] == "prep" and lower[k] == "of"
                for g in kids[k]
                if dep[g] == "pobj"
            ]
        if not any(dep[k] in ("dobj", "dative", "prep") for k in kids[t.i]):
            # "donated and personally delivered goods to X": conjoined verbs share the later verb's objects
            heads += [
                h
                for k in kids[t.i]
                if dep[k] == "conj"
                and tree.pos[k] == "VERB"
                and not any(dep[g] in ("nsubj", "nsubjpass") for g in kids[k])
                for h in _target_heads(self.doc[k], c.match, subj)
            ]
        if c.match.code[:2] == "11" and c.match.target_tok is None:
            # a complaint's target is what it is about, not its addressee ("complained to the UN over Israeli
            # raids"): the over/about object and the actor modifying it come first
            about = [
                p
                for ch in kids[t.i]
                if dep[ch] == "prep" and lower[ch] in ("over", "about")
                for p in kids[ch]
                if dep[p] == "pobj"
            ]
            about = [a for a in about if any(x.actor_id for x in res.sides(a, allow_text=False))]
        else:
            about = []
        if c.complement is not None:
            heads += _target_heads(c.complement, c.match, subj)
        if c.match.code[:2] == "12":
            # "declined to resign despite growing pressure by X", "in defiance of calls from X": a rejection is
            # aimed at those whose pressure or demands it resists
            heads += [
                a
                for v in ([t.i] + ([c.complement.i] if c.complement is not None else []))
                for ch in kids[v]
                if dep[ch] == "prep" and lower[ch] == "despite"
                for p in kids[ch]
                if dep[p] == "pobj" and tree.lemma[p] in _AGENT_NOUNS
                for a in _noun_agents(tree, p)
            ]
        if _purpose_i(tree, t.i) and tree.lemma[tree.head[t.i]] in _CONVEYANCE:  # 'sent experts to X to investigate'
            heads += [h for h in _target_heads(t.head, c.match, subj) if h < t.i]
        mutual_pair = len({s.actor_id for s in c.sources} - {None}) >= 2 and (
            c.match.code[:2] in _MUTUAL_ROOTS or c.match.symmetric or c.match.rev_code == c.match.code
        )
        flat: list[int] = []
        agentive: set[int] = set()  # agents of acted-upon acts: targets even without a country
        for h in heads:  # an event noun is not a target, but its with/against/on/between objects may be
            is_event = noun_code_at(tree, h, self.lex) is not None
            if not is_event and tree.lemma[h] not in _AGENT_NOUNS:
                flat.append(h)
            if is_event or tree.lemma[h] in _AGENT_NOUNS:
                # an action on an event or an act ("prevented the demonstration staged by students", "rejected
                # calls by X", "conceded to demands from X", "X's refusal") is aimed at that act's agent
                # ("negotiations on an Israeli troop pullback" between conjoined sides: the act is a topic)
                agents = _noun_agents(tree, h, compounds=not mutual_pair)
                flat += agents
                agentive.update(agents)
                if not is_event:
                    # "the hostage-takers' demands": the act noun resolves through its modifiers, after its
                    # possessor ("Sweden's NATO membership" -> SWE)
                    flat.append(h)
                    agentive.add(h)
            if is_event:
                flat += [
                    p
                    for ch in kids[h]
                    if dep[ch] == "prep" and (lower[ch] in _TARGET_PREPS or lower[ch] == "of")
                    for p in kids[ch]
                    if dep[p] == "pobj"
                ]
        heads = about + flat
        if mutual_pair:
            heads = [h for h in heads if not _reciprocal_possessor(tree, h)]
        per_head = [res.sides(h) for h in heads]
        src_ids = {x.actor_id for x in c.sources}
        with_actor = [
            (h, sd)
            for h, sd in zip(heads, per_head, strict=True)
            if any(x.actor_id and x.actor_id not in src_ids for x in sd)
        ]
        hit = next(((h, sd) for h, sd in with_actor if any(res.has_country(x) for x in sd)), None)
        if hit is None and not mutual_pair:
            # the agent of the act acted upon ("would not meet the hostage-takers' demands to release prisoners
            # in Iraq", "tolerate rallies by students") is the target even as a sector-only group, before any
            # actor or place deeper in the object phrase; its country comes from the clause
            hit = next(((h, sd) for h, sd in with_actor if h in agentive), None)
        chosen, chosen_head = (hit[1], hit[0]) if hit is not None else (None, -1)
        src_codes = {res.code(x) for x in c.sources} - {""}
        if chosen is None and not mutual_pair:
            # an actor inside the object phrase or the complement ("demanded an admission by Moscow",
            # "rejected an offer from Kabul", "threatened to resume attacks in Israel") — PETRARCH2's
            # "first actor after the verb", read over the dependency tree; then the possessor of the object
            # ("praised Haiti's efforts") and a place-like actor of the clause
            extra = _inner_target_heads(t, c.complement, c.match, subj)
            if _purpose_i(tree, t.i) and tree.lemma[tree.head[t.i]] in _CONVEYANCE:
                # "dispatched inspectors to a plant in central Iran to monitor ...": the conveyance's phrases
                extra += [h for h in _inner_target_heads(t.head, None, c.match, subj) if h < t.i]
            extra += [p for h in heads for p in kids[h] if dep[p] == "poss" and tree.pos[p] != "PRON"]
            # "offered concessions that U.S. negotiator Nitze believed could lead to ...", "rejected a plan that
            # Egypt drafted": the side named as the subject of a relative clause on the object is the one the
            # object is for (or from)
            extra += [
                s
                for h in heads
                for r in kids[h]
                if dep[r] == "relcl" and r > h
                for s in kids[r]
                if dep[s] == "nsubj" and tree.pos[s] != "PRON"
            ]
            if tree.lemma[t.i] in _GIVING:
                # the relative clause read as a that-clause of the verb, right after its object ("offered
                # concessions last November that U.S. negotiator Nitze believed ...")
                objs = [o for o in kids[t.i] if dep[o] == "dobj"]
                extra += [
                    s
                    for r in kids[t.i]
                    if dep[r] == "ccomp"
                    and objs
                    and r > objs[0]
                    and any(dep[m] == "mark" and lower[m] == "that" for m in kids[r])
                    for s in kids[r]
                    if dep[s] == "nsubj" and tree.pos[s] != "PRON"
                ]
            extra += _locative_objects(t, c.match, c.complement)
            # "called off the strike after deliberations with the government": the other side of the talks or
            # deal the action follows
            extra += [
                p
                for ch in kids[t.i]
                if dep[ch] == "prep" and lower[ch] in ("after", "following")
                for n in kids[ch]
                if dep[n] == "pobj" and tree.pos[n] == "NOUN"
                for w in kids[n]
                if dep[w] == "prep" and lower[w] == "with"
                for p in kids[w]
                if dep[p] == "pobj"
            ]
            if c.match.code[:2] == "13":  # a threat is aimed at the side its condition names
                conds = [t.i] + ([c.complement.i] if c.complement is not None else [])
                conds += [x for h in list(conds) for x in kids[h] if dep[x] in ("xcomp", "ccomp")]
                extra += _condition_subjects(tree, conds)
            for h in extra:
                found = [
                    x
                    for x in res.sides(h, allow_text=False)
                    if x.actor_id not in src_ids and res.has_country(x) and res.code(x) not in src_codes
                ]
                if found:
                    chosen, chosen_head = found, h
                    if not c.sources and _passive:
                        # "diplomacy was needed to make progress on the agenda set by X": with neither agent nor
                        # subject actor, an actor deep in the object phrases is no side of the action
                        return False
                    break
        # between conjoined mutual sides a group without a country is what they exchange or discuss, not a third
        # side ("Ukraine and Russia swapped prisoners"); a fight's enemy stays ("A and B fought rebels")
        pair_only = mutual_pair and c.match.code[:2] != "19"
        if pair_only:  # named persons without a country stay ("A and B met Mr. X")
            with_actor = [(h, sd) for h, sd in with_actor if not all(res.group_only(x) for x in sd if x.actor_id)]
        if chosen is None and with_actor:
            chosen_head, chosen = with_actor[0]  # a sector-only actor ("its troops") only when nothing better is named
        if chosen is None:
            chosen = [] if pair_only else next((sd for sd in per_head if sd), [])
        if not mutual_pair and not any(sd.actor_id for sd in chosen):
            place = self._place_target(c, flat)
            if place is not None:
                chosen = [place]
            elif not chosen:
                chosen = self._own_population(c) or (
                    self._own_authorities(c) if self.ctx.settings.infer_protest_targets else []
                )
        elif chosen_head >= 0 and (sector := self._for_population(c, chosen_head)):
            for sd in chosen:
                actor = res.actors.get(sd.actor_id) if sd.actor_id else None
                if actor is not None and actor.country and not actor.sectors:
                    sd.code = actor.country + sector
        for sd in chosen:
            if (sd.actor_id is None and all(sd.text != o.text for o in c.sources)) or (
                sd.actor_id is not None and sd.actor_id not in seen
            ):
                c.targets.append(sd)
                if sd.actor_id:
                    seen.add(sd.actor_id)
        if subj is None and not _passive and not c.sources and c.match.noun is None:
            return False  # an active verb with no subject in the parse: no one is said to act
        self._capitals_as_cities(c)
        self._place_sides(c)
        self._mobilization(c)
        self._countries_in_clause(c)
        resolved = [s for s in c.sources + c.targets if s.actor_id or res.use_entities]
        if c.match.rule.startswith("own:jointly"):
            # joint production needs two sides: conjoined subjects (mutual, no third side), or one and its partner
            if len({s.actor_id for s in c.sources if s.actor_id}) >= 2:
                c.targets = []
            elif not (any(s.actor_id for s in c.sources) and any(s.actor_id for s in c.targets)):
                return False
        if c.match.rule.startswith("petrarch2-block:"):
            # a code inherited from a broad PETRARCH2 block needs an actor target to be trusted, and the
            # verb's object must be that kind of argument: an actor ("defend Saudi Arabia") or an event noun,
            # not some thing no pattern of the block names ("gave a warm welcome", "eased emergency measures")
            if not any(s.actor_id for s in c.targets):
                return False
            for obj in (o for o in kids[t.i] if dep[o] == "dobj"):
                if not res.sides(obj, allow_text=False) and noun_code_at(tree, obj, self.lex) is None:
                    return False
        return bool(resolved)


def _event_date(
    c: Cand, analysis: Analysis, sent: Span, ctx: Context, doc: Doc
) -> tuple[str, Literal["clause", "article"]]:
    dated = [
        tx
        for tx in analysis.times
        if sent.start_char <= tx.start < sent.end_char and tx.type in ("DATE", "TIME") and _DATED.match(tx.value)
    ]
    if not dated:  # most sentences: no calendar date, so no clause to read
        return ctx.published.isoformat(), "article"
    anchor = c.anchor or c.trigger
    clause_root = anchor
    while clause_root.dep_ in ("xcomp", "acomp", "conj", "auxpass") and clause_root.head is not clause_root:
        clause_root = clause_root.head
    clause = _clause_tokens(clause_root)
    best: tuple[int, str] | None = None
    for tx in dated:
        root = _char_root(doc, tx.start, tx.end)
        if root is None or root not in clause:
            continue
        dist = abs(root - anchor.i)
        if best is None or dist < best[0]:
            best = (dist, tx.value[:10])
    if best is not None:
        return best[1], "clause"
    return ctx.published.isoformat(), "article"


_DATED = re.compile(r"^\d{4}")


def _char_root(doc: Doc, start: int, end: int) -> int | None:
    """Index of the syntactic root of the tokens overlapping characters [start, end) (as ``Doc.char_span`` with
    ``alignment_mode="expand"`` and ``Span.root``), read from the parse arrays."""
    tree = doc_tree(doc)
    key = ("char_root", start * 1_000_003 + end)  # a span's root is read once per document (dates, places)
    got = tree.memo.get(key, -2)
    if got != -2:
        return cast(int | None, got)
    root = _char_root_at(tree, start, end)
    tree.memo[key] = root
    return root


def _char_root_at(tree: DocTree, start: int, end: int) -> int | None:
    lo = bisect_right(tree.idx, start) - 1
    if lo < 0 or tree.end[lo] <= start:
        lo += 1
    hi = bisect_left(tree.idx, end)  # tokens lo .. hi-1 start before ``end``
    if lo >= hi:
        return None
    head = tree.head
    outside = [i for i in range(lo, hi) if not lo <= head[i] < hi or head[i] == i]
    if len(outside) == 1:
        return outside[0]

    def depth(i: int) -> int:
        n = 0
        while head[i] != i:
            i = head[i]
            n += 1
        return n

    return min(outside, key=depth) if outside else None


def _event_place(c: Cand, analysis: Analysis, sent: Span, doc: Doc) -> str | None:
    tree = doc_tree(doc)
    holders = {(c.anchor or c.trigger).i, c.trigger.i}
    if c.match.noun is not None:
        holders.add(c.match.noun.i)
    for pl in analysis.places:
        if not (sent.start_char <= pl.start < sent.end_char):
            continue
        root = _char_root(doc, pl.start, pl.end)
        if root is None:
            continue
        prep = tree.head[root]
        if tree.dep[root] == "pobj" and tree.lower[prep] in ("in", "at") and tree.head[prep] in holders:
            return pl.id
    return None


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Code the events of a parsed article into ``analysis.events``."""
    codes = cameo_codes()
    coder = Coder(doc, analysis, ctx)
    table = ctx.settings.goldstein
    events: list[Event] = []
    seen: set[tuple[str, frozenset[str], str]] = set()
    text = coder.res.text
    actors = coder.res.actors
    for sent in doc.sents:
        sent_rec: Spanned | None = None  # built on the first event of the sentence (most sentences have none)
        for c in coder.sentence(sent):
            code = normalise_code(c.match.code)
            if code is None:
                continue
            info = codes[code]
            date, date_from = _event_date(c, analysis, sent, ctx, doc)
            place = _event_place(c, analysis, sent, doc)
            quote = next((q for q in analysis.quotes if q.start <= c.trigger.idx < q.end), None)
            pairs = _pairs(c)
            if not pairs:
                continue
            irregular = c.trigger.lemma_.lower() in _HARM_VERBS and _irregular(pairs, actors)
            if code == "190" and (not _armed(pairs, actors) or irregular):
                # CAMEO: force by non-armed actors, and killings/woundings by guerrillas, insurgents or
                # militias (not battles: their shelling/firing keeps its 19x pattern code), are 18x
                code, info = "180", codes["180"]
            elif (
                info.root == "19"
                and c.trigger.lemma_.lower() in _ASSAULT_VERBS
                and _irregular(pairs, actors)
                and (_civilian_targets(pairs, actors, readings=False) or _civilian_facility(c.trigger))
            ):
                # an armed group's attack on civilians or refugees ("a camp for refugees was attacked by
                # militiamen") is unconventional violence, not a battle
                code, info = "180", codes["180"]
            elif (
                code == "190"
                and c.trigger.lemma_.lower() in _HARM_VERBS
                and not _weapon_subject(c.trigger)
                and _civilian_targets(pairs, actors)
            ):
                # killing civilians or refugees without a weapon or battle named (no 193/195 pattern) is
                # violence against the unarmed (18), also by state forces; fighting armed forces stays 19
                code, info = "180", codes["180"]
            if code in _RIOT_CODES and c.trigger.lemma_.lower() in _RIOT_VERBS | {"set"} and _protesters(c.trigger):
                # protesters storming parliament or setting fire to an embassy riot (CAMEO 145), aimed at the body
                code, info = "145", codes["145"]
            key_actors = frozenset(
                a for s, t, _sym in pairs for a in (s.actor_id if s else None, t.actor_id if t else None) if a
            )
            key = (info.root, key_actors, date)
            if len(key_actors) >= 2 and key in seen:
                continue
            seen.add(key)
            weight = c.match.weight
            if sent_rec is None:
                # normal (validating) construction: measured faster than model_construct with pydantic 2.x here
                sent_rec = Spanned(start=sent.start_char, end=sent.end_char, text=text[sent.start_char : sent.end_char])
            for src, tgt, sym in pairs:
                conf = (
                    0.4
                    + 0.1 * min(weight, 3.0)
                    + (0.1 if src and src.actor_id else 0)
                    + (0.1 if tgt and tgt.actor_id else 0)
                )
                trig_start = c.trigger.idx
                trig_end = trig_start + len(c.trigger.text)
                if c.match.noun is not None and c.match.noun is not c.trigger:
                    trig_start = min(trig_start, c.match.noun.idx)
                    trig_end = max(trig_end, c.match.noun.idx + len(c.match.noun.text))
                events.append(
                    Event(
                        id=f"E{len(events) + 1}",
                        source=_arg(src, actors),
                        target=_arg(tgt, actors),
                        cameo=code,
                        cameo_name=info.name,
                        root=info.root,
                        goldstein=info.goldstein.get(table, info.goldstein["gdelt"]),
                        quad_class=info.quad_class,
                        plover_type=info.plover_type,
                        plover_mode=info.plover_mode,
                        modality=cast(Modality, c.modality),  # own_modality and the frames give only these
                        reported=quote is not None,
                        quote_id=quote.id if quote else None,
                        date=date,
                        date_from=date_from,
                        place_id=place,
                        trigger=Spanned(start=trig_start, end=trig_end, text=text[trig_start:trig_end]),
                        sentence=sent_rec,
                        confidence=round(min(conf, 0.95), 2),
                        rule=c.match.rule,
                        symmetric=sym,
                    )
                )
    analysis.events.extend(events)


_ARMED = frozenset({"MIL", "REB", "COP", "UAF", "SPY", "INS"})


def _armed(pairs: list[tuple[Side | None, Side | None, bool]], actors: dict[str, Actor]) -> bool:
    """Whether a source is an armed actor (or a country, i.e. its forces) — the CAMEO 19 vs 18 distinction."""
    for src, _t, _s in pairs:
        actor = actors.get(src.actor_id) if src and src.actor_id else None
        if actor is not None and (set(actor.sectors) & _ARMED or (actor.kind == "country" and not actor.sectors)):
            return True
    return False


_IRREGULAR = frozenset({"REB", "INS", "UAF", "SPY"})
#: Verbs of harming people (not of fighting a battle): by an irregular group they are unconventional violence.
_HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "murder", "maim", "stab", "behead", "shoot", "lynch"})


def _irregular(pairs: list[tuple[Side | None, Side | None, bool]], actors: dict[str, Actor]) -> bool:
    """Whether every resolved source is a non-state armed group (rebels, insurgents, militias)."""
    found = [a for s, _t, _sym in pairs if s is not None and s.actor_id for a in [actors.get(s.actor_id)] if a]
    return bool(found) and all(set(a.sectors) & _IRREGULAR and not set(a.sectors) & {"MIL", "COP"} for a in found)


#: Attack verbs that are assaults (18) rather than battles (19) when an irregular group attacks civilians.
_ASSAULT_VERBS = frozenset({"attack", "raid", "storm", "ambush"})
_CIVILIAN_SECTORS = frozenset({"CVL", "REF", "EDU", "MED", "HLH", "REL", "JRN", "LAB", "AGR", "BUS"})


#: Weapons and war machines as the subject of a killing ("aircraft killed 46 civilians"): military force (19x).
_WEAPON_NOUNS = frozenset(
    {
        "aircraft",
        "plane",
        "warplane",
        "jet",
        "helicopter",
        "gunship",
        "drone",
        "bomber",
        "fighter",
        "tank",
        "artillery",
        "warship",
        "missile",
        "rocket",
        "shell",
        "shelling",
        "airstrike",
        "bombardment",
    }
)


#: Verbs of making, researching and operating: done jointly by two sides they are material cooperation (06).
_JOINT_VERBS = frozenset(
    {
        "develop",
        "produce",
        "build",
        "manufacture",
        "make",
        "design",
        "research",
        "construct",
        "operate",
        "run",
        "explore",
        "finance",
        "fund",
        "patrol",
        "train",
    }
)


def _strike_noun(c: Cand) -> bool:
    """Whether the event is a 'strike' noun (labour strike 143 in the tables; military strike by armed sides)."""
    noun = c.match.noun if c.match.noun is not None else c.trigger
    return noun.lemma_.lower() == "strike"


def _labour(pairs: list[tuple[Side | None, Side | None, bool]], actors: dict[str, Actor]) -> bool:
    """Whether a source is of a society's working groups (workers, unions, teachers, doctors ...)."""
    for src, _t, _s in pairs:
        actor = actors.get(src.actor_id) if src and src.actor_id else None
        if actor is not None and set(actor.sectors) & {"LAB", "EDU", "HLH", "MED", "BUS", "AGR", "CVL", "OPP"}:
            return True
    return False


#: Codes of force and property destruction that are a riot (145) when protesters do them, and their verbs.
_RIOT_CODES = frozenset({"180", "1711", "1712"})
_RIOT_VERBS = frozenset({"storm", "torch", "burn", "ransack", "loot", "raze"})
#: Head nouns of crowds of protesters.
_PROTESTER_NOUNS = frozenset(
    {"protester", "protestor", "demonstrator", "rioter", "marcher", "mob", "crowd", "hundred", "thousand", "dozen"}
)


def _protesters(verb: Token) -> bool:
    """Whether the verb's subject is a crowd of protesters ('Protesters', 'a mob', 'Hundreds of Kenyans')."""
    subj, _passive = _subject(verb)
    return subj is not None and subj.lemma_.lower() in _PROTESTER_NOUNS


def _weapon_subject(verb: Token) -> bool:
    """Whether the verb's subject is a weapon or war machine (or an attack with one)."""
    subj, _passive = _subject(verb)
    return subj is not None and subj.lemma_.lower() in _WEAPON_NOUNS


def _side_sectors(side: Side, actors: dict[str, Actor]) -> set[str]:
    """A side's sectors in this event: its reading in the clause ('SOMCVL': a place's people), else its actor's."""
    if side.code and len(side.code) >= 6:
        return {side.code[3:6]}
    actor = actors.get(side.actor_id) if side.actor_id else None
    return set(actor.sectors) if actor is not None else set()


def _civilian_targets(
    pairs: list[tuple[Side | None, Side | None, bool]], actors: dict[str, Actor], readings: bool = True
) -> bool:
    """Whether every target is of a civilian sector (civilians, refugees, teachers, journalists ...); with
    ``readings`` a side's reading in the clause counts (people killed in a place are its civilians)."""
    found = [
        _side_sectors(t, actors) if readings else {*actors[t.actor_id or ""].sectors}
        for _s, t, _sym in pairs
        if t is not None and ((t.actor_id or "") in actors or (readings and t.code))
    ]
    return bool(found) and all(sec and sec <= _CIVILIAN_SECTORS for sec in found)


#: Places of civilian life: an armed group attacking one ("attacked a hotel / market / school") assaults civilians.
_CIVILIAN_FACILITIES = frozenset(
    {
        "hotel",
        "market",
        "marketplace",
        "school",
        "hospital",
        "clinic",
        "mosque",
        "church",
        "temple",
        "synagogue",
        "restaurant",
        "cafe",
        "bar",
        "nightclub",
        "mall",
        "shop",
        "bus",
        "train",
        "wedding",
        "funeral",
        "concert",
        "village",
        "home",
        "house",
        "university",
        "college",
    }
)


def _civilian_facility(verb: Token) -> bool:
    """Whether the verb's direct object (or passive subject) is a place of civilian life."""
    return any(ch.dep_ in ("dobj", "nsubjpass") and ch.lemma_.lower() in _CIVILIAN_FACILITIES for ch in verb.children)


def _pairs(c: Cand) -> list[tuple[Side | None, Side | None, bool]]:
    """(source, target, symmetric) pairs: one event per actor pair; symmetric events in both directions."""
    srcs, tgts = c.sources, c.targets
    if c.match.rule.endswith(":reversed"):
        # a pattern with only a reverse code ('[:184]', "died in police custody") is done by the target side to
        # the subject: "a prisoner died ... in Israeli police custody" = ISRCOP -> the prisoner
        srcs, tgts = tgts, srcs
    sym = c.match.symmetric or (bool(c.match.rev_code) and c.match.rev_code == c.match.code)
    out: list[tuple[Side | None, Side | None, bool]] = []
    mutual = sym or c.match.code[:2] in _MUTUAL_ROOTS or c.match.rule.startswith("nominal")
    if len(srcs) >= 2 and mutual and not any(t.actor_id for t in tgts):
        for a in srcs:
            for b in srcs:
                if a is not b:
                    out.append((a, b, True))
        return out
    srcs_l: list[Side | None] = list(srcs) or [None]
    tgts_l: list[Side | None] = list(tgts) or [None]
    for s in srcs_l:
        for t in tgts_l:
            if s is None and t is None:
                continue
            if s is not None and t is not None and s.actor_id and s.actor_id == t.actor_id:
                continue
            out.append((s, t, sym and s is not None and t is not None))
            if sym and s is not None and t is not None:
                out.append((t, s, True))
    return out[:8]


def _arg(side: Side | None, actors: dict[str, Actor]) -> Argument | None:
    if side is None:
        return None
    actor = actors.get(side.actor_id) if side.actor_id else None
    return Argument(
        start=side.start,
        end=side.end,
        text=side.text,
        actor_id=side.actor_id,
        code=(side.code or actor.code or None) if actor else side.code,  # side.code: a reading in context
    )


register_component("events", run)
