"""Rules for lines that are never article text, beyond the HTML extractor's.

These kinds of line reach a text dump but not the HTML extractor's paragraphs,
where the page's markup (a link, a ``<nav>``, a cookie banner's class) already
told them apart; :mod:`~extractors.textdump.htmlrules` brings in the rules the
two share. Each rule names a kind of line and says why it is furniture.

>>> line_rule("Cliquez ici pour lire l'article depuis sa source.")
'call-to-action'
>>> line_rule("Le Maroc abrite, ce mercredi 11 mai, la réunion ministérielle.") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from extractors.caseless import Caseless
from extractors.limits import checkpoint
from extractors.textdump.htmlrules import html_line_rule, is_related_heading
from extractors.textdump.items import ITEM_MAX_CHARS, RELATIVE_TIME, is_relative_time
from extractors.textdump.lines import Line

__all__ = ["BOUNDARY_KINDS", "boundary_kind", "echoes", "line_rule", "own_rule", "segment_rule"]

# "Click here to ...": a link's words left behind by the markup, in the
# languages of the HTML extractor's lead-ins. The seeds end with one ("Cliquez
# ici pour lire l'article depuis sa source.").
_CALL_TO_ACTION = Caseless(
    r"^\W*(?:click here|click to|tap here|klik hier|klik om|cliquez ici|cliquez pour"
    r"|hier klicken|klicken sie|haga clic|haz clic|pulse aquí|clique aqui|clique para"
    r"|clicca qui|kliknij tutaj|kliknij|нажмите|اضغط هنا|انقر هنا|اضغط|点击这里|点击)\b"
)
# The heading of a comment section: "34 Comments", "Leave a Reply", "Reageer".
# Like a related-list heading, the article does not go on after it.
_COMMENTS = Caseless(
    r"^\W*(?:\d+\s+(?:comments?|responses?|replies|reacties|commentaires|kommentare"
    r"|comentarios|comentários|commenti|komentarzy|комментари\w*|تعليق\w*)\b"
    r"|(?:leave|post|add|write) a (?:reply|comment)|comments?$|reageer|reacties$"
    r"|laisser un commentaire|commentaires$|kommentar schreiben|kommentare$"
    r"|deja (?:un|tu) comentario|comentarios$|deixe (?:um|seu) comentário"
    r"|lascia un commento|commenti$|اترك تعليقا|التعليقات$)"
)
COMMENTS_HEADING_MAX_CHARS = 80
# Cookie and consent notices, which a page shows in a banner its markup hides
# from the HTML extractor: a line about cookies and the site or consent.
_COOKIES = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:website|site|browser|browsing|experience|consent|accept|privacy|sitio|navegación"
    r"|navigation|expérience|navigateur|webseite|website|akzept\w*|einwillig\w*|datenschutz"
    r"|toestemming|accepteer\w*|consenso|accetta\w*|sito)\b",
    re.I,
)
# Copyright footers: "© 2019 News Nation. All rights reserved." anywhere in a
# short line (the HTML extractor's credit rule sees only lines that start so).
# Searched in the lower-cased line, without re.IGNORECASE: case-insensitive
# alternations are several times slower in Python's regex engine.
_RIGHTS_WORDS = (
    "all rights reserved", "tous droits réservés", "alle rechte vorbehalten",
    "alle rechten voorbehouden", "todos los derechos reservados",
    "todos os direitos reservados", "tutti i diritti riservati",
    "wszelkie prawa zastrzeżone", "все права защищены", "جميع الحقوق محفوظة", "版权所有",
    "版權所有", "©", "copyright 1", "copyright 2", "(c) 1", "(c) 2",
)  # fmt: skip


def _prefix_tree(words: Sequence[str]) -> str:
    """A regex that finds any of ``words``, written as a tree of their shared
    prefixes: the regex engine tries an alternation branch by branch at every
    position whose character starts one, so "rechte" and "rights" are
    better one branch "r" with two endings.

    >>> _prefix_tree(["rechte", "rights", "©"])
    '(?:r(?:echte|ights)|©)'
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word[1:])
    branches = []
    for first, rests in sorted(groups.items()):
        if "" in rests:  # a word that begins another: finding it is enough
            branches.append(re.escape(first))
        elif len(rests) == 1:
            branches.append(re.escape(first + rests[0]))
        else:
            branches.append(re.escape(first) + _prefix_tree(rests))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


_RIGHTS = re.compile(_prefix_tree(_RIGHTS_WORDS))
# Pieces of those words, each word holding one: a line without any of them
# holds no word either. Looking for a piece is a fast substring search, where
# the pattern above tries its tree at every letter that starts a word (a, c, t,
# w...): on a prose line, the pieces take half the time of the pattern, which
# then runs on the few lines that hold one ("serv" of "service").
_RIGHTS_PIECES = ("©", "serv", "copyright ", "(c) ", "behalten", "behouden", "zastrzeż",
                  "защищ", "محفوظة", "所有")  # fmt: skip
