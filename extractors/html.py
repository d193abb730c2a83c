"""From the bytes a server sent to a parsed lxml tree.

Decoding follows what browsers do, in this order: a byte-order mark, the charset
from the HTTP header, the charset the page declares in a ``<meta>`` tag, strict
UTF-8, then statistical detection (charset-normalizer). A declared single-byte
charset that the bytes contradict (valid multi-byte UTF-8 under a ``latin-1``
label, the most common mislabel on the web) loses to UTF-8; mojibake that gets
through is repaired later, per string, by :mod:`extractors.text`.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass

import charset_normalizer
import lxml.etree

from extractors.exceptions import InputError
from extractors.tree import Element

__all__ = ["MAX_INPUT_BYTES", "Page", "Unreadable", "decode", "load"]

#: Larger inputs are not parsed: the article of a news page sits in its first few
#: hundred kilobytes, and a 16 MiB HTML page is a dump, a bomb or a mistake.
MAX_INPUT_BYTES = 16 * 1024 * 1024

# How far into the bytes to look for a <meta charset>; the HTML standard says 1024,
# real pages put long <head> scripts first, so we look further.
_SNIFF_BYTES = 4096

# How much of an undeclared, non-UTF-8 page charset-normalizer reads: enough for a
# reliable guess, bounded so detection stays cheap on large pages.
_DETECT_BYTES = 64 * 1024

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
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

# Single-byte labels that servers put on pages that are really UTF-8.
_MISLABEL_PRONE = {"ascii", "iso8859-1", "cp1252", "iso8859-15"}

_PARSER = lxml.etree.HTMLParser(
    remove_comments=True,
    remove_pis=True,
    no_network=True,  # never fetch a DTD or an entity from anywhere
    recover=True,
)


class Unreadable(Exception):  # noqa: N818  (internal signal, never leaves the package)
    """The input holds no HTML; ``reason`` is the Article's machine-readable reason."""

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


def _codec(label: str | None) -> str | None:
    """Python's canonical codec name for an encoding label, or None if unknown.

    >>> _codec("UTF8"), _codec("x-bogus"), _codec(None)
    ('utf-8', None, None)
    """
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None


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


def _gunzip(data: bytes) -> bytes:
    """Decompress a body that was served gzip-encoded but never decoded, bounded."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_INPUT_BYTES + 1)
    except zlib.error as exc:
        raise Unreadable("not-html", f"gzip data that does not decompress: {exc}") from exc
    if len(out) > MAX_INPUT_BYTES:
        raise Unreadable("too-large", "gzip body inflates past the input limit")
    return out


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes to text; return the text and the codec used.

    >>> decode(b"<p>caf\\xc3\\xa9</p>", "iso-8859-1")
    ('<p>café</p>', 'utf-8')
    >>> decode(b"<meta charset=windows-1252><p>caf\\xe9</p>")[1]
    'cp1252'
    """
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data)
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise Unreadable("not-html", f"the bytes are a {kind} file, not an HTML page")
    bom = _bom(data)
    if bom:
        return data.decode(bom, errors="replace"), bom
    header = _codec(encoding)
    sniffed = _META_CHARSET.search(data[:_SNIFF_BYTES])
    declared = header or _codec(sniffed.group(1).decode("ascii", "replace") if sniffed else None)
    if declared in _MISLABEL_PRONE and (text := _try(data, "utf-8")) is not None:
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
    if not raw.strip():
        raise Unreadable("empty-input", "the page is empty or only whitespace")
    sample = raw[:_DETECT_BYTES]
    bad = _controls(sample) + text[:_DETECT_BYTES].count("\N{REPLACEMENT CHARACTER}")
    if bad > _MAX_CONTROL_RATIO * len(sample):
        raise Unreadable("not-html", "the bytes look binary: too many control characters")
    if _controls(raw):
        text = _CONTROL.sub("", text)
    if text[:_SNIFF_BYTES].lstrip()[:5].lower() == "<?xml":
        text = _XML_DECLARATION.sub("", text, count=1)
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


def load(html: bytes | str, url: str | None = None, encoding: str | None = None) -> Page:
    """Decode and parse a page. Raises :class:`Unreadable` for input with no HTML."""
    if isinstance(html, bytes | bytearray | memoryview):
        data = bytes(html)
        if not data.strip():
            raise Unreadable("empty-input", "the page is empty or only whitespace")
        if len(data) > MAX_INPUT_BYTES:
            raise Unreadable("too-large", f"{len(data)} bytes is over the {MAX_INPUT_BYTES} limit")
        text, codec = decode(data, encoding)
        raw = data if codec in _ASCII_COMPATIBLE or codec.startswith("iso8859") else b""
        raw = raw or text.encode("utf-8")
    elif isinstance(html, str):
        if len(html) > MAX_INPUT_BYTES:
            raise Unreadable("too-large", f"{len(html)} characters is over the limit")
        text, codec = _without_surrogates(html), "unicode"
        raw = text.encode("utf-8")
    else:
        raise InputError(
            f"extract() takes the page as bytes or str, not {type(html).__name__}; "
            "pass response.body (bytes) or response.text (str)"
        )
    text = _check_text(text, raw)
    try:
        tree = lxml.etree.fromstring(text, parser=_PARSER)
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise Unreadable("no-article", f"no HTML document could be parsed: {exc}") from exc
    if tree is None or (tree.find("body") is None and len(tree) == 0):
        raise Unreadable("no-article", "the parsed document is empty")
    return Page(url=url, tree=tree, encoding=codec, has_microdata="itemprop" in text)
