"""Throughput of the eventwire pipeline against bare spaCy on the same text.

Runs, each in a fresh process so peak memory is measured separately:
  1. bare spaCy ``nlp.pipe`` over the corpus (same model eventwire loads);
  2. the full eventwire pipeline (``Pipeline.analyze_many``) over the same corpus.
Prints words/s for both, their ratio (target >= 0.8) and peak RSS.

    python benchmarks/throughput.py [--articles 300] [--repeat 2] [--stages actors,quotes]
    python benchmarks/throughput.py --corpus examples --repeat 5     # project-written .txt articles instead
    python benchmarks/throughput.py --interleaved --rounds 3         # one process, chunks alternated (drift-proof)

The synthetic corpus is dense on purpose (every sentence has a titled actor, a country, an interaction
verb, and quotes), so it is the expensive case for the stages; ``--corpus DIR`` measures on the text
articles under DIR (front matter removed), read once each.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import statistics
import sys
import time
from pathlib import Path

# The synthetic corpus generator lives with the tests (tests/synthetic.py), which use it too.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from synthetic import corpus


def load_texts(n: int, corpus_dir: str | None) -> list[str]:
    """The benchmark texts: ``n`` synthetic articles, or every .txt article under ``corpus_dir``."""
    if corpus_dir is None:
        return list(corpus(n))
    from eventwire.readers import InputError, read_text_file

    texts = []
    for path in sorted(Path(corpus_dir).rglob("*.txt")):
        try:
            texts.append(read_text_file(path).text)
        except InputError:
            continue  # deliberately broken examples
    return texts


def _run(mode: str, n: int, repeat: int, stages: list[str] | None, corpus_dir: str | None, queue: mp.Queue) -> None:  # type: ignore[type-arg]
    import datetime as dt

    from eventwire.nlp import load_nlp
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    texts = load_texts(n, corpus_dir)
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    pipeline = Pipeline(stages=stages, nlp=nlp) if mode == "eventwire" else None
    # warm-up: load tables and JIT-free caches before timing
    if pipeline is not None:
        pipeline.analyze(texts[0], published=dt.date(2024, 4, 26))
    else:
        nlp(texts[0])
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        if pipeline is None:
            for _doc in nlp.pipe(texts, batch_size=64):
                pass
        else:
            arts = [Article.from_text(t, published=dt.date(2024, 4, 26)) for t in texts]
            for _res in pipeline.analyze_many(arts, batch_size=64):
                pass
        best = min(best, time.perf_counter() - start)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stage_names = pipeline.stage_names if pipeline else []
    queue.put((mode, words, best, rss_mb, stage_names, f"{nlp.meta['lang']}_{nlp.meta['name']}", len(texts)))


def measure(mode: str, n: int, repeat: int, stages: list[str] | None, corpus_dir: str | None) -> tuple:  # type: ignore[type-arg]
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run, args=(mode, n, repeat, stages, corpus_dir, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result  # type: ignore[no-any-return]


def interleaved(n: int, rounds: int, stages: list[str] | None, corpus_dir: str | None, chunk: int = 8) -> None:
    """Bare spaCy and eventwire timed in one process, alternating chunk by chunk, so drift hits both alike.

    The VM's speed drifts by tens of percent between (and within) runs; paired processes only partly cancel it.
    Here both share one loaded model, each chunk of ``chunk`` articles is parsed by bare ``nlp.pipe`` and run
    through the full pipeline (which parses again) right after each other, the order flipping every chunk; the
    ratio is total bare time / total eventwire time, in wall-clock and CPU seconds.  Peak memory is not
    measured in this mode (use the default paired mode).
    """
    import datetime as dt

    from eventwire.nlp import load_nlp
    from eventwire.pipeline import Pipeline
    from eventwire.records import Article

    texts = load_texts(n, corpus_dir)
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    pipeline = Pipeline(stages=stages, nlp=nlp)
    pipeline.analyze(texts[0], published=dt.date(2024, 4, 26))
    nlp(texts[0])
    chunks = [texts[i : i + chunk] for i in range(0, len(texts), chunk)]
    print(
        f"interleaved: {len(texts)} articles, {words:,} words, chunks of {chunk}; "
        f"stages: {', '.join(pipeline.stage_names)}"
    )
    print(f"{'round':7}{'spaCy w/s':>11}{'eventwire w/s':>15}{'ratio wall':>12}{'ratio CPU':>11}")
    ratios: list[float] = []
    for r in range(rounds):
        wall = {"spacy": 0.0, "ew": 0.0}
        cpu = {"spacy": 0.0, "ew": 0.0}
        for k, part in enumerate(chunks):
            order = ("spacy", "ew") if (k + r) % 2 == 0 else ("ew", "spacy")
            for mode in order:
                w0, c0 = time.perf_counter(), time.process_time()
                if mode == "spacy":
                    for _doc in nlp.pipe(part, batch_size=chunk):
                        pass
                else:
                    arts = [Article.from_text(t, published=dt.date(2024, 4, 26)) for t in part]
                    for _res in pipeline.analyze_many(arts, batch_size=chunk):
                        pass
                wall[mode] += time.perf_counter() - w0
                cpu[mode] += time.process_time() - c0
        ratios.append(wall["spacy"] / wall["ew"])
        print(
            f"{r + 1:<7}{words / wall['spacy']:11,.0f}{words / wall['ew']:15,.0f}"
            f"{wall['spacy'] / wall['ew']:12.2f}{cpu['spacy'] / cpu['ew']:11.2f}"
        )
    ratios.sort()
    print(
        f"median wall-clock ratio eventwire/spaCy: {statistics.median(ratios):.2f} "
        f"(range {ratios[0]:.2f}-{ratios[-1]:.2f}; target >= 0.80)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2, help="timed passes per process (best is kept)")
    parser.add_argument("--rounds", type=int, default=1, help="paired spaCy/eventwire runs; the median is reported")
    parser.add_argument("--stages", default=None, help="comma-separated stage names (default: all)")
    parser.add_argument("--corpus", default=None, help="directory of .txt articles (default: synthetic)")
    parser.add_argument(
        "--interleaved", action="store_true", help="time both in one process, alternating small chunks (drift-proof)"
    )
    args = parser.parse_args()
    stages = args.stages.split(",") if args.stages else None
    if args.interleaved:
        interleaved(args.articles, args.rounds, stages, args.corpus)
        return
    rows = []
    for _ in range(args.rounds):
        # paired runs, one right after the other, so a slow spell of the machine hits both
        _, words, bare_s, bare_rss, _, model, n_texts = measure("spacy", args.articles, args.repeat, None, args.corpus)
        _, _, ew_s, ew_rss, names, _, _ = measure("eventwire", args.articles, args.repeat, stages, args.corpus)
        rows.append((words / bare_s, words / ew_s, bare_s, ew_s, bare_rss, ew_rss))
    what = f"{n_texts} articles from {args.corpus}" if args.corpus else f"{n_texts} synthetic articles"
    print(f"corpus: {what}, {words:,} words; model {model}; best of {args.repeat} per run, {args.rounds} round(s)")
    print(f"stages: {', '.join(names)}")
    print(f"{'round':7}{'spaCy w/s':>11}{'eventwire w/s':>15}{'ratio':>7}{'RSS MB spaCy':>14}{'RSS MB ew':>11}")
    for i, (bw, ew, _bs, _es, brss, erss) in enumerate(rows, 1):
        print(f"{i:<7}{bw:11,.0f}{ew:15,.0f}{ew / bw:7.2f}{brss:14.0f}{erss:11.0f}")
    ratios = sorted(ew / bw for bw, ew, *_ in rows)
    print(
        f"median ratio eventwire/spaCy: {statistics.median(ratios):.2f} (range {ratios[0]:.2f}-{ratios[-1]:.2f}; "
        "target >= 0.80)"
    )


if __name__ == "__main__":
    main()
