"""The cue table of the quotes stage (``data/quote_cues.tsv``), loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.knowledge import read_tsv

#: Cue classes of what someone said or wrote ("who said what").
SPEECH_CLASSES: frozenset[str] = frozenset({"speech", "writing", "stance", "announce", "according"})

#: Cue classes of attitudes and findings (X thinks, X wants to, a poll shows); emitted with their class
#: in ``Quote.cue_class`` so that consumers wanting speech only can leave them out.
ATTITUDE_CLASSES: frozenset[str] = frozenset({"belief", "intention", "evidence"})

#: Cue classes the quotes stage emits; the others in the table are kept for evaluation bookkeeping.
COVERED_CLASSES: frozenset[str] = SPEECH_CLASSES | ATTITUDE_CLASSES

DEFAULT_COMPLEMENTS: frozenset[str] = frozenset({"ccomp", "parataxis"})


@dataclass(frozen=True)
class VerbCue:
    """A cue verb: its class, the dependency labels of its content clause, an optional particle."""

    lemma: str
    cls: str
    complements: frozenset[str]
    particle: str | None = None
    wide: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CueTable:
    """All cues by kind."""

    verbs: dict[str, tuple[VerbCue, ...]]
    phrases: dict[str, str]
    speaker_nouns: dict[str, str]
    nouns: dict[str, VerbCue] = field(default_factory=dict)
    evidence_subjects: frozenset[str] = frozenset()
    #: string-store hashes of the noun cue lemmas (matched against the LEMMA array without string lookups)
    noun_hashes: frozenset[int] = frozenset()

    def verb_cue(self, lemma: str, particles: set[str], covered_only: bool = True) -> VerbCue | None:
        """The cue for a verb lemma (with the particles the verb has), or None."""
        for cue in self.verbs.get(lemma, ()):
            if covered_only and cue.cls not in COVERED_CLASSES:
                continue
            if cue.particle is None or cue.particle in particles:
                return cue
        return None

    def cue_class(self, lemma: str) -> str | None:
        """Class of a verb, phrase or noun cue regardless of coverage (for evaluation)."""
        if lemma in self.phrases:
            return self.phrases[lemma]
        cues = self.verbs.get(lemma)
        if cues:
            return cues[0].cls
        noun = self.nouns.get(lemma)
        return noun.cls if noun is not None else None


#: Verbs whose object is the addressee, not what was said (``told reporters``, ``urged voters``): in the
#: wide complements their object counts only together with an infinitive (``told X to Y``).
ADDRESSEE_VERBS: frozenset[str] = frozenset({"tell", "ask", "inform", "notify", "assure", "reassure", "urge"})

#: Classes whose verbs take a noun phrase or an infinitive as content in the indirect pass
#: (``noted the clot's existence``, ``said as much``, ``agreed to lend``); writing verbs are left out
#: (``wrote letters``, ``published the paper`` name the text, not what it says).
WIDE_CLASSES: frozenset[str] = frozenset({"speech", "stance", "announce", "writing"})


def wide_complements(lemma: str, cls: str, complements: frozenset[str], particle: str | None) -> frozenset[str]:
    """Content labels of a cue verb in the indirect pass: its listed ones, plus for speech, stance and
    announcement verbs a noun-phrase object (``dobj``) and an infinitive (``xcomp``); addressee verbs
    (``tell``, ``ask`` …) add only the infinitive, which takes the addressee along (``told X to Y``)."""
    if cls not in WIDE_CLASSES or particle is not None or "oprd" in complements:
        return complements
    if lemma in ADDRESSEE_VERBS:
        return complements | {"xcomp"}
    if lemma == "continue":
        return complements  # "continue to insist": the aspect verb, not a cue
    return complements | {"dobj", "xcomp"}


@lru_cache(maxsize=1)
def cue_table() -> CueTable:
    """The parsed ``quote_cues.tsv``."""
    verbs: dict[str, list[VerbCue]] = {}
    phrases: dict[str, str] = {}
    nouns: dict[str, str] = {}
    aliases: dict[str, str] = {}
    noun_cues: dict[str, VerbCue] = {}
    evidence: set[str] = set()
    for row in read_tsv("quote_cues.tsv"):
        lemma, kind, cls = row["lemma"].strip().lower(), row["kind"].strip(), row["class"].strip()
        comps = row.get("complements", "-").strip()
        if kind == "verb":
            head, _, particle = lemma.partition(" ")
            complements = DEFAULT_COMPLEMENTS if comps in {"", "-"} else frozenset(comps.split(","))
            wide = wide_complements(head, cls, complements, particle or None)
            verbs.setdefault(head, []).append(VerbCue(head, cls, complements, particle or None, wide))
        elif kind == "phrase":
            phrases[lemma] = cls
        elif kind == "speaker_noun":
            nouns[lemma] = cls
        elif kind in {"noun", "adjective"}:
            # adjectives ("critical of X") share the noun rows: the token's part of speech tells them apart
            noun_cues[lemma] = VerbCue(lemma, cls, frozenset(comps.split(",")))
        elif kind == "evidence_subject":
            evidence.add(lemma)
        elif kind == "alias":
            aliases[lemma] = cls.lower()
        else:
            raise ValueError(f"quote_cues.tsv: unknown kind {kind!r} for {lemma!r}")
    for model_lemma, lemma in aliases.items():
        # the model's lemmatiser maps some cue verbs to another lemma ("hopes", "hoping" -> "hop")
        verbs.setdefault(model_lemma, []).extend(verbs.get(lemma, []))
    # particle verbs first so that "point out" wins over a bare "point"
    ordered = {k: tuple(sorted(v, key=lambda c: c.particle is None)) for k, v in verbs.items()}
    noun_hashes = frozenset(hash_string(n) for n in noun_cues)
    return CueTable(ordered, phrases, nouns, noun_cues, frozenset(evidence), noun_hashes)


@lru_cache(maxsize=4)
def phrase_matcher(vocab: Vocab) -> PhraseMatcher:
    """A lower-case PhraseMatcher over the covered phrase cues, built once per vocab."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    table = cue_table()
    for phrase, cls in table.phrases.items():
        if cls in COVERED_CLASSES:
            matcher.add(phrase, [vocab_doc(vocab, phrase)])
    return matcher


def vocab_doc(vocab: Vocab, phrase: str) -> Doc:
    """A tokenised pattern doc for a phrase (whitespace tokenisation is enough for cue phrases)."""
    return Doc(vocab, words=phrase.split())
