"""Hostile input gets a 400 naming the field, never a server error: JSON nested a
thousand deep, lone surrogates (``"\\ud800"`` in JSON) in text and name fields,
CSV fields over Python's csv field size limit, and unknown fields in API bodies.

Covers the JSON API, the checker form (its undo history is JSON in a hidden
field) and profile import files.
"""
from __future__ import annotations

import csv
import io
import json

import pytest
from campaign_helpers import campaign_doc, profiles_in
from web_helpers import api_token, bearer, login, make_app, make_user

from framing.lexicon import get_lexicons
from framing.safe_json import MAX_DEPTH, JsonInputError, loads
from framing.store.profile_io import import_csv, import_json
from framing.profile_schema import ProfileValidationError, defaults_for_sector

DEEP = "[" * 1000 + "]" * 1000
LONE = "\\ud800"  # a JSON escape for half a surrogate pair: no character at all


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("bad-input") / "t.sqlite", MAX_TEXT_CHARS=2000)
    make_user(app, "eddie", "editor")
    return app


@pytest.fixture(scope="module")
def token(app):
    return bearer(api_token(app, "api-editor", "editor"))


@pytest.fixture(scope="module")
def partners(app):
    return profiles_in(app)


@pytest.fixture
def client(app):
    return app.test_client()


def post_raw(client, path, raw, token, method="post"):
    return getattr(client, method)(path, data=raw, headers={**token,
                                                            "Content-Type": "application/json"})


def error_of(response, status=400):
    assert response.status_code == status, (response.status_code, response.get_data(True)[:300])
    return response.get_json()["error"]


# -- the shared loader -----------------------------------------------------------------------
def test_loader_names_the_field_of_a_lone_surrogate():
    with pytest.raises(JsonInputError) as caught:
        loads('{"people": [{"name": "Ana"}, {"name": "x' + LONE + '"}]}')
    assert caught.value.field == "people[1].name"
    assert "surrogate" in caught.value.message
    with pytest.raises(JsonInputError) as caught:
        loads('{"tags": {"' + LONE + '": 1}}')
    assert caught.value.field == "tags"
    # A proper pair is one character and passes.
    assert loads('{"name": "\\ud83d\\ude00"}') == {"name": "\U0001F600"}


