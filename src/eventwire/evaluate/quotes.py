"""``eventwire eval quotes``: quote attribution scored on PolNeAR (brat standoff).

Gold format: ``<dir>/text/<name>.txt`` and ``<dir>/attributions/<name>_<annotator>.ann``.
In the ``.ann`` files, text-bound lines (``T``) carry the type ``Source``, ``Cue``,
``Content`` (possibly discontinuous: ``s e;s e``), ``Attribution`` / ``Attribution-no-source``
(the anchor) and ``Discuss`` / ``Discard`` (ignored); event lines (``E``) link one anchor to its
``Content``, ``Cue`` and (when there is one) ``Source`` roles.  Articles annotated by several
annotators are scored once, against the alphabetically first annotation file.

Matching (also written into the report):

- Predictions are the top-level quotes (nested ones, with ``parent_id``, are left out: PolNeAR
  annotates each token in at most one attribution).  Parts of a split direct quote
  (``"A," Wang said, "B."``) share their cue and speaker tokens and are scored as one
  prediction whose content is the union of the parts, as PolNeAR annotates them as one
  discontinuous content.
- A prediction and a gold attribution *match* when their content spans share at least one
  alphanumeric character; the one-to-one assignment is greedy, best pairs first (speaker right,
  then larger overlap).
- The speaker is *right* when the predicted speaker span overlaps the gold Source span, or
  when the head words agree: the last alphabetic word of the gold Source (a possessive 's
  dropped) equals, case-insensitively, the last word of the predicted speaker text or of
  the resolved actor's name — pronoun heads only count by overlap.  A gold attribution without
  a Source is speaker-right only for a prediction without a speaker.
- The cue is right when the predicted cue span overlaps the gold Cue span.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from eventwire.evaluate import Metric, Report
from eventwire.pipeline import Pipeline, available_stages
from eventwire.records import Analysis, Article, Quote
from eventwire.stages.quotes_cues import COVERED_CLASSES, cue_table

#: PolNeAR dev articles carry no publication date in the files we read; quotes do not depend on it.
FIXED_DATE = dt.date(2016, 10, 1)

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "who"}
_WORD = re.compile(r"[A-Za-z][A-Za-z.\-]*")
_QUOTE_CHARS = set('"“”‘’«»') | {"''"}

Spans = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    """One PolNeAR attribution: content, cue and (optional) source spans."""

    content: Spans
    cue: Spans
    source: Spans
    source_text: str = ""
    cue_text: str = ""
    content_text: str = ""
    cls: str = "other"


@dataclass
class Prediction:
    """One predicted attribution (split direct quotes merged)."""

    content: Spans
    speaker: tuple[int, int] | None
    speaker_text: str | None
    actor_name: str | None
    cue: tuple[int, int] | None
    quotes: list[Quote] = field(default_factory=list)


def _spans(field_text: str) -> Spans:
    out = []
    for part in field_text.split(";"):
        s, e = part.split()
        out.append((int(s), int(e)))
    return out


def _role(roles: dict[str, str], spans: dict[str, tuple[str, Spans]], role: str) -> Spans:
    tid = roles.get(role)
    return spans[tid][1] if tid and tid in spans else []


def read_ann(path: Path, text: str) -> list[GoldAttribution]:
    """The attributions of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, *_ = line.split("\t")
            kind, _, offsets = info.partition(" ")
            spans[tid] = (kind, _spans(offsets))
        elif line.startswith("E"):
            _eid, info = line.split("\t")[:2]
            roles = dict(part.split(":", 1) for part in info.split())
            events.append(roles)
    out = []
    for roles in events:
        content, cue, source = (_role(roles, spans, r) for r in ("Content", "Cue", "Source"))
        if not content:
            continue
        out.append(
            GoldAttribution(
                content=content,
                cue=cue,
                source=source,
                source_text=" ".join(text[s:e] for s, e in source),
                cue_text=" ".join(text[s:e] for s, e in cue),
                content_text=" ".join(text[s:e] for s, e in content),
            )
        )
    return out


