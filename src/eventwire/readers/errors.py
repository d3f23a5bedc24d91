"""The one error type for bad input."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input: carries where (file path, optionally line/record) and why."""

    def __init__(self, origin: str, reason: str, line: int | None = None) -> None:
        self.origin = origin
        self.reason = reason
        self.line = line
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {reason}")
