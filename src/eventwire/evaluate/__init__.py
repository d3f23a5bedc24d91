"""Scoring the pipeline on gold data: ``eventwire eval TASK --gold PATH``.

Each task has a module ``eventwire.evaluate.<task>`` exposing
``evaluate(gold: Path, pipeline: Pipeline, limit: int | None = None) -> Report``.
Reports render to markdown and are written into their own section of
``docs/accuracy.md`` (between ``<!-- eval:TASK -->`` markers), so sections for other
tasks are kept.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from eventwire.pipeline import Pipeline

TASKS: tuple[str, ...] = ("quotes", "time", "places", "events", "actors")


@dataclass
class Metric:
    """One figure: name, value, and optionally the counts it came from."""

    name: str
    value: float
    detail: str = ""


@dataclass
class Report:
    """The result of one evaluation run."""

    task: str
    gold: str
    documents: int
    metrics: list[Metric]
    rules: list[str] = field(default_factory=list)
    tables: dict[str, list[list[str]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    model: str = ""

    def metric(self, name: str) -> float:
        """Value of a metric by name."""
        for m in self.metrics:
            if m.name == name:
                return m.value
        raise KeyError(name)

    def to_markdown(self) -> str:
        """The report as a markdown section."""
        lines = [
            f"## {self.task}",
            "",
            f"Gold: `{self.gold}` — {self.documents} documents; model `{self.model}`; "
            f"{self.seconds:.1f} s ({1000 * self.seconds / max(self.documents, 1):.0f} ms/document).",
            "",
            "| metric | value | counts |",
            "|---|---|---|",
        ]
        lines += [f"| {m.name} | {m.value:.3f} | {m.detail} |" for m in self.metrics]
        if self.rules:
            lines += ["", "Matching rules:", ""] + [f"- {r}" for r in self.rules]
        for title, rows in self.tables.items():
            if not rows:
                continue
            lines += ["", f"{title}:", "", "| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
            lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        if self.notes:
            lines += ["", "Notes:", ""] + [f"- {n}" for n in self.notes]
        return "\n".join(lines) + "\n"


class Evaluator(Protocol):
    def __call__(self, gold: Path, pipeline: Pipeline, limit: int | None = None) -> Report: ...


def get_evaluator(task: str) -> Evaluator:
    """The ``evaluate`` function of a task."""
    if task not in TASKS:
        raise ValueError(f"unknown evaluation task {task!r}; choose from {', '.join(TASKS)}")
    module = importlib.import_module(f"eventwire.evaluate.{task}")
    fn: Evaluator = module.evaluate
    return fn


def write_section(report: Report, path: Path, section: str | None = None) -> None:
    """Replace (or append) the report's section in a markdown file.

    The section is named after the task unless ``section`` is given (e.g. ``events-heldout`` for a second gold set
    of the same task); its heading then carries that name.
    """
    name = section or report.task
    begin, end = f"<!-- eval:{name} -->", f"<!-- /eval:{name} -->"
    body = report.to_markdown()
    if section:
        body = body.replace(f"## {report.task}\n", f"## {section}\n", 1)
    block = f"{begin}\n{body}{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Accuracy\n\n"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    text = pattern.sub(lambda _m: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")
