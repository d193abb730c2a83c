"""marokko-aktuell.test: a German news site on a Jannah-style theme (seed 003)."""

from extractors.site import SiteExtractor, register


@register
class MarokkoAktuell(SiteExtractor):
    """Articles in ``article#the-post``; dates and authors come from its JSON-LD."""

    domains = ("marokko-aktuell.test",)
    title = "article#the-post h1.entry-title"
    body = "article#the-post div.entry-content"
    noise = ("figure", ".post-components", ".post-bottom-meta", ".share-buttons")

    start_urls = ("https://marokko-aktuell.test/",)
    # Posts live at the root as a long slug (WordPress "post name" permalinks).
    article_urls = (r"^https://marokko-aktuell\.test/[a-z0-9%]+(?:-[a-z0-9%]+){4,}/?$",)
    skip_urls = (r"/wp-login\.php", r"/\?s=", r"/tag/", r"/author/", r"/mein-konto")
