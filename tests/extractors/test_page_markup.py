"""The markup scan: extractors/page/markup.py (its agreement with libxml2 is a property
test in test_extractors_properties.py)."""

from __future__ import annotations

import time

import pytest

from extractors.page.markup import SHORT_TAG_TOKENS, scan

MANY = " ".join(f"a{i}" for i in range(100))  # 100 attributes: 4,950 comparisons


def test_start_tags_are_counted_past_the_limit_only_as_over() -> None:
    assert scan("<i>" * 10, 100).start_tags <= 10
    assert scan("<i>" * 200, 100).start_tags == 101
    assert scan("<i>" * 200, 1000).start_tags >= 200


def test_a_tag_with_many_attributes_is_counted() -> None:
    assert scan(f"<div {MANY}>x</div>", 100).attribute_pairs == 4950
    assert scan(f"<div {MANY}/>", 100).attribute_pairs == 4950


def test_short_tags_are_not_counted() -> None:
    names = " ".join(f"a{i}" for i in range(SHORT_TAG_TOKENS // 2))
    assert scan(f"<div {names}>x</div>", 100).attribute_pairs == 0


def test_a_quoted_gt_does_not_end_a_tag() -> None:
    flood = " ".join(f'a{i}=">"' for i in range(100))
    assert scan(f"<div {flood}>x</div>", 100).attribute_pairs == 4950


@pytest.mark.parametrize(
    "page",
    [
        f'<script>var s = "<div {MANY}>";</script>',
        f"<style>/* <div {MANY}> */</style>",
        f"<title><div {MANY}></title>",
        f"<textarea><div {MANY}></textarea>",
        f"<!-- <div {MANY}> -->",
        f"<!DOCTYPE html <div {MANY}>",
        f"</p {MANY}>",
        f"<script><!--<script></script><div {MANY}></script>-->",
        f"<plaintext><div {MANY}>",
    ],
    ids=["script", "style", "title", "textarea", "comment", "doctype", "end-tag",
         "script-double-escape", "plaintext"],
)  # fmt: skip
def test_what_libxml2_does_not_build_is_not_counted(page: str) -> None:
    assert scan(page, 100).attribute_pairs == 0


@pytest.mark.parametrize(
    "page",
    [
        f"<script/><div {MANY}>",  # a self-closed <script> has no content in libxml2
        f"<script>x</script ><div {MANY}>",
        f"<script><!-- x --></script><div {MANY}>",
        f"<!--> <div {MANY}> -->",  # "<!-->" is a whole comment
        f"<p>a < b</p><div {MANY}>",
    ],
    ids=["self-closed-script", "end-tag-with-space", "escaped-script", "abrupt-comment", "lt"],
)
def test_what_libxml2_builds_after_raw_text_is_counted(page: str) -> None:
    assert scan(page, 100).attribute_pairs == 4950


def test_the_scan_is_linear_on_16_mb() -> None:
    pages = ["<a>" * 5_500_000, "< a" * 5_500_000, "<p>" + "x" * 16_000_000, "<!--" * 4_000_000]
    for page in pages:
        start = time.perf_counter()
        scan(page, 50_000)
        assert time.perf_counter() - start < 5.0, page[:20]
