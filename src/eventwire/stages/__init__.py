"""Pipeline stages: one module per stage.

A stage module ``eventwire.stages.<name>`` exposes ``run(doc, analysis, ctx) -> None``,
which reads what earlier stages put into the :class:`~eventwire.records.Analysis` and
adds its own part.  Stages never do I/O.  Each module also registers itself as a spaCy
component named ``eventwire_<name>`` (see :func:`eventwire.stages.base.register_component`).
"""
