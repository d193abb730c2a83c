"""The filter pipelines: the date window and the language.

:class:`DateWindowPipeline` (order 150) drops articles published outside
``since``..``until``, :class:`LanguagePipeline` (160) articles in other
languages than ``lang``; each drop is counted as ``articles/dropped/<reason>``
and logged with its reason, like every pipeline's (:mod:`crawler.pipelines`).
The spiders take the filters as arguments (``-a since=2022-04-01
until=2022-04-30 lang=nl,fr``), mapped to their settings by
:data:`FILTER_ARGUMENTS`; :func:`check_filter_arguments` tells a wrong value
before the crawl starts.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import UsageError

from crawler.discovery import entry_date
from crawler.pipelines import _article, _Pipeline
from extractors import Article
from extractors.metadata.reader import normalize_language

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

__all__ = [
    "FILTER_ARGUMENTS",
    "DateWindowPipeline",
    "LanguagePipeline",
    "check_filter_arguments",
    "check_filter_settings",
    "languages",
    "window_date",
]

FILTER_ARGUMENTS: dict[str, tuple[str, type]] = {
    "since": ("NEWSCLEAN_SINCE", str),
    "until": ("NEWSCLEAN_UNTIL", str),
    "lang": ("NEWSCLEAN_LANGUAGES", str),
}
"""Spider argument -> (setting, type) of the filters, for the spiders that take them."""


def window_date(argument: str, value: str | None) -> date | None:
    """A day of the date window (``since``, ``until``) from its ISO form, or None.

    >>> window_date("until", "2022-04-30"), window_date("until", "")
    (datetime.date(2022, 4, 30), None)
    """
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{argument}={value!r} is not a date; write it as 2022-04-01") from None


def languages(values: list[str]) -> frozenset[str]:
    """ISO 639 codes of ``lang`` (one or several, comma-separated), as Articles give them.

    >>> sorted(languages(["nl", "FR", "en-GB", ""]))
    ['en', 'fr', 'nl']
    """
    codes = set()
    for value in filter(str.strip, values):
        code = normalize_language(value)
        if code is None:
            raise UsageError(
                f"lang={value!r} is not an ISO 639-1 language code; write it as lang=en, "
                "or several as lang=nl,fr"
            )
        codes.add(code)
    return frozenset(codes)


def check_filter_arguments(
    since: str | None = None, until: str | None = None, lang: str | None = None, **_: Any
) -> None:
    """Raise :class:`UsageError` for a filter argument the crawl cannot run with."""
    first, last = window_date("since", since), window_date("until", until)
    if first and last and last < first:
        raise UsageError(f"until={until} is before since={since}: no article could pass")
    languages((lang or "").split(","))


def check_filter_settings(settings: BaseSettings) -> None:
    """:func:`check_filter_arguments` on the filters' settings."""
    check_filter_arguments(
        settings.get("NEWSCLEAN_SINCE"),
        settings.get("NEWSCLEAN_UNTIL"),
        ",".join(settings.getlist("NEWSCLEAN_LANGUAGES")),
    )


class DateWindowPipeline(_Pipeline):
    """Drops articles published before ``NEWSCLEAN_SINCE`` (``-a since=``) or after
    ``NEWSCLEAN_UNTIL`` (``-a until=``); both days are inside the window.

    The day is the calendar date the page gives, in the page's own time zone.
    An article without a publication date passes when ``NEWSCLEAN_KEEP_UNDATED``
    is on (the default: a missing date is an extraction gap, not evidence of
    age); with it off, and a window set, it is dropped as ``undated``.
    """

    switch = "NEWSCLEAN_DATE_WINDOW_ENABLED"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.since = window_date("since", settings.get("NEWSCLEAN_SINCE"))
        self.until = window_date("until", settings.get("NEWSCLEAN_UNTIL"))
        self.keep_undated = settings.getbool("NEWSCLEAN_KEEP_UNDATED")

    def process_item(self, item: Any) -> Article:
        """Pass articles inside the window."""
        article = _article(item)
        published = entry_date(article.published)
        if published is None:
            if self.keep_undated or not (self.since or self.until):
                return article
            raise self.drop(
                "undated",
                f"{article.url} has no publication date (NEWSCLEAN_KEEP_UNDATED is off)",
            )
        if self.since and published < self.since:
            raise self.drop(
                "before_since", f"{article.url} was published {published}, before {self.since}"
            )
        if self.until and published > self.until:
            raise self.drop(
                "after_until", f"{article.url} was published {published}, after {self.until}"
            )
        return article


class LanguagePipeline(_Pipeline):
    """Keeps articles in the languages of ``NEWSCLEAN_LANGUAGES`` (``-a lang=nl,fr``,
    ISO 639-1 codes); with none set, every article passes.

    Others are dropped as ``language``; an article whose language is unknown
    (none declared, too little text to detect it) as ``unknown_language``.
    """

    switch = "NEWSCLEAN_LANGUAGE_FILTER_ENABLED"

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.languages = languages(crawler.settings.getlist("NEWSCLEAN_LANGUAGES"))

    def process_item(self, item: Any) -> Article:
        """Pass articles in one of the languages."""
        article = _article(item)
        if not self.languages:
            return article
        language = normalize_language(article.language)
        if language is None:
            raise self.drop("unknown_language", f"{article.url}: its language is unknown")
        if language not in self.languages:
            wanted = ", ".join(sorted(self.languages))
            raise self.drop("language", f"{article.url} is in {language}, not in {wanted}")
        return article
