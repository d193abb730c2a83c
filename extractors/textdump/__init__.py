"""Articles out of text that has lost its markup: text dumps and WET records.

A text dump is what a scraper kept of a page: one block per line, the article
mixed with menus, tickers, teaser lists, "Read also" links and widgets.
:func:`extract_text` keeps the article's lines, and reads the headline, the
date line and the language where the text shows them.

- :mod:`~extractors.textdump.lines`: the dump cut into measured lines;
- :mod:`~extractors.textdump.wrap`: hard-wrapped paragraphs joined back;
- :mod:`~extractors.textdump.features`: how much a line reads like prose;
- :mod:`~extractors.textdump.rules` and :mod:`~extractors.textdump.htmlrules`:
  lines that are furniture by their words (the second is the one adapter to the
  HTML extractor's line rules);
- :mod:`~extractors.textdump.items`: lines heading a list's items (a comment's
  author, a teaser's age);
- :mod:`~extractors.textdump.region`: the article's span, a chain of prose;
- :mod:`~extractors.textdump.lists`: lists the article introduces, kept;
- :mod:`~extractors.textdump.title`: the headline and the date line;
- :mod:`~extractors.textdump.judge`: every line judged, with a reason;
- :mod:`~extractors.textdump.site`: lines a site prints on every page;
- :mod:`~extractors.textdump.wet`: records of a WET file;
- :mod:`~extractors.textdump.api`: the public functions.

May import :mod:`extractors.text`, :mod:`extractors.limits`,
:mod:`extractors.metadata`, :mod:`extractors.article`, :mod:`extractors.exceptions`
and :mod:`extractors.generic.lines` (through ``htmlrules`` only); never the
page loader, the site extractors or :mod:`extractors.api`.
"""

from extractors.textdump.api import TEXT_EXTRACTOR, explain_text, extract_text, extract_texts
from extractors.textdump.judge import LineVerdict
from extractors.textdump.site import SiteLines
from extractors.textdump.wet import WetFormatError, WetRecord, read_wet

__all__ = [
    "TEXT_EXTRACTOR",
    "LineVerdict",
    "SiteLines",
    "WetFormatError",
    "WetRecord",
    "explain_text",
    "extract_text",
    "extract_texts",
    "read_wet",
]
