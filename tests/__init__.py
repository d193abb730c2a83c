"""The test suite: tests/extractors, tests/crawler, tests/benchmarks; helpers in tests/support."""
