"""Typed records: the contract between every part of eventwire.

An :class:`Article` goes in, one :class:`Analysis` comes out.  Every extracted item
carries character offsets (``start``/``end``, end exclusive) into ``Article.text`` so
that it can always be traced back to its evidence.

Records are pydantic models: plain, typed, JSON-serialisable, with a published JSON
Schema (``eventwire schema``).  ``SCHEMA_VERSION`` changes whenever a field changes
meaning or disappears.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

SCHEMA_VERSION = "1.0"

PublishedFrom = Literal["given", "metadata", "today"]
ActorKind = Literal["person", "organization", "country", "group"]
RoleStatus = Literal["current", "former", "unknown"]
MentionKind = Literal["name", "surname", "alias", "role", "demonym", "metonym", "pronoun", "group"]
QuoteKind = Literal["direct", "indirect", "mixed"]
Modality = Literal["asserted", "future", "hypothetical", "negated"]


class Record(BaseModel):
    """Base of all records: forbids unknown fields so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Spanned(Record):
    """An item with evidence: a character span into the article text."""

    start: int = Field(ge=0, description="Start offset (characters) into Article.text.")
    end: int = Field(ge=0, description="End offset (exclusive) into Article.text.")
    text: str = Field(description="Article.text[start:end], kept for readability.")


def normalise_text(text: str) -> str:
    """Normalise article text: Unicode NFC, unified newlines, trailing space stripped."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def article_id(text: str) -> str:
    """Stable article id: the first 16 hex digits of SHA-256 over the normalised text.

    Whitespace runs are collapsed first, so the same story re-wrapped differently
    gets the same id (exact re-runs and re-deliveries are idempotent).
    """
    canonical = " ".join(normalise_text(text).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


class Article(Record):
    """One news article: the input of the pipeline."""

    id: str = Field(description="Stable id from the content hash (see article_id).")
    text: str
    title: str | None = None
    published: dt.date | None = Field(default=None, description="Publication date, if known.")
    published_from: PublishedFrom | None = Field(default=None, description="Where the publication date came from.")
    source: str | None = Field(default=None, description="Publishing outlet, e.g. 'BTA'.")
    url: str | None = None
    language: str = "en"
    origin: str | None = Field(default=None, description="File path / record locator it was read from.")

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        title: str | None = None,
        published: dt.date | None = None,
        published_from: PublishedFrom | None = None,
        source: str | None = None,
        url: str | None = None,
        language: str = "en",
        origin: str | None = None,
    ) -> Article:
        """Build an article from raw text; the id is derived from the content."""
        clean = normalise_text(text)
        if published is not None and published_from is None:
            published_from = "given"
        return cls(
            id=article_id(clean),
            text=clean,
            title=title,
            published=published,
            published_from=published_from,
            source=source,
            url=url,
            language=language,
            origin=origin,
        )


class Sentence(Spanned):
    """A sentence as segmented by the NLP pipeline."""

    index: int


class Actor(Record):
    """A canonical actor, resolved once per article; mentions point to it.

    ``country`` is a CAMEO country/IGO code (USA, CHN, UNO, NAT, EUR ...);
    ``sectors`` are CAMEO sector/type codes (GOV, MIL, MED, BUS ...).
    """

    id: str = Field(description="Article-local id, e.g. 'A1'.")
    name: str = Field(description="Canonical name, e.g. 'Antony Blinken' or 'United States'.")
    kind: ActorKind
    country: str | None = Field(default=None, description="CAMEO country or IGO code.")
    sectors: list[str] = Field(default_factory=list, description="CAMEO sector codes, most specific first.")
    role: str | None = Field(default=None, description="Office or function, e.g. 'Secretary of State'.")
    role_status: RoleStatus = "unknown"
    kb_id: str | None = Field(default=None, description="Id in the actor table, when matched.")
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[str] = Field(default_factory=list, description="How the codes were derived (rules, table rows).")

    @model_validator(mode="before")
    @classmethod
    def _drop_derived(cls, data: Any) -> Any:
        """Accept serialised actors: ``code`` is derived, so it is dropped on input."""
        if isinstance(data, dict) and "code" in data:
            data = {k: v for k, v in data.items() if k != "code"}
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def code(self) -> str:
        """CAMEO actor code: country followed by the primary sector (e.g. 'USAGOV')."""
        return (self.country or "") + (self.sectors[0] if self.sectors else "")


class Mention(Spanned):
    """One place in the text where an actor is named or referred to."""

    actor_id: str
    kind: MentionKind
    sentence: int
    label: str | None = Field(default=None, description="Entity label the NLP model gave, if any.")
    confidence: float | None = Field(
        default=None, ge=0.0, le=1.0, description="Confidence of the link to the actor, when below the actor's own."
    )


class Quote(Spanned):
    """A direct, indirect or mixed quotation; the span is the quoted content."""

    id: str
    kind: QuoteKind
    speaker_actor_id: str | None = None
    speaker_text: str | None = Field(default=None, description="The speaker as written in the text.")
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = Field(default=None, description="The cue verb/phrase lemma, e.g. 'say'.")
    cue_start: int | None = None
    cue_end: int | None = None
    parent_id: str | None = Field(default=None, description="Enclosing quote, for nested quotes.")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    cue_class: str | None = Field(
        default=None,
        description="Class of the cue: speech, writing, stance, announce, according (what was said); "
        "belief, intention, evidence (what someone thinks or wants, what a poll or document shows).",
    )


class TimeExpression(Spanned):
    """A temporal expression normalised TIMEX3-style against the publication date."""

    id: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str = Field(description="TIMEX3 value, e.g. 2024-04-26, 2023-11, 2022, 198X, P2D, PRESENT_REF.")
    granularity: Literal[
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "month",
        "quarter",
        "season",
        "year",
        "decade",
        "century",
        "duration",
        "unknown",
    ] = "unknown"
    anchor: str | None = Field(default=None, description="What the value was resolved against.")
    sentence: int = 0


class Place(Spanned):
    """A place mention geocoded against the offline gazetteer."""

    id: str
    name: str = Field(description="Gazetteer name of the resolved place.")
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = Field(default=None, description="ISO 3166-1 alpha-2 of the place's country.")
    cameo_country: str | None = Field(default=None, description="CAMEO country code.")
    feature_class: str | None = Field(default=None, description="GeoNames feature class (A, P, H, L ...).")
    feature_code: str | None = None
    population: int | None = None
    actor_id: str | None = Field(default=None, description="Actor this mention stands for (metonymy).")
    sentence: int = 0
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class Source(Spanned):
    """One link in the provenance chain of the article's content."""

    id: str
    name: str
    role: Literal["original", "relay", "cited"] = Field(
        description="original: first reporter; relay: outlet passing it on; cited: other attributed source."
    )
    order: int = Field(description="0 = original reporter, increasing along the relay chain.")
    actor_id: str | None = None
    cue: str | None = None


