"""Places: find place mentions and geocode them against the offline gazetteer.

Candidates are spaCy GPE/LOC/FAC entities plus multi-word gazetteer names the model
missed (seas, straits, regions, countries, capitals: a PhraseMatcher built once per
process).  A GPE the actors stage made a person ("Blinken") is not a place.

Each mention is resolved in two passes.  Pass 1 ranks its gazetteer candidates by a
prior alone: what kind of place it is (countries, continents and hand-listed regions
before subdivisions before towns), population, capital status, and how the name matched
(own name before alternate name before adjective).  Pass 2 adds the document context
gathered from pass 1 over the *other* mentions: candidates in countries the article
names, inside first-level subdivisions it names, or near its other places score higher;
an explicit qualifier ("Paris, Texas", "Washington state") decides.

Locations standing for governments ("Washington said", "Beijing's support") get the
actor the actors stage linked to the same span (``Place.actor_id``).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from eventwire.knowledge import data_path, read_tsv
from eventwire.knowledge.gazetteer import Entry, Gazetteer, get_gazetteer, normalise_name
from eventwire.records import Actor, Analysis, Mention, Place
from eventwire.stages.base import Context, SentenceLookup, doc_text, register_component, validate_records

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
GOVERNMENT_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "ELI"})

#: Prior of a candidate by kind of place (towns use log10(population) instead).
KIND_PRIOR = {"country": 12.0, "continent": 11.0, "region": 11.0}
#: Subdivisions: log10(estimated population) minus this (so "New York" is the city, "Quebec" the province).
ADM1_OFFSET = 0.8
ADM2_PRIOR = 3.5
ADM2_OFFSET = 1.5
ADM2_BARE_NAME_PENALTY = 1.5
CAPITAL_BONUS = 1.5
HOW_PENALTY = {"name": 0.0, "abbr": 0.0, "alt": 1.0, "adj": 3.0}
#: Context bonuses (pass 2).
IN_MENTIONED_COUNTRY = 2.5
IN_MENTIONED_ADMIN1 = 4.0
NEAR_200KM = 2.0
NEAR_1000KM = 1.0
QUALIFIER_MATCH = 8.0
TOWNS_ONLY_STATE_FACTOR = 0.5
#: A first-level unit of a country whose other units the article names (at least this many of them).
SIBLING_STATES = 4.0
SIBLING_STATES_MIN = 2
COUNTRY_FULL = 0.5
ADMIN1_SHARE = 1.0
SMALL_DAMP = 0.0
STATE_NEAR = 1.0
METRO_POP = 5_000_000
SMALL_FULL = 5.0
SMALL_FLOOR = 0.4
#: Words after a name that say which kind of place it is ("Washington state", "Quebec province").
KIND_WORDS = frozenset(
    {"state", "province", "county", "city", "region", "oblast", "district", "prefecture", "governorate", "department"}
)

#: Designators that end a name inside the mention ("Oaxaca State", "Guma LGA"): tried as a kind word.
TRAILING_DESIGNATORS = KIND_WORDS | frozenset({"lga", "council", "municipality", "governorate", "mdc"})
#: Designators of several words ("Guma Local Government Area"), normalised.
MULTIWORD_DESIGNATORS = {
    "local government area": "lga",
    "municipal district": "district",
    "county council": "county",
    "district council": "district",
    "city council": "city",
    "borough council": "district",
}
#: A town named inside a longer name ("Dubai World Cup") must be at least this big to be taken for it.
EMBEDDED_TOWN_MIN_POP = 50_000

#: Words that name a place only as part of a longer name ("South", "Western", "Union", "Centre"): a part
#: of a longer name made of these alone is not taken for a place.
GENERIC_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "upper",
        "lower",
        "middle",
        "new",
        "great",
        "greater",
        "union",
        "united",
        "republic",
        "island",
        "islands",
        "city",
        "state",
    ]
)

#: ISO 3166-1 alpha-3 codes whose CAMEO country code differs.
CAMEO_EXCEPTIONS = {"ROU": "ROM", "TLS": "TMP", "XKX": "KSV"}


@dataclass
class DocContext:
    """What an article says about where it is: countries, first-level units and points it names."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    points: list[tuple[float, float, int]] = field(default_factory=list)  # lat, lon, owner index
    #: first-level units the article's towns lie in, with the owners of those towns
    town_owners: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    #: owners that named a country only (see :meth:`add`)
    remote: set[int] = field(default_factory=set)
    #: first-level units the article names as such, with the owners that name them
    state_owners: dict[tuple[str, str], set[int]] = field(default_factory=dict)
    _unique: list[tuple[float, float]] | None = field(default=None, init=False, repr=False, compare=False)
    _towns_in: set[tuple[str, str]] | None = field(default=None, init=False, repr=False, compare=False)
    _top: int | None = field(default=None, init=False, repr=False, compare=False)
    _states: Counter[str] | None = field(default=None, init=False, repr=False, compare=False)

    def unique_points(self) -> list[tuple[float, float]]:
        """The distinct (lat, lon) of ``points`` in first-seen order (a place named five times counts once)."""
        if self._unique is None:
            self._unique = list(dict.fromkeys((lat, lon) for lat, lon, _o in self.points))
        return self._unique

    def add(self, entry: Entry, owner: int, weight: float = 1.0, local: bool = True) -> None:
        """Record a resolved place (from mention ``owner``) as context.

        ``local=False``: a capital standing for its government ("Washington said") names the country
        only; it says nothing about where the story happens, so it pulls no nearby towns or state.
        """
        if entry.country_code:
            cc = entry.country_code
            self.countries[cc] = self.countries.get(cc, 0.0) + (1.0 if entry.kind == "country" else weight)
        if not local:
            self.remote.add(owner)
            return
        if entry.kind in ("adm1", "city") and entry.country_code and entry.admin1:
            self.admin1[(entry.country_code, entry.admin1)] += 1
        if entry.kind in ("city", "adm2") and entry.latitude is not None and entry.longitude is not None:
            self.points.append((entry.latitude, entry.longitude, owner))
        if entry.kind == "city" and entry.country_code and entry.admin1:
            self.town_owners.setdefault((entry.country_code, entry.admin1), set()).add(owner)
        if entry.kind == "adm1" and entry.country_code and entry.admin1:
            self.state_owners.setdefault((entry.country_code, entry.admin1), set()).add(owner)
        self._unique = self._towns_in = self._top = self._states = None

    def town_admin1(self) -> set[tuple[str, str]]:
        """The first-level units the article's towns lie in."""
        if self._towns_in is None:
            self._towns_in = {k for k, owners in self.town_owners.items() if owners}
        return self._towns_in

    def states_named(self, cc: str) -> int:
        """How many distinct first-level units of country ``cc`` the article names."""
        if self._states is None:
            self._states = Counter(k[0] for k, owners in self.state_owners.items() if owners)
        return self._states.get(cc, 0)

    def top_admin1(self) -> int:
        """How often the article's most-named first-level unit is named (itself or by its towns)."""
        if self._top is None:
            self._top = max(self.admin1.values(), default=1) or 1
        return self._top

    def without(self, entry: Entry | None, owner: int) -> DocContext:
        """The context minus one mention's own contribution (a mention must not vote for itself)."""
        return self.without_all([(entry, owner)])

    def without_all(self, owned: Sequence[tuple[Entry | None, int]]) -> DocContext:
        """The context minus the contributions of several mentions (all mentions of one name: a name
        must not vote for itself, else its first reading reinforces itself through its repetitions)."""
        # one contribution per mention: callers may name a mention both as the owner and among its name's mentions
        owned = list({o: (e, o) for e, o in owned if e is not None}.values())
        if not owned:
            return self
        owners = {o for _e, o in owned}
        other = DocContext(
            dict(self.countries),
            Counter(self.admin1),
            [p for p in self.points if p[2] not in owners],
            {k: v - owners for k, v in self.town_owners.items()},
            self.remote,
            {k: v - owners for k, v in self.state_owners.items()},
        )
        for entry, o in owned:
            assert entry is not None
            if entry.country_code:
                cc = entry.country_code
                other.countries[cc] = other.countries.get(cc, 0.0) - (1.0 if entry.kind == "country" else 0.5)
            if entry.kind in ("adm1", "city") and entry.country_code and entry.admin1 and o not in self.remote:
                other.admin1[(entry.country_code, entry.admin1)] -= 1
        return other


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@lru_cache(maxsize=65536)
def _is_short_form(full: str, short: str) -> bool:
    """Whether ``short`` is the leading words of ``full`` ("New York" of "New York City"); cached per process."""
    f, sh = normalise_name(full), normalise_name(short)
    return bool(sh) and f.startswith(sh + " ")


