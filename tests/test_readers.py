"""Readers: every input format, metadata, configurable fields, and every bad-input kind with its reason."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from eventwire.readers.discover import discover, read_input, sniff_format
from eventwire.readers.errors import InputError
from eventwire.readers.fields import FieldMap
from eventwire.records import Article

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
GOOD = (
    "BRUSSELS — The European Union and Canada agreed on Monday to deepen their cooperation on critical minerals, "
    "officials said after a meeting in Brussels."
)


def split(items: list[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, InputError)]
    return arts, errs


def test_text_file_front_matter_and_sidecar() -> None:
    arts, errs = split(list(discover([CORPUS / "talks.txt", CORPUS / "sidecar.txt"])))
    assert not errs
    talks, side = arts
    assert talks.title == "Envoys meet in Geneva" and talks.published == dt.date(2024, 2, 2)
    assert talks.source == "Fixture Wire" and talks.text.startswith("GENEVA")
    assert side.title == "Railway talks" and side.published == dt.date(2024, 3, 4)
    assert side.source == "Sidecar News" and side.url == "https://example.org/s"


def test_html_main_text_and_metadata() -> None:
    [art] = list(discover([CORPUS / "page.html"]))
    assert isinstance(art, Article)
    assert art.text.startswith("ROME — The Italian foreign minister")
    assert "Home | World" not in art.text and "All rights reserved" not in art.text
    assert art.title == "Ministers meet"
    assert art.published == dt.date(2024, 5, 6) and art.published_from == "metadata"
    assert art.url == "https://example.org/times/ministers"


def test_jsonl_with_configured_fields_names_path_and_line() -> None:
    fields = FieldMap(text="body", title="headline", date="day", source="outlet", url="link")
    arts, errs = split(list(discover([CORPUS / "records.jsonl"], fields=fields)))
    assert [a.title for a in arts] == ["Canada and Mexico sign deal", "Pacific patrols"]
    assert arts[0].published == dt.date(2024, 6, 4) and arts[0].source == "JSON Wire"
    assert arts[0].origin and arts[0].origin.endswith("records.jsonl:1")
    assert [(e.line, e.reason.split(" (")[0]) for e in errs] == [
        (2, "not valid JSON"),
        (3, "no 'body' field in record"),
    ]
    assert str(errs[0]).startswith(str(CORPUS / "records.jsonl") + ":2:")


def test_csv_rows_and_bad_date() -> None:
    arts, errs = split(list(discover([CORPUS / "records.csv"])))
    assert [a.title for a in arts] == ["Fisheries talks"]
    assert arts[0].url == "https://example.org/c1" and arts[0].published == dt.date(2024, 7, 11)
    [bad] = errs
    assert bad.line == 3 and "bad date 'not-a-date'" in bad.reason


def test_csv_missing_text_column() -> None:
    [err] = list(read_input(b"title,date\nA,2024-01-01\n", "x.csv", "csv"))
    assert isinstance(err, InputError) and "no 'text' column" in err.reason


def test_atom_feed_content_and_summary() -> None:
    arts, errs = split(list(discover([CORPUS / "feed.atom"])))
    assert not errs
    assert [a.title for a in arts] == ["Leaders meet", "Summary only"]
    assert arts[0].text.startswith("SEOUL") and "<p>" not in arts[0].text
    assert arts[0].published == dt.date(2024, 8, 1)
    assert arts[1].published == dt.date(2024, 8, 2)  # no published date: the updated date
    assert arts[0].source == "Fixture Atom Feed" and arts[1].url == "https://example.org/a2"


def test_directory_walk_is_recursive_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    arts, errs = split(list(discover([tmp_path])))
    assert not errs
    assert [Path(a.origin or "").name for a in arts] == ["a.txt", "two.txt"]


def test_stdin_is_sniffed() -> None:
    [art] = list(discover(["-"], stdin=io.BytesIO(GOOD.encode())))
    assert isinstance(art, Article) and art.origin == "<stdin>"
    assert sniff_format(b"<?xml version='1.0'?><rss>") == "feed"
    assert sniff_format(b'{"text": "x"}') == "jsonl"
    assert sniff_format(b"<!DOCTYPE html><html>") == "html"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty input"),
        ("blank.txt", b"   \n\n  ", "empty input"),
        ("binary.txt", b"PK\x03\x04\x00\x00binary\x00data", "binary data, not text"),
        ("latin1.txt", "Le président a rencontré le chancelier.".encode("latin-1"), "not valid UTF-8"),
        (
            "german.txt",
            "Der Bundeskanzler hat am Dienstag den Präsidenten in Berlin getroffen und über die Ukraine "
            "gesprochen, wie ein Sprecher der Regierung mitteilte.".encode(),
            "not English",
        ),
        ("front.txt", b"---\ntitle: x\nno closing line\n", "never closed"),
        ("broken.html", b"<html><head><title>x</title></head><body><div><script>var a=1;</script><div", "broken HTML"),
        ("notes.html", b"just words, no markup at all in this html file", "not HTML"),
        ("broken.rss", b'<?xml version="1.0"?><rss><channel><title>x</title><item><title>half', "broken feed"),
        ("records.jsonl", b"[1, 2]\n", "not a JSON object"),
    ],
)
def test_bad_input_kinds(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    errs = [i for i in discover([path]) if isinstance(i, InputError)]
    assert errs, f"{name} should fail"
    assert reason in errs[0].reason
    assert errs[0].origin == str(path)


def test_too_large_and_missing(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(GOOD * 50, encoding="utf-8")
    [err] = list(discover([big], max_bytes=1000))
    assert isinstance(err, InputError) and "too large" in err.reason
    [missing] = list(discover([tmp_path / "nope.txt"]))
    assert isinstance(missing, InputError) and "no such file" in missing.reason


def test_bad_record_does_not_stop_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": ""}\n\n{"text": "' + GOOD + '"}\n', encoding="utf-8")
    arts, errs = split(list(discover([path])))
    assert len(arts) == 1 and arts[0].origin == f"{path}:3"
    assert [(e.line, e.reason) for e in errs] == [(1, "empty text")]
