"""maroc-actu.test: a French news site on a Newspaper-style theme (seed 004).

Its top bar shows today's date ("vendredi, novembre 22, 2024"); the article's
own date is the ``<time>`` in the post header.
"""

from extractors.site import SiteExtractor, register


@register
class MarocActu(SiteExtractor):
    """Articles in ``article.post``; the body is ``div.td-post-content``."""

    domains = ("maroc-actu.test",)
    title = "article.post h1.entry-title"
    body = "article.post div.td-post-content"
    noise = (".td-post-featured-image", ".td-a-rec", "figure")
    published = "article.post header time.entry-date"

    start_urls = ("https://maroc-actu.test/",)
    # Posts live at the root as a long slug (WordPress "post name" permalinks).
    article_urls = (r"^https://maroc-actu\.test/[a-z0-9]+(?:-[a-z0-9]+){4,}/?$",)
    skip_urls = (r"/wp-login\.php", r"/\?s=", r"/tag/", r"/author/", r"/category/")
