"""HTML views for media campaigns: pages per role, the campaign and piece forms, the
review workflow (reviewers never schedule or publish), comments on spans, versions,
and the partner approval link (only its own piece; expired / superseded / used links
refused; internal comments never shown to partners or in exports)."""
from __future__ import annotations

import re
import time

import itsdangerous
import pytest

from campaign_helpers import partners_approve
from view_helpers import PROFILE, USERS, html, signed_in
from web_helpers import connect, csrf_token, login, make_app, make_user

from campaigns.links import make_partner_link
from campaigns.store import CampaignStore
from framing.lexicon import get_lexicons
from framing.store.profiles import ProfileStore

SENTINEL = "SENTINEL-INTERNAL-7f3a"
BODY = ("Most Lincoln teens (8 in 10) choose not to vape. Talk with your kids about it.\n"
        "If you or someone you know is struggling, call or text 988.")
OTHER_BODY = "A different piece that partners of piece one must never see: OTHER-PIECE-9c1."
PROFILE_NOTE = "PROFILE-NOTE-CONFIDENTIAL-44"
EDITOR_ONLY = ("/campaigns/new", "/campaigns/{cid}/edit", "/campaigns/{cid}/pieces/new",
               "/pieces/{pid}/edit", "/pieces/{pid}/partner-link")


def campaign_store(app) -> CampaignStore:
    return CampaignStore(connect(app.config["DATABASE"]))


def seed(app) -> dict:
    """A profile, a campaign with a co-sponsor contact, two pieces (one with two versions)."""
    db = connect(app.config["DATABASE"])
    profiles = ProfileStore(db, set(get_lexicons().sectors))
    profile = profiles.create(dict(PROFILE, notes=PROFILE_NOTE), "eddie")
    store = CampaignStore(db)
    campaign = store.create_campaign({
        "name": "Most of Us", "goal": "Correct the vaping misperception", "type": "social-norms",
        "audience": "Parents", "start": "2030-09-01", "end": "2030-11-30", "status": "active",
        "partners": [{"profile_id": profile.id, "role": "co-sponsor", "contact_name": "Ana Ruiz",
                      "contact_email": "ana@example.org"}],
        "norms": {"behaviour": "teens who do not vape", "actual_pct": 80, "perceived_pct": 35,
                  "source": "County Youth Survey", "year": 2029},
        "tagline": "Most of us don't", "hashtag": "#MostOfUs", "help_line": "988"}, "eddie")
    piece = store.add_piece(campaign.id, "sms", "Back-to-school text", "First draft. " + BODY,
                            "eddie", run_date="2030-09-03", target_profile_id=profile.id)
    store.edit_piece(piece.id, "Back-to-school text", BODY, "eddie", note="shorter")
    other = store.add_piece(campaign.id, "x", "Other piece", OTHER_BODY, "eddie",
                            run_date="2030-09-10")
    return {"profile": profile.id, "campaign": campaign.id, "piece": piece.id,
            "other": other.id, "store": store}


@pytest.fixture()
def data(app):
    return seed(app)


def fill(path: str, data: dict) -> str:
    return path.format(cid=data["campaign"], pid=data["piece"])


def to_status(store, piece_id, *statuses, role="editor"):
    for status in statuses:
        store.transition(piece_id, status, "boss", "admin" if role == "admin" else role)


# -- pages per role --------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["admin", "editor", "reviewer"])
def test_every_page_for_each_role(app, data, role):
    client = signed_in(app, role)
    for path in ("/campaigns/", "/campaigns/{cid}", "/campaigns/{cid}/calendar",
                 "/campaigns/{cid}/calendar?view=agenda", "/campaigns/{cid}/calendar?month=2030-09",
                 "/campaigns/{cid}/calendar?channel=sms&partner=1", "/campaigns/calendar.ics",
                 "/campaigns/{cid}/calendar.ics", "/campaigns/{cid}/export.csv",
                 "/campaigns/{cid}/package", "/pieces/{pid}",
                 "/pieces/{pid}/versions/compare?a=1&b=2", "/pieces/{pid}/versions/compare"):
        response = client.get(fill(path, data))
        assert response.status_code == 200, path
    editing = role != "reviewer"
    for path in EDITOR_ONLY:
        assert client.get(fill(path, data)).status_code == (200 if editing else 403), path
    assert ("New campaign" in html(client.get("/campaigns/"))) is editing
    board = html(client.get(fill("/campaigns/{cid}", data)))
    assert ("New piece" in board) is editing and "Back-to-school text" in board
    page = html(client.get(fill("/pieces/{pid}", data)))
    assert ("Edit text" in page) is editing
    assert ("Restore version 1" in html(client.get(fill(
        "/pieces/{pid}/versions/compare?a=1&b=2", data)))) is editing
    nav = html(client.get("/campaigns/"))
    assert 'href="/campaigns/"' in nav and 'aria-current="page">Campaigns' in nav


