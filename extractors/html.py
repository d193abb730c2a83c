"""From the bytes a server sent to a parsed lxml tree.

Decoding follows what browsers do, in this order: a byte-order mark, the charset
from the HTTP header, the charset the page declares in a ``<meta>`` tag, strict
UTF-8, then statistical detection (charset-normalizer). A declared charset that
the bytes contradict loses to UTF-8: bytes that are valid UTF-8 and not all ASCII
are UTF-8 whatever the label says (``latin-1`` on UTF-8 is the most common
mislabel on the web), and a ``<meta>`` that says UTF-16 was itself read as ASCII,
so it is wrong (the HTML standard reads it as UTF-8). Mojibake that gets through
is repaired later, per string, by :mod:`extractors.text`.

Before parsing, the input is measured against :class:`~extractors.limits.Limits`
(size, elements, attributes); what libxml2 refuses to build past its own limits
(nesting depth 256, a text of 10 MB) is recorded on the :class:`Page`. libxml2
never reads a DTD or an external entity here and never expands an entity
declared in the page: an internal DTD subset (``<!DOCTYPE x [...]>``, XML only)
is removed before parsing.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass
from typing import Any

import charset_normalizer
import lxml.etree

from extractors import limits as _limits
from extractors.exceptions import InputError
from extractors.limits import DEFAULT_LIMITS, Limits
from extractors.markup import scan
from extractors.tree import Element

__all__ = ["MAX_INPUT_BYTES", "Page", "Unreadable", "decode", "load"]

#: Larger inputs are not parsed: the article of a news page sits in its first few
#: hundred kilobytes, and a 16 MiB HTML page is a dump, a bomb or a mistake. The
#: default of :attr:`Limits.max_bytes <extractors.limits.Limits.max_bytes>`.
MAX_INPUT_BYTES = _limits.MAX_INPUT_BYTES

# How far into the bytes to look for a <meta charset>; the HTML standard says 1024,
# real pages put long <head> scripts first, so we look further.
_SNIFF_BYTES = 4096

# How much of an undeclared, non-UTF-8 page charset-normalizer reads: enough for a
# reliable guess, bounded so detection stays cheap on large pages.
_DETECT_BYTES = 64 * 1024

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# An internal DTD subset declares entities (the "billion laughs" bomb, external
# entities pointing at files or URLs). libxml2's HTML parser expands none of them,
# but would show the declarations as text: they go before parsing.
_INTERNAL_SUBSET = re.compile(r"^\s*<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.IGNORECASE | re.DOTALL)
# C0 controls other than tab, line feed and carriage return: libxml2 refuses them
# in a str, and no text needs them.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
# Codecs in which a control byte is a control character and nothing else.
_ASCII_COMPATIBLE = frozenset({"utf-8", "utf-8-sig", "ascii", "cp1252", "cp1251", "cp1256"})
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Magic numbers of formats that are served at article URLs by mistake.
_BINARY_SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"PK\x03\x04", "zip"),
    (b"RIFF", "riff"),
    (b"\x00\x00\x01\x00", "ico"),
    (b"OggS", "ogg"),
    (b"ID3", "mp3"),
)
_GZIP_MAGIC = b"\x1f\x8b"
# A text page has almost no control characters; binary data has many. 5 % is far
# above any real page (they have none) and far below random bytes (about 12 %).
_MAX_CONTROL_RATIO = 0.05

# Labels a <meta> tag cannot truthfully carry: a page whose <meta> could be read as
# ASCII is not UTF-16 or UTF-32 (HTML standard, "prescan a byte stream").
_NOT_IN_META = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})

_PARSER_OPTIONS: dict[str, Any] = {
    "remove_comments": True,
    "remove_pis": True,
    "no_network": True,  # never fetch a DTD or an entity from anywhere
    "recover": True,
    # No table of id attributes: only XPath's id() reads it, and nothing here
    # calls that (5 % of the parse).
    "collect_ids": False,
}
_PARSER = lxml.etree.HTMLParser(**_PARSER_OPTIONS)
# For text whose UTF-8 bytes are at hand (most pages): libxml2 reads them as they
# are, where a str would first be converted (15 % of the parse).
_UTF8_PARSER = lxml.etree.HTMLParser(encoding="utf-8", **_PARSER_OPTIONS)


class Unreadable(Exception):  # noqa: N818  (internal signal, never leaves the package)
    """No article can be read from the input: it holds no HTML, or it is over the
    limits. ``reason`` is the Article's machine-readable reason."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