def prior(entry: Entry, how: str, gaz: Gazetteer, name: str = "") -> float:
    """Context-free score of a candidate."""
    return _prior(entry, how, name if how == "alt" else "")  # the surface name matters to alternate names only


@lru_cache(maxsize=65536)
def _prior(entry: Entry, how: str, name: str) -> float:
    """:func:`prior`, cached per process (entries are immutable)."""
    if entry.kind in KIND_PRIOR:
        score = KIND_PRIOR[entry.kind]
    elif entry.kind == "adm1":
        score = math.log10(entry.population + 10) - ADM1_OFFSET
    elif entry.kind == "adm2":
        score = math.log10(entry.population + 10) - ADM2_OFFSET if entry.population > 0 else ADM2_PRIOR
        if how == "alt" and _is_short_form(entry.name, name):
            # "Shelby" is the town; the county is "Shelby County"
            score -= ADM2_BARE_NAME_PENALTY
    else:
        score = math.log10(entry.population + 10)
        if entry.capital:
            score += CAPITAL_BONUS
    if how == "alt" and entry.kind == "city" and entry.population >= METRO_POP and _is_short_form(entry.name, name):
        # a metropolis goes by the short form of its name ("New York" for New York City)
        return score
    return score - HOW_PENALTY.get(how, 1.0)


def contains(outer: Entry, inner: Entry) -> bool:
    """Whether ``inner`` lies in ``outer`` (a country or first-level subdivision)."""
    if outer.kind == "country":
        return inner.country_code == outer.country_code and inner.key != outer.key
    if outer.kind == "adm1":
        return inner.country_code == outer.country_code and inner.admin1 == outer.admin1 and inner.key != outer.key
    return False


def score(
    entry: Entry,
    how: str,
    gaz: Gazetteer,
    ctx: DocContext | None,
    qualifiers: Sequence[Entry] = (),
    name: str = "",
) -> float:
    """Score of a candidate for the surface ``name`` given the document context and explicit qualifiers."""
    s = prior(entry, how, gaz, name)
    if any(contains(q, entry) for q in qualifiers):
        s += QUALIFIER_MATCH
    if ctx is None:
        return s
    c = 0.0
    if entry.country_code and ctx.countries.get(entry.country_code, 0) > 0:
        c += IN_MENTIONED_COUNTRY
    # a town inside a state the article names; a state the article names towns in: in proportion to how
    # often the article names that state (or its towns) against its most-named state
    if entry.kind in ("city", "adm2", "adm1") and entry.country_code and entry.admin1:
        n = ctx.admin1.get((entry.country_code, entry.admin1), 0)
        if n > 0:
            named = bool(ctx.state_owners.get((entry.country_code, entry.admin1)))
            c += IN_MENTIONED_ADMIN1 * n / ctx.top_admin1() * (1.0 if named else TOWNS_ONLY_STATE_FACTOR)
            if entry.kind == "adm1" and (entry.country_code, entry.admin1) in ctx.town_admin1():
                # the article's towns lie in this state: as near as they are to themselves
                c += NEAR_200KM
    if (
        entry.kind in ("adm1", "adm2", "city")
        and entry.country_code
        and ctx.states_named(entry.country_code) >= SIBLING_STATES_MIN
    ):
        # an article naming several states of a country is set in it: "Georgia" among Alaska, Florida and
        # Hawaii is the state (its towns and counties gain alike, so "Washington" stays the capital there)
        c += SIBLING_STATES
    if entry.kind in ("city", "adm2") and entry.latitude is not None and entry.longitude is not None and ctx.points:
        c += _nearness(entry.latitude, entry.longitude, ctx.unique_points())
    return s + c


