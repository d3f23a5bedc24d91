"""The JSON API routes.  Reads go through the store's query functions (``eventwire.store.queries``,
``eventwire.export``) and, for what those do not offer, :mod:`eventwire.web.queries`."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.background import BackgroundTask

from eventwire import __version__
from eventwire.readers.errors import InputError
from eventwire.readers.validate import check_text
from eventwire.records import Analysis, Article
from eventwire.render.html import argument_marks, collect_marks, highlight
from eventwire.store.queries import EventFilter as StoreFilter
from eventwire.store.queries import dyad
from eventwire.web import queries
from eventwire.web.app import MAX_PAGE_SIZE, WebState, get_state
from eventwire.web.models import (
    ActorPage,
    ArticleIn,
    ArticlePage,
    ArticlesIn,
    ArticleView,
    EventDetail,
    EventPage,
    Info,
    IngestResult,
    Network,
    Timeline,
)

api_router = APIRouter()
State = Annotated[WebState, Depends(get_state)]
_bearer = HTTPBearer(auto_error=False, description="The token given to `eventwire serve --token`.")

#: Export formats served over HTTP, with their media type and file suffix.
EXPORTS: dict[str, tuple[str, str]] = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "gdelt": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "plover": ("application/x-ndjson", "jsonl"),
    "geojson": ("application/geo+json", "geojson"),
}

COUNTRY = r"^[A-Za-z]{3}$"
Country = Annotated[str | None, Query(pattern=COUNTRY, description="CAMEO country/IGO code, e.g. USA.")]
Period = Literal["day", "week", "month", "year"]
Modality = Literal["asserted", "future", "hypothetical", "negated"]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"Page size (1-{MAX_PAGE_SIZE}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]


@dataclass(frozen=True)
class Paging:
    """One page of a listing: its size and how many rows to skip."""

    limit: int
    offset: int

    def page(self, found: tuple[int, list[dict[str, Any]]]) -> dict[str, Any]:
        """The response body of a paged listing from (total matching, this page's items)."""
        total, items = found
        return {"total": total, "limit": self.limit, "offset": self.offset, "items": items}


def paging(limit: Limit = 50, offset: Offset = 0) -> Paging:
    """The ``limit`` and ``offset`` query parameters of every paged listing (a FastAPI dependency)."""
    return Paging(limit=limit, offset=offset)


Page = Annotated[Paging, Depends(paging)]


class InvalidParameterError(HTTPException):
    """A parameter that is well-formed but makes no sense (e.g. since after until): 422."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=422, detail=message)


def store_filter(
    source_country: Country = None,
    target_country: Country = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=200, description="Name substring or code.")] = None,
    code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="Exact CAMEO code, e.g. 042.")] = None,
    root: Annotated[str | None, Query(pattern=r"^(0[1-9]|1\d|20)$", description="CAMEO root 01-20.")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="Quad class 1-4.")] = None,
    since: Annotated[dt.date | None, Query(description="First day (YYYY-MM-DD).")] = None,
    until: Annotated[dt.date | None, Query(description="Last day (YYYY-MM-DD).")] = None,
) -> StoreFilter:
    """The CLI's event filters, validated (a FastAPI dependency)."""
    if since and until and since > until:
        raise InvalidParameterError(f"since ({since}) is after until ({until})")
    return StoreFilter(
        source_country=source_country.upper() if source_country else None,
        target_country=target_country.upper() if target_country else None,
        actor=actor,
        code=code,
        root=root,
        quad=quad,
        since=since,
        until=until,
    )


def event_filter(
    base: Annotated[StoreFilter, Depends(store_filter)],
    country: Annotated[str | None, Query(pattern=COUNTRY, description="Country on either side.")] = None,
    modality: Annotated[Modality | None, Query(description="Event modality.")] = None,
    pair: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{3},[A-Za-z]{3}$", description="Undirected country pair, e.g. USA,CHN.")
    ] = None,
) -> queries.EventFilter:
    """The CLI's filters plus either-side country, modality and an undirected pair."""
    a_b = tuple(pair.upper().split(",")) if pair else None
    return queries.EventFilter(
        base=base,
        country=country.upper() if country else None,
        modality=modality,
        pair=(a_b[0], a_b[1]) if a_b else None,
    )