@dataclass(slots=True)
class Page:
    """A decoded, parsed page, handed to extractors."""

    url: str | None
    tree: Element
    encoding: str
    #: Whether the markup uses microdata at all ("itemprop" anywhere): a substring
    #: test on the text is far cheaper than searching the tree for none.
    has_microdata: bool = True
    #: Why libxml2 stopped before the end of the page (a nesting depth or a text
    #: longer than it builds), or None when it read it all.
    truncated: str | None = None


def _codec(label: str | None) -> str | None:
    """Python's canonical name for a text encoding label, or None if unknown.

    Codecs that are not text encodings ("base64", "rot13", "zlib") are unknown.

    >>> _codec("UTF8"), _codec("x-bogus"), _codec("base64"), _codec(None)
    ('utf-8', None, None, None)
    """
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
        b"a".decode(name, "ignore")  # LookupError for bytes-to-bytes, str-to-str codecs
    except (LookupError, ValueError):
        return None
    return name


def _bom(data: bytes) -> str | None:
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return name
    return None


def _try(data: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress a body that was served gzip-encoded but never decoded, bounded:
    inflating stops one byte past ``max_bytes``, so a gzip bomb costs no memory."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise Unreadable("not-html", f"gzip data that does not decompress: {exc}") from exc
    if len(out) > max_bytes:
        raise Unreadable("too-large", f"the gzip body inflates past {max_bytes} bytes")
    return out


def _declared(data: bytes, encoding: str | None) -> str | None:
    """The charset the HTTP header or else the page's ``<meta>`` declares, if known."""
    header = _codec(encoding)
    if header:
        return header
    sniffed = _META_CHARSET.search(data[:_SNIFF_BYTES])
    meta = _codec(sniffed.group(1).decode("ascii", "replace")) if sniffed else None
    return None if meta in _NOT_IN_META else meta


def decode(
    data: bytes, encoding: str | None = None, max_bytes: int = MAX_INPUT_BYTES
) -> tuple[str, str]:
    """Decode page bytes to text; return the text and the codec used.

    >>> decode(b"<p>caf\\xc3\\xa9</p>", "iso-8859-1")
    ('<p>café</p>', 'utf-8')
    >>> decode(b"<meta charset=windows-1252><p>caf\\xe9</p>")[1]
    'cp1252'
    >>> decode(b"<meta charset=utf-16><p>cafe</p>")
    ('<meta charset=utf-16><p>cafe</p>', 'utf-8')
    """
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, max_bytes)
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise Unreadable("not-html", f"the bytes are a {kind} file, not an HTML page")
    bom = _bom(data)
    if bom:
        return data.decode(bom, errors="replace"), bom
    declared = _declared(data, encoding)
    if declared != "utf-8" and not data.isascii() and (text := _try(data, "utf-8")) is not None:
        return text, "utf-8"
    for codec in (declared, "utf-8"):
        if (text := _try(data, codec)) is not None:
            return text, codec  # type: ignore[return-value]  # codec is not None here
    best = charset_normalizer.from_bytes(data[:_DETECT_BYTES]).best()
    codec = _codec(best.encoding) if best is not None else None
    codec = codec or declared or "cp1252"
    return data.decode(codec, errors="replace"), codec


