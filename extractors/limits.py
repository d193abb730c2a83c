"""How much work one :func:`extractors.extract` call may do, and what happens past it.

A library cannot stop a thread or set an alarm in its caller's process, and
libxml2 cannot be interrupted once it parses. So time and memory are bounded by
bounding the work: every input is measured before it is parsed, and one past a
bound gives an Article with an empty body and the reason ``"too-large"``.

=========================  ====================  =====================================
Bound                      Default               Past it
=========================  ====================  =====================================
input size                 16 MiB (as UTF-8)     ``"too-large"``, before decoding
                                                 (a gzip body: before inflating more)
elements (start tags)      50,000                ``"too-large"``, before parsing
attribute comparisons      1,000,000             ``"too-large"``, before parsing
nesting depth              256 (libxml2's)       parsing stops there; the article
                                                 before it is kept, else ``"too-large"``
one text or attribute      10,000,000 bytes      as for nesting depth
                           (libxml2's)
time                       10 s                  ``"timeout"``, checked between steps
=========================  ====================  =====================================

Why these numbers: the largest page of the article-extraction benchmark (181 news
pages) has 1,737 start tags and needs 2,039 attribute comparisons; 50,000
elements is thirty times that and far past any article page. libxml2 compares
each attribute of a tag with those before it: a tag of ``k`` attributes costs
``k (k - 1) / 2`` comparisons, about 5 ns each, so 1,000,000 is 5 ms (one tag of
1,400 attributes); 80,000 attributes in one 700 KB tag took 15 s. Both are
counted by :mod:`extractors.page.markup` before libxml2 runs.

The deadline is checked before each stage (metadata, body, the generic extractor
after a site extractor hands over) and before each call of the two slow
libraries, dateparser and ftfy; other steps that have started run to their end,
so the caps above are what bound them. Extractor loops can check it too, with
:func:`checkpoint`.

What the slowest inputs within the limits cost, measured, is in the README
("Limits"), with the command that measures them again.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from extractors.exceptions import InputError

__all__ = ["DEFAULT_LIMITS", "Deadline", "Limits", "OutOfTime", "checkpoint", "deadline"]

MAX_INPUT_BYTES = 16 * 1024 * 1024
MAX_ELEMENTS = 50_000
MAX_ATTRIBUTE_PAIRS = 1_000_000
MAX_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one extraction; pass ``extract(..., limits=Limits(...))`` to change them.

    >>> Limits(max_seconds=2.5).max_elements
    50000
    """

    max_bytes: int = MAX_INPUT_BYTES
    """Largest input, in bytes (a ``str`` is measured as UTF-8)."""

    max_elements: int = MAX_ELEMENTS
    """Most start tags (elements) a page may have."""

    max_attribute_pairs: int = MAX_ATTRIBUTE_PAIRS
    """Most attribute comparisons libxml2 may need (``k (k - 1) / 2`` per tag)."""

    max_seconds: float | None = MAX_SECONDS
    """Deadline, checked before each stage; None for none."""

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_elements", "max_attribute_pairs"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise InputError(f"Limits.{name} must be a positive int, not {value!r}")
        seconds = self.max_seconds
        if seconds is not None and (
            not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds < 0
        ):
            raise InputError(
                f"Limits.max_seconds must be a number of seconds >= 0 or None, not {seconds!r}"
            )


DEFAULT_LIMITS = Limits()


class OutOfTime(Exception):  # noqa: N818  (internal signal, never leaves the package)
    """The deadline passed before a stage could start."""


class Deadline:
    """A point in time after which no new stage of an extraction starts.

    >>> Deadline(None).check("parsing")  # no deadline: never out of time
    >>> Deadline(0).expired()
    True
    """

    __slots__ = ("_end", "_seconds")

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds
        self._end = None if seconds is None else time.monotonic() + seconds

    def expired(self) -> bool:
        """Whether the deadline has passed."""
        return self._end is not None and time.monotonic() >= self._end

    def check(self, stage: str) -> None:
        """Raise :class:`OutOfTime` if the deadline has passed before ``stage``."""
        if self.expired():
            raise OutOfTime(f"{self._seconds} s passed before {stage}")


# The deadline of the extraction running in this thread or task: loops deep in the
# extractors check it with checkpoint() instead of passing it down every call.
_CURRENT: ContextVar[Deadline | None] = ContextVar("extractors_deadline", default=None)


@contextmanager
def deadline(seconds: float | None) -> Iterator[Deadline]:
    """Make a deadline ``seconds`` from now the current one, for :func:`checkpoint`."""
    current = Deadline(seconds)
    token = _CURRENT.set(current)
    try:
        yield current
    finally:
        _CURRENT.reset(token)


def checkpoint(stage: str) -> None:
    """Raise :class:`OutOfTime` if the current extraction's deadline has passed.

    Cheap (one clock read): call it before each costly step of a loop that can
    run long, such as once per paragraph. Outside an extraction it does nothing.

    >>> checkpoint("anything")
    >>> with deadline(0):
    ...     checkpoint("scoring")
    Traceback (most recent call last):
    extractors.limits.OutOfTime: 0 s passed before scoring
    """
    current = _CURRENT.get()
    if current is not None:
        current.check(stage)
