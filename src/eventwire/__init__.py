"""eventwire: who did what to whom, when, where, and who said what — from news text.

Public API::

    from eventwire import analyze, Pipeline, Article
    result = analyze(text, published=datetime.date(2024, 4, 26))
    result.actors, result.events, result.quotes ...
"""

from __future__ import annotations

__version__ = "0.1.0"

from eventwire.config import Settings
from eventwire.pipeline import Pipeline, analyze, get_pipeline
from eventwire.records import Analysis, Article

__all__ = ["Analysis", "Article", "Pipeline", "Settings", "__version__", "analyze", "get_pipeline"]
