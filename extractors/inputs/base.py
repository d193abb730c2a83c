"""What an input yields: a page to extract, or something skipped with its reason."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import Message

from extractors.limits import DEFAULT_LIMITS

__all__ = ["ERRORS", "HTML_TYPES", "MAX_BYTES", "InputPage", "Skipped", "charset", "is_html"]

MAX_BYTES = DEFAULT_LIMITS.max_bytes
"""The most bytes read of one page: what :func:`extractors.extract` would refuse
as ``too-large`` is not read past this, so a huge file or record costs nothing."""

HTML_TYPES = ("text/html", "application/xhtml+xml")
# A body that starts like this is HTML when it comes with no media type, or one that
# says nothing (misconfigured servers send pages as text/plain); the crawler's
# article spider has the same rule.
HTML_START = (b"<!doctype html", b"<html")
VAGUE_TYPES = ("", "text/plain", "application/octet-stream")

ERRORS = frozenset({"unreadable", "truncated", "no-pages"})
"""Reasons that mean an input itself is missing or broken, not one of its records:
``newsclean extract`` reports them as errors and exits with status 1."""


@dataclass(frozen=True, slots=True)
class InputPage:
    """One page to extract, with what its source says of it."""

    source: str
    """Where it came from, for messages: a path, ``-``, or ``<warc>@<offset>``."""
    body: bytes
    """The page as served (at most :data:`MAX_BYTES`)."""
    url: str | None
    """Its URL: the WARC record's target URI, the fixture's ``meta.json``, ``--url``,
    or the file's ``file://`` URI."""
    encoding: str | None = None
    """The charset of its HTTP ``Content-Type`` header, when known."""
    fetched: str | None = None
    """When it was fetched (``2022-04-21T15:40:05Z``): a WARC record's ``WARC-Date``."""
    http_status: int | None = None
    """The HTTP status of a WARC response record."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input, or a record of one, that gives no page: ``reason`` says why."""

    source: str
    reason: str
    """``not-html``, ``http-404``, ``revisit``, ``not-http``, ``too-large``,
    ``content-encoding``; or, for a broken input, one of :data:`ERRORS`."""
    detail: str = ""

    @property
    def error(self) -> bool:
        """Whether the input itself is missing or broken (:data:`ERRORS`)."""
        return self.reason in ERRORS


def charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type value (the standard library's parser).

    >>> charset('text/html; charset="ISO-8859-1"'), charset("text/html"), charset(None)
    ('iso-8859-1', None, None)
    """
    if not content_type:
        return None
    message = Message()
    message["Content-Type"] = content_type
    return message.get_content_charset()


def is_html(content_type: str | None, body: bytes) -> bool:
    """Whether a body is an HTML page: by its media type, else by how it starts.

    >>> is_html("text/html; charset=utf-8", b""), is_html(None, b"  <!DOCTYPE html>")
    (True, True)
    >>> is_html("text/plain", b"<html>"), is_html("image/png", b"<html>")
    (True, False)
    """
    media = (content_type or "").split(";")[0].strip().lower()
    if media in HTML_TYPES:
        return True
    return media in VAGUE_TYPES and body.lstrip()[:14].lower().startswith(HTML_START)