#: Distances already computed, by one point and then the other (a distance never changes, so they are kept
#: across documents: news names the same places over and over); cleared when it grows past ``_KM_ROWS_MAX`` rows.
_KM_ROWS: dict[tuple[float, float], dict[tuple[float, float], float]] = {}
_KM_ROWS_MAX = 50_000


def _nearness(lat: float, lon: float, points: Sequence[tuple[float, float]]) -> float:
    """The nearness bonus of a point given the article's other points: only the band of the nearest one counts,
    so the scan stops at the first point within 200 km.  Distances are kept per process (:data:`_KM_ROWS`)."""
    row = _KM_ROWS.get((lat, lon))
    if row is None:
        if len(_KM_ROWS) >= _KM_ROWS_MAX:
            _KM_ROWS.clear()
        row = _KM_ROWS[(lat, lon)] = {}
    nearest = math.inf
    for point in points:
        d = row.get(point)
        if d is None:
            d = row[point] = km(lat, lon, point[0], point[1])
        if d < 200:
            return NEAR_200KM
        if d < nearest:
            nearest = d
    return NEAR_1000KM if nearest < 1000 else 0.0


#: Kinds of place whose adjective/demonym outranks small towns of the same spelling ("Canadian", "English").
ADJECTIVE_KINDS = frozenset({"country", "continent", "region", "adm1"})
#: A town must have at least this many inhabitants to compete with a country's or continent's adjective.
ADJECTIVE_TOWN_MIN_POP = 100_000


def candidates(gaz: Gazetteer, text: str, allow_adjectives: bool = True) -> list[tuple[Entry, str]]:
    """Gazetteer candidates for a surface string."""
    return list(_candidates(gaz, text, allow_adjectives))


@lru_cache(maxsize=65536)
def _candidates(gaz: Gazetteer, text: str, allow_adjectives: bool) -> tuple[tuple[Entry, str], ...]:
    """:func:`candidates`, cached per process (the gazetteer is read-only)."""
    found = list(gaz.lookup(text))
    if not allow_adjectives:
        found = [(e, h) for e, h in found if h != "adj"]
    letters = [ch for ch in text if ch.isalpha()]
    if 0 < len(letters) <= 4 and all(ch.isupper() for ch in letters):
        # an all-capitals abbreviation ("EU", "BC") is not the town "Eu": keep abbreviations and all-caps names
        found = [(e, h) for e, h in found if h == "abbr" or e.name.isupper()]
    elif 0 < len(letters) <= 5 and text.rstrip().endswith(".") and any(h == "abbr" for _e, h in found):
        # a short word with a full stop is an abbreviation ("Md.", "Calif.", "Ont."), not the town "Md"
        found = [(e, h) for e, h in found if h == "abbr"]
    if any(h == "adj" and e.kind in ADJECTIVE_KINDS for e, h in found):
        # a demonym ("Canadian", "English") means its country/continent, not a village spelled the same
        found = [
            (e, h)
            for e, h in found
            if h == "adj" or e.kind in ADJECTIVE_KINDS or e.population >= ADJECTIVE_TOWN_MIN_POP
        ]
    part_of = _compass_part(gaz, text, found)
    if part_of is not None:
        found.append((part_of, "name"))
    if any(e.kind == "country" for e, _h in found):
        # a country's name is the country, not a town or unit that also carries it ("Mexico", "Georgia"
        # stay open to context: only alternate-name matches of non-countries are dropped)
        found = [(e, h) for e, h in found if e.kind == "country" or h == "name"]
    return tuple(found)


#: Words for a part of a country before its name ("South Lebanon", "Upper Egypt").
COMPASS_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeastern"}
    | {"northwestern", "southeastern", "southwestern", "upper", "lower"}
)
#: A namesake at least this big (or any administrative unit) keeps a compass-named phrase for itself.
COMPASS_NAMESAKE_MIN_POP = 20_000


def _compass_part(gaz: Gazetteer, text: str, found: Sequence[tuple[Entry, str]]) -> Entry | None:
    """The country of a phrase naming a part of it ("South Lebanon" -> Lebanon), when the gazetteer knows the
    phrase only as small towns (South Lebanon, Ohio, pop. 4,000) and as no unit or sizeable place: news naming
    "South Lebanon" means the south of Lebanon.  A qualifier ("South Lebanon, Ohio") still favours the town."""
    first, _, rest = text.strip().partition(" ")
    if not rest or first.lower() not in COMPASS_WORDS:
        return None
    if any(
        e.kind == "country" or e.feature_class == "A" or e.population >= COMPASS_NAMESAKE_MIN_POP for e, _h in found
    ):
        return None
    countries = [e for e, h in gaz.lookup(rest) if e.kind == "country" and h == "name"]
    return countries[0] if len(countries) == 1 else None


