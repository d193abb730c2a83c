"""The pages of a WARC file (``.warc`` or ``.warc.gz``), read with fastwarc.

Each ``response`` record of HTTP with a 2xx status and an HTML body is a page:
its ``WARC-Target-URI`` is the URL, the charset of its HTTP ``Content-Type`` the
encoding, its ``WARC-Date`` when it was fetched. A ``resource`` record (a page
archived without HTTP, its media type in the record's own ``Content-Type``)
with HTML is a page too. The body is given as the server meant it: a chunked
transfer encoding and a gzip, deflate or brotli content encoding are undone
(by fastwarc's readers).

Every other response, resource or revisit record is skipped and counted with
its reason: ``not-html`` (robots.txt, sitemaps, images), ``http-301``,
``http-404``... (a status other than 2xx), ``revisit`` (a deduplicated record
without its body), ``not-http`` (a ``dns:`` record), ``too-large`` (over the
extractors' input limit), ``content-encoding`` (one fastwarc cannot undo, or a
body that is not what its encoding says). Requests, ``warcinfo`` and
``metadata`` records hold no page and are passed over.

A file that is no WARC, or one cut short, is an error (``unreadable``,
``truncated``): the pages before the damage are given, and the error says at
which record it stopped. fastwarc yields a record cut short as if it were
whole, and stops without a word inside a record's headers or a gzip member, so
every record's block is checked against its ``Content-Length``, and what
follows the last record against the end of the file.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from fastwarc.stream_io import BrotliReader, ChunkedReader, GzipReader, WarcReader
from fastwarc.warc import ArchiveIterator, HeaderMap, WarcRecord, WarcRecordType

from extractors.inputs.base import MAX_BYTES, InputPage, Skipped, charset, is_html

__all__ = ["warc_pages"]

PAGE_RECORDS = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.revisit
GZIP_MAGIC = b"\x1f\x8b"

# Content encodings, by their HTTP name: the fastwarc reader that undoes each.
DECODERS: dict[str, Callable[[io.BytesIO], WarcReader]] = {
    "gzip": GzipReader,
    "x-gzip": GzipReader,
    "deflate": lambda raw: GzipReader(raw, zlib=True),
    "br": BrotliReader,
}


def warc_pages(path: Path) -> Iterator[InputPage | Skipped]:
    """The pages of the WARC file at ``path``, and the records skipped in it."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield Skipped(str(path), "unreadable", exc.strerror or str(exc))
        return
    last: tuple[int, int] | None = None  # where the last record starts, its block length
    with stream:
        try:
            for record in ArchiveIterator(stream, parse_http=True):
                where = f"{path}@{record.stream_pos}"
                length = (record.headers.get("Content-Length") or "").strip()
                last = (record.stream_pos, int(length)) if length.isdigit() else None
                found = _record(record, where) if last else _cut(where, "the WARC headers")
                if found is not None:
                    yield found
                if isinstance(found, Skipped) and found.reason == "truncated":
                    return
        except OSError as exc:
            if last is None:
                yield Skipped(str(path), "unreadable", f"not a WARC file: {exc}")
            else:
                reason, why = _unfinished(stream, last) or ("unreadable", str(exc))
                yield Skipped(f"{path}@{last[0]}", reason, f"after this record: {why}")
            return
        if last is None:
            if stream.seek(0, io.SEEK_END):
                yield Skipped(str(path), "unreadable", "no WARC record in it")
        elif problem := _unfinished(stream, last):
            yield Skipped(f"{path}@{last[0]}", problem[0], f"after this record: {problem[1]}")


def _record(record: WarcRecord, where: str) -> InputPage | Skipped | None:
    """A page record's page or why it has none; for other records (requests,
    ``warcinfo``, ``metadata``: no page, nothing to count) None, if they are whole."""
    if record.record_type & PAGE_RECORDS:
        return _page(record, where)
    read = record.consume()
    return _cut(where, "this record") if read < record.content_length else None


def _cut(where: str, part: str) -> Skipped:
    return Skipped(where, "truncated", f"the file ends inside {part}")


def _unfinished(stream: IO[bytes], last: tuple[int, int]) -> tuple[str, str] | None:
    """What follows the last whole record, when something does: ``truncated`` (a
    record cut short) or ``unreadable`` (bytes that are no record), and why.

    fastwarc stops without a word where a file is cut inside a record's WARC
    headers or inside a gzip member, so the end of the file is checked here:
    nothing, or white space, may follow the last record it gave.
    """
    stream.seek(0)
    if stream.read(2) == GZIP_MAGIC:
        return _gzip_unfinished(stream, last[0])
    start, length = last
    size = stream.seek(0, io.SEEK_END)
    stream.seek(start)
    head_end = stream.read(1 << 16).find(b"\r\n\r\n")
    end = start + head_end + 4 + length + 4  # WARC headers, block, the record's end
    if head_end < 0 or size < end:
        return "truncated", "the file ends inside this record"
    stream.seek(end)
    rest = stream.read(1 << 16).lstrip()
    if not rest:
        return None
    if rest.startswith(b"WARC/"):
        return "truncated", "the next record is cut short"
    return "unreadable", "what follows is no WARC record"


