"""From the bytes a server sent to text: one decoding rule for the whole crawl.

The order is the HTML standard's ("determining the character encoding"): a
byte-order mark; the charset of the HTTP header; the charset a ``<meta>`` in the
first bytes declares; then detection; then the default of the page's language
(``<html lang>``, windows-1252 when there is none). Labels are read as the
Encoding Standard reads them: ``latin-1`` and ``ascii`` are windows-1252,
``utf-16`` is UTF-16LE, a ``<meta>`` that says UTF-16 is UTF-8 (the tag itself
was read as ASCII), and a label the standard does not know (``utf-7``,
``utf-32``, ``cp037``, ``base64``) is ignored, as browsers ignore it.

Unlike a browser, each declared charset must decode the bytes cleanly before it
is used; a label that does not has lied, and the next step decides:

* bytes that do not decode (Latin-1 declared UTF-8) or decode to control
  characters (UTF-8 declared cp037);
* no markup where the bytes have some (ASCII declared UTF-16: CJK gibberish);
* mojibake that ftfy would repair: valid UTF-8 that is not ASCII, read with a
  single-byte label (``latin-1`` on UTF-8 is the web's most common mislabel),
  or text ftfy finds bad.

Detection is strict UTF-8, then charset-normalizer; among its equally good
guesses the language's default wins (Latin-1 declared UTF-8 is windows-1252,
not the cp1250 that reads as well by its statistics), and on a page that names
no language, the guess whose letters read most like a language, unless
windows-1252 reads about as well (Hebrew in cp1255, Turkish in cp1254). :func:`decode_page`
says in :attr:`Decoded.note` which label it overruled and why. Mojibake that
gets through (UTF-8 encoded twice) is repaired later, per string, by
:mod:`extractors.text`.
"""

from __future__ import annotations

import codecs
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import charset_normalizer
from ftfy.badness import is_bad

from extractors import limits as _limits
from extractors.exceptions import UnreadablePage

__all__ = ["GZIP_MAGIC", "Decoded", "decode", "decode_page", "gunzip"]

# How far into the bytes to look for a <meta charset>; the HTML standard says 1024,
# real pages put long <head> scripts first, so we look further.
SNIFF_BYTES = 4096

# How much of an undeclared, non-UTF-8 page charset-normalizer reads: enough for a
# reliable guess, bounded so detection stays cheap on large pages.
DETECT_BYTES = 64 * 1024

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_HTML_LANG = re.compile(rb"""<html[^>]*?\slang\s*=\s*["']?\s*([A-Za-z]{2,3})""", re.I)

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


# Labels Python's codecs do not know under the Encoding Standard's name.
_ALIASES = {
    "windows-874": "cp874",
    "dos-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-ukrainian": "mac-cyrillic",
    "iso-8859-8-i": "iso8859-8",
    "x-sjis": "cp932",
    "x-gbk": "gbk",
    "x-user-defined": "cp1252",
}
# Python's name for a label (codecs.lookup) -> the codec the Encoding Standard
# decodes it with. A label whose codec is not here is one the standard does not
# know: a browser ignores it, and so do we.
_WHATWG = {
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "utf-16": "utf-16-le",
    **{
        name: name
        for name in (
            "cp866 iso8859-2 iso8859-3 iso8859-4 iso8859-5 iso8859-6 iso8859-7 iso8859-8 "
            "iso8859-10 iso8859-13 iso8859-14 iso8859-15 iso8859-16 koi8-r koi8-u mac-roman "
            "mac-cyrillic cp874 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 "
            "cp1258 gb18030 big5hkscs euc_jp iso2022_jp cp932 cp949 utf-16-le utf-16-be"
        ).split()
    },
}
# The HTML standard's suggested default encoding per language (the locale of the
# page, from <html lang>), for bytes that no label and no detection settle.
_LANGUAGE_DEFAULTS = {
    **dict.fromkeys(("ar", "fa", "ur"), "cp1256"),
    **dict.fromkeys(("be", "bg", "kk", "mk", "ru", "uk", "sr"), "cp1251"),
    **dict.fromkeys(("cs", "hr", "hu", "pl", "ro", "sk", "sl"), "cp1250"),
    **dict.fromkeys(("et", "lt", "lv"), "cp1257"),
    "el": "cp1253",
    "he": "cp1255",
    "ja": "cp932",
    "ko": "cp949",
    "th": "cp874",
    "tr": "cp1254",
    "vi": "cp1258",
    "zh": "gb18030",
}
DEFAULT = "cp1252"
_UTF16 = frozenset({"utf-16-le", "utf-16-be"})
# Guesses of charset-normalizer this close to the best one are equally good.
_CHAOS_TIE = 0.01
# Among those, on a page that names no language, a guess whose letters read this
# close to the best reading's as a language (charset-normalizer's coherence) reads
# as well: windows-1252 then wins, as a browser's default.
_COHERENCE_TIE = 0.02
# charset-normalizer's names for encodings of the web that it reports by a
# superset's name: EUC-JP and Shift_JIS by their JIS X 0213 extensions, Big5 by
# Microsoft's (the Encoding Standard does not know those names).
_DETECTED_AS = {
    "euc_jis_2004": "euc_jp",
    "euc_jisx0213": "euc_jp",
    "shift_jis_2004": "shift_jis",
    "shift_jisx0213": "shift_jis",
    "cp950": "big5",
}
# Control characters other than whitespace: real text has none; a wrong codec
# (cp037 on ASCII) makes many. A share of 1 % of the first bytes is far above
# a real page and far below such a misreading (a third of the characters).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of a page, the codec it was read with, and why."""

    text: str
    codec: str
    note: str = ""
    """Empty when the first charset declared (or, with none, detected) was used;
    otherwise which label was overruled and why, or why no codec read it cleanly."""
    clean: bool = True
    """False when no codec decoded the bytes without replacement characters."""


