"""``eventwire eval actors``: actor resolution scored on the PLOVER/CAMEO gold actors.

Gold: the PLOVER GSR set (``plover_gsr_cameo.json``, a JSON list; the first record documents the file).  Each
record is one sentence; its ``source`` and ``target`` lists hold gold actors ``{"actorText", "code",
"sector"}``.  Only the actors stage runs.

For every gold actor the ``actorText`` is located in the sentence (exact, then case-insensitive; a text with
``..`` gaps is located part by part and spans from the first part to the last) and the actor the pipeline
resolved there is taken with :func:`eventwire.stages.actors.actor_for_span` (the mention covering most
of the span, then the tightest) on the span's head part (:func:`head_part`: the first part of a gapped text,
else the text before its first post-modifier such as "in", "of", "living").  Figures: *mention found* (an
actor at the span), *country* (the country/IGO code agrees), *sector* (the sector agrees; gold actors with
the unknown sector ``***`` are not scored), *full code* (both).  Rates are over all located gold actors, so a
missed mention counts as wrong everywhere.

Code conventions (gold → eventwire) are shared with the events scorer and written down in
:mod:`eventwire.evaluate.codes` (ISO/old CAMEO country aliases, IGO/NGO/IMG, PLOVER sector names).  A gold
actor without a sector agrees with an actor without sectors (CAMEO codes a bare country as its country code
alone); for an ``IGO``/``NGO`` gold code the organisation's own ``IGO``/``NGO`` sector also agrees.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.evaluate import Metric, Report
from eventwire.evaluate.codes import country_agrees, is_state, sector_agrees
from eventwire.pipeline import Pipeline
from eventwire.records import Actor, Article


@dataclass
class GoldActor:
    """One gold actor: its text, code and sector (``""`` none given, ``None`` not scored)."""

    text: str
    code: str
    sector: str | None


@dataclass
class GoldSentence:
    """One gold sentence with its source and target actors."""

    text: str
    published: dt.date
    actors: list[GoldActor] = field(default_factory=list)


def read_gold(path: Path) -> list[GoldSentence]:
    """The gold sentences of a PLOVER GSR JSON list, with their source/target actors."""
    out: list[GoldSentence] = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        if str(rec.get("event", "")).upper() == "DOCUMENT" or not rec.get("text"):
            continue
        date = dt.date.fromisoformat(rec["date"]) if rec.get("date") else dt.date(2000, 1, 1)
        sent = GoldSentence(rec["text"], date)
        for side in ("source", "target"):
            items: Any = rec.get(side)
            for it in items if isinstance(items, list) else []:
                if not isinstance(it, dict) or not it.get("actorText") or not it.get("code"):
                    continue
                raw = str(it.get("sector") or "")
                sector: str | None = raw[:3].upper()
                if sector == "***":
                    sector = None
                sent.actors.append(GoldActor(str(it["actorText"]), str(it["code"]).upper(), sector))
        out.append(sent)
    return out


def locate(text: str, actor_text: str) -> tuple[int, int] | None:
    """Character span of a gold actor text in its sentence (parts joined by ``..`` gaps), or None."""
    parts = [" ".join(p.split()) for p in re.split(r"\.\.+", actor_text) if p.strip(" .")]
    parts = [p.strip() for p in parts if p.strip()]
    if not parts:
        return None
    start: int | None = None
    end = 0
    pos = 0
    for part in parts:
        pattern = r"\s+".join(re.escape(w) for w in part.split())
        m = re.compile(pattern).search(text, pos) or re.compile(pattern, re.I).search(text, pos)
        if m is None:
            return None
        start = m.start() if start is None else start
        end, pos = m.end(), m.end()
    assert start is not None
    return start, end


#: Words that start a post-modifier of a noun phrase: the gold actor's head comes before them.
POST_MODIFIERS = frozenset(
    {"in", "of", "from", "at", "near", "on", "living", "fleeing", "operating", "based", "loyal"}
    | {"who", "which", "that", "throughout", "inside", "under"}
)


def head_part(text: str, span: tuple[int, int], actor_text: str) -> tuple[int, int]:
    """The part of a located gold span that holds its head.

    A text with ``..`` gaps ("U.S. ... negotiators") is scored on its first part, which carries the
    country; otherwise the span is cut before its first post-modifier ("Opposition groups | in Zimbabwe",
    "Palestinians | living in the West Bank"), so a place in the post-modifier does not stand for the actor.
    """
    start, end = span
    if re.search(r"\.\.", actor_text):
        first = locate(text[start:end], re.split(r"\.\.+", actor_text)[0])
        if first is not None:
            return start + first[0], start + first[1]
    for m in re.finditer(r"\S+", text[start:end]):
        if m.start() > 0 and (m.group().lower() in POST_MODIFIERS or text[start + m.start() - 1] == ","):
            cut = start + m.start()
            return start, len(text[:cut].rstrip(" ,"))
    return span


def country_ok(gold: GoldActor, actor: Actor) -> bool:
    """Whether the actor's country/IGO code agrees with the gold code (see :mod:`eventwire.evaluate.codes`)."""
    return country_agrees(gold.code, actor.country, actor.sectors)


