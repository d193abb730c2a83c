"""revue-de-presse.test: a French press-review aggregator (seed 002)."""

from extractors.site import SiteExtractor, register


@register
class RevueDePresse(SiteExtractor):
    """Aggregated articles in ``div.news-article``, dated by their source line."""

    domains = ("revue-de-presse.test",)
    title = "div.news-article h1.news-title"
    body = "div.news-article div.news-body"
    noise = (".news-image", ".news-source", ".news-source-link")
    published = "div.news-source span.news-date"

    start_urls = ("https://revue-de-presse.test/",)
    article_urls = (r"/fr/[\w-]+/\d+/?$",)
    skip_urls = (r"/search", r"/login", r"/fr/tag/")
