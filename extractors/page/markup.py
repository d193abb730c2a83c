"""Count, before parsing, the markup that would make libxml2 slow or large.

libxml2 builds one element per start tag, and it handles the attributes of a
start tag in time that grows with the square of their number: a 700 KB tag of
80,000 attributes took 15 s, a 3 MB one would take minutes. Neither cost can be
interrupted once libxml2 runs, so :func:`scan` measures both on the text first,
in one pass of regular expressions, a small share of the parse it protects.

The scan tokenizes the way libxml2 2.14's HTML parser does (it follows the HTML5
tokenizer, with libxml2's own tree rules where they differ):

- a start tag is ``<`` and an ASCII letter; its attributes end at the first ``>``
  outside a quoted value, and a quote opens a value only after ``=``;
- end tags are tokenized the same way, but their attributes are dropped;
- comments end at ``-->`` or ``--!>`` (``<!-->`` and ``<!--->`` are empty);
  ``<!DOCTYPE``, ``<!...>``, ``<?...>`` and ``</`` plus a non-letter end at the
  first ``>``;
- after ``<script>``, ``<style>``, ``<title>``, ``<textarea>``, ``<xmp>``,
  ``<iframe>``, ``<noembed>`` and ``<noframes>`` the text runs to the matching end
  tag (``<script>`` with the HTML5 ``<!--`` escapes), after ``<plaintext>`` to
  the end; a self-closing ``<script/>`` has no content in libxml2.

Counts are upper bounds: every attribute is counted, duplicates included. A
property test (``tests/test_extractors_properties.py``) parses generated tag soup
with libxml2 and checks that no element gets more attributes than the scan
counted for its tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

__all__ = ["Markup", "count_lesser", "scan"]

# HTML whitespace. Not \s: a no-break space is part of a name or an unquoted
# value, and treating it as a separator would put the scan out of step.
_WS = "\t\n\f\r "
_ATTRIBUTE = (
    rf"[^{_WS}/>][^{_WS}/>=]*+"  # the name; it may start with "="
    rf"""(?:[{_WS}]*+=[{_WS}]*+(?:"[^"]*+"?+|'[^']*+'?+|[^{_WS}>]*+))?+"""  # = value
)
_TOKEN = rf"(?:[{_WS}/]++|{_ATTRIBUTE})"  # an attribute, or a gap between attributes
_AREA = rf"{_TOKEN}*+"
_RAW_NAMES = ("script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes")
_RAW = frozenset((*_RAW_NAMES, "plaintext"))
_NAME_END = rf"(?=[{_WS}/>]|\Z)"

# Start tags with at most this many attributes and gaps are skipped without a
# look: they cost libxml2 at most 33 * 32 / 2 = 528 comparisons each, 26 million
# (about 0.1 s) for the largest page the element limit lets through.
SHORT_TAG_TOKENS = 64

# Everything the scan consumes without a look: text, end tags, comments,
# declarations, a "<" that starts nothing.
_OTHER = (
    r"[^<]++"
    rf"|</[A-Za-z][^{_WS}/>]*+{_AREA}>?+"
    r"|</[^>]*+>?+"
    r"|<!--(?>>|->|.*?--!?>|.*+)"
    r"|<[!?][^>]*+>?+"
    r"|<(?![A-Za-z])"
)
_FLAGS = re.ASCII | re.IGNORECASE | re.DOTALL


