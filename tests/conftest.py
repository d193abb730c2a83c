"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crawler.demosite import SiteServer, serve_site


@pytest.fixture(scope="module")
def test_site() -> Iterator[SiteServer]:
    """The local test site (crawler.demosite) served on 127.0.0.1 for a test module.

    Its ``site`` attribute is the answer key: which paths are articles, listings,
    expected drops, near-duplicate pairs, and paths robots.txt forbids.
    """
    with serve_site() as server:
        yield server


@pytest.fixture
def vcr_config() -> dict[str, object]:
    """pytest-recording: cassettes are YAML; only 127.0.0.1 may be reached when recording."""
    return {"allowed_hosts": ["127.0.0.1"]}
