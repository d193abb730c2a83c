"""The newsclean crawler: a Scrapy project that finds news articles and writes them.

Where pages come from and how they move; what an article *is* is decided by
:mod:`extractors`, which this package imports and which never imports it.

- ``settings`` (Scrapy's behaviour) and ``addon`` (every ``NEWSCLEAN_*`` default,
  the components, the default feed): how a crawl is configured;
- ``spiders/``: where to go (``articles``: discover and extract; ``replay``:
  re-extract saved pages);
- ``extraction/``: the page service the spiders hand pages to, and its workers;
- ``discovery`` (sitemaps, feeds), ``hints`` (per-site crawl hints), ``urls``
  (one spelling per page);
- ``pipelines`` (validate, date window, de-duplicate, count), ``exporters``,
  ``extensions`` (the end-of-crawl summary), ``resume`` (after a crash),
  ``middlewares`` (redirect guard), ``failures`` (one log line per failure),
  ``logformatter``;
- ``distributed/``: several workers on one crawl through Redis;
- ``commands/`` (``scrapy demo``, ``extract``, ``savefixture``, ``quality``,
  ``merge``), ``onepage`` (their one-page helper), ``run`` (the main job);
- ``demosite/``: the bundled offline demo site.
"""
