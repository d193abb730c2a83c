"""The headline: the title the page's sources agree on, without the site's decoration.

A page states its headline up to four times: in structured data (JSON-LD
``headline``), in meta tags (``og:title``, ``twitter:title``, ``dc:title``...),
in ``<title>`` and in its ``<h1>``. Each may carry the site's decoration:
"Headline | The Verge", "Opinion | Headline - The New York Times",
"标题_科技_腾讯网", "r/sub - Headline". Every source offers its string and the
same string without the decoration; a candidate is supported by each source
that holds it whole or as a part between separators; the candidate with the
most sources wins, then the one held by the most trusted source (structured
data, meta tags, ``<title>``, ``<h1>``), then one a source states alone inside a
longer one of the same sources, then, between forms of one string, the one
without the site's name, then a guessed undecoration (never of what the ``<h1>``
shows).

Decoration is a part at either end that names the site (:meth:`Sources.is_site`),
a handle-like prefix ("r/sub", "@user"), the article's section as a prefix, and,
when no source names the site, a short capitalized last part after a strong
separator ("… | Factorio").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.metadata.chrome import in_chrome
from extractors.metadata.sources import Sources, first
from extractors.page.tree import Element, text_of
from extractors.text import clean

__all__ = ["Title", "read_title"]

# Separators between a headline and its decoration. "_" joins them on Chinese
# sites ("标题_科技_腾讯网"), as do a fullwidth bar ("标题｜网站") and a hyphen with
# no space between two Chinese or Japanese characters ("标题-新华网"), where no word
# is hyphenated (Korean is left out: "북-미 정상회담", the North-US summit, is one
# headline); "--" stands for a dash ("Headline -- Sott.net"). ":" is left out,
# since headlines use it ("Brexit: ...").
_WIDE = "[\u3040-\u30ff\u3400-\u9fff]"
_SEPARATOR = re.compile(
    rf"(\s+(?:[|–—·•»«~/-]|::|--)\s+|\s*[|｜]\s*|\s*_\s*|(?<={_WIDE})-(?={_WIDE}))"
)
# A part may end at one of these (left of a candidate) or start with one (right of it).
_LEFT_BOUND = re.compile(rf"(?:\s(?:[|–—·•»«~/:-]|--)|::|[|｜_：]|{_WIDE}-)\s*$")
_RIGHT_BOUND = re.compile(rf"^\s*(?:(?:[|–—·•»«~/:-]|--)\s|::|[|｜_：\[(]|-{_WIDE})")
# Separators after which a short last part is taken for the site's name even when
# no source names the site: "Friday Facts #282 - 0.17 in sight | Factorio".
_STRONG = frozenset({"|", "｜", "–", "—", "·", "•", "::", "»"})
SITE_SUFFIX_MAX_WORDS = 3
# A leading label before "|" ("Opinion | ...", "LIVE | ...") is this short.
LABEL_MAX_WORDS = 2
_HANDLE = re.compile(r"^(?:[ru]/|@)\S+$")
# The last part after a colon: a separator only before the site's name
# ("見出し：朝日新聞デジタル"); before anything else it is the headline's.
_COLON_PART = re.compile(r"\s*[:：]\s*([^:：]+)$")
# The share of a page's text the frame around its only <h1> holds (see
# _in_chrome_heading): more than half, which the header bar never holds.
MAIN_TEXT_SHARE = 0.5
_TRAILING_BRACKET = re.compile(r"\s*\[([^\]]{2,40})\]\s*$")
# Keys the headline goes by in meta tags, most trusted first: Dublin Core's title is
# the document's; og:title and twitter:title are headlines for sharing, often
# rewritten (citylab.com's differs from its <h1>, theverge.com's from its JSON-LD).
_META_KEYS = (
    "dc:title", "dc.title", "dcterms.title", "og:title", "twitter:title", "parsely-title",
    "sailthru.title", "title",
)  # fmt: skip
# An <h1> longer than this is no headline (a whole teaser or a text block).
HEADING_MAX_CHARS = 300
MAX_HEADINGS = 5
# Typographic and straight quotes are one character when sources are compared.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

# Spaces around a Chinese or Japanese punctuation mark or a fullwidth form set no
# words apart: "成否　（写真）" in one source is "成否（写真）" in another.
_SPACED_WIDE_MARK = re.compile(r"\s*([\u3000-\u303f\uff00-\uffef])\s*")

# Permalink marks after a heading's text (Sphinx's "¶").
_PERMALINKS = " ¶#§🔗"

STRUCTURED, META, PAGE_TITLE, HEADING = range(4)
# How a form was undecorated, as bits: the parts naming the site removed, a part
# guessed to be decoration removed (a form can be both).
NONE, SITE, GUESSED = 0, 1, 2


def _key(text: str) -> str:
    folded = " ".join(text.split()).translate(_QUOTES).lower()
    return _SPACED_WIDE_MARK.sub(r"\1", folded)


@dataclass(slots=True)
class _Candidate:
    text: str
    rank: int
    how: int
    order: int
    support: set[int] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Title:
    """The headline, and the ``<h1>`` that shows it (where the byline is near)."""

    text: str | None
    element: Element | None


def read_title(sources: Sources) -> Title:
    """The page's headline (None when no source has one) and its ``<h1>``."""
    offered, elements = _offered(sources)
    section = first(sources.ld.get("articleSection"), sources.tag("article:section"))
    # A kicker the <h1> shows is the headline's ("Marokko – ..."): a form of the
    # title without it is no candidate.
    headings = {_key(raw) for group, raw in offered if group == HEADING}
    candidates: dict[str, _Candidate] = {}
    for order, (group, raw) in enumerate(offered):
        forms = _undecorated(raw, sources, section)
        for (text, how), (longer, _) in zip(forms, [("", NONE), *forms], strict=False):
            if how & GUESSED and _key(longer) in headings:
                break
            key = _key(text)
            found = candidates.get(key)
            if found is None:
                candidates[key] = _Candidate(text, group, how, order)
            else:
                found.how |= how
                if group < found.rank:
                    found.text, found.rank = text, group
    if not candidates:
        return Title(None, next(iter(elements.values()), None))
    raws = [(group, _key(raw)) for group, raw in offered]
    for key, candidate in candidates.items():
        candidate.support = {group for group, raw in raws if _bounded_in(key, raw)}
    # Most sources first; then the most trusted source among them (JSON-LD and <h1>
    # against og:title and <title>: the structured headline); then a headline a
    # source states alone inside a longer candidate of the same sources; then,
    # between forms of one string, the one without the site's name, then a guessed
    # undecoration.
    stated = _stated_inside(candidates)
    best = min(
        candidates.values(),
        key=lambda c: (
            -len(c.support),
            min(c.support, default=c.rank),
            _key(c.text) not in stated,
            not c.how & SITE,
            not c.how & GUESSED,
            c.rank,
            c.order,
        ),
    )
    shown = next((el for key, el in elements.items() if _bounded_in(_key(best.text), key)), None)
    return Title(best.text, shown if shown is not None else next(iter(elements.values()), None))


