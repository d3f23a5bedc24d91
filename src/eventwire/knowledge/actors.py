"""Actor table: named office-holders and organisations with dated roles.

Sources, later ones overriding earlier ones:

1. ``organizations.tsv`` (generated from the Phoenix dictionaries and CAMEO known groups);
2. ``media_outlets.tsv`` (the one table of news outlets, see :mod:`eventwire.knowledge.outlets`);
3. ``actors.csv`` (hand-maintained: heads of state/government, foreign and defence ministers,
   IGO heads, IGOs and armed groups the generated tables lack ...);
4. user files (``Settings.actor_files`` / ``--actors FILE`` / ``EVENTWIRE_ACTORS``) in the
   ``actors.csv`` format: a row with the same name and role as an existing row replaces it,
   other rows are added.

Lookups: exact (accent- and case-insensitive) on names and aliases, by surname, and fuzzy
(rapidfuzz) over candidates that share a name-token prefix, never a scan of the whole table.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from eventwire.knowledge import data_path, read_tsv
from eventwire.knowledge.countries import country_kinds
from eventwire.knowledge.outlets import OUTLET_SOURCE, outlet_list
from eventwire.records import RoleStatus

#: Columns of an actor file (actors.csv format).
ACTOR_COLUMNS = ("id", "name", "aliases", "kind", "country", "sectors", "role", "office", "start", "end")
#: Countries whose names are written family name first in English ("Wang Yi", "Kim Jong Un").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "VNM", "KHM", "HUN"})
#: Regnal numbers after a monarch's name ("Hassan II", "Abdullah II"): the name before them is the surname key.
REGNAL_NUMBERS = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"})
#: Minimum rapidfuzz ratio (0-100) between a written full name and a table name to merge them.
FUZZY_THRESHOLD = 88.0
#: Stricter minimum for short names (under 12 characters), where one letter is a large share.
FUZZY_SHORT_THRESHOLD = 92.0
#: Minimum ratio between the surnames (last tokens) as well.
FUZZY_SURNAME_THRESHOLD = 80.0


class ActorFileError(ValueError):
    """A user actor file that cannot be read."""


_POSSESSIVE = re.compile(r"'s\b")
_PUNCT = re.compile(r"[^\w\s-]")


ACRONYM_GLUE = frozenset({"of", "for", "the", "and", "on", "in"})


def _initials_are(acr: str, name: str) -> bool:
    """Whether ``acr`` is exactly the initials of ``name``'s words, with or without its glue words ("ILO" of
    "International Labor Organization", "BIS" of "Bank for International Settlements")."""
    words = name.replace("-", " ").replace(",", " ").split()
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in ACRONYM_GLUE).upper()
    return acr.upper() in (every, content)


def is_acronym_of(acr: str, name: str) -> bool:
    """Whether the letters of ``acr`` are initials of ``name``'s words in order, the first letters equal
    ("ILO" of "International Labor Office", "MASSOB" of "Movement for the Actualization of the Sovereign State of
    Biafra")."""
    acr = acr.replace(".", "").upper()
    initials = "".join(w[0] for w in name.replace("-", " ").split() if w[0].isalpha()).upper()
    if not acr or not initials or initials[0] != acr[0]:
        return False
    pos = 0
    for ch in acr:
        pos = initials.find(ch, pos) + 1
        if pos == 0:
            return False
    return True


@lru_cache(maxsize=262144)
def normalise_name(text: str) -> str:
    """Accent-, case- and punctuation-insensitive key: 'S. Jaishankar' -> 's jaishankar'."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).replace("ı", "i").replace("’", "'")
    text = _POSSESSIVE.sub("", text.casefold())
    text = _PUNCT.sub(" ", text).replace("-", " ")
    return " ".join(text.split())


def _date(value: str) -> dt.date | None:
    value = value.strip()
    return dt.date.fromisoformat(value) if value else None


@dataclass(frozen=True)
class ActorEntry:
    """One row of the actor table: a person in one office, or an organisation."""

    id: str
    name: str
    kind: str
    country: str | None
    sectors: tuple[str, ...]
    role: str | None = None
    office: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    aliases: tuple[str, ...] = ()
    source: str = "actors.csv"
    #: the source's own as-of date: an open-ended role after it is of unknown status
    verified_until: dt.date | None = None
    #: forms to match only as written and only where the model sees a name ("Boko Haram", not "a red line")
    strict: tuple[str, ...] = ()
    #: forms with a title the source knows the person by ("President Bush", "US President George Bush")
    titled: tuple[str, ...] = ()

    def status_on(self, date: dt.date) -> RoleStatus:
        """'current', 'former' or 'unknown' (not yet in office, or beyond the source's date) on ``date``."""
        if self.end is not None and self.end <= date:
            return "former"
        if self.start is not None and self.start > date:
            return "unknown"
        if self.end is None and self.verified_until is not None and date > self.verified_until:
            return "unknown"
        return "current"

    @property
    def forms(self) -> tuple[str, ...]:
        """Name and aliases."""
        return (self.name, *self.aliases)

    @property
    def dates(self) -> str:
        """'2021-01-26..2025-01-20' style range for evidence strings."""
        return f"{self.start or ''}..{self.end or ''}"


@dataclass
class ActorTable:
    """The loaded actor table with its indexes."""

    entries: list[ActorEntry]
    by_form: dict[str, list[ActorEntry]] = field(default_factory=dict)
    by_surname: dict[str, list[ActorEntry]] = field(default_factory=dict)
    by_prefix: dict[str, set[str]] = field(default_factory=dict)  # first/last-name prefix -> person ids
    forms_of: dict[str, set[str]] = field(default_factory=dict)
    rows_of: dict[str, list[ActorEntry]] = field(default_factory=dict)
    #: last word of a titled form -> (the form's words, person row) ("bush" -> (president bush), George W. Bush)
    by_titled: dict[str, list[tuple[tuple[str, ...], ActorEntry]]] = field(default_factory=dict)
    #: "first last" of person forms of three words or more -> rows ("carlos menem" -> Carlos Saul Menem)
    by_outer: dict[str, list[ActorEntry]] = field(default_factory=dict)
    #: organisation codes that are the initials of the organisation's name ("ILO" -> International Labor
    #: Organization): acronyms the table knows only as codes
    by_acronym: dict[str, list[ActorEntry]] = field(default_factory=dict)
    #: surname keys by (first letter, length), for misspelt surnames (built on first use)
    _blocks: dict[tuple[str, int], list[str]] = field(default_factory=dict, repr=False, compare=False)
    _surname_memo: dict[str, list[tuple[int, ActorEntry]]] = field(default_factory=dict, repr=False, compare=False)
    #: fuzzy look-ups already made (normalised name -> (person id, score, form) or None); bounded
    _fuzzy_memo: dict[str, tuple[str, float, str] | None] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_form: dict[str, list[ActorEntry]] = defaultdict(list)
        by_surname: dict[str, list[ActorEntry]] = defaultdict(list)
        by_prefix: dict[str, set[str]] = defaultdict(set)
        forms_of: dict[str, set[str]] = defaultdict(set)
        rows_of: dict[str, list[ActorEntry]] = defaultdict(list)
        by_titled: dict[str, list[tuple[tuple[str, ...], ActorEntry]]] = defaultdict(list)
        by_outer: dict[str, list[ActorEntry]] = defaultdict(list)
        by_acronym: dict[str, list[ActorEntry]] = defaultdict(list)
        kinds = country_kinds()
        for e in self.entries:
            rows_of[e.id].append(e)
            if e.kind != "person" and e.country and kinds.get(e.country) is None and _initials_are(e.country, e.name):
                by_acronym[e.country].append(e)
            for form in e.titled:
                words = tuple(normalise_name(form).split())
                if len(words) >= 2:
                    by_titled[words[-1]].append((words, e))
            for form in e.forms:
                key = normalise_name(form)
                if not key:
                    continue
                by_form[key].append(e)
                if e.kind != "person":
                    continue
                tokens = key.split()
                if len(tokens) == 1:
                    by_surname[key].append(e)
                else:
                    forms_of[e.id].add(key)
                    by_surname[tokens[-1]].append(e)
                    if tokens[-1] in REGNAL_NUMBERS and len(tokens) == 2:
                        by_surname[tokens[0]].append(e)  # "Hassan II" is "King Hassan"
                    by_prefix[tokens[-1][:3]].add(e.id)
                    if len(tokens) >= 3 and e.country not in FAMILY_NAME_FIRST:
                        by_outer[f"{tokens[0]} {tokens[-1]}"].append(e)
                    by_prefix[tokens[0][:3]].add(e.id)
                    if e.country in FAMILY_NAME_FIRST:
                        by_surname[tokens[0]].append(e)
        self.by_form = dict(by_form)
        self.by_acronym = {k: v for k, v in by_acronym.items() if k.lower() not in by_form}
        self.by_surname = dict(by_surname)
        self.by_prefix = dict(by_prefix)
        self.forms_of = dict(forms_of)
        self.rows_of = dict(rows_of)
        self.by_titled = dict(by_titled)
        self.by_outer = {k: v for k, v in by_outer.items() if k not in self.by_form}

    def exact(self, name: str) -> list[ActorEntry]:
        """Rows whose name or alias equals ``name`` (normalised)."""
        return list(self.by_form.get(normalise_name(name), []))

    def acronym(self, acr: str) -> list[ActorEntry]:
        """Organisation rows known by this acronym: as a name or alias, else as their code when the code is the
        initials of their name ("ILO")."""
        rows = [e for e in self.by_form.get(normalise_name(acr), []) if e.kind != "person"]
        return rows or list(self.by_acronym.get(acr.upper(), []))

    def surname(self, token: str) -> list[ActorEntry]:
        """Person rows with this surname or single-word alias."""
        return list(self.by_surname.get(normalise_name(token), []))

    def outer(self, name: str) -> list[ActorEntry]:
        """Person rows whose longer name has this first and last word, the middle ones left out ("Carlos Menem"
        is Carlos Saul Menem); not for names that are themselves a table form."""
        return list(self.by_outer.get(normalise_name(name), []))

    def titled(self, title: str, name: str) -> list[ActorEntry]:
        """Person rows the source knows by this title and name: a titled form ending in the name whose words
        before it include the title's ("President" + "Bush" -> "President Bush", "US President George Bush")."""
        words = tuple(normalise_name(name).split())
        want = tuple(normalise_name(title).split())
        if not words or not want:
            return []
        out: list[ActorEntry] = []
        for form, e in self.by_titled.get(words[-1], ()):
            if form[-len(words) :] != words:
                continue
            head = form[: len(form) - len(words)]
            if any(head[i : i + len(want)] == want for i in range(len(head) - len(want) + 1)):
                out.append(e)
        return out

    def fuzzy_surname(self, name: str) -> list[tuple[int, ActorEntry]]:
        """Person rows whose surname is a misspelling of the written name's last word ("Dos Sontas" -> José
        Eduardo dos Santos), with the edit distance, for names no exact look-up found.

        Blocking: only surnames with the same first letter and a length within two are compared (an index
        built once per table).  Written words before the surname (given names, particles) must be the table
        name's own.  Allowed edits (with transpositions): 1, or 2 for surnames of eight letters or more, or of
        six or more when words before it agree ("dos").  Exact surnames are not returned (the caller's exact
        look-ups cover them).
        """
        key = normalise_name(name)
        memo = self._surname_memo
        if key not in memo:
            if len(memo) >= _FUZZY_MEMO_SIZE:
                memo.clear()
            memo[key] = self._fuzzy_surname(key)
        return list(memo[key])

    def _fuzzy_surname(self, key: str) -> list[tuple[int, ActorEntry]]:
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        words = key.split()
        if not words or len(words[-1]) < 4:
            return []
        last, before = words[-1], words[:-1]
        out: list[tuple[int, ActorEntry]] = []
        blocks = self._surname_blocks()
        near: list[tuple[str, int]] = []
        for n in range(len(last) - 2, len(last) + 3):
            block = blocks.get((last[0], n))
            if block:  # one C-level pass over the block (rapidfuzz.process) instead of a Python loop
                hits = process.extract(last, block, scorer=DamerauLevenshtein.distance, score_cutoff=2, limit=None)
                near.extend((choice, int(dist)) for choice, dist, _i in sorted(hits, key=lambda h: h[2]))
        for key, dist in near:
            if key == last:
                continue
            for e in self.by_surname.get(key, ()):
                if e.kind != "person":
                    continue
                allowed = 2 if min(len(last), len(key)) >= 8 else 1
                if before:
                    # written given names or particles must be the table name's own ("Tomas Ferreira" is
                    # not Alejandro Ferreiro); with them, two edits in a surname of six letters or more
                    forms = (normalise_name(f).split() for f in e.forms)
                    if not any(f[-len(words) : -1] == before and f[-1] == key for f in forms if len(f) >= len(words)):
                        continue
                    allowed = 2 if min(len(last), len(key)) >= 6 else 1
                if dist <= allowed:
                    out.append((dist, e))
        return out

    def _surname_blocks(self) -> dict[tuple[str, int], list[str]]:
        """Surname keys by (first letter, length), built on first use."""
        blocks = self._blocks
        if not blocks:
            for key in self.by_surname:
                if key:
                    blocks.setdefault((key[0], len(key)), []).append(key)
        return blocks

    def fuzzy(self, name: str) -> tuple[list[ActorEntry], float, str] | None:
        """Best fuzzy match of a multi-word person name: (rows of that person, score, matched form).
        Remembered per normalised name (the table does not change once built)."""
        key = normalise_name(name)
        memo = self._fuzzy_memo
        if key in memo:
            best = memo[key]
        else:
            if len(memo) >= _FUZZY_MEMO_SIZE:
                memo.clear()
            best = memo[key] = self._fuzzy(key)
        if best is None:
            return None
        return list(self.rows_of[best[0]]), best[1], best[2]

    def _fuzzy(self, key: str) -> tuple[str, float, str] | None:
        tokens = key.split()
        if len(tokens) < 2:
            return None
        # candidates share the first three letters of the first or the last name
        candidates = self.by_prefix.get(tokens[-1][:3], set()) | self.by_prefix.get(tokens[0][:3], set())
        best: tuple[float, str, str] | None = None
        threshold = FUZZY_THRESHOLD if len(key) >= 12 else FUZZY_SHORT_THRESHOLD
        for actor_id in candidates:
            for form in self.forms_of.get(actor_id, ()):
                score = fuzz.ratio(key, form, score_cutoff=threshold)
                if not score:
                    continue
                ftoks = form.split()
                if fuzz.ratio(tokens[-1], ftoks[-1]) < FUZZY_SURNAME_THRESHOLD or tokens[0][0] != ftoks[0][0]:
                    continue
                if best is None or score > best[0]:
                    best = (score, actor_id, form)
        if best is None:
            return None
        return best[1], best[0], best[2]


#: At most this many remembered fuzzy look-ups per table (then the memo starts afresh).
_FUZZY_MEMO_SIZE = 50_000


def _rows_from_csv(lines: Iterable[str], source: str) -> Iterator[ActorEntry]:
    reader = csv.DictReader(line for line in lines if line.strip() and not line.lstrip().startswith("#"))
    missing = {"name"} - set(reader.fieldnames or [])
    if missing:
        raise ActorFileError(f"{source}: missing column(s) {', '.join(sorted(missing))}")
    for n, row in enumerate(reader, start=2):
        name = (row.get("name") or "").strip()
        if not name:
            continue
        try:
            start = _date(row.get("start") or "")
            end = _date(row.get("end") or "")
        except ValueError as exc:
            raise ActorFileError(f"{source}: row {n}: bad date ({exc})") from None
        kind = (row.get("kind") or "person").strip() or "person"
        if kind not in ("person", "organization", "group", "country"):
            raise ActorFileError(f"{source}: row {n}: unknown kind {kind!r}")
        actor_id = (row.get("id") or "").strip() or re.sub(r"[^a-z0-9]+", "-", normalise_name(name)).strip("-")
        yield ActorEntry(
            id=actor_id,
            name=name,
            kind=kind,
            country=(row.get("country") or "").strip() or None,
            sectors=tuple((row.get("sectors") or "").split()),
            role=(row.get("role") or "").strip() or None,
            office=(row.get("office") or "").strip() or None,
            start=start,
            end=end,
            aliases=tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()),
            source=source,
        )


def _organizations() -> Iterator[ActorEntry]:
    for row in read_tsv("organizations.tsv"):
        yield ActorEntry(
            id=row["id"],
            name=row["name"],
            kind="organization",
            country=row["country"] or None,
            sectors=tuple(row["sectors"].split()),
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            source=row["source"],
            strict=tuple(a for a in (row.get("strict") or "").split("|") if a),
        )


def _outlets() -> Iterator[ActorEntry]:
    for o in outlet_list():
        yield ActorEntry(
            id=o.id,
            name=o.name,
            kind="organization",
            country=o.actor_country,
            sectors=o.sectors,
            aliases=o.aliases,
            source=OUTLET_SOURCE,
        )


#: The Phoenix country dictionary ends around 2016: open-ended roles after this are of unknown status.
PHOENIX_AS_OF = dt.date(2016, 12, 31)


def _persons() -> Iterator[ActorEntry]:
    for row in read_tsv("persons.tsv"):
        yield ActorEntry(
            id=row["id"],
            name=row["name"],
            kind="person",
            country=row["country"] or None,
            sectors=tuple(row["sectors"].split()),
            start=_date(row["start"]),
            end=_date(row["end"]),
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            source="phoenix-milnonstate" if row["id"].startswith("phx-mil-") else "phoenix-countries",
            verified_until=PHOENIX_AS_OF,
            titled=tuple(a for a in (row.get("titled") or "").split("|") if a),
        )


def _merge(base: list[ActorEntry], extra: Iterable[ActorEntry]) -> list[ActorEntry]:
    """Rows of ``extra`` replace rows of ``base`` with the same name and role; others are added."""
    out = list(base)
    index = {(normalise_name(e.name), (e.role or "").casefold()): i for i, e in enumerate(out)}
    for e in extra:
        key = (normalise_name(e.name), (e.role or "").casefold())
        if key in index:
            out[index[key]] = e
        else:
            index[key] = len(out)
            out.append(e)
    return out


@lru_cache(maxsize=16)
def actor_table(files: tuple[Path, ...] = ()) -> ActorTable:
    """The actor table for a set of user files (cached per distinct tuple)."""
    shipped = list(_outlets())
    shipped += _rows_from_csv(data_path("actors.csv").read_text(encoding="utf-8").splitlines(), "actors.csv")
    shipped_names = {normalise_name(f) for e in shipped for f in e.forms}
    orgs = [e for e in _organizations() if not ({normalise_name(f) for f in e.forms} & shipped_names)]
    persons = [e for e in _persons() if normalise_name(e.name) not in shipped_names]
    entries = persons + orgs + shipped
    for path in files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ActorFileError(f"{path}: cannot read actor file ({exc})") from None
        entries = _merge(entries, _rows_from_csv(text.splitlines(), str(path)))
    return ActorTable(entries)
