"""Places stage: how an article's own places decide between namesakes (one sense per article, state
and country pulls, lists, counties, names inside longer names) and the aliases added to the gazetteer."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.knowledge.gazetteer import Entry, get_gazetteer
from eventwire.records import Analysis, Place
from eventwire.stages.places import DocContext, Resolver, candidates, prune_small_namesakes, rank

Analyze = Callable[..., Analysis]

CAPITAL_DC = 4140963
NEW_YORK_CITY = 5128581
STATE_FL = 4155751
STATE_OK = 4544379
STATE_GA = 4197000
STATE_WY = 5843591
SOUTH_AMERICA = 6255150
RUSSIA = 2017370
SOUTH_KOREA = 1835841
NEW_SOUTH_WALES = 2155400
HERTFORDSHIRE = 2647043
GUMA_LGA = 7729904
LONDON = 2643743
KILBURN = 6690572


def places_named(analysis: Analysis, text: str) -> list[Place]:
    """Every place mention with this surface text."""
    found = [p for p in analysis.places if p.text == text]
    assert found, f"no place {text!r} in {[p.text for p in analysis.places]}"
    return found


def best(text: str) -> int | None:
    """The context-free best reading of a surface string (adjectives allowed)."""
    gaz = get_gazetteer()
    ranked = rank(candidates(gaz, text), gaz, None, name=text)
    return ranked[0][1].key if ranked else None


def entry(key: int) -> Entry:
    found = get_gazetteer().get(key)
    assert found is not None
    return found


# --- one sense per article ------------------------------------------------------------


def test_qualified_mention_decides_the_later_bare_ones(analyze: Analyze) -> None:
    a = analyze(
        "The storm hit Paris, Texas, overnight. Schools in Paris stayed closed on Monday, "
        "and the mayor of Paris asked for help."
    )
    ids = {p.geonames_id for p in places_named(a, "Paris")}
    assert len(ids) == 1
    assert all(p.country_code == "US" for p in places_named(a, "Paris"))


def test_a_name_does_not_vote_for_itself() -> None:
    # three mentions of Salisbury read as Harare (its old name) must not pull each other to Zimbabwe
    gaz = get_gazetteer()
    harare = next(e for e, _h in gaz.lookup("Harare") if e.kind == "city" and e.country_code == "ZW")
    uk = gaz.country("GB")
    assert uk is not None
    resolver = Resolver(gaz)
    for i in range(3):
        resolver.context.add(harare, i, weight=0.5)
    resolver.context.add(uk, 3)
    same = [(harare, i) for i in range(3)]
    got, _conf = resolver.resolve("Salisbury", 0, harare, exclude=same)
    assert got is not None and got.country_code == "GB"


# --- states, countries and their namesakes ----------------------------------------------


def test_state_beats_small_town_of_its_name(analyze: Analyze) -> None:
    a = analyze("Officials in Albany and Buffalo said Florida would send more rescue crews north.")
    assert places_named(a, "Florida")[0].geonames_id == STATE_FL
    # a qualifier still finds the village
    gaz = get_gazetteer()
    qualified = prune_small_namesakes(candidates(gaz, "Florida"), [entry(5128638)])  # New York state
    assert any(e.country_code == "US" and e.admin1 == "NY" and e.kind == "city" for e, _h in qualified)


def test_smallest_states_still_own_their_names() -> None:
    got, _conf = Resolver(get_gazetteer()).resolve("Wyoming")
    assert got is not None and got.key == STATE_WY


def test_state_with_its_capital_named_is_the_state(analyze: Analyze) -> None:
    a = analyze(
        "Teachers in Oklahoma walked out on Monday. Rallies filled the Capitol in Oklahoma City "
        "and schools closed in Tulsa."
    )
    assert places_named(a, "Oklahoma")[0].geonames_id == STATE_OK


def test_new_york_is_the_city_by_default(analyze: Analyze) -> None:
    a = analyze("She moved to New York last year to work at a gallery.")
    assert places_named(a, "New York")[0].geonames_id == NEW_YORK_CITY


def test_a_list_is_not_a_qualifier(analyze: Analyze) -> None:
    a = analyze("After stops in Washington, New York and Boston, the prince flew to Los Angeles.")
    assert places_named(a, "Washington")[0].geonames_id == CAPITAL_DC


def test_state_among_other_states_of_its_country(analyze: Analyze) -> None:
    a = analyze("Guard units from Alaska, Florida, Hawaii and Georgia were sent to help, and Louisiana sent boats.")
    assert places_named(a, "Georgia")[0].geonames_id == STATE_GA


def test_capital_standing_for_its_government_names_only_the_country() -> None:
    ctx = DocContext()
    ctx.add(entry(CAPITAL_DC), 0, weight=0.5, local=False)
    assert ctx.countries.get("US", 0) > 0
    assert not ctx.points and not ctx.admin1
    # leaving it out again does not make counts negative
    assert all(v >= 0 for v in ctx.without(entry(CAPITAL_DC), 0).admin1.values())


# --- counties --------------------------------------------------------------------------


def test_counties_have_estimated_size_and_position() -> None:
    fife = next(e for e, _h in get_gazetteer().lookup("Fife") if e.kind == "adm2")
    assert fife.country_code == "GB" and fife.population > 100_000 and fife.approx
    assert fife.latitude == pytest.approx(56.2, abs=0.5) and fife.longitude == pytest.approx(-3.2, abs=0.6)


def test_bare_name_of_a_county_is_the_town() -> None:
    got = entry(best("Shelby") or 0)
    assert got.kind == "city"


# --- names inside longer names -----------------------------------------------------------


def test_multiword_designators() -> None:
    gaz = get_gazetteer()
    nigeria = gaz.country("NG")
    assert nigeria is not None
    resolver = Resolver(gaz)
    resolver.context.add(nigeria, 0)
    got, _conf = resolver.resolve("Guma Local Government Area")
    assert got is not None and got.key == GUMA_LGA
    got, _conf = Resolver(get_gazetteer()).resolve("Harare City Council")
    assert got is not None and got.kind == "city" and got.country_code == "ZW"


def test_small_town_inside_a_name_when_near_the_articles_places() -> None:
    gaz = get_gazetteer()
    far = Resolver(gaz)
    got, _conf = far.resolve("South Kilburn Estate")
    assert got is None
    near = Resolver(gaz)
    near.context.add(entry(LONDON), 0, weight=0.5)
    got, _conf = near.resolve("South Kilburn Estate")
    assert got is not None and got.key == KILBURN


# --- aliases -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Latin America", SOUTH_AMERICA),
        ("Latin American", SOUTH_AMERICA),
        ("Soviet Union", RUSSIA),
        ("USSR", RUSSIA),
        ("Korea", SOUTH_KOREA),
        ("NSW", NEW_SOUTH_WALES),
        ("Herts", HERTFORDSHIRE),
    ],
)
def test_aliases(text: str, key: int) -> None:
    assert best(text) == key


def test_a_state_named_outright_pulls_harder_than_one_its_big_city_implies() -> None:
    # Riverdale, New Jersey (4,300) and Riverdale, New York (9,200): the article names New Jersey itself,
    # New York only through New York City
    gaz = get_gazetteer()
    new_jersey = next(e for e, _h in gaz.lookup("New Jersey") if e.kind == "adm1")
    resolver = Resolver(gaz)
    resolver.context.add(new_jersey, 0)
    resolver.context.add(entry(NEW_YORK_CITY), 1, weight=0.5)
    got, _conf = resolver.resolve("Riverdale")
    assert got is not None and got.country_code == "US" and got.admin1 == "NJ"


def test_ambiguous_abbreviation_follows_the_article() -> None:
    gaz = get_gazetteer()
    australia = gaz.country("AU")
    assert australia is not None
    plain = Resolver(gaz)
    got, _conf = plain.resolve("SA")
    assert got is not None and got.country_code == "ZA"
    aussie = Resolver(gaz)
    aussie.context.add(australia, 0)
    got, _conf = aussie.resolve("WA")
    assert got is not None and got.country_code == "AU" and got.kind == "adm1"


def test_big_city_owns_its_name_against_small_towns() -> None:
    # a Los Angeles story naming "London" means London, not the California hamlet of 1,900
    gaz = get_gazetteer()
    la = next(e for e, _h in gaz.lookup("Los Angeles") if e.kind == "city" and e.country_code == "US")
    resolver = Resolver(gaz)
    resolver.context.add(la, 0, weight=0.5)
    got, _conf = resolver.resolve("London")
    assert got is not None and got.key == LONDON
    # named with its state, the small town is still found
    got, _conf = resolver.resolve("London", qualifier_text="California")
    assert got is not None and got.country_code == "US" and got.admin1 == "CA"


def test_organisation_named_after_a_province_sets_the_country() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from eventwire.stages.places import add_org_context

    doc = Doc(spacy.blank("en").vocab, words=["FrontCounter", "BC", "opened", "an", "office", "in", "Nelson", "."])
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    gaz = get_gazetteer()
    bare = Resolver(gaz)
    got, _conf = bare.resolve("Nelson")
    assert got is not None and got.country_code != "CA"  # Nelson, New Zealand, the largest
    resolver = Resolver(gaz)
    add_org_context(resolver, doc)
    assert resolver.context.countries.get("CA", 0) > 0
    assert not resolver.context.admin1  # the country only, not the province
    got, _conf = resolver.resolve("Nelson")
    assert got is not None and got.country_code == "CA"


def test_alternate_spelling_does_not_take_a_town_from_its_own_name() -> None:
    got, _conf = Resolver(get_gazetteer()).resolve("Southold")
    assert got is not None and got.name == "Southold" and got.admin1 == "NY"


def test_governorate_kind_word(analyze: Analyze) -> None:
    a = analyze("Soldiers patrolled Mount Chaambi in Kasserine governorate on Friday.")
    got = places_named(a, "Kasserine")[0]
    assert got.feature_code == "ADM1" and got.country_code == "TN"


def test_a_name_in_a_list_is_of_the_kind_of_its_list(analyze: Analyze) -> None:
    from eventwire.stages.places import list_kind

    gaz = get_gazetteer()
    text = "shared among Kerala, Karnataka and Puducherry."
    states = [next(e for e, _h in gaz.lookup(n) if e.kind == "adm1") for n in ("Kerala", "Karnataka")]
    k0, k1, k2 = (text.index(n) for n in ("Kerala", "Karnataka", "Puducherry"))
    spans = [(k0, k0 + 6, states[0]), (k1, k1 + 9, states[1]), (k2, k2 + 10, None)]
    assert list_kind(text, spans, 2) == "adm1"
    got, _conf = Resolver(gaz).resolve("Puducherry", list_kind="adm1")
    assert got is not None and got.kind == "adm1"
    # a town and its state are not a list
    b = analyze("She runs a cake studio in Tacoma, Washington, and teaches on weekends.")
    washington = places_named(b, "Washington")[0]
    assert washington.feature_code == "ADM1" and washington.geonames_id != CAPITAL_DC


def test_a_mention_named_twice_is_left_out_once() -> None:
    ctx = DocContext()
    ctx.add(entry(CAPITAL_DC), 0, weight=1.0, local=True)
    ctx.add(entry(CAPITAL_DC), 1, weight=1.0, local=True)
    once = ctx.without_all([(entry(CAPITAL_DC), 0)])
    twice = ctx.without_all([(entry(CAPITAL_DC), 0), (entry(CAPITAL_DC), 0)])
    assert twice.countries == once.countries and twice.admin1 == once.admin1
    assert once.countries.get("US", 0) > 0  # the other mention still counts
