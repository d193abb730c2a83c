"""Which renderings of the body an extraction makes: :class:`Formats`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from extractors.exceptions import InputError
from extractors.generic.markup import Keep

__all__ = ["BODY_FIELDS", "FORMAT_NAMES", "TEXT", "Formats", "unwritten"]

FORMAT_NAMES = ("text", "html", "markdown")
"""The body's formats by name, as ``--format`` and ``NEWSCLEAN_BODY_FORMATS`` spell them."""

BODY_FIELDS = {"text": "body", "html": "body_html", "markdown": "body_markdown"}
"""The Article field that holds each format."""


@dataclass(frozen=True, slots=True)
class Formats:
    """The renderings of the body :func:`extractors.extract` makes besides the plain
    text, which it always makes (``Article.body``). Each costs time: the plain path
    does none of their work (README, "The body as HTML and Markdown").

    >>> Formats.named(["text", "markdown"])
    Formats(html=False, markdown=True, figures=False)
    """

    html: bool = False
    """``Article.body_html``: the body as semantic HTML."""
    markdown: bool = False
    """``Article.body_markdown``: that HTML as Markdown."""
    figures: bool = False
    """Figures (``<figure>``, ``<img>`` with its ``src`` absolute, ``<figcaption>``) in
    the HTML and the Markdown; no effect on the plain text."""

    @classmethod
    def named(cls, names: Iterable[str], *, figures: bool = False) -> Formats:
        """The formats named (``text``, ``html``, ``markdown``); an unknown name raises
        :class:`~extractors.exceptions.InputError`."""
        wanted = {name.strip().lower() for name in names if name.strip()}
        unknown = sorted(wanted.difference(FORMAT_NAMES))
        if unknown:
            raise InputError(
                f"unknown body format {', '.join(map(repr, unknown))}; "
                f"use {', '.join(FORMAT_NAMES)}"
            )
        return cls(html="html" in wanted, markdown="markdown" in wanted, figures=figures)

    @property
    def structured(self) -> bool:
        """Whether the body is rendered with its structure at all."""
        return self.html or self.markdown

    def keep(self) -> Keep | None:
        """What the walk must keep for these formats; None for the plain text alone."""
        return Keep(figures=self.figures) if self.structured else None


def unwritten(names: Iterable[str]) -> frozenset[str]:
    """The Article's body fields an output that asks for the formats ``names`` leaves
    out (each written format is a field; the others are not written at all).

    >>> sorted(unwritten(["text", "markdown"]))
    ['body_html']
    """
    names = [name.strip().lower() for name in names]
    wanted = Formats.named(names)  # checks the names
    asked = {"text": "text" in names, "html": wanted.html, "markdown": wanted.markdown}
    return frozenset(BODY_FIELDS[name] for name, on in asked.items() if not on)


TEXT = Formats()
"""The plain text alone: the default."""
