"""Typography-insensitive matching: curly quotes, special spaces, dashes, soft hyphens
and capitals match every rule pattern as their plain forms, at the original offsets."""
from __future__ import annotations

import re

import pytest

from framing.lexicon import get_lexicons
from framing.lexicon.schema import Checker, LexiconError, compile_any, terms_pattern
from framing.typography import fold, plain

LEXICONS = get_lexicons()


# -- the fold itself ------------------------------------------------------------
def test_one_for_one_replacements_keep_offsets():
    text = "Don’t say “committed\u00a0suicide” \u2013 at\u2011risk"
    folded = fold(text)
    assert folded.text == "Don't say \"committed suicide\" - at-risk"
    assert folded.span(3, 20) == (3, 20)


def test_em_dash_is_two_hyphens_and_offsets_map_back():
    text = "Teens\u2014addicts too\u2026 he said"
    folded = fold(text)
    assert folded.text == "Teens--addicts too... he said"
    start = folded.text.index("addicts")
    assert folded.span(start, start + len("addicts")) == (6, 13)
    assert text[slice(*folded.span(folded.text.index("he"), folded.text.index("he") + 2))] == "he"


def test_invisible_characters_are_dropped_and_spans_cover_them():
    text = "He com\u00admitted sui\u200bcide."
    folded = fold(text)
    assert folded.text == "He committed suicide."
    assert folded.span(3, 20) == (3, 22)


def test_plain_pattern_reports_original_offsets_and_text():
    pattern = compile_any([r"committed\s+suicide"])
    text = "\u2014He COM\u00adMITTED\u00a0SUICIDE."
    match = pattern.search(text)
    assert match is not None
    assert match.group(0) == text[match.start():match.end()] == "COM\u00adMITTED\u00a0SUICIDE"
    assert [m.span() for m in pattern.finditer(text)] == [match.span()]


def test_a_match_may_follow_a_dash_but_not_start_inside_a_hyphenated_word():
    pattern = compile_any(["harm"])
    assert pattern.search("self-harm") is None
    assert pattern.search("self\u2011harm") is None
    assert pattern.search("They talked\u2014harm reduction works") is not None
    assert pattern.search("They talked--harm reduction works") is not None


def test_terms_typed_with_curly_characters_match_plain_text_and_back():
    assert terms_pattern(["kids’ mental health"]).search("for kids' mental health") is not None
    assert terms_pattern(["kids' mental health"]).search("for kids’ mental health") is not None


def test_packs_must_write_patterns_in_plain_characters():
    with pytest.raises(LexiconError, match="plain characters"):
        Checker("x.yaml").regexes(["don’t"], "rules[0].patterns")
    assert plain("don’t \u2014 x") == "don't -- x"


# -- every pattern rule, on its own fail examples written with typography --------
def _curly(text: str) -> str:
    text = re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)
    return re.sub(r'"([^"\n]*)"', "\u201c\\1\u201d", text)


def _hyphens(text: str) -> str:
    return re.sub(r"(?<=\w)-(?=\w)", "\u2011", text)


def _en_dashes(text: str) -> str:
    return re.sub(r"(?<=\w)-(?=\w)", "\u2013", text)


def _in_span(change):
    """A variant that changes only the characters the plain finding covers."""
    def apply(text: str, start: int, end: int) -> str:
        return text[:start] + change(text[start:end]) + text[end:]
    return apply


WHOLE_TEXT = {"curly": _curly, "hyphen": _hyphens, "en-dash": _en_dashes}
IN_SPAN = {
    "no-break space": _in_span(lambda s: s.replace(" ", "\u00a0")),
    "thin space": _in_span(lambda s: s.replace(" ", "\u202f")),
    "soft hyphen": _in_span(lambda s: re.sub(r"(?<=[a-z]{3})(?=[a-z]{3})", "\u00ad", s, count=1)),
    "capitals": _in_span(str.upper),
}
PATTERN_KINDS = {"term", "required"}
# Variants that change how the tagger reads the word itself (a word in capitals
# reads as a name; a soft hyphen splits it for the tagger's suffix features).
PARSE_CHANGING = {"capitals", "soft hyphen"}


def _cases():
    for rule in LEXICONS.rules:
        if rule.kind in PATTERN_KINDS:
            for index, example in enumerate(rule.fail_examples):
                yield pytest.param(rule, example, id=f"{rule.id}-fail{index}")


def _hits(analyzer, rule, example, text):
    report = analyzer.analyze(text, sector=example.sector, kind=example.kind,
                              profile=example.profile, today=example.today)
    hits = [f for f in report.findings if f.rule == rule.id]
    for finding in hits:
        assert text[finding.start:finding.end] == finding.text
    return hits


@pytest.mark.parametrize("rule, example", list(_cases()))
def test_rule_fires_on_typographic_variants_of_its_examples(analyzer, rule, example):
    plain_hits = _hits(analyzer, rule, example, example.text)
    assert plain_hits, f"{rule.id} did not fire on {example.text!r}"
    for name, change in WHOLE_TEXT.items():
        variant = change(example.text)
        if variant != example.text:
            assert _hits(analyzer, rule, example, variant), f"{name}: {variant!r}"
    if rule.kind != "term":
        return
    first = plain_hits[0]
    for name, change in IN_SPAN.items():
        if name in PARSE_CHANGING and (rule.options.get("pos") or rule.options.get("doers")
                                      or rule.options.get("done_by") or rule.options.get("roles")):
            continue  # the tagger reads such a word differently: a parse, not a pattern
        variant = change(example.text, first.start, first.end)
        if variant == example.text:
            continue
        hits = _hits(analyzer, rule, example, variant)
        assert any(h.start == first.start and plain(h.text).lower() == plain(first.text).lower()
                   for h in hits), f"{name}: {variant!r} -> {[h.text for h in hits]}"


@pytest.mark.parametrize("text, rule", [
    ("Don’t let anyone tell you he committed suicide; he died of an illness.", "suicide.committed"),
    ("He committed\u00a0suicide in 2019, his family said.", "suicide.committed"),
    ("HE COMMITTED SUICIDE IN 2019, HIS FAMILY SAID.", "suicide.committed"),
    ("Police said the man, a known drug\u2011abuser, was found with fentanyl.", "sud.person-label"),
    ("The clinic turned away a jun\u00adkie who needed naloxone.", "sud.person-label"),
])
def test_real_typography_across_packs(analyzer, text, rule):
    hits = [f for f in analyzer.analyze(text).findings if f.rule == rule]
    assert hits and all(text[f.start:f.end] == f.text for f in hits)