def test_anonymous_visitors_are_sent_to_sign_in(app, data):
    client = app.test_client()
    for path in ("/campaigns/", "/campaigns/{cid}", "/campaigns/{cid}/calendar",
                 "/campaigns/calendar.ics", "/campaigns/{cid}/export.csv",
                 "/campaigns/{cid}/package", "/pieces/{pid}", "/pieces/{pid}/edit",
                 "/pieces/{pid}/partner-link"):
        response = client.get(fill(path, data))
        assert response.status_code == 302 and "/login" in response.headers["Location"], path


def test_unknown_ids_are_404(app, data):
    client = signed_in(app, "editor")
    for path in ("/campaigns/999", "/campaigns/999/edit", "/campaigns/999/calendar",
                 "/campaigns/999/export.csv", "/pieces/999", "/pieces/999/edit",
                 "/pieces/{pid}/versions/compare?a=1&b=9"):
        assert client.get(fill(path, data)).status_code == 404, path


def test_pages_have_no_inline_script(app, data):
    client = signed_in(app, "admin")
    for path in ("/campaigns/", "/campaigns/new", "/campaigns/{cid}", "/campaigns/{cid}/edit",
                 "/campaigns/{cid}/calendar", "/campaigns/{cid}/pieces/new", "/pieces/{pid}",
                 "/pieces/{pid}/edit", "/pieces/{pid}/versions/compare?a=1&b=2",
                 "/pieces/{pid}/partner-link"):
        page = html(client.get(fill(path, data)))
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), path
        assert not re.search(r"\son[a-z]+\s*=", page), path
        assert "style=" not in page, path


# -- campaign form ---------------------------------------------------------------------------
def campaign_form(profile_id, **overrides) -> dict:
    form = {"name": "Safe Homes", "goal": "Storage of medicines", "type": "awareness",
            "audience": "Grandparents", "start": "2030-01-01", "end": "2030-03-31",
            "status": "planning", "pt_profile": [str(profile_id), ""],
            "pt_role": ["messenger", "co-sponsor"], "pt_contact": ["Bo Li", ""],
            "pt_email": ["bo@example.org", ""], "norm_behaviour": "lock up medicines",
            "norm_actual": "62", "norm_perceived": "30%", "norm_source": "Household survey",
            "norm_year": "2029", "tagline": "Lock it up", "hashtag": "LockItUp",
            "help_line": "1-800-222-1222"}
    form.update(overrides)
    return form


def test_create_and_edit_a_campaign(app, data):
    client = signed_in(app, "editor")
    response = client.post("/campaigns/new", data=campaign_form(data["profile"]))
    assert response.status_code == 302
    cid = int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    campaign = campaign_store(app).get_campaign(cid)
    assert campaign.partners[0].role == "messenger" and campaign.partners[0].contact_name == "Bo Li"
    assert campaign.norms["actual_pct"] == 62 and campaign.norms["perceived_pct"] == 30
    assert campaign.norms["year"] == 2029 and campaign.hashtag == "#LockItUp"
    form = html(client.get(f"/campaigns/{cid}/edit"))
    assert 'value="Bo Li"' in form and 'value="62"' in form and "Lock it up" in form
    edited = campaign_form(data["profile"], name="Safe Homes 2", status="active")
    assert client.post(f"/campaigns/{cid}/edit", data=edited).status_code == 302
    assert campaign_store(app).get_campaign(cid).name == "Safe Homes 2"
    board = html(client.get(f"/campaigns/{cid}"))
    assert "Safe Homes 2" in board and "Messenger" in board and "62%" in board


