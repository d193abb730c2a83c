"""The article's span in hand-made dumps: which related headings end it.

Each dump is written by hand in the shape of the flattened pages where the
span went wrong; the expected body is the article's lines, chosen by reading.
"""

from __future__ import annotations

from extractors import extract_text

MENU = "Home\nNews\nWorld\nBusiness\nSport\nSearch\n"
HEADLINE = "Harbour town rebuilds its sea wall after the winter storms\n"
LEDE = [
    "The harbour town of Kelmouth began rebuilding its sea wall on Monday, "
    "three months after the winter storms broke it in two places.",
    "The council said the work would take until the end of the summer and cost "
    "about four million pounds, most of it from a national flood fund.",
    "It is the largest repair the town has paid for since the wall was built in "
    "1887, and the first to be planned with rising sea levels in mind.",
]
REST = [
    "Engineers will first drive steel piles along the old line of the wall, "
    "then pour a concrete face that stands a metre higher than before.",
    "Fishermen who moor inside the harbour will have to move their boats to a "
    "temporary pontoon on the north quay while the piles go in.",
    "The storms in January flooded forty homes on the seafront, and several "
    "families are still living with relatives or in rented flats.",
    "A resident who has lived on the front for thirty years said the new wall "
    "could not come soon enough, as every high tide still laps at her door.",
    "The council will hold a public meeting next week to show the plans, and "
    "has promised to keep the beach open for most of the works.",
    "Work on a second stretch of wall, east of the lifeboat station, is due to "
    "begin next year if the flood fund approves the council's bid.",
]
TEASERS = (
    "Coastal path closed after landslip near the lighthouse\n"
    "Lifeboat crew rescues two walkers cut off by the tide\n"
    "Ferry fares to rise in spring, operator says\n"
)
SUMMARIES = (
    "Coastal path closed after landslip near the lighthouse\n"
    "The path along the cliffs will stay shut until geologists have checked the rock "
    "face above it, which moved again after the heavy rain of last weekend.\n"
    "Lifeboat crew rescues two walkers cut off by the tide\n"
    "The pair had set out along the sands at low water and were stranded on a ledge "
    "below the headland when the tide came in faster than they had expected.\n"
    "Ferry fares to rise in spring, operator says\n"
    "Return tickets to the islands will cost a pound more from April, the operator "
    "said, blaming the price of fuel and the cost of repairs to its oldest ship.\n"
)
FOOTER = "About us\nContact\nPrivacy\n© 2024 Kelmouth Gazette\n"


def test_inline_related_box_after_the_lede_keeps_the_lede() -> None:
    """A related heading with little prose above it heads a box in the article."""
    dump = (
        MENU
        + HEADLINE
        + "\n".join(LEDE)
        + "\nRelated Stories\n"
        + TEASERS
        + "\n".join(REST)
        + "\nMore stories\n"
        + TEASERS
        + FOOTER
    )
    article = extract_text(dump)
    assert article.title == HEADLINE.strip()
    assert article.body == "\n\n".join(LEDE + REST)


def test_related_list_after_the_article_stays_out() -> None:
    """After most of the article, a related heading ends it, even when its
    teasers carry summaries that read as sentences."""
    dump = MENU + HEADLINE + "\n".join(LEDE + REST) + "\nRelated\n" + SUMMARIES + FOOTER
    assert extract_text(dump).body == "\n\n".join(LEDE + REST)


def test_comment_count_among_teasers_above_the_article_stays_out() -> None:
    """A comments heading never heads an inline box, even with most of the
    page's prose below it: there, it is a teaser's comment count (and no
    headline line marks where the article starts)."""
    dump = MENU + SUMMARIES + "16 Comments\n" + "\n".join(LEDE + REST) + "\n" + FOOTER
    assert extract_text(dump).body == "\n\n".join(LEDE + REST)
