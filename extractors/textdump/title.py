"""The headline and the date line of a dump, found beside the article's text.

A dump keeps the headline as one more line, near the top of the article: the
last headline-shaped line before the body that the body talks about (most of
its words come back in the article), often printed twice (a breadcrumb ends
with it, a caption starts with it). The article's date line stands next to it
or just above the body: "Publié dans Maroc Diplomatique le 20 - 04 - 2022".
Dates elsewhere (the site's "today" in its header, a ticker's) are not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from extractors.metadata import ParsedDate, find_date
from extractors.textdump.features import headline_like
from extractors.textdump.lines import Line

__all__ = ["Vocabulary", "content_words", "find_published", "find_title"]

# Words this short are mostly grammar ("the", "van", "في"); names and topics
# are longer. Unspaced scripts are read as pairs of characters instead.
CONTENT_WORD_MIN_CHARS = 4
# The words of that length, found by the regex engine: one C call where a length
# test in Python ran for every word of the line.
_CONTENT_WORD = re.compile(rf"\w{{{CONTENT_WORD_MIN_CHARS},}}")
_UNSPACED_RUN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}")

# A headline is followed by its article within this many lines, counting the
# date, byline, label and credit lines between them.
TITLE_LOOKAHEAD = 4
# Kinds of line that may stand between a headline and its first paragraph.
BETWEEN_TITLE_AND_BODY = frozenset(
    {"date-line", "published-line", "byline", "credit", "label", "repeats-title"}
)
# Share of a headline's content words that its article repeats: "Antony Blinken
# attendu au Maroc pour réunion de la coalition anti-Daech" has all of its own
# in the article; a teaser's title or a widget's line ("Merci d'avoir
# signalé!") has few. Printed twice (a breadcrumb or caption repeats it), a
# line needs less.
TITLE_MIN_OVERLAP = 0.5
ECHOED_TITLE_MIN_OVERLAP = 0.34
TITLE_MIN_SHARED = 2
# Headlines are shorter than a paragraph's sentences; the few that end with a
# period ("Marokko – Anti-Daech (ISIS) Koalition kommt zu Abstimmungen in
# Marokko zusammen.") shorter still.
TITLE_MAX_WORDS = 20
TITLE_MAX_WORDS_WITH_PERIOD = 12
# A headline is looked for this many lines above the article's first line.
TITLE_SEARCH_LINES = 30
# Date lines are looked for within this many lines of the headline, or above
# the body's first line when no headline was found.
DATE_SEARCH_LINES = 3
DATE_LINE_MAX_WORDS = 16


def content_words(text: str) -> set[str]:
    """The words of ``text`` that carry its topic, lower-cased.

    >>> sorted(content_words("Blinken in Rabat: de coalitie komt"))
    ['blinken', 'coalitie', 'komt', 'rabat']
    >>> sorted(content_words("联合国大会"))
    ['合国', '国大', '大会', '联合']
    """
    return {w for w in _words(text) if not w.isdigit()}


def _words(text: str) -> set[str]:
    """:func:`content_words`, numbers included."""
    words = set(_CONTENT_WORD.findall(text.lower()))
    runs = None if text.isascii() else _UNSPACED_RUN.findall(text)
    if runs:
        words = {w for w in words if not _UNSPACED_RUN.search(w)}
        for run in runs:
            words.update(run[i : i + 2] for i in range(len(run) - 1))
    return words


class Vocabulary:
    """Some lines of the article (its first prose lines), in which a headline's
    words are looked up.

    Only the few words of a candidate headline are looked for, in the lines'
    text: cutting every line into its words (the regex engine reading every
    character of a few dozen paragraphs) cost more than the rest of the
    headline search.

    >>> from extractors.textdump.lines import split_lines
    >>> lines = split_lines("Blinken in Rabat\\nBlinken lands in Rabat.\\nHe meets Bourita.")
    >>> Vocabulary(lines, [1, 2]).shared(content_words(lines[0].text), 0)
    2
    >>> Vocabulary(lines, [1, 2]).shared(content_words(lines[1].text), 1)
    0
    """

    __slots__ = ("_indexes", "_lower", "_text")

    def __init__(self, lines: Sequence[Line], indexes: Sequence[int]) -> None:
        self._indexes = tuple(indexes)
        # Lower-cased as content_words() reads a line, each line by itself (a
        # line break is neither cased nor ignored by case rules, so that is the
        # lower-cased whole); a line break between lines is no word character,
        # so no word runs from one into the next.
        self._lower = [lines[i].text.lower() for i in self._indexes]
        self._text = "\n".join(self._lower)

    def shared(self, words: set[str], index: int) -> int:
        """How many of ``words`` (line ``index``'s :func:`content_words`) a line
        other than ``index`` holds among its own content words."""
        text = self._text
        if index in self._indexes:
            text = "\n".join(
                low for i, low in zip(self._indexes, self._lower, strict=True) if i != index
            )
        return sum(1 for word in words if _holds(text, word))


def _holds(text: str, word: str) -> bool:
    """Whether a line of ``text`` has ``word`` among its content words: as a whole
    word (no word character on either side, as ``\\w{4,}`` finds it), or, for the
    pairs of characters of an unspaced script, anywhere.

    >>> _holds("in rabat.\\nrabats", "rabat"), _holds("marrabat", "rabat")
    (True, False)
    >>> _holds("联合国", "合国")
    True
    """
    if len(word) < CONTENT_WORD_MIN_CHARS:
        return word in text  # a pair of unspaced characters: always inside a run
    size = len(word)
    start = text.find(word)
    while start >= 0:
        end = start + size
        if not (start and _word_char(text[start - 1])) and not (
            end < len(text) and _word_char(text[end])
        ):
            return True
        start = text.find(word, start + 1)
    return False


def _word_char(ch: str) -> bool:
    """What the regex engine's ``\\w`` matches in a str."""
    return ch.isalnum() or ch == "_"


def find_title(
    lines: Sequence[Line],
    kinds: tuple[Callable[[int], str | None], Callable[[int], str | None]],
    prose: Sequence[float],
    span: tuple[int, int],
    vocabulary: Callable[[], Vocabulary],
    echoes: Mapping[int, int],
) -> int | None:
    """Index of the headline of the article, or None.

    The earliest headline-shaped line between TITLE_SEARCH_LINES above the
    article's first line and ``span[1]`` (the second line of its first long
    run of prose: a headline further down is a subheading), followed by prose
    within TITLE_LOOKAHEAD lines, whose words the article repeats
    (``vocabulary()``: the words of the article's prose, asked for once a
    line qualifies; the line's own words do not count for it). ``kinds`` gives
    line ``i``'s furniture kind by every rule, and by those that name the lines
    between a headline and its body (of the lines after a candidate, only these
    are asked); ``echoes`` maps lines that repeat another with more
    (breadcrumbs, captions: never the headline) to the line they repeat.
    """
    kind, lead_kind = kinds
    first, stop = span
    echoed = set(echoes.values())
    window = (max(0, first - TITLE_SEARCH_LINES), min(stop, len(lines) - 1) + 1)
    for index, body in _before_prose(prose, window):
        line = lines[index]
        if index in echoes or not _title_shaped(line):
            continue
        # Between the headline and its body, only dates, bylines and the like.
        # The rules (microseconds a line) are asked of these lines alone.
        if not all(lead_kind(after) in BETWEEN_TITLE_AND_BODY for after in range(index + 1, body)):
            continue
        if kind(index) is not None:
            continue
        words = content_words(line.text)
        shared = vocabulary().shared(words, index)
        needed = ECHOED_TITLE_MIN_OVERLAP if index in echoed else TITLE_MIN_OVERLAP
        if words and shared >= min(TITLE_MIN_SHARED, len(words)) and shared >= needed * len(words):
            return index
    return None


def _title_shaped(line: Line) -> bool:
    """A headline: a few words; a period at its end only after a dozen words at most
    (a longer line that ends so is a paragraph's sentence)."""
    if line.words > TITLE_MAX_WORDS or not headline_like(line):
        return False
    return line.words <= TITLE_MAX_WORDS_WITH_PERIOD or line.last != "."


def _before_prose(prose: Sequence[float], window: tuple[int, int]) -> list[tuple[int, int]]:
    """(line, body) for each line of ``window`` (a range) that has a prose line
    within TITLE_LOOKAHEAD lines below it, ``body`` the nearest: the only lines
    that can head the article, in order. The lines of a menu or a teaser list,
    far from prose, are not looked at.

    >>> _before_prose([0, 0, 0, 0, 0, 0, 1, 0, 1], (0, 8))
    [(2, 6), (3, 6), (4, 6), (5, 6), (6, 8), (7, 8)]
    """
    start, end = window
    found: list[tuple[int, int]] = []
    previous = start
    for body in range(start + 1, min(len(prose), end + TITLE_LOOKAHEAD)):
        if prose[body] > 0:
            found.extend(
                (index, body)
                for index in range(max(previous, body - TITLE_LOOKAHEAD), min(body, end))
            )
            previous = body
    return found


def find_published(
    lines: Sequence[Line],
    kinds: Sequence[str | None],
    title: int | None,
    body_start: int,
    language: str | None,
) -> ParsedDate | None:
    """The article's date from a date line beside its headline or above its body."""
    if title is not None:
        above = [title - 1] if title > 0 else []
        candidates = [*above, *range(title + 1, max(title + 1, body_start))]
        candidates = candidates[: DATE_SEARCH_LINES + 1]
    else:
        candidates = list(range(max(0, body_start - DATE_SEARCH_LINES), body_start))[::-1]
    for index in candidates:
        line = lines[index]
        if line.words > DATE_LINE_MAX_WORDS or kinds[index] not in (
            "date-line",
            "published-line",
            "byline",
            None,
        ):
            continue
        if not any(ch.isdigit() for ch in line.text):
            continue
        found = find_date(line.text, language)
        if found is not None:
            return found
    return None
