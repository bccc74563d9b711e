"""Campaign store: campaigns, pieces, immutable versions, the review workflow, audit, comments."""
from __future__ import annotations

import sqlite3

import pytest
from campaign_helpers import NORMS_POST, campaign_doc, make_store

from campaigns.models import CampaignNotFound, PieceNotFound, WorkflowError
from campaigns.workflow import content_hash


@pytest.fixture
def setup(tmp_path):
    store, (lusd, courier) = make_store(tmp_path)
    campaign = store.create_campaign(campaign_doc(lusd, courier), "maria")
    piece = store.add_piece(campaign.id, "x", "Launch post", NORMS_POST, "maria",
                            run_date="2026-04-10", target_profile_id=courier)
    return store, campaign, piece


def test_campaign_round_trip_and_summary(setup):
    store, campaign, _ = setup
    got = store.get_campaign(campaign.id)
    assert got.type == "social-norms" and got.hashtag == "#MostOfUs"
    assert [(p.name, p.role) for p in got.partners] == [("Lincoln USD", "co-sponsor"),
                                                        ("Lincoln Courier", "target")]
    assert got.norms["source"] == "2025 Lincoln Youth Survey" and got.created_by == "maria"
    [summary] = store.list_campaigns()
    assert (summary.name, summary.piece_count, summary.start) == ("Most of Us Lincoln", 1,
                                                                  "2026-04-01")


@pytest.mark.parametrize("change, field", [
    ({"type": "viral"}, "type"), ({"name": " "}, "name"), ({"start": "April"}, "start"),
    ({"end": "2026-01-01"}, "end"), ({"hashtag": "#two words"}, "hashtag"),
    ({"norms": {"actual_pct": 140}}, "norms.actual_pct"), ({"norms": {"color": 1}}, "norms.color"),
    ({"partners": [{"profile_id": 999, "role": "co-sponsor"}]}, "partners[0].profile_id"),
    ({"partners": [{"profile_id": 1, "role": "boss"}]}, "partners[0].role"),
    ({"surprise": 1}, "surprise"),
])
def test_bad_campaign_input_names_the_field(setup, change, field):
    store, campaign, _ = setup
    with pytest.raises(ValueError) as exc:
        store.update_campaign(campaign.id, campaign_doc(**change), "maria")
    assert str(exc.value).startswith(f"{field}: ")


def test_update_replaces_partners_and_unknown_ids_raise(setup):
    store, campaign, _ = setup
    doc = campaign_doc(hashtag="MostOfUsLincoln", norms={})
    updated = store.update_campaign(campaign.id, doc, "ana")
    assert updated.partners == [] and updated.hashtag == "#MostOfUsLincoln"
    assert updated.norms is None
    with pytest.raises(CampaignNotFound):
        store.get_campaign(999)
    with pytest.raises(PieceNotFound):
        store.get_piece(999)
    with pytest.raises(ValueError, match="^channel: "):
        store.add_piece(campaign.id, "carrier-pigeon", "T", "Body", "maria")


def test_every_edit_is_a_new_immutable_version(setup):
    store, _, piece = setup
    v1 = piece.current
    assert v1.number == 1 and v1.content_hash == content_hash("Launch post", NORMS_POST, "x")
    v2 = store.edit_piece(piece.id, "Launch post", NORMS_POST + " Join us.", "ana", note="CTA")
    assert (v2.number, v2.note, v2.created_by) == (2, "CTA", "ana")
    # Same words, other line ends and trailing blanks: the same text, so no new version.
    same = store.edit_piece(piece.id, "Launch  post", (NORMS_POST + " Join us.  ") + "\r\n", "ana")
    assert same.number == 2
    v3 = store.restore(piece.id, 1, "ana")
    assert (v3.number, v3.restored_from, v3.body) == (3, 1, v1.body)
    assert v3.content_hash == v1.content_hash
    assert [v.number for v in store.versions(piece.id)] == [1, 2, 3]
    assert store.version(piece.id, 2).body.endswith("Join us.")
    diff = store.compare(piece.id, 1, 2)
    assert diff.stats == {"added": 2, "removed": 0}
    assert store.get_piece(piece.id).version_count == 3
    # Nothing is ever lost: the database itself refuses to change or drop a version.
    for sql in ("UPDATE piece_versions SET body = 'x'", "DELETE FROM piece_versions",
                "DELETE FROM piece_audit"):
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute(sql)
    with pytest.raises(PieceNotFound):
        store.version(piece.id, 9)


