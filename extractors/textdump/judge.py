"""Every line of a dump judged: kept as article text, or dropped with a reason.

The steps, each reading what the one before found:

1. each line by itself: how much it reads like prose
   (:mod:`~extractors.textdump.features`); for the lines that do, the
   furniture rules (:mod:`~extractors.textdump.rules`); lines another line
   repeats with more (breadcrumbs, captions); lines the site prints on every
   page (given several pages of one site);
2. the article's span: the best chain of prose islands, where a gap costs by
   its length and a related-list or comment heading costs most, unless the
   related heading heads an inline box near the article's start
   (:mod:`~extractors.textdump.region`);
3. the span's own coherence: its headline (:mod:`~extractors.textdump.title`),
   prose before the headline, lines it shares with teaser lists outside it;
4. inside the span, short lines between paragraphs (subheadings, list items)
   are kept when the gap they stand in is short.

The furniture rules cost microseconds a line, so they run where a verdict
depends on them (prose lines, short gaps, the headline's neighbourhood), and on
every line only when the reasons are asked for (``explain=True``): the
verdicts are the same either way, only the names of some reasons differ.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from extractors.limits import checkpoint
from extractors.textdump.features import prose_weights
from extractors.textdump.htmlrules import html_line_rule
from extractors.textdump.items import MIN_COMMENT_AUTHORS, is_comment_author
from extractors.textdump.lines import Line
from extractors.textdump.lists import keep_lists
from extractors.textdump.region import Island, best_chain, islands, mass_after
from extractors.textdump.rules import (
    boundary_kind,
    echoes,
    own_rule,
    segment_rule,
)
from extractors.textdump.title import Vocabulary, find_title

__all__ = ["Judgement", "LineVerdict", "judge"]

# What a gap between two prose islands costs, in characters of prose that must
# follow it for the article to go on: a fixed part (any interruption), a part
# per line and a part per character of what the gap holds. A caption or a
# subheading costs about one short sentence; a menu of ten entries, a long
# paragraph. Tuned on the article-extraction benchmark, confirmed on the
# Readability test pages.
GAP_COST = 30.0
GAP_COST_PER_LINE = 15.0
GAP_COST_PER_CHAR = 0.3
# A related-list or comment heading in a gap: only a long run of prose after it
# (a page's worth of article below an inline box) is still the article.
BOUNDARY_COST = 1000.0
# A related heading with less of the chain's prose before it than the page has
# after it heads an inline box ("Related Stories" and three links between the
# lede and the rest): it costs a sentence or two, not a page, and the lede
# stays with the article.
# On the article-extraction benchmark, ten pages kept their opening paragraphs
# so (one page, whose photo gallery's captions stand above a "Most Popular"
# box, took the captions in); on the Readability test pages, two gained and
# none lost. A comments heading is never such a box: yahoo-2's "16 Comments"
# stands in the teaser list above its article, which it would join to it.
INLINE_BOX_COST = 200.0
# Inside the article, a gap of at most this many lines holds subheadings, list
# items or a short table, and is kept; a longer one is an ad, a gallery, a box.
KEEP_GAP_LINES = 3
KEEP_MIN_WORDS = 2
# A line ending with a colon, this many words or more, stands in a gap of any
# length as the article's own lead-in to a list or a table (CNN's ranking, the
# BBC's "Mr Obama also said:"); shorter ones are labels ("Tags:", "Share on:").
# The words are counted as written, between spaces: an unspaced script's
# weighted count makes a label of a dozen characters long enough (Thai
# "follow us at:" before social links, on a newspaper4k test page).
LEAD_IN_MIN_WORDS = 5
# Prose before the headline is dropped when it is this small a part of the
# span: a widget's sentence, a ticker's headline. More is the article, and the
# "headline" a subheading.
BEFORE_TITLE_MAX_SHARE = 1 / 3
# A run of prose this long (in characters) is the article under way: its
# headline stands before it, or is its first line.
LONG_RUN_MASS = 400.0
# A headline's words are looked for in this many of the article's first prose
# lines: its lede and first paragraphs say what it says.
VOCABULARY_LINES = 25
# A line repeated outside the article (a teaser list's copy) must be this long
# to tell: short refrains repeat in articles too.
REPEAT_MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """One non-empty line of a dump and what became of it."""

    index: int
    """Position among the dump's non-empty lines (a hard-wrapped paragraph's lines
    counted as one), from 0."""
    text: str
    """The line, whitespace folded."""
    reason: str | None
    """None for a line of the article; otherwise why it went (README, "Cleaning text")."""

    @property
    def kept(self) -> bool:
        """Whether the line is in the body."""
        return self.reason is None


@dataclass(frozen=True, slots=True)
class Judgement:
    """What one dump holds: each line's verdict, and where the headline is."""

    lines: Sequence[Line]
    reasons: Sequence[str | None]
    """Each line's reason to go, None for a line of the article."""
    title: int | None
    """Index of the headline line, if one was found."""

    @property
    def verdicts(self) -> list[LineVerdict]:
        """Each line with its reason."""
        return [
            LineVerdict(line.index, line.text, reason)
            for line, reason in zip(self.lines, self.reasons, strict=True)
        ]

    @property
    def body_start(self) -> int:
        """Index of the first line of the body (the number of lines when there is none)."""
        return next(
            (i for i, reason in enumerate(self.reasons) if reason is None), len(self.lines)
        )


