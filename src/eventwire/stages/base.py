"""The stage contract and the glue that makes a stage a spaCy component."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.config import Settings
from eventwire.records import Analysis, Article, Sentence

#: Signature of a stage: add your part to ``analysis``; read earlier parts; no I/O.
StageFn = Callable[[Doc, Analysis, "Context"], None]


@dataclass
class Context:
    """What a stage may know besides the document: the article's reference date and settings.

    ``scratch`` lets a stage hand intermediate, non-serialised results (e.g. token
    indices) to later stages without widening the public record.
    """

    published: dt.date
    settings: Settings = field(default_factory=Settings)
    scratch: dict[str, Any] = field(default_factory=dict)


def sentences_of(doc: Doc) -> list[Sentence]:
    """Sentence records for a parsed doc."""
    return [Sentence(start=s.start_char, end=s.end_char, text=s.text, index=i) for i, s in enumerate(doc.sents)]


def register_extensions() -> None:
    """Register ``Doc._.eventwire`` (the Analysis) and ``Doc._.eventwire_ctx`` (its Context)."""
    if not Doc.has_extension("eventwire"):
        Doc.set_extension("eventwire", default=None)
    if not Doc.has_extension("eventwire_ctx"):
        Doc.set_extension("eventwire_ctx", default=None)


def ensure_analysis(doc: Doc) -> tuple[Analysis, Context]:
    """The Analysis/Context attached to a doc, creating them for stand-alone spaCy use."""
    register_extensions()
    analysis: Analysis | None = doc._.eventwire
    ctx: Context | None = doc._.eventwire_ctx
    if analysis is None:
        article = Article.from_text(doc.text)
        # spaCy docs are not normalised: keep the doc text as-is so spans stay valid.
        article = article.model_copy(update={"text": doc.text})
        analysis = Analysis(article=article, sentences=sentences_of(doc))
        doc._.eventwire = analysis
    if ctx is None:
        published = analysis.article.published or dt.date.today()
        ctx = Context(published=published)
        doc._.eventwire_ctx = ctx
    return analysis, ctx


class StageComponent:
    """A spaCy pipeline component wrapping one eventwire stage.

    The result is on ``doc._.eventwire`` (an :class:`Analysis`).  Set
    ``doc._.eventwire_ctx`` beforehand to give a publication date; else today is used.
    """

    def __init__(self, name: str, fn: StageFn) -> None:
        self.name = name
        self.fn = fn

    def __call__(self, doc: Doc) -> Doc:
        analysis, ctx = ensure_analysis(doc)
        self.fn(doc, analysis, ctx)
        return doc


def register_component(stage_name: str, fn: StageFn) -> None:
    """Register ``fn`` as spaCy factory ``eventwire_<stage_name>`` (idempotent)."""
    register_extensions()
    factory = f"eventwire_{stage_name}"
    if Language.has_factory(factory):
        return

    def make(nlp: Language, name: str) -> StageComponent:
        return StageComponent(stage_name, fn)

    Language.factory(factory, requires=["doc.sents", "doc.ents"], retokenizes=False)(make)