#: Towns (and counties) smaller than this lose a name to a sizeable country or state of that name, and an
#: alternate name to any place that bears it as its own name, unless a qualifier names their state or country.
NAMESAKE_TOWN_MAX_POP = 100_000
ALT_TOWN_FACTOR = 30.0
#: A city this big (or a capital) owns its name against small towns (below VILLAGE_MAX_POP) of that name.
BIG_CITY_MIN_POP = 500_000
VILLAGE_MAX_POP = 20_000
#: A country or first-level unit at least this big (estimated population) owns its name against small towns.
NAME_OWNER_MIN_POP = 400_000


def prune_small_namesakes(
    cands: Sequence[tuple[Entry, str]], qualifiers: Sequence[Entry] = ()
) -> list[tuple[Entry, str]]:
    """Drop small towns and counties that only share a name with a much better-known place.

    "Florida", "Wyoming", "Ohio", "Mexico": the state or country, not the village of that name (nor
    "Ohio County"), which news would qualify ("Florida, N.Y."); "Washington", "Charleston":
    a small town carrying the name only as an alternate name is not taken when some place bears
    it as its own name.  Candidates inside an explicit qualifier are always kept.
    """

    owner = own_name = big_city = False
    top_own_town = 0
    for e, h in cands:
        if h == "name":
            own_name = True
            if e.kind in ("country", "adm1") and e.population >= NAME_OWNER_MIN_POP:
                owner = True  # "Florida", "Wyoming", "Ohio": a sizeable state or country bears the name
            elif e.kind == "city":
                top_own_town = max(top_own_town, e.population)
                big_city = big_city or e.population >= BIG_CITY_MIN_POP or e.capital
        elif h == "abbr":
            own_name = True
    alt_floor = ALT_TOWN_FACTOR * top_own_town

    def drop(e: Entry, h: str) -> bool:
        if e.kind == "city":
            if e.population < NAMESAKE_TOWN_MAX_POP and (owner or (own_name and h == "alt")):
                return True
            # "Southold" is the Long Island town, not South Bend (which carries the spelling as an alternate
            # name): an alternate name takes a town only from much smaller towns bearing it as their own
            if h == "alt" and e.population < alt_floor:
                return True
            # "London", "Boston", "Charlotte": news names a small town sharing a big city's name with its
            # state ("London, Calif."), so bare, the name is the city's
            return big_city and e.population < VILLAGE_MAX_POP
        if e.kind == "adm2":
            if e.population < NAMESAKE_TOWN_MAX_POP and own_name and h == "alt":
                return True
            # "Ohio County", "Washington County" under the state's own name: counties named after it
            return owner and h != "name"
        return False

    kept = [(e, h) for e, h in cands if not drop(e, h) or any(contains(q, e) for q in qualifiers)]
    return kept or list(cands)


def embedded_candidates(
    gaz: Gazetteer, text: str, allow_adjectives: bool = True, countries: frozenset[str] | None = None
) -> list[tuple[Entry, str]]:
    """Candidates for a place named inside a longer name the gazetteer lacks.

    "Colorado State University", "Bank of Japan", "Dubai World Cup", "Walker County Sheriff's
    Office": the longest run of capitalised words (leftmost first) that is the own name,
    abbreviation or adjective of a country, continent, region, first-level unit, county
    or sizeable town; or of a town of any size in one of ``countries`` (the countries the
    article is about: "South Kilburn Estate" in a London story).
    """
    words = [normalise_name(w) for w in text.split()]
    caps = [w[:1].isupper() for w in text.split()]
    n = len(words)
    for size in range(n - 1, 0, -1):
        for i in range(0, n - size + 1):
            if not all(caps[i : i + size]) or all(w in GENERIC_WORDS or not w for w in words[i : i + size]):
                continue
            found = [
                (e, h)
                for e, h in candidates(gaz, " ".join(text.split()[i : i + size]), allow_adjectives)
                if h in ("name", "abbr", "adj")
                and (
                    e.kind in ADJECTIVE_KINDS
                    or (e.kind == "adm2" and size > 1)
                    or e.population >= EMBEDDED_TOWN_MIN_POP
                    or (countries is not None and e.kind == "city" and e.country_code in countries)
                )
            ]
            if found:
                return found
    return []


def _local(entry: Entry, ctx: DocContext) -> bool:
    """Whether a town lies within 200 km of the article's other places or in a state it names."""
    if entry.kind != "city":
        return True
    if entry.country_code and entry.admin1 and ctx.admin1.get((entry.country_code, entry.admin1), 0) > 0:
        return True
    if entry.latitude is None or entry.longitude is None or not ctx.points:
        return False
    return _nearness(entry.latitude, entry.longitude, ctx.unique_points()) >= NEAR_200KM


def rank(
    cands: Iterable[tuple[Entry, str]],
    gaz: Gazetteer,
    ctx: DocContext | None,
    qualifiers: Sequence[Entry] = (),
    name: str = "",
) -> list[tuple[float, Entry]]:
    """Candidates for the surface ``name`` best first, with scores; ties go to the larger population, then the
    smaller id."""
    scored = [(score(e, h, gaz, ctx, qualifiers, name), e) for e, h in cands]
    scored.sort(key=lambda t: (-t[0], -t[1].population, t[1].key))
    return scored


def confidence_of(ranked: Sequence[tuple[float, Entry]]) -> float:
    """How sure the choice is: logistic of the margin over the runner-up."""
    if not ranked:
        return 0.0
    if len(ranked) == 1:
        return 0.95
    margin = ranked[0][0] - ranked[1][0]
    return round(min(0.95, 1.0 / (1.0 + math.exp(-margin))), 3)


# --- finding mentions -------------------------------------------------------------


@dataclass
class Candidate:
    """A place mention found in the text, before resolution."""

    start: int  # character offsets
    end: int
    text: str
    source: str  # "ner" or "gazetteer"
    qualifier_text: str | None = None
    kind_word: str | None = None