class _Kinds:
    """Each line's furniture kind (None for none), worked out when first asked."""

    _UNKNOWN = "?"

    def __init__(self, lines: Sequence[Line], boilerplate: Collection[str]) -> None:
        self._lines = lines
        self._found: list[str | None] = [self._UNKNOWN] * len(lines)
        # The cheap rules' verdict, kept for the full rules, which ask it again;
        # the same for the segment and HTML rules, which the headline search
        # asks first (:meth:`lead`), often of the same line for two candidates.
        self._own: list[str | None] = [self._UNKNOWN] * len(lines)
        self._lead: list[str | None] = [self._UNKNOWN] * len(lines)
        if boilerplate:
            for line in lines:
                if line.text in boilerplate:
                    self._found[line.index] = "site-boilerplate"
        self.echoes = echoes(lines)

    def __getitem__(self, index: int) -> str | None:
        return self.work_out(index)

    def work_out(self, index: int) -> str | None:
        """The line's kind by every rule (worked out once, then remembered)."""
        kind = self._found[index]
        if kind == self._UNKNOWN:
            kind = self._found[index] = self._lead_kind(index) or self._own_kind(index)
        return kind

    def _lead_kind(self, index: int) -> str | None:
        """The segment and HTML rules' kind of the line, once."""
        kind = self._lead[index]
        if kind == self._UNKNOWN:
            line = self._lines[index]
            kind = self._lead[index] = segment_rule(line) or html_line_rule(line.text)
        return kind

    def _own_kind(self, index: int) -> str | None:
        """:func:`~extractors.textdump.rules.own_rule` of the line, once."""
        kind = self._own[index]
        if kind == self._UNKNOWN:
            kind = self._own[index] = own_rule(self._lines[index].text)
        return kind

    def __setitem__(self, index: int, kind: str) -> None:
        self._found[index] = kind

    def lead(self, index: int) -> str | None:
        """The kind by the rules that name what may stand between a headline and
        its body (the segment and HTML rules), for the headline search; a line
        they do not name is left for :meth:`work_out`, as this package's own
        rules name no such line."""
        kind = self._found[index]
        if kind != self._UNKNOWN:
            return kind
        kind = self._lead_kind(index)
        if kind is not None:
            self._found[index] = kind
        return kind

    def cheap(self, index: int) -> str | None:
        """The kind of a line that reads as prose by the cheap rules only (the full
        ones run later, on fewer lines): this package's own, as such a line is
        never a ticker (:func:`~extractors.textdump.features.prose_weight` is 0 for
        a line of more than two segments)."""
        kind = self._found[index]
        if kind != self._UNKNOWN:
            return kind
        return self._own_kind(index)

    def known(self, index: int) -> str | None:
        """The kind if already worked out, else None (a line not asked about)."""
        kind = self._found[index]
        return None if kind == self._UNKNOWN else kind

    def all_known(self) -> list[str | None]:
        """:meth:`known` of every line."""
        unknown = self._UNKNOWN
        return [None if kind == unknown else kind for kind in self._found]


