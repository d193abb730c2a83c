"""An :class:`~extractors.article.Article` in the names of zyte-common-items' ``Article``.

zyte-common-items (the item schema of Zyte's API, schema.org-style camelCase
names) is what other news tools and their users read. :func:`to_zyte` writes an
Article with those names, and the names it has no field for under one key of
ours, ``"newsclean"``, in the Article's own names:

==================  =======================================
Article             zyte-common-items ``Article``
==================  =======================================
``url``             ``url``
``canonical_url``   ``canonicalUrl``
``title``           ``headline``
``body``            ``articleBody``
``body_html``       ``articleBodyHtml``
``published``       ``datePublished``
``published_raw``   ``datePublishedRaw``
``modified``        ``dateModified``
``modified_raw``    ``dateModifiedRaw``
``authors``         ``authors``: ``[{"name": ...}]``
``language``        ``inLanguage``
``description``     ``description``
``image``           ``mainImage``: ``{"url": ...}``
``fetched``         ``metadata``: ``{"dateDownloaded": ...}``
any other field     ``newsclean``: ``{field: value}``
==================  =======================================

``section``, ``site_name``, ``extractor``, ``reason``, ``http_status``,
``discovered_by``, ``page_type_confidence`` and ``body_markdown`` have no
zyte-common-items name, and land under ``newsclean``, as will any field added to
Article later. Empty values (None, empty lists) are left out, as
zyte-common-items' own serializer leaves them out. Authors have a
``name`` only: the Article keeps the name, not the text it was read from
(zyte-common-items' ``nameRaw``). Dates keep their ISO 8601 form, a day-only
date (``2022-04-20``) included.

>>> item = to_zyte(Article(url="https://n.test/a", title="Hi", authors=["Ann Lee"],
...                        section="World", extractor="generic"))
>>> item["headline"], item["authors"], item["newsclean"]
('Hi', [{'name': 'Ann Lee'}], {'section': 'World', 'extractor': 'generic'})
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import fields
from typing import Any

from extractors.article import Article

__all__ = ["OWN_KEY", "ZYTE_NAMES", "to_zyte"]

ZYTE_NAMES: dict[str, str] = {
    "url": "url",
    "canonical_url": "canonicalUrl",
    "title": "headline",
    "body": "articleBody",
    "body_html": "articleBodyHtml",
    "published": "datePublished",
    "published_raw": "datePublishedRaw",
    "modified": "dateModified",
    "modified_raw": "dateModifiedRaw",
    "language": "inLanguage",
    "description": "description",
}
"""Article fields whose value zyte-common-items takes as it is, by its name for them."""

OWN_KEY = "newsclean"
"""The key of the fields zyte-common-items has no name for."""

# Fields written in a shape of zyte-common-items' own (see _structured).
_STRUCTURED = frozenset({"authors", "image", "fetched"})


def _empty(value: object) -> bool:
    """zyte-common-items' rule for leaving a value out: None or an empty collection
    (an empty string stays)."""
    return value is None or (isinstance(value, list | dict | tuple) and not value)


def _structured(article: Article) -> dict[str, Any]:
    item: dict[str, Any] = {}
    if article.authors:
        item["authors"] = [{"name": name} for name in article.authors]
    if article.image:
        item["mainImage"] = {"url": article.image}
    if article.fetched:
        item["metadata"] = {"dateDownloaded": article.fetched}
    return item


def to_zyte(article: Article, *, without: Collection[str] = ()) -> dict[str, Any]:
    """``article`` as a JSON-ready dict in zyte-common-items' ``Article`` names;
    ``without`` names Article fields to leave out (``{"body"}``: no ``articleBody``)."""
    item: dict[str, Any] = {}
    own: dict[str, Any] = {}
    for field in fields(article):
        value = getattr(article, field.name)
        if field.name in _STRUCTURED or field.name in without or _empty(value):
            continue
        if field.name in ZYTE_NAMES:
            item[ZYTE_NAMES[field.name]] = value
        else:
            own[field.name] = value
    item.update(_structured(article))
    if own:
        item[OWN_KEY] = own
    return item