def test_loader_refuses_deep_nesting_whatever_the_parser_manages():
    with pytest.raises(JsonInputError) as caught:
        loads(DEEP)
    assert "deep" in caught.value.message
    just_over = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    with pytest.raises(JsonInputError):
        loads(just_over)
    assert loads("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    with pytest.raises(JsonInputError) as caught:
        loads('{"a": {"b": ' + "[" * 100 + "]" * 100 + "}}")
    assert caught.value.field.startswith("a.b")


# -- the JSON API ----------------------------------------------------------------------------
@pytest.mark.parametrize("path,raw", [
    ("/api/v1/check", DEEP),
    ("/api/v1/check", '{"text": "Hello.", "sector": ' + DEEP + "}"),
    ("/api/v1/profiles", DEEP),
    ("/api/v1/pitches", '{"title": "T", "text": "Hello.", "note": ' + DEEP + "}"),
    ("/api/v1/compare", '{"variants": ' + DEEP + "}"),
])
def test_deeply_nested_json_is_a_400(client, token, path, raw):
    error = error_of(post_raw(client, path, raw, token))
    assert "nested" in error["message"] and "deep" in error["message"]


@pytest.mark.parametrize("path,body,field", [
    ("/api/v1/check", '{"text": "Hello ' + LONE + ' there.", "sector": "education"}', "text"),
    ("/api/v1/profiles", '{"name": "' + LONE + '", "sector": "education"}', "name"),
    ("/api/v1/pitches", '{"title": "A' + LONE + '", "text": "Hello."}', "title"),
    ("/api/v1/campaigns", '{"name": "' + LONE + '", "type": "awareness"}', "name"),
    ("/api/v1/compare", '{"variants": [{"label": "a", "text": "Hi."}, {"label": "b", '
                        '"text": "Yo' + LONE + '"}], "sectors": ["education"]}',
     "variants[1].text"),
])
def test_lone_surrogates_in_api_bodies_are_a_400_naming_the_field(client, token, path, body,
                                                                   field):
    error = error_of(post_raw(client, path, body, token))
    assert error["field"] == field and "surrogate" in error["message"]


def test_lone_surrogate_in_a_piece_edit_saves_nothing(app, client, token, partners):
    campaign = client.post("/api/v1/campaigns", json=campaign_doc(*partners), headers=token).json
    piece = client.post(f"/api/v1/campaigns/{campaign['id']}/pieces", headers=token,
                        json={"channel": "x", "title": "Post", "body": "Most of us."}).json
    raw = '{"title": "Post", "body": "Most ' + LONE + '", "base_version": 1}'
    error = error_of(post_raw(client, f"/api/v1/pieces/{piece['id']}", raw, token, "put"))
    assert error["field"] == "body"
    got = client.get(f"/api/v1/pieces/{piece['id']}", headers=token).json
    assert got["version_count"] == 1


def test_surrogates_encoded_as_bytes_are_a_400(client, token):
    response = client.post("/api/v1/check", data=b'{"text": "\xed\xa0\x80"}', headers={
        **token, "Content-Type": "application/json"})
    # JSON's own decoder lets these bytes through as a lone surrogate.
    error = error_of(response)
    assert error["field"] == "text" and "surrogate" in error["message"]


@pytest.mark.parametrize("path,body,unknown", [
    ("/api/v1/check", {"text": "Hello.", "profile": 9}, "profile"),
    ("/api/v1/suggest", {"text": "Hello.", "sector": "education", "sectr": "x"}, "sectr"),
    ("/api/v1/pitches", {"title": "T", "text": "Hello.", "profile": 1}, "profile"),
    ("/api/v1/compare", {"variants": [{"label": "a", "text": "Hi."},
                                      {"label": "b", "text": "Yo.", "txt": "x"}],
                         "sectors": ["education"]}, "variants[1].txt"),
])
def test_unknown_fields_are_refused_by_name(client, token, path, body, unknown):
    error = error_of(client.post(path, json=body, headers=token))
    assert error["field"] == unknown and repr(unknown) in error["message"]
    assert "unknown" in error["message"].lower()


def test_unknown_field_message_suggests_the_known_one(client, token):
    error = error_of(client.post("/api/v1/check", json={"text": "Hello.", "profile": 9,
                                                        "kindd": "pitch"}, headers=token))
    assert "'profile'" in error["message"] and "'kindd'" in error["message"]
    assert "profile_id" in error["message"]


# -- the checker form (its undo history is JSON in a hidden field) ---------------------------
@pytest.fixture
def editor(app):
    client = app.test_client()
    assert login(client, "eddie", follow_redirects=False).status_code == 302
    return client


def form(client, data):
    from web_helpers import csrf_token
    return client.post("/check", data={**data, "csrf_token": csrf_token(client, "/check")})


@pytest.mark.parametrize("history", [
    DEEP,
    '[{"text": "Bad ' + LONE + ' one", "label": "x"}]',
    '[{"text": "Fine", "label": "x' + LONE + '"}]',
])
def test_checker_history_field_is_a_clear_form_error(editor, history):
    response = form(editor, {"text": "Keep this draft.", "sector": "education",
                             "history": history, "undo": "1"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "history" in page.lower() and "Keep this draft." in page


def test_reframe_page_refuses_the_history_field_too(editor):
    from web_helpers import csrf_token
    response = editor.post("/check/reframe", data={
        "text": "Keep this draft.", "sector": "education", "history": DEEP,
        "csrf_token": csrf_token(editor, "/check")})
    assert response.status_code == 400
    assert "history" in response.get_data(as_text=True)


# -- profile import files --------------------------------------------------------------------
def import_file(client, name, content):
    from web_helpers import csrf_token
    token = csrf_token(client, "/profiles/import")
    return client.post("/profiles/import", data={
        "file": (io.BytesIO(content.encode("utf-8")), name), "csrf_token": token},
        content_type="multipart/form-data")


def test_import_json_with_a_lone_surrogate_is_refused(editor):
    doc = '{"name": "Lincoln ' + LONE + '", "sector": "education"}'
    response = import_file(editor, "p.json", doc)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Nothing was imported" in page and "surrogate" in page


def csv_text(rows):
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def test_import_csv_with_a_lone_surrogate_in_the_document_is_refused(editor):
    document = '{"name": "X", "sector": "education", "notes": "a' + LONE + '"}'
    response = import_file(editor, "p.csv", csv_text([["name", "sector", "document"],
                                                      ["X", "education", document]]))
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Nothing was imported" in page and "surrogate" in page


def test_import_csv_with_a_huge_field_is_refused(editor):
    limit = csv.field_size_limit()
    content = csv_text([["name", "sector", "notes"], ["X", "education", "a" * (limit + 1)]])
    response = import_file(editor, "p.csv", content)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Nothing was imported" in page and "row 2" in page and f"{limit:,}" in page


def test_profile_io_names_the_field():
    sectors = get_lexicons().sectors
    doc = defaults_for_sector(sectors["education"])
    text = json.dumps([{**doc, "name": "A"}, {**doc, "name": "B"}]).replace('"B"', '"B' + LONE
                                                                               + '"')
    with pytest.raises(ProfileValidationError) as caught:
        import_json(text, set(sectors))
    assert caught.value.field == "profiles[1].name"
    with pytest.raises(ProfileValidationError) as caught:
        import_json(DEEP, set(sectors))
    assert "deep" in caught.value.message
    big = csv_text([["name", "sector", "notes"], ["X", "education", "n" * 200_000]])
    with pytest.raises(ProfileValidationError) as caught:
        import_csv(big, sectors)
    assert caught.value.field == "profiles[0].notes" and "row 2" in caught.value.message
    quoted = csv_text([["name", "sector", "document"], ["X", "education", "d\n" * 70_000]])
    with pytest.raises(ProfileValidationError) as caught:
        import_csv(quoted, sectors)
    assert caught.value.field == "profiles[0].document"


@pytest.mark.parametrize("content", [DEEP, '{"name": "A' + LONE + '", "sector": "education"}'])
def test_cli_profile_file_is_a_profile_error(tmp_path, content):
    from framing.profile import PartnerProfile, ProfileError
    path = tmp_path / "partner.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        PartnerProfile.from_file(path)
    assert "partner.json" in str(caught.value)
