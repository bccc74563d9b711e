"""Saved comparisons: validation, immutable decisions and reversals, feedback."""
from __future__ import annotations

import sqlite3

import pytest

from framing.store.comparisons import ComparisonNotFound, ComparisonStore, Decision
from framing.store.pitches import PitchStore
from framing.store.profiles import ProfileStore, defaults_for_sector
from framing.lexicon import get_lexicons

VARIANTS = [{"label": "A", "text": "Your counselors see chronic absence first."},
            {"label": "B", "text": "Our coalition needs schools to host our program.",
             "source": "pitch:1/v2"}]



@pytest.fixture
def store(db):
    return ComparisonStore(db, set(get_lexicons().sectors))


@pytest.fixture
def profile_id(db):
    sectors = get_lexicons().sectors
    profiles = ProfileStore(db, set(sectors))
    return profiles.create({**defaults_for_sector(sectors["education"]), "name": "Lincoln USD"},
                           "maria").id


@pytest.fixture
def comparison(store, profile_id):
    return store.create("Absence pitch", VARIANTS,
                        [{"sector": "labor"}, {"profile_id": profile_id}], "maria")


def test_create_and_read_back(store, comparison, profile_id):
    assert comparison.title == "Absence pitch" and comparison.kind == "pitch"
    assert [v.label for v in comparison.variants] == ["A", "B"]
    assert comparison.variants[1].source == "pitch:1/v2"
    # Profiles first, each with its key, as framing.compare.targets_from orders them.
    assert comparison.targets == [{"key": f"profile:{profile_id}", "profile_id": profile_id},
                                  {"key": "sector:labor", "sector": "labor"}]
    assert comparison.created_by == "maria" and comparison.pitch_id is None
    assert store.get(comparison.id) == comparison
    assert store.list() == [comparison]
    with pytest.raises(ComparisonNotFound):
        store.get(999)


@pytest.mark.parametrize("variants, targets, field", [
    ([VARIANTS[0]], [], "variants"),
    ([VARIANTS[0], {**VARIANTS[1], "label": "a"}], [], "variants[1].label"),
    ([VARIANTS[0], {"label": "B", "text": "  "}], [], "variants[1].text"),
    ("AB", [], "variants"),
    (VARIANTS, [{"profile_id": 999}], "targets[0].profile_id"),
    (VARIANTS, [{"sector": "nope"}], "targets[0].sector"),
    (VARIANTS, [{"sector": "labor", "profile_id": 1}], "targets[0]"),
    (VARIANTS, [{"sector": "labor"}] * 26, "targets"),
])
def test_create_rejects_bad_input(store, variants, targets, field):
    with pytest.raises(ValueError) as exc:
        store.create("T", variants, targets, "maria")
    assert str(exc.value).split(": ")[0] == field


def test_list_by_pitch_and_piece(db, store):
    pitch = PitchStore(db).create("Pitch", "First draft.", "maria")
    mine = store.create("On the pitch", VARIANTS, [], "maria", pitch_id=pitch.id)
    piece = store.create("On a piece", VARIANTS, [], "maria", piece_ref="piece:4")
    assert store.list(pitch_id=pitch.id) == [mine]
    assert store.list(piece_ref="piece:4") == [piece]
    with pytest.raises(ValueError, match="pitch_id"):
        store.create("T", VARIANTS, [], "maria", pitch_id=999)


def test_decision_record_is_immutable(db, store, comparison, profile_id):
    key = f"profile:{profile_id}"
    first = store.decide(comparison.id, "A", key, "maria", "Leads with attendance.")
    assert first == Decision(first.id, comparison.id, "A", key, "maria", first.decided_at,
                             "Leads with attendance.", None, None)
    for sql in ("UPDATE comparison_decisions SET variant_label = 'B'",
                "DELETE FROM comparison_decisions"):
        with pytest.raises(sqlite3.IntegrityError, match="immutable"):
            db.execute(sql)
    assert store.decisions(comparison.id)[0].variant_label == "A"


