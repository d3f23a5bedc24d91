"""``eventwire schema``: print the JSON Schema of the analysis record."""

from __future__ import annotations

import json

from eventwire.cli import app
from eventwire.records import json_schema


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Analysis record (what `extract --format json` emits)."""
    print(json.dumps(json_schema(), indent=2))