def _stated_inside(candidates: dict[str, _Candidate]) -> set[str]:
    """Keys of the candidates a source states as they are (never undecorated) that
    stand between separators in a longer candidate the same sources support:
    twitter:title "Headline" in <title> "Headline » Local » News » Site", where the
    site's part goes as a guess and the sections would stay."""
    return {
        key
        for key, candidate in candidates.items()
        if candidate.how == NONE
        and any(
            other is not candidate
            and other.support == candidate.support
            and _bounded_in(key, other_key)
            for other_key, other in candidates.items()
        )
    }


def _offered(sources: Sources) -> tuple[list[tuple[int, str]], dict[str, Element]]:
    """(source group, string) for every title the page states, cleaned; and the
    headings outside the chrome by their key, in page order."""
    ld = sources.ld
    offered = [(STRUCTURED, ld.get(key)) for key in ("headline", "name", "alternativeHeadline")]
    offered += [(META, value) for key in _META_KEYS for value in sources.meta.get(key, ())]
    title_el = sources.tree.find(".//title")
    if title_el is not None:
        offered.append((PAGE_TITLE, text_of(title_el)))
    headings: dict[str, Element] = {}
    for h1 in sources.elements["h1"]:
        text = clean(text_of(h1)).rstrip(_PERMALINKS)
        if text and len(text) <= HEADING_MAX_CHARS and not _in_chrome_heading(h1, sources):
            offered.append((HEADING, text))
            if not sources.is_site(text):
                headings.setdefault(_key(text), h1)
            if len(headings) >= MAX_HEADINGS:
                break
    cleaned = [(group, clean(value)) for group, value in offered if isinstance(value, str)]
    found = [(group, text) for group, text in cleaned if text and not sources.is_site(text)]
    return found, headings


