"""Deterministic filler text for generated article pages.

Generated articles must not look alike to the near-duplicate detector (MinHash
over word shingles), so sentences are drawn word by word from a few hundred
words with a seeded random generator: two pages share almost no 5-word
shingles unless they were made from the same seed.

>>> Lorem(1).sentence() == Lorem(1).sentence()
True
"""

from __future__ import annotations

import random

__all__ = ["Lorem"]

_WORDS = """
minister government council city region harbour railway station farmers market
budget parliament election mayor court judge police report researchers university
hospital doctors patients teachers students school water drought rain storm coast
road bridge tunnel airport flights tourism hotels season festival music theatre
museum exhibition football club stadium coach players league cup final season
company workers union strike wages prices inflation energy solar wind gas oil
export import trade agreement talks delegation embassy visit summit coalition
security army border migrants refugees housing rents tenants landlords plan
project construction permit neighbourhood residents protest petition committee
inquiry audit figures statistics survey percent million thousand week month year
morning evening night spokesperson statement interview press conference decision
vote majority opposition party leader candidate campaign debate reform law bill
tax subsidy grant fund bank loan interest rate credit debt growth economy crisis
recovery forecast analysts experts warning risk safety health vaccine clinic
children families parents elderly care service network internet mobile data
privacy platform app software startup investors shares market exchange record
quarter profit loss revenue sales customers shops centre village province capital
north south east west coastal mountain desert valley river lake forest park
heritage mosque church library archive newspaper journalists broadcast channel
film director actor author book prize award ceremony anniversary celebration
""".split()

_CONNECTORS = (
    "and",
    "but",
    "while",
    "after",
    "before",
    "because",
    "although",
    "as",
    "since",
    "when",
    "where",
    "so",
    "yet",
    "then",
    "also",
    "still",
)
_VERBS = (
    "announced",
    "said",
    "confirmed",
    "warned",
    "expects",
    "approved",
    "rejected",
    "proposed",
    "reported",
    "opened",
    "closed",
    "visited",
    "signed",
    "discussed",
    "criticised",
    "welcomed",
    "postponed",
    "launched",
    "reviewed",
    "doubled",
)


class Lorem:
    """Seeded generator of sentences, paragraphs and headlines."""

    def __init__(self, seed: int | str) -> None:
        self._rng = random.Random(seed)

    def words(self, n: int) -> list[str]:
        """``n`` random words from the bank."""
        return self._rng.choices(_WORDS, k=n)

    def sentence(self) -> str:
        """One sentence of 10 to 22 words, subject-verb-object with a clause."""
        rng = self._rng
        head = " ".join(self.words(rng.randint(2, 5)))
        tail = " ".join(self.words(rng.randint(4, 10)))
        clause = " ".join(self.words(rng.randint(3, 6)))
        return (
            f"The {head} {rng.choice(_VERBS)} {rng.randint(2, 990)} {tail}"
            f" {rng.choice(_CONNECTORS)} the {clause}."
        )

    def paragraph(self) -> str:
        """Three to six sentences."""
        return " ".join(self.sentence() for _ in range(self._rng.randint(3, 6)))

    def paragraphs(self, low: int = 4, high: int = 9) -> list[str]:
        """Between ``low`` and ``high`` paragraphs."""
        return [self.paragraph() for _ in range(self._rng.randint(low, high))]

    def headline(self) -> str:
        """A capitalised headline of five to nine words."""
        words = self.words(self._rng.randint(4, 8))
        return f"{words[0].capitalize()} {self._rng.choice(_VERBS)} {' '.join(words[1:])}"

    def randint(self, low: int, high: int) -> int:
        """A random integer in [low, high], from the same seeded generator."""
        return self._rng.randint(low, high)
