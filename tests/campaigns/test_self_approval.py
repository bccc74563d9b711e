"""Nobody approves their own words: with ``APPROVER_NOT_AUTHOR`` on (the default), the
user who saved a piece's current version cannot approve it, in the store, the HTML
pages and the API; someone else can. Off, the old single-person flow works."""
from __future__ import annotations

import pytest
from campaign_helpers import NORMS_POST, partners_approve, piece_in, piece_in_review
from web_helpers import api_token, bearer, connect, login, make_app, make_user

from campaigns.models import WorkflowError
from campaigns.store import CampaignStore


@pytest.fixture
def store_and_piece(tmp_path):
    store, piece_id, _ = piece_in_review(tmp_path)
    return store, piece_id


def test_store_refuses_approval_by_the_last_author(store_and_piece):
    store, pid = store_and_piece
    with pytest.raises(WorkflowError) as caught:
        store.transition(pid, "approved", "maria", "editor")
    assert caught.value.forbidden and "saved the current version" in caught.value.message
    assert store.get_piece(pid).status == "in-review"
    piece = store.get_piece(pid)
    assert "approved" not in store.allowed_transitions(piece, "editor", user="maria")
    assert "approved" in store.allowed_transitions(piece, "editor", user="rita")
    assert "approved" in store.allowed_transitions(piece, "editor")  # no user: role only
    assert store.transition(pid, "approved", "rita", "editor").approved_by == "rita"


def test_the_author_is_whoever_saved_the_current_version(store_and_piece):
    store, pid = store_and_piece
    store.edit_piece(pid, "Post", NORMS_POST + " Friday!", "rita")
    with pytest.raises(WorkflowError):
        store.transition(pid, "approved", "rita", "reviewer")
    assert store.transition(pid, "approved", "maria", "editor").status == "approved"
    # Unscheduling is not a new approval: the author may move it back.
    store.transition(pid, "scheduled", "rita", "editor")
    assert store.transition(pid, "approved", "rita", "editor").status == "approved"


def test_store_setting_off_allows_self_approval(store_and_piece):
    store, pid = store_and_piece
    piece = store.transition(pid, "approved", "maria", "editor", approver_not_author=False)
    assert piece.status == "approved" and piece.approved_by == "maria"


# -- web and API -----------------------------------------------------------------------------
@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path / "approve.sqlite", WTF_CSRF_ENABLED=False)
    make_user(app, "eddie", "editor")
    make_user(app, "rita", "reviewer")
    return app


@pytest.fixture
def piece_id(app):
    pid = piece_in(app, status="in-review")
    partners_approve(app, pid)  # this file is about the team's own approval
    return pid


def status_of(app, pid):
    db = connect(app.config["DATABASE"])
    try:
        return CampaignStore(db).get_piece(pid).status
    finally:
        db.conn.close()


def signed_in(app, name):
    client = app.test_client()
    assert login(client, name).status_code == 302
    return client


def test_html_refuses_self_approval_with_a_reason(app, piece_id):
    client = signed_in(app, "eddie")
    page = client.get(f"/pieces/{piece_id}").get_data(as_text=True)
    assert 'value="approved"' not in page and "someone else" in page
    response = client.post(f"/pieces/{piece_id}/status", data={"to": "approved"})
    assert response.status_code == 403
    assert "saved the current version" in response.get_data(as_text=True)
    assert status_of(app, piece_id) == "in-review"
    reviewer = signed_in(app, "rita")
    assert 'value="approved"' in reviewer.get(f"/pieces/{piece_id}").get_data(as_text=True)
    assert reviewer.post(f"/pieces/{piece_id}/status",
                         data={"to": "approved"}).status_code == 302
    assert status_of(app, piece_id) == "approved"


def test_html_with_the_setting_off(app, piece_id):
    app.config["APPROVER_NOT_AUTHOR"] = False
    client = signed_in(app, "eddie")
    assert 'value="approved"' in client.get(f"/pieces/{piece_id}").get_data(as_text=True)
    assert client.post(f"/pieces/{piece_id}/status", data={"to": "approved"}).status_code == 302
    assert status_of(app, piece_id) == "approved"


def test_api_refuses_self_approval(app, piece_id):
    client = app.test_client()
    eddie, rita = bearer(api_token(app, "eddie")), bearer(api_token(app, "rita"))
    detail = client.get(f"/api/v1/pieces/{piece_id}", headers=eddie).json
    assert "approved" not in detail["allowed_transitions"]
    refused = client.post(f"/api/v1/pieces/{piece_id}/status", json={"to": "approved"},
                          headers=eddie)
    assert refused.status_code == 403
    assert "saved the current version" in refused.json["error"]["message"]
    assert client.get(f"/api/v1/pieces/{piece_id}", headers=rita).json[
        "allowed_transitions"] == ["changes-requested", "approved"]
    approved = client.post(f"/api/v1/pieces/{piece_id}/status", json={"to": "approved"},
                           headers=rita)
    assert approved.status_code == 200 and approved.json["approved_by"] == "rita"


def test_setting_reads_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_APPROVER_NOT_AUTHOR", "0")
    assert make_app(tmp_path / "env.sqlite").config["APPROVER_NOT_AUTHOR"] is False
    monkeypatch.delenv("FRAMING_APPROVER_NOT_AUTHOR")
    assert make_app(tmp_path / "env2.sqlite").config["APPROVER_NOT_AUTHOR"] is True