def _gzip_unfinished(stream: IO[bytes], start: int) -> tuple[str, str] | None:
    """:func:`_unfinished` for a gzip file: one member per record, so the last
    record's member, then nothing, must end the file. A file that is one gzip
    stream (not the WARC standard's layout, but found) is inflated once more."""
    stream.seek(start)
    if stream.read(2) != GZIP_MAGIC:
        start = 0
    stream.seek(start)
    if not _inflates_to_its_end(stream):
        return "truncated", "the file ends inside this record's gzip member"
    rest = stream.read(2)
    if not rest:
        return None
    if rest != GZIP_MAGIC:
        return "unreadable", "what follows is no gzip member"
    stream.seek(-2, io.SEEK_CUR)
    if _inflates_to_its_end(stream):
        return "unreadable", "the next gzip member holds no WARC record"
    return "truncated", "the file ends inside the next record's gzip member"


def _inflates_to_its_end(stream: IO[bytes]) -> bool:
    """Inflate the gzip member at the stream's position (keeping nothing), leaving the
    stream just after it; False when the file ends first, or the member is damaged
    (fastwarc has then failed on it already)."""
    member = zlib.decompressobj(16 + zlib.MAX_WBITS)
    start = stream.tell()
    read = 0
    try:
        while not member.eof and (chunk := stream.read(1 << 20)):
            read += len(chunk)
            member.decompress(chunk, 1 << 20)
            while member.unconsumed_tail and not member.eof:
                member.decompress(member.unconsumed_tail, 1 << 20)
    except zlib.error:
        return False
    stream.seek(start + read - len(member.unused_data))
    return member.eof


def _page(record: WarcRecord, where: str) -> InputPage | Skipped:
    """The page of one response, resource or revisit record, or why it has none."""
    if record.record_type == WarcRecordType.revisit:
        record.consume()
        return Skipped(where, "revisit", "a revisit record holds no body")
    if record.record_type == WarcRecordType.resource:
        raw = _block(record, where)
        if isinstance(raw, Skipped):
            return raw
        return _html_page(record, where, raw, record.headers.get("Content-Type"), None)
    if not (record.headers.get("Content-Type") or "").startswith("application/http"):
        record.consume()
        return Skipped(where, "not-http", record.headers.get("WARC-Target-URI") or "")
    headers: HeaderMap | None = record.http_headers
    status = headers.status_code if headers is not None else None
    if headers is None or status is None:
        return _cut(where, "the record's HTTP headers")
    if not 200 <= status < 300:
        record.consume()
        return Skipped(where, f"http-{status}")
    raw = _block(record, where)
    if isinstance(raw, Skipped):
        return raw
    body = _decoded(raw, headers.get("Transfer-Encoding"), headers.get("Content-Encoding"))
    if isinstance(body, str):
        return Skipped(where, "content-encoding", body)
    return _html_page(record, where, body, headers.get("Content-Type"), status)


def _block(record: WarcRecord, where: str) -> bytes | Skipped:
    """The record's payload as stored, checked to be whole."""
    if record.content_length > MAX_BYTES:
        record.consume()
        return Skipped(where, "too-large", f"{record.content_length} bytes")
    raw = record.reader.read()
    if len(raw) < record.content_length:
        return _cut(where, f"this record, {record.content_length - len(raw)} bytes before its end")
    return raw


def _decoded(raw: bytes, transfer: str | None, encoding: str | None) -> bytes | str:
    """``raw`` with its transfer and content encodings undone (at most
    :data:`MAX_BYTES` + 1 bytes); a str says why it could not be."""
    encoding = (encoding or "").strip().lower()
    try:
        body = raw
        if (transfer or "").strip().lower() == "chunked":
            body = ChunkedReader(io.BytesIO(body)).read(MAX_BYTES + 1)
        if encoding in DECODERS:
            body = DECODERS[encoding](io.BytesIO(body)).read(MAX_BYTES + 1)
        elif encoding not in ("", "identity"):
            return f"Content-Encoding {encoding} is not one fastwarc undoes"
    except OSError as exc:
        return f"the body is not what its encoding says: {exc}"
    return body


def _html_page(
    record: WarcRecord, where: str, body: bytes, content_type: str | None, status: int | None
) -> InputPage | Skipped:
    if len(body) > MAX_BYTES:
        return Skipped(where, "too-large", f"more than {MAX_BYTES} bytes once decoded")
    if not is_html(content_type, body):
        return Skipped(where, "not-html", content_type or "no Content-Type")
    target = record.headers.get("WARC-Target-URI")  # WARC 1.0 allowed <angle brackets>
    return InputPage(
        where,
        body,
        target.strip().removeprefix("<").removesuffix(">") if target else None,
        charset(content_type),
        fetched=record.record_date.strftime("%Y-%m-%dT%H:%M:%SZ"),
        http_status=status,
    )