def _in_chrome_heading(h1: Element, sources: Sources) -> bool:
    """True if ``h1`` is the site's (a logo in the header bar), not the headline.

    A page's only ``<h1>`` is read as chrome only below the innermost element that
    holds most of the page's text: that element is the page's frame, whatever its
    class says (bbc.co.uk's wrapper of the whole page is "blq-int-nav").
    """
    if not in_chrome(h1):
        return False
    if len(sources.elements["h1"]) != 1:
        return True
    body = next(h1.iterancestors("body"), None)
    if body is None:
        return True
    half = len(text_of(body)) * MAIN_TEXT_SHARE
    frame = next((el for el in h1.iterancestors() if len(text_of(el)) > half), body)
    return in_chrome(h1, within=frame)


def _undecorated(raw: str, sources: Sources, section: str | None) -> list[tuple[str, int]]:
    """``raw`` and its undecorated forms, each with how it was undecorated: ``SITE``
    (parts naming the site, handles) or ``GUESSED`` (a section or label prefix, a
    short last part named like a site)."""
    found = [(raw, NONE)]
    text = raw
    bracket = _TRAILING_BRACKET.search(text)
    if bracket and (sources.is_site(bracket.group(1)) or "." in bracket.group(1)):
        text = text[: bracket.start()]
    colon = _COLON_PART.search(text)
    site_after_colon = colon is not None and sources.is_site(colon.group(1))
    if colon is not None and site_after_colon:
        text = text[: colon.start()]
    parts = _SEPARATOR.split(text)  # [part, separator, part, separator, part...]
    count = len(parts)
    while len(parts) > 1 and sources.is_site(parts[-1]):
        parts = parts[:-2]
    while len(parts) > 1 and (sources.is_site(parts[0]) or _HANDLE.match(parts[0].strip())):
        parts = parts[2:]
    had_site = site_after_colon or len(parts) < count
    _add(found, "".join(parts), SITE)
    while len(parts) > 1 and _is_label(parts, section, had_site):
        parts = parts[2:]
    # "Headline | Environment | The Guardian", "标题_探索者_光明网": the section last.
    while len(parts) > 1 and section and parts[-1].strip().casefold() == section.casefold():
        parts = parts[:-2]
    _add(found, "".join(parts), GUESSED)
    if len(parts) > 1 and _looks_like_site(parts[-1], parts[-2], "".join(parts[:-2])):
        _add(found, "".join(parts[:-2]), GUESSED)
    return found


def _add(found: list[tuple[str, int]], text: str, how: int) -> None:
    """Add ``text`` to the forms found, if it is a new one, with the ways of the
    form it was cut from."""
    text = text.strip()
    if text and text != found[-1][0]:
        found.append((text, how | found[-1][1]))


def _is_label(parts: list[str], section: str | None, had_site: bool) -> bool:
    """A first part that labels the article: its section ("Politik - ..."), or a short
    word before "|" ("Opinion | ...") when a part naming the site followed (alone,
    "Brexit | The Telegraph" would lose its headline)."""
    head = parts[0].strip()
    if section and head.casefold() == section.casefold():
        return True
    return parts[1].strip() == "|" and len(head.split()) <= LABEL_MAX_WORDS and had_site


def _looks_like_site(last: str, separator: str, rest: str) -> bool:
    """A last part short and named like a site, after a strong separator."""
    words = last.split()
    return (
        separator.strip() in _STRONG
        and 0 < len(words) <= SITE_SUFFIX_MAX_WORDS
        and len(rest.split()) > len(words)
        and not words[0].islower()
    )


def _bounded_in(key: str, raw: str) -> bool:
    """True if ``key`` is ``raw`` or a run of its parts, with separators around it."""
    start = raw.find(key)
    while start >= 0:
        end = start + len(key)
        left_ok = start == 0 or _LEFT_BOUND.search(raw[:start]) is not None
        right_ok = end == len(raw) or _RIGHT_BOUND.match(raw[end:]) is not None
        if left_ok and right_ok:
            return True
        start = raw.find(key, start + 1)
    return False
