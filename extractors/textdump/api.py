"""``extract_text()``: a text dump in, an Article out; ``explain_text()``: why each line went.

Whatever the text, ``extract_text()`` returns an Article, or raises
:class:`~extractors.exceptions.InputError` for an argument of the wrong type.
An Article with no article in it has an empty ``body`` and one of the reasons
of :func:`extractors.extract`: ``"empty-input"`` (nothing but whitespace),
``"no-article"`` (no line of running text), ``"too-large"`` (over
``limits.max_bytes`` characters) or ``"timeout"`` (``limits.max_seconds`` passed
before a stage began).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from urllib.parse import urlsplit

from extractors.article import Article
from extractors.exceptions import InputError
from extractors.limits import DEFAULT_LIMITS, Limits, OutOfTime, checkpoint, deadline
from extractors.metadata import detect_language
from extractors.text import clean, is_clean, join_paragraphs
from extractors.textdump.judge import Judgement, LineVerdict, judge
from extractors.textdump.lines import split_measured
from extractors.textdump.site import SiteLines
from extractors.textdump.title import find_published
from extractors.textdump.wrap import unwrap

__all__ = ["TEXT_EXTRACTOR", "explain_text", "extract_text", "extract_texts"]

TEXT_EXTRACTOR = "text"
"""The Article's ``extractor`` for a body cleaned out of a text dump."""

# The language is guessed from this much of the body: two sentences decide
# it, and py3langid's time grows with the length (0.14 ms for 200 characters,
# 0.7 ms for 1,000, on the development machine).
LANGUAGE_SAMPLE_CHARS = 200
# Control characters have no place in a body (as in extractors.api).
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def extract_text(
    text: str,
    url: str | None = None,
    *,
    boilerplate: Collection[str] = (),
    limits: Limits = DEFAULT_LIMITS,
) -> Article:
    """The article in a text dump: one block of the page per line, no markup.

    ``body`` holds the article's lines, one paragraph each; ``title``,
    ``published`` (with ``published_raw``) and ``language`` are filled where
    the text shows them. ``boilerplate`` holds lines the site prints on every
    page (:class:`~extractors.textdump.site.SiteLines` finds them in several
    dumps of one site); they are never article text. Bad content never raises.
    """
    _check(text, url, limits)
    if not text.strip():
        return Article(url=url, extractor=TEXT_EXTRACTOR, reason="empty-input")
    if len(text) > limits.max_bytes:
        return Article(url=url, extractor=TEXT_EXTRACTOR, reason="too-large")
    try:
        with deadline(limits.max_seconds):
            return _article(*_judge(text, boilerplate), url)
    except OutOfTime:
        return Article(url=url, extractor=TEXT_EXTRACTOR, reason="timeout")


