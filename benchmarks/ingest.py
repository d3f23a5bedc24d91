"""Ingest and query benchmark: articles/s and peak RSS for synthetic corpora, dyad query time at 1M/10M events.

Usage (from the repository root)::

    .venv/bin/python benchmarks/ingest.py                       # 1k and 10k articles, 1 and 2 workers; 1M, 10M events
    .venv/bin/python benchmarks/ingest.py --articles 1000 --events 1000000 10000000

Articles come from tests/synthetic.py (sentence templates with random slots, project-written, no
external text); each configuration runs ``eventwire ingest`` as a subprocess on a fresh
store, and peak RSS is sampled over the whole process tree (main process + workers).
Events for the query benchmark are inserted directly with SQL (no NLP).
"""

from __future__ import annotations

import argparse
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
    """Write ``n`` synthetic articles (tests/synthetic.py) as a JSONL file (one file: no per-file overhead)."""
    import json

    path = root / f"synthetic-{n}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(corpus(n, seed=n, sentences=6)):
            rec = {"text": f"{text} (Ref {i}.)", "date": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"}
            fh.write(json.dumps({**rec, "source": f"Synthetic {i % 7}"}) + "\n")
    return path


def tree_rss_kb(pid: int) -> int:
    """Resident memory (kB) of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_ingest(corpus: Path, workers: int, batch_size: int) -> tuple[float, int, int]:
    """(seconds, articles stored, peak tree RSS in MB) of one `eventwire ingest` run on a fresh store."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        cmd = [sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db)]
        cmd += ["--workers", str(workers), "--batch-size", str(batch_size), "--no-progress"]
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        err = proc.stderr.read() if proc.stderr else ""
        if proc.returncode not in (0, 1):
            raise SystemExit(f"ingest failed ({proc.returncode}):\n{err[-2000:]}")
        import duckdb

        con = duckdb.connect(str(db), read_only=True)
        stored = int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
        con.close()
    return seconds, stored, peak // 1024


_FILL_SQL = """
INSERT INTO events (id, date, source_code, source_country, source_name, target_code, target_country, target_name,
                    cameo, base_code, root, cameo_name, quad_class, goldstein, modality, num_mentions, num_sources,
                    num_articles, num_copies, first_seen)
SELECT i, DATE '2015-01-01' + CAST((h // 4096000) % 3650 AS INTEGER),
       c1 || 'GOV', c1, c1, c2 || 'GOV', c2, c2,
       r || '0', r || '0', r, 'synthetic', q, g, 'asserted', 1 + CAST((h // 1000000000000) % 5 AS INTEGER), 1, 1, 0,
       TIMESTAMP '2024-01-01'
FROM (
    SELECT i, h,
           ['USA','CHN','RUS','UKR','FRA','DEU','IND','BRA','JPN','GBR','IRN','ISR','TUR','EGY','KEN','MEX']
               [1 + CAST(h % 16 AS INTEGER)] AS c1,
           ['USA','CHN','RUS','UKR','FRA','DEU','IND','BRA','JPN','GBR','IRN','ISR','TUR','EGY','KEN','MEX']
               [1 + CAST((h // 16) % 16 AS INTEGER)] AS c2,
           lpad(CAST(1 + (h // 256) % 20 AS VARCHAR), 2, '0') AS r,
           CAST(1 + (h // 5120) % 4 AS TINYINT) AS q,
           (CAST((h // 20480) % 200 AS DOUBLE) / 10.0) - 10.0 AS g
    FROM (SELECT i, hash(i) AS h FROM range(?, ?) t(i))
)
"""


def bench_query(n_events: int, repeats: int = 5) -> tuple[float, float, int]:
    """(fill seconds, best dyad-by-month seconds, periods returned) over ``n_events`` synthetic events."""
    from eventwire.store import connect
    from eventwire.store.queries import dyad

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "events.duckdb"
        con = connect(db)
        started = time.perf_counter()
        step = 2_000_000
        for lo in range(0, n_events, step):
            con.execute(_FILL_SQL, [lo, min(n_events, lo + step)])
        con.execute("CHECKPOINT")
        fill = time.perf_counter() - started
        con.close()
        con = connect(db, read_only=True)
        dyad(con, "USA", "CHN", "month")  # warm the buffer cache
        best, periods = float("inf"), 0
        for _ in range(repeats):
            t0 = time.perf_counter()
            periods = len(dyad(con, "USA", "CHN", "month"))
            best = min(best, time.perf_counter() - t0)
        con.close()
    return fill, best, periods


def main() -> None:
    """Run the benchmark and print a Markdown table of the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, nargs="*", default=[1000, 10000])
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--events", type=int, nargs="*", default=[1_000_000, 10_000_000])
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} CPUs; python {sys.version.split()[0]}")
    if args.articles:
        print("\n| articles | workers | seconds | articles/s | peak RSS (MB, all processes) |")
        print("|---:|---:|---:|---:|---:|")
        with tempfile.TemporaryDirectory() as tmp:
            for n in args.articles:
                corpus = make_corpus(Path(tmp), n)
                for w in args.workers:
                    seconds, stored, peak = run_ingest(corpus, w, args.batch_size)
                    print(f"| {stored:,} | {w} | {seconds:.1f} | {stored / seconds:.1f} | {peak:,} |", flush=True)
    if args.events:
        print("\n| events | fill (s) | dyad USA-CHN by month, best of 5 (s) | periods |")
        print("|---:|---:|---:|---:|")
        for n in args.events:
            fill, best, periods = bench_query(n)
            print(f"| {n:,} | {fill:.1f} | {best:.3f} | {periods} |", flush=True)


if __name__ == "__main__":
    main()
