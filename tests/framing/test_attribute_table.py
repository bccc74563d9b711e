"""The model's attribute rules by table lookup give exactly what spaCy's ruler gives."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from framing.attribute_table import AttributeTable, Unsupported, replace_attribute_ruler
from framing.corpus import load_corpus
from framing.nlp import load_base_pipeline

# Words the model's exceptions are about, in running text and at the edges of a text.
EDGES = [
    "I ai n't gon na wait, y' all. Let 's go, c'm on! I gotta say there 's nothin' left.",
    "There are ways. There was a plan, but it is n't ours; we 've done it and they 'd do it.",
    "  \n\n\t leading space, and trailing  \n",
    "Y'",
    "",
    "ALL CAPS: DO NOT WAIT. • Bulleted line\n- Dashed line\n1. Numbered",
    "Whether or not she would, he said that if it rained we'd stay unless you called.",
]


def annotations(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    stock = load_base_pipeline()
    table = load_base_pipeline()
    assert replace_attribute_ruler(table)
    return stock, table


def test_same_annotations_as_the_ruler_on_real_texts(pipelines):
    stock, table = pipelines
    corpus, _ = load_corpus(Path(__file__).parents[1] / "corpus" / "guidelines")
    texts = [t.text for t in corpus[::6]]
    texts += EDGES
    for ours, theirs in zip(table.pipe(texts), stock.pipe(texts)):
        assert annotations(ours) == annotations(theirs), ours.text[:80]


def test_the_full_pipeline_uses_the_table(analyzer):
    assert isinstance(analyzer.nlp.get_pipe("attribute_ruler"), AttributeTable)


def test_a_later_rule_overrides_an_earlier_one_on_the_same_token():
    nlp = spacy.blank("en")
    table = AttributeTable([
        {"patterns": [[{"LOWER": "gon"}]], "attrs": {"LEMMA": "first"}, "index": 0},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
        {"patterns": [[{"LOWER": {"REGEX": "^n[ao]$"}}]], "attrs": {"LEMMA": "to"}, "index": 0},
    ])
    doc = table(nlp("gon na gon"))
    assert [t.lemma_ for t in doc] == ["go", "to", "first"]


def test_a_negative_index_counts_from_the_end_of_the_match():
    nlp = spacy.blank("en")
    table = AttributeTable([
        {"patterns": [[{"LOWER": "let"}, {"LOWER": "'s"}]], "attrs": {"LEMMA": "us"}, "index": -1},
    ])
    doc = table(nlp("let's go"))
    assert [t.lemma_ for t in doc][:2] == ["", "us"]


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "a", "OP": "+"}],          # an operator the table does not apply
    [{"SHAPE": "xxx"}],                   # an attribute it does not read
    [{"LOWER": {"FUZZY": "word"}}],       # a predicate it does not know
])
def test_rules_it_cannot_apply_exactly_are_refused(pattern):
    with pytest.raises(Unsupported):
        AttributeTable([{"patterns": [pattern], "attrs": {"LEMMA": "x"}, "index": 0}])


def test_a_ruler_it_cannot_apply_is_left_in_place():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"})
    assert not replace_attribute_ruler(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_what_is_remembered_per_token_kind_gives_the_same_result_when_forgotten(monkeypatch):
    """The table remembers what the rules make of each (tag, word, dependency, space)
    combination; starting over when the memory is full changes nothing."""
    nlp = spacy.blank("en")
    rules = [
        {"patterns": [[{"LOWER": "gon"}]], "attrs": {"LEMMA": "first"}, "index": 0},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
        {"patterns": [[{"LOWER": {"REGEX": "^n[ao]$"}}]], "attrs": {"LEMMA": "to"}, "index": 0},
    ]
    remembered = AttributeTable(rules)
    monkeypatch.setattr("framing.attribute_table.MEMO_LIMIT", 1)
    forgetful = AttributeTable(rules)
    for text in ("gon na gon", "na gon na", "gon gon na na"):
        assert [t.lemma_ for t in forgetful(nlp(text))] == [t.lemma_ for t in remembered(nlp(text))]
