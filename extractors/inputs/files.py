"""Files, folders and standard input: :func:`read_inputs`.

A name on the command line is

- ``-``: standard input, one page;
- a folder: every ``.html``, ``.htm``, ``.html.gz`` and ``.htm.gz`` file in it
  and below, in sorted order (other files are not pages and are passed over);
- a ``.warc`` or ``.warc.gz`` file, or any file that starts with ``WARC/``: its
  HTML response records (:mod:`extractors.inputs.warc`);
- any other file: one page (gzip when its name ends in ``.gz``).

A page file named ``source.html`` with a ``meta.json`` beside it (a fixture,
``fixtures/README.md``) takes its URL and HTTP headers from there; any other
file has its ``file://`` URI as its URL, unless ``url`` is given.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from extractors.inputs.base import MAX_BYTES, InputPage, Skipped, charset
from extractors.inputs.warc import warc_pages

__all__ = ["PAGE_SUFFIXES", "WARC_SUFFIXES", "file_page", "read_inputs"]

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
"""The files a folder is searched for."""
WARC_SUFFIXES = (".warc", ".warc.gz")


def read_inputs(
    names: Iterable[str], url: str | None = None, stdin: IO[bytes] | None = None
) -> Iterator[InputPage | Skipped]:
    """The pages of each named input, in order, and what was skipped in them.

    ``url`` is the URL of a page file or of standard input (not of a folder's
    files or a WARC's records, which have their own); ``stdin`` stands for
    standard input (``sys.stdin.buffer`` by default).
    """
    for name in names:
        if name == "-":
            yield _stream_page("-", stdin or sys.stdin.buffer, url)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _folder(path)
        elif _is_warc(path):
            yield from warc_pages(path)
        else:
            yield file_page(path, url)


def _is_warc(path: Path) -> bool:
    if path.name.lower().endswith(WARC_SUFFIXES):
        return True
    try:
        with path.open("rb") as f:
            return f.read(5) == b"WARC/"
    except OSError:
        return False  # file_page() says what is wrong with it


def _folder(root: Path) -> Iterator[InputPage | Skipped]:
    problems: list[OSError] = []
    found = 0
    for folder, subfolders, files in os.walk(root, onerror=problems.append):
        subfolders.sort()
        for name in sorted(files):
            if name.lower().endswith(PAGE_SUFFIXES):
                found += 1
                yield file_page(Path(folder, name))
    for problem in problems:
        yield Skipped(
            str(problem.filename or root), "unreadable", problem.strerror or str(problem)
        )
    if not found and not problems:
        yield Skipped(str(root), "no-pages", f"no {', '.join(PAGE_SUFFIXES)} file in it or below")


def _stream_page(
    source: str, stream: IO[bytes] | gzip.GzipFile, url: str | None
) -> InputPage | Skipped:
    body = stream.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        return Skipped(source, "too-large", f"more than {MAX_BYTES} bytes")
    return InputPage(source, body, url)


def _meta(path: Path) -> dict[str, Any]:
    """The fixture's ``meta.json`` beside a ``source.html``, or {}."""
    meta_path = path.with_name("meta.json")
    if path.name != "source.html" or not meta_path.is_file():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"{meta_path} is not JSON: {exc}") from None
    if not isinstance(meta, dict):
        raise ValueError(f"{meta_path} holds no JSON object")
    return meta


def _content_type(meta: dict[str, Any]) -> str | None:
    headers = meta.get("headers")
    if not isinstance(headers, dict):
        return None
    found = next((v for k, v in headers.items() if str(k).lower() == "content-type"), None)
    return str(found) if found is not None else None


def file_page(path: Path, url: str | None = None) -> InputPage | Skipped:
    """One page file (gzip when its name ends in ``.gz``), or why it gives none."""
    source = str(path)
    try:
        meta = _meta(path)
        with path.open("rb") as f:
            if path.name.lower().endswith(".gz"):
                with gzip.GzipFile(fileobj=f) as inflated:
                    page = _stream_page(source, inflated, url)
            else:
                page = _stream_page(source, f, url)
    except (OSError, EOFError, zlib.error) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Skipped(source, "unreadable", detail or type(exc).__name__)
    except ValueError as exc:
        return Skipped(source, "unreadable", str(exc))
    if isinstance(page, Skipped):
        return page
    meta_url = meta.get("url") if isinstance(meta.get("url"), str) else None
    return InputPage(
        source, page.body, url or meta_url or path.resolve().as_uri(), charset(_content_type(meta))
    )
