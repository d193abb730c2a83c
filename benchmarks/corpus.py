"""Load a benchmark corpus: gzipped pages beside a JSON file of expected bodies.

The layout is the one of the public article-extraction-benchmark::

    <corpus>/html/<id>.html.gz     the page as downloaded, gzipped
    <corpus>/ground-truth.json     {id: {"articleBody": str, "url": str, ...}}

Other string fields of an entry (the readability-test-pages corpus has
``title``, ``byline``, ``publishedTime``, ``siteName``, ``excerpt``, ``lang``)
are kept in :attr:`Page.metadata`; a field that is null or empty is left out.

Only the standard library is imported here: the measuring subprocesses load
the corpus before their tool, and must not pay for anything else.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = [
    "GROUND_TRUTH",
    "HTML_DIR",
    "CorpusError",
    "Page",
    "corpus_name",
    "load_corpus",
    "run_writer",
    "write_corpus",
    "write_page",
]

GROUND_TRUTH = "ground-truth.json"
HTML_DIR = "html"
PAGE_SUFFIX = ".html.gz"
_FIELDS = ("articleBody", "url")


class CorpusError(ValueError):
    """The corpus folder is missing, incomplete or not in the expected layout."""


@dataclass(frozen=True, slots=True)
class Page:
    """One corpus page: where its bytes are and what its body should be."""

    id: str
    """The file name stem shared by ``html/<id>.html.gz`` and the ground truth key."""
    url: str
    """The URL the page was downloaded from."""
    expected: str
    """The article body a person marked, as plain text."""
    path: Path
    """The gzipped page."""
    metadata: Mapping[str, str] = field(
        default_factory=lambda: MappingProxyType({}), compare=False
    )
    """The entry's other non-empty string fields (``title``, ``byline``...), read-only."""

    def read(self) -> bytes:
        """The page's raw bytes, as the server sent them (decompressed, not decoded)."""
        return gzip.decompress(self.path.read_bytes())


def load_corpus(folder: str | Path) -> tuple[Page, ...]:
    """Every page of the corpus at ``folder``, sorted by id.

    Raises :class:`CorpusError` when the folder is not a corpus, naming what
    is missing and the layout expected.
    """
    root = Path(folder).expanduser()
    truth = _read_ground_truth(root)
    html = root / HTML_DIR
    if not html.is_dir():
        raise _layout_error(root, f"it has no {HTML_DIR}/ folder")
    pages = tuple(_page(html, page_id, entry) for page_id, entry in sorted(truth.items()))
    if not pages:
        raise _layout_error(root, f"its {GROUND_TRUTH} lists no page")
    return pages


def _read_ground_truth(root: Path) -> dict[str, Any]:
    """The parsed ground-truth file of the corpus at ``root``."""
    if not root.is_dir():
        raise _layout_error(root, "the folder does not exist")
    path = root / GROUND_TRUTH
    try:
        truth = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise _layout_error(root, f"it has no {GROUND_TRUTH}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(
            f"{path} is not valid UTF-8 JSON ({exc}); is it the right file?"
        ) from exc
    if not isinstance(truth, dict):
        raise CorpusError(f"{path} holds a {type(truth).__name__}, expected an object keyed by id")
    return truth


def _page(html: Path, page_id: str, entry: Any) -> Page:
    """The :class:`Page` for one ground-truth entry, checked against the files."""
    if not isinstance(entry, dict) or not all(isinstance(entry.get(f), str) for f in _FIELDS):
        raise CorpusError(
            f"ground truth for page {page_id!r} must be an object with string fields "
            f"{', '.join(_FIELDS)}; got {entry!r:.200}"
        )
    path = html / f"{page_id}{PAGE_SUFFIX}"
    if not path.is_file():
        raise CorpusError(
            f"page {page_id!r} is in {GROUND_TRUTH} but {path} is missing; "
            "restore the file or remove its entry"
        )
    metadata = {
        name: value
        for name, value in entry.items()
        if name not in _FIELDS and isinstance(value, str) and value.strip()
    }
    return Page(
        id=page_id,
        url=entry["url"],
        expected=entry["articleBody"],
        path=path,
        metadata=MappingProxyType(metadata),
    )


def write_page(corpus: Path, page_id: str, html: bytes) -> None:
    """Write a page's ``html`` into the corpus folder ``corpus``, where
    :func:`load_corpus` reads it: gzipped without a timestamp, so that a corpus
    written twice from the same pages is the same bytes."""
    folder = corpus / HTML_DIR
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{page_id}{PAGE_SUFFIX}").write_bytes(gzip.compress(html, mtime=0))


def write_corpus(corpus: Path, out: Path, rewrite: Callable[[bytes], bytes]) -> int:
    """Write each page of ``corpus`` as ``rewrite`` returns it (from its bytes) into
    ``out``, in the same layout, the ground truth copied unchanged; the page count."""
    pages = load_corpus(corpus)
    out.mkdir(parents=True, exist_ok=True)
    for page in pages:
        write_page(out, page.id, rewrite(page.read()))
    shutil.copyfile(corpus / GROUND_TRUTH, out / GROUND_TRUTH)
    return len(pages)


def run_writer(write: Callable[[], int], done: str) -> int:
    """A command line's end: ``write()`` writes a corpus and returns its page count.
    0 and "wrote N pages<done>" on stdout; 2 and the error on stderr for a folder
    that is not a corpus."""
    try:
        count = write()
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {count} pages{done}")
    return 0


def corpus_name(folder: str | Path) -> str:
    """The name a report gives the corpus at ``folder``: its folder's name.

    >>> corpus_name("../shared/bench/readability-test-pages/")
    'readability-test-pages'
    """
    return Path(folder).expanduser().resolve().name or str(folder)


def _layout_error(root: Path, why: str) -> CorpusError:
    """A :class:`CorpusError` for a folder that is not a corpus, with the fix."""
    return CorpusError(
        f"{root} is not a benchmark corpus: {why}. Pass the folder that holds "
        f"{GROUND_TRUTH} and {HTML_DIR}/<id>{PAGE_SUFFIX} "
        "(for example the shared article-extraction-benchmark folder)."
    )
