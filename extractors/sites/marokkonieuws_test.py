"""marokkonieuws.test: a Dutch WordPress news site (seed 000)."""

from extractors.site import SiteExtractor, register


@register
class MarokkoNieuws(SiteExtractor):
    """Articles in ``article.post``; "Lees ook" links sit inline between paragraphs."""

    domains = ("marokkonieuws.test",)
    title = "article.post h1.entry-title"
    body = "article.post div.entry-content"
    # The inline "Lees ook: <a>" paragraphs carry no class: the generic read-also
    # rule in extractors.generic.blocks drops them, so only the blocks with a class are here.
    noise = ("figure", ".sharedaddy", ".related-posts")
    published = "header.entry-header span.posted-on"
    section = "header.entry-header span.cat-links a[rel~=category]"

    start_urls = ("https://marokkonieuws.test/",)
    article_urls = (r"/\d{4}/\d{2}/\d{2}/[\w-]+/?$",)
    skip_urls = (r"/wp-login\.php", r"/\?s=", r"/tag/", r"/author/", r"/comments/feed/?$")
