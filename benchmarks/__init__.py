"""Benchmarks on public corpora, with peers in the same run: article bodies
(``extraction``), metadata (``metadata``), page types (``pagetype``, with the
listing builder of ``listings`` and ``mixedsite``) and text dumps (``flatten``,
``text``).

Not part of the installed package: run from a checkout, as described in
``benchmarks/README.md``. Modules here import the tools they measure only
inside functions, so that each measuring subprocess loads its own tool alone.
"""
