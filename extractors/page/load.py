"""A bounded, parsed page: the one way a page reaches libxml2.

:func:`load` decodes the bytes (:mod:`extractors.page.decode`), refuses input
that is no page, measures the markup against :class:`~extractors.limits.Limits`
before parsing (size, elements, attributes: :mod:`extractors.page.markup`), and
parses what passes into a plain ``lxml.etree`` tree. What libxml2 refuses to
build past its own limits (nesting depth 256, a text of 10 MB) is recorded on the
:class:`Page`. libxml2 never reads a DTD or an external entity here and never
expands an entity declared in the page: an internal DTD subset
(``<!DOCTYPE x [...]>``, XML only) is removed before parsing.

Input that gives no page raises :class:`~extractors.exceptions.UnreadablePage`
with the Article's machine-readable reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import lxml.etree

from extractors.exceptions import InputError, UnreadablePage
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.page.decode import DETECT_BYTES, GZIP_MAGIC, SNIFF_BYTES, decode_page, gunzip
from extractors.page.markup import count_lesser, scan
from extractors.page.tree import Element

__all__ = ["Page", "load"]

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# An internal DTD subset declares entities (the "billion laughs" bomb, external
# entities pointing at files or URLs). libxml2's HTML parser expands none of them,
# but would show the declarations as text: they go before parsing.
_INTERNAL_SUBSET = re.compile(r"^\s*<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
# C0 controls other than tab, line feed and carriage return: libxml2 refuses them
# in a str, and no text needs them.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_CONTROL_BYTE_LIST = tuple(bytes([byte]) for byte in _CONTROL_BYTES)
# Codecs in which a control byte is a control character and nothing else.
_ASCII_COMPATIBLE = frozenset({"utf-8", "utf-8-sig", "ascii", "cp1252", "cp1251", "cp1256"})
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# A text page has almost no control characters; binary data has many. 5 % is far
# above any real page (they have none) and far below random bytes (about 12 %).
_MAX_CONTROL_RATIO = 0.05

_PARSER_OPTIONS: dict[str, Any] = {
    "remove_comments": True,
    "remove_pis": True,
    "no_network": True,  # never fetch a DTD or an entity from anywhere
    "recover": True,
    # No table of id attributes: only XPath's id() reads it, and nothing here
    # calls that.
    "collect_ids": False,
}
_PARSER = lxml.etree.HTMLParser(**_PARSER_OPTIONS)
# For text whose UTF-8 bytes are at hand (most pages): libxml2 reads them as they
# are, where a str would first be converted.
_UTF8_PARSER = lxml.etree.HTMLParser(encoding="utf-8", **_PARSER_OPTIONS)


@dataclass(slots=True)
class Page:
    """A decoded, parsed page, handed to classification and extraction.

    Extraction prunes :attr:`tree` in place: read what you need from it (links,
    the page type) before passing the page to :func:`extractors.extract`, which
    takes a page once.
    """

    url: str | None
    """The URL the page was fetched from, if known."""
    tree: Element
    """The root element of the parsed page."""
    encoding: str
    """The codec the bytes were read with (``"unicode"`` for a str)."""
    has_microdata: bool = True
    """Whether the markup uses microdata at all ("itemprop" anywhere): a substring
    test on the text is far cheaper than searching the tree for none."""
    truncated: str | None = None
    """Why libxml2 stopped before the end of the page (a nesting depth or a text
    longer than it builds), or None when it read it all."""
    extracted: bool = False
    """Whether :func:`extractors.extract` has pruned the tree already."""
    charset_note: str = ""
    """Which declared charset decoding overruled and why, or why no codec read the
    bytes cleanly (:attr:`extractors.page.decode.Decoded.note`); empty if none."""


def _controls(data: bytes) -> int:
    """How many C0 control bytes ``data`` holds (bytes.translate runs in C, where a
    regex would walk a str). Most pages have none: looking for each control byte
    with ``in`` (memchr) settles that in half the time of the count."""
    if not any(byte in data for byte in _CONTROL_BYTE_LIST):
        return 0
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def _replacements(text: str) -> int:
    """How many replacement characters (undecodable bytes) the judged first
    characters of ``text`` hold. Most pages have none: a find settles that in a
    quarter of the time of the count (it skips with memchr; a count reads each
    character).

    >>> _replacements("ab"), _replacements("a\N{REPLACEMENT CHARACTER}b\N{REPLACEMENT CHARACTER}")
    (0, 2)
    """
    if text.find("\N{REPLACEMENT CHARACTER}", 0, DETECT_BYTES) < 0:
        return 0
    return text.count("\N{REPLACEMENT CHARACTER}", 0, DETECT_BYTES)


def _check_text(text: str, raw: bytes) -> str:
    """Refuse text that is no page; strip what libxml2 cannot take.

    ``raw`` is the page in an ASCII-compatible encoding (the input bytes, or the
    text encoded as UTF-8), where control characters are control bytes.
    """
    if not raw or raw.isspace():
        raise UnreadablePage("empty-input", "the page is empty or only whitespace")
    sample = min(len(raw), DETECT_BYTES)  # the first bytes are judged
    controls = _controls(raw)  # most pages have none: then the sample has none either
    bad = (_controls(raw[:sample]) if controls else 0) + _replacements(text)
    if bad > _MAX_CONTROL_RATIO * sample:
        raise UnreadablePage("not-html", "the bytes look binary: too many control characters")
    if controls:
        text = _CONTROL.sub("", text)
    head = text[:SNIFF_BYTES].lstrip()[:9].lower()
    if head.startswith("<?xml"):
        text = _XML_DECLARATION.sub("", text, count=1)
        head = text[:SNIFF_BYTES].lstrip()[:9].lower()
    if head == "<!doctype":
        text = _INTERNAL_SUBSET.sub("", text, count=1)
    return text


def _without_surrogates(text: str) -> str:
    """Replace lone surrogates, which a str can hold and libxml2 cannot take."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # From a str built with surrogateescape or a broken JSON decoder: replace
        # them like an undecodable byte.
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def _too_large(size: int, unit: str, max_bytes: int) -> UnreadablePage:
    return UnreadablePage(
        "too-large",
        f"the page is {size} {unit}, over the limit of {max_bytes} bytes; "
        "pass limits=Limits(max_bytes=...) to read larger pages",
    )


