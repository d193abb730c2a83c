"""Everything about an article but its body: title, dates, authors, language, site.

- :mod:`~extractors.metadata.jsonld`: the article object of the page's JSON-LD;
- :mod:`~extractors.metadata.dates`: dates from structured values and visible lines;
- :mod:`~extractors.metadata.language`: the language of undeclared pages;
- :mod:`~extractors.metadata.sources`: the meta tags, the JSON-LD article and the
  names the site goes by, read once a page;
- :mod:`~extractors.metadata.chrome`: where a page's dates and bylines are the site's;
- :mod:`~extractors.metadata.titles`: the headline its sources agree on, undecorated;
- :mod:`~extractors.metadata.bylines`, :mod:`~extractors.metadata.names`: the authors;
- :mod:`~extractors.metadata.pagedates`: where the dates are (structured, visible, URL);
- :mod:`~extractors.metadata.taglines`: the description, never the site's tagline;
- :mod:`~extractors.metadata.reader`: every field from its sources, in order of trust.

Reads the unpruned tree, before extraction. May import :mod:`extractors.page`,
:mod:`extractors.text` and :mod:`extractors.limits`; never the generic
extractor, the site extractors or the API.
"""

from extractors.metadata.dates import ParsedDate, find_date, parse_date
from extractors.metadata.language import detect_language, page_language
from extractors.metadata.reader import (
    Metadata,
    normalize_language,
    read_metadata,
    url_date,
    visible_date,
)

__all__ = [
    "Metadata",
    "ParsedDate",
    "detect_language",
    "find_date",
    "normalize_language",
    "page_language",
    "parse_date",
    "read_metadata",
    "url_date",
    "visible_date",
]
