"""Where quotations are: the context marker's ranges, which the term checks (a speaker's
words are softened, not the writer's) and the rewrite guard both read."""
from __future__ import annotations

from framing.spacy_attributes import QUOTED_KEY

# News convention: a quotation that runs over several paragraphs opens each one with a
# mark and closes only the last; an excerpt may cut the closing mark altogether.
CONTINUED = """Tom Darling, campaign manager at the coalition, said: “Every week sees more families evicted.

“And yet observing this steadily spiralling crisis, it is maddening to watch.

“Neglected, dropped, picked back up again, delayed."""


def quoted_words(analyzer, text: str) -> set[str]:
    doc = analyzer.parse([text])[0]
    return {t.text for t in doc if t._.in_quote}


def test_a_quotation_continued_in_the_next_paragraph_is_quoted(analyzer):
    words = quoted_words(analyzer, CONTINUED)
    assert {"Every", "evicted", "spiralling", "crisis", "Neglected", "delayed"} <= words
    assert not {"Tom", "Darling", "campaign", "said"} & words


def test_an_unclosed_quotation_stops_at_its_paragraph(analyzer):
    text = ('The mayor said: "We will open the shelter in May.\n\n'
            "The council votes on the budget next week.")
    words = quoted_words(analyzer, text)
    assert {"shelter", "May"} <= words
    assert not {"council", "votes", "budget"} & words


def test_a_straight_quotation_wrapped_over_lines_is_one_quotation(analyzer):
    text = ('Mayor Tom Tait announced what he calls "Drug Free\n'
            'Anaheim," aimed at encouraging people to walk into a\n'
            "police station and ask for help.")
    doc = analyzer.parse([text])[0]
    words = {t.text for t in doc if t._.in_quote}
    assert {"Drug", "Free", "Anaheim"} <= words
    assert not {"aimed", "encouraging", "police", "help"} & words
    assert len(doc.user_data[QUOTED_KEY]) == 1


def test_closing_marks_and_apostrophes_open_nothing(analyzer):
    text = ('"It helps," she said. The students\' group meets on Fridays, and '
            "its members say the program works.")
    words = quoted_words(analyzer, text)
    assert "helps" in words
    assert not {"said", "students", "group", "members", "program"} & words


def test_a_quotation_closed_with_the_other_mark_ends_there(analyzer):
    text = "“We will never give up,\" the director said. Addicts wait months for care."
    words = quoted_words(analyzer, text)
    assert {"never", "give"} <= words
    assert not {"director", "Addicts", "months"} & words


def test_apostrophes_open_no_quotation(analyzer):
    text = "Back in the '90s, the city's addicts had nowhere to go. Today our members' clinics treat them."
    assert not {"city", "addicts", "clinics"} & quoted_words(analyzer, text)


def test_one_break_after_a_sentence_ends_an_unclosed_quotation(analyzer):
    # texts that set paragraphs apart with one line break
    text = ('The mayor said:\n"We will open the shelter in May.\n'
            "The council voted. Addicts fill our jails.\n")
    words = quoted_words(analyzer, text)
    assert "shelter" in words
    assert not {"council", "Addicts", "jails"} & words
