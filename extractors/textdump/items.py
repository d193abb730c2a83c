"""Lines that head an item of a list: a reader's comment, a dated teaser.

Below an article, a page lists other things, each item a short line or two and
a paragraph: readers' comments ("theprocess12 says:", then the comment) and
teasers of other articles (a headline, "32M ago", a summary). Their paragraphs
read as prose, and the short lines between them cost little as gaps, so
without these rules the list joins the article (or, when longer, takes its
place). A comment's author line is a comments heading: the article does not go
on after it. A dated line (a relative time, a date stamp, a byline) between two
paragraphs dates the next item of a list, as an article's own date and byline
stand above its body, not inside it.

>>> is_comment_author("theprocess12 says:"), is_relative_time("2 days ago at 07:47 am")
(True, True)
"""

from __future__ import annotations

import re

from extractors.caseless import Caseless

__all__ = [
    "ITEM_MAX_CHARS",
    "MIN_COMMENT_AUTHORS",
    "RELATIVE_TIME",
    "is_comment_author",
    "is_relative_time",
]

# Both kinds of line are short: a name and a verb, a number and a unit. The
# longest author lines of the development corpora ("Catherine (GiveWell) on
# September 19, 2018 at 12:48 pm said:") have 60 characters.
ITEM_MAX_CHARS = 80
# A page with this many author lines has a comment list; an article may hold
# one such line, opening a quotation.
MIN_COMMENT_AUTHORS = 2
# "<name> says:", "<name> on <date> said:" and their kin: the author line that
# blog software (WordPress's default theme among them) prints above a comment,
# in the project's languages. It ends with the verb and a colon. Verbs of
# writing are left out: a blog post quotes its readers so ("Makali wrote:").
_COMMENT_AUTHOR = re.compile(
    r"\S\s+(?:says|said|replied|sagt|sagte|antwortete|dice|dijo|diz|disse|dit|a dit|zegt"
    r"|zei|dice|ha detto|mówi|powiedział|powiedziała|говорит|сказал|сказала|قال)\s*:$",
    re.IGNORECASE,
)
# "32M ago", "2 days ago at 07:47 am", "hace 2 horas", "il y a 3 heures", "vor 2
# Stunden", "2 uur geleden", "3 ore fa", "há 2 dias", "5 минут назад", "منذ ساعتين":
# the age of a teaser or a comment, which an article's own text never states
# on a line by itself. A few words may follow ("at 07:47 am"); a sentence
# ("5 years ago the company ...") is longer.
# Matched as :class:`~extractors.caseless.Caseless` does (an ASCII line, most of
# them, lower-cased, by the pattern compiled with case: about 60 % of the cost
# of re.IGNORECASE), so that :mod:`~extractors.textdump.rules` can join it to its
# own patterns.
RELATIVE_TIME = Caseless(
    r"^\W*(?:(?:about|ca\.?|vor|hace|há|il y a|منذ)\s+)?\d+\s*\w{0,12}\.?\s*"
    r"(?:ago|geleden|fa|назад|atrás|前)(?:\s+\S+){0,3}\W*$"
    r"|^\W*(?:hace|há|il y a|vor|منذ)\s+(?:\d+|un|une|una|um|uma|einem|einer)\s+\w+\W*$"
)
"""The age of an item on a line by itself (:func:`is_relative_time`)."""


def is_comment_author(text: str) -> bool:
    """Whether ``text`` reads as a comment's author line; one such line may also
    open a quotation in an article ("The minister said:"), so the judgement
    counts them only when a page has several (:data:`MIN_COMMENT_AUTHORS`).

    >>> is_comment_author("Catherine (GiveWell) on September 19, 2018 at 12:48 pm said:")
    True
    >>> is_comment_author("Il a dit : « Non. »"), is_comment_author("Home")
    (False, False)
    """
    return (
        len(text) <= ITEM_MAX_CHARS
        and text.endswith(":")
        and _COMMENT_AUTHOR.search(text) is not None
    )


def is_relative_time(text: str, lowered: str | None = None) -> bool:
    """Whether ``text`` is the age of an item on a line by itself; ``lowered`` is
    ``text.lower()`` when the caller has it already.

    >>> is_relative_time("hace 3 horas"), is_relative_time("vor 2 Stunden")
    (True, True)
    >>> is_relative_time("5 years ago the company was founded in Lyon.")
    False
    """
    # match(), not search(): each alternative is anchored at the start, and
    # search() would try it at every position (0.86 -> 0.58 µs a call).
    return len(text) <= ITEM_MAX_CHARS and RELATIVE_TIME.match(text, lowered) is not None