@lru_cache(maxsize=4)
def phrase_matcher(vocab_id: int, vocab: object) -> PhraseMatcher:
    """PhraseMatcher over multi-word gazetteer names, matching lower-case text; built once per vocab."""
    from spacy.vocab import Vocab

    assert isinstance(vocab, Vocab)
    matcher = PhraseMatcher(vocab, attr="LOWER")
    names = sorted({norm for norm, _key in get_gazetteer().phrase_names()})
    from spacy.tokenizer import Tokenizer

    tok = Tokenizer(vocab)  # whitespace tokenizer: normalised names are space-separated words
    matcher.add("PLACE", [tok(n) for n in names])
    return matcher


def _title_like(span: Span) -> bool:
    """Every content word capitalised ("South China Sea", not "south china sea")."""
    return all(t.text[:1].isupper() for t in span if not t.is_stop and t.is_alpha)


def find_mentions(doc: Doc, text: str | None = None, ents: Sequence[Span] | None = None) -> list[Candidate]:
    """Place mentions: NER entities, plus multi-word gazetteer names the NER missed or cut short."""
    found: list[Candidate] = []
    for ent in doc.ents if ents is None else ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        span = ent
        if span[0].lower_ == "the" and len(span) > 1:
            span = span[1:]
        if span[-1].lower_ in ("'s", "’s", "'") and len(span) > 1:
            span = span[:-1]
        found.append(Candidate(span.start_char, span.end_char, span.text, "ner"))
    matcher = phrase_matcher(id(doc.vocab), doc.vocab)
    for _mid, s, e in matcher(doc):
        span = doc[s:e]
        if not _title_like(span):
            continue
        found.append(Candidate(span.start_char, span.end_char, span.text, "gazetteer"))
    # keep the longest of overlapping mentions ("South China Sea" over "South China")
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Candidate] = []
    for c in found:
        if kept and c.start < kept[-1].end:
            if c.end - c.start > kept[-1].end - kept[-1].start:
                kept[-1] = c
            continue
        kept.append(c)
    for c in kept:
        # "Paris, Texas": a comma and a following place qualify the first
        first = doc.char_span(c.start, c.end, alignment_mode="expand")
        if first is None:
            continue
        nxt = first.end
        if nxt < len(doc) and doc[nxt].lower_ in KIND_WORDS:
            c.kind_word = doc[nxt].text
        if nxt + 1 < len(doc) and doc[nxt].text == ",":
            q_start = doc[nxt + 1].idx
            starts = {other.start for other in kept}
            for other in kept:
                if text is None:
                    text = doc.text
                if other.start == q_start and not continues_list(text, other.end, starts):
                    c.qualifier_text = other.text
    return kept


#: What may stand between two names of a list ("Kerala, Karnataka and Puducherry").
LIST_SEPARATORS = frozenset({", ", " and ", ", and ", " or ", ", or ", " & "})
#: Kinds of place a list decides between.
LIST_KINDS = frozenset({"country", "adm1", "city"})


def list_kind(text: str, spans: Sequence[tuple[int, int, Entry | None]], i: int) -> str | None:
    """The kind of place the names listed with name ``i`` are, when they all are of one kind.

    ``spans``: the article's place mentions (start, end, reading), sorted by start.  A list is a run of
    mentions separated only by commas, "and" or "or" (two names and a comma alone are a town and its
    state); the other members' readings decide.
    """
    mates: list[Entry | None] = []
    seps: list[str] = []
    j = i
    while j > 0 and text[spans[j - 1][1] : spans[j][0]] in LIST_SEPARATORS:
        seps.append(text[spans[j - 1][1] : spans[j][0]])
        j -= 1
        mates.append(spans[j][2])
    j = i
    while j + 1 < len(spans) and text[spans[j][1] : spans[j + 1][0]] in LIST_SEPARATORS:
        seps.append(text[spans[j][1] : spans[j + 1][0]])
        j += 1
        mates.append(spans[j][2])
    if len(mates) < 2 and all(sep == ", " for sep in seps):
        return None  # "Tacoma, Washington": a town and its state, not a list
    kinds = {e.kind for e in mates if e is not None}
    if not mates or len(kinds) != 1 or any(e is None for e in mates):
        return None
    kind = next(iter(kinds))
    return kind if kind in LIST_KINDS else None


def continues_list(text: str, end: int, place_starts: set[int]) -> bool:
    """Whether the place ending at ``end`` is followed by "and"/"or" or by a comma and another place: then
    "Washington, New York and Boston" is a list, not Washington in New York state."""
    after = text[end : end + 6]
    if after.startswith((" and ", " or ", " & ")):
        return True
    return after.startswith(", ") and end + 2 in place_starts


# --- actors: persons and metonymy ---------------------------------------------------


def _overlapping(mentions: Iterable[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if m.start < end and start < m.end]


class MentionIndex:
    """The actors stage's mentions sorted by start, for overlap queries without a scan per place."""

    def __init__(self, mentions: Sequence[Mention], actors: Sequence[Actor] | None = None) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in self.mentions), default=0)
        #: ``actors`` by id (the first of an id, as :meth:`Analysis.actor` finds it), when given
        self.actors: dict[str, Actor] | None = None
        if actors is not None:
            self.actors = {}
            for a in actors:
                self.actors.setdefault(a.id, a)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping ``[start, end)``."""
        hi = bisect_left(self.starts, end)
        lo = bisect_left(self.starts, start - self.longest, 0, hi)
        return [m for m in self.mentions[lo:hi] if start < m.end]


def _mentions_over(analysis: Analysis, start: int, end: int, index: MentionIndex | None) -> list[Mention]:
    return index.overlapping(start, end) if index is not None else _overlapping(analysis.mentions, start, end)


def _actor(analysis: Analysis, actor_id: str, index: MentionIndex | None) -> Actor | None:
    """:meth:`Analysis.actor`, from the index's table when it has one."""
    if index is not None and index.actors is not None:
        return index.actors.get(actor_id)
    return analysis.actor(actor_id)


