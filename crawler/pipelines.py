"""Item pipelines: validate, de-duplicate, count; the filters are in :mod:`crawler.filters`.

Every pipeline takes :class:`~extractors.Article` items, is built by
``from_crawler``, has a ``NEWSCLEAN_<X>_ENABLED`` switch, and drops items with
``DropItem("why")``; each drop also counts in the stats as
``articles/dropped/<reason>``. Order (``ITEM_PIPELINES``): validation 100, date
window 150 and language 160 (:mod:`crawler.filters`), URL de-duplication 200,
near duplicates 300, stats 900.
"""

from __future__ import annotations

import json
import logging
import re
import zlib
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from datasketch import MinHash, MinHashLSH
from scrapy.exceptions import DropItem, NotConfigured

from crawler.resume import recovered_keys
from crawler.urls import canonicalize, host_of
from extractors import Article

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

__all__ = [
    "ArticleStatsPipeline",
    "NearDuplicatePipeline",
    "UrlDedupePipeline",
    "ValidationPipeline",
]

logger = logging.getLogger(__name__)

SHINGLE_BASE = np.uint64(1_000_003)  # a prime multiplier for combining word hashes


class _Pipeline:
    """Shared plumbing: the switch, the stats, and counted drops."""

    switch = ""

    def __init__(self, crawler: Crawler):
        if not crawler.settings.getbool(self.switch):
            raise NotConfigured(f"{type(self).__name__} is switched off by {self.switch}")
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        """Scrapy's constructor hook."""
        return cls(crawler)

    def drop(self, reason: str, message: str) -> DropItem:
        """Count a drop under ``articles/dropped/<reason>``; return the exception to raise."""
        self.stats.inc_value(f"articles/dropped/{reason}")
        return DropItem(f"{reason}: {message}")


def _article(item: Any) -> Article:
    if not isinstance(item, Article):
        raise TypeError(
            f"the newsclean pipelines take extractors.Article items, not {type(item).__name__};"
            " yield the Article the page service returns"
        )
    return item


class ValidationPipeline(_Pipeline):
    """Drops items without a body or without a title.

    The reason of an empty body is the extractor's own (``no_article``,
    ``not_html``, ``too_large``...), so the stats tell which pages failed how.
    """

    switch = "NEWSCLEAN_VALIDATION_ENABLED"

    def process_item(self, item: Any) -> Article:
        """Pass an article with a body and a title; drop anything else."""
        article = _article(item)
        if not article.body.strip():
            reason = re.sub(r"\W+", "_", article.reason or "empty_body")
            raise self.drop(reason, f"no article body on {article.url}")
        if not (article.title or "").strip():
            raise self.drop("no_title", f"no title on {article.url}")
        return article


class UrlDedupePipeline(_Pipeline):
    """Drops an article whose canonical URL was already written.

    Keys are :func:`crawler.urls.canonicalize` of the fetched URL and of the
    page's declared canonical URL. With a ``JOBDIR`` the keys live in the
    spider's persistent state, so a resumed crawl does not write a page twice.
    That state is saved only on a clean close: after a crash,
    :class:`crawler.resume.CrashRecovery` re-reads the keys from the feed.
    """

    switch = "NEWSCLEAN_DEDUPE_ENABLED"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self._seen: set[str] = recovered_keys(crawler)

    def _keys(self) -> set[str]:
        state = getattr(self.crawler.spider, "state", None)
        if isinstance(state, dict):
            keys: set[str] = state.setdefault("newsclean_seen_urls", self._seen)
            if keys is not self._seen:  # saved by an earlier run: add ours, once
                keys |= self._seen
                self._seen = keys
            return keys
        return self._seen

    def process_item(self, item: Any) -> Article:
        """Pass the first article of each canonical URL."""
        article = _article(item)
        keys = {canonicalize(u) for u in (article.url, article.canonical_url) if u}
        seen = self._keys()
        if keys & seen:
            raise self.drop("duplicate_url", f"{article.url} was already written")
        seen.update(keys)
        return article


