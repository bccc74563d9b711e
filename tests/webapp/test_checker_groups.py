"""The checker's results read in one screen: findings grouped by rule with all their
places, "Accept all", "consider" folded away, rules ignored for a draft or for a partner,
and the draft editable beside its highlights."""
from __future__ import annotations

import re

from view_helpers import html, signed_in, stores
from web_helpers import api_token, bearer, connect

from framing.store.ignored_rules import IgnoredRuleStore

TWICE = ("We will utilize the grant. Your staff can utilize our toolkit. "
         "Could you give us 20 minutes at the March staff meeting?")


def post(client, **form):
    return client.post("/check", data={"kind": "pitch", **form})


def rule_cards(page: str) -> list[str]:
    return re.findall(r'<li class="rule-group rule-group-\w+" data-rule="([^"]+)"', page)


def test_a_rule_with_two_places_is_one_card_listing_both(app, data):
    client = signed_in(app, "reviewer")
    page = html(post(client, text=TWICE, against=f"profile:{data['profile']}"))
    assert rule_cards(page).count("plain.word.utilize") == 1
    card = page.split('data-rule="plain.word.utilize"')[1].split('class="rule-group ')[0]
    assert card.count('class="finding finding-') == 2
    assert "2 places in the draft" in card
    assert "Accept all 2" in card
    # every highlight still links to a place with that id
    for fid in re.findall(r'data-findings="(f\d+)', page):
        assert f'<li id="{fid}" class="finding' in page


def test_accept_all_changes_every_place_in_one_undo_step(app, data):
    client = signed_in(app, "reviewer")
    page = html(post(client, text=TWICE, against=f"profile:{data['profile']}",
                     accept_all="plain.word.utilize"))
    assert "Accepted 2 changes" in page
    assert "utilize" not in page.split('id="text"')[1].split("</textarea>")[0]
    history = re.search(r'name="history" value="([^"]*)"', page).group(1)
    assert history.count("&#34;text&#34;") == 1  # one step takes both back
    text = re.search(r'<textarea id="text"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    undone = html(post(client, text=text.replace("&#39;", "'"), history=history.replace(
        "&#34;", '"'), against=f"profile:{data['profile']}", undo="1"))
    assert undone.count("utilize") >= 2


def test_considerations_are_folded_away_behind_musts_and_shoulds(app):
    client = signed_in(app, "reviewer")
    page = html(post(client, text="In order to help, our members committed suicide prevention "
                     "training. Two students committed suicide.", against="sector:education"))
    nits = re.search(r'<details class="nits"( open)?>', page)
    assert nits and not nits.group(1)
    assert page.index('class="sev-badge sev-error"') < page.index('<details class="nits"')


def test_a_rule_ignored_for_the_draft_stays_out_until_shown_again(app, data):
    client = signed_in(app, "reviewer")
    page = html(post(client, text=TWICE, against=f"profile:{data['profile']}",
                     ignore="plain.word.utilize"))
    assert "plain.word.utilize" not in rule_cards(page)
    assert 'name="ignored" value="plain.word.utilize"' in page
    assert "2 places, in this draft" in page
    assert 'data-findings' not in page.split('id="draft"')[1].split("utilize")[0][-200:]
    # carried through the next check, then shown again on request
    again = html(post(client, text=TWICE, against=f"profile:{data['profile']}",
                      ignored="plain.word.utilize"))
    assert "plain.word.utilize" not in rule_cards(again)
    shown = html(post(client, text=TWICE, against=f"profile:{data['profile']}",
                      ignored="plain.word.utilize", unignore="plain.word.utilize"))
    assert "plain.word.utilize" in rule_cards(shown)
    # junk in the hidden field is dropped, not trusted
    junk = html(post(client, text=TWICE, ignored="<b>x</b> ../../etc " + "a" * 300))
    assert "&lt;b&gt;" not in junk and "plain.word.utilize" in rule_cards(junk)


def test_a_rule_ignored_for_a_partner_is_stored_and_applies_everywhere(app, data):
    editor = signed_in(app, "editor")
    against = f"profile:{data['profile']}"
    page = html(post(editor, text=TWICE, against=against, ignore_partner="plain.word.utilize"))
    assert "plain.word.utilize" not in rule_cards(page)
    assert "ignored for Lincoln USD" in page
    rules = IgnoredRuleStore(connect(app.config["DATABASE"])).for_profile(data["profile"])
    assert [(r.rule, r.ignored_by) for r in rules] == [("plain.word.utilize", "eddie")]
    assert "utilize" in rules[0].label
    # a later check, by anyone, leaves it out; the API says what it left out
    reviewer = signed_in(app, "reviewer")
    assert "plain.word.utilize" not in rule_cards(html(post(reviewer, text=TWICE, against=against)))
    api = app.test_client().post("/api/v1/check", json={"text": TWICE, "profile_id": data["profile"]},
                                 headers=bearer(api_token(app, "rita")))
    body = api.get_json()
    assert all(f["rule"] != "plain.word.utilize" for f in body["findings"])
    assert body["ignored"] == [{"rule": "plain.word.utilize", "count": 2,
                                "message": rules[0].label}]
    # ...but a sector check is not the partner's
    assert "plain.word.utilize" in rule_cards(html(post(reviewer, text=TWICE,
                                                        against="sector:education")))
    # the profile page lists it, and an editor can check it again from there
    profile_page = html(editor.get(f"/profiles/{data['profile']}"))
    assert "Checks ignored for this partner" in profile_page and "ignored by eddie" in profile_page
    editor.post(f"/profiles/{data['profile']}/ignored", data={"rule": "plain.word.utilize"})
    assert "plain.word.utilize" in rule_cards(html(post(reviewer, text=TWICE, against=against)))


def test_a_reviewer_cannot_ignore_a_rule_for_a_partner(app, data):
    reviewer = signed_in(app, "reviewer")
    page = html(post(reviewer, text=TWICE, against=f"profile:{data['profile']}"))
    assert "ignore-partner-button" not in page
    refused = html(post(reviewer, text=TWICE, against=f"profile:{data['profile']}",
                        ignore_partner="plain.word.utilize"))
    assert "Only an editor" in refused and "plain.word.utilize" in rule_cards(refused)
    assert reviewer.post(f"/profiles/{data['profile']}/ignored",
                         data={"rule": "plain.word.utilize"}).status_code == 403
    assert IgnoredRuleStore(connect(app.config["DATABASE"])).for_profile(data["profile"]) == []


def test_ignoring_needs_a_rule_id_and_goes_with_the_profile(app, data):
    editor = signed_in(app, "editor")
    page = html(post(editor, text=TWICE, against=f"profile:{data['profile']}",
                     ignore_partner="x'); DROP TABLE profiles;--"))
    assert "That rule is not known" in page
    post(editor, text=TWICE, against=f"profile:{data['profile']}",
         ignore_partner="plain.word.utilize")
    profiles, _ = stores(app)
    profiles.delete(data["profile"])
    assert IgnoredRuleStore(connect(app.config["DATABASE"])).for_profile(data["profile"]) == []


def test_the_draft_box_sits_beside_the_marked_draft(app):
    client = signed_in(app, "reviewer")
    page = html(post(client, text=TWICE))
    column = page.split('class="draft-col"')[1].split("</section>")[0]
    assert 'class="edit-toggle' in column or "edit-toggle" in column
    assert re.search(r'<textarea id="text" name="text" form="check-form"', column)
    assert page.count('name="text"') == 1  # one box, not two
    assert "Check settings" in page