def test_campaign_form_errors_keep_what_was_typed(app, data):
    client = signed_in(app, "editor")
    bad = campaign_form(data["profile"], pt_email=["not-an-email", ""], audience="Kept audience")
    response = client.post("/campaigns/new", data=bad)
    page = html(response)
    assert response.status_code == 400
    assert "Partners, row 1, contact email: not an email address" in page
    assert 'value="Kept audience"' in page and 'value="not-an-email"' in page
    assert 'aria-invalid="true"' in page
    response = client.post("/campaigns/new", data=campaign_form(data["profile"], name=""))
    assert response.status_code == 400 and "Name: required" in html(response)
    assert len(campaign_store(app).list_campaigns()) == 1


def test_reviewer_cannot_write_campaigns(app, data):
    client = signed_in(app, "reviewer")
    cid, pid = data["campaign"], data["piece"]
    assert client.post("/campaigns/new", data=campaign_form(data["profile"])).status_code == 403
    form = campaign_form(data["profile"])
    assert client.post(f"/campaigns/{cid}/edit", data=form).status_code == 403
    assert client.post(f"/campaigns/{cid}/pieces/new",
                       data={"channel": "x", "title": "t", "body": "b"}).status_code == 403
    assert client.post(f"/pieces/{pid}/edit", data={"title": "t", "body": "new"}).status_code == 403
    assert client.post(f"/pieces/{pid}/restore", data={"number": 1}).status_code == 403
    assert client.post(f"/pieces/{pid}/partner-link", data={"contact": 0}).status_code == 403
    assert len(campaign_store(app).versions(pid)) == 2


# -- pieces ----------------------------------------------------------------------------------
def test_new_piece_then_edit_makes_versions(app, data):
    client = signed_in(app, "editor")
    cid = data["campaign"]
    form = html(client.get(f"/campaigns/{cid}/pieces/new"))
    assert "Radio PSA :30" in form and "Ana Ruiz" not in form and PROFILE["name"] in form
    missing = client.post(f"/campaigns/{cid}/pieces/new", data={"channel": "", "title": "T",
                                                               "body": "Kept body"})
    assert missing.status_code == 400 and "Kept body" in html(missing)
    response = client.post(f"/campaigns/{cid}/pieces/new", data={
        "channel": "psa-30", "title": "Radio spot", "body": "Most teens don't vape. Call 988.",
        "run_date": "2030-10-01", "target_profile_id": ""})
    assert response.status_code == 302
    pid = int(response.headers["Location"].rsplit("/", 1)[1])
    page = html(client.get(f"/pieces/{pid}"))
    assert "Radio PSA :30" in page and "Read aloud" in page and "of 30 s" in page
    assert "Send for review" in page
    response = client.post(f"/pieces/{pid}/edit", data={
        "title": "Radio spot", "body": "Most teens don't vape. Call or text 988.",
        "note": "added text", "base": "1"})
    assert response.status_code == 302
    versions = campaign_store(app).versions(pid)
    assert [v.number for v in versions] == [1, 2] and versions[1].note == "added text"
    same = client.post(f"/pieces/{pid}/edit", data={
        "title": "Radio spot", "body": versions[1].body, "base": "2"})
    assert same.status_code == 302 and len(campaign_store(app).versions(pid)) == 2
    stale = client.post(f"/pieces/{pid}/edit", data={"title": "Radio spot", "body": "Mine",
                                                    "base": "1"})
    assert stale.status_code == 409 and "Mine" in html(stale)
    assert "your text is still in the form" in html(stale)


def test_sms_channel_fit_shows_segments(app, data):
    page = html(signed_in(app, "editor").get(f"/pieces/{data['piece']}"))
    assert "Text messages" in page and "GSM-7" in page and "of 2" in page


def test_editing_an_approved_piece_warns_and_returns_it_to_review(app, data):
    store, pid = data["store"], data["piece"]
    to_status(store, pid, "in-review", "approved")
    client = signed_in(app, "editor")
    form = html(client.get(f"/pieces/{pid}/edit"))
    assert "Saving a change sends it back to review" in form
    response = client.post(f"/pieces/{pid}/edit", data={"title": "Back-to-school text",
                                                       "body": BODY + " Thanks!", "base": "2"},
                           follow_redirects=True)
    assert "back to “In review”" in html(response)
    piece = campaign_store(app).get_piece(pid)
    assert piece.status == "in-review" and piece.approved_version is None


