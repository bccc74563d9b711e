"""The engine never crashes and its spans always match the text, whatever comes in."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from framing.rewrite.variant import reframe

SETTINGS = settings(max_examples=30, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
WORDS = st.sampled_from([
    "committed suicide", "addicts", "the homeless", "All teachers must", "<script>alert(1)</script>",
    "**bold**", "# Heading", "[link](http://x.y)", "<b>", "&amp;", "\u0000", "\u202e", "\u200b",
    "İstanbul", "ﬁ", "🙂", "\t", "\r\n", "  ", "\"quoted\"", "“curly”", "‘single’", "1-800-273-8255",
    "IPV", "SAMHSA", "98.6%", "-", "...", "\u00a0", "e\u0301", "ǅ", "ß", "K",
])


def check_spans(text, report):
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.text
        assert finding.line >= 1 and finding.column >= 1


@SETTINGS
@given(st.lists(WORDS | st.text(max_size=30), min_size=1, max_size=40).map(" ".join))
def test_mixed_markup_and_control_characters(analyzer, text):
    text = text.replace("\x00", "")
    if not text.strip():
        return
    report = analyzer.analyze(text, sector="education")
    check_spans(text, report)
    variant = reframe(analyzer, report)
    assert isinstance(variant.text, str)


@SETTINGS
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               min_size=1, max_size=300))
def test_arbitrary_unicode(analyzer, text):
    if not text.strip():
        return
    check_spans(text, analyzer.analyze(text, kind="campaign"))


def test_huge_input_near_the_limit(analyzer):
    paragraph = ("Students who move between homes miss more school, and counselors see it first. "
                 "He committed suicide in 2019. ")
    text = (paragraph * (analyzer.settings.max_chars // len(paragraph)))[:analyzer.settings.max_chars]
    report = analyzer.analyze(text, sector="education")
    check_spans(text, report)
    assert report.scores["counts"]["words"] > 10_000
