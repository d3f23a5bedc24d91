"""The one engine-neutral unit of work: a batch of articles in, processed articles out.

Every engine (in-process, local multiprocessing, Ray) calls :func:`process_batch`; the
pipeline is cached per process (:func:`eventwire.pipeline.get_pipeline`), so a worker
loads the spaCy model once and reuses it for every batch it is given.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.config import Settings
from eventwire.readers.errors import InputError
from eventwire.records import Analysis, Article
from eventwire.store.dedup import minhash
from eventwire.store.writer import Processed

__all__ = ["Processed", "process_batch", "warm_up"]


def warm_up(settings: Settings) -> None:
    """Load the pipeline for ``settings`` into this process (worker initialiser)."""
    from eventwire.pipeline import get_pipeline

    get_pipeline(settings)


def _done(analysis: Analysis) -> Processed:
    signature, n = minhash(analysis.article.text)
    return Processed(analysis=analysis, minhash=signature, n_shingles=n)


def process_batch(articles: Sequence[Article], settings: Settings, batch_size: int = 32) -> list[Processed]:
    """Analyse a batch of articles and compute their wire-copy signatures, in input order.

    An article on which the pipeline fails becomes a :class:`Processed` carrying an
    :class:`InputError` (the batch goes on); nothing here touches storage.
    """
    from eventwire.pipeline import get_pipeline

    pipeline = get_pipeline(settings)
    try:
        return [_done(a) for a in pipeline.analyze_many(articles, batch_size=batch_size)]
    except Exception:  # one bad article must not sink the batch: redo one by one
        out: list[Processed] = []
        for article in articles:
            try:
                out.append(_done(pipeline.analyze(article)))
            except Exception as exc:
                reason = f"pipeline failed: {type(exc).__name__}: {str(exc)[:200]}"
                out.append(Processed(analysis=None, error=InputError(article.origin or article.id, reason)))
        return out
