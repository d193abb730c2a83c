"""The extraction tools the benchmark compares, each called the way a user would.

Every tool is reduced to one function ``(raw bytes, url) -> body text``. Each
tool's imports happen inside :func:`load_tool`, so a process that measures
one tool loads that tool alone.
"""

from __future__ import annotations

import codecs
import importlib.metadata
import inspect
import re
from collections.abc import Callable
from typing import Any

__all__ = [
    "KNOWN_TOOLS",
    "NO_FALLBACK",
    "OURS",
    "TOOLS",
    "TRAFILATURA_METADATA",
    "Extract",
    "ToolUnavailableError",
    "decode_html",
    "is_peer",
    "load_tool",
    "tool_version",
]

Extract = Callable[[bytes, str], str]
"""A tool reduced to the benchmark's needs: raw page bytes and URL in, body text out."""

OURS = "ours"
NO_FALLBACK = "ours-no-fallback"
"""Ours without the readability-lxml fallback: a row only on request (``--no-fallback``).

``extract()`` has no option for it (its keywords are for users); the row calls
the generic extractor's own entry point with ``fallback=False``, after the
same page loading and the metadata title that ``extract()`` gives it."""

TRAFILATURA_METADATA = "trafilatura-metadata"
"""trafilatura doing the work ``extract()`` does on every page: the body, and the
title, author, date and site name beside it. ``trafilatura.extract`` reads the
body alone unless asked for the metadata, so its time is that of less work than
ours; this row is the like-for-like time. Its body is the same as ``trafilatura``'s."""

TOOLS = (OURS, "trafilatura", "trafilatura-fast", TRAFILATURA_METADATA, "readability")
"""The tools measured by default, in the order rows are printed."""

KNOWN_TOOLS = (*TOOLS, NO_FALLBACK)
"""Every tool the benchmark can run."""

_DISTRIBUTIONS = {
    "ours": "newsclean",
    NO_FALLBACK: "newsclean",
    "trafilatura": "trafilatura",
    "trafilatura-fast": "trafilatura",
    TRAFILATURA_METADATA: "trafilatura",
    "readability": "readability-lxml",
}

# A user without an HTTP charset looks for a <meta> declaration near the top of
# the page. 4096 bytes is the window w3lib (so Scrapy) searches; the HTML
# standard's 1024 misses the declaration on pages with long <head> preambles.
_CHARSET_WINDOW = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Elements after which readability's summary gets a line break, so that text
# from neighbouring paragraphs does not fuse into one token ("end.</p><p>Next").
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "pre",
        "blockquote",
        "br",
        "tr",
        "td",
        "th",
        "dt",
        "dd",
        "figcaption",
    }
)


class ToolUnavailableError(Exception):
    """A tool cannot run here: not installed, too old, or not importable yet."""


def load_tool(name: str) -> Extract:
    """Import the tool called ``name`` (one of :data:`TOOLS`) and return its extract function.

    Raises :class:`ToolUnavailableError` with the reason when it cannot run here,
    and :class:`ValueError` for a name that is not in :data:`TOOLS`.
    """
    loaders: dict[str, Callable[[], Extract]] = {
        "ours": _load_ours,
        NO_FALLBACK: _load_ours_no_fallback,
        "trafilatura": _load_trafilatura,
        "trafilatura-fast": _load_trafilatura_fast,
        TRAFILATURA_METADATA: _load_trafilatura_metadata,
        "readability": _load_readability,
    }
    if name not in loaders:
        raise ValueError(f"unknown tool {name!r}; choose among {', '.join(KNOWN_TOOLS)}")
    return loaders[name]()


def is_peer(name: str) -> bool:
    """Whether tool ``name`` is another project's (not ours, with or without options)."""
    return name not in (OURS, NO_FALLBACK)


def tool_version(name: str) -> str:
    """The installed version of the distribution behind tool ``name``, or ``"?"``."""
    try:
        return importlib.metadata.version(_DISTRIBUTIONS[name])
    except importlib.metadata.PackageNotFoundError:
        return "?"