def extract_texts(
    texts: Iterable[str],
    urls: Iterable[str | None] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> list[Article]:
    """The articles of several dumps, using what the pages of one site share.

    Dumps are grouped by the host of their URL (dumps without a URL form one
    group: a folder of dumps of one site); within a group, lines that recur on
    enough pages (:mod:`~extractors.textdump.site`: from two pages for short
    lines, three for prose) are the site's boilerplate. Articles come back in
    the order of ``texts``; ``limits`` applies to each dump.
    """
    pages = list(texts)
    addresses: list[str | None] = list(urls) if urls is not None else [None] * len(pages)
    if len(addresses) != len(pages):
        raise InputError(
            f"extract_texts() takes one url per text: {len(pages)} texts, {len(addresses)} urls"
        )
    groups: dict[str | None, list[int]] = {}
    for position, (text, url) in enumerate(zip(pages, addresses, strict=True)):
        _check(text, url, limits)
        groups.setdefault(_host(url), []).append(position)
    articles: list[Article | None] = [None] * len(pages)
    for members in groups.values():
        boilerplate = _site_boilerplate([pages[i] for i in members], limits)
        for position in members:
            articles[position] = extract_text(
                pages[position], addresses[position], boilerplate=boilerplate, limits=limits
            )
    return [article for article in articles if article is not None]


def _host(url: str | None) -> str | None:
    """The host a URL names, without "www.", lower-cased; None without one."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _site_boilerplate(texts: Sequence[str], limits: Limits) -> frozenset[str]:
    if len(texts) < 2:
        return frozenset()
    site = SiteLines()
    for text in texts:
        if len(text) <= limits.max_bytes:
            site.add(text)
    return site.boilerplate()


def explain_text(
    text: str, url: str | None = None, *, boilerplate: Collection[str] = ()
) -> list[LineVerdict]:
    """Every non-empty line of ``text`` with the reason it was dropped (None if kept).

    A debugging aid: the same judgement as :func:`extract_text`, line by line
    (the lines of a hard-wrapped paragraph come as one: :mod:`~extractors.textdump.wrap`).

    >>> dump = ("Home\\nThe minister, who arrived on Monday, will travel to Rabat in May"
    ...         " to meet his counterpart.\\nLees ook: Bourita in Rabat")
    >>> for v in explain_text(dump):
    ...     print(v.reason, "|", v.text[:20])
    outside-article | Home
    None | The minister, who ar
    read-also | Lees ook: Bourita in
    """
    _check(text, url, DEFAULT_LIMITS)
    if not text.strip() or len(text) > DEFAULT_LIMITS.max_bytes:
        return []
    return list(_judge(text, boilerplate, explain=True)[0].verdicts)


def _check(text: object, url: object, limits: object) -> None:
    if not isinstance(text, str):
        raise InputError(
            f"extract_text() takes the dump as a str, not {type(text).__name__}; "
            "decode bytes first (text dumps and WET records are UTF-8)"
        )
    if url is not None and not isinstance(url, str):
        raise InputError(
            f"extract_text() takes the url as a str or None, not {type(url).__name__}"
        )
    if not isinstance(limits, Limits):
        raise InputError(
            f"extract_text() takes limits as an extractors.limits.Limits, "
            f"not {type(limits).__name__}"
        )


def _judge(
    text: str, boilerplate: Collection[str], *, explain: bool = False
) -> tuple[Judgement, bool]:
    """The judgement of every line, and whether all lines are known printable."""
    checkpoint("splitting a text dump into lines")
    lines, printable = split_measured(text)
    unwrapped = unwrap(lines, text if printable else None)
    return judge(unwrapped, boilerplate, explain=explain), printable


def _article(judgement: Judgement, printable: bool, url: str | None) -> Article:
    kept = [
        line.text
        for line, reason in zip(judgement.lines, judgement.reasons, strict=True)
        if reason is None
    ]
    # Lines come folded (split_lines): most bodies need no repair, which one
    # look at all of them tells. A printable text holds no control character,
    # and str.isprintable() reads it at a fraction of the pattern's cost; lines
    # known printable (``printable``: the dump came folded) need neither.
    flat = " ".join(kept)
    if is_clean(flat) and (printable or flat.isprintable() or not _CONTROLS.search(flat)):
        paragraphs = kept
    else:
        paragraphs = [
            cleaned for text in kept if (cleaned := _CONTROLS.sub("", clean(text)).strip())
        ]
        flat = " ".join(paragraphs)
    body = join_paragraphs(paragraphs)
    sample = flat[:LANGUAGE_SAMPLE_CHARS]
    language = detect_language(sample) if sample else None
    title = judgement.title
    published = None
    if paragraphs:
        checkpoint("reading a date line")
        published = find_published(
            judgement.lines,
            judgement.reasons,
            title,
            judgement.body_start,
            language,
        )
    return Article(
        url=url,
        title=clean(judgement.lines[title].text) or None if title is not None else None,
        body=body,
        published=published.iso if published else None,
        published_raw=published.raw if published else None,
        language=language,
        extractor=TEXT_EXTRACTOR,
        reason=None if body else "no-article",
    )