@lru_cache(maxsize=4)
def _skip(short_tokens: int) -> re.Pattern[str]:
    """What the scan consumes without a look when start tags need not be counted:
    besides ``_OTHER``, start tags of at most ``short_tokens`` attributes and gaps,
    and raw-text elements whose start tag is that short, with their text. Anything
    else stops it: a longer tag, or a raw-text element the Python code must follow
    (a self-closed or unclosed start tag, a script with "<!--" escapes)."""
    area = rf"{_TOKEN}{{0,{short_tokens}}}+"
    # "<" and the name of a start tag that is not a raw-text element.
    opening = rf"<(?!(?:{'|'.join(sorted(_RAW))}){_NAME_END})[A-Za-z][^{_WS}/>]*+"
    # Most tags on the web: names of letters, digits and "-_:.", values quoted or
    # none, one gap between. For these the HTML5 tokenizer's reading is plain, and
    # one regex step per attribute settles them.
    pairs = (short_tokens - 1) // 2  # a gap and an attribute each, then a last gap
    plain = (
        opening + rf"""(?:[{_WS}]++[A-Za-z_:][-\w:.]*+(?:="[^"]*+"|='[^']*+')?+){{0,{pairs}}}+"""
        rf"[{_WS}]*+/?>"
    )
    short = rf"{opening}{area}(?:>|\Z)"
    # A raw-text start tag not self-closed (no "/" right before its ">"), then its
    # text, to the matching end tag or the end of the page.
    raw = [
        rf"<{name}{_NAME_END}{area}(?<!/)>(?:[^<]++|<(?!/{name}{_NAME_END}))*+"
        for name in _RAW_NAMES
        if name != "script"
    ]
    script = (
        rf"<script{_NAME_END}{area}(?<!/)>"
        rf"(?:[^<]++|<(?!/script{_NAME_END}|!--))*+(?=</script{_NAME_END}|\Z)"
    )
    return re.compile(rf"(?:{_OTHER}|{plain}|{short}|{'|'.join(raw)}|{script})*+", _FLAGS)


# When start tags must be counted one by one, every start tag stops the skip.
_SKIP_ALL_TAGS = re.compile(rf"(?:{_OTHER})*+", _FLAGS)
_START_TAG = re.compile(
    rf"<(?P<name>[A-Za-z][^{_WS}/>]*+)(?P<area>(?:[{_WS}/]*+{_ATTRIBUTE})*+)(?P<gap>[{_WS}/]*+)"
    r"(?P<close>>?)",
    _FLAGS,
)
_ATTRIBUTES = re.compile(_ATTRIBUTE, _FLAGS)
_NAME = re.compile(rf"[^{_WS}/>][^{_WS}/>=]*", _FLAGS)
_RAW_END = {name: re.compile(rf"</{name}(?=[{_WS}/>])", _FLAGS) for name in _RAW_NAMES}
# Script data and its escapes (HTML5 13.2.5.4 onwards): "<!--" escapes, "<script"
# inside an escape escapes twice, "-->" ends any escape.
_SCRIPT_DATA = re.compile(rf"<(?:/script(?=[{_WS}/>])|!--)", _FLAGS)
_SCRIPT_ESCAPED = re.compile(rf"-->|</?script(?=[{_WS}/>])", _FLAGS)
_SCRIPT_DOUBLE_ESCAPED = re.compile(rf"-->|</script(?=[{_WS}/>])", _FLAGS)


@dataclass(frozen=True, slots=True)
class Markup:
    """What :func:`scan` found; both numbers are upper bounds."""

    start_tags: int
    """Start tags (libxml2 makes at most three more elements: html, head, body).
    ``max_tags + 1`` means "more than ``max_tags``": the scan stopped there."""

    attribute_pairs: int
    """Attribute comparisons libxml2 makes, ``k * (k - 1) / 2`` for a tag of
    ``k`` attributes, summed over the tags with more than a few attributes (the
    others cost at most 528 each, see ``SHORT_TAG_TOKENS``)."""


