"""Language detection for pages that do not declare their language (py3langid)."""

from __future__ import annotations

import py3langid

__all__ = ["detect_language"]

# Fewer letters than this give py3langid too little to go on: a headline alone
# is often misread (names, numbers), so we answer None rather than guess.
MIN_DETECT_CHARS = 20
# Detection reads at most this much text: a few paragraphs decide it, and the
# cost grows with length.
MAX_DETECT_CHARS = 1000


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
