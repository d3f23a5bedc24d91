"""Shared fixtures: one spaCy pipeline per test session, synthetic fixture texts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.pipeline import Pipeline
from eventwire.records import Analysis, Article

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The full default pipeline, loaded once."""
    return Pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline: Pipeline) -> Callable[..., Analysis]:
    """analyze(text, published='2024-04-26') -> Analysis with the full pipeline."""

    def run(text: str, published: str = "2024-04-26") -> Analysis:
        return pipeline.analyze(Article.from_text(text, published=dt.date.fromisoformat(published)))

    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests using it skip when it is absent."""
    if not (SHARED / "examples").is_dir():
        pytest.skip("../shared is not present")
    return SHARED
