"""Request and response bodies of the web API (they make the OpenAPI spec precise)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from eventwire.records import Analysis


class ArticleIn(BaseModel):
    """One article to analyse (``POST /extract``) or ingest (``POST /articles``)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text (plain text).")
    published: dt.date | None = Field(default=None, description="Publication date; else today is used.")
    source: str | None = Field(default=None, max_length=200, description="Publishing outlet, e.g. 'BTA'.")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)


class ArticlesIn(BaseModel):
    """Several articles to ingest in one request."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=100)


class ArticleView(BaseModel):
    """An analysis with its highlighted HTML, as the dashboard's article view shows it."""

    analysis: Analysis
    html: str = Field(description="The article text as HTML with every record highlighted (escaped).")
    event_ids: dict[str, str] = Field(
        default_factory=dict, description="Article-local event id → store event id (stored articles only)."
    )
    stored: bool


class IngestResult(BaseModel):
    """What one ``POST /articles`` added."""

    ids: list[str] = Field(description="Article ids, in request order.")
    added: int
    skipped: int = Field(description="Already stored (same content hash).")
    duplicates: int = Field(description="Stored, but linked as wire copies of an earlier article.")
    events_new: int
    event_mentions: int
    errors: list[str]


class EventOut(BaseModel):
    """One deduplicated event (id as a string: it can exceed JavaScript's safe integers)."""

    model_config = ConfigDict(extra="allow")

    id: str
    date: str | None
    source_code: str | None
    source_country: str | None
    source_name: str | None
    target_code: str | None
    target_country: str | None
    target_name: str | None
    cameo: str
    root: str
    cameo_name: str | None
    quad_class: int
    goldstein: float
    modality: str | None
    num_mentions: int
    num_sources: int
    num_articles: int


class EventPage(BaseModel):
    """A page of events."""

    total: int
    limit: int
    offset: int
    items: list[EventOut]


class EventDetail(EventOut):
    """An event with every mention and its evidence."""

    mentions: list[dict[str, Any]]


class TimelinePeriod(BaseModel):
    """One period of a timeline."""

    period: str
    start: str
    end: str
    events: int
    quad: list[int] = Field(description="Event counts by quad class 1-4.")
    mentions: int
    goldstein_sum: float
    goldstein_mean: float | None


class Timeline(BaseModel):
    """Events per period for a dyad or an actor."""

    by: str
    a: str | None = None
    b: str | None = None
    actor: str | None = None
    directed: bool = False
    periods: list[TimelinePeriod]


class ActorOut(BaseModel):
    """An actor name/code across the store."""

    name: str
    code: str | None
    kind: str | None
    country: str | None
    role: str | None
    articles: int
    mentions: int
    events: int


class ActorPage(BaseModel):
    """A page of actors."""

    total: int
    limit: int
    offset: int
    items: list[ActorOut]


class ArticleSummary(BaseModel):
    """A stored article in a list."""

    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    n_chars: int | None
    duplicate_of: str | None
    events: int


class ArticlePage(BaseModel):
    """A page of articles."""

    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class NetworkNode(BaseModel):
    """An actor in the network."""

    id: str
    label: str
    events: int


class NetworkEdge(BaseModel):
    """Events from one actor to another."""

    source: str
    target: str
    events: int
    cooperation: int
    conflict: int
    goldstein_mean: float
    mentions: int


class Network(BaseModel):
    """Actors and the events between them."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class Info(BaseModel):
    """The server and its store."""

    eventwire: str
    store: str
    writes_enabled: bool
    max_body_bytes: int
    articles: int
    events: int
    event_mentions: int
    first_date: str | None
    last_date: str | None
    countries: list[dict[str, Any]]
    export_formats: list[str]