def judge(
    lines: Sequence[Line], boilerplate: Collection[str] = (), *, explain: bool = False
) -> Judgement:
    """Judge every line; ``boilerplate`` holds lines the site prints on every page."""
    kinds = _Kinds(lines, boilerplate)
    for index in _comment_authors(lines):
        kinds[index] = "comments-heading"
    prose = prose_weights(lines)
    for index in [index for index, weight in enumerate(prose) if weight > 0]:
        if kinds.cheap(index) is not None:
            prose[index] = 0.0
    checkpoint("finding the article in a text dump")
    line_sizes = [line.size for line in lines]
    masses = [size * weight for size, weight in zip(line_sizes, prose, strict=True)]
    found = islands(masses)
    sizes = list(accumulate(line_sizes, initial=0))
    after = mass_after(found)
    span = best_chain(
        found, lambda a, b, before: _gap_cost(lines, kinds, sizes, (a, b), (before, after[b]))
    )
    chain = list(found[span[0] : span[1] + 1]) if span else []
    title = None
    if chain:
        first, last = chain[0][0], chain[-1][1]
        for start, end, _mass in chain:  # the full rules, on the article's prose only
            for index in range(start, end + 1):
                kinds.work_out(index)
        _repeated_outside(lines, kinds, first, last)
        region_prose = [i for i in range(first, last + 1) if prose[i] > 0 and not kinds.known(i)]
        region_prose = region_prose[:VOCABULARY_LINES]
        vocabulary = lru_cache(maxsize=1)(lambda: Vocabulary(lines, region_prose))
        long_run = next((start for start, _, mass in chain if mass >= LONG_RUN_MASS), first)
        title = find_title(
            lines,
            (kinds.work_out, kinds.lead),
            prose,
            (first, long_run + 1),
            vocabulary,
            kinds.echoes,
        )
        if title is not None:
            _mark_title(lines, kinds, title)
            chain = _after_title(chain, title, masses)
    reasons = keep_lists(lines, _reasons(lines, kinds, prose, chain), kinds.work_out)
    if explain:
        reasons = [
            kinds[i] or reason if reason in ("outside-article", "not-prose") else reason
            for i, reason in enumerate(reasons)
        ]
    return Judgement(lines, reasons, title)


def _reasons(
    lines: Sequence[Line], kinds: _Kinds, prose: Sequence[float], chain: Sequence[Island]
) -> list[str | None]:
    # What is known now stays so for the islands' lines: only gap lines are
    # worked out below.
    known = kinds.all_known()
    reasons: list[str | None] = [kind or "outside-article" for kind in known]
    previous_end = None
    for start, end, _mass in chain:
        if previous_end is not None:
            gap = range(previous_end + 1, start)
            long_gap = len(gap) > KEEP_GAP_LINES
            for index in gap:
                if not long_gap:
                    reasons[index] = kinds[index] or _gap_verdict(lines[index])
                elif _leads_in(lines[index]):
                    reasons[index] = kinds[index]  # the list after it: keep_lists
                else:
                    reasons[index] = "not-prose"
        reasons[start : end + 1] = [
            kind or (None if weight > 0 else "not-prose")
            for kind, weight in zip(known[start : end + 1], prose[start : end + 1], strict=True)
        ]
        previous_end = end
    return reasons


def _gap_cost(
    lines: Sequence[Line],
    kinds: _Kinds,
    sizes: Sequence[int],
    gap: tuple[int, int],
    masses: tuple[float, float],
) -> float:
    """The cost of the lines strictly between the two lines of ``gap``
    (``sizes``: prefix sums of line sizes), with ``masses`` the value of the
    chain that ends at the gap and the mass of the islands from the gap on.
    Headings are looked for only when the gap alone costs less than the
    chain's value: past it the chain breaks anyway."""
    a, b = gap
    before, after = masses
    cost = (
        GAP_COST + GAP_COST_PER_LINE * (b - a - 1) + GAP_COST_PER_CHAR * (sizes[b] - sizes[a + 1])
    )
    if cost < before:
        cost += _heading_cost(lines, kinds, range(a + 1, b), inline=before <= after)
    return cost


