"""thehill.com: a US political news site on Drupal (two pages of the
article-extraction benchmark, fixtures/thehill.com/).

Inside its paragraphs, a politician's name carries a pop-up card
(``span.rollover-people-block``: photo, full name, three headlines of other
articles and "MORE"), which CSS shows on hover; the generic extractor sees a
link-dense lead paragraph and drops it, and with it the article's first sentence.
"""

from extractors.site import SiteExtractor, register


@register
class TheHill(SiteExtractor):
    """News and blog posts (``article.node-article``, ``article.node-blogs``); the
    body is Drupal's body field."""

    domains = ("thehill.com",)
    title = "h1#page-title"
    body = "article.node div.field-name-body div.field-item"
    # The people pop-ups inside sentences; the "ADVERTISEMENT" slot between paragraphs.
    noise = ("span.rollover-people-block", "div.dfp-tag-wrapper")
    authors = "span.submitted-by a[href^='/author/']"

    start_urls = ("https://thehill.com/",)
    # Article paths end in "<node id>-<slug>": /homenews/news/471033-south-dakota-...
    article_urls = (r"^https://thehill\.com/(?:[a-z0-9-]+/)+\d{5,}-[a-z0-9-]+/?$",)
    skip_urls = (r"/user/", r"/search", r"/people/", r"/social-tags/", r"/person/")
