"""Sentence starts at line breaks: right on any text, and set in one pass.

``framing_lines`` used to set ``Token.is_sent_start`` token by token; spaCy's
setter rescans the whole document each time, so a message of many short lines
took time growing with the square of its lines (50,000 lines: minutes). These
tests check the result against the line rule and that the number of
whole-document scans does not grow with the number of lines (speed itself is
measured by ``framing/bench.py``, not asserted here).
"""
from __future__ import annotations

import spacy
from hypothesis import given, settings, strategies as st
from spacy.tokens import Doc

from framing.components import mark_line_starts

BLANK = spacy.blank("en")


def reference_starts(doc: Doc) -> set[int]:
    """The line rule, token by token: a token right after a line break starts a sentence."""
    starts = set()
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws[len(previous.text):] or (
                previous.is_space and "\n" in previous.text):
            starts.add(token.i)
    return starts


def marked_starts(doc: Doc) -> set[int]:
    return {token.i for token in doc[1:] if token.is_sent_start}


PIECES = st.sampled_from(["a", "word", "Heading", "- item", ".", "\n", "\n\n", " \n ", "\r\n",
                          "\t", "  ", " ", "\u2028", "http://x.y/a", "“quote”", "e\u0301"])


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=60).map("".join))
def test_line_starts_follow_the_line_rule(text):
    doc = mark_line_starts(BLANK.make_doc(text))
    assert marked_starts(doc) == reference_starts(BLANK.make_doc(text))


def test_text_without_line_breaks_is_left_to_the_parser():
    doc = mark_line_starts(BLANK.make_doc("One sentence here. Another one there."))
    assert all(token.is_sent_start is None for token in doc[1:])


class CountingDoc(Doc):
    """A Doc that counts calls of ``has_annotation``, a scan over every token."""

    scans = 0

    def has_annotation(self, attr, **kwargs):
        type(self).scans += 1
        return super().has_annotation(attr, **kwargs)


def scans_for(lines: int) -> int:
    CountingDoc.scans = 0
    doc = CountingDoc(BLANK.vocab, words=["a", "\n"] * lines, spaces=[False] * (2 * lines))
    mark_line_starts(doc)
    assert marked_starts(doc) == set(range(2, 2 * lines, 2))
    return CountingDoc.scans


def test_whole_document_scans_do_not_grow_with_the_number_of_lines():
    # One scan per line made the component quadratic: 1,000 lines meant 999 scans
    # of 2,000 tokens each.
    assert scans_for(1000) == scans_for(100) <= 1


def test_every_line_of_a_long_list_starts_a_sentence(analyzer):
    lines = [f"Item {i} for the board" for i in range(1500)]
    text = "\n".join(lines)
    report = analyzer.analyze(text, kind="campaign")
    sents = list(report.message.doc.sents)
    line_starts, offset = set(), 0
    for line in lines:
        line_starts.add(offset)
        offset += len(line) + 1
    # Every line starts a sentence; the parser may still split a line, never join two.
    assert line_starts <= {sent.start_char for sent in sents}
    assert not any("\n" in sent.text.strip() for sent in sents)
    assert len(lines) <= report.scores["counts"]["sentences"] <= len(sents)