_ASCII_RIGHTS_PIECES = tuple(piece for piece in _RIGHTS_PIECES if piece.isascii())
FOOTER_MAX_CHARS = 300
# The comments' rules, printed above or below them: a sentence about comments
# and how they are moderated ("As you comment, please be respectful...", "Os
# comentários não representam a opinião do jornal", "Comments are subject to
# our community guidelines"). Such a note names the comments at once, within
# COMMENT_POLICY_LEAD characters: an article's sentence about someone's comments
# and the moderates or a policy names them anywhere (an AEB page on a
# candidate's comments, Readability's yahoo-3).
_COMMENTS_WORD = re.compile(
    r"\b(?:comments?|commenters?|commenting|commentaires?|comentarios?|comentários?"
    r"|kommentare?|commenti|commento|reacties?|reageren)\b",
    re.I,
)
COMMENT_POLICY_LEAD = 60
_POLICY_WORD = re.compile(
    r"moderat(?:ed|ing|ion|or)|moderad|moderaç|moderiert|modéré|respectful|respectueu|respeit"
    r"|respet|rispett|responsab|verantwort|approved|aprovad|approuvé|guidelines|richtlinie"
    r"|regeln|règles|reglas|regole|(?:comment|commenting) policy|terms of use",
    re.I,
)
# A photo's caption, which a dump keeps beside the paragraphs it stood between:
# a line that ends with the photo's credit ("(Image: GETTY)", "| Foto:
# Reuters", "Photograph: Dan Kitwood/Getty Images"), or says where the people
# stand in the picture (", left, and", "(centre)", "(à gauche)", "(links)"),
# or that it is a file photo; or, matched with its case, ends with a news
# agency's credit ("(AP Photo/Alan Diaz, File)", "REUTERS/Brendan McDermid"),
# but not "(ePA)", an acronym, nor an agency's credit for the text ("...と指摘
# している。(c)AFP/Aminu ABUBAKAR"). One pattern per clue, each beginning with
# a fixed character or word that the regex engine looks for first, and asked
# only of a line that holds it; a credit is looked for in the line's last
# CAPTION_TAIL_CHARS characters. Written as one pattern searched everywhere,
# they took own_rule from 3.7 to 31 µs a line; so, 4.5 (12,516 lines of 40 to
# 300 characters of both corpora, best of five passes, 07:23 UTC).
CAPTION_TAIL_CHARS = 120
_CREDIT_TAIL = re.compile(
    r"[(|]\s*(?:photos?|fotos?|images?|imagen|bild|picture|photograph|fotograf[íi]a|credit"
    r"|crédito|crédit)\s*:[^()|]{1,80}\)?\s*$"
)
_PHOTOGRAPH_TAIL = re.compile(r"\bphotograph\s*:[^.]{1,80}$")
_FILE_PHOTO = re.compile(r"\bfile photo\b")
_STANDS = re.compile(r", (?:left|right|center|centre)(?: to right)?, ")
_STANDS_IN_BRACKETS = re.compile(
    r"\((?:left|right|center|centre|background|foreground|à gauche|à droite|au centre"
    r"|izquierda|derecha|links|rechts|mitte|à esquerda|à direita|a sinistra|a destra"
    r"|midden)\)"
)
_AGENCY_IN_BRACKETS = re.compile(
    r"\((?:AP|AFP|Reuters|REUTERS|EPA|Getty|dpa|ANSA|EFE)\b[^()]*\)\s*$"
)
_AGENCY_SLASH = re.compile(r"(?<!\S)(?:REUTERS|AFP|AP|EPA)/[^ /]+(?: [^ /]+){0,3}\s*$")
# A ticker or a menu on one line: three or more items joined by wide gaps.
TICKER_MIN_SEGMENTS = 3

# The rules for short lines that have a pattern, each anchored at the line's
# start, joined into one: the line none of them matches (most lines) costs one
# call of the regex engine, 1.0 to 1.3 µs where the three patterns took 1.5 to
# 2.6 (2026-12-01); the rules' own patterns then run on the few lines it
# matches. A line longer than _SHORT_RULES_MAX_CHARS is asked only the
# call-to-action rule.
_SHORT_RULES_MAX_CHARS = max(COMMENTS_HEADING_MAX_CHARS, ITEM_MAX_CHARS)
_SHORT_RULES = Caseless(
    "|".join(f"(?:{rule.pattern})" for rule in (_CALL_TO_ACTION, _COMMENTS, RELATIVE_TIME))
)
# The same for a line between two prose islands, which the comments rule and
# an item's age end the article at.
_GAP_RULES = Caseless("|".join(f"(?:{rule.pattern})" for rule in (_COMMENTS, RELATIVE_TIME)))

