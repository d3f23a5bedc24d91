"""Input readers: each turns one input format into :class:`~eventwire.records.Article` records.

Readers know nothing of the pipeline.  Every failure is an :class:`InputError` naming
the file/record and the reason.
"""

from eventwire.readers.errors import InputError
from eventwire.readers.text import article_from_bytes, read_text_file

__all__ = ["InputError", "article_from_bytes", "read_text_file"]
