"""``python -m eventwire``."""

from eventwire.cli import app

app()
