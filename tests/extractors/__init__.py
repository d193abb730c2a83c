"""Tests of :mod:`extractors`, one file per module (``extractors/page/load.py`` ->
``test_page_load.py``), plus the fixtures, properties and robustness suites."""
