"""Lost updates of campaign pieces: the base-version check happens inside the write
transaction (the store), so two saves from the same version can never both land,
from the HTML form or from ``PUT /api/v1/pieces/<id>`` (which needs ``base_version``)."""
from __future__ import annotations

import threading

import pytest
from campaign_helpers import NORMS_POST, campaign_doc, make_store, piece_in
from web_helpers import api_token, bearer, connect, login, make_app, make_user

from campaigns.models import StaleVersion
from campaigns.store import CampaignStore


# -- the store -------------------------------------------------------------------------------
def test_store_refuses_an_edit_from_a_stale_version(tmp_path):
    store, (lusd, courier) = make_store(tmp_path)
    campaign = store.create_campaign(campaign_doc(lusd, courier), "maria")
    piece = store.add_piece(campaign.id, "x", "Post", NORMS_POST, "maria")
    saved = store.edit_piece(piece.id, "Post", NORMS_POST + " One.", "maria", base_version=1)
    assert saved.number == 2
    with pytest.raises(StaleVersion) as caught:
        store.edit_piece(piece.id, "Post", NORMS_POST + " Two.", "rita", base_version=1)
    assert (caught.value.current_version, caught.value.expected_version) == (2, 1)
    assert store.get_piece(piece.id).current.body == NORMS_POST + " One."
    # Without a base version (the CLI, restores) the edit is appended as before.
    assert store.edit_piece(piece.id, "Post", NORMS_POST + " Three.", "rita").number == 3


# -- the HTML form: two saves racing ---------------------------------------------------------
@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path / "lock.sqlite", WTF_CSRF_ENABLED=False)
    for name in ("eddie", "erin"):
        make_user(app, name, "editor")
    return app


@pytest.fixture
def piece_id(app):
    return piece_in(app)


def test_two_html_saves_from_the_same_version_cannot_both_land(app, piece_id, monkeypatch):
    # Hold both saves just before the store is called, so both have passed every
    # check the view makes on its own; only a check under the write lock can tell.
    barrier = threading.Barrier(2, timeout=10)
    real_edit = CampaignStore.edit_piece

    def edit_after_both_arrive(self, *args, **kwargs):
        try:
            barrier.wait()
        except threading.BrokenBarrierError:
            pass
        return real_edit(self, *args, **kwargs)

    monkeypatch.setattr(CampaignStore, "edit_piece", edit_after_both_arrive)
    clients = []
    for name in ("eddie", "erin"):
        client = app.test_client()
        assert login(client, name).status_code == 302
        clients.append(client)
    results = {}

    def save(client, who):
        response = client.post(f"/pieces/{piece_id}/edit", data={
            "title": "Post", "body": f"{NORMS_POST} Edited by {who}.", "base": "1"})
        results[who] = (response.status_code, response.get_data(as_text=True))

    threads = [threading.Thread(target=save, args=(c, n))
               for c, n in zip(clients, ("eddie", "erin"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(status for status, _ in results.values()) == [302, 409]
    loser = next(who for who, (status, _) in results.items() if status == 409)
    page = results[loser][1]
    assert f"Edited by {loser}." in page  # the refused text is still in the form
    assert 'name="base" value="2"' in page  # saving again now would be from version 2
    db = connect(app.config["DATABASE"])
    try:
        versions = CampaignStore(db).versions(piece_id)
    finally:
        db.conn.close()
    assert [v.number for v in versions] == [1, 2]


# -- the API ---------------------------------------------------------------------------------
@pytest.fixture
def token(app):
    return bearer(api_token(app, "api-editor", "editor"))


def test_api_put_needs_the_base_version_for_new_text(app, piece_id, token):
    client = app.test_client()
    missing = client.put(f"/api/v1/pieces/{piece_id}", json={"body": NORMS_POST + " A."},
                         headers=token)
    assert missing.status_code == 400 and missing.json["error"]["field"] == "base_version"
    wrong = client.put(f"/api/v1/pieces/{piece_id}", json={"body": NORMS_POST + " A.",
                                                           "base_version": "1"}, headers=token)
    assert wrong.status_code == 400 and wrong.json["error"]["field"] == "base_version"
    # Changing only the run date makes no version and needs none.
    dated = client.put(f"/api/v1/pieces/{piece_id}", json={"run_date": "2026-05-01"},
                       headers=token)
    assert dated.status_code == 200 and dated.json["version_count"] == 1


def test_api_put_from_a_stale_version_is_a_409(app, piece_id, token):
    client = app.test_client()
    first = client.put(f"/api/v1/pieces/{piece_id}", headers=token,
                       json={"body": NORMS_POST + " First.", "base_version": 1})
    assert first.status_code == 200 and first.json["current"]["number"] == 2
    second = client.put(f"/api/v1/pieces/{piece_id}", headers=token,
                        json={"body": NORMS_POST + " Second.", "base_version": 1})
    assert second.status_code == 409
    error = second.json["error"]
    assert error["field"] == "base_version" and error["current_version"] == 2
    piece = client.get(f"/api/v1/pieces/{piece_id}", headers=token).json
    assert piece["version_count"] == 2 and piece["current"]["body"].endswith("First.")
    third = client.put(f"/api/v1/pieces/{piece_id}", headers=token,
                       json={"body": NORMS_POST + " Second.", "base_version": 2})
    assert third.status_code == 200 and third.json["current"]["number"] == 3
