"""akhbar-almaghrib.test: an Arabic news site on a Jannah-style theme (seed 001)."""

from extractors.site import SiteExtractor, register


@register
class AkhbarAlmaghrib(SiteExtractor):
    """Articles in ``article#the-post``; the date line sits above the headline."""

    domains = ("akhbar-almaghrib.test",)
    title = "article#the-post h1.entry-title"
    body = "article#the-post div.entry-content"
    noise = ("figure", ".post-components", ".urgent-label")
    published = "article#the-post div.entry-header span.date"

    start_urls = ("https://akhbar-almaghrib.test/",)
    article_urls = (r"/archives/\d+/?$",)
    skip_urls = (r"/wp-login\.php", r"/\?s=", r"/tag/", r"/author/")
