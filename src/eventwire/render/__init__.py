"""Human-readable views of an Analysis: Rich tables for the terminal, a standalone HTML page."""