def require_writer(state: State, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Writes need a configured token (else 403) and that token as a bearer credential (else 401)."""
    if not state.writes_enabled:
        raise HTTPException(
            status_code=403,
            detail="writes are disabled: start the server with --token or EVENTWIRE_TOKEN to allow them",
        )
    if credentials is None or not state.check_token(credentials.credentials):
        raise HTTPException(
            status_code=401, detail="missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
        )


def _article(item: ArticleIn, state: WebState, origin: str) -> Article:
    size = len(item.text.encode("utf-8"))
    if size > state.settings.max_bytes:
        raise HTTPException(413, f"{origin}: article text too large ({size} bytes; limit {state.settings.max_bytes})")
    return Article.from_text(
        item.text, title=item.title, published=item.published, source=item.source, url=item.url, origin=origin
    )


def render_view(analysis: Analysis, event_ids: dict[str, str], stored: bool) -> ArticleView:
    """The article view: the analysis and its text with every record highlighted."""
    marks = collect_marks(analysis) + argument_marks(analysis)
    return ArticleView(
        analysis=analysis, html=highlight(analysis.article.text, marks), event_ids=event_ids, stored=stored
    )


def _extract(item: ArticleIn, state: WebState) -> Analysis:
    article = _article(item, state, "request")
    try:
        check_text(article.text, "request")
    except InputError as exc:
        raise InvalidParameterError(f"text: {exc.reason}") from None
    with state.analysing() as pipeline:
        return pipeline.analyze(article)


@api_router.get("/info", response_model=Info, tags=["meta"])
def info(state: State) -> dict[str, Any]:
    """The server, its limits and a summary of the store."""
    from eventwire.export import formats

    with state.store.read() as cur:
        stats = queries.store_stats(cur)
        countries = queries.countries(cur)
    return {
        "eventwire": __version__,
        "store": state.store.path,
        "writes_enabled": state.writes_enabled,
        "max_body_bytes": state.max_body_bytes,
        **stats,
        "countries": countries,
        "export_formats": [f for f in formats() if f in EXPORTS],
    }


@api_router.post("/extract", response_model=Analysis, tags=["analysis"])
def extract(item: ArticleIn, state: State) -> Analysis:
    """Analyse one article and return its analysis record, without storing anything."""
    return _extract(item, state)


@api_router.post("/extract/view", response_model=ArticleView, tags=["analysis"])
def extract_view(item: ArticleIn, state: State) -> ArticleView:
    """Like ``POST /extract``, plus the highlighted HTML the dashboard shows; nothing is stored."""
    return render_view(_extract(item, state), {}, stored=False)


@api_router.post(
    "/articles",
    response_model=IngestResult,
    tags=["store"],
    dependencies=[Depends(require_writer)],
    responses={401: {"description": "Missing or wrong token"}, 403: {"description": "Writes disabled"}},
)
def post_articles(payload: ArticleIn | ArticlesIn, state: State) -> IngestResult:
    """Analyse and store one article (an object with ``text``) or many (``{"articles": [...]}``).

    Articles already stored (same content hash) are skipped; wire copies are linked.
    Bad articles (empty, not English, too large) are reported in ``errors`` and recorded
    in the store's errors table; the others are stored.
    """
    from eventwire.store.dedup import minhash
    from eventwire.store.writer import BatchResult, Processed, StoreWriter

    items = payload.articles if isinstance(payload, ArticlesIn) else [payload]
    articles: list[Article] = []
    processed: list[Processed] = []
    ids: list[str] = []
    for i, item in enumerate(items):
        article = _article(item, state, f"http:articles[{i}]")
        ids.append(article.id)
        try:
            check_text(article.text, article.origin or "http")
        except InputError as exc:
            processed.append(Processed(analysis=None, error=exc))
            continue
        articles.append(article)
    with state.store.write() as con:
        writer = StoreWriter(con)
        stored = writer.existing_ids(a.id for a in articles)
        fresh = [a for a in articles if a.id not in stored]
        if fresh:
            with state.analysing() as pipeline:
                for analysis in pipeline.analyze_many(fresh):
                    signature, n = minhash(analysis.article.text)
                    processed.append(Processed(analysis=analysis, minhash=signature, n_shingles=n))
        writer.start_run(["http:POST /articles"])
        result = writer.write_batch(processed)
        writer.finish_run(result)
        result = BatchResult(**{**result.__dict__, "skipped": result.skipped + len(articles) - len(fresh)})
    return IngestResult(
        ids=ids,
        added=result.articles,
        skipped=result.skipped,
        duplicates=result.duplicates,
        events_new=result.events_new,
        event_mentions=result.event_mentions,
        errors=[str(p.error) for p in processed if p.error is not None],
    )


@api_router.get("/events", response_model=EventPage, tags=["store"])
def events(
    state: State,
    flt: Annotated[queries.EventFilter, Depends(event_filter)],
    paged: Page,
    sort: Annotated[
        Literal[tuple(queries.SORTS)],  # type: ignore[valid-type]
        Query(description="Sort key; a leading '-' sorts descending."),
    ] = "-date",
) -> dict[str, Any]:
    """Events matching the filters (the CLI's, plus country, modality, pair), one page at a time."""
    with state.store.read() as cur:
        return paged.page(queries.list_events(cur, flt, sort, paged.limit, paged.offset))


@api_router.get("/events/{event_id}", response_model=EventDetail, tags=["store"])
def event(event_id: Annotated[int, PathParam(ge=0, le=2**63 - 1)], state: State) -> dict[str, Any]:
    """One event with every mention: article, sentence, trigger and argument spans."""
    with state.store.read() as cur:
        found = queries.get_event(cur, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


def _fill(rows: list[dict[str, Any]], by: Period) -> list[dict[str, Any]]:
    if not rows:
        return []
    found = {r["period"]: r for r in rows}
    periods = queries.periods(min(found), max(found), by)[-queries.MAX_PERIODS :]
    out = []
    for p in periods:
        r = found.get(p)
        out.append(
            {
                "period": p.isoformat(),
                "start": p.isoformat(),
                "end": queries.period_end(p, by).isoformat(),
                "events": r["events"] if r else 0,
                "quad": [r["quad1"], r["quad2"], r["quad3"], r["quad4"]] if r else [0, 0, 0, 0],
                "mentions": r["mentions"] if r else 0,
                "goldstein_sum": round(r["goldstein_sum"], 3) if r else 0.0,
                "goldstein_mean": round(r["goldstein_mean"], 3) if r else None,
            }
        )
    return out


@api_router.get("/dyads/{a}/{b}/timeline", response_model=Timeline, tags=["store"])
def dyad_timeline(
    a: Annotated[str, PathParam(pattern=COUNTRY, description="CAMEO country code, e.g. USA.")],
    b: Annotated[str, PathParam(pattern=COUNTRY, description="CAMEO country code, e.g. CHN.")],
    state: State,
    by: Period = "month",
    directed: Annotated[bool, Query(description="Only a→b (default: both directions).")] = False,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[str, Any]:
    """Events between two countries per period: counts by quad class, summed and mean Goldstein."""
    if since and until and since > until:
        raise InvalidParameterError(f"since ({since}) is after until ({until})")
    with state.store.read() as cur:
        rows = dyad(cur, a.upper(), b.upper(), by, directed, since, until)
    periods = _fill([r.__dict__ for r in rows], by)
    return {"by": by, "a": a.upper(), "b": b.upper(), "directed": directed, "periods": periods}


@api_router.get("/timeline", response_model=Timeline, tags=["store"])
def timeline(
    state: State,
    flt: Annotated[queries.EventFilter, Depends(event_filter)],
    by: Period = "month",
) -> dict[str, Any]:
    """Events per period under any filter (e.g. ``actor=`` for one actor's timeline)."""
    with state.store.read() as cur:
        periods = queries.timeline(cur, flt, by)
    return {"by": by, "actor": flt.base.actor, "periods": periods}


@api_router.get("/actors", response_model=ActorPage, tags=["store"])
def actors(
    state: State,
    paged: Page,
    q: Annotated[str | None, Query(max_length=200, description="Substring of name, code or role.")] = None,
) -> dict[str, Any]:
    """Actors across the store, most widely reported first."""
    with state.store.read() as cur:
        return paged.page(queries.search_actors(cur, q or None, paged.limit, paged.offset))


@api_router.get("/articles", response_model=ArticlePage, tags=["store"])
def articles(
    state: State,
    paged: Page,
    q: Annotated[str | None, Query(max_length=200, description="Substring of title or source, or an id.")] = None,
) -> dict[str, Any]:
    """Stored articles, newest first."""
    with state.store.read() as cur:
        return paged.page(queries.list_articles(cur, q or None, paged.limit, paged.offset))


ArticleId = Annotated[str, PathParam(pattern=r"^[0-9a-f]{16}$", description="16 hex digits (content hash).")]


def _stored(article_id: str, state: WebState) -> tuple[Analysis, dict[str, str]]:
    """The stored analysis of one article and its events' store ids; 404 when not stored."""
    with state.store.read() as cur:
        found = queries.load_analysis(cur, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found


@api_router.get("/articles/{article_id}", response_model=Analysis, tags=["store"])
def article(article_id: ArticleId, state: State) -> Analysis:
    """The stored analysis of one article (sentences are not stored and come back empty)."""
    return _stored(article_id, state)[0]


@api_router.get("/articles/{article_id}/view", response_model=ArticleView, tags=["store"])
def article_view(article_id: ArticleId, state: State) -> ArticleView:
    """The stored analysis of one article with its highlighted HTML and its events' store ids."""
    analysis, event_ids = _stored(article_id, state)
    return render_view(analysis, event_ids, stored=True)


@api_router.get("/network", response_model=Network, tags=["store"])
def network(
    state: State,
    flt: Annotated[queries.EventFilter, Depends(event_filter)],
    node: Annotated[queries.NodeKey, Query(description="What a node is: actor name, CAMEO code or country.")] = "name",
    max_edges: Annotated[int, Query(ge=1, le=2000)] = 300,
) -> dict[str, Any]:
    """Actors as nodes, source→target edges weighted by events and split cooperation/conflict."""
    with state.store.read() as cur:
        return queries.network(cur, flt, node, max_edges)


@api_router.get(
    "/export",
    tags=["store"],
    response_class=FileResponse,
    responses={200: {"content": {m: {} for m, _ in EXPORTS.values()}, "description": "The exported events."}},
)
def export(
    state: State,
    flt: Annotated[StoreFilter, Depends(store_filter)],
    fmt: Annotated[Literal["csv", "gdelt", "plover", "geojson"], Query(alias="format")] = "csv",
) -> FileResponse:
    """The filtered events in an export format, exactly as ``eventwire export`` writes them."""
    from eventwire.export import export as run_export

    media, suffix = EXPORTS[fmt]
    tmp = Path(tempfile.mkdtemp(prefix="eventwire-export-"))
    path = tmp / f"events.{suffix}"
    try:
        with state.store.read() as cur:
            run_export(cur, fmt, path, flt)
    except Exception:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return FileResponse(
        path,
        media_type=media,
        filename=f"eventwire-events.{suffix}",
        background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True),
    )
