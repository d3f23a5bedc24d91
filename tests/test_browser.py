"""The dashboard in a real browser: Debian's Chromium driven headless by Playwright.

The app runs under uvicorn on a free loopback port in a background thread, over a store
ingested from the bundled example corpus.  Screenshots go to $EVENTWIRE_SCREENSHOTS, else to a
temporary folder; ``make screenshots`` refreshes the committed ones in docs/screenshots/.
Skipped only when /usr/bin/chromium is absent (``make test`` installs it).
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.pipeline import Pipeline

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
SHOTS = Path(os.environ.get("EVENTWIRE_SCREENSHOTS") or Path(tempfile.gettempdir()) / "eventwire-screenshots")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian chromium not installed (/usr/bin/chromium); `make test` installs it"
    ),
]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[str]:
    """Base URL of the app serving a store built from examples/corpus."""
    import uvicorn

    from eventwire.ingest import ingest
    from eventwire.web import create_app

    db = tmp_path_factory.mktemp("browser") / "corpus.duckdb"
    report = ingest([CORPUS], db, workers=1)
    assert report.articles > 5 and report.events_new > 0
    port = _free_port()
    config = uvicorn.Config(create_app(db, pipeline=pipeline), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(300):  # up to 30 s
        if srv.started:
            break
        time.sleep(0.1)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    thread.join(timeout=15)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    remote: list[str] = []
    pg.on("request", lambda req: remote.append(req.url) if not req.url.startswith(server) else None)
    yield pg
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"
    assert remote == [], f"requests left the app (dashboard must be offline): {remote}"


def _shot(pg: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / name), full_page=False)


def test_relations_chart_for_usa_china(page: Any, server: str) -> None:
    page.goto(server)
    page.wait_for_function("() => document.querySelector('#status').textContent.includes('events')")
    page.fill("#rel-a", "USA")
    page.fill("#rel-b", "CHN")
    page.select_option("#rel-by", "month")
    page.click("#rel-show")
    page.wait_for_function(
        "() => window.ew.charts.relations && window.ew.state.timeline && window.ew.state.timeline.a === 'USA'"
    )
    points = page.evaluate("() => window.ew.charts.relations.data[0].length")
    events = page.evaluate("() => window.ew.state.timeline.periods.reduce((s, p) => s + p.events, 0)")
    assert points >= 1 and events >= 1
    assert page.locator("#rel-chart canvas").count() == 1
    assert page.get_attribute("#rel-chart", "data-points") == str(points)
    assert "USA ↔ CHN" in page.inner_text("#rel-summary")
    # click the first period with events: its events are listed below the chart
    idx = page.evaluate("() => window.ew.state.timeline.periods.findIndex((p) => p.events > 0)")
    x, y = page.evaluate(
        """(i) => { const u = window.ew.charts.relations; const r = u.over.getBoundingClientRect();
                    return [r.left + u.valToPos(u.data[0][i], 'x'), r.top + r.height / 2]; }""",
        idx,
    )
    page.mouse.click(x, y)
    page.wait_for_selector("#rel-events table tbody tr")
    assert page.locator("#rel-events table tbody tr").count() >= 1
    _shot(page, "relations.png")


def test_events_table_sorts_and_links_to_evidence(page: Any, server: str) -> None:
    page.goto(server + "#/events")
    page.wait_for_selector("#ev-table tbody tr td a")
    page.click("#ev-table th[data-sort=goldstein]")
    page.wait_for_selector("#ev-table th.sorted-desc[data-sort=goldstein]")
    cells = page.locator("#ev-table tbody tr td:nth-child(6)").all_inner_texts()
    values = [float(c) for c in cells]
    assert values == sorted(values, reverse=True) and len(values) > 1
    before = page.inner_text("#ev-count")
    page.select_option("#ev-form select[name=quad]", "1")
    page.click("#ev-form button[type=submit]")
    page.wait_for_function("(before) => document.querySelector('#ev-count').textContent !== before", arg=before)
    quads = page.locator("#ev-table tbody .quad").all_inner_texts()
    assert quads and set(quads) == {"1"}
    _shot(page, "events.png")
    page.click("#ev-table tbody tr:first-child a")
    page.wait_for_selector("#event-detail .mention mark")
    assert page.locator("#event-detail .mention").count() >= 1
    _shot(page, "event.png")


def test_article_view_highlights_actors_events_and_quotes(page: Any, server: str) -> None:
    page.goto(server + "#/articles")
    page.wait_for_selector("#art-table tbody tr td a")
    page.fill("#art-form input[name=q]", "talks in Beijing")
    page.click("#art-form button")
    link = page.locator("#art-table tbody tr:first-child td a", has_text="talks in Beijing")
    link.wait_for()
    link.click()
    page.wait_for_selector("#article-view .text .x")
    for cls in ["ew-actor", "ew-trigger", "ew-quote"]:
        assert page.locator(f"#article-view .text .{cls}").count() > 0, cls
    assert page.locator("#article-view .panel li.kind-event").count() > 0
    page.hover("#article-view .text .ew-trigger")
    tip = page.locator("#tooltip")
    tip.wait_for(state="visible")
    assert "event" in tip.inner_text()
    page.hover("#article-view .panel li.kind-actor")
    assert page.locator("#article-view .text .x.flash").count() > 0
    _shot(page, "article.png")


def test_network_draws_actors_and_edges(page: Any, server: str) -> None:
    page.goto(server + "#/network")
    page.wait_for_function("() => window.ew.charts.network && window.ew.charts.network.edges().length > 0")
    nodes = page.evaluate("() => window.ew.charts.network.nodes().length")
    assert nodes >= 2
    colours = page.evaluate("() => window.ew.charts.network.edges().map((e) => e.style('line-color'))")
    assert len(set(colours)) >= 2, "cooperation and conflict edges are coloured differently"
    _shot(page, "network.png")


def test_extract_box_shows_the_article_view(page: Any, server: str) -> None:
    page.goto(server + "#/extract")
    page.fill(
        "#ex-text",
        "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Monday. "
        '"We will deepen our cooperation," Kishida told reporters after the talks.',
    )
    page.fill("#ex-form input[name=published]", "2024-03-18")
    page.click("#ex-submit")
    page.wait_for_selector("#extract-view .text .ew-actor")
    assert "nothing was stored" in page.inner_text("#extract-view .notice")
    assert page.locator("#extract-view .text .ew-quote").count() > 0
    assert page.locator("#extract-view .panel li.kind-actor").count() >= 2
    _shot(page, "extract.png")
