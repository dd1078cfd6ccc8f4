"""The bundled gazetteer, installed as the package ``pipeline.gazetteer_data``.

This folder holds data only (CSV tables described in ``README.md``). The ``__init__.py`` makes it
an importable package so that an installed wheel and an editable checkout both find the files
with :func:`pipeline.resources.gazetteer_dir`; no code lives here.
"""