def _heading_cost(lines: Sequence[Line], kinds: _Kinds, gap: range, *, inline: bool) -> float:
    """What the related-list, comment and item headings of ``gap`` add to its
    cost; ``inline`` when a related heading there would head an inline box.

    An item's age ("32M ago": :mod:`~extractors.textdump.items`) heads the
    next item of a list, a comment or a teaser, as a comments heading heads
    the comments: never the article's own text, even in an inline box. Date stamps and
    bylines are not counted so: an article's own stand between its standfirst
    and its body, and a page of several articles dates each one (on the
    article-extraction benchmark, 18 pages gained and 4 lost by them, one of
    them all its text; on the Readability test pages, 3 gained and 4 lost)."""
    cost = 0.0
    for index in gap:
        if kinds.known(index) == "comments-heading":
            return BOUNDARY_COST
        kind = boundary_kind(lines[index].text, ages=True)
        if kind in ("relative-time", "comments-heading") or (kind is not None and not inline):
            return BOUNDARY_COST
        if kind is not None:
            cost = INLINE_BOX_COST
    return cost


def _comment_authors(lines: Sequence[Line]) -> list[int]:
    """The comments' author lines of a page with a comment list (at least
    MIN_COMMENT_AUTHORS of them), else none."""
    # The colon is looked for first: most lines lack it, and a call costs more.
    found = [
        line.index for line in lines if line.text[-1:] == ":" and is_comment_author(line.text)
    ]
    return found if len(found) >= MIN_COMMENT_AUTHORS else []


def _repeated_outside(lines: Sequence[Line], kinds: _Kinds, first: int, last: int) -> None:
    outside = {
        line.text
        for part in (lines[:first], lines[last + 1 :])
        for line in part
        if line.words >= REPEAT_MIN_WORDS
    }
    if outside.isdisjoint(line.text for line in lines[first : last + 1]):
        return  # most articles: nothing of theirs is repeated outside
    for index in range(first, last + 1):
        if lines[index].text in outside and kinds[index] is None:
            kinds[index] = "repeated-outside"


def _mark_title(lines: Sequence[Line], kinds: _Kinds, title: int) -> None:
    """The headline, its copies, and the lines that repeat it with more (a
    breadcrumb ending with it, a caption or share text starting with it)."""
    text = lines[title].text
    for line in lines:
        if line.text == text:
            kinds[line.index] = "title"
    for longer, shorter in kinds.echoes.items():
        if lines[shorter].text == text:
            kinds[longer] = "repeats-title"


def _after_title(chain: list[Island], title: int, masses: Sequence[float]) -> list[Island]:
    """The chain without what stands before its headline, unless that is much."""
    after: list[Island] = []
    for start, end, mass in chain:
        if start > title:
            after.append((start, end, mass))
        elif end > title:  # the headline reads as prose: the island goes on after it
            after.append((title + 1, end, sum(masses[title + 1 : end + 1])))
    before = sum(masses[chain[0][0] : title + 1])
    total = sum(island[2] for island in chain)
    if after and before <= BEFORE_TITLE_MAX_SHARE * total:
        return after
    return chain


def _leads_in(line: Line) -> bool:
    """Whether ``line`` is a sentence of the article that opens what follows
    ("The overall rankings were as follows:", "Rasulullah SAW bersabda :"),
    which a long gap of list items or a table does not make furniture."""
    return line.text[-1:] == ":" and len(line.text.split()) >= LEAD_IN_MIN_WORDS


def _gap_verdict(line: Line) -> str | None:
    """A short line between two paragraphs of a short gap: a subheading, kept."""
    return None if line.words >= KEEP_MIN_WORDS else "not-prose"