def test_findings_and_text_are_escaped(app, data):
    store = data["store"]
    hostile = ("<script>alert(1)</script> <b>bold</b> Two students committed suicide. "
               "Call 988.")
    piece = store.add_piece(data["campaign"], "email", "<i>Title</i>", hostile, "eddie")
    page = html(signed_in(app, "reviewer").get(f"/pieces/{piece.id}"))
    assert "<script>alert(1)</script>" not in page and "<b>bold</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;i&gt;Title&lt;/i&gt;" in page
    assert re.search(r'<mark class="hl hl-error[^"]*"[^>]*><a [^>]*>committed suicide</a></mark>',
                     page)


# -- workflow --------------------------------------------------------------------------------
def test_editor_takes_a_piece_from_draft_to_published(app, data):
    client = signed_in(app, "editor")
    pid = data["piece"]
    # The editor saved the seeded versions and may not approve their own text
    # (APPROVER_NOT_AUTHOR): the admin saves the final wording, the editor does the rest.
    data["store"].edit_piece(pid, "Back-to-school text", BODY + " Thank you!", "boss")
    for status, button in (("in-review", "Send for review"), ("approved", "Approve"),
                           ("scheduled", "Schedule"), ("published", "Mark as published")):
        if status == "approved":  # the co-sponsor approves first (PARTNERS_APPROVE_FIRST)
            assert "Waiting for partner approval" in html(client.get(f"/pieces/{pid}"))
            partners_approve(app, pid)
        assert button in html(client.get(f"/pieces/{pid}")), status
        response = client.post(f"/pieces/{pid}/status", data={"to": status, "note": f"n-{status}"})
        assert response.status_code == 302, status
    assert campaign_store(app).get_piece(pid).status == "published"
    activity = html(client.get(f"/pieces/{pid}"))
    assert "Scheduled → Published" in activity and "n-approved" in activity


def test_reviewer_approves_but_cannot_schedule_or_publish(app, data):
    store, pid = data["store"], data["piece"]
    to_status(store, pid, "in-review")
    partners_approve(app, pid)
    client = signed_in(app, "reviewer")
    page = html(client.get(f"/pieces/{pid}"))
    assert "Approve" in page and "Request changes" in page
    assert "Send for review" not in page and "Archive" not in page
    assert client.post(f"/pieces/{pid}/status", data={"to": "approved"}).status_code == 302
    assert store.get_piece(pid).status == "approved"
    page = html(client.get(f"/pieces/{pid}"))
    assert 'value="scheduled"' not in page and 'value="published"' not in page
    for status in ("scheduled", "published", "archived", "draft"):
        response = client.post(f"/pieces/{pid}/status", data={"to": status})
        assert response.status_code == 403, status
    assert store.get_piece(pid).status == "approved"
    to_status(store, pid, "scheduled")
    assert client.post(f"/pieces/{pid}/status", data={"to": "published"}).status_code == 403
    assert store.get_piece(pid).status == "scheduled"


def test_impossible_move_is_refused_with_a_reason(app, data):
    client = signed_in(app, "editor")
    response = client.post(f"/pieces/{data['piece']}/status", data={"to": "published"})
    assert response.status_code == 409 and "Not changed" in html(response)
    assert client.post(f"/pieces/{data['piece']}/status", data={"to": "nope"}).status_code == 400
    assert campaign_store(app).get_piece(data["piece"]).status == "draft"


# -- comments --------------------------------------------------------------------------------
def test_comment_on_a_quoted_span_without_javascript(app, data):
    client = signed_in(app, "reviewer")
    pid = data["piece"]
    response = client.post(f"/pieces/{pid}/comments", data={
        "quote": "talk  with\nyour kids", "body": "Warmer wording? <em>x</em>"})
    assert response.status_code == 302
    comment = campaign_store(app).comments(pid)[0]
    assert BODY[comment.start:comment.end] == "Talk with your kids"
    assert comment.version_number == 2 and comment.author == USERS["reviewer"]
    page = html(client.get(f"/pieces/{pid}"))
    assert f'data-comments="c{comment.id}"' in page and "&lt;em&gt;x&lt;/em&gt;" in page
    assert re.search(r'<span class="cm"[^>]*><a class="cm-link"[^>]*>Talk with your kids</a>', page)