def gold_pairs(gold: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs: one annotation file per article (the alphabetically first)."""
    base = gold if (gold / "text").is_dir() else gold.parent
    pairs = []
    for txt in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(f"{txt.stem}_*.ann"))
        if anns:
            pairs.append((txt, anns[0]))
    return pairs


def _overlap(a: Spans, b: Spans, text: str) -> int:
    n = 0
    for s1, e1 in a:
        for s2, e2 in b:
            lo, hi = max(s1, s2), min(e1, e2)
            if hi > lo:
                n += sum(1 for ch in text[lo:hi] if ch.isalnum())
    return n


def _length(a: Spans, text: str) -> int:
    return sum(sum(1 for ch in text[s:e] if ch.isalnum()) for s, e in a)


def _head(words: str | None) -> str | None:
    if not words:
        return None
    found = _WORD.findall(words.replace("’s", "").replace("'s", ""))
    return found[-1].strip(".-").lower() if found else None


def speaker_right(pred: Prediction, gold: GoldAttribution) -> bool:
    """The speaker rule of the module docstring."""
    if not gold.source:
        return pred.speaker is None
    if pred.speaker is None:
        return False
    s, e = pred.speaker
    if any(s < ge and gs < e for gs, ge in gold.source):
        return True
    gh = _head(gold.source_text)
    if gh is None or gh in _PRONOUNS:
        return False
    return gh in {_head(pred.speaker_text), _head(pred.actor_name)} - {None}


def predictions_of(analysis: Analysis) -> list[Prediction]:
    """Top-level quotes, split direct quotes (same cue and speaker tokens) merged."""
    groups: dict[tuple[int, int | None], Prediction] = {}
    out: list[Prediction] = []
    for q in analysis.quotes:
        if q.parent_id is not None:
            continue
        actor = analysis.actor(q.speaker_actor_id)
        key = (q.cue_start, q.speaker_start) if q.cue_start is not None else None
        if key is not None and key in groups:
            groups[key].content.append((q.start, q.end))
            groups[key].quotes.append(q)
            continue
        speaker = (
            (q.speaker_start, q.speaker_end) if q.speaker_start is not None and q.speaker_end is not None else None
        )
        cue = (q.cue_start, q.cue_end) if q.cue_start is not None and q.cue_end is not None else None
        p = Prediction([(q.start, q.end)], speaker, q.speaker_text, actor.name if actor else None, cue, [q])
        out.append(p)
        if key is not None:
            groups[key] = p
    return out


def classify_gold(g: GoldAttribution, doc: Doc) -> str:
    """Cue class of a gold attribution: its cue's class in the cue table, 'direct' when quoted, else 'other'."""
    table = cue_table()
    quoted = any(ch in g.content_text for ch in _QUOTE_CHARS)
    lemmas = []
    for s, e in g.cue:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            lemmas += [t.lemma_.lower() for t in span]
    low = g.cue_text.lower()
    for phrase in table.phrases:
        if phrase in low:
            return table.phrases[phrase]
    classes = [table.cue_class(lem) for lem in lemmas]
    found = [c for c in classes if c is not None]
    if found:
        covered = [c for c in found if c in COVERED_CLASSES]
        return covered[0] if covered else found[0]
    return "quoted-other" if quoted else "other"


def is_covered(cls: str) -> bool:
    """Whether a gold class is one the stage sets out to find."""
    return cls in COVERED_CLASSES or cls == "quoted-other"


@dataclass
class DocResult:
    """Per-document matching result."""

    preds: list[Prediction]
    golds: list[GoldAttribution]
    pairs: list[tuple[int, int, bool, bool, float]]  # pred, gold, speaker right, cue right, jaccard


def match(preds: list[Prediction], golds: list[GoldAttribution], text: str) -> DocResult:
    """Greedy one-to-one matching: speaker-right pairs first, then by overlap."""
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            ov = _overlap(p.content, g.content, text)
            if ov > 0:
                sr = speaker_right(p, g)
                cands.append((sr, ov, i, j))
    cands.sort(key=lambda c: (not c[0], -c[1]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for sr, ov, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        p, g = preds[i], golds[j]
        cue_ok = p.cue is not None and any(p.cue[0] < ge and gs < p.cue[1] for gs, ge in g.cue)
        union = _length(p.content, text) + _length(g.content, text) - ov
        pairs.append((i, j, sr, cue_ok, ov / union if union else 0.0))
    return DocResult(preds, golds, pairs)


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(gold: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    """Score the actors+quotes stages on a PolNeAR directory (see the module docstring)."""
    pairs = gold_pairs(gold)
    if limit is not None:
        pairs = pairs[:limit]
    stages = ["actors", "quotes"] if "actors" in available_stages() else ["quotes"]
    runner = Pipeline(stages=stages, settings=pipeline.settings, nlp=pipeline.nlp)
    texts = [txt.read_text(encoding="utf-8") for txt, _ in pairs]
    articles = [
        Article.from_text(t, published=FIXED_DATE, origin=str(txt)).model_copy(update={"text": t})
        for t, (txt, _) in zip(texts, pairs, strict=True)
    ]
    results: list[tuple[DocResult, list[str], str]] = []
    for (txt, ann), art, doc in zip(pairs, articles, runner.nlp.pipe(texts, batch_size=16), strict=True):
        analysis = runner.run_stages(doc, art)
        golds = read_ann(ann, art.text)
        classes = [classify_gold(g, doc) for g in golds]
        for g, c in zip(golds, classes, strict=True):
            g.cls = c
        results.append((match(predictions_of(analysis), golds, art.text), classes, txt.stem))
    return _report(gold, results, stages)


def _report(gold: Path, results: list[tuple[DocResult, list[str], str]], stages: list[str]) -> Report:
    n_pred = n_gold = content_tp = speaker_tp = cue_tp = strict_tp = 0
    cov_pred = cov_gold = cov_content = cov_speaker = 0
    by_class: Counter[str] = Counter()
    by_class_found: Counter[str] = Counter()
    by_class_speaker: Counter[str] = Counter()
    pred_class: Counter[str] = Counter()
    pred_class_right: Counter[str] = Counter()
    for res, classes, _name in results:
        n_pred += len(res.preds)
        n_gold += len(res.golds)
        matched_gold = {j: (sr, cue, jac) for _i, j, sr, cue, jac in res.pairs}
        matched_pred_gold = {i: j for i, j, *_ in res.pairs}
        for j, cls in enumerate(classes):
            by_class[cls] += 1
            if j in matched_gold:
                by_class_found[cls] += 1
                by_class_speaker[cls] += matched_gold[j][0]
        right = {i for i, _j, sr, *_ in res.pairs if sr}
        for i, p in enumerate(res.preds):
            cls = (p.quotes[0].cue_class if p.quotes else None) or "none"
            pred_class[cls] += 1
            pred_class_right[cls] += i in right
        for _i, j, sr, cue, jac in res.pairs:
            content_tp += 1
            speaker_tp += sr
            cue_tp += cue
            strict_tp += jac >= 0.5
            if is_covered(classes[j]):
                cov_content += 1
                cov_speaker += sr
        cov_gold += sum(1 for c in classes if is_covered(c))
        # covered-subset precision: predictions matched to uncovered gold are left out
        cov_pred += sum(
            1 for i in range(len(res.preds)) if i not in matched_pred_gold or is_covered(classes[matched_pred_gold[i]])
        )
    cp, cr, cf = _prf(content_tp, n_pred, content_tp, n_gold)
    sp, sr_, sf = _prf(speaker_tp, n_pred, speaker_tp, n_gold)
    kp, kr, _kf = _prf(strict_tp, n_pred, strict_tp, n_gold)
    vp, vr, _vf = _prf(cov_content, cov_pred, cov_content, cov_gold)
    wp, wr, wf = _prf(cov_speaker, cov_pred, cov_speaker, cov_gold)
    metrics = [
        Metric("content precision (all attributions)", cp, f"{content_tp}/{n_pred}"),
        Metric("content recall (all attributions)", cr, f"{content_tp}/{n_gold}"),
        Metric("content F1 (all attributions)", cf),
        Metric("speaker-right precision (all attributions)", sp, f"{speaker_tp}/{n_pred}"),
        Metric("speaker-right recall (all attributions)", sr_, f"{speaker_tp}/{n_gold}"),
        Metric("speaker-right F1 (all attributions)", sf),
        Metric(
            "cue accuracy (on content matches)", cue_tp / content_tp if content_tp else 0.0, f"{cue_tp}/{content_tp}"
        ),
        Metric("strict content precision (char Jaccard ≥ 0.5)", kp, f"{strict_tp}/{n_pred}"),
        Metric("strict content recall (char Jaccard ≥ 0.5)", kr, f"{strict_tp}/{n_gold}"),
        Metric("content precision (covered subset)", vp, f"{cov_content}/{cov_pred}"),
        Metric("content recall (covered subset)", vr, f"{cov_content}/{cov_gold}"),
        Metric("speaker-right precision (covered subset)", wp, f"{cov_speaker}/{cov_pred}"),
        Metric("speaker-right recall (covered subset)", wr, f"{cov_speaker}/{cov_gold}"),
        Metric("speaker-right F1 (covered subset)", wf),
    ]
    rows = [["gold cue class", "covered", "gold", "content found", "speaker right"]]
    for cls, n in by_class.most_common():
        rows.append(
            [cls, "yes" if is_covered(cls) else "no", str(n), str(by_class_found[cls]), str(by_class_speaker[cls])]
        )
    prows = [["predicted cue class", "predictions", "speaker right", "precision"]]
    for cls, n in pred_class.most_common():
        prows.append([cls, str(n), str(pred_class_right[cls]), f"{pred_class_right[cls] / n:.3f}"])
    rules = [
        "predictions: top-level quotes (nested quotes left out); parts of a split direct quote that share cue and "
        "speaker tokens are one prediction with a discontinuous content",
        "content match: the predicted and gold content spans share at least one alphanumeric character; "
        "one-to-one greedy assignment, speaker-right pairs first, then larger overlap",
        "speaker right: predicted speaker span overlaps the gold Source span, or the last word of the gold Source "
        "(possessive dropped) equals case-insensitively the last word of the predicted speaker text or of the "
        "resolved actor's name (pronoun heads count only by overlap); a gold attribution without Source needs a "
        "prediction without speaker",
        "speaker-right precision = pairs with content match and right speaker / predictions; "
        "recall = the same pairs / gold attributions",
        "cue accuracy: predicted cue span overlaps the gold Cue span, over content-matched pairs",
        "covered subset: gold attributions whose cue word (spaCy lemma) is in a covered class of quote_cues.tsv "
        f"({', '.join(sorted(COVERED_CLASSES))}) or whose content is quoted with no listed cue; predictions matched "
        "to an uncovered gold attribution are left out of the covered precision",
    ]
    notes = [
        f"stages run: {' + '.join(stages)}; fixed publication date {FIXED_DATE.isoformat()} (PolNeAR files carry none)",
        "one annotation per article: when several annotators annotated an article, the alphabetically first file",
        "uncovered PolNeAR attributions (cues outside the table, 'seems'/'appears') count as misses in the "
        "all-attribution figures; beliefs, intentions and evidence ('X thinks', 'X plans to', 'a poll shows') are "
        "emitted with cue_class belief/intention/evidence and scored like speech (precision by predicted "
        "cue class is in the table below)",
    ]
    return Report(
        task="quotes",
        gold=str(gold),
        documents=len(results),
        metrics=metrics,
        rules=rules,
        tables={"Recall by gold cue class": rows, "Precision by predicted cue class": prows},
        notes=notes,
    )
