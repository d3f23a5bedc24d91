"""The command line: extract formats, schema, and one-line errors for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

runner = CliRunner()

ARTICLE = (
    "French Foreign Minister Jean-Noel Barrot met Brazilian President Luiz Inacio Lula da Silva in Brasilia "
    "on Monday. The two men discussed trade and climate policy, the French embassy said in a statement."
)


@pytest.fixture()
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_json_is_a_valid_record(article_file: Path) -> None:
    result = runner.invoke(app, ["extract", str(article_file), "--published", "2025-02-03", "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["article"]["published"] == "2025-02-03"
    assert record["article"]["published_from"] == "given"
    assert record["sentences"][0]["text"].startswith("French Foreign Minister")
    for part in ("actors", "mentions", "quotes", "times", "places", "sources", "events"):
        assert isinstance(record[part], list)


def test_extract_without_date_says_it_used_today(article_file: Path) -> None:
    result = runner.invoke(app, ["extract", str(article_file), "--format", "json"])
    assert result.exit_code == 0
    assert "using today" in result.stderr
    assert json.loads(result.stdout)["article"]["published_from"] == "today"


def test_extract_takes_date_from_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "fm.txt"
    path.write_text(f"---\ntitle: Talks\npublished: 2023-09-01\nsource: Wire\n---\n{ARTICLE}\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["article"]["published"] == "2023-09-01"
    assert record["article"]["published_from"] == "metadata"
    assert record["article"]["title"] == "Talks"
    assert record["article"]["source"] == "Wire"
    assert not record["article"]["text"].startswith("---")


def test_extract_reads_stdin() -> None:
    result = runner.invoke(app, ["extract", "-", "--published", "2025-02-03", "--format", "json"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["article"]["origin"] == "<stdin>"


def test_extract_table_and_html(article_file: Path, tmp_path: Path) -> None:
    table = runner.invoke(app, ["extract", str(article_file), "--published", "2025-02-03", "--format", "table"])
    assert table.exit_code == 0, table.output
    assert "Actors" in table.stdout
    out = tmp_path / "page.html"
    html = runner.invoke(
        app, ["extract", str(article_file), "--published", "2025-02-03", "--format", "html", "-o", str(out)]
    )
    assert html.exit_code == 0, html.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>")
    assert "http://" not in page and "https://" not in page  # no CDN, no external assets
    assert "Brasilia" in page


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"   \n\n", "empty"),
        ("binary.bin", b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
        ("latin1.txt", "Le ministre a déclaré à Genève".encode("latin-1"), "UTF-8"),
        (
            "german.txt",
            "Der Außenminister traf sich heute mit seinem Amtskollegen in Berlin, um über die Lage in der "
            "Ukraine und die Beziehungen zwischen beiden Ländern zu sprechen.".encode(),
            "not English",
        ),
    ],
)
def test_bad_input_is_one_line_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = _bad(tmp_path, name, data)
    result = runner.invoke(app, ["extract", str(path), "--published", "2025-02-03"])
    assert result.exit_code == 2
    assert name in result.stderr and reason in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_too_large_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_MAX_BYTES", "1000")
    path = _bad(tmp_path, "big.txt", ("word " * 1000).encode())
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 2
    assert "too large" in result.stderr and "big.txt" in result.stderr


def test_missing_file_and_bad_date(tmp_path: Path, article_file: Path) -> None:
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    bad_date = runner.invoke(app, ["extract", str(article_file), "--published", "26/04/2024"])
    assert bad_date.exit_code == 2 and "--published" in bad_date.stderr


def test_missing_actor_file(article_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(article_file), "--actors", str(tmp_path / "none.csv")])
    assert result.exit_code == 2 and "actor table not found" in result.stderr


def test_unknown_model_names_pip_command(article_file: Path) -> None:
    result = runner.invoke(app, ["extract", str(article_file), "--model", "en_core_web_missing"])
    assert result.exit_code == 2 and "pip install" in result.stderr


def test_schema_command() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "eventwire Analysis"
