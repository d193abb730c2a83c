"""Files, folders and standard input: :func:`read_inputs`.

A name on the command line is

- ``-``: standard input, one page (one text dump with ``text``);
- a folder: every ``.html``, ``.htm``, ``.html.gz`` and ``.htm.gz`` file in it
  and below, in sorted order (with ``text``, every ``.txt`` and ``.txt.gz`` file
  too, the dumps of each folder in one group after its pages; other files are
  not pages and are passed over);
- a ``.wet`` or ``.wet.gz`` file: its text dumps, in groups
  (:mod:`extractors.inputs.dumps`);
- a ``.warc`` or ``.warc.gz`` file, or any file that starts with ``WARC/``: its
  HTML response records (:mod:`extractors.inputs.warc`);
- a ``.txt`` or ``.txt.gz`` file (with ``text``, any other file): a text dump;
  consecutive dumps named in one folder form one group, as that folder would;
- any other file: one page (gzip when its name ends in ``.gz``).

A page file named ``source.html`` or a dump named ``seed.txt`` with a
``meta.json`` beside it (a fixture, ``fixtures/README.md``) takes its URL (and a
page its HTTP headers) from there; any other file has its ``file://`` URI as its
URL, unless ``url`` is given.
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
from extractors.inputs.dumps import (
    TEXT_SUFFIXES,
    WET_SUFFIXES,
    Dump,
    DumpGroup,
    Grouper,
    text_file,
    wet_groups,
)
from extractors.inputs.warc import warc_pages

__all__ = ["PAGE_SUFFIXES", "WARC_SUFFIXES", "file_page", "read_inputs"]

Input = InputPage | DumpGroup | Skipped

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
"""The files a folder is searched for."""
WARC_SUFFIXES = (".warc", ".warc.gz")


def read_inputs(
    names: Iterable[str],
    url: str | None = None,
    stdin: IO[bytes] | None = None,
    *,
    text: bool = False,
) -> Iterator[Input]:
    """The pages and groups of text dumps of each named input, in order, and what
    was skipped in them.

    ``url`` is the URL of a page file, a dump or standard input (not of a folder's
    files or a WARC's records, which have their own); ``stdin`` stands for
    standard input (``sys.stdin.buffer`` by default); ``text`` reads standard
    input and files that are neither pages nor archives as text dumps, and
    folders' ``.txt`` files too.
    """
    named = Grouper("")  # consecutive dumps named in one folder
    for name in names:
        for found in _named(name, url, stdin, text):
            if named.source and not (
                isinstance(found, Dump) and _folder_of(found) == named.source
            ):
                yield from _taken(named)
            if not isinstance(found, Dump):
                yield found
                continue
            named.source = _folder_of(found)
            if full := named.add(found):
                yield full
    yield from _taken(named)


def _taken(groups: Grouper) -> Iterator[DumpGroup]:
    """The group ``groups`` has gathered, if any; it starts again, from no folder."""
    if group := groups.take():
        yield group
    groups.source = ""


def _folder_of(dump: Dump) -> str:
    return str(Path(dump.source).parent)


def _named(
    name: str, url: str | None, stdin: IO[bytes] | None, text: bool
) -> Iterator[Input | Dump]:
    """What one name gives; a dump file named alone as a bare :class:`Dump`."""
    path = Path(name)
    if name == "-":
        stream = stdin or sys.stdin.buffer
        yield _group(text_file(path, url, stream)) if text else _stream_page(name, stream, url)
    elif path.is_dir():
        yield from _folder(path, text)
    elif path.name.lower().endswith(WET_SUFFIXES):
        yield from wet_groups(path)
    elif _is_warc(path):
        yield from warc_pages(path)
    elif _is_dump(path, text):
        yield text_file(path, url or _meta_url(path))
    else:
        yield file_page(path, url)


def _is_dump(path: Path, text: bool) -> bool:
    """Whether a named file is a text dump: by its name, or any but a page with ``text``."""
    name = path.name.lower()
    return name.endswith(TEXT_SUFFIXES) or (text and not name.endswith(PAGE_SUFFIXES))


def _group(found: Dump | Skipped) -> DumpGroup | Skipped:
    return found if isinstance(found, Skipped) else DumpGroup(found.source, (found,))


def _meta_url(path: Path) -> str:
    """A dump's URL: its fixture's ``meta.json`` (beside a ``seed.txt``), else its URI."""
    try:
        meta = _meta(path)
    except (OSError, ValueError):
        meta = {}
    meta_url = meta.get("url")
    return meta_url if isinstance(meta_url, str) else path.resolve().as_uri()


def _is_warc(path: Path) -> bool:
    if path.name.lower().endswith(WARC_SUFFIXES):
        return True
    try:
        with path.open("rb") as f:
            return f.read(5) == b"WARC/"
    except OSError:
        return False  # file_page() says what is wrong with it


def _folder(root: Path, text: bool) -> Iterator[Input]:
    problems: list[OSError] = []
    found = 0
    for folder, subfolders, files in os.walk(root, onerror=problems.append):
        subfolders.sort()
        dumps = Grouper(folder)
        for name in sorted(files):
            lowered = name.lower()
            if lowered.endswith(PAGE_SUFFIXES):
                found += 1
                yield file_page(Path(folder, name))
            elif text and lowered.endswith(TEXT_SUFFIXES):
                found += 1
                dump = text_file(Path(folder, name), _meta_url(Path(folder, name)))
                if isinstance(dump, Skipped):
                    yield dump
                elif full := dumps.add(dump):
                    yield full
        yield from _taken(dumps)
    for problem in problems:
        yield Skipped(
            str(problem.filename or root), "unreadable", problem.strerror or str(problem)
        )
    if not found and not problems:
        suffixes = PAGE_SUFFIXES + TEXT_SUFFIXES if text else PAGE_SUFFIXES
        hint = "" if text else "; --text reads its .txt files as text dumps"
        yield Skipped(str(root), "no-pages", f"no {', '.join(suffixes)} file in it or below{hint}")


def _stream_page(
    source: str, stream: IO[bytes] | gzip.GzipFile, url: str | None
) -> InputPage | Skipped:
    body = stream.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        return Skipped(source, "too-large", f"more than {MAX_BYTES} bytes")
    return InputPage(source, body, url)


def _meta(path: Path) -> dict[str, Any]:
    """The fixture's ``meta.json`` beside a ``source.html`` or a ``seed.txt``, or {}."""
    meta_path = path.with_name("meta.json")
    if path.name not in ("source.html", "seed.txt") or not meta_path.is_file():
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
