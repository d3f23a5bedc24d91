"""Exports: GDELT 2.0 TSV (61 columns, codebook order), PLOVER JSONL, CSV, partitioned Parquet, GeoJSON, registry."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from eventwire.export import UnknownFormatError, export, formats, get_exporter, register
from eventwire.export.gdelt import columns
from eventwire.store import connect
from eventwire.store.dedup import minhash
from eventwire.store.queries import EventFilter
from eventwire.store.writer import Processed, StoreWriter
from storefactory import Ev, make_analysis

CODEBOOK = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "gdelt2_event_columns.tsv"


def proc(a: Any) -> Processed:
    sig, n = minhash(a.article.text)
    return Processed(analysis=a, minhash=sig, n_shingles=n)


@pytest.fixture
def con() -> Any:
    c = connect(":memory:")
    w = StoreWriter(c)
    w.start_run(["t"])
    w.write_batch(
        [
            proc(
                make_analysis(
                    "Talks between the two governments took place in the capital over two days this week.",
                    [Ev("USA", "CHN", "042", "Beijing"), Ev("CHN", "USA", "130")],
                    "2024-04-26",
                    url="https://example.org/a",
                    title="Talks",
                )
            ),
            proc(
                make_analysis(
                    "Fighting continued along the front line as negotiators failed to agree on a ceasefire.",
                    [Ev("RUS", "UKR", "190", "Kyiv")],
                    "2024-05-02",
                )
            ),
        ]
    )
    return c


def codebook_reader(path: Path) -> list[dict[str, str]]:
    """A reader that only knows the codebook order (as GDELT users' loaders do)."""
    names = [line.split("\t")[1] for line in CODEBOOK.read_text().splitlines()[1:] if line and line[0].isdigit()]
    assert len(names) == 61
    with path.open(encoding="utf-8", newline="") as fh:
        return [dict(zip(names, row, strict=True)) for row in csv.reader(fh, delimiter="\t")]


def test_gdelt_tsv_has_61_columns_in_codebook_order(con: Any, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(con, "gdelt", out) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and all(len(line.split("\t")) == 61 for line in lines)
    assert columns()[0] == "GLOBALEVENTID" and columns()[60] == "SOURCEURL" and len(columns()) == 61
    rows = {r["EventCode"]: r for r in codebook_reader(out)}
    visit = rows["042"]
    assert visit["SQLDATE"] == "20240426" and visit["MonthYear"] == "202404" and visit["Year"] == "2024"
    assert visit["Actor1Code"] == "USAGOV" and visit["Actor1CountryCode"] == "USA" and visit["Actor1Type1Code"] == "GOV"
    assert visit["Actor2Code"] == "CHNGOV" and visit["Actor2Name"] == "CHINA"
    assert visit["EventBaseCode"] == "042" and visit["EventRootCode"] == "04" and visit["QuadClass"] == "1"
    assert visit["GoldsteinScale"] == "1.9" and visit["NumMentions"] == "1" and visit["NumArticles"] == "1"
    assert visit["ActionGeo_FullName"] == "Beijing" and visit["ActionGeo_CountryCode"] == "CH"  # FIPS, not ISO
    assert visit["ActionGeo_Type"] == "4" and visit["ActionGeo_Lat"] == "39.9075"
    assert visit["ActionGeo_FeatureID"] == "1816670"
    assert visit["SOURCEURL"] == "https://example.org/a" and len(visit["DATEADDED"]) == 14
    assert visit["AvgTone"] == "" and visit["Actor1Geo_Type"] == ""  # not produced: documented as empty
    assert rows["130"]["ActionGeo_FullName"] == "" and rows["130"]["EventRootCode"] == "13"
    assert rows["190"]["ActionGeo_CountryCode"] == "UP"  # Ukraine's FIPS code


def test_gdelt_export_applies_filters(con: Any, tmp_path: Path) -> None:
    out = tmp_path / "f.tsv"
    assert export(con, "gdelt", out, EventFilter(root="19")) == 1
    assert codebook_reader(out)[0]["Actor1CountryCode"] == "RUS"


def test_plover_jsonl_records(con: Any, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export(con, "plover", out) == 3
    recs = {r["cameo"]: r for r in map(json.loads, out.read_text().splitlines())}
    visit = recs["042"]
    for required in ("id", "date", "actor", "event"):
        assert required in visit
    assert visit["date"] == "2024-04-26" and visit["actor"][0]["code"] == "USA"
    assert visit["recipient"][0] == {"code": "CHN", "sector": "GOV", "entity_text": "China", "cameo_code": "CHNGOV"}
    assert visit["event"] == ["CONSULT"] and visit["quad_code"] == 1
    assert visit["event_loc"]["geonameid"] == 1816670 and visit["event_loc"]["lat"] == pytest.approx(39.9075)
    assert visit["event_text"] == ["United States acted towards China today."]
    assert visit["cite_info"]["url"] == "https://example.org/a"
    assert visit["mentions"][0]["trigger"] == "acted"


def test_csv_export(con: Any, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(con, "csv", out, EventFilter(source_country="USA")) == 1
    [row] = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["cameo"] == "042" and row["target_country"] == "CHN" and row["source_sectors"] == "GOV"


def test_parquet_partitioned_by_date(con: Any, tmp_path: Path) -> None:
    import pyarrow.dataset as ds

    out = tmp_path / "events.parquet"
    assert export(con, "parquet", out) == 3
    parts = sorted(str(p.relative_to(out).parent) for p in out.rglob("*.parquet"))
    assert parts == ["year=2024/month=4", "year=2024/month=5"]
    table = ds.dataset(str(out), format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 3 and sorted(table.column("cameo").to_pylist()) == ["042", "130", "190"]


def test_geojson_points(con: Any, tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    assert export(con, "geojson", out) == 2  # the event without a place is left out
    fc = json.loads(out.read_text())
    assert fc["type"] == "FeatureCollection"
    coords = {f["properties"]["place_name"]: f["geometry"]["coordinates"] for f in fc["features"]}
    assert coords["Kyiv"] == [pytest.approx(30.5238), pytest.approx(50.45466)]


def test_registry_plugins(con: Any, tmp_path: Path) -> None:
    assert {"gdelt", "plover", "csv", "parquet", "geojson"} <= set(formats())

    def count_only(c: Any, flt: EventFilter, path: Path) -> int:
        n = int(c.execute("SELECT count(*) FROM events").fetchone()[0])
        path.write_text(str(n))
        return n

    register("count", count_only)
    assert get_exporter("count") is count_only
    assert export(con, "count", tmp_path / "n.txt") == 3
    with pytest.raises(UnknownFormatError, match="no exporter"):
        get_exporter("xlsx")