def _text(html: bytes | str, encoding: str | None, limits: Limits) -> tuple[str, str, bytes, str]:
    """The page as text, the codec it was read with, its bytes in an
    ASCII-compatible encoding (where control characters are control bytes), and
    what decoding had to say about the declared charsets."""
    if isinstance(html, str):
        if len(html) > limits.max_bytes:  # a character is at least one byte
            raise _too_large(len(html), "characters", limits.max_bytes)
        text = _without_surrogates(html)
        raw = text.encode("utf-8")
        if len(raw) > limits.max_bytes:
            raise _too_large(len(raw), "bytes as UTF-8", limits.max_bytes)
        return text, "unicode", raw, ""
    if not isinstance(html, bytes | bytearray | memoryview):
        raise InputError(
            f"extract() takes the page as bytes or str, not {type(html).__name__}; "
            "pass response.body (bytes) or response.text (str)"
        )
    size = html.nbytes if isinstance(html, memoryview) else len(html)
    if size > limits.max_bytes:
        raise _too_large(size, "bytes", limits.max_bytes)
    data = bytes(html)
    if not data.strip():
        raise UnreadablePage("empty-input", "the page is empty or only whitespace")
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, limits.max_bytes)
    decoded = decode_page(data, encoding, limits.max_bytes)
    text, codec = decoded.text, decoded.codec
    ascii_compatible = codec in _ASCII_COMPATIBLE or codec.startswith("iso8859")
    return text, codec, data if ascii_compatible else text.encode("utf-8"), decoded.note


def _check_markup(text: str, limits: Limits, raw: bytes | None) -> None:
    """Refuse markup whose parse would cost more than the limits allow. ``raw``:
    ``text`` in an ASCII-compatible encoding, if at hand."""
    markup = scan(text, limits.max_elements, None if raw is None else count_lesser(raw))
    if markup.start_tags > limits.max_elements:
        raise UnreadablePage(
            "too-large",
            f"the page has more than {limits.max_elements} elements; "
            "pass limits=Limits(max_elements=...) to read it",
        )
    if markup.attribute_pairs > limits.max_attribute_pairs:
        raise UnreadablePage(
            "too-large",
            f"the page's tags hold so many attributes that parsing would take "
            f"{markup.attribute_pairs} comparisons (limit {limits.max_attribute_pairs}); "
            "pass limits=Limits(max_attribute_pairs=...) to read it",
        )


def _stopped_early(parser: lxml.etree.HTMLParser) -> str | None:
    """libxml2's message when it stopped at one of its own limits, else None."""
    last = parser.error_log.last_error
    if last is not None and last.type == lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT:
        return str(last.message).strip()
    return None


def load(
    html: bytes | str,
    url: str | None = None,
    encoding: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Page:
    """Decode and parse a page, within ``limits``.

    Raises :class:`~extractors.exceptions.UnreadablePage` for input with no HTML
    or over the ``limits``, :class:`~extractors.exceptions.InputError` for a
    ``html`` that is neither bytes nor str.

    >>> load(b"<p>Hello</p>", "https://example.test/a").tree.findtext(".//p")
    'Hello'
    """
    text, codec, raw, note = _text(html, encoding, limits)
    checked = _check_text(text, raw)
    # raw is the text's bytes unless the checks changed the text.
    _check_markup(checked, limits, raw if checked is text else None)
    # raw is exactly the text in UTF-8 when the text was read as UTF-8 (or given
    # as a str) and the checks left it as it was.
    as_utf8 = checked is text and codec in ("utf-8", "unicode")
    parser = _UTF8_PARSER if as_utf8 else _PARSER
    try:
        tree = lxml.etree.fromstring(raw if as_utf8 else checked, parser=parser)
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise UnreadablePage("no-article", f"no HTML document could be parsed: {exc}") from exc
    truncated = _stopped_early(parser)
    if tree is None or (tree.find("body") is None and len(tree) == 0):
        if truncated:
            raise UnreadablePage("too-large", f"libxml2 stopped parsing: {truncated}")
        raise UnreadablePage("no-article", "the parsed document is empty")
    return Page(
        url=url,
        tree=tree,
        encoding=codec,
        has_microdata="itemprop" in checked,
        truncated=truncated,
        charset_note=note,
    )
