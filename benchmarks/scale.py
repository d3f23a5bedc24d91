"""Scaling benchmark: articles/s of the local engine (1, 2 workers) and the Ray engine (1, 2 actors).

Every configuration runs ``eventwire ingest CORPUS --output DIR --engine E --workers N`` as a fresh subprocess on
the same synthetic JSONL corpus (benchmarks/synthetic.py) into a fresh Parquet dataset, so both engines do the same
work (same readers, same ``process_batch``, same Parquet sink); the Ray runs start their own local Ray instance.
Wall time includes start-up (model load; for Ray also the cluster and actor start).

Usage (from the repository root; Ray installed: pip install -e '.[ray]')::

    .venv/bin/python benchmarks/scale.py                     # 10k articles (the issue's figure)
    .venv/bin/python benchmarks/scale.py --articles 1000     # what docs/scale.md reports on the 2-CPU dev machine
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The synthetic corpus generator lives with the tests (tests/synthetic.py), which use it too.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from synthetic import corpus


def make_corpus(root: Path, n: int) -> Path:
    """``n`` synthetic articles as one JSONL file, dated over one year."""
    path = root / f"synthetic-{n}.jsonl"
    start = dt.date(2024, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(corpus(n)):
            day = start + dt.timedelta(days=i % 366)
            fh.write(json.dumps({"text": f"{text} (Item {i}.)", "date": day.isoformat(), "source": f"Wire {i % 5}"}))
            fh.write("\n")
    return path


def run(corpus_path: Path, engine: str, workers: int, batch_size: int) -> tuple[float, int]:
    """(seconds, articles written) of one ingest run into a fresh Parquet dataset."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cmd = [sys.executable, "-m", "eventwire", "ingest", str(corpus_path), "--output", str(out)]
        cmd += ["--engine", engine, "--workers", str(workers), "--batch-size", str(batch_size), "--no-progress"]
        env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
        started = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        seconds = time.perf_counter() - started
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{engine}/{workers} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        import duckdb

        con = duckdb.connect()
        n = int(con.execute("SELECT count(*) FROM read_parquet(?)", [str(out / "articles/**/*.parquet")]).fetchone()[0])
        con.close()
    return seconds, n


def main() -> None:
    """Run every configuration and print a Markdown table with the Ray/local overhead at equal workers."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--engines", nargs="*", default=["local", "ray"])
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f}; python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        path = make_corpus(Path(tmp), args.articles)
        words = sum(len(json.loads(line)["text"].split()) for line in path.open(encoding="utf-8"))
        print(f"corpus: {args.articles:,} synthetic articles, {words / args.articles:.0f} words each on average\n")
        print("| engine | workers | seconds | articles | articles/s | vs local at equal workers |")
        print("|---|---:|---:|---:|---:|---:|")
        local: dict[int, float] = {}
        for engine in args.engines:
            for w in args.workers:
                seconds, n = run(path, engine, w, args.batch_size)
                rate = n / seconds
                if engine == "local":
                    local[w] = seconds
                rel = f"{seconds / local[w]:.2f}× time" if engine != "local" and w in local else ""
                print(f"| {engine} | {w} | {seconds:.1f} | {n:,} | {rate:.1f} | {rel} |", flush=True)


if __name__ == "__main__":
    main()
