"""The benchmark's tool rows: each is called the way its users call it."""

from __future__ import annotations

import pytest

from benchmarks.tools import TRAFILATURA_METADATA, load_tool

PAGE = b"""<html><head><title>Bridge closes for repairs - The Town Post</title>
<meta name="author" content="Ann Reporter">
<meta property="article:published_time" content="2024-03-05T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge closes for repairs</h1>
<p>The council voted on Tuesday to close the old bridge for repairs, after an
inspection found cracks in two of its supports.</p>
<p>Traffic will be diverted through the north end of town until June, and the
bus company has moved three of its stops for the duration of the works.</p>
<p>Residents said the detour adds twenty minutes to the school run, and asked
the council to open a footpath across the river before the summer.</p>
</article><footer>Copyright The Town Post</footer></body></html>"""


def test_the_metadata_row_gives_trafilaturas_body() -> None:
    pytest.importorskip("trafilatura")
    url = "https://post.test/news/bridge"
    body = load_tool(TRAFILATURA_METADATA)(PAGE, url)
    assert "close the old bridge for repairs" in body
    assert body == load_tool("trafilatura")(PAGE, url)
