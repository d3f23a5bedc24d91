"""Acceptance: actors of the shared Beijing-talks example (skips when ../shared is absent)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.records import Actor, Analysis

pytestmark = pytest.mark.acceptance


@pytest.fixture(scope="module")
def result(shared_dir: Path, analyze: Callable[..., Analysis]) -> Analysis:
    text = (shared_dir / "examples" / "beijing-talks.txt").read_text(encoding="utf-8")
    return analyze(text, published="2024-04-26")


def actor_of(result: Analysis, text: str, nth: int = 0) -> Actor:
    hits = [m for m in result.mentions if m.text == text]
    assert len(hits) > nth, f"no mention {text!r} (#{nth}) among {[m.text for m in result.mentions]}"
    actor = result.actor(hits[nth].actor_id)
    assert actor is not None
    return actor


def named(result: Analysis, name: str) -> Actor:
    hits = [a for a in result.actors if a.name == name]
    assert len(hits) == 1, f"{name!r}: {[a.name for a in result.actors]}"
    return hits[0]


def test_blinken_is_us_government_despite_misspelling(result: Analysis) -> None:
    blinken = named(result, "Antony Blinken")
    assert (blinken.country, blinken.sectors[0], blinken.kind) == ("USA", "GOV", "person")
    assert blinken.role_status == "current"
    assert actor_of(result, "US Secretary of State Anthony Blinken").id == blinken.id
    assert all(result.actor(m.actor_id) == blinken for m in result.mentions if m.text == "Blinken")


def test_wang_yi_and_every_wang(result: Analysis) -> None:
    wang = named(result, "Wang Yi")
    assert (wang.country, wang.sectors[0]) == ("CHN", "GOV")
    wangs = [m for m in result.mentions if m.text == "Wang"]
    assert len(wangs) == 2
    assert all(m.actor_id == wang.id for m in wangs)


def test_wang_xiaohong_is_a_different_chinese_official(result: Analysis) -> None:
    wx = named(result, "Wang Xiaohong")
    assert (wx.country, wx.sectors[0]) == ("CHN", "GOV")
    assert wx.id != named(result, "Wang Yi").id


def test_presidents_are_heads_of_state(result: Analysis) -> None:
    for name, country in (("Xi Jinping", "CHN"), ("Joe Biden", "USA")):
        actor = named(result, name)
        assert actor.country == country
        assert actor.role is not None and "head of state" in actor.role
    assert actor_of(result, "Chinese leader Xi Jinping").name == "Xi Jinping"


def test_pelosi_is_a_former_legislator(result: Analysis) -> None:
    pelosi = named(result, "Nancy Pelosi")
    assert (pelosi.country, pelosi.sectors[0], pelosi.role_status) == ("USA", "LEG", "former")


def test_media(result: Analysis) -> None:
    daily = named(result, "China Daily")
    assert (daily.country, daily.sectors[0]) == ("CHN", "MED")
    for name in ("Reuters", "BTA"):
        assert named(result, name).sectors[0] == "MED"
    assert actor_of(result, "state media").sectors[0] == "MED"
    assert actor_of(result, "the Chinese publication").id == daily.id


def test_role_descriptions_refer_back(result: Analysis) -> None:
    blinken = named(result, "Antony Blinken")
    assert actor_of(result, "the US diplomat").id == blinken.id
    assert actor_of(result, "the US secretary of state").id == blinken.id
    assert actor_of(result, "his American counterpart").id == blinken.id
    assert actor_of(result, "the Chinese foreign minister").id == named(result, "Wang Yi").id


def test_washington_is_the_us_government(result: Analysis) -> None:
    hits = [m for m in result.mentions if m.text == "Washington"]
    assert len(hits) == 3  # the fourth, "traveling to Washington", is a place
    for m in hits:
        actor = result.actor(m.actor_id)
        assert actor is not None and (actor.country, actor.sectors) == ("USA", ["GOV"])
        assert m.kind == "metonym"


def test_groups_and_countries(result: Analysis) -> None:
    companies = actor_of(result, "Chinese companies")
    assert (companies.kind, companies.country, companies.sectors) == ("group", "CHN", ["BUS"])
    assert actor_of(result, "State Department officials").code == "USAGOV"
    assert actor_of(result, "US diplomats").code == "USAGOV"
    assert actor_of(result, "Chinese officials").code == "CHNGOV"
    china = actor_of(result, "China")
    assert (china.kind, china.country, china.sectors) == ("country", "CHN", [])
    assert actor_of(result, "the American side").country == "USA"


def test_token_map_and_span_helper(result: Analysis) -> None:
    from eventwire.stages.actors import actor_for_span

    text = result.article.text
    start = text.index("Wang Xiaohong")
    actor = actor_for_span(result, start, start + 4)
    assert actor is not None and actor.name == "Wang Xiaohong"