BOUNDARY_KINDS = frozenset({"related-heading", "comments-heading"})
"""Kinds of line after which an article does not go on: a list of other
articles, or readers' comments, follows them."""


def line_rule(text: str) -> str | None:
    """The kind of furniture ``text`` is, by its words alone, or None."""
    return html_line_rule(text) or own_rule(text)


def own_rule(text: str) -> str | None:
    """The kind of furniture ``text`` is by the rules of this module alone, or None.

    A microsecond or two a line, where the HTML extractor's rules take several.
    """
    if len(text) > FOOTER_MAX_CHARS:
        return _long_line_rule(text)
    low = text.lower()
    if len(text) > _SHORT_RULES_MAX_CHARS or _SHORT_RULES.match(text, low):
        if _CALL_TO_ACTION.match(text, low):
            return "call-to-action"
        if len(text) <= COMMENTS_HEADING_MAX_CHARS and _COMMENTS.match(text, low):
            return "comments-heading"
        if is_relative_time(text, low):
            return "relative-time"
    if _has_rights_words(low, ascii_line=text.isascii()):
        return "copyright"
    if "cookie" in low[:FOOTER_MAX_CHARS] and _COOKIES.search(text):
        return "cookie-notice" if _COOKIE_CONTEXT.search(text) else None
    if _is_caption(text, low):
        return "caption"
    return _comment_policy(text)


def _is_caption(text: str, low: str) -> bool:
    """Whether ``text`` (``low`` lower-cased) is a photo's caption (see CAPTION_TAIL_CHARS)."""
    tail = max(0, len(text) - CAPTION_TAIL_CHARS)
    if "(" in low or "|" in low:
        if _CREDIT_TAIL.search(low, tail) or _STANDS_IN_BRACKETS.search(low):
            return True
        if _AGENCY_IN_BRACKETS.search(text, tail):
            return True
    if "photo" in low and (_PHOTOGRAPH_TAIL.search(low, tail) or _FILE_PHOTO.search(low)):
        return True
    if "/" in text and _AGENCY_SLASH.search(text, tail):
        return True
    return _STANDS.search(low) is not None


def _comment_policy(text: str) -> str | None:
    """``"comment-policy"`` for the comments' rules (see _COMMENTS_WORD), else None.
    The words of comments are looked for by their common piece first."""
    lead = text[:COMMENT_POLICY_LEAD].lower()
    if not ("omment" in lead or "oment" in lead or "reac" in lead or "reag" in lead):
        return None
    if _COMMENTS_WORD.search(text, 0, COMMENT_POLICY_LEAD) and _POLICY_WORD.search(text):
        return "comment-policy"
    return None


def _long_line_rule(text: str) -> str | None:
    """:func:`own_rule` of a line longer than FOOTER_MAX_CHARS: a paragraph, which
    only the call-to-action and cookie rules read. Its start is lower-cased for
    the cookie rule only when it holds "oo" in some case: no other character
    lower-cases to an "o", so without one it cannot say "cookie"."""
    if _CALL_TO_ACTION.caseless.match(text):  # a long line is not lower-cased for it
        return "call-to-action"
    head = text[:FOOTER_MAX_CHARS]
    if _comment_policy(head):
        return "comment-policy"
    if not ("oo" in head or "OO" in head or "Oo" in head or "oO" in head):
        return None
    if "cookie" in head.lower()[:FOOTER_MAX_CHARS] and _COOKIES.search(text):
        return "cookie-notice" if _COOKIE_CONTEXT.search(text) else None
    return None


def _has_rights_words(low: str, *, ascii_line: bool = False) -> bool:
    """Whether the lower-cased ``low`` holds one of the copyright footers' words;
    an ASCII line (``ascii_line``) can hold only the ASCII pieces of them.

    >>> _has_rights_words("© 2019 news nation."), _has_rights_words("the service resumed.")
    (True, False)
    """
    for piece in _ASCII_RIGHTS_PIECES if ascii_line else _RIGHTS_PIECES:
        if piece in low:
            return _RIGHTS.search(low) is not None
    return False


