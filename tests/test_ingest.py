"""Ingest end to end: formats, errors and exit code, idempotent re-runs, stdin, workers, resume after SIGKILL."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.readers.fields import FieldMap
from synthetic import corpus

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
EVENTWIRE = [sys.executable, "-m", "eventwire"]


def make_corpus(root: Path, n: int, seed: int = 7) -> Path:
    """``n`` distinct short synthetic articles (tests/synthetic.py), one text file each, with front matter."""
    root.mkdir(parents=True, exist_ok=True)
    for i, body in enumerate(corpus(n, seed=seed, sentences=4)):
        meta = f"published: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}\nsource: Synthetic {i % 5}"
        (root / f"article-{i:03d}.txt").write_text(f"---\n{meta}\n---\n{body} (Ref {i}.)\n", encoding="utf-8")
    return root


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_ingest_fixture_corpus_reports_bad_records_and_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(CORPUS), "--db", str(db), "--batch-size", "3"])
    assert result.exit_code == 1, result.output  # records.jsonl and records.csv hold bad records
    assert "record(s) failed" in result.output and "records.csv:3: bad date" in result.output
    # talks, sidecar, page.html, 2 atom entries, 1 csv row; jsonl has no 'text' field (default field names)
    assert rows(db, "SELECT count(*) FROM articles") == [(6,)]
    errors = rows(db, "SELECT origin, line FROM errors ORDER BY origin, line")
    assert (str(CORPUS / "records.csv"), 3) in errors
    assert sum(1 for o, _ in errors if str(o).endswith("records.jsonl")) == 4
    again = runner.invoke(app, ["ingest", str(CORPUS), "--db", str(db)])
    assert again.exit_code == 1
    assert "ingested 0 articles" in again.output and "skipped 6 already stored" in again.output
    assert rows(db, "SELECT count(*) FROM articles") == [(6,)]
    assert rows(db, "SELECT count(*) FROM errors") == [(len(errors),)]


def test_ingest_jsonl_with_field_options_and_exit_zero(tmp_path: Path) -> None:
    db = tmp_path / "j.duckdb"
    good = tmp_path / "good.jsonl"
    good.write_text(
        "\n".join(line for line in (CORPUS / "records.jsonl").read_text().splitlines() if line.endswith("}")),
        encoding="utf-8",
    )
    args = ["ingest", str(good), "--db", str(db), "--text-field", "body", "--title-field", "headline"]
    args += ["--date-field", "day", "--source-field", "outlet", "--url-field", "link"]
    result = CliRunner().invoke(app, args)
    # the record without a body still fails: exit 1 names it
    assert result.exit_code == 1 and "no 'body' field" in result.output
    assert rows(db, "SELECT title, source FROM articles ORDER BY title") == [
        ("Canada and Mexico sign deal", "JSON Wire"),
        ("Pacific patrols", "JSON Wire"),
    ]
    clean = tmp_path / "clean.jsonl"
    clean.write_text((CORPUS / "records.jsonl").read_text().splitlines()[0] + "\n", encoding="utf-8")
    ok = CliRunner().invoke(app, [*args[:1], str(clean), *args[2:]])
    assert ok.exit_code == 0, ok.output


def test_ingest_stdin(tmp_path: Path) -> None:
    db = tmp_path / "in.duckdb"
    text = (CORPUS / "talks.txt").read_text()
    result = CliRunner().invoke(app, ["ingest", "-", "--db", str(db)], input=text)
    assert result.exit_code == 0, result.output
    assert rows(db, "SELECT origin, title FROM articles") == [("<stdin>", "Envoys meet in Geneva")]


def test_overlapping_corpus_adds_only_new_articles(tmp_path: Path) -> None:
    from eventwire.ingest import ingest

    corpus = make_corpus(tmp_path / "c", 8)
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for i, path in enumerate(sorted(corpus.iterdir())):
        if i < 6:
            shutil.copy(path, first / path.name)
        if i >= 3:
            shutil.copy(path, second / path.name)
    db = tmp_path / "o.duckdb"
    r1 = ingest([first], db, batch_size=4, fields=FieldMap())
    r2 = ingest([second], db, batch_size=4)
    assert (r1.articles, r2.articles, r2.skipped) == (6, 2, 3)
    assert rows(db, "SELECT count(*), count(DISTINCT id) FROM articles") == [(8, 8)]


@pytest.mark.slow
def test_two_workers_store_the_same_as_one(tmp_path: Path) -> None:
    from eventwire.ingest import ingest

    corpus = make_corpus(tmp_path / "c", 12, seed=3)
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest([corpus], one, workers=1, batch_size=2)
    ingest([corpus], two, workers=2, batch_size=2)
    q = "SELECT id, source_code, target_code, cameo, num_mentions FROM events ORDER BY id"
    assert rows(one, "SELECT id FROM articles ORDER BY id") == rows(two, "SELECT id FROM articles ORDER BY id")
    assert rows(one, q) == rows(two, q)


@pytest.mark.slow
def test_resume_after_sigkill_loses_nothing_and_doubles_nothing(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", 40)
    db = tmp_path / "k.duckdb"
    cmd = [*EVENTWIRE, "ingest", str(corpus), "--db", str(db), "--batch-size", "2", "--no-progress"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("batch 1 committed"):
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "ingest should have been killed mid-run"
    stored = rows(db, "SELECT count(*) FROM articles")[0][0]
    assert isinstance(stored, int) and 2 <= stored < 40  # the first batch survived the kill
    mentions_before = rows(db, "SELECT count(*) FROM event_mentions")[0][0]

    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {stored} already stored" in rerun.stderr
    assert rows(db, "SELECT count(*), count(DISTINCT id), count(DISTINCT origin) FROM articles") == [(40, 40, 40)]
    per_article = rows(db, "SELECT article_id, local_id, count(*) FROM event_mentions GROUP BY ALL HAVING count(*) > 1")
    assert per_article == []
    assert rows(db, "SELECT count(*) FROM event_mentions")[0][0] >= mentions_before  # type: ignore[operator]
    # a third run changes nothing
    third = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert third.returncode == 0 and "ingested 0 articles" in third.stderr
    assert rows(db, "SELECT count(*) FROM articles") == [(40,)]
