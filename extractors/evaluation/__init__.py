"""Measuring extraction quality on saved pages: tooling, not run by ``extract()``.

- :mod:`~extractors.evaluation.fixtures`: the saved pages and their expectations;
- :mod:`~extractors.evaluation.quality`: the benchmark's shingle metric;
- :mod:`~extractors.evaluation.checks`: one fixture on one path, judged as the
  fixture tests judge it (the site path against expected.json, the generic path
  against its recorded figures);
- :mod:`~extractors.evaluation.report`: every fixture on both paths, as a table;
- :mod:`~extractors.evaluation.html`: the same report as one HTML page;
- :mod:`~extractors.evaluation.noise`: noise lines to propose for a new fixture;
- :mod:`~extractors.evaluation.rerun`: one fixture's output beside its expectation.

May import anything in :mod:`extractors`; nothing outside this folder imports
it, except tests, benchmarks and the crawler's commands.
"""