def test_comment_span_uses_the_selection_hint_and_whole_piece(app, data):
    store = data["store"]
    piece = store.add_piece(data["campaign"], "x", "Twice", "Call 988. Again: Call 988.", "eddie")
    client = signed_in(app, "editor")
    client.post(f"/pieces/{piece.id}/comments", data={"quote": "Call 988", "start": "15",
                                                      "body": "second one"})
    client.post(f"/pieces/{piece.id}/comments", data={"quote": "", "body": "whole piece"})
    first, whole = sorted(store.comments(piece.id), key=lambda c: c.body)
    assert (first.start, first.end) == (17, 25)
    assert (whole.start, whole.end) == (0, 0)
    assert "On the whole piece" in html(client.get(f"/pieces/{piece.id}"))
    missing = client.post(f"/pieces/{piece.id}/comments", data={"quote": "not there",
                                                                "body": "kept comment"})
    assert missing.status_code == 400 and "kept comment" in html(missing)
    assert "not in the current version" in html(missing)


# -- versions --------------------------------------------------------------------------------
def test_compare_shows_a_word_diff_and_restore_makes_a_new_version(app, data):
    store, pid = data["store"], data["piece"]
    store.edit_piece(pid, "Back-to-school text", BODY + " <b>Added</b>", "eddie")
    client = signed_in(app, "editor")
    page = html(client.get(f"/pieces/{pid}/versions/compare?a=2&b=3"))
    assert '<ins class="diff-ins">' in page and "&lt;b&gt;Added&lt;/b&gt;" in page
    assert "<b>Added</b>" not in page
    page = html(client.get(f"/pieces/{pid}/versions/compare?a=1&b=2"))
    assert '<del class="diff-del">First draft. </del>' in page or \
        re.search(r'<del class="diff-del">First draft\.\s*</del>', page)
    response = client.post(f"/pieces/{pid}/restore", data={"number": "1"}, follow_redirects=True)
    assert "Version 1 restored as version 4" in html(response)
    latest = store.versions(pid)[-1]
    assert latest.number == 4 and latest.restored_from == 1 and latest.body.startswith("First")


# -- partner approval link -------------------------------------------------------------------
def create_link(app, data, client=None) -> str:
    client = client or signed_in(app, "editor")
    page = html(client.get(f"/pieces/{data['piece']}/partner-link"))
    assert "Ana Ruiz" in page
    response = client.post(f"/pieces/{data['piece']}/partner-link", data={"contact": "0"})
    assert response.status_code == 201
    assert response.headers["Cache-Control"] == "no-store"
    url = re.search(r'id="partner-url"[^>]*value="([^"]+)"', html(response)).group(1)
    assert "/p/" in url
    return url.split("/p/", 1)[1]


def add_internal_notes(app, data):
    store = data["store"]
    store.add_comment(data["piece"], 2, "rita", 0, 4, f"Comment {SENTINEL}")
    store.add_comment(data["other"], 1, "rita", 0, 0, f"Other comment {SENTINEL}")


def test_partner_link_shows_only_its_piece(app, data):
    add_internal_notes(app, data)
    token = create_link(app, data)
    partner = app.test_client()  # no account
    response = partner.get(f"/p/{token}")
    page = html(response)
    assert response.status_code == 200
    assert "Back-to-school text" in page and "8 in 10" in page and "SMS" in page
    # who asks and for which campaign, so the request cannot pass for phishing
    assert "Ana Ruiz, the campaign team asks you to review" in page
    assert "for the campaign <strong>“Most of Us”</strong>" in page
    for secret in (SENTINEL, "OTHER-PIECE-9c1", "Other piece", PROFILE_NOTE, PROFILE["name"],
                   "First draft", "Sign out", "/campaigns/", "/pieces/",
                   "Correct the vaping misperception"):
        assert secret not in page, secret
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    app.config["ORG_NAME"] = "Riverton Prevention Coalition"
    assert "Ana Ruiz, Riverton Prevention Coalition asks you" in html(partner.get(f"/p/{token}"))


