"""Measuring extraction quality on saved pages: tooling, not run by ``extract()``.

- :mod:`~extractors.evaluation.fixtures`: the saved pages and their expectations;
- :mod:`~extractors.evaluation.quality`: the benchmark's shingle metric;
- :mod:`~extractors.evaluation.report`: every fixture on both paths, scored;
- :mod:`~extractors.evaluation.rerun`: one fixture's output beside its expectation.

May import anything in :mod:`extractors`; nothing outside this folder imports
it, except tests, benchmarks and the crawler's commands.
"""
