"""``eventwire eval time``: score the time stage on TimeML (``.tml``) gold files.

The gold directory holds TimeML documents (e.g. TimeBank and AQUAINT in sub-folders).
For each document the TIMEX3 with ``functionInDocument="CREATION_TIME"`` gives the
publication date; the text inside ``<TEXT>`` (tags removed, entities decoded) is
analysed, and its TIMEX3 elements are the gold expressions (the creation-time TIMEX3
sits outside ``<TEXT>`` and is never scored).
"""

from __future__ import annotations

import datetime as dt
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate import Metric, Report
from eventwire.pipeline import Pipeline
from eventwire.records import Analysis, Article, TimeExpression
from eventwire.stages import time as time_stage
from eventwire.stages.base import Context


@dataclass(frozen=True)
class GoldTimex:
    """One gold TIMEX3 in the plain text of a document."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class GoldDoc:
    """A TimeML document: name, creation date, plain text and gold expressions."""

    name: str
    dct: dt.date
    text: str
    timexes: list[GoldTimex]


def _flatten(elem: ET.Element, parts: list[str], spans: list[GoldTimex], offset: list[int]) -> None:
    """Collect the text under ``elem`` and the character spans of TIMEX3 elements."""
    if elem.text:
        parts.append(elem.text)
        offset[0] += len(elem.text)
    for child in elem:
        start = offset[0]
        _flatten(child, parts, spans, offset)
        if child.tag == "TIMEX3":
            text = "".join(parts)[start : offset[0]]
            spans.append(GoldTimex(start, offset[0], text, child.get("type", ""), child.get("value", "")))
        if child.tail:
            parts.append(child.tail)
            offset[0] += len(child.tail)


def _parse_dct(value: str) -> dt.date | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read_tml(path: Path) -> GoldDoc | None:
    """Read one TimeML file; None when it has no TEXT or creation time."""
    root = ET.parse(path).getroot()
    dct: dt.date | None = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = _parse_dct(tx.get("value", ""))
            break
    text_el = root.find(".//TEXT")
    if dct is None or text_el is None:
        return None
    parts: list[str] = []
    spans: list[GoldTimex] = []
    _flatten(text_el, parts, spans, [0])
    raw = "".join(parts)
    # The pipeline strips the text; shift the gold spans to match.
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    spans = [GoldTimex(s.start - lead, s.end - lead, s.text, s.type, s.value) for s in spans]
    return GoldDoc(path.stem, dct, text, spans)


_WEEK_RX = re.compile(r"-W(\d)(?!\d)")


def same_value(gold: str, pred: str) -> bool:
    """Values agree: exact match after upper-casing and zero-padding week numbers (W7 = W07)."""

    def canon(v: str) -> str:
        return _WEEK_RX.sub(lambda m: "-W0" + m.group(1), v.strip().upper())

    return canon(gold) == canon(pred)


def _overlap(a: GoldTimex, b: TimeExpression) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def evaluate(gold: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    """Score span detection, TIMEX3 value and type of the time stage on TimeML files."""
    files = sorted(gold.rglob("*.tml")) if gold.is_dir() else [gold]
    docs = [d for d in (read_tml(f) for f in files) if d is not None]
    if limit is not None:
        docs = docs[:limit]
    started = time.perf_counter()
    stage_seconds = 0.0
    counts: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    by_type_ok: Counter[str] = Counter()
    nlp_docs = pipeline.nlp.pipe((d.text for d in docs), batch_size=16)
    words = 0
    for gd, doc in zip(docs, nlp_docs, strict=True):
        words += len(doc)
        article = Article.from_text(gd.text, published=gd.dct)
        article = article.model_copy(update={"text": doc.text})
        analysis = Analysis(article=article)
        ctx = Context(published=gd.dct, settings=pipeline.settings)
        t0 = time.perf_counter()
        time_stage.run(doc, analysis, ctx)
        stage_seconds += time.perf_counter() - t0
        preds = analysis.times
        counts["gold"] += len(gd.timexes)
        counts["pred"] += len(preds)
        strict_pred = {(p.start, p.end) for p in preds}
        counts["strict_tp"] += sum(1 for g in gd.timexes if (g.start, g.end) in strict_pred)
        # Relaxed: one-to-one matching by largest overlap, in gold order.
        used: set[str] = set()
        for g in gd.timexes:
            best = max(
                (p for p in preds if p.id not in used and _overlap(g, p) > 0),
                key=lambda p: _overlap(g, p),
                default=None,
            )
            by_type[g.type] += 1
            if best is None:
                continue
            used.add(best.id)
            counts["relaxed_tp"] += 1
            value_ok = same_value(g.value, best.value)
            counts["value_ok"] += value_ok
            counts["type_ok"] += g.type == best.type
            counts["strict_value_ok"] += value_ok and (g.start, g.end) == (best.start, best.end)
            by_type_ok[g.type] += value_ok
    seconds = time.perf_counter() - started

    def prf(tp: int) -> tuple[float, float, float]:
        p = tp / counts["pred"] if counts["pred"] else 0.0
        r = tp / counts["gold"] if counts["gold"] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = prf(counts["strict_tp"])
    rp, rr, rf = prf(counts["relaxed_tp"])
    matched = counts["relaxed_tp"]
    n = len(docs)
    metrics = [
        Metric(
            "time value accuracy",
            counts["value_ok"] / matched if matched else 0.0,
            f"{counts['value_ok']}/{matched} relaxed-matched",
        ),
        Metric(
            "span F1 (relaxed)",
            rf,
            f"P {rp:.3f} R {rr:.3f}; {matched} matched, {counts['pred']} predicted, {counts['gold']} gold",
        ),
        Metric("span F1 (strict)", sf, f"P {sp:.3f} R {sr:.3f}; {counts['strict_tp']} exact"),
        Metric("type accuracy", counts["type_ok"] / matched if matched else 0.0, f"{counts['type_ok']}/{matched}"),
        Metric("value F1 (relaxed span + value)", prf(counts["value_ok"])[2], f"{counts['value_ok']} right values"),
        Metric(
            "value F1 (strict span + value)",
            prf(counts["strict_value_ok"])[2],
            f"{counts['strict_value_ok']} right values",
        ),
        Metric(
            "time stage ms/document",
            1000 * stage_seconds / max(n, 1),
            f"{1000 * stage_seconds:.0f} ms for {n} documents, {words} tokens (parse excluded)",
        ),
    ]
    rows = [["gold type", "gold", "value right"]] + [
        [t, str(by_type[t]), f"{by_type_ok[t] / by_type[t]:.3f}" if by_type[t] else "-"] for t in sorted(by_type)
    ]
    return Report(
        task="time",
        gold=str(gold),
        documents=n,
        metrics=metrics,
        rules=[
            "gold: TIMEX3 elements inside <TEXT> of every .tml file; the CREATION_TIME TIMEX3 (outside <TEXT>) is "
            "the publication date and is not scored",
            "strict span match: same start and end character offsets",
            "relaxed span match: character overlap; one-to-one, each gold takes the unmatched prediction "
            "overlapping it most",
            "value accuracy and type accuracy: over relaxed-matched pairs; values compared exactly after "
            "upper-casing and zero-padding ISO week numbers (1989-W7 = 1989-W07); mod/anchor attributes ignored",
            "only the spaCy parse and the time stage run; ms/document counts the time stage alone",
        ],
        tables={"Value accuracy by gold type (relaxed-matched)": rows},
        seconds=seconds,
    )