def is_person(analysis: Analysis, start: int, end: int, index: MentionIndex | None = None) -> bool:
    """Whether the actors stage made a person of a mention over this span."""
    for m in _mentions_over(analysis, start, end, index):
        actor = _actor(analysis, m.actor_id, index)
        if actor is not None and actor.kind == "person":
            return True
    return False


def is_metonym(analysis: Analysis, start: int, end: int, index: MentionIndex | None = None) -> bool:
    """Whether the actors stage read this span as a place standing for its government ("Washington said")."""
    return any(m.kind == "metonym" for m in _mentions_over(analysis, start, end, index))


def government_actor(analysis: Analysis, start: int, end: int, index: MentionIndex | None = None) -> str | None:
    """The country/government actor the actors stage linked to this span, if any (metonymy)."""
    for m in _mentions_over(analysis, start, end, index):
        actor = _actor(analysis, m.actor_id, index)
        if actor is None or actor.kind == "person":
            continue
        if actor.kind == "country" or GOVERNMENT_SECTORS.intersection(actor.sectors):
            return actor.id
    return None


# --- CAMEO country codes -----------------------------------------------------------


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, str]:
    """Normalised CAMEO country/region name → code, from the actors' countries.tsv (empty if absent)."""
    if not data_path("countries.tsv").exists():
        return {}
    out: dict[str, str] = {}
    for row in read_tsv("countries.tsv"):
        code, name = row.get("code", ""), row.get("name", "")
        if code and name:
            out.setdefault(normalise_name(name), code)
    return out


def cameo_country(entry: Entry, gaz: Gazetteer) -> str | None:
    """CAMEO code for a place: a CAMEO region code for a region with one ("West Bank" → WSB), else its country's."""
    codes = cameo_codes()
    if entry.kind == "region" and normalise_name(entry.name) in codes:
        return codes[normalise_name(entry.name)]
    if not entry.country_code:
        return None
    iso3 = gaz.iso3.get(entry.country_code)
    return CAMEO_EXCEPTIONS.get(iso3, iso3) if iso3 else None


# --- resolution --------------------------------------------------------------------


@dataclass
class Resolver:
    """Resolves place names in one document, in context."""

    gaz: Gazetteer
    context: DocContext = field(default_factory=DocContext)

    def qualifier_entries(self, qualifier_text: str | None, kind_word: str | None) -> list[Entry]:
        """Countries/subdivisions a qualifier names ("Texas" in "Paris, Texas")."""
        if not qualifier_text:
            return []
        return [e for e, _h in self.gaz.lookup(qualifier_text) if e.kind in ("country", "adm1")]

    def resolve(
        self,
        text: str,
        owner: int = -1,
        own_entry: Entry | None = None,
        qualifier_text: str | None = None,
        kind_word: str | None = None,
        allow_adjectives: bool = True,
        exclude: Sequence[tuple[Entry | None, int]] = (),
        list_kind: str | None = None,
    ) -> tuple[Entry | None, float]:
        """Best entry for a surface name in this document's context, with a confidence.

        ``owner``/``own_entry`` (and ``exclude``: other mentions of the same name) are left out of the context;
        ``list_kind``: the kind of place the names listed with this one are ("Kerala, Karnataka and
        Puducherry": states), preferred when the name has a reading of that kind.
        """
        cands = candidates(self.gaz, text, allow_adjectives)
        direct = not kind_word  # the candidates of the name as they are (their pruning is cached per process)
        if kind_word:
            # "Washington state": the name with its kind word, else only candidates of that kind
            longer = candidates(self.gaz, f"{text} {kind_word}", allow_adjectives)
            if longer:
                cands = longer
            else:
                admin = [(e, h) for e, h in cands if e.kind in ("adm1", "adm2")]
                if kind_word.lower() != "city" and admin:
                    cands = admin
                elif kind_word.lower() == "city":
                    cands = [(e, h) for e, h in cands if e.kind == "city"] or cands
        words = text.split()
        if not cands and len(words) > 1 and not kind_word:
            norm = normalise_name(text)
            for designator in MULTIWORD_DESIGNATORS:
                if norm.endswith(" " + designator) and len(words) > designator.count(" ") + 1:
                    # "Guma Local Government Area", "Nenagh Municipal District"
                    n = designator.count(" ") + 1
                    kind = MULTIWORD_DESIGNATORS[designator]
                    return self.resolve(
                        " ".join(words[:-n]), owner, own_entry, qualifier_text, kind, allow_adjectives, exclude
                    )
            if normalise_name(words[-1]) in TRAILING_DESIGNATORS:
                # "Oaxaca State", "Guma LGA": the name before its designator, of that kind
                return self.resolve(
                    " ".join(words[:-1]), owner, own_entry, qualifier_text, words[-1], allow_adjectives, exclude
                )
        ctx = self.context.without_all([(own_entry, owner), *exclude])
        if not cands and len(words) > 1:
            direct = False
            cands = embedded_candidates(self.gaz, text, allow_adjectives)
            if not cands:
                # a small town named inside a longer name, near the article's other places or in its state
                named = frozenset(cc for cc, w in ctx.countries.items() if w > 0)
                cands = [
                    (e, h) for e, h in embedded_candidates(self.gaz, text, allow_adjectives, named) if _local(e, ctx)
                ]
        if not cands:
            return None, 0.0
        qualifiers = self.qualifier_entries(qualifier_text, kind_word)
        if direct:
            cands = list(_pruned_candidates(self.gaz, text, allow_adjectives, qualifier_text))
        else:
            cands = prune_small_namesakes(cands, qualifiers)
        if list_kind:
            cands = [(e, h) for e, h in cands if e.kind == list_kind] or cands
        ranked = rank(cands, self.gaz, ctx, qualifiers, text)
        return ranked[0][1], confidence_of(ranked)


