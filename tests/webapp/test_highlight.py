"""The highlighter: a checked draft cut into segments at finding boundaries."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from webapp.highlight import Span, segments


def spans(*items):
    """Spans f1, f2, ... from (start, end, severity) triples."""
    return [Span(f"f{i}", start, end, sev) for i, (start, end, sev) in enumerate(items, 1)]


def parts(text, *items):
    """(text, finding ids, severity) for each segment."""
    return [(s.text, s.finding_ids, s.severity) for s in segments(text, spans(*items))]


def test_segments_plain_text_and_no_findings():
    assert parts("hello") == [("hello", (), None)]
    assert segments("", []) == []


def test_segments_overlapping_findings_split_and_nest():
    text = "Our students committed suicide last year."
    got = parts(text, (0, 41, "warning"), (13, 30, "error"))
    assert got == [("Our students ", ("f1",), "warning"),
                   ("committed suicide", ("f2", "f1"), "error"),
                   (" last year.", ("f1",), "warning")]
    crossing = parts("abcdef", (0, 4, "suggestion"), (2, 6, "warning"))
    assert crossing == [("ab", ("f1",), "suggestion"), ("cd", ("f2", "f1"), "warning"),
                        ("ef", ("f2",), "warning")]


def test_segments_same_severity_puts_the_innermost_first():
    got = parts("one two three", (0, 13, "error"), (4, 7, "error"))
    assert got[1] == ("two", ("f2", "f1"), "error")


def test_segments_adjacent_and_at_both_ends():
    got = parts("badword nice badword", (0, 7, "error"), (7, 8, "suggestion"), (13, 20, "warning"))
    assert got == [("badword", ("f1",), "error"), (" ", ("f2",), "suggestion"),
                   ("nice ", (), None), ("badword", ("f3",), "warning")]
    first = segments("badword nice badword", spans((0, 7, "error"), (13, 20, "warning")))
    assert [s.first_of for s in first] == [("f1",), (), ("f2",)]


def test_segments_non_ascii_and_bad_spans():
    text = "Niños — “committed suicide” 🙂 café"
    start = text.index("committed")
    got = parts(text, (start, start + 17, "error"), (5, 5, "warning"), (-3, 2, "suggestion"),
                (len(text) - 4, len(text) + 10, "suggestion"))
    assert "".join(t for t, _, _ in got) == text
    assert ("committed suicide", ("f1",), "error") in got
    assert got[0] == ("Ni", ("f3",), "suggestion") and got[-1] == ("café", ("f4",), "suggestion")
    assert all("f2" not in ids for _, ids, _ in got)  # empty span: panel only


def test_segments_same_span_twice_lists_both_once():
    got = segments("We need your help", spans((0, 12, "warning"), (0, 12, "warning")))
    assert got[0].finding_ids == ("f1", "f2") and got[0].first_of == ("f1", "f2")


SEVERITY = st.sampled_from(["error", "warning", "suggestion"])
RAW_SPANS = st.lists(st.tuples(st.integers(-5, 45), st.integers(-5, 45), SEVERITY), max_size=6)


@given(st.text(max_size=40), RAW_SPANS)
def test_segments_cover_the_text_exactly_with_the_covering_findings(text, raw):
    items = spans(*raw)
    out = segments(text, items)
    assert "".join(s.text for s in out) == text
    rank = {"error": 2, "warning": 1, "suggestion": 0}
    for seg in out:
        assert text[seg.start:seg.end] == seg.text and seg.text
        clipped = [(s.id, max(0, s.start), min(len(text), s.end)) for s in items]
        covering = {i for i, a, b in clipped if a < b and a <= seg.start and b >= seg.end}
        assert set(seg.finding_ids) == covering
        if covering:
            assert rank[seg.severity] == max(rank[s.severity] for s in items if s.id in covering)
    firsts = [i for seg in out for i in seg.first_of]
    assert len(firsts) == len(set(firsts))
