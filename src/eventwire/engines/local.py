"""Run :func:`~eventwire.engines.core.process_batch` here (1 worker) or in N local processes.

Workers are started with the ``spawn`` method (no inherited DuckDB or thread state),
load the model once in their initialiser, and receive whole batches.  At most
``2 × workers`` batches are in flight, so memory stays bounded however large the
corpus, and results come back in submission order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from multiprocessing.pool import AsyncResult
from typing import Any

from eventwire.config import Settings
from eventwire.engines.core import process_batch, warm_up
from eventwire.records import Article
from eventwire.store.writer import Processed


class LocalEngine:
    """Process batches of articles with ``workers`` local processes (1 = this process)."""

    def __init__(self, workers: int = 1, settings: Settings | None = None, batch_size: int = 32) -> None:
        self.workers = max(1, workers)
        self.settings = settings or Settings.from_env()
        self.batch_size = batch_size
        self._pool: Any = None

    def __enter__(self) -> LocalEngine:
        if self.workers > 1:
            ctx = multiprocessing.get_context("spawn")
            self._pool = ctx.Pool(self.workers, initializer=warm_up, initargs=(self.settings,))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            if exc[0] is None:
                self._pool.close()
            else:
                self._pool.terminate()
            self._pool.join()
            self._pool = None

    def map(self, batches: Iterable[Sequence[Article]]) -> Iterator[tuple[Sequence[Article], list[Processed]]]:
        """(batch, processed) pairs in input order."""
        if self._pool is None:
            for batch in batches:
                yield batch, process_batch(batch, self.settings, self.batch_size)
            return
        window: deque[tuple[Sequence[Article], AsyncResult[list[Processed]]]] = deque()
        for batch in batches:
            window.append((batch, self._pool.apply_async(process_batch, (batch, self.settings, self.batch_size))))
            if len(window) >= 2 * self.workers:
                done, res = window.popleft()
                yield done, res.get()
        while window:
            done, res = window.popleft()
            yield done, res.get()
