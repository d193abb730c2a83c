"""Limits and the deadline: extractors/limits.py."""

from __future__ import annotations

import pytest

from extractors.limits import DEFAULT_LIMITS, Deadline, Limits, OutOfTime, checkpoint, deadline


def test_defaults() -> None:
    assert Limits() == DEFAULT_LIMITS
    assert DEFAULT_LIMITS.max_bytes == 16 * 1024 * 1024
    assert DEFAULT_LIMITS.max_seconds is not None


def test_no_deadline_never_expires() -> None:
    assert not Deadline(None).expired()
    Deadline(None).check("anything")


def test_a_past_deadline_stops_the_next_stage() -> None:
    with pytest.raises(OutOfTime, match="before scoring"):
        Deadline(0).check("scoring")


def test_checkpoint_uses_the_current_deadline_only() -> None:
    checkpoint("outside")  # no extraction running: nothing to check
    with deadline(60):
        checkpoint("inside")
        with deadline(0), pytest.raises(OutOfTime):
            checkpoint("nested")
        checkpoint("restored")  # the outer deadline is current again
    checkpoint("outside again")
