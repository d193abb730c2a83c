"""Tests of :mod:`crawler`, one file per module or package, plus end-to-end crawls of
local servers."""
