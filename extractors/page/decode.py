"""From the bytes a server sent to text: the charset, and bodies that are no page.

Decoding follows what browsers do, in this order: a byte-order mark, the charset
from the HTTP header, the charset the page declares in a ``<meta>`` tag, strict
UTF-8, then statistical detection (charset-normalizer). A declared charset that
the bytes contradict loses to UTF-8: bytes that are valid UTF-8 and not all ASCII
are UTF-8 whatever the label says (``latin-1`` on UTF-8 is the most common
mislabel on the web), and a ``<meta>`` that says UTF-16 was itself read as ASCII,
so it is wrong (the HTML standard reads it as UTF-8). Mojibake that gets through
is repaired later, per string, by :mod:`extractors.text`.
"""

from __future__ import annotations

import codecs
import re
import zlib

import charset_normalizer

from extractors import limits as _limits
from extractors.exceptions import UnreadablePage

__all__ = ["GZIP_MAGIC", "decode", "gunzip"]

# How far into the bytes to look for a <meta charset>; the HTML standard says 1024,
# real pages put long <head> scripts first, so we look further.
SNIFF_BYTES = 4096

# How much of an undeclared, non-UTF-8 page charset-normalizer reads: enough for a
# reliable guess, bounded so detection stays cheap on large pages.
DETECT_BYTES = 64 * 1024

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)

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
GZIP_MAGIC = b"\x1f\x8b"
"""The first bytes of gzip data: a body served gzip-encoded and never decoded."""

# Labels a <meta> tag cannot truthfully carry: a page whose <meta> could be read as
# ASCII is not UTF-16 or UTF-32 (HTML standard, "prescan a byte stream").
_NOT_IN_META = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})


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


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress a body that was served gzip-encoded but never decoded, bounded:
    inflating stops one byte past ``max_bytes``, so a gzip bomb costs no memory.

    >>> import gzip
    >>> gunzip(gzip.compress(b"<p>hi</p>"), 100)
    b'<p>hi</p>'
    """
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise UnreadablePage("not-html", f"gzip data that does not decompress: {exc}") from exc
    if len(out) > max_bytes:
        raise UnreadablePage("too-large", f"the gzip body inflates past {max_bytes} bytes")
    return out


def _declared(data: bytes, encoding: str | None) -> str | None:
    """The charset the HTTP header or else the page's ``<meta>`` declares, if known."""
    header = _codec(encoding)
    if header:
        return header
    sniffed = _META_CHARSET.search(data[:SNIFF_BYTES])
    meta = _codec(sniffed.group(1).decode("ascii", "replace")) if sniffed else None
    return None if meta in _NOT_IN_META else meta


def decode(
    data: bytes, encoding: str | None = None, max_bytes: int = _limits.MAX_INPUT_BYTES
) -> tuple[str, str]:
    """Decode page bytes to text; return the text and the codec used.

    Raises :class:`~extractors.exceptions.UnreadablePage` for bytes that are a
    binary file or gzip data that inflates past ``max_bytes``.

    >>> decode(b"<p>caf\\xc3\\xa9</p>", "iso-8859-1")
    ('<p>café</p>', 'utf-8')
    >>> decode(b"<meta charset=windows-1252><p>caf\\xe9</p>")[1]
    'cp1252'
    >>> decode(b"<meta charset=utf-16><p>cafe</p>")
    ('<meta charset=utf-16><p>cafe</p>', 'utf-8')
    """
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, max_bytes)
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UnreadablePage("not-html", f"the bytes are a {kind} file, not an HTML page")
    bom = _bom(data)
    if bom:
        return data.decode(bom, errors="replace"), bom
    declared = _declared(data, encoding)
    if declared != "utf-8" and not data.isascii() and (text := _try(data, "utf-8")) is not None:
        return text, "utf-8"
    for codec in (declared, "utf-8"):
        if (text := _try(data, codec)) is not None:
            return text, codec  # type: ignore[return-value]  # codec is not None here
    best = charset_normalizer.from_bytes(data[:DETECT_BYTES]).best()
    codec = _codec(best.encoding) if best is not None else None
    codec = codec or declared or "cp1252"
    return data.decode(codec, errors="replace"), codec
