"""Tests of the benchmark scripts and the quality floors they measure."""
