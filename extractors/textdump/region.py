"""Where the article is: the run of prose the page's furniture surrounds.

The prose lines of a dump come in islands: runs of consecutive lines of running
text. The article is the chain of islands with the most text, where each gap
between two islands costs what it holds: a caption or a subheading little, a
menu, a teaser list or a comment header much. It is found in one pass, like
the largest sum of a sequence (Kadane's algorithm), over the islands.

>>> best_chain([(0, 0, 500.0), (3, 5, 900.0), (40, 40, 80.0)], lambda a, b, _: 20.0 * (b - a))
(0, 1)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["Island", "best_chain", "islands", "mass_after"]

Island = tuple[int, int, float]
"""(first line index, last line index, mass): a run of prose lines and its text."""


def islands(masses: Sequence[float]) -> list[Island]:
    """The runs of consecutive lines of positive mass, with their summed mass.

    >>> islands([0, 5, 5, 0, 0, 3])
    [(1, 2, 10.0), (5, 5, 3.0)]
    """
    found: list[Island] = []
    start, previous, total = -1, -2, 0.0
    # Only the lines of positive mass are visited (a page's prose is a third of
    # its lines or less); their sums add up in order, as a running total would.
    for index in [index for index, mass in enumerate(masses) if mass > 0]:
        if index != previous + 1:
            if start >= 0:
                found.append((start, previous, total))
            start, total = index, 0.0
        total += masses[index]
        previous = index
    if start >= 0:
        found.append((start, previous, total))
    return found


def mass_after(found: Sequence[Island]) -> dict[int, float]:
    """The mass of each island and all the islands after it, by the island's
    first line: how much prose the page has from there on.

    >>> mass_after([(1, 2, 10.0), (5, 5, 3.0)])
    {5: 3.0, 1: 13.0}
    """
    after: dict[int, float] = {}
    total = 0.0
    for first, _last, mass in reversed(found):
        total += mass
        after[first] = total
    return after


def best_chain(
    found: Sequence[Island], gap_cost: Callable[[int, int, float], float]
) -> tuple[int, int] | None:
    """(first, last) positions in ``found`` of the chain of islands with the most
    mass net of the costs of the gaps inside it; None when there is no island.

    ``gap_cost(a, b, before)`` is the cost of the lines strictly between line
    ``a`` (the last line of an island) and line ``b`` (the first of the next),
    where ``before`` is the value of the chain that ends at ``a``; it may stop
    counting once the cost reaches ``before`` (the chain breaks there).
    """
    if not found:
        return None
    best_value, best_span = -1.0, (0, 0)
    value, start = 0.0, 0
    for position, (first, _last, mass) in enumerate(found):
        if position == 0:
            value, start = mass, 0
        else:
            carried = value - gap_cost(found[position - 1][1], first, value)
            if carried > 0:
                value = carried + mass
            else:
                value, start = mass, position
        if value > best_value:
            best_value, best_span = value, (start, position)
    return best_span
