"""extract() on bad input: an Article with a reason, or InputError; never a hang.

Two kinds of case. The small ones are files in tests/extractors/cases/, one test each, named
by file; tests/extractors/cases/cases.json says what each must give ("reason", or substrings
the body must hold and no field may hold). The large ones (megabytes, a million
elements) are built here at run time: they are never committed.

Each large case also checks its time against a bound far above what it takes
(``QUICK``): a failure means extraction lost its bound, not a slow machine.
``NEWSCLEAN_WORST_CASE=1`` adds the measurement of the worst inputs known at the
limits, one subprocess each, printing time and peak memory (extractors/limits.py
quotes the figures).
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import lxml.etree
import pytest

from extractors import Article, InputError, extract
from extractors.limits import Limits

CASES = Path(__file__).resolve().parent / "cases"
INDEX: dict[str, dict[str, Any]] = json.loads((CASES / "cases.json").read_text("utf-8"))

# Seconds any single large case may take: ten times the slowest seen on a loaded
# 2-core machine. Hitting it means the input escaped a bound.
QUICK = 20.0

PARAGRAPH = (
    "<p>The minister arrived in Rabat on Monday, officials said, for two days of talks "
    "on security, trade and the coalition against the Islamic State group.</p>"
)
ARTICLE = f"<article><h1>A headline</h1>{PARAGRAPH * 5}</article>"
FOUND = "minister arrived in Rabat"


def timed(call: Callable[[], Article]) -> tuple[Article, float]:
    start = time.perf_counter()
    article = call()
    return article, time.perf_counter() - start


def assert_no_article(article: Article, reason: str) -> None:
    assert article.body == "", f"expected no body, got {article.body[:200]!r}"
    assert article.reason == reason


def assert_article(article: Article) -> None:
    assert article.reason is None, f"no article, reason {article.reason!r}"
    assert FOUND in article.body, f"article text missing from {article.body[:300]!r}"


# ---- the case files ---------------------------------------------------------------


def test_every_case_file_is_indexed() -> None:
    files = {p.name for p in CASES.iterdir() if p.name != "cases.json"}
    assert files == set(INDEX), f"unindexed: {files - set(INDEX)}, missing: {set(INDEX) - files}"


@pytest.mark.parametrize("name", sorted(INDEX))
def test_case_file(name: str) -> None:
    expected = INDEX[name]
    data = (CASES / name).read_bytes()
    article = extract(data, "https://paper.test/case", encoding=expected.get("encoding"))
    assert isinstance(article, Article)
    if "reason" in expected:
        assert_no_article(article, expected["reason"])
    else:
        assert article.reason is None, f"{expected['why']}: no article ({article.reason})"
        for text in expected["body_contains"]:
            assert text in article.body, f"{expected['why']}: {text!r} not in {article.body!r}"
    fields = [str(value) for value in article.to_dict().values()]
    leaked = [text for text in expected.get("body_lacks", []) if any(text in f for f in fields)]
    assert not leaked, f"{expected['why']}: {leaked} in the Article"


# ---- str input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "reason"),
    [("", "empty-input"), (" \n\t\r ", "empty-input"), ("\x00\x01\x02" * 300, "not-html")],
    ids=["empty", "whitespace", "controls"],
)
def test_str_without_a_page(page: str, reason: str) -> None:
    assert_no_article(extract(page), reason)


def test_str_with_lone_surrogates() -> None:
    page = f"<html><body>{ARTICLE}<p>Broken \ud800 and \udfff here.</p></body></html>"
    article = extract(page.replace("Rabat on", "Rabat\udc80 on"))
    assert_article(article)
    assert not any("\ud800" <= ch <= "\udfff" for ch in article.body)
    article.body.encode("utf-8")  # a str that can leave the process


def test_str_with_nul_bytes_and_an_xml_declaration() -> None:
    page = f'<?xml version="1.0" encoding="utf-8"?>\n<html><body>{ARTICLE}</body></html>'
    article = extract(page.replace("Rabat", "Ra\x00bat"))
    assert_article(article)
    assert "\x00" not in article.body


# ---- large inputs, built here -------------------------------------------------------


def test_a_20_mb_page_is_too_large() -> None:
    page = "<html><body>" + ARTICLE * (20_000_000 // len(ARTICLE)) + "</body></html>"
    data = page.encode()
    for article, seconds in (timed(lambda: extract(page)), timed(lambda: extract(data))):
        assert_no_article(article, "too-large")
        assert seconds < 1.0  # refused before decoding


def test_a_page_over_a_lowered_size_limit_is_too_large() -> None:
    page = f"<html><body>{ARTICLE}</body></html>"
    assert_no_article(extract(page, limits=Limits(max_bytes=len(page) - 1)), "too-large")
    assert_article(extract(page, limits=Limits(max_bytes=len(page))))


def test_a_gzip_bomb_is_too_large_without_inflating_it() -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 64_000_000, compresslevel=9, mtime=0)
    assert len(bomb) < 100_000
    article, seconds = timed(lambda: extract(bomb))
    assert_no_article(article, "too-large")
    assert seconds < QUICK


def test_100_000_levels_of_nesting() -> None:
    # 100,000 start tags: over the element limit, refused before parsing.
    deep = "<div>" * 100_000 + ARTICLE + "</div>" * 100_000
    article, seconds = timed(lambda: extract(deep))
    assert_no_article(article, "too-large")
    assert seconds < QUICK


def test_nesting_past_libxml2s_depth_hides_what_is_below() -> None:
    # libxml2 stops building at depth 256: an article below that is never read.
    deep = "<div>" * 40_000 + ARTICLE
    article, seconds = timed(lambda: extract(deep))
    assert_no_article(article, "too-large")
    assert seconds < QUICK


def test_nesting_past_libxml2s_depth_after_the_article() -> None:
    page = f"<html><body>{ARTICLE}" + "<span><b>" * 20_000 + "x"
    article, seconds = timed(lambda: extract(page.encode()))
    assert_article(article)
    assert seconds < QUICK


def test_a_million_sibling_elements_are_too_large() -> None:
    page = "<html><body><div>" + "<p>x</p>" * 1_000_000 + "</div></body></html>"
    article, seconds = timed(lambda: extract(page))
    assert_no_article(article, "too-large")
    assert seconds < QUICK


def test_a_million_siblings_parse_in_bounded_memory() -> None:
    # Peak memory of a fresh process: the page is refused before libxml2 builds
    # a million elements (about 150 MB for them alone).
    peak_mb = _peak_rss_mb(
        """
        page = "<html><body><div>" + "<p>x</p>" * 1_000_000 + "</div></body></html>"
        assert extract(page).reason == "too-large"
        """
    )
    assert peak_mb < 400, f"peak RSS {peak_mb:.0f} MB"


def test_elements_over_a_lowered_limit_are_too_large() -> None:
    page = f"<html><body>{ARTICLE}</body></html>"
    assert_no_article(extract(page, limits=Limits(max_elements=5)), "too-large")


def test_a_10_mb_line_without_spaces() -> None:
    # libxml2 builds no text node over 10,000,000 bytes: the article before it is kept.
    line = "a" * 10_000_000
    article, seconds = timed(lambda: extract(f"<html><body>{ARTICLE}<p>{line}</p></body></html>"))
    assert_article(article)
    assert line[:1000] not in article.body
    assert seconds < QUICK
    assert_no_article(extract(f"<html><body><p>{line}</p></body></html>"), "too-large")


def test_a_9_mb_line_without_spaces_is_read() -> None:
    line = "é" * 4_500_000  # 9 MB as UTF-8, under libxml2's limit
    article, seconds = timed(lambda: extract(f"<html><body><p>{line}</p></body></html>".encode()))
    assert article.reason is None
    assert article.body == line
    assert seconds < QUICK


def test_a_5_mb_attribute() -> None:
    page = f'<html><body><div class="{"x" * 5_000_000}">{ARTICLE}</div></body></html>'
    article, seconds = timed(lambda: extract(page))
    assert_article(article)
    assert seconds < QUICK


def test_a_tag_with_80_000_attributes_is_too_large() -> None:
    # libxml2 would compare each attribute with all before it: 3.2 billion
    # comparisons, about 15 s. The markup scan counts them before parsing.
    names = " ".join(f"a{i}" for i in range(80_000))
    article, seconds = timed(lambda: extract(f"<html><body><div {names}>{ARTICLE}</div>"))
    assert_no_article(article, "too-large")
    assert seconds < 2.0


def test_an_attribute_flood_hidden_behind_quotes_and_a_script() -> None:
    # Quoted ">" and a "</script>" in a string must not put the scan out of step.
    flood = " ".join(f'a{i}=">"' for i in range(20_000))
    page = f"<script>if (a<b) {{ x = '</scr' + 'ipt>'; }}</script><div {flood}>{ARTICLE}</div>"
    assert_no_article(extract(page), "too-large")


def test_attributes_over_a_lowered_limit_are_too_large() -> None:
    # 40 attributes: more than a short tag (counted without a look) may have.
    names = " ".join(f'a{i}="{i}"' for i in range(40))
    page = f"<html><body><div {names}>{ARTICLE}</div></body></html>"
    assert_no_article(
        extract(page, limits=Limits(max_attribute_pairs=40 * 39 // 2 - 1)), "too-large"
    )
    assert_article(extract(page, limits=Limits(max_attribute_pairs=40 * 39 // 2)))


# ---- entities: never expanded, never fetched -----------------------------------------


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A TCP port on 127.0.0.1 that records whether anything connects."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


def test_external_entities_touch_neither_network_nor_files(
    listener: socket.socket, tmp_path: Path
) -> None:
    port = listener.getsockname()[1]
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARKER-7f3a", encoding="utf-8")
    url = f"http://127.0.0.1:{port}/x"
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html SYSTEM "{url}/dtd" ['
        f'<!ENTITY net SYSTEM "{url}/entity"><!ENTITY file SYSTEM "{secret.as_uri()}">'
        f'<!ENTITY % param SYSTEM "{url}/param"> %param;]>'
        f"<html><body><article><p>&net; &file;</p>{PARAGRAPH * 5}</article></body></html>"
    )
    article = extract(page.encode(), "https://paper.test/x")
    assert_article(article)
    assert "SECRET-MARKER" not in json.dumps(article.to_dict())
    time.sleep(0.2)
    with pytest.raises(BlockingIOError):
        listener.accept()  # nobody connected


def test_billion_laughs_is_never_expanded() -> None:
    data = (CASES / "billion-laughs.html").read_bytes()
    article, seconds = timed(lambda: extract(data))
    assert_article(article)
    assert "lollol" not in article.body
    assert seconds < QUICK


# ---- time and the last line of defence -----------------------------------------------


def test_a_passed_deadline_gives_timeout() -> None:
    page = f"<html><body>{ARTICLE}</body></html>"
    assert_no_article(extract(page, limits=Limits(max_seconds=0)), "timeout")
    assert_article(extract(page, limits=Limits(max_seconds=None)))


def test_slow_floods_stop_at_the_deadline() -> None:
    # Thousands of ftfy repairs would run for minutes; each checks the deadline first.
    paragraph = "<p>" + "CafÃ© dÃ©mÃ©nage Ã  l'Ã©cole, Ã©tÃ©. " * 100 + "</p>"
    page = "<html><body>" + paragraph * 2_000
    article, seconds = timed(lambda: extract(page, limits=Limits(max_seconds=1)))
    assert_no_article(article, "timeout")
    assert seconds < 5.0


def test_a_flood_of_unreadable_dates_is_not_read_to_the_end() -> None:
    # 5,000 <time> elements with impossible dates: dateparser takes about 5 ms per
    # try, so metadata tries a bounded number of candidates (MAX_DATE_CANDIDATES)
    # and the page is done long before any deadline.
    page = "<html><body>" + "<time datetime='31.02.2022'>x</time>" * 5_000
    article, seconds = timed(lambda: extract(page, limits=Limits(max_seconds=None)))
    assert article.published is None
    assert seconds < 5.0


@pytest.mark.parametrize(
    "error",
    [
        lxml.etree.XPathEvalError("bad"),
        RecursionError("deep"),
        UnicodeDecodeError("x", b"", 0, 1, ""),
    ],
    ids=["lxml", "recursion", "codec"],
)
def test_parser_codec_and_recursion_errors_never_escape(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def fail(*args: object, **kwargs: object) -> list[str]:
        raise error

    monkeypatch.setattr("extractors.api.generic_body", fail)
    assert_no_article(extract(f"<html><body>{ARTICLE}</body></html>"), "unparseable")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"html": 12345}, "bytes or str, not int"),
        ({"html": None}, "bytes or str, not NoneType"),
        ({"html": ["<p>x</p>"]}, "bytes or str, not list"),
        ({"html": "<p>x</p>", "url": b"https://x.test/"}, "url as a str or None, not bytes"),
        ({"html": "<p>x</p>", "encoding": 8}, "encoding as a str or None, not int"),
        ({"html": "<p>x</p>", "limits": {"max_bytes": 10}}, "Limits, not dict"),
    ],
    ids=["int", "none", "list", "bytes-url", "int-encoding", "dict-limits"],
)
def test_wrong_argument_types_raise_input_error(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        extract(**kwargs)


@pytest.mark.parametrize(
    "bad",
    [{"max_bytes": 0}, {"max_elements": -1}, {"max_attribute_pairs": 1.5}, {"max_seconds": -1}],
)
def test_bad_limits_raise_input_error(bad: dict[str, Any]) -> None:
    with pytest.raises(InputError, match="Limits"):
        Limits(**bad)


# ---- worst cases at the limits (measured on demand) ------------------------------------


def _run_measured(script: str, timeout: float = 120) -> tuple[float, str]:
    """Run ``script`` (with ``extract`` imported) in a fresh process; its peak RSS in
    MB and what it wrote to stderr.

    The peak is VmHWM of /proc/self/status, the high-water mark of the process's own
    memory. Not ru_maxrss: Linux carries it over execve from the parent, so under a
    pytest process that has grown to 500 MB every child would report 500 MB.
    """
    code = (
        "from extractors import extract\n"
        + textwrap.dedent(script)
        + "\nimport re\nstatus = open('/proc/self/status').read()\n"
        + "print(re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    return int(done.stdout.split()[-1]) / 1024, done.stderr


def _peak_rss_mb(script: str) -> float:
    """The peak RSS in MB of ``script`` run in a fresh process."""
    return _run_measured(script)[0]


_S = "The minister arrived in Rabat on Monday, officials said, for two days of talks."
WORST = {
    "16 MiB article in 2,000 paragraphs": (
        f"page = '<html><body><article>' + ('<p>' + {_S!r} * 100 + '</p>') * 2_000"
    ),
    "49,990 links in one <div>": (
        "page = '<html><body><div>' + '<a href=x>link text, yes</a>' * 49_990 + '</div>'"
    ),
    "12,490 <div><div><div><p> blocks": (
        f"page = '<html><body>' + '<div><div><div><p>{_S}</p></div></div></div>' * 12_490"
    ),
    "49,990 short paragraphs": "page = '<html><body>' + '<p>x</p>' * 49_990",
    "12 MB of class names on 3,000 elements": (
        "import random\nrng = random.Random(0)\n"
        "page = '<html><body>' + ''.join('<div class=\"' + ' '.join(f'w{rng.randrange(10**6)}'"
        f" for _ in range(500)) + '\"><p>{_S}</p></div>' for _ in range(3_000))"
    ),
    "10 MB of mojibake in one paragraph (libxml2's longest text)": (
        "page = '<html><body><p>' + 'CafÃ© dÃ©mÃ©nage Ã  l\\'Ã©cole, Ã©tÃ©. ' * 199_800"
    ),
    "16 MiB of mojibake in 3,300 paragraphs": (
        "page = '<html><body>' + ('<p>' + 'CafÃ© dÃ©mÃ©nage Ã  l\\'Ã©cole, Ã©tÃ©. ' * 100"
        " + '</p>') * 3_300"
    ),
    "49,990 unparseable <time> dates": (
        "page = '<html><body>' + \"<time datetime='31.02.2022'>x</time>\" * 49_990"
    ),
    "one tag of 1,400 attributes": (
        f"page = '<div ' + ' '.join(f'a{{i}}' for i in range(1_400)) + '><p>{_S * 5}</p></div>'"
    ),
    "10 MB line without spaces after the article": (
        f"page = '<html><body>' + {ARTICLE!r} + '<p>' + 'a' * 10_000_000"
    ),
    "5 MB class attribute": f"page = '<div class=\"' + 'x' * 5_000_000 + '\">' + {ARTICLE!r}",
    "80,000 attributes in one tag (refused)": (
        "page = '<div ' + ' '.join(f'a{i}' for i in range(80_000)) + '>'"
    ),
    "gzip bomb, 64 MB in 62 KB (refused)": (
        "import gzip\npage = gzip.compress(b'<p>' + b'a' * 64_000_000, mtime=0)"
    ),
    "1,000,000 sibling elements (refused)": "page = '<html><body>' + '<p>x</p>' * 1_000_000",
    "100,000 levels of nesting": "page = '<div>' * 100_000 + '<p>x</p>'",
    "20 MB page (refused)": f"page = '<html><body>' + '<p>{_S}</p>' * 250_000",
}


@pytest.mark.skipif(
    not os.environ.get("NEWSCLEAN_WORST_CASE"), reason="set NEWSCLEAN_WORST_CASE=1 to measure"
)
@pytest.mark.parametrize("shape", list(WORST))
def test_worst_case_at_the_limits(shape: str) -> None:
    script = (
        WORST[shape]
        + "\nimport time\nstart = time.perf_counter()\narticle = extract(page)\n"
        + "seconds = time.perf_counter() - start\n"
        + "import sys\nprint(f'{seconds:.2f} {article.reason} {len(page)}', file=sys.stderr)\n"
    )
    peak, stderr = _run_measured(script, timeout=600)
    seconds, reason, size = stderr.split()[-3:]
    print(f"\n{shape}: {seconds} s, peak RSS {peak:.0f} MB, {int(size) / 1e6:.1f} MB, {reason}")