def build_resolver(
    gaz: Gazetteer,
    mentions: Sequence[Candidate],
    allow_adjectives: bool = False,
    metonyms: Sequence[bool] = (),
) -> tuple[Resolver, list[Entry | None]]:
    """Pass 1: resolve every mention by prior alone and collect the document context (``metonyms``: which
    mentions stand for a government, see :meth:`DocContext.add`)."""
    resolver = Resolver(gaz)
    # the prior reading depends only on the name and its qualifier: repeated names are ranked once per process
    first = [_prior_reading(gaz, c.text, c.qualifier_text, allow_adjectives) for c in mentions]
    # (counting only prior readings that beat their runner-up clearly was tried: -0.002 on GeoWebNews,
    # local news names its small towns without qualifiers and their most populous reading is often right)
    for i, best in enumerate(first):
        if best is not None:
            resolver.context.add(best, i, weight=0.5, local=not (i < len(metonyms) and metonyms[i]))
    return resolver, first


@lru_cache(maxsize=65536)
def _prior_reading(gaz: Gazetteer, text: str, qualifier_text: str | None, allow_adjectives: bool) -> Entry | None:
    """The best reading of a name by prior alone (no context), cached per process (the gazetteer is read-only)."""
    qualifiers = Resolver(gaz).qualifier_entries(qualifier_text, None)
    ranked = rank(_pruned_candidates(gaz, text, allow_adjectives, qualifier_text), gaz, None, qualifiers, text)
    return ranked[0][1] if ranked else None


@lru_cache(maxsize=65536)
def _pruned_candidates(
    gaz: Gazetteer, text: str, allow_adjectives: bool, qualifier_text: str | None
) -> tuple[tuple[Entry, str], ...]:
    """:func:`prune_small_namesakes` of a name's candidates under its qualifier, cached per process."""
    qualifiers = Resolver(gaz).qualifier_entries(qualifier_text, None)
    return tuple(prune_small_namesakes(candidates(gaz, text, allow_adjectives), qualifiers))


def make_place(
    index: int,
    c: Candidate,
    entry: Entry | None,
    conf: float,
    gaz: Gazetteer,
    analysis: Analysis,
    sentence_of: SentenceLookup | None = None,
    mentions_index: MentionIndex | None = None,
) -> Place:
    """The Place record of a resolved (or unresolved) mention (``sentence_of``: a lookup over its sentences;
    ``mentions_index``: the actors' mentions indexed)."""
    return Place(**place_fields(index, c, entry, conf, gaz, analysis, sentence_of, mentions_index))


def place_fields(
    index: int,
    c: Candidate,
    entry: Entry | None,
    conf: float,
    gaz: Gazetteer,
    analysis: Analysis,
    sentence_of: SentenceLookup | None = None,
    mentions_index: MentionIndex | None = None,
) -> dict[str, Any]:
    """The field values of :func:`make_place`'s record (for building many at once with ``validate_records``)."""
    detect = 0.9 if c.source == "ner" else 0.95
    return {
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "id": f"P{index}",
        "name": entry.name if entry else c.text,
        "geonames_id": entry.geonames_id if entry else None,
        "latitude": entry.latitude if entry else None,
        "longitude": entry.longitude if entry else None,
        "country_code": entry.country_code if entry else None,
        "cameo_country": cameo_country(entry, gaz) if entry else None,
        "feature_class": entry.feature_class if entry else None,
        "feature_code": entry.feature_code if entry else None,
        "population": entry.known_population if entry else None,
        "actor_id": government_actor(analysis, c.start, c.end, mentions_index),
        "sentence": max((sentence_of or analysis.sentence_of)(c.start), 0),
        "confidence": round(detect * (conf if entry else 0.3), 3),
    }


@lru_cache(maxsize=65536)
def name_key(text: str, kind_word: str | None) -> tuple[str, str]:
    """Mentions with the same key are one place throughout an article ("one sense per article")."""
    return normalise_name(text), (kind_word or "").lower()


#: Owner numbers of context from organisation names start here (below every mention index).
ORG_OWNER_BASE = -1_000_000


@lru_cache(maxsize=65536)
def _org_place(gaz: Gazetteer, text: str) -> Entry | None:
    """The one country or first-level unit an organisation's name is, starts or ends with, if unambiguous."""
    words = text.split()
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    tries = [" ".join(words)] + ([words[0], words[-1]] if len(words) > 1 else [])
    for t in tries:
        if not t[:1].isupper():
            continue
        found = {
            e.key: e for e, h in candidates(gaz, t, False) if h in ("name", "abbr") and e.kind in ("country", "adm1")
        }
        if len(found) == 1:
            return next(iter(found.values()))
    return None


def add_org_context(resolver: Resolver, doc: Doc, ents: Sequence[Span] | None = None) -> None:
    """Organisations named after their country or state ("FrontCounter BC", "Texas Instruments", "BC Hydro")
    tell which country the story is in: that country counts as context (not the state: "University of
    California" must not pull a village called London into California)."""
    seen: set[int] = set()
    for ent in doc.ents if ents is None else ents:
        if ent.label_ != "ORG":
            continue
        entry = _org_place(resolver.gaz, ent.text)
        if entry is not None and entry.key not in seen:
            seen.add(entry.key)
            resolver.context.add(entry, ORG_OWNER_BASE - len(seen), weight=0.5, local=False)


#: Rounds of resolution in context: round 1 reads the context of the priors' readings, round 2 that of round 1's
#: (a second round changed GeoWebNews id accuracy by +0.000, so one round).
CONTEXT_ROUNDS = 1