class NearDuplicatePipeline(_Pipeline):
    """Keeps one copy of each near-duplicate body per site (a wire story on two pages).

    Bodies become MinHash signatures of their word 5-shingles (datasketch;
    words split on white space);
    a MinHash LSH index per site finds earlier bodies whose estimated Jaccard
    similarity is at least ``NEWSCLEAN_NEAR_DUPLICATES_THRESHOLD``. The first
    copy is written at once (output streams); later copies are dropped as
    ``near_duplicate`` and their URLs are recorded against the kept one, in
    ``NEWSCLEAN_NEAR_DUPLICATES_FILE`` (JSON Lines ``{"url", "duplicates"}``)
    written when the spider closes. The kept article itself cannot carry them:
    it was written before its duplicates were seen.
    """

    switch = "NEWSCLEAN_NEAR_DUPLICATES_ENABLED"
    NUM_PERM = 64  # 64 permutations estimate Jaccard within about +-0.06; enough at 0.8
    SHINGLE = 5  # words per shingle: long enough that unrelated texts share almost none

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.threshold = crawler.settings.getfloat("NEWSCLEAN_NEAR_DUPLICATES_THRESHOLD")
        self.path_template = crawler.settings.get("NEWSCLEAN_NEAR_DUPLICATES_FILE")
        self._template = MinHash(num_perm=self.NUM_PERM)
        # datasketch 2 wants the permutation scheme named when permutations are
        # reused (shared permutations spare building them per page); datasketch 1 has none.
        scheme = getattr(self._template, "scheme", None)
        self._scheme = {"scheme": scheme} if scheme else {}
        self._indexes: dict[str, MinHashLSH] = {}
        self.duplicates: defaultdict[str, list[str]] = defaultdict(list)
        self._state_checked = False

    def _use_job_state(self) -> None:
        """With a JOBDIR, keep the indexes in the spider's persistent state, so a
        resumed crawl still knows the bodies written before it was stopped."""
        if self._state_checked:
            return
        self._state_checked = True
        state = getattr(self.crawler.spider, "state", None)
        if isinstance(state, dict):
            self._indexes = state.setdefault("newsclean_near_duplicate_indexes", self._indexes)

    def signature(self, text: str) -> MinHash:
        r"""The MinHash of ``text``'s word 5-shingles.

        Each word is hashed once (crc32: fast, and stable across runs, which the
        JOBDIR state needs) and the shingle hashes are polynomial combinations
        of their words' hashes, computed with numpy: building and hashing each
        shingle string made this pipeline cost more than extraction itself.
        Words are split on ASCII white space of the UTF-8 bytes (the body's
        white space is already collapsed to single spaces), not a \w+ regex,
        which is slower.
        """
        words = text.lower().encode("utf-8", "surrogatepass").split() or [b""]
        word_hashes = np.array(list(map(zlib.crc32, words)), dtype=np.uint64)
        count = max(1, len(words) - self.SHINGLE + 1)
        shingles = np.zeros(count, dtype=np.uint64)
        for k in range(min(self.SHINGLE, len(words))):
            shingles = shingles * SHINGLE_BASE + word_hashes[k : k + count]  # wraps mod 2**64
        shingles &= np.uint64(0xFFFFFFFF)
        signature = MinHash(
            num_perm=self.NUM_PERM,
            permutations=self._template.permutations,
            hashfunc=int,  # the values are hashes already
            **self._scheme,
        )
        signature.update_batch(shingles.tolist())  # repeats change no minimum
        return signature

    def process_item(self, item: Any) -> Article:
        """Pass the first copy of a body; drop and record later near-duplicates."""
        article = _article(item)
        self._use_job_state()
        url = article.url or ""
        site = host_of(url)
        index = self._indexes.get(site)
        if index is None:
            index = self._indexes[site] = MinHashLSH(self.threshold, num_perm=self.NUM_PERM)
        signature = self.signature(article.body)
        earlier = index.query(signature)
        if earlier:
            kept = min(earlier)
            self.duplicates[kept].append(url)
            raise self.drop("near_duplicate", f"{url} repeats the body of {kept}")
        if url not in index.keys:
            index.insert(url, signature)
        return article

    def duplicates_path(self) -> Path:
        """``NEWSCLEAN_NEAR_DUPLICATES_FILE``, or ``<feed>.duplicates.jsonl`` beside
        the first local feed file, or ``<spider>.duplicates.jsonl``."""
        name = getattr(self.crawler.spider, "name", "crawl")
        if self.path_template:
            return Path(self.path_template.replace("%(name)s", name))
        for uri in self.crawler.settings.getdict("FEEDS"):
            uri = str(uri)
            if "://" not in uri or uri.startswith("file://"):
                feed = Path(uri.removeprefix("file://").replace("%(name)s", name))
                return feed.with_name(f"{feed.stem}.duplicates.jsonl")
        return Path(f"{name}.duplicates.jsonl")

    def close_spider(self) -> None:
        """Write the kept URL -> near-duplicate URLs file, if there were any."""
        if not self.duplicates:
            return
        path = self.duplicates_path()
        with path.open("w", encoding="utf-8") as f:
            for kept, others in sorted(self.duplicates.items()):
                f.write(json.dumps({"url": kept, "duplicates": others}, ensure_ascii=False) + "\n")
        logger.info(
            "Near-duplicate URLs of %d kept articles written to %s", len(self.duplicates), path
        )


class ArticleStatsPipeline(_Pipeline):
    """Counts written articles: ``articles/extracted``, ``articles/site_extractor``,
    ``articles/generic``, and ``articles/site_handover/<domain>`` for those a site
    extractor handed to the generic one (``Article.extractor_note`` says why).
    Runs last, so it counts only what reaches the feed."""

    switch = "NEWSCLEAN_STATS_ENABLED"

    def process_item(self, item: Any) -> Article:
        """Count the article by the extractor that produced it."""
        article = _article(item)
        self.stats.inc_value("articles/extracted")
        kind = "site_extractor" if article.extractor.startswith("site:") else "generic"
        self.stats.inc_value(f"articles/{kind}")
        if article.extractor_note:  # "site:<domain> handed the page ...": extractors/site.py
            site = article.extractor_note.split(" ", 1)[0].removeprefix("site:")
            self.stats.inc_value(f"articles/site_handover/{site}")
        return article