def _codec(label: str | None) -> str | None:
    """The codec the Encoding Standard decodes a charset label with, or None if it
    knows no such label.

    >>> _codec("UTF8"), _codec("latin1"), _codec("utf-16"), _codec("Windows-874")
    ('utf-8', 'cp1252', 'utf-16-le', 'cp874')
    >>> _codec("x-bogus"), _codec("base64"), _codec("utf-7"), _codec("cp037"), _codec(None)
    (None, None, None, None, None)
    """
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(_ALIASES.get(label, label)).name
    except (LookupError, ValueError):
        return None
    return _WHATWG.get(name)


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


def _clean(data: bytes, codec: str) -> tuple[str | None, str]:
    """The text of ``data`` in ``codec`` if it decodes cleanly; else None and why not."""
    if codec != "utf-8" and codec not in _UTF16 and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return None, "the bytes are UTF-8 (read as it, they would be mojibake)"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        return None, f"the bytes do not decode ({exc.reason} at byte {exc.start})"
    sample = text[:SNIFF_BYTES]
    if "<" not in sample and b"<" in data[:SNIFF_BYTES]:
        return None, "the text it gives has no markup"
    if len(_CONTROLS.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        return None, "the text it gives is full of control characters"
    if codec != "utf-8" and not text.isascii() and is_bad(text[:DETECT_BYTES]):
        return None, "the text it gives is mojibake"
    return text, ""


def _declared(data: bytes, encoding: str | None) -> list[tuple[str, str]]:
    """(where, label) of the charsets the HTTP header and the ``<meta>`` declare."""
    found = []
    if encoding:
        found.append(("the HTTP header", encoding))
    sniffed = _META_CHARSET.search(data[:SNIFF_BYTES])
    if sniffed:
        found.append(("the <meta> tag", sniffed.group(1).decode("ascii", "replace")))
    return found


def _default(data: bytes) -> str:
    """The default codec of the page's language (``<html lang>``), else windows-1252."""
    lang = _HTML_LANG.search(data[:SNIFF_BYTES])
    return _LANGUAGE_DEFAULTS.get(lang.group(1).decode().lower(), DEFAULT) if lang else DEFAULT


# The chaos charset-normalizer accepts in a second pass, when its default of 0.2
# rejected every reading.
LENIENT_CHAOS = 0.5


def _guesses(results: Iterable[charset_normalizer.CharsetMatch]) -> list[tuple[float, float, str]]:
    """(chaos, coherence, codec) of charset-normalizer's readings in an encoding of the web."""
    return [
        (result.chaos, result.coherence, codec)
        for result in results
        if (codec := _codec(_DETECTED_AS.get(result.encoding, result.encoding))) is not None
    ]


def _detect(data: bytes) -> str | None:
    """charset-normalizer's best guess among the encodings of the web (a page is
    never in cp1006 or hp_roman8). When several are equally good, which short or
    mostly-ASCII text makes common, the default of the page's language decides if
    it reads the bytes cleanly: statistics cannot tell cp1250 from windows-1252 on
    a few letters. A page that names no language is read by the guess whose
    letters read most like a language (Hebrew in cp1255 beside cp1253, Turkish in
    cp1254 beside windows-1252) and give no mojibake (Polish in windows-1252 is
    "W³adze"), windows-1252 when it reads about as well."""
    sample = data[:DETECT_BYTES]
    guesses = _guesses(charset_normalizer.from_bytes(sample))
    if not guesses:
        # charset-normalizer rejects a reading when a chunk it samples looks too
        # chaotic, and may reject all: a Shift_JIS page of the development corpus
        # got no guess at the default threshold (0.2), its prefixes each got
        # Shift_JIS. Any reading it then ranks beats windows-1252 with
        # replacement characters, what the caller would fall back on.
        guesses = _guesses(charset_normalizer.from_bytes(sample, threshold=LENIENT_CHAOS))
    if not guesses:
        return None
    best = min(chaos for chaos, _, _ in guesses)
    coherence: dict[str, float] = {}  # each equally good codec, with how well it reads
    for chaos, reads, codec in guesses:
        if chaos <= best + _CHAOS_TIE:
            coherence[codec] = max(coherence.get(codec, 0.0), reads)
    ranked = sorted(coherence, key=coherence.__getitem__, reverse=True)
    if len(ranked) == 1:
        return ranked[0]
    # Each codec decodes the whole page to be tested: once, whichever step asks.
    reads_cleanly = cache(lambda codec: _clean(data, codec)[0] is not None)
    # The likeliest reading that gives no mojibake (ftfy's test, in _clean).
    likeliest = next((codec for codec in ranked if reads_cleanly(codec)), ranked[0])
    default = _default(data)
    # On a page that names no language, a reading charset-normalizer did not
    # propose has no coherence to compare: it reads no better than the likeliest.
    if (
        _HTML_LANG.search(data[:SNIFF_BYTES]) is None
        and coherence[likeliest] - coherence.get(default, 0.0) > _COHERENCE_TIE
    ):
        return likeliest
    return default if reads_cleanly(default) else likeliest


def decode_page(
    data: bytes, encoding: str | None = None, max_bytes: int = _limits.MAX_INPUT_BYTES
) -> Decoded:
    """Decode page bytes by the rule in the module docstring.

    ``encoding`` is the charset of the HTTP header, if any. Raises
    :class:`~extractors.exceptions.UnreadablePage` for bytes that are a binary
    file or gzip data that inflates past ``max_bytes``.

    >>> decoded = decode_page(b"<p>caf\\xe9</p>", "utf-8")
    >>> decoded.text, decoded.codec
    ('<p>café</p>', 'cp1252')
    >>> print(decoded.note.replace(": ", ":\\n"))
    the HTTP header's charset utf-8 was not used:
    the bytes do not decode (invalid continuation byte at byte 6)
    """
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, max_bytes)
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise UnreadablePage("not-html", f"the bytes are a {kind} file, not an HTML page")
    if bom := _bom(data):
        return Decoded(data.decode(bom, errors="replace"), bom)
    notes = []
    for where, label in _declared(data, encoding):
        codec = _codec(label)
        if codec is None:
            notes.append(f"{where}'s charset {label} is none the HTML standard knows")
            continue
        if where == "the <meta> tag" and codec in _UTF16:
            codec = "utf-8"  # the tag was read as ASCII, so the page is not UTF-16
        text, why = _clean(data, codec)
        if text is not None:
            return Decoded(text, codec, "; ".join(notes))
        notes.append(f"{where}'s charset {label} was not used: {why}")
    note = "; ".join(notes)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", note)
    except UnicodeDecodeError:
        pass
    codec = _detect(data) or _default(data)
    text, why = _clean(data, codec)
    if text is not None:
        return Decoded(text, codec, note)
    codec = _default(data)
    text = data.decode(codec, errors="replace")
    unclean = f"no charset decodes the page cleanly; read as {codec} with replacement characters"
    return Decoded(text, codec, "; ".join(filter(None, (note, unclean))), clean=False)


def decode(
    data: bytes, encoding: str | None = None, max_bytes: int = _limits.MAX_INPUT_BYTES
) -> tuple[str, str]:
    """Decode page bytes (:func:`decode_page`); return the text and the codec used.

    >>> decode(b"<p>caf\\xc3\\xa9</p>", "iso-8859-1")
    ('<p>café</p>', 'utf-8')
    >>> decode(b"<meta charset=windows-1252><p>caf\\xe9</p>")[1]
    'cp1252'
    >>> decode(b"<meta charset=utf-16><p>cafe</p>")
    ('<meta charset=utf-16><p>cafe</p>', 'utf-8')
    """
    decoded = decode_page(data, encoding, max_bytes)
    return decoded.text, decoded.codec
