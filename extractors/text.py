"""All text cleanup, in one place, built on ftfy.

Every string that leaves the package (title, body paragraphs, authors, ...) goes
through :func:`clean`, so a fix made here holds for every field and extractor.
Right-to-left text is never reordered: Unicode text is stored in logical order,
and nothing here touches bidi controls or joiners.
"""

from __future__ import annotations

import re

import ftfy

from extractors.limits import checkpoint

__all__ = [
    "CONTROLS",
    "FTFY_CONFIG",
    "PRE_CONTROLS",
    "clean",
    "clean_preformatted",
    "collapse",
    "is_clean",
    "join_paragraphs",
    "letters",
]

#: The one ftfy configuration of the project. Options left out keep ftfy's default.
FTFY_CONFIG = ftfy.TextFixerConfig(
    # Keep the page's own typography: « », „ “ and the Arabic “ ” are part of the
    # text (and of hand-written expectations); straight quotes would change meaning
    # for nobody and make the body differ from the page.
    uncurl_quotes=False,
    # Fullwidth forms are ordinary text in Chinese and Japanese articles.
    fix_character_width=False,
    # Lines are joined by this module; ftfy need not touch line breaks.
    fix_line_breaks=False,
    # We never read ftfy's explanation; skipping it saves time on every string.
    explain=False,
)

# Control characters (C0 and C1) have no place in a body. ftfy removes most of
# them, but not the five C1 codes Windows-1252 leaves undefined ("\x81", "\x9d"),
# nor any in a string it had no reason to look at ("a&#1;b"). The Article's bodies
# lose them at the boundary (extractors.api, extractors.render), whatever the
# extractor did; the line feed stays (it separates paragraphs), and in
# preformatted text the tab too.
CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
PRE_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Invisible characters that carry no meaning in extracted text. ZERO WIDTH
# (NON-)JOINER and the bidi marks are NOT here: Persian, Indic scripts and mixed
# right-to-left text need them.
_INVISIBLE = re.compile("[\N{ZERO WIDTH SPACE}\N{SOFT HYPHEN}\N{ZERO WIDTH NO-BREAK SPACE}]")

# ftfy takes milliseconds per kilobyte, even on clean text, so it runs only where
# a cheap check sees a sign of something it repairs: a UTF-8 lead byte read as
# Latin-1/Windows-1252 followed by a continuation-byte character ("Ã©", "â€™",
# "Ð¿"), a C1 control, an HTML entity, a ligature, a terminal escape, or a
# replacement character. Clean text in any script (accented Latin, Arabic, CJK)
# has none of these and skips ftfy.
#
# The pattern opens with one class of every sign's first character, and then tells
# the signs apart by looking back at it: a pattern that opens with a class lets
# the regex engine skip from one possible character to the next, where an
# alternation of six tries each at every position.
_NEEDS_FTFY = re.compile(
    "[\u0080-\u00f4&\ufb00-\ufb06\x1b\N{REPLACEMENT CHARACTER}]"
    "(?:(?<=[\u00c2-\u00f4])"  # a UTF-8 lead byte read as Latin-1, and a continuation
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
    "|(?<=[\u0080-\u009f\ufb00-\ufb06\x1b\N{REPLACEMENT CHARACTER}])"  # C1, ligature, ESC, U+FFFD
    "|(?<=&)#?\\w+;)"  # an HTML entity
)


def collapse(text: str) -> str:
    """Fold every whitespace run to one space and strip both ends.

    >>> collapse("  Lees\\u00a0ook:\\n  meer\\u200b ")
    'Lees ook: meer'
    """
    # str.split() splits on every Unicode space (no-break, ideographic, line and
    # paragraph separators included) in C, where a regex would run in its engine.
    # _INVISIBLE's characters, looked for with str scans: faster than the regex
    # when there are none, and than any() over a string of them.
    if (
        "\N{ZERO WIDTH SPACE}" in text
        or "\N{SOFT HYPHEN}" in text
        or "\N{ZERO WIDTH NO-BREAK SPACE}" in text
    ):
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())


def clean(text: str | None) -> str:
    """Repair mojibake and entities with ftfy, then collapse whitespace.

    >>> clean("Caf\\u00c3\\u00a9 &amp; th\\u00e9")
    'Café & thé'
    >>> clean("في ماي المقبل..  “داعش”")
    'في ماي المقبل.. “داعش”'
    >>> clean(None)
    ''
    """
    if not text:
        return ""
    if _NEEDS_FTFY.search(text):
        # ftfy takes milliseconds a kilobyte: megabytes of mojibake must not
        # outlast the extraction's deadline.
        checkpoint("repairing text")
        text = ftfy.fix_text(text, FTFY_CONFIG)
    return collapse(text)


def is_clean(text: str) -> bool:
    """Whether :func:`clean` leaves ``text`` as it is, provided its whitespace is
    already folded (one space between words, none at the ends).

    One check for many strings at once: join them with a line break and ask
    about the whole, where :func:`clean` on each would scan each twice.

    >>> is_clean("Café thé"), is_clean("Caf\u00c3\u00a9"), is_clean("a\u00adb")
    (True, False, False)
    """
    if text.isascii():
        # Of what the repairs look for, ASCII holds only an entity's "&" and the
        # escape character: a quick search for each spares the pattern, which
        # takes a step of the regex engine per character.
        return not (("&" in text or "\x1b" in text) and _NEEDS_FTFY.search(text))
    return not (
        _NEEDS_FTFY.search(text)
        or "\N{ZERO WIDTH SPACE}" in text
        or "\N{SOFT HYPHEN}" in text
        or "\N{ZERO WIDTH NO-BREAK SPACE}" in text
    )


def clean_preformatted(text: str | None) -> str:
    """Repair like :func:`clean`, keeping line breaks and indentation (the text of a
    ``<pre>``): only line ends lose their spaces, and blank lines at both ends go.

    >>> clean_preformatted("\\n  if x:\\r\\n      y = 1   \\n\\n")
    '  if x:\\n      y = 1'
    """
    if not text:
        return ""
    if _NEEDS_FTFY.search(text):
        checkpoint("repairing text")
        text = ftfy.fix_text(text, FTFY_CONFIG)
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def join_paragraphs(paragraphs: list[str]) -> str:
    """Join cleaned paragraphs into a body: one blank line between paragraphs.

    >>> join_paragraphs(["One.", "Two."])
    'One.\\n\\nTwo.'
    """
    return "\n\n".join(paragraphs)


def letters(text: str) -> str:
    """The letters and digits of ``text``, case folded: what two spellings of one
    headline share ("..." and "…", straight and curly quotes, spacing).

    >>> letters("Quem planta em maio…") == letters("QUEM PLANTA EM MAIO...")
    True
    """
    return "".join(ch for ch in text.casefold() if ch.isalnum())