def test_workflow_to_published_with_audit(setup):
    store, _, piece = setup
    assert store.allowed_transitions(piece, "reviewer") == []
    assert store.allowed_transitions(piece, "editor") == ["in-review", "archived"]
    store.transition(piece.id, "in-review", "maria", "editor", note="ready")
    approved = store.transition(piece.id, "approved", "rita", "reviewer", note="looks good")
    assert (approved.approved_version, approved.approved_by) == (1, "rita")
    assert approved.approved_at
    store.transition(piece.id, "scheduled", "maria", "editor")
    done = store.transition(piece.id, "published", "maria", "admin")
    assert done.status == "published" and done.approved_version == 1
    log = store.audit(piece.id)
    assert [(e.action, e.from_status, e.to_status) for e in log] == [
        ("create", None, "draft"), ("status", "draft", "in-review"),
        ("status", "in-review", "approved"), ("status", "approved", "scheduled"),
        ("status", "scheduled", "published")]
    assert log[2].actor == "rita" and log[2].note == "looks good" and log[2].at
    [review] = store.reviews(piece.id)
    assert (review.decision, review.reviewer, review.version_number) == ("approve", "rita", 1)


def test_reviewer_cannot_schedule_or_publish(setup):
    store, _, piece = setup
    store.transition(piece.id, "in-review", "maria", "editor")
    store.transition(piece.id, "approved", "rita", "reviewer")
    with pytest.raises(WorkflowError) as exc:
        store.transition(piece.id, "scheduled", "rita", "reviewer")
    assert exc.value.forbidden
    assert store.allowed_transitions(store.get_piece(piece.id), "reviewer") == [
        "changes-requested"]
    with pytest.raises(WorkflowError) as exc:
        store.transition(piece.id, "published", "maria", "editor")  # must be scheduled first
    assert not exc.value.forbidden
    with pytest.raises(WorkflowError):
        store.transition(piece.id, "launched", "maria", "editor")


def test_scheduling_needs_a_run_date(setup):
    store, campaign, _ = setup
    piece = store.add_piece(campaign.id, "poster", "Poster", "Most of us don't vape.", "maria")
    store.transition(piece.id, "in-review", "maria", "editor")
    piece = store.transition(piece.id, "approved", "rita", "reviewer")
    assert "scheduled" not in store.allowed_transitions(piece, "editor")
    with pytest.raises(WorkflowError, match="run date"):
        store.transition(piece.id, "scheduled", "maria", "editor")
    store.update_piece(piece.id, "maria", run_date="2026-05-02")
    assert store.transition(piece.id, "scheduled", "maria", "editor").status == "scheduled"


@pytest.mark.parametrize("status", ["approved", "scheduled"])
def test_edit_after_approval_returns_to_review(setup, status):
    store, _, piece = setup
    store.transition(piece.id, "in-review", "maria", "editor")
    store.transition(piece.id, "approved", "rita", "reviewer")
    if status == "scheduled":
        store.transition(piece.id, "scheduled", "maria", "editor")
    version = store.edit_piece(piece.id, "Launch post", NORMS_POST + " Today!", "maria")
    piece = store.get_piece(piece.id)
    assert piece.status == "in-review" and piece.current.number == version.number == 2
    assert piece.approved_version is None and piece.approved_by is None
    last = store.audit(piece.id)[-1]
    assert (last.action, last.from_status, last.to_status) == ("edit", status, "in-review")
    assert "approval voided" in last.note


def test_archived_pieces_cannot_be_edited_until_unarchived(setup):
    store, _, piece = setup
    store.transition(piece.id, "archived", "maria", "editor")
    with pytest.raises(WorkflowError, match="archived"):
        store.edit_piece(piece.id, "New", "New text", "maria")
    store.transition(piece.id, "draft", "maria", "editor")
    assert store.edit_piece(piece.id, "New", "New text", "maria").number == 2


def test_comments_on_spans(setup):
    store, _, piece = setup
    comment = store.add_comment(piece.id, 1, "rita", 0, 4, "Cite the table?")
    assert (comment.author, comment.start, comment.end, comment.resolved) == ("rita", 0, 4, False)
    whole = store.add_comment(piece.id, 1, "rita", 0, 0, "Overall fine.")
    store.resolve_comment(whole.id)
    assert [c.resolved for c in store.comments(piece.id)] == [False, True]
    with pytest.raises(ValueError, match="^start: "):
        store.add_comment(piece.id, 1, "rita", 5, 5000, "out of range")
    with pytest.raises(ValueError, match="^body: "):
        store.add_comment(piece.id, 1, "rita", 0, 1, "  ")
    with pytest.raises(PieceNotFound):
        store.add_comment(piece.id, 7, "rita", 0, 1, "no such version")
