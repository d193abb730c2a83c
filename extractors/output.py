"""How ``newsclean extract`` writes articles: the formats, and the progress bar.

``json`` is one Article per line (JSON Lines), in the Article's names or in
zyte-common-items' (:mod:`extractors.zyte`), with the body fields asked for
(``--body-formats``: the plain text by default); ``text``, ``html`` and
``markdown`` are the bodies in that format (``Article.body``, ``body_html``,
``body_markdown``), each after a ``==> URL <==`` line when the inputs can hold
several pages (as ``head`` does with several files).
"""

from __future__ import annotations

import json
import logging
import sys
from contextlib import AbstractContextManager
from types import TracebackType
from typing import IO, Never

from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from extractors.article import Article
from extractors.render import BODY_FIELDS
from extractors.zyte import to_zyte

__all__ = ["FORMATS", "Progress", "Writer"]

FORMATS = ("json", "text", "html", "markdown")
"""What ``--format`` writes: JSON Lines, or the bodies in one format."""


class Writer:
    """Writes articles to a binary stream in one format, each flushed as it comes.

    ``without`` names Article fields a JSON line leaves out (the body formats not
    asked for, :func:`extractors.render.formats.unwritten`)."""

    def __init__(
        self,
        out: IO[bytes],
        kind: str,
        names: str = "newsclean",
        *,
        several: bool,
        without: frozenset[str] = frozenset(),
    ):
        if kind not in FORMATS:
            raise ValueError(f"cannot write {kind!r} articles; use one of {', '.join(FORMATS)}")
        self.out = out
        self.kind = kind
        self.names = names
        self.several = several
        self.without = without

    def text(self, article: Article) -> str:
        """What one article becomes.

        >>> import io
        >>> a = Article(url="https://n.test/a", title="T", body="One.\\n\\nTwo.")
        >>> Writer(io.BytesIO(), "text", several=True).text(a)
        '==> https://n.test/a <==\\nOne.\\n\\nTwo.\\n\\n'
        >>> Writer(io.BytesIO(), "json", "zyte", several=False).text(a)[:40]
        '{"url": "https://n.test/a", "headline": '
        """
        if self.kind != "json":
            body = getattr(article, BODY_FIELDS[self.kind]) or ""
            return f"==> {article.url} <==\n{body}\n\n" if self.several else f"{body}\n"
        if self.names == "zyte":
            data = to_zyte(article, without=self.without)
        else:
            data = {k: v for k, v in article.to_dict().items() if k not in self.without}
        return json.dumps(data, ensure_ascii=False) + "\n"

    def write(self, article: Article) -> None:
        """Write one article and flush it."""
        self.out.write(self.text(article).encode("utf-8", "surrogatepass"))
        self.out.flush()


class Progress(AbstractContextManager["Progress"]):
    """A progress bar of pages on standard error when it is a terminal (tqdm), with
    log lines printed above it; nothing at all elsewhere (a pipe, a file, CI)."""

    def __init__(self, *, enabled: bool = True):
        self.enabled = enabled and sys.stderr.isatty()
        self.bar: tqdm[Never] | None = None
        self._logs: AbstractContextManager[None] | None = None

    def __enter__(self) -> Progress:
        if self.enabled:
            self._logs = logging_redirect_tqdm([logging.getLogger()])
            self._logs.__enter__()
            self.bar = tqdm(unit=" pages", file=sys.stderr, dynamic_ncols=True, leave=False)
        return self

    def update(self) -> None:
        """One more page."""
        if self.bar is not None:
            self.bar.update()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.bar is not None:
            self.bar.close()
        if self._logs is not None:
            self._logs.__exit__(kind, value, traceback)
