"""Stored XSS attempts in every text field render inert in a real browser.

Hostile text goes straight into the database the running server uses (as an
import or a careless colleague would put it there), then every page that shows
it is opened in Chromium: nothing may execute, no element may be created from
the payload, and the text must read back literally. SQL metacharacters must
round-trip unchanged.
"""
from __future__ import annotations

import pytest

from e2e_support import sign_in

from campaigns.store import CampaignStore
from framing.lexicon import get_lexicons
from framing.store import connect
from framing.store.comparisons import ComparisonStore
from framing.store.pitches import PitchStore
from framing.store.profiles import ProfileStore

PAYLOAD = ('<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
           '"><svg onload=window.__xss=3>\'; DROP TABLE profiles; -- " OR 1=1 --')
SHORT = '<img src=x onerror="window.__xss=4">\'; --'  # for fields limited in length
INJECTED = "img[src='x'], svg[onload], [onerror], script:not([src])"


@pytest.fixture(scope="module")
def seeded(server):
    db = connect(server.database)
    sectors = set(get_lexicons().sectors)
    profiles = ProfileStore(db, sectors)
    profile = profiles.create({
        "name": f"Partner {PAYLOAD}", "sector": "education", "tags": [f"tag {PAYLOAD}"],
        "notes": PAYLOAD,
        "politics": {"policy_culture": "other", "mandates": PAYLOAD,
                     "key_dates": [{"label": PAYLOAD, "kind": "meeting", "date": "2027-01-15"}]},
        "priorities": [{"id": "attendance", "label": PAYLOAD, "terms": [PAYLOAD]}],
        "people": [{"name": PAYLOAD, "role": PAYLOAD, "authority": "decides",
                    "motivations": PAYLOAD, "owner": PAYLOAD}],
        "power": [{"name": PAYLOAD, "kind": "media", "influence": 4, "interest": 2, "notes": PAYLOAD}],
        "vocabulary": [PAYLOAD], "avoid": [{"term": PAYLOAD, "instead": [PAYLOAD], "why": PAYLOAD}],
    }, "xss-test")
    pitch = PitchStore(db).create(f"Pitch {PAYLOAD}", f"Draft {PAYLOAD} about attendance.",
                                  "xss-test", profile_id=profile.id)
    campaigns = CampaignStore(db)
    campaign = campaigns.create_campaign({
        "name": f"Campaign {PAYLOAD}", "goal": PAYLOAD, "type": "awareness", "audience": PAYLOAD,
        "start": "2027-02-01", "end": "2027-02-28", "tagline": PAYLOAD, "hashtag": "#Safe",
        "help_line": "988"}, "xss-test")
    piece = campaigns.add_piece(campaign.id, "email", f"Piece {PAYLOAD}", f"Body {PAYLOAD}",
                                "xss-test", run_date="2027-02-10")
    campaigns.add_comment(piece.id, 1, "xss-test", 0, 4, f"Comment {PAYLOAD}")
    comparison = ComparisonStore(db, sectors).create(
        f"Comparison {PAYLOAD}", [{"label": f"A {SHORT}", "text": f"One {PAYLOAD}", "source": ""},
                                  {"label": "B", "text": "Students attend more days.", "source": ""}],
        [{"profile_id": profile.id}], "xss-test")
    stored = profiles.get(profile.id)
    db.conn.close()
    return {"profile": profile.id, "pitch": pitch.id, "campaign": campaign.id,
            "piece": piece.id, "comparison": comparison.id, "stored_notes": stored.data["notes"]}


def test_sql_metacharacters_round_trip(seeded):
    assert seeded["stored_notes"] == PAYLOAD


def test_every_page_renders_hostile_text_inert(page, seeded):
    sign_in(page)
    urls = [
        "/profiles/", f"/profiles/{seeded['profile']}", f"/profiles/{seeded['profile']}/edit",
        f"/profiles/{seeded['profile']}/history", "/pitches/", f"/pitches/{seeded['pitch']}",
        f"/check?pitch={seeded['pitch']}&run=1", "/campaigns/", f"/campaigns/{seeded['campaign']}",
        f"/campaigns/{seeded['campaign']}/calendar", f"/pieces/{seeded['piece']}",
        "/compare/", f"/compare/{seeded['comparison']}",
    ]
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, (url, response.status)
        assert page.evaluate("window.__xss") is None, url
        injected = page.evaluate(f"document.querySelectorAll(\"{INJECTED}\").length")
        assert injected == 0, (url, injected)
        assert "DROP TABLE profiles" in page.inner_text("body"), url
    assert dialogs == []
