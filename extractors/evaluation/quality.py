"""Body-quality metric: 4-gram shingle precision, recall and F1.

This is the metric published with the article-extraction-benchmark corpus, so
figures computed here compare with the ones other tools report on that corpus:
tokens are ``\\w+`` matches (Unicode), a text becomes the multiset of its
consecutive 4-token shingles (a text of fewer than 4 tokens is one shingle of
all its tokens), and each page weighs the same in the corpus means.

>>> s = score("one two three four five", "one two three four five")
>>> (s.precision, s.recall, s.f1)
(1.0, 1.0, 1.0)
>>> round(score("one two three four", "one two three four five six").recall, 3)
0.333
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["CorpusScore", "PageScore", "corpus_score", "score", "shingles"]

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4  # fixed by the benchmark's published metric


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of consecutive ``size``-token shingles of ``text``.

    >>> sorted(shingles("a b c d e"))
    [('a', 'b', 'c', 'd'), ('b', 'c', 'd', 'e')]
    >>> list(shingles("just two"))
    [('just', 'two')]
    >>> shingles("")
    Counter()
    """
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's shingle counts, normalized so that tp + fp + fn == 1."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted and nothing was expected."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp > 0 else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was predicted and nothing was expected."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn > 0 else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of this page's precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0


def score(predicted: str, expected: str) -> PageScore:
    """Compare a predicted body with the expected one."""
    pred, true = shingles(predicted), shingles(expected)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


@dataclass(frozen=True, slots=True)
class CorpusScore:
    """Corpus means as the benchmark publishes them."""

    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        """F1 of the two corpus means (not the mean of per-page F1)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0


def corpus_score(pages: Iterable[PageScore]) -> CorpusScore:
    """Average page scores the way the benchmark does.

    Precision is averaged over pages that predicted something (tp + fp > 0),
    recall over pages that expected something (tp + fn > 0); a page with
    fp == fn == 0 counts as 1.0 for both.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    count = 0
    for page in pages:
        count += 1
        exact = page.fp == 0 and page.fn == 0
        if exact or page.tp + page.fp > 0:
            precisions.append(page.precision)
        if exact or page.tp + page.fn > 0:
            recalls.append(page.recall)
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return CorpusScore(precision, recall, count)
