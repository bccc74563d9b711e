"""A small valid rule pack, for tests that load lexicons from a temporary folder."""

GOOD_RULE = """
pack: sample
title: Sample
sources:
  S1: {publisher: Somebody, url: "https://example.org/guide"}
rules:
  - id: sample.word
    kind: term
    category: stigma
    severity: warning
    message: Use the other word.
    source: S1
    patterns: ['badword']
    examples:
      fail: ["A badword here."]
      pass: ["A fine word here."]
"""
