"""Benchmarks of the generic extractor against other tools on a public corpus.

Not part of the installed package: run from a checkout, as described in
``benchmarks/README.md``. Modules here import the tools they measure only
inside functions, so that each measuring subprocess loads its own tool alone.
"""