def test_partner_approves_once_with_csrf(tmp_path, analyzer):
    app = make_app(tmp_path / "partner.sqlite")  # CSRF protection on
    app.extensions["framing_analyzer"] = analyzer
    make_user(app, "eddie", "editor")
    data = seed(app)
    editor = app.test_client()
    assert login(editor, "eddie").status_code == 302
    page = html(editor.get(f"/pieces/{data['piece']}/partner-link"))
    token_field = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = editor.post(f"/pieces/{data['piece']}/partner-link",
                           data={"contact": "0", "csrf_token": token_field})
    token = re.search(r'/p/([^"]+)"', html(response)).group(1)
    partner = app.test_client()
    assert partner.post(f"/p/{token}", data={"decision": "approve"}).status_code == 400  # no CSRF
    csrf = csrf_token(partner, f"/p/{token}")
    response = partner.post(f"/p/{token}", data={"decision": "approve", "note": "Looks good",
                                                 "csrf_token": csrf})
    assert response.status_code == 200 and "Thank you" in html(response)
    reviews = data["store"].reviews(data["piece"])
    assert reviews[-1].via == "link" and reviews[-1].reviewer == "Ana Ruiz"
    again = partner.get(f"/p/{token}")
    assert again.status_code == 410 and "already been used" in html(again)
    activity = html(editor.get(f"/pieces/{data['piece']}"))
    assert "Ana Ruiz (partner link)" in activity and "approved by Ana Ruiz" in activity


def test_partner_requests_changes_with_a_note(app, data):
    to_status(data["store"], data["piece"], "in-review")
    token = create_link(app, data)
    partner = app.test_client()
    empty = partner.post(f"/p/{token}", data={"decision": "changes", "note": ""})
    assert empty.status_code == 400 and "Tell us what to change" in html(empty)
    response = partner.post(f"/p/{token}", data={"decision": "changes", "note": "Add our logo"})
    assert response.status_code == 200 and "asked for changes" in html(response)
    assert data["store"].get_piece(data["piece"]).status == "changes-requested"


def test_superseded_link_is_refused(app, data):
    token = create_link(app, data)
    data["store"].edit_piece(data["piece"], "Back-to-school text", BODY + " New.", "eddie")
    response = app.test_client().get(f"/p/{token}")
    assert response.status_code == 410 and "has changed since the link was sent" in html(response)
    assert "8 in 10" not in html(response)
    posted = app.test_client().post(f"/p/{token}", data={"decision": "approve"})
    assert posted.status_code == 410
    assert all(r.via != "link" for r in data["store"].reviews(data["piece"]))


def test_expired_link_is_refused(app, data, monkeypatch):
    store = data["store"]
    piece = store.get_piece(data["piece"])
    real = itsdangerous.timed.TimestampSigner.get_timestamp
    monkeypatch.setattr(itsdangerous.timed.TimestampSigner, "get_timestamp",
                        lambda self: int(time.time()) - 15 * 86400)
    token = make_partner_link(app.config["SECRET_KEY"], piece, piece.current, "Ana Ruiz",
                              data["profile"])
    monkeypatch.setattr(itsdangerous.timed.TimestampSigner, "get_timestamp", real)
    response = app.test_client().get(f"/p/{token}")
    assert response.status_code == 410 and "expired" in html(response)
    assert "8 in 10" not in html(response)


def test_bad_token_is_a_friendly_404(app, data):
    token = create_link(app, data)
    for bad in (token[:-3] + "abc", "nonsense"):
        response = app.test_client().get(f"/p/{bad}")
        assert response.status_code == 404 and "This link does not work" in html(response)


