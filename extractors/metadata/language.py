"""The language of a page (py3langid): guessed where the page declares none, and
checked against its text where it declares one."""

from __future__ import annotations

import py3langid

__all__ = ["detect_language", "page_language"]

# Fewer letters than this give py3langid too little to go on: a headline alone
# is often misread (names, numbers), so we answer None rather than guess.
MIN_DETECT_CHARS = 20
# Detection reads at most this much text: a few paragraphs decide it, and the
# cost grows with length.
MAX_DETECT_CHARS = 1000
# A declared language gives way to the text's only when py3langid finds the text
# likelier in another by more than this, in nats a character of the sample.
# Related languages stand closer (Norwegian and Danish 0.4, Croatian and Serbian
# 0.3, Spanish and Galician or Portuguese 0.4 to 0.6, on hand-written and
# newspaper4k samples); unrelated ones farther (German text declared English, on
# two AEB pages: 1.1 and 1.4; English declared German, two more: 1.2 and 1.4;
# another script: 2 and over). Of the other development pages, only three of RTP's
# lorem-ipsum test pages read likelier in Latin than in their declared English
# (0.7, 0.7 and 1.2 on their first 1,000 characters; over 1 on their first 400,
# MAX_CHECK_CHARS: all three read as Latin).
MISDECLARED_NATS_PER_CHAR = 1.0
# A text this short may read as another language for its names and numbers.
MIN_CHECK_CHARS = 200
# The check reads at most this much of the body: a misdeclared page's margin per
# character is as wide on a few sentences as on a few paragraphs, and py3langid's
# ranking of every language costs by the character (0.26 ms a page at 1,000).
MAX_CHECK_CHARS = 400


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text.

    >>> detect_language("Le secrétaire d'Etat américain est attendu au Maroc.")
    'fr'
    >>> detect_language("Oui") is None
    True
    """
    sample = text[:MAX_DETECT_CHARS]
    if not _has_letters(sample, MIN_DETECT_CHARS):
        return None
    code, _score = py3langid.classify(sample)
    return str(code)


def page_language(declared: str | None, text: str) -> str | None:
    """The page's language: the ``declared`` ISO 639-1 code, unless ``text`` (its
    body) is surely in another language (``MISDECLARED_NATS_PER_CHAR``), then that
    one; the detected one when none is declared."""
    if declared is None:
        return detect_language(text)
    sample = text[:MAX_CHECK_CHARS]
    if not _has_letters(sample, MIN_CHECK_CHARS):
        return declared
    scores = dict(py3langid.rank(sample))
    if declared not in scores:
        return declared  # a language py3langid does not know: nothing to weigh
    likeliest = max(scores, key=scores.__getitem__)
    if scores[likeliest] - scores[declared] > MISDECLARED_NATS_PER_CHAR * len(sample):
        return str(likeliest)
    return declared


def _has_letters(text: str, enough: int) -> bool:
    """Whether ``text`` holds at least ``enough`` letters; stops once it has seen
    them, where a count would read the whole sample.

    >>> _has_letters("a1b2c3", 3), _has_letters("a1b2c3", 4)
    (True, False)
    """
    letters = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if letters >= enough:
                return True
    return False
