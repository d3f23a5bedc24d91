"""Engines decide *where* the pipeline runs (this process, local worker processes, Ray); never what it produces.

Every engine calls :func:`eventwire.engines.core.process_batch` on batches of articles.
"""