class Argument(Spanned):
    """An event argument (source or target side) with its actor, when resolved."""

    actor_id: str | None = None
    code: str | None = Field(default=None, description="CAMEO actor code, e.g. 'USAGOV'.")


class Event(Record):
    """A coded dyadic event with its evidence."""

    id: str
    source: Argument | None
    target: Argument | None
    cameo: str = Field(description="CAMEO event code at the most specific level supported.")
    cameo_name: str
    root: str
    goldstein: float
    quad_class: int = Field(ge=1, le=4)
    plover_type: str | None = None
    plover_mode: str | None = None
    modality: Modality = "asserted"
    reported: bool = False
    quote_id: str | None = None
    date: str | None = Field(default=None, description="TIMEX3 date value of the event.")
    date_from: Literal["clause", "article"] | None = None
    place_id: str | None = None
    trigger: Spanned
    sentence: Spanned
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str | None = Field(default=None, description="Pattern or rule that produced the event.")
    symmetric: bool = Field(default=False, description="Two-way event, emitted in both directions (docs/events.md).")


class PipelineInfo(Record):
    """What produced an analysis."""

    eventwire: str
    model: str
    model_version: str
    stages: list[str]


class Analysis(Record):
    """The one typed result record for one article."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    pipeline: PipelineInfo | None = None
    sentences: list[Sentence] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        if actor_id is None:
            return None
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence containing a character offset (-1 if none)."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s.index
        return -1

    def to_json(self, indent: int | None = 2) -> str:
        """Serialise to JSON text."""
        return self.model_dump_json(indent=indent)


def json_schema() -> dict[str, Any]:
    """The published JSON Schema of :class:`Analysis`."""
    schema = Analysis.model_json_schema(mode="serialization")
    schema["$id"] = f"https://eventwire.invalid/schema/analysis-{SCHEMA_VERSION}.json"
    schema["title"] = "eventwire Analysis"
    return schema
