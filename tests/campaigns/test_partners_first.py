"""Partners approve first: with ``PARTNERS_APPROVE_FIRST`` on (the default), a piece is
not approved inside the team while a co-sponsor or messenger has not approved its current
text; an admin may approve anyway with a reason, which the piece's history keeps. The
campaign list, the piece and the dashboard show each partner's sign-off."""
from __future__ import annotations

import pytest
from campaign_helpers import NORMS_POST, piece_in, piece_in_review
from web_helpers import connect, login, make_app, make_user

from campaigns.models import PartnerApprovalMissing
from campaigns.services import partner_signoffs
from campaigns.store import CampaignStore


@pytest.fixture
def store_and_piece(tmp_path):
    return piece_in_review(tmp_path)


def test_internal_approval_waits_for_the_co_sponsor(store_and_piece):
    store, pid, lusd = store_and_piece
    with pytest.raises(PartnerApprovalMissing) as caught:
        store.transition(pid, "approved", "rita", "reviewer", partners_first=True)
    assert caught.value.missing == ["Lincoln USD"] and not caught.value.forbidden
    assert store.get_piece(pid).status == "in-review"
    # the partner approves this text (by link or account), then the team can
    store.add_review(store.get_piece(pid), "approve", "Contact 1", profile_id=lusd, via="link")
    assert store.transition(pid, "approved", "rita", "reviewer",
                            partners_first=True).status == "approved"


def test_an_approval_of_an_older_text_does_not_count(store_and_piece):
    store, pid, lusd = store_and_piece
    store.add_review(store.get_piece(pid), "approve", "Contact 1", profile_id=lusd, via="link")
    store.edit_piece(pid, "Post", NORMS_POST + " Tell a friend.", "maria")
    with pytest.raises(PartnerApprovalMissing):
        store.transition(pid, "approved", "rita", "reviewer", partners_first=True)


def test_only_an_admin_with_a_reason_approves_without_the_partner(store_and_piece):
    store, pid, _ = store_and_piece
    for role, reason in (("editor", "they said yes by phone"), ("admin", ""), ("admin", "   ")):
        with pytest.raises(PartnerApprovalMissing):
            store.transition(pid, "approved", "boss", role, partners_first=True, override=reason)
    piece = store.transition(pid, "approved", "boss", "admin", partners_first=True,
                             override="Approved by phone on 3 March; the link expired.")
    assert piece.status == "approved" and piece.approved_by == "boss"
    override = [e for e in store.audit(pid) if e.action == "override"]
    assert len(override) == 1 and override[0].actor == "boss"
    assert "Lincoln USD" in override[0].note and "by phone on 3 March" in override[0].note


def test_the_setting_off_keeps_the_old_flow(store_and_piece):
    store, pid, _ = store_and_piece
    assert store.transition(pid, "approved", "rita", "reviewer").status == "approved"
    assert not [e for e in store.audit(pid) if e.action == "override"]


def test_signoffs_per_partner_across_a_campaign(store_and_piece):
    store, pid, lusd = store_and_piece
    piece = store.get_piece(pid)
    second = store.add_piece(piece.campaign_id, "x", "Second post", NORMS_POST, "maria")
    store.add_review(store.get_piece(pid), "approve", "Contact 1", profile_id=lusd, via="link")
    [lusd_row] = partner_signoffs(store, piece.campaign_id)
    assert (lusd_row.name, lusd_row.approved, lusd_row.pieces) == ("Lincoln USD", 1, 2)
    store.transition(second.id, "archived", "maria", "editor")
    assert partner_signoffs(store, piece.campaign_id)[0].pieces == 1


# -- the pages -------------------------------------------------------------------------------
@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path / "partners.sqlite", WTF_CSRF_ENABLED=False)
    make_user(app, "eddie", "editor")
    make_user(app, "rita", "reviewer")
    make_user(app, "boss", "admin")
    return app


def client_for(app, username):
    client = app.test_client()
    assert login(client, username).status_code == 302
    return client


def piece_status(app, pid):
    db = connect(app.config["DATABASE"])
    try:
        return CampaignStore(db).get_piece(pid)
    finally:
        db.conn.close()


def test_the_piece_page_says_who_it_waits_for_and_refuses_the_approval(app):
    pid = piece_in(app, status="in-review")
    rita = client_for(app, "rita")
    page = rita.get(f"/pieces/{pid}").get_data(as_text=True)
    assert "Waiting for partner approval" in page and "Lincoln USD" in page
    assert 'name="to" value="approved"' not in page and "Reason to approve" not in page
    refused = rita.post(f"/pieces/{pid}/status", data={"to": "approved"})
    assert refused.status_code == 409
    assert "partner approval is missing from Lincoln USD" in refused.get_data(as_text=True)
    assert piece_status(app, pid).status == "in-review"


def test_an_admin_overrides_with_a_reason_that_the_history_shows(app):
    pid = piece_in(app, status="in-review")
    boss = client_for(app, "boss")
    page = boss.get(f"/pieces/{pid}").get_data(as_text=True)
    assert "Reason to approve without it" in page and "Approve without partner approval" in page
    assert boss.post(f"/pieces/{pid}/status", data={"to": "approved"}).status_code == 409
    done = boss.post(f"/pieces/{pid}/status", data={"to": "approved",
                                                   "override": "Signed on paper at the meeting"})
    assert done.status_code == 302 and piece_status(app, pid).status == "approved"
    history = boss.get(f"/pieces/{pid}").get_data(as_text=True)
    assert "Approved without partner approval" in history
    assert "Signed on paper at the meeting" in history


def test_the_campaign_list_shows_each_partner_s_sign_off(app):
    piece_in(app)
    page = client_for(app, "rita").get("/campaigns/").get_data(as_text=True)
    assert "Partner sign-off" in page and "Lincoln USD: 0 of 1 approved" in page


def test_the_api_refuses_with_409_and_takes_an_admin_s_reason(app):
    from web_helpers import api_token, bearer
    pid = piece_in(app, status="in-review")
    client = app.test_client()
    rita = bearer(api_token(app, "rita"))
    detail = client.get(f"/api/v1/pieces/{pid}", headers=rita).get_json()
    assert "approved" not in detail["allowed_transitions"]
    assert detail["waiting_for_partners"] == ["Lincoln USD"]
    refused = client.post(f"/api/v1/pieces/{pid}/status", json={"to": "approved"}, headers=rita)
    assert refused.status_code == 409 and "Lincoln USD" in refused.get_json()["error"]["message"]
    boss = bearer(api_token(app, "boss"))
    done = client.post(f"/api/v1/pieces/{pid}/status", headers=boss,
                       json={"to": "approved", "override": "Approved by phone"})
    assert done.status_code == 200 and done.get_json()["status"] == "approved"
