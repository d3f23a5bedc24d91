"""eventwire: who did what to whom, when, where, and who said what — from news text.

Public API::

    from eventwire import analyze, Pipeline, Article
    result = analyze(text, published=datetime.date(2024, 4, 26))
    result.actors, result.events, result.quotes ...

    store = open_store("eventwire.duckdb")      # after `eventwire ingest`
    store.events(source_country="USA", target_country="CHN", as_frame=True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from eventwire.config import Settings
from eventwire.pipeline import Pipeline, analyze, get_pipeline
from eventwire.records import Analysis, Article

if TYPE_CHECKING:
    from eventwire.api import open_store


def __getattr__(name: str) -> Any:
    """Lazy public names: ``open_store`` imports the store (DuckDB) only when asked for."""
    if name == "open_store":
        from eventwire.api import open_store

        return open_store
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


__all__ = ["Analysis", "Article", "Pipeline", "Settings", "__version__", "analyze", "get_pipeline", "open_store"]
