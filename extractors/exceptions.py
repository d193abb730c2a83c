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
    """A site extractor is misconfigured (bad selector, duplicate registration)."""


class UseGeneric(ExtractionError):  # noqa: N818  (a signal, named like web-poet's UseFallback)
    """Raised by a site extractor that cannot handle a page.

    ``extract()`` catches it and runs the generic extractor instead; the message
    says why, and is logged at debug level.
    """
