"""Where ours loses to a peer, page by page, and which paragraphs make the difference.

A page's *loss* is the best peer's F1 on it minus ours. For the pages that
lose most, :func:`paragraph_diff` names the expected paragraphs ours missed
and the paragraphs ours added that are not expected. A paragraph is one line
of the text; it counts as found in the other text when at least half of its
4-token shingles (:func:`extractors.evaluation.quality.shingles`, the metric's own) occur
there (as a multiset: a paragraph repeated where it is expected once is
reported); a paragraph of fewer than four tokens is looked up as one run of
tokens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from benchmarks.quality import PageResult
from extractors.evaluation.quality import shingles

__all__ = [
    "COLLAPSE_OURS_BELOW",
    "COLLAPSE_PEER",
    "COLLAPSE_PEER_FROM",
    "Loss",
    "biggest_losses",
    "collapses",
    "format_loss",
    "paragraph_diff",
    "shorten",
]

# Half of a paragraph's shingles found elsewhere: the paragraph is there, give
# or take the words a tool trims at its edges ("Advertisement", a byline fused in).
FOUND_SHARE = 0.5
# Lines printed per paragraph, and paragraphs per list: enough to see the kind
# of loss (a lede, a list, a table), short enough to read forty pages of it.
SHORTEN_CHARS = 120
PARAGRAPHS_SHOWN = 8
# Issue 12's target: no page where ours collapses while trafilatura gets it.
COLLAPSE_OURS_BELOW = 0.5
COLLAPSE_PEER_FROM = 0.9
COLLAPSE_PEER = "trafilatura"


@dataclass(frozen=True, slots=True)
class Loss:
    """One page where the best peer did better than ours (or ours alone, by F1)."""

    ours: PageResult
    peer: str | None
    """The peer with the highest F1 on this page; None when no peer ran."""
    peer_f1: float
    missed: tuple[str, ...]
    """Expected paragraphs ours did not find, in page order."""
    added: tuple[str, ...]
    """Paragraphs ours returned that are not in the expected body, in page order."""

    @property
    def loss(self) -> float:
        """The best peer's F1 minus ours (ours' shortfall from 1.0 when no peer ran)."""
        return self.peer_f1 - self.ours.score.f1


def shorten(text: str, limit: int = SHORTEN_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis.

    >>> shorten("a  b\\nc")
    'a b c'
    >>> shorten("x" * 200, 10)
    'xxxxxxxxx…'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def paragraph_diff(expected: str, predicted: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(expected paragraphs missing from ``predicted``, predicted ones not in ``expected``).

    >>> paragraph_diff("One two three four five.\\nSix seven eight nine ten.",
    ...                "One two three four five.\\nShare this story on Facebook now.")
    (('Six seven eight nine ten.',), ('Share this story on Facebook now.',))
    """
    return _absent(expected, predicted), _absent(predicted, expected)


def _absent(text: str, other: str) -> tuple[str, ...]:
    """The lines of ``text`` not found in ``other`` (see the module's rule).

    Shingles are matched as the metric counts them, as a multiset: each of
    ``other``'s shingles is used up by the first line that matches it, so a
    paragraph given twice where it is expected once is reported the second time.
    """
    budgets: dict[int, Counter[tuple[str, ...]]] = {}
    absent = []
    for line in text.splitlines():
        own = shingles(line)
        if not own:
            continue  # punctuation only: nothing the metric could miss
        size = len(next(iter(own)))
        budget = budgets.setdefault(size, shingles(other, size))
        found = 0
        for shingle, count in own.items():
            used = min(count, budget[shingle])
            budget[shingle] -= used
            found += used
        if found < FOUND_SHARE * sum(own.values()):
            absent.append(line.strip())
    return tuple(absent)


def biggest_losses(
    ours: Sequence[PageResult], peers: Mapping[str, Sequence[PageResult]], count: int
) -> list[Loss]:
    """The ``count`` pages with the biggest loss against the best peer, biggest first.

    Pages where no peer beats ours are left out; without any peer, the pages
    are ranked by ours' F1 alone (the lowest first). Ties go by page id.
    """
    losses = []
    for index, result in enumerate(ours):
        peer, peer_f1 = _best_peer(peers, index)
        if peer is not None and peer_f1 <= result.score.f1:
            continue
        losses.append((peer, peer_f1, result))
    losses.sort(key=lambda item: (item[2].score.f1 - item[1], item[2].page.id))
    return [_loss(result, peer, peer_f1) for peer, peer_f1, result in losses[:count]]


def _best_peer(peers: Mapping[str, Sequence[PageResult]], index: int) -> tuple[str | None, float]:
    """The name and F1 of the peer that did best on page ``index`` (1.0 when none ran)."""
    best: tuple[str | None, float] = (None, 1.0)
    for name, results in peers.items():
        f1 = results[index].score.f1
        if best[0] is None or f1 > best[1]:
            best = (name, f1)
    return best


def _loss(result: PageResult, peer: str | None, peer_f1: float) -> Loss:
    """A :class:`Loss` with its paragraph differences."""
    missed, added = paragraph_diff(result.page.expected, result.prediction)
    return Loss(result, peer, peer_f1, missed, added)


def collapses(
    ours: Sequence[PageResult], peer: Sequence[PageResult]
) -> list[tuple[PageResult, PageResult]]:
    """The pages where ours scores F1 < 0.5 while ``peer`` scores >= 0.9 (issue 12's target)."""
    return [
        (mine, theirs)
        for mine, theirs in zip(ours, peer, strict=True)
        if mine.score.f1 < COLLAPSE_OURS_BELOW and theirs.score.f1 >= COLLAPSE_PEER_FROM
    ]


def format_loss(loss: Loss) -> str:
    """A few lines about one page: the scores, then the paragraphs missed and added."""
    page, score = loss.ours.page, loss.ours.score
    peer = f"{loss.peer} F1 {loss.peer_f1:.3f}" if loss.peer else "no peer ran"
    lines = [
        f"{page.id}  {page.url}",
        f"  ours P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f};"
        f" best peer {peer}; loss {loss.loss:.3f}"
        + (f"  [ours raised: {loss.ours.error}]" if loss.ours.error else ""),
    ]
    for label, paragraphs in (("missed", loss.missed), ("added", loss.added)):
        lines.append(f"  {label} ({len(paragraphs)} paragraphs):")
        lines += [f"    - {_shown(text)}" for text in paragraphs[:PARAGRAPHS_SHOWN]]
        if len(paragraphs) > PARAGRAPHS_SHOWN:
            lines.append(f"    ... and {len(paragraphs) - PARAGRAPHS_SHOWN} more")
    return "\n".join(lines)


def _shown(paragraph: str) -> str:
    """A paragraph as listed: shortened, with its length when it had to be cut."""
    short = shorten(paragraph)
    return short if len(short) == len(paragraph) else f"{short} [{len(paragraph)} chars]"