# -- internal comments never leave the team --------------------------------------------------
def test_comments_never_in_partner_page_or_exports(app, data):
    add_internal_notes(app, data)
    store = data["store"]
    to_status(store, data["piece"], "in-review")
    store.transition(data["piece"], "changes-requested", "rita", "reviewer",
                     note=f"Status note {SENTINEL}")
    client = signed_in(app, "admin")
    assert SENTINEL in html(client.get(f"/pieces/{data['piece']}"))  # the team sees it
    token = create_link(app, data)
    assert SENTINEL not in html(app.test_client().get(f"/p/{token}"))
    cid = data["campaign"]
    for path in (f"/campaigns/{cid}/export.csv", f"/campaigns/{cid}/package",
                 f"/campaigns/{cid}/calendar.ics", "/campaigns/calendar.ics"):
        response = client.get(path)
        assert response.status_code == 200 and SENTINEL not in html(response), path


def test_exports_download(app, data):
    client = signed_in(app, "reviewer")
    cid = data["campaign"]
    csv = client.get(f"/campaigns/{cid}/export.csv")
    assert csv.mimetype == "text/csv" and "attachment" in csv.headers["Content-Disposition"]
    assert "Back-to-school text" in html(csv)
    ics = client.get(f"/campaigns/{cid}/calendar.ics")
    assert ics.mimetype == "text/calendar" and "BEGIN:VCALENDAR" in html(ics)
    package = client.get(f"/campaigns/{cid}/package")
    assert package.mimetype == "text/html" and "Back-to-school text" in html(package)


def test_calendar_month_agenda_and_filters(app, data):
    client = signed_in(app, "reviewer")
    cid = data["campaign"]
    month = html(client.get(f"/campaigns/{cid}/calendar?month=2030-09"))
    assert "September 2030" in month and "Back-to-school text" in month and "Other piece" in month
    assert f"/campaigns/{cid}/calendar.ics" in month
    sms = html(client.get(f"/campaigns/{cid}/calendar?month=2030-09&channel=sms"))
    assert "Back-to-school text" in sms and "Other piece" not in sms
    assert "channel=sms" in sms  # the .ics link keeps the filter
    agenda = html(client.get(f"/campaigns/{cid}/calendar?view=agenda"))
    assert "Tuesday, September 3, 2030" in agenda
    default = html(client.get(f"/campaigns/{cid}/calendar"))
    assert "September 2030" in default  # opens on the month of the next piece


def test_dashboard_shows_status_findings_and_blockers(app, data):
    data["store"].add_piece(data["campaign"], "email", "Hard news",
                            "Two students committed suicide. Call 988.", "eddie")
    page = html(signed_in(app, "reviewer").get(f"/campaigns/{data['campaign']}"))
    assert re.search(r'count-pill-small sev-error">\d+ must fix', page)
    assert re.search(r"\d+ error findings? to fix", page)
    assert "Draft" in page and "What still blocks it" in page
    assert f"Missing partner approval: {PROFILE['name']}" in page  # the co-sponsor's sign-off
    assert "version 2" in page and "Text messages" not in page
    assert "Calendar" in page and "Export CSV" in page and "Print package" in page


def test_run_date_and_partner_change_without_a_new_version(app, data):
    store, pid = data["store"], data["other"]
    to_status(store, pid, "in-review", "approved")
    client = signed_in(app, "editor")
    assert "When it runs and who it is for" in html(client.get(f"/pieces/{pid}/edit"))
    response = client.post(f"/pieces/{pid}/details", data={
        "run_date": "2030-09-20", "target_profile_id": str(data["profile"])})
    assert response.status_code == 302
    piece = store.get_piece(pid)
    assert piece.run_date == "2030-09-20" and piece.target_profile_id == data["profile"]
    assert piece.status == "approved" and piece.version_count == 1
    bad = client.post(f"/pieces/{pid}/details", data={"run_date": "20-09-2030"})
    assert bad.status_code == 400 and "Run date" in html(bad)
    assert signed_in(app, "reviewer").post(f"/pieces/{pid}/details",
                                           data={"run_date": ""}).status_code == 403


def test_a_piece_lists_its_findings_one_card_per_rule_without_the_checker_buttons(app, data):
    page = html(signed_in(app, "reviewer").get(f"/pieces/{data['piece']}"))
    cards = re.findall(r'<li class="rule-group rule-group-\w+" data-rule="([^"]+)"', page)
    assert cards and len(cards) == len(set(cards))  # one card per rule
    assert "In the text:" in page or "places in the text" in page or "Why and source" in page
    assert "ignore-button" not in page and "accept-all-button" not in page
    assert 'form="check-form"' not in page