class _Scan:
    """One pass over one text."""

    def __init__(
        self,
        text: str,
        max_tags: int,
        *,
        one_by_one: bool = False,
        record: bool = False,
        short_tokens: int = SHORT_TAG_TOKENS,
        lesser: int | None = None,
    ) -> None:
        self.text = text
        self.short_tokens = short_tokens
        self.max_tags = max_tags
        self.pairs = 0
        # Python-level steps: each consumes a "<" of the text, so with no more "<"
        # than max_tags there is no need to count start tags one by one.
        self.steps = 0
        lesser = text.count("<") if lesser is None else lesser
        self.counting = one_by_one or lesser > max_tags
        self.record = record
        self.tags = 0 if self.counting else lesser
        #: (name, attribute count, attribute names) of each start tag looked at,
        #: for tests.
        self.seen: list[tuple[str, int, set[str]]] = []

    def run(self) -> Markup:
        text, end, pos = self.text, len(self.text), 0
        skip = _SKIP_ALL_TAGS if self.counting else _skip(self.short_tokens)
        while True:
            pos = skip.match(text, pos).end()  # type: ignore[union-attr]  # matches ""
            if pos >= end or self._over():
                break
            tag = _START_TAG.match(text, pos)
            assert tag is not None  # the skip stops only before "<" and a letter
            pos = self._start_tag(tag)
        return Markup(min(self.tags, self.max_tags + 1), self.pairs)

    def _over(self) -> bool:
        return self.steps > self.max_tags or self.tags > self.max_tags

    def _start_tag(self, tag: re.Match[str]) -> int:
        self.steps += 1
        if self.counting:
            self.tags += 1
        attributes = _ATTRIBUTES.findall(tag["area"])
        k = len(attributes)
        self.pairs += k * (k - 1) // 2
        name = tag["name"].lower()
        if self.record:
            names = {m.group().lower() for a in attributes if (m := _NAME.match(a))}
            self.seen.append((name, k, names))
        if not tag["close"] or tag["gap"].endswith("/") or name not in _RAW:
            return tag.end()
        if name == "plaintext":
            return len(self.text)
        if name == "script":
            return self._script(tag.end())
        found = _RAW_END[name].search(self.text, tag.end())
        return found.start() if found else len(self.text)

    def _script(self, pos: int) -> int:
        """Where a script's text ends: at its end tag, or at the end of the text."""
        text, pattern = self.text, _SCRIPT_DATA
        while not self._over():
            found = pattern.search(text, pos)
            if found is None:
                return len(text)
            token = found.group().lower()
            if token == "-->":
                pattern, pos = _SCRIPT_DATA, found.end()
                continue
            self.steps += 1
            if token == "<!--":
                # "<!-->" ends the escape at once: look for "-->" from its dashes.
                pattern, pos = _SCRIPT_ESCAPED, found.start() + 2
            elif token == "<script":
                pattern, pos = _SCRIPT_DOUBLE_ESCAPED, found.end()
            elif pattern is _SCRIPT_DOUBLE_ESCAPED:  # "</script" in a double escape
                pattern, pos = _SCRIPT_ESCAPED, found.end()
            else:
                return found.start()
        return len(text)


# count_lesser compares this many bytes at a time: its scratch array of one byte
# per byte compared stays this small, whatever the page's size.
_COUNT_CHUNK = 1 << 20


def count_lesser(data: bytes) -> int:
    """How many "<" ``data`` holds: the count of its text when ``data`` is the text in
    an ASCII-compatible encoding (UTF-8, windows-1252...), where every "<" is the
    byte 0x3C and no other character has it.

    numpy compares the bytes in vector instructions, where ``str.count`` reads one
    character at a time (15 % of the scan's time on the article-extraction
    benchmark's pages).

    >>> count_lesser("<p>caf\N{LATIN SMALL LETTER E WITH ACUTE} <b>x</b>".encode())
    3
    """
    array = np.frombuffer(data, dtype=np.uint8)
    return sum(
        int(np.count_nonzero(array[start : start + _COUNT_CHUNK] == ord("<")))
        for start in range(0, len(array), _COUNT_CHUNK)
    )


def scan(text: str, max_tags: int, lesser: int | None = None) -> Markup:
    """Count the start tags and attribute comparisons of ``text``, as libxml2 will
    see them; stop counting start tags past ``max_tags``. ``lesser`` is how many "<"
    the text holds, when the caller has counted them faster than the text could be
    (:func:`count_lesser`).

    >>> scan('<p class="a b" id=x>One<br/>two', 100)
    Markup(start_tags=2, attribute_pairs=0)
    >>> scan("<div " + " ".join(f"a{i}" for i in range(100)) + ">", 100).attribute_pairs
    4950
    >>> scan("<i>" * 200, 100).start_tags
    101
    """
    return _Scan(text, max_tags, lesser=lesser).run()