def decode_html(raw: bytes) -> str:
    """Decode ``raw`` as a user would: BOM, else ``<meta>`` charset, else UTF-8.

    Undecodable bytes become U+FFFD rather than failing the page.

    >>> decode_html(b'<meta charset="iso-8859-1"><p>caf\\xe9')
    '<meta charset="iso-8859-1"><p>café'
    >>> decode_html(b"<p>caf\\xe9") == "<p>caf\\N{REPLACEMENT CHARACTER}"
    True
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="replace")
    return raw.decode(_declared_encoding(raw) or "utf-8", errors="replace")


def _declared_encoding(raw: bytes) -> str | None:
    """The Python codec named by the page's ``<meta>`` charset, if it names a known one."""
    match = _META_CHARSET.search(raw, 0, _CHARSET_WINDOW)
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _import(module: str, why: str) -> Any:
    """Import ``module`` or raise :class:`ToolUnavailableError` saying how to get it."""
    try:
        return __import__(module, fromlist=["_"])
    except ImportError as exc:
        raise ToolUnavailableError(f"{module} is not installed ({exc}); {why}") from exc


def _load_ours() -> Extract:
    """The generic extractor of this project, site extractors bypassed."""
    try:
        from extractors import extract  # noqa: PLC0415  # each subprocess imports one tool
    except ImportError as exc:
        raise ToolUnavailableError(f"extractors.extract is not importable yet ({exc})") from exc

    def run(raw: bytes, url: str) -> str:
        return extract(raw, url, generic=True).body

    return run


def _load_ours_no_fallback() -> Extract:
    """Ours without the readability-lxml fallback, as ``extract(generic=True)`` runs it.

    The same steps as :func:`extractors.extract` on the generic path: load the
    page, read its metadata (the title is the headline the body must not
    repeat), take the generic paragraphs, join them; with ``fallback=False``.
    Language detection and date parsing are skipped: they do not touch the body.
    """
    try:
        # Each subprocess imports one tool.
        from extractors import UnreadablePage, load_page  # noqa: PLC0415
        from extractors.generic import generic_paragraphs  # noqa: PLC0415
        from extractors.metadata import read_metadata  # noqa: PLC0415
        from extractors.page.tree import itemprops  # noqa: PLC0415
        from extractors.text import join_paragraphs  # noqa: PLC0415
    except ImportError as exc:
        raise ToolUnavailableError(f"extractors is not importable ({exc})") from exc
    if "fallback" not in inspect.signature(generic_paragraphs).parameters:
        raise ToolUnavailableError("generic_paragraphs() has no fallback= keyword")

    def run(raw: bytes, url: str) -> str:
        try:
            page = load_page(raw, url)
        except UnreadablePage:
            return ""
        props = itemprops(page.tree) if page.has_microdata else {}
        title = read_metadata(page.tree, page.url, props).title
        body = generic_paragraphs(page.tree, title, props, fallback=False)
        return join_paragraphs([p for p in body if p.strip()])

    return run


def _load_trafilatura() -> Extract:
    """trafilatura with default settings, comments excluded (they are not the body)."""
    trafilatura = _import("trafilatura", "install the 'bench' extra: pip install -e '.[bench]'")

    def run(raw: bytes, url: str) -> str:
        return trafilatura.extract(raw, url=url, include_comments=False) or ""

    return run


def _load_trafilatura_fast() -> Extract:
    """trafilatura's ``fast=True`` mode (no fallback extractors), where the version has it."""
    trafilatura = _import("trafilatura", "install the 'bench' extra: pip install -e '.[bench]'")
    if "fast" not in inspect.signature(trafilatura.extract).parameters:
        version = tool_version("trafilatura-fast")
        raise ToolUnavailableError(
            f"trafilatura {version} has no fast= option (older ones: no_fallback=)"
        )

    def run(raw: bytes, url: str) -> str:
        return trafilatura.extract(raw, url=url, include_comments=False, fast=True) or ""

    return run


def _load_trafilatura_metadata() -> Extract:
    """trafilatura's ``bare_extraction`` with ``with_metadata=True``: body and metadata,
    as a user who wants both calls it; the row keeps the body (trafilatura 1.x
    returns it as a dict, 2.x as a ``Document``)."""
    trafilatura = _import("trafilatura", "install the 'bench' extra: pip install -e '.[bench]'")

    def run(raw: bytes, url: str) -> str:
        document = trafilatura.bare_extraction(
            raw, url=url, include_comments=False, with_metadata=True
        )
        if isinstance(document, dict):
            return document.get("text") or ""
        return (document.text if document is not None else "") or ""

    return run


def _load_readability() -> Extract:
    """readability-lxml's summary, turned into text one block per line."""
    readability = _import("readability", "it is a core dependency: pip install -e .")
    html = _import("lxml.html", "it is a core dependency: pip install -e .")

    def run(raw: bytes, url: str) -> str:
        summary = readability.Document(decode_html(raw)).summary()
        return _summary_text(html.fromstring(summary))

    return run


def _summary_text(root: Any) -> str:
    """The text of an lxml tree, with a line break after each block element."""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (line.strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
