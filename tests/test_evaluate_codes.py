"""Code agreement rules shared by the actors and events scorers (eventwire.evaluate.codes)."""

from __future__ import annotations

from eventwire.evaluate.codes import country_agrees, sector_agrees, split_code
from eventwire.evaluate.events import _side_ok


def test_split_code_tells_sectors_from_countries_and_organisations() -> None:
    assert split_code("USAGOV") == ("USA", ["GOV"])
    assert split_code("GOV") == (None, ["GOV"])
    assert split_code("UNOIGO") == ("UNO", ["IGO"])
    assert split_code("CHEHLH") == ("CHE", ["HLH"])
    assert split_code("") == (None, [])


def test_country_aliases_apply_to_both_sides() -> None:
    assert country_agrees("ROU", "ROM", [])
    assert country_agrees("TLS", "TMP", ["GOV"])
    assert country_agrees("GZS", "PSE", [])
    assert not country_agrees("ROU", "HUN", [])


def test_igo_ngo_img_codes() -> None:
    assert country_agrees("IGO", "UNO", ["IGO"])
    assert not country_agrees("IGO", "USA", ["GOV"])
    assert country_agrees("NGO", None, ["NGO"])
    assert country_agrees("IMG", None, ["REB"])
    assert not country_agrees("IMG", "SYR", ["REB"])


def test_plover_sector_names_map_to_cameo() -> None:
    assert sector_agrees("LBN", "JRN", ["MED"])  # PLOVER journalists = CAMEO media
    assert sector_agrees("CHE", "MED", ["HLH"])  # PLOVER medical = CAMEO health
    assert not sector_agrees("CHE", "MED", ["MED"])
    assert sector_agrees("IGO", "GOV", ["IGO"])  # an IGO acting through its governing organ
    assert not sector_agrees("USA", "GOV", ["IGO"])


def test_event_sides_use_every_sector_of_the_actor() -> None:
    assert _side_ok(("PSE", ("CVL", "OPP")), ("PSE", "OPP"))
    assert not _side_ok(("PSE", ("CVL",)), ("PSE", "OPP"))
    assert _side_ok("ROMGOV", ("ROU", "GOV"))
    assert _side_ok("CHEHLH", ("CHE", "MED"))
    assert not _side_ok(None, ("USA", ""))
