"""Records of a WET file (Common Crawl's extracted text), one dump per page.

A WET file is a WARC file whose ``conversion`` records hold the text of one
page each: one block per line, the form :func:`~extractors.textdump.extract_text`
reads. The file is usually gzipped record by record; both forms are read.

>>> import io
>>> body = "Home\\nThe article.".encode()
>>> raw = (b"WARC/1.0\\r\\nWARC-Type: conversion\\r\\nWARC-Target-URI: https://n.test/a\\r\\n"
...        b"Content-Length: %d\\r\\n\\r\\n" % len(body) + body + b"\\r\\n\\r\\n")
>>> [(r.url, r.text) for r in read_wet(io.BytesIO(raw))]
[('https://n.test/a', 'Home\\nThe article.')]
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from extractors.exceptions import ExtractionError

__all__ = ["MAX_RECORD_BYTES", "WetFormatError", "WetRecord", "read_wet"]

# A record's text is read into memory only up to this size; a larger one is
# skipped (Common Crawl cuts its WET records at 1 MiB of text).
MAX_RECORD_BYTES = 16 * 1024 * 1024
# A header line longer than this is no WARC header: the file is something else.
MAX_HEADER_LINE = 64 * 1024
_CHUNK = 1024 * 1024


class WetFormatError(ExtractionError, ValueError):
    """The stream is not a WARC/WET file, or it breaks off inside a record."""


@dataclass(frozen=True, slots=True)
class WetRecord:
    """One page of a WET file."""

    url: str | None
    """``WARC-Target-URI``: the page the text was extracted from."""
    text: str
    """The page's text, one block per line (decoded as UTF-8, bad bytes replaced)."""
    date: str | None
    """``WARC-Date``: when the page was fetched (ISO 8601), not when it was published."""
    language: str | None
    """``WARC-Identified-Content-Language``, when the crawler wrote one."""


def read_wet(stream: BinaryIO) -> Iterator[WetRecord]:
    """The ``conversion`` records of a WET file, in order; other records are skipped.

    ``stream`` is the file opened in binary mode, gzipped or not. Raises
    :class:`WetFormatError` when it is not a WARC file.
    """
    reader: BinaryIO = stream
    if _starts_gzipped(stream):
        reader = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
    while True:
        headers = _headers(reader)
        if headers is None:
            return
        length = _length(headers)
        if length > MAX_RECORD_BYTES:
            _skip(reader, length)
            continue
        body = reader.read(length)
        if len(body) < length:
            raise WetFormatError("the WET file breaks off inside a record: is it complete?")
        if headers.get("warc-type") == "conversion":
            yield WetRecord(
                url=headers.get("warc-target-uri"),
                text=body.decode("utf-8", "replace"),
                date=headers.get("warc-date"),
                language=headers.get("warc-identified-content-language"),
            )


def _starts_gzipped(stream: BinaryIO) -> bool:
    """Whether the stream starts with gzip's magic bytes, without consuming them."""
    if isinstance(stream, io.BufferedReader):
        return stream.peek(2)[:2] == b"\x1f\x8b"
    if stream.seekable():
        position = stream.tell()
        head = stream.read(2)
        stream.seek(position)
        return head == b"\x1f\x8b"
    raise WetFormatError(
        "read_wet() needs a file it can look into before reading: open(path, 'rb'), "
        "sys.stdin.buffer or an io.BytesIO"
    )


def _headers(reader: BinaryIO) -> dict[str, str] | None:
    line = reader.readline(MAX_HEADER_LINE)
    while line in (b"\r\n", b"\n"):  # the blank lines between records
        line = reader.readline(MAX_HEADER_LINE)
    if not line:
        return None
    if not line.startswith(b"WARC/"):
        raise WetFormatError(
            f"not a WARC/WET record: the record starts with {line[:40]!r}; "
            "pass a .warc.wet or .warc.wet.gz file opened in binary mode"
        )
    headers: dict[str, str] = {}
    while True:
        line = reader.readline(MAX_HEADER_LINE)
        if line in (b"\r\n", b"\n", b""):
            return headers
        name, _, value = line.decode("utf-8", "replace").partition(":")
        headers[name.strip().lower()] = value.strip()


def _length(headers: dict[str, str]) -> int:
    try:
        length = int(headers.get("content-length", ""))
    except ValueError as exc:
        raise WetFormatError("a WARC record without a valid Content-Length") from exc
    if length < 0:
        raise WetFormatError("a WARC record with a negative Content-Length")
    return length


def _skip(reader: BinaryIO, length: int) -> None:
    while length > 0:
        chunk = reader.read(min(_CHUNK, length))
        if not chunk:
            raise WetFormatError("the WET file breaks off inside a record: is it complete?")
        length -= len(chunk)
