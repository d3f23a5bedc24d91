"""``eventwire eval events``: CAMEO/PLOVER event coding scored on gold events.

Two gold formats are read (chosen by the file's content):

1. The PLOVER GSR set (``plover_gsr_cameo.json``: a JSON list; the first record documents the file).  Each
   record is one sentence with one gold event: ``event`` (a PLOVER 0.5 type name), ``source`` and ``target``
   (lists of ``{"actorText", "code", "sector"}``).  Type names are mapped to sets of CAMEO roots with
   :data:`PLOVER_ROOTS` (written down in docs/events.md).
2. eventwire's JSONL gold (one JSON object per line, documented in docs/events.md)::

     {"text": "...", "published": "2024-04-26",
      "events": [{"root": "04", "source": ["USAGOV"], "target": ["CHNGOV"], "symmetric": true}]}

   ``root`` may be replaced by ``cameo`` (any level; its first two digits count) or ``plover`` (a type name).
   Sides are CAMEO actor codes: a country (or ``IGO``/``NGO``/``IMG``) and optionally a CAMEO sector, so ``MED``
   is media here (the PLOVER set's sector names are PLOVER's, where ``MED`` is medical and ``JRN`` media).

Scoring: predicted events are grouped into *units* (one trigger and one root: one reported action, whose
actor pairs — one event record each, a symmetric pair in both directions — are scored together, as the gold
gives one event with lists of sources and targets).  Each gold event is matched to at most one unit of its
sentence whose root is among the gold roots (the one with the best actor agreement).  Root precision = matched units /
units, recall = matched gold / gold.  On matched events the source (target) is right when a predicted side's
country agrees with a gold side's and, when gold gives a sector, that sector is among the sectors of the side's
actor; the code conventions (gold ISO/old CAMEO country codes, ``IGO``/``NGO``/``IMG``, PLOVER's renamed sectors
JRN and MED) are shared with the actors scorer in :mod:`eventwire.evaluate.codes`.  A gold event without
target accepts no target, or the other side of a symmetric event.  The triple is right when root, source and
target are all right.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.evaluate import Metric, Report
from eventwire.evaluate.codes import country_agrees, sector_agrees, split_code
from eventwire.pipeline import Pipeline
from eventwire.records import Actor, Article, Event

#: PLOVER type names (0.5b1 and 2021) -> accepted CAMEO roots; the first is the primary root.
PLOVER_ROOTS: dict[str, tuple[str, ...]] = {
    "AGREE": ("03", "05", "06"),
    "CONSULT": ("04",),
    "SUPPORT": ("05",),
    "COOPERATE": ("06",),
    "AID": ("07",),
    "CONCEDE": ("08",),
    "RETREAT": ("08",),
    "YIELD": ("08",),
    "INVESTIGATE": ("09",),
    "DEMAND": ("10", "02"),
    "REQUEST": ("10", "02"),
    "DISAPPROVE": ("11",),
    "ACCUSE": ("11", "09"),
    "REJECT": ("12",),
    "THREATEN": ("13",),
    "PROTEST": ("14",),
    "MOBILIZE": ("15",),
    "SANCTION": ("16",),
    "COERCE": ("17",),
    "ASSAULT": ("18", "20"),
    "FIGHT": ("19",),
}

Side = tuple[str, str]  # (country, sector) — sector '' when not given


@dataclass
class GoldEvent:
    """One gold event: accepted roots, label, sides."""

    roots: tuple[str, ...]
    label: str
    sources: list[Side]
    targets: list[Side]
    symmetric: bool = False
    plover_sectors: bool = True


@dataclass
class GoldDoc:
    """One gold document (sentence) with its events."""

    text: str
    published: dt.date
    events: list[GoldEvent] = field(default_factory=list)


def _side_from_code(code: str) -> Side:
    code = code.strip().upper()
    return code[:3], code[3:6]


def _plover_sides(items: Any) -> list[Side]:
    if not isinstance(items, list):
        return []
    out: list[Side] = []
    for it in items:
        if isinstance(it, dict) and it.get("code"):
            sector = str(it.get("sector") or "")[:3].upper()
            out.append((str(it["code"]).upper()[:3], "" if sector == "***" else sector))
    return out


def read_gold(path: Path) -> list[GoldDoc]:
    """Gold documents from a PLOVER GSR JSON list or an eventwire JSONL file."""
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    docs: list[GoldDoc] = []
    if stripped.startswith("["):
        for rec in json.loads(text):
            label = str(rec.get("event", "")).upper()
            if label == "DOCUMENT" or not rec.get("text"):
                continue
            accepted = PLOVER_ROOTS.get(label)
            if accepted is None:
                continue
            date = dt.date.fromisoformat(rec["date"]) if rec.get("date") else dt.date(2000, 1, 1)
            ev = GoldEvent(accepted, label, _plover_sides(rec.get("source")), _plover_sides(rec.get("target")))
            docs.append(GoldDoc(rec["text"], date, [ev]))
        return docs
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON: {exc}") from None
        pub = dt.date.fromisoformat(rec["published"]) if rec.get("published") else dt.date(2000, 1, 1)
        doc = GoldDoc(rec["text"], pub)
        for ev in rec.get("events", []):
            if ev.get("root") or ev.get("cameo"):
                roots: tuple[str, ...] = (str(ev.get("root") or ev.get("cameo"))[:2],)
                label = roots[0]
            elif ev.get("plover"):
                label = str(ev["plover"]).upper()
                roots = PLOVER_ROOTS.get(label, ())
            else:
                raise ValueError(f"{path}:{n}: event without root, cameo or plover")
            srcs = [_side_from_code(c) for c in ev.get("source", [])]
            tgts = [_side_from_code(c) for c in ev.get("target", [])]
            doc.events.append(GoldEvent(roots, label, srcs, tgts, bool(ev.get("symmetric")), plover_sectors=False))
        docs.append(doc)
    return docs


#: A predicted side: (country, sectors) of the side's actor record, else of its bare code.
Pred = tuple[str | None, tuple[str, ...]]


def _pred_side(code: str | None, actor: Actor | None) -> Pred | None:
    if actor is not None and (actor.code or None) == code:
        return actor.country, tuple(actor.sectors)
    if not code:
        return None
    country, sectors = split_code(code)
    return country, tuple(sectors)


def _side_ok(pred: Pred | str | None, gold: Side, plover_sectors: bool = True) -> bool:
    """Country (IGO/NGO/IMG rules of :mod:`eventwire.evaluate.codes`), and the sector when gold gives one.

    ``pred`` is a (country, sectors) pair or a bare CAMEO code such as ``'USAGOV'``.
    """
    if isinstance(pred, str):
        pred = _pred_side(pred, None)
    if pred is None:
        return False
    country, sectors = pred
    if not country_agrees(gold[0], country, sectors):
        return False
    return not gold[1] or sector_agrees(gold[0], gold[1], sectors, plover=plover_sectors)


@dataclass
class Unit:
    """Predicted events of one trigger and root: one reported action, with all its actor pairs."""

    root: str
    cameo: str
    pairs: list[tuple[Pred | None, Pred | None]]
    symmetric: bool
    events: int = 0


def units_of(events: list[Event], actors: list[Actor] | None = None) -> list[Unit]:
    """Group events into scoring units: one per trigger and CAMEO root.

    One reported action is one gold event whose sources and targets are lists; eventwire emits it as one
    event per actor pair (and a symmetric pair in both directions), so the pairs of one trigger and root are
    scored together against the gold lists.
    """
    by_id = {a.id: a for a in actors or []}
    groups: dict[tuple[int, str], Unit] = {}
    for e in events:
        s = _pred_side(e.source.code, by_id.get(e.source.actor_id or "")) if e.source else None
        t = _pred_side(e.target.code, by_id.get(e.target.actor_id or "")) if e.target else None
        u = groups.setdefault((e.trigger.start, e.root), Unit(e.root, e.cameo, [], e.symmetric))
        u.symmetric = u.symmetric and e.symmetric
        u.pairs.append((s, t))
        u.events += 1
    return list(groups.values())


def score_unit(u: Unit, g: GoldEvent) -> tuple[bool, bool]:
    """(source right, target right) for a unit against a gold event."""
    src_ok = not g.sources or any(any(_side_ok(s, gs, g.plover_sectors) for gs in g.sources) for s, _t in u.pairs)
    if g.targets:
        tgt_ok = any(any(_side_ok(t, gt, g.plover_sectors) for gt in g.targets) for _s, t in u.pairs)
    else:
        tgt_ok = all(t is None for _s, t in u.pairs) or (
            u.symmetric and any(any(_side_ok(t, gs, g.plover_sectors) for gs in g.sources) for _s, t in u.pairs)
        )
    return src_ok, tgt_ok


def evaluate(gold: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    """Score event coding on a gold file (see module docstring)."""
    docs = read_gold(gold)
    if limit is not None:
        docs = docs[:limit]
    started = time.perf_counter()
    arts = [Article.from_text(d.text, published=d.published) for d in docs]
    n_gold = n_units = root_tp_gold = root_tp_units = triple_tp = n_events = matched_events = 0
    src_right = tgt_right = src_n = tgt_n = 0
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for d, analysis in zip(docs, pipeline.analyze_many(arts), strict=True):
        units = units_of(analysis.events, analysis.actors)
        n_units += len(units)
        n_events += len(analysis.events)
        used: set[int] = set()
        for g in d.events:
            n_gold += 1
            best: tuple[int, int] | None = None
            for k, u in enumerate(units):
                if k in used or u.root not in g.roots:
                    continue
                so, to = score_unit(u, g)
                sc = int(so) + int(to)
                if best is None or sc > best[0]:
                    best = (sc, k)
            if best is None:
                free = [u for k, u in enumerate(units) if k not in used]
                confusion[g.label][free[0].root if free else "none"] += 1
                continue
            k = best[1]
            used.add(k)
            u = units[k]
            matched_events += u.events
            confusion[g.label][u.root] += 1
            root_tp_gold += 1
            root_tp_units += 1
            so, to = score_unit(u, g)
            if g.sources:
                src_n += 1
                src_right += so
            if g.targets:
                tgt_n += 1
                tgt_right += to
            triple_tp += int(so and to)
    seconds = time.perf_counter() - started

    def prf(tp_p: int, np_: int, tp_r: int, ng: int) -> tuple[float, float, float]:
        p = tp_p / np_ if np_ else 0.0
        r = tp_r / ng if ng else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    rp, rr, rf = prf(root_tp_units, n_units, root_tp_gold, n_gold)
    tp, tr, tf = prf(triple_tp, n_units, triple_tp, n_gold)
    extra = (n_units - root_tp_units) / n_gold if n_gold else 0.0
    metrics = [
        Metric("root precision", rp, f"{root_tp_units}/{n_units} predicted events"),
        Metric("root recall", rr, f"{root_tp_gold}/{n_gold} gold events"),
        Metric("root F1", rf),
        Metric("source country+sector accuracy", src_right / src_n if src_n else 0.0, f"{src_right}/{src_n} matched"),
        Metric("target country+sector accuracy", tgt_right / tgt_n if tgt_n else 0.0, f"{tgt_right}/{tgt_n} matched"),
        Metric("triple precision", tp, f"{triple_tp}/{n_units}"),
        Metric("triple recall", tr, f"{triple_tp}/{n_gold}"),
        Metric("triple F1", tf),
        Metric("extra events per gold event", extra, f"{n_units - root_tp_units} unmatched predicted actions"),
        Metric(
            "extra event records per gold event (each actor pair and direction counted)",
            (n_events - matched_events) / n_gold if n_gold else 0.0,
            f"{n_events - matched_events} of {n_events} event records outside matched actions",
        ),
    ]
    rows = [["gold", "n", "predicted root (count)"]]
    for label in sorted(confusion):
        cnt = confusion[label]
        rows.append([label, str(sum(cnt.values())), ", ".join(f"{r}: {n}" for r, n in cnt.most_common())])
    return Report(
        task="events",
        gold=str(gold),
        documents=len(docs),
        metrics=metrics,
        rules=[
            "predicted events are grouped into units: one trigger and CAMEO root (one reported action); the unit's "
            "actor pairs are scored together against the gold's source and target lists",
            "a gold event matches one unit of its sentence whose CAMEO root is among the gold type's roots "
            "(PLOVER names mapped as in docs/events.md)",
            "a side is right when its country agrees and, if gold gives a sector, the sector is among the "
            "side's actor's sectors; code conventions shared with the actors scorer (eventwire.evaluate.codes): "
            "gold ISO/old CAMEO country codes mapped (ROU→ROM, TLS→TMP, MNE→MTN, JAP→JPN, ITL→ITA, VTN→VNM, "
            "GZS/WSB→PSE); IGO = any non-state code, or an IGO or NGO sector without a state (the gold writes IGO "
            "for named transnational NGOs too); IGO GOV also accepts the IGO's own IGO sector; "
            "PLOVER sectors JRN→MED, MED (medical)→HLH, CIV→CVL",
            "gold without target: no predicted target, or the other side of a symmetric event",
            "confusion table: unmatched gold shows the root of the first unmatched prediction of its sentence",
        ],
        tables={"Confusion by gold type": rows},
        seconds=seconds,
    )
