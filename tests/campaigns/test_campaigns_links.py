"""Partner approval links: signed, expiring, bound to one version, single use, logged twice."""
from __future__ import annotations

import time

import pytest
from campaign_helpers import NORMS_POST, campaign_doc, make_store

from campaigns.links import (LinkInvalid, make_partner_link, read_partner_link,
                             record_partner_decision)
from framing.store.interactions import InteractionStore

SECRET = "a-test-secret-that-is-long-enough-for-signing"


@pytest.fixture
def setup(tmp_path):
    store, (lusd, courier) = make_store(tmp_path)
    campaign = store.create_campaign(campaign_doc(lusd, courier), "maria")
    piece = store.add_piece(campaign.id, "x", "Launch post", NORMS_POST, "maria")
    store.transition(piece.id, "in-review", "maria", "editor")
    piece = store.get_piece(piece.id)
    token = make_partner_link(SECRET, piece, piece.current, "Ana Ruiz", lusd)
    return store, piece, token, lusd


def test_approve_through_the_link_is_logged_on_piece_and_partner(setup):
    store, piece, token, lusd = setup
    claims = read_partner_link(SECRET, token, store)
    assert (claims.piece_id, claims.version_number, claims.contact_name, claims.profile_id) == (
        piece.id, 1, "Ana Ruiz", lusd)
    assert claims.content_hash == piece.current.content_hash
    after = record_partner_decision(store, claims, "approve", "Fine by the district.")
    assert after.status == "in-review"  # a partner's sign-off is not the internal approval
    audit = store.audit(piece.id)[-1]
    assert (audit.action, audit.actor) == ("partner-approve", "Ana Ruiz (partner link)")
    [review] = store.reviews(piece.id)
    assert (review.via, review.decision, review.profile_id) == ("link", "approve", lusd)
    assert lusd in store.partner_approvals(store.get_piece(piece.id))
    [history] = InteractionStore(store.db).for_profile(lusd)
    assert (history.kind, history.piece_id, history.version) == ("approval", piece.id, 1)
    assert "Ana Ruiz approved" in history.summary and "Fine by the district." in history.summary


def test_request_changes_sends_the_piece_back(setup):
    store, piece, token, lusd = setup
    claims = read_partner_link(SECRET, token, store)
    after = record_partner_decision(store, claims, "changes", "Please name the survey.")
    assert after.status == "changes-requested"
    assert InteractionStore(store.db).for_profile(lusd)[0].kind == "changes-requested"


def test_single_use(setup):
    store, _, token, _ = setup
    claims = read_partner_link(SECRET, token, store)
    record_partner_decision(store, claims, "approve", "")
    with pytest.raises(LinkInvalid, match="already used"):
        read_partner_link(SECRET, token, store)
    with pytest.raises(LinkInvalid, match="already used"):
        record_partner_decision(store, claims, "changes", "second try")


def test_expired_link_refused(setup, monkeypatch):
    store, _, token, _ = setup
    later = time.time() + 15 * 86400
    monkeypatch.setattr("itsdangerous.timed.time.time", lambda: later)
    with pytest.raises(LinkInvalid) as exc:
        read_partner_link(SECRET, token, store, max_age_days=14)
    assert exc.value.reason == "expired"
    assert read_partner_link(SECRET, token, store, max_age_days=30).contact_name == "Ana Ruiz"


def test_link_refused_after_a_new_version(setup):
    store, piece, token, _ = setup
    claims = read_partner_link(SECRET, token, store)
    store.edit_piece(piece.id, "Launch post", NORMS_POST + " See you Friday.", "maria")
    with pytest.raises(LinkInvalid, match="superseded"):
        read_partner_link(SECRET, token, store)
    with pytest.raises(LinkInvalid, match="superseded"):
        record_partner_decision(store, claims, "approve", "")  # read before the edit
    assert store.reviews(piece.id) == []


def test_tampered_or_foreign_tokens_refused(setup):
    store, piece, token, lusd = setup
    with pytest.raises(LinkInvalid, match="bad signature"):
        read_partner_link("another-secret-entirely-0123456789", token, store)
    with pytest.raises(LinkInvalid, match="bad signature"):
        read_partner_link(SECRET, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"), store)
    # The same secret with another purpose (e.g. a session cookie) does not validate here.
    from itsdangerous import URLSafeTimedSerializer
    other = URLSafeTimedSerializer(SECRET, salt="cookie-session").dumps({"p": piece.id})
    with pytest.raises(LinkInvalid, match="bad signature"):
        read_partner_link(SECRET, other, store)


def test_link_revoked_when_partner_leaves_campaign(setup):
    store, piece, token, _ = setup
    store.update_campaign(piece.campaign_id, campaign_doc(), "maria")
    with pytest.raises(LinkInvalid, match="revoked"):
        read_partner_link(SECRET, token, store)
