"""The project's exceptions.

Every error that :func:`extractors.extract` lets through derives from
:class:`ExtractionError`; parser, codec and recursion errors never escape as
themselves.
"""

from __future__ import annotations

__all__ = [
    "ExtractionError",
    "InputError",
    "SiteExtractorError",
    "UnreadablePage",
    "UseGeneric",
]


class ExtractionError(Exception):
    """Base class of every error raised by the ``extractors`` package."""


class InputError(ExtractionError, TypeError):
    """The input is not something a page can be read from (wrong type).

    Raised for arguments a caller got wrong, for instance passing a ``Response``
    object instead of its bytes. Bad *content* (empty, binary, broken HTML) is not
    an error: it gives an Article with an empty body and a ``reason``.
    """


class SiteExtractorError(ExtractionError):
    """A site extractor is misconfigured: a site module that does not import, a
    bad selector, a domain claimed twice. The message names the module and the
    class, and what to fix."""


class UnreadablePage(ExtractionError):  # noqa: N818  (a verdict on the input, with a reason)
    """No page can be read from the input: it holds no HTML, or it is over the limits.

    Raised by :func:`extractors.load_page`; :func:`extractors.extract` turns it
    into an Article with an empty body. ``reason`` is the Article's
    machine-readable reason (``"empty-input"``, ``"not-html"``, ``"too-large"``,
    ``"no-article"``).
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


class UseGeneric(ExtractionError):  # noqa: N818  (a signal, named like web-poet's UseFallback)
    """Raised by a site extractor that cannot handle a page.

    ``extract()`` catches it and runs the generic extractor instead; the message
    says why, and is logged at debug level.
    """
