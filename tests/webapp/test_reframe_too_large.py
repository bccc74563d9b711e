"""A draft just under the size limit whose reframing adds text: the variant is over the
limit, so it cannot be checked again. The API and the reframe page say so (422, naming the
limit and how much to cut) instead of failing with a 500; the draft is kept."""
from __future__ import annotations

import html as htmllib

import pytest

from web_helpers import api_token, bearer, login, make_app, make_user

from framing import Analyzer
from framing.rewrite.variant import VariantTooLarge, reframe
from framing.settings import Settings

LIMIT = 1_000
# The reframer renames the program in the school's words, three characters longer.
PITCH = ("Our youth homelessness prevention program has run in three schools since 2019. "
         "Let us know if you are interested.")
FILLER = " Students who move between homes miss more school than their classmates."


def near_limit() -> str:
    """The pitch padded to just under ``LIMIT`` characters."""
    text = PITCH
    while len(text) + len(FILLER) < LIMIT:
        text += FILLER
    text += " Yes." * ((LIMIT - 1 - len(text)) // 5)
    return text + "!" * (LIMIT - 1 - len(text))  # exactly one under the limit


DRAFT = near_limit()


@pytest.fixture(scope="module")
def small():
    """An engine with a 1,000-character limit (its own pipeline)."""
    return Analyzer(Settings(max_chars=LIMIT))


@pytest.fixture(scope="module")
def app(tmp_path_factory, small):
    app = make_app(tmp_path_factory.mktemp("reframe") / "t.sqlite", MAX_TEXT_CHARS=LIMIT,
                   WTF_CSRF_ENABLED=False)
    app.extensions["framing_analyzer"] = small
    make_user(app, "eddie", "editor")
    return app


def grown_by(small) -> int:
    """How many characters over the limit the full reframing of DRAFT is."""
    report = small.analyze(DRAFT, sector="education")
    with pytest.raises(VariantTooLarge) as caught:
        reframe(small, report)
    return caught.value.size - LIMIT


def test_the_draft_is_within_the_limit_and_its_variant_is_not(small):
    assert len(DRAFT) <= LIMIT
    assert grown_by(small) > 0


def test_engine_names_the_limit_and_how_much_to_cut(small):
    report = small.analyze(DRAFT, sector="education")
    with pytest.raises(VariantTooLarge) as caught:
        reframe(small, report)
    over = caught.value.size - LIMIT
    assert str(caught.value) == (
        f"the reframed draft would have {caught.value.size:,} characters; the limit is "
        f"{LIMIT:,}. Shorten the draft by at least {over:,} characters and reframe again")


def test_api_reframe_answers_422_naming_the_limit(app, small):
    response = app.test_client().post(
        "/api/v1/reframe", json={"text": DRAFT, "sector": "education"},
        headers=bearer(api_token(app, "eddie")))
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["field"] == "text"
    assert error["message"].startswith("The reframed draft would have ")
    assert f"the limit is {LIMIT:,}. Shorten the draft by at least {grown_by(small):,} " \
           "characters and reframe again." in error["message"]


def test_reframe_page_answers_422_and_keeps_the_draft(app, small):
    client = app.test_client()
    assert login(client, "eddie").status_code == 302
    response = client.post("/check/reframe", data={"text": DRAFT, "against": "sector:education",
                                                   "kind": "pitch"})
    page = htmllib.unescape(response.get_data(as_text=True))
    assert response.status_code == 422
    assert f"Shorten the draft by at least {grown_by(small):,} characters" in page
    assert DRAFT in page  # kept in the form


def test_saving_the_reframed_draft_is_refused_the_same_way(app):
    client = app.test_client()
    assert login(client, "eddie").status_code == 302
    response = client.post("/check/reframe/save", data={
        "text": DRAFT, "against": "sector:education", "kind": "pitch", "new_title": "Too long"})
    assert response.status_code == 422
    assert "The reframed draft would have" in response.get_data(as_text=True)
