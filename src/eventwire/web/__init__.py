"""HTTP API and offline dashboard over an eventwire store (``eventwire serve``)."""

from eventwire.web.app import DEFAULT_MAX_BODY_BYTES, create_app

__all__ = ["DEFAULT_MAX_BODY_BYTES", "create_app"]