def boundary_kind(text: str, *, ages: bool = False) -> str | None:
    """``"related-heading"`` or ``"comments-heading"`` for a line the article ends
    at; with ``ages``, ``"relative-time"`` too, for an item's age
    (:func:`~extractors.textdump.items.is_relative_time`), which heads the next
    item of a list. A line of two of these kinds is named as the first of
    ``"relative-time"``, ``"related-heading"`` and ``"comments-heading"``.

    The same verdict as :func:`line_rule` for the two headings, at a fraction of
    its cost: every line between two prose islands is asked.

    >>> boundary_kind("Lees meer"), boundary_kind("34 Comments"), boundary_kind("Home")
    ('related-heading', 'comments-heading', None)
    >>> boundary_kind("32M ago"), boundary_kind("32M ago", ages=True)
    (None, 'relative-time')
    """
    if len(text) > _SHORT_RULES_MAX_CHARS:
        return None
    named = (_GAP_RULES if ages else _COMMENTS).match(text) is not None
    if ages and named and is_relative_time(text):
        return "relative-time"
    if is_related_heading(text):
        return "related-heading"
    if named and len(text) <= COMMENTS_HEADING_MAX_CHARS and _COMMENTS.match(text):
        return "comments-heading" if html_line_rule(text) is None else None
    return None


def segment_rule(line: Line) -> str | None:
    """``"ticker"`` for a line of several items joined by wide gaps, else None."""
    return "ticker" if line.segments >= TICKER_MIN_SEGMENTS else None


# A line repeated inside another one must be this long to count: a breadcrumb
# or a caption repeats the headline, never a two-word label.
ECHO_MIN_WORDS = 4
# Lines are matched on their first and last characters, this many.
_KEY_CHARS = 16
# A group of lines sharing those characters this large checks the deadline as
# it goes; the development corpora's groups have two lines mostly, a few dozen
# at most.
CHECKED_GROUP_LINES = 100
# A line that goes on from another's last word in lower case, with this many
# words more, is the paragraph a cut headline quotes (a blog's <title> made of
# its post's first words: the Readability test pages' missing-paragraphs), not
# a caption or share text repeating it ("<headline> via @site" adds two).
CONTINUATION_MIN_WORDS = 10


def echoes(lines: Sequence[Line]) -> dict[int, int]:
    """Lines that are another line with more before or after it, mapped to that line.

    A breadcrumb ends with the headline ("StartMarokkoMarokko – <headline>"), a
    photo caption or a share text starts with it ("<headline> 18-01-2022 El
    ministro..."). The line repeated is the headline, or a teaser's title; the
    longer one is never article text. Found in one pass with an index on the
    first and the last characters, so the cost stays linear.
    """
    # Lines long enough to repeat or be repeated. A line can only repeat another
    # sharing its first (or last) characters; most keys are shared by no other
    # line, which one set tells for all of them.
    candidates = [
        line for line in lines if line.words >= ECHO_MIN_WORDS and len(line.text) >= _KEY_CHARS
    ]
    texts = [line.text for line in candidates]
    found: dict[int, int] = {}
    for keys, repeats in (
        ([text[:_KEY_CHARS] for text in texts], str.startswith),
        ([text[-_KEY_CHARS:] for text in texts], str.endswith),
    ):
        # Each key's last line, by dicts built in C: the keys of lines before
        # it are the ones another line shares, and only those are grouped.
        last = dict(zip(keys, range(len(keys)), strict=True))
        if len(last) == len(keys):
            continue
        groups: dict[str, list[Line]] = {}
        for position, key in enumerate(keys):
            if last[key] != position:
                groups.setdefault(key, []).append(candidates[position])
        for key, group in groups.items():
            group.append(candidates[last[key]])
            _match_group(group, repeats, found)
    return found


def continues(longer: str, shorter: str) -> bool:
    """Whether ``longer`` goes on from ``shorter``, its start, as one sentence
    does: a space, a lower-case letter, and a paragraph's worth of words.

    >>> continues("Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod"
    ...           " tempor invidunt ut labore", "Lorem ipsum dolor sit amet, consetetur")
    True
    >>> continues("Fire at the port of Rotterdam via @nos", "Fire at the port of Rotterdam")
    False
    """
    rest = longer[len(shorter) :]
    return rest[:1] == " " and rest[1:2].islower() and len(rest.split()) >= CONTINUATION_MIN_WORDS


def _match_group(
    group: list[Line], repeats: Callable[[str, str], bool], found: dict[int, int]
) -> None:
    """Record in ``found`` each line of ``group`` that ``repeats`` a shorter one
    (the last such one wins, as lines come in order).

    Every pair of the group is compared: a large group (thousands of lines of
    one template, "Breaking news from ... number 1 today") costs seconds, so
    the deadline is checked before each line of it (an extraction that passed
    it stopped at the next stage anyway).
    """
    checked = len(group) >= CHECKED_GROUP_LINES
    for line in group:
        text = line.text
        if line.words <= ECHO_MIN_WORDS or len(text) <= _KEY_CHARS:
            continue
        if checked:
            checkpoint("matching lines that repeat others")
        for other in group:
            if len(other.text) < len(text) and repeats(text, other.text):
                if repeats is str.startswith and continues(text, other.text):
                    continue
                found[line.index] = other.index