def _controls(data: bytes) -> int:
    """How many C0 control bytes ``data`` holds (bytes.translate runs in C; a regex
    over a 200 KB str took milliseconds)."""
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def _check_text(text: str, raw: bytes) -> str:
    """Refuse text that is no page; strip what libxml2 cannot take.

    ``raw`` is the page in an ASCII-compatible encoding (the input bytes, or the
    text encoded as UTF-8), where control characters are control bytes.
    """
    if not raw or raw.isspace():
        raise Unreadable("empty-input", "the page is empty or only whitespace")
    sample = raw[:_DETECT_BYTES]
    controls = _controls(raw)  # most pages have none: then the sample has none either
    bad = (_controls(sample) if controls else 0) + text[:_DETECT_BYTES].count(
        "\N{REPLACEMENT CHARACTER}"
    )
    if bad > _MAX_CONTROL_RATIO * len(sample):
        raise Unreadable("not-html", "the bytes look binary: too many control characters")
    if controls:
        text = _CONTROL.sub("", text)
    head = text[:_SNIFF_BYTES].lstrip()[:9].lower()
    if head.startswith("<?xml"):
        text = _XML_DECLARATION.sub("", text, count=1)
        head = text[:_SNIFF_BYTES].lstrip()[:9].lower()
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


def _too_large(size: int, unit: str, max_bytes: int) -> Unreadable:
    return Unreadable(
        "too-large",
        f"the page is {size} {unit}, over the limit of {max_bytes} bytes; "
        "pass limits=Limits(max_bytes=...) to read larger pages",
    )


def _text(html: bytes | str, encoding: str | None, limits: Limits) -> tuple[str, str, bytes]:
    """The page as text, the codec it was read with, and its bytes in an
    ASCII-compatible encoding (where control characters are control bytes)."""
    if isinstance(html, str):
        if len(html) > limits.max_bytes:  # a character is at least one byte
            raise _too_large(len(html), "characters", limits.max_bytes)
        text = _without_surrogates(html)
        raw = text.encode("utf-8")
        if len(raw) > limits.max_bytes:
            raise _too_large(len(raw), "bytes as UTF-8", limits.max_bytes)
        return text, "unicode", raw
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
        raise Unreadable("empty-input", "the page is empty or only whitespace")
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, limits.max_bytes)
    text, codec = decode(data, encoding, limits.max_bytes)
    ascii_compatible = codec in _ASCII_COMPATIBLE or codec.startswith("iso8859")
    return text, codec, data if ascii_compatible else text.encode("utf-8")


def _check_markup(text: str, limits: Limits) -> None:
    """Refuse markup whose parse would cost more than the limits allow."""
    markup = scan(text, limits.max_elements)
    if markup.start_tags > limits.max_elements:
        raise Unreadable(
            "too-large",
            f"the page has more than {limits.max_elements} elements; "
            "pass limits=Limits(max_elements=...) to read it",
        )
    if markup.attribute_pairs > limits.max_attribute_pairs:
        raise Unreadable(
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
    """Decode and parse a page. Raises :class:`Unreadable` for input with no HTML
    or over the ``limits``, :class:`~extractors.exceptions.InputError` for a
    ``html`` that is neither bytes nor str."""
    text, codec, raw = _text(html, encoding, limits)
    checked = _check_text(text, raw)
    _check_markup(checked, limits)
    # raw is exactly the text in UTF-8 when the text was read as UTF-8 (or given
    # as a str) and the checks left it as it was.
    as_utf8 = checked is text and codec in ("utf-8", "unicode")
    parser = _UTF8_PARSER if as_utf8 else _PARSER
    try:
        tree = lxml.etree.fromstring(raw if as_utf8 else checked, parser=parser)
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise Unreadable("no-article", f"no HTML document could be parsed: {exc}") from exc
    truncated = _stopped_early(parser)
    if tree is None or (tree.find("body") is None and len(tree) == 0):
        if truncated:
            raise Unreadable("too-large", f"libxml2 stopped parsing: {truncated}")
        raise Unreadable("no-article", "the parsed document is empty")
    return Page(
        url=url,
        tree=tree,
        encoding=codec,
        has_microdata="itemprop" in checked,
        truncated=truncated,
    )