def test_reversal_is_a_new_decision_referring_to_the_old(db, store, comparison, profile_id):
    key = f"profile:{profile_id}"
    first = store.decide(comparison.id, "A", key, "maria", "Leads with attendance.")
    with pytest.raises(ValueError, match="^replaces: decision"):
        store.decide(comparison.id, "B", key, "ana", "Board prefers B.")
    second = store.decide(comparison.id, "B", key, "ana", "Board prefers B.", replaces=first.id)
    assert second.replaces == first.id
    old, new = store.decisions(comparison.id)
    assert old.replaced_by == second.id and old.variant_label == "A"  # the old one is kept
    assert new.replaced_by is None
    with pytest.raises(ValueError, match="replaces"):  # only the standing one can be reversed
        store.decide(comparison.id, "A", key, "maria", "Back to A.", replaces=first.id)
    # Other targets and the whole comparison ("") have their own records.
    assert store.decide(comparison.id, "B", "sector:labor", "ana", "Union wording.").replaces \
        is None
    assert store.decide(comparison.id, "A", "", "ana", "Overall.").target_key == ""


def test_decision_validation(store, comparison):
    with pytest.raises(ValueError, match="^variant_label"):
        store.decide(comparison.id, "Z", "", "maria", "why")
    with pytest.raises(ValueError, match="^target_key"):
        store.decide(comparison.id, "A", "sector:media", "maria", "why")
    with pytest.raises(ValueError, match="^rationale: required"):
        store.decide(comparison.id, "A", "", "maria", "  ")
    with pytest.raises(ComparisonNotFound):
        store.decide(999, "A", "", "maria", "why")


def test_decisions_show_on_the_pitch(db, store):
    pitch = PitchStore(db).create("Pitch", "First draft.", "maria")
    other = store.create("Elsewhere", VARIANTS, [], "maria")
    mine = store.create("On the pitch", VARIANTS, [], "maria", pitch_id=pitch.id)
    store.decide(other.id, "A", "", "maria", "Not this pitch.")
    decision = store.decide(mine.id, "B", "", "maria", "Shorter ask.")
    assert store.decisions_for_pitch(pitch.id) == [decision]
    piece = store.create("Piece", VARIANTS, [], "maria", piece_ref="piece:9")
    on_piece = store.decide(piece.id, "A", "", "ana", "Fits the channel.")
    assert store.decisions_for_piece("piece:9") == [on_piece]


def test_feedback_and_small_sample_warning(store, comparison):
    store.add_feedback(comparison.id, "A", "maria", votes=4, note="Board liked the opening")
    store.add_feedback(comparison.id, "B", "maria", votes=1, ratings=[4, 5])
    items = store.feedback(comparison.id)
    assert [(f.variant_label, f.votes, f.ratings) for f in items] == [("A", 4, []),
                                                                      ("B", 1, [4, 5])]
    summary = store.feedback_summary(comparison.id)
    assert summary["variants"]["A"] == {"votes": 4, "ratings": [], "people": 4,
                                        "mean_rating": None}
    assert summary["variants"]["B"]["mean_rating"] == 4.5
    assert summary["sign_test"] == {"variants": ["A", "B"], "p": 0.375}
    assert "not evidence" in summary["warning"] and "387 people" in summary["warning"]


@pytest.mark.parametrize("kwargs, field", [
    ({"votes": 0}, "votes"), ({"votes": -1}, "votes"), ({"votes": True}, "votes"),
    ({"ratings": [6]}, "ratings"), ({"ratings": "5"}, "ratings"),
    ({"votes": 1, "note": "x" * 3000}, "note"),
])
def test_feedback_validation(store, comparison, kwargs, field):
    with pytest.raises(ValueError) as exc:
        store.add_feedback(comparison.id, "A", "maria", **kwargs)
    assert str(exc.value).startswith(field + ":")
    with pytest.raises(ValueError, match="^variant_label"):
        store.add_feedback(comparison.id, "Z", "maria", votes=1)
