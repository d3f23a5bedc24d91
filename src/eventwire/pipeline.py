"""The ordered stage list and the runner: Article -> spaCy Doc -> stages -> Analysis.

Nothing stage-specific lives here.  A stage is found by name: the module
``eventwire.stages.<name>`` (or an entry point in the ``eventwire.stages`` group for
third-party stages) exposing ``run(doc, analysis, ctx)``.  Adding a stage means writing
its module and naming it in the stage list; no other stage changes.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Iterator, Sequence
from importlib.metadata import entry_points

from spacy.language import Language
from spacy.tokens import Doc

from eventwire import __version__
from eventwire.config import Settings
from eventwire.nlp import load_nlp, model_info
from eventwire.records import Analysis, Article, PipelineInfo
from eventwire.stages.base import Context, StageFn, doc_text, sentences_of

#: The default order: who, then who said what, when, where, from whom, then what happened.
DEFAULT_STAGES: tuple[str, ...] = ("actors", "quotes", "time", "places", "provenance", "events")


class UnknownStageError(ValueError):
    """A stage name that no module or entry point provides."""


def load_stage(name: str) -> StageFn:
    """The ``run`` function of stage ``name``."""
    try:
        module = importlib.import_module(f"eventwire.stages.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"eventwire.stages.{name}":
            raise
        for ep in entry_points(group="eventwire.stages"):
            if ep.name == name:
                fn: StageFn = ep.load()
                return fn
        raise UnknownStageError(f"no eventwire stage named {name!r}") from None
    run: StageFn = module.run
    return run


def available_stages() -> list[str]:
    """Default stages whose modules exist in this installation, in order."""
    out = []
    for name in DEFAULT_STAGES:
        try:
            load_stage(name)
        except UnknownStageError:
            continue
        out.append(name)
    return out


def with_reference_date(article: Article) -> Article:
    """The article with a publication date: its own, else today (marked as such)."""
    if article.published is not None:
        return article
    return article.model_copy(update={"published": dt.date.today(), "published_from": "today"})


class Pipeline:
    """Runs articles through spaCy and the eventwire stages.

    Args:
        stages: stage names in order; default: every available stage of ``DEFAULT_STAGES``.
        settings: model, tables and limits; default: from the environment.
        nlp: an already-loaded spaCy pipeline (else loaded once per process).
    """

    def __init__(
        self,
        stages: Sequence[str] | None = None,
        settings: Settings | None = None,
        nlp: Language | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self.nlp = nlp or load_nlp(self.settings.model)
        self.stage_names = list(stages) if stages is not None else available_stages()
        self.stages = [(name, load_stage(name)) for name in self.stage_names]
        name, version = model_info(self.nlp)
        self.info = PipelineInfo(eventwire=__version__, model=name, model_version=version, stages=self.stage_names)

    def analyze(self, article: Article | str, published: dt.date | None = None) -> Analysis:
        """Analyse one article (or raw text)."""
        art = self._article(article, published)
        return self._run(self.nlp(art.text), art)

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Analysis]:
        """Analyse many articles, parsing them in batches with ``nlp.pipe``."""
        arts = (with_reference_date(a) for a in articles)
        pairs = self.nlp.pipe(((a.text, a) for a in arts), as_tuples=True, batch_size=batch_size)
        for doc, art in pairs:
            yield self._run(doc, art)

    def run_stages(self, doc: Doc, article: Article) -> Analysis:
        """Run the stages over an already-parsed doc of ``article``."""
        return self._run(doc, with_reference_date(article))

    def _article(self, article: Article | str, published: dt.date | None) -> Article:
        if isinstance(article, str):
            article = Article.from_text(article, published=published)
        elif published is not None:
            article = article.model_copy(update={"published": published, "published_from": "given"})
        return with_reference_date(article)

    def _run(self, doc: Doc, article: Article) -> Analysis:
        assert article.published is not None
        sentences = sentences_of(doc, doc_text(doc, article.text))
        analysis = Analysis(article=article, pipeline=self.info, sentences=sentences)
        ctx = Context(published=article.published, settings=self.settings)
        for _name, fn in self.stages:
            fn(doc, analysis, ctx)
        return analysis


_DEFAULT: dict[tuple[Settings, tuple[str, ...] | None], Pipeline] = {}


def get_pipeline(settings: Settings | None = None, stages: Sequence[str] | None = None) -> Pipeline:
    """A pipeline cached per process for these settings and stages."""
    key = (settings or Settings.from_env(), tuple(stages) if stages is not None else None)
    if key not in _DEFAULT:
        _DEFAULT[key] = Pipeline(stages=stages, settings=key[0])
    return _DEFAULT[key]


def analyze(text: str | Article, published: dt.date | None = None, settings: Settings | None = None) -> Analysis:
    """Analyse one article with the default pipeline (cached per process)."""
    return get_pipeline(settings).analyze(text, published=published)
