"""Code agreement rules shared by the actors and events scorers (eventwire.evaluate.codes)."""

from __future__ import annotations

from pathlib import Path

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
    # gold IGO also names transnational NGOs (Amnesty International, the Red Cross): stateless + NGO sector agrees
    assert country_agrees("IGO", None, ["NGO", "HRI", "AMN"])
    assert not country_agrees("IGO", "NGA", ["NGO"])  # a national NGO is not an international organisation
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


def test_jsonl_gold_sectors_are_cameo_and_plover_gold_sectors_are_plover(tmp_path: Path) -> None:
    from eventwire.evaluate.events import read_gold

    gold = tmp_path / "g.jsonl"
    gold.write_text(
        '{"text": "A Russian court jailed an American reporter.", "published": "2024-01-02", '
        '"events": [{"root": "17", "source": ["RUSJUD"], "target": ["USAMED"]}]}\n',
        encoding="utf-8",
    )
    ev = read_gold(gold)[0].events[0]
    assert _side_ok(("USA", ("MED",)), ev.targets[0], ev.plover_sectors)  # CAMEO MED = media
    assert not _side_ok(("USA", ("MED",)), ("USA", "MED"))  # PLOVER MED = medical


def test_eval_cli_writes_a_named_section_and_keeps_others(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    gold = tmp_path / "g.jsonl"
    gold.write_text(
        '{"text": "Canada imposed sanctions on Mexico on Tuesday.", "published": "2024-03-05", '
        '"events": [{"root": "16", "source": ["CAN"], "target": ["MEX"]}]}\n',
        encoding="utf-8",
    )
    doc = tmp_path / "accuracy.md"
    doc.write_text("# Accuracy\n\n<!-- eval:events -->\n## events\nold dev figures\n<!-- /eval:events -->\n")
    args = ["eval", "events", "--gold", str(gold), "--write", str(doc), "--section", "events-heldout"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = doc.read_text()
    assert "old dev figures" in text  # the dev section is kept
    assert "<!-- eval:events-heldout -->\n## events-heldout\n" in text
    assert "| root F1 | 1.000 |" in text.split("eval:events-heldout")[1]