def sector_ok(gold: GoldActor, actor: Actor) -> bool | None:
    """Whether the actor's sectors agree with the gold sector; None when the gold sector is not scored."""
    if gold.sector is None:
        return None
    if gold.sector == "":
        if gold.code[:3] in ("IGO", "NGO"):
            return not actor.sectors or bool(set(actor.sectors) & {"IGO", "NGO"})
        return not actor.sectors
    return sector_agrees(gold.code, gold.sector, actor.sectors)


def _error_kind(gold: GoldActor, actor: Actor | None, c_ok: bool, s_ok: bool | None) -> str:
    if actor is None:
        return "no mention at the gold span"
    parts: list[str] = []
    if not c_ok:
        code = gold.code[:3]
        if code in ("IGO", "NGO", "IMG"):
            parts.append(f"{code} expected, got {'a state' if is_state(actor.country) else 'other code'}")
        elif actor.country is None:
            parts.append("country missing")
        elif not is_state(actor.country):
            parts.append("state expected, got IGO/region/group code")
        else:
            parts.append("other country")
    if s_ok is False:
        if gold.sector == "":
            parts.append("sector given, gold has none")
        elif not actor.sectors:
            parts.append("sector missing")
        else:
            parts.append("other sector")
    return "; ".join(parts) if parts else "correct"


def evaluate(gold: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    """Score actor resolution (actors stage only) on the gold source/target actors."""
    started = time.perf_counter()
    sentences = read_gold(gold)
    if limit is not None:
        sentences = sentences[:limit]
    actors_only = Pipeline(stages=["actors"], settings=pipeline.settings, nlp=pipeline.nlp)
    arts = [Article.from_text(s.text, published=s.published) for s in sentences]
    from eventwire.stages.actors import actor_for_span

    total = located = found = country = full = 0
    sector_scored = sector_right = 0
    kinds: Counter[str] = Counter()
    mention_kinds: Counter[str] = Counter()
    for sent, analysis in zip(sentences, actors_only.analyze_many(arts), strict=True):
        text = analysis.article.text
        for g in sent.actors:
            total += 1
            span = locate(text, g.text)
            if span is None:
                kinds["gold text not in the sentence (not scored)"] += 1
                continue
            located += 1
            actor = actor_for_span(analysis, *head_part(text, span, g.text))
            c_ok = actor is not None and country_ok(g, actor)
            s_ok = sector_ok(g, actor) if actor is not None else (None if g.sector is None else False)
            if actor is not None:
                found += 1
                m = min(
                    (m for m in analysis.mentions if m.start < span[1] and span[0] < m.end),
                    key=lambda m: m.end - m.start,
                )
                mention_kinds[m.kind] += 1
            country += c_ok
            if s_ok is not None:
                sector_scored += 1
                sector_right += s_ok
            full += c_ok and s_ok is not False
            kinds[_error_kind(g, actor, c_ok, s_ok)] += 1

    def rate(n: int, d: int) -> float:
        return n / d if d else 0.0

    metrics = [
        Metric("mention found", rate(found, located), f"{found}/{located}"),
        Metric("country/IGO code accuracy", rate(country, located), f"{country}/{located}"),
        Metric("sector accuracy", rate(sector_right, sector_scored), f"{sector_right}/{sector_scored}"),
        Metric("full code accuracy", rate(full, located), f"{full}/{located}"),
    ]
    table = [["outcome", "gold actors"]] + [[k, str(v)] for k, v in kinds.most_common()]
    mk = [["mention kind", "gold actors"]] + [[k, str(v)] for k, v in mention_kinds.most_common()]
    return Report(
        task="actors",
        gold=gold.name,
        documents=len(sentences),
        metrics=metrics,
        rules=[
            "each gold source/target actor text is located in its sentence; the actor is the one of the "
            "mention covering most of its head part (`actor_for_span`; the head part is the first part of a "
            "text with `..` gaps, else the text before a post-modifier such as in/of/from/living), actors "
            "stage only",
            "countries: gold ISO alpha-3 / old CAMEO codes mapped to eventwire's CAMEO codes "
            "(ROU→ROM, TLS→TMP, MNE→MTN, XKX→KSV, JAP→JPN, ITL→ITA, VTN→VNM, GZS/WSB→PSE)",
            "gold IGO = any non-state, non-region code, or an IGO or NGO sector without a state (the gold writes IGO "
            "for named transnational NGOs too); NGO = an NGO sector; "
            "IMG = a non-state code or an armed non-state sector without a state",
            "sectors: first three letters; PLOVER JRN→MED, MED (medical)→HLH, CIV→CVL; right when among the "
            "actor's sectors; no gold sector = no sectors (IGO/NGO may keep their own); `***` not scored",
            "full code = country and sector right (an unscored sector counts as right); rates over located gold actors",
        ],
        tables={"Outcomes": table, "Mention kinds at found gold actors": mk},
        notes=[f"{total} gold actors, {located} located in their sentence."],
        seconds=time.perf_counter() - started,
    )