def _resolve_round(
    resolver: Resolver,
    mentions: Sequence[Candidate],
    first: Sequence[Entry | None],
    keys: Sequence[tuple[str, str]],
    groups: dict[tuple[str, str], list[int]],
    text: str = "",
) -> list[tuple[Entry | None, float]]:
    """One round of resolution in context, one sense per name (its most confident mention's reading)."""
    resolved: list[tuple[Entry | None, float]] = []
    memo: dict[tuple[tuple[str, str], str, str | None, str | None, str | None], tuple[Entry | None, float]] = {}
    spans = [(c.start, c.end, first[i]) for i, c in enumerate(mentions)]
    for i, c in enumerate(mentions):
        kind = list_kind(text, spans, i) if text else None
        mkey = (keys[i], c.text, c.qualifier_text, c.kind_word, kind)
        if mkey not in memo:
            same = [(first[j], j) for j in groups[keys[i]]]
            memo[mkey] = resolver.resolve(
                c.text, i, first[i], c.qualifier_text, c.kind_word, allow_adjectives=False, exclude=same, list_kind=kind
            )
        resolved.append(memo[mkey])
    best: dict[tuple[str, str], tuple[Entry | None, float]] = {}
    for i, (entry, conf) in enumerate(resolved):
        if entry is not None and (keys[i] not in best or conf > best[keys[i]][1]):
            best[keys[i]] = (entry, conf)
    return [best.get(keys[i], resolved[i]) for i in range(len(mentions))]


def run(doc: Doc, analysis: Analysis, ctx: Context) -> None:
    """Add the article's place mentions, geocoded, to ``analysis.places``.

    One sense per article: every mention of a name (with the same kind word) gets the reading of
    its most confident mention ("Paris, Texas" once, then "Paris"); the other mentions of the same
    name are left out of the context when resolving it, so a name's first guess cannot vote for itself.
    """
    gaz = get_gazetteer()
    index = MentionIndex(analysis.mentions, analysis.actors)
    full = doc_text(doc, analysis.article.text)
    ents = doc.ents
    mentions = [c for c in find_mentions(doc, full, ents) if not is_person(analysis, c.start, c.end, index)]
    metonyms = [is_metonym(analysis, c.start, c.end, index) for c in mentions]
    resolver, first = build_resolver(gaz, mentions, metonyms=metonyms)
    add_org_context(resolver, doc, ents)
    keys = [name_key(c.text, c.kind_word) for c in mentions]
    groups: dict[tuple[str, str], list[int]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(k, []).append(i)
    final: list[tuple[Entry | None, float]] = []
    for round_ in range(CONTEXT_ROUNDS):
        if round_:
            # the next round reads the context of this round's readings, not of the priors
            resolver = Resolver(gaz)
            first = [e for e, _c in final]
            for i, e in enumerate(first):
                if e is not None:
                    resolver.context.add(e, i, weight=0.5, local=not metonyms[i])
            add_org_context(resolver, doc, ents)
        final = _resolve_round(resolver, mentions, first, keys, groups, full)
    rows: list[dict[str, Any]] = []
    sentence_of = SentenceLookup(analysis.sentences)
    for i, c in enumerate(mentions):
        entry, conf = final[i]
        if entry is None and c.source == "ner" and not c.text[:1].isupper():
            continue
        rows.append(place_fields(len(rows) + 1, c, entry, conf, gaz, analysis, sentence_of, index))
    analysis.places.extend(validate_records(Place, rows))  # one validation call for the document's places
    ctx.scratch["places_resolver"] = resolver
    ctx.scratch["places_ents"] = ents  # ``doc.ents`` as read here, for later stages (rebuilt on each access)


def _kind_word_after(full: str, end: int) -> str | None:
    """A kind word right after a name ("Washington state"), if any."""
    after = full[end : end + 40]
    if after.startswith(", ") or not after.strip():
        return None
    word = after.strip().split(" ")[0].strip(".,;:")
    return word if word.lower() in KIND_WORDS else None


def resolve_span(doc: Doc, analysis: Analysis, start: int, end: int) -> Entry | None:
    """Resolve a given span (e.g. a gold toponym) in its document, using the places found in it as context.

    ``analysis`` must hold the places stage's output for ``doc``; places overlapping the
    span itself, and other mentions of the same name, are left out of the context.  A name the
    stage resolved elsewhere in the article keeps that reading (one sense per article).
    """
    gaz = get_gazetteer()
    full = doc_text(doc, analysis.article.text)
    text = full[start:end]
    qualifier = None
    kind_word = _kind_word_after(full, end)
    if full[end : end + 2] == ", ":
        nxt = [p for p in analysis.places if p.start == end + 2]
        starts = {p.start for p in analysis.places}
        qualifier = nxt[0].text if nxt and not continues_list(full, nxt[0].end, starts) else None
    key = name_key(text, kind_word)
    resolver = Resolver(gaz)
    add_org_context(resolver, doc)
    same: list[Entry] = []
    spans: list[tuple[int, int, Entry | None]] = [(start, end, None)]
    for i, p in enumerate(analysis.places):
        if p.start < end and start < p.end:
            continue
        entry = gaz.get(p.geonames_id) if p.geonames_id else None
        if entry is None and p.geonames_id is None and p.name:
            found = [e for e, h in gaz.lookup(p.name) if h == "name" and e.kind == "region"]
            entry = found[0] if found else None
        spans.append((p.start, p.end, entry))
        if entry is None:
            continue
        if name_key(p.text, _kind_word_after(full, p.end)) == key:
            same.append(entry)
            continue
        resolver.context.add(entry, i, weight=0.5, local=not is_metonym(analysis, p.start, p.end))
    if same and qualifier is None:
        return same[0]
    spans.sort(key=lambda t: t[0])
    kind = list_kind(full, spans, spans.index((start, end, None)))
    entry, _conf = resolver.resolve(text, -1, None, qualifier, kind_word, allow_adjectives=True, list_kind=kind)
    return entry


register_component("places", run)
