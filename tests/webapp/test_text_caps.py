"""Caps on lines and tokens: a text shaped to be expensive is refused before parsing, with a
message naming the limit, wherever text enters analysis (engine, CLI settings, API check,
suggest, reframe and compare, the checker and reframe pages, comparisons, campaign pieces).

``"a\\n" * 50000`` is 100,000 characters, within the character limit, but took minutes to
analyse; the line cap (default 5,000) refuses it at once.
"""
from __future__ import annotations


import pytest
from click.testing import CliRunner

from campaign_helpers import campaign_doc, make_store
from view_helpers import html, signed_in
from web_helpers import api_token, bearer

from framing.cli import main
from campaigns import piece_checks as checks
from framing.engine import TextTooLarge, line_count
from framing.settings import DEFAULT_MAX_LINES, DEFAULT_MAX_TOKENS, Settings
from framing.store import connect
from framing.store.comparisons import ComparisonStore

MANY_LINES = "a\n" * 50_000
SHORT = "Our coalition works on youth homelessness. Could you give us 20 minutes in March?"


# -- the engine ---------------------------------------------------------------------------------
def test_line_count_ignores_a_final_line_break():
    assert line_count("a") == line_count("a\n") == 1
    assert line_count("a\nb") == line_count("a\nb\n") == 2
    assert line_count(MANY_LINES) == 50_000


def test_many_lines_are_refused_naming_the_limit(analyzer):
    with pytest.raises(TextTooLarge) as caught:
        analyzer.analyze(MANY_LINES)
    assert str(caught.value) == f"the message has 50,000 lines; the limit is {DEFAULT_MAX_LINES:,}"
    assert (caught.value.unit, caught.value.setting) == ("lines", "FRAMING_MAX_LINES")


def test_many_tokens_on_one_line_are_refused_naming_the_limit(analyzer):
    text = "a " * 40_000  # one line, 80,000 characters, 40,000 tokens
    with pytest.raises(TextTooLarge) as caught:
        analyzer.parse([text])
    assert str(caught.value) == (f"the message has 40,000 words and punctuation marks; "
                                 f"the limit is {DEFAULT_MAX_TOKENS:,}")


def test_text_at_the_line_cap_is_analysed(analyzer):
    text = "Item\n" * analyzer.settings.max_lines  # the final line break opens no line
    report = analyzer.analyze(text, kind="campaign")
    assert report.scores["counts"]["sentences"] == analyzer.settings.max_lines
    with pytest.raises(TextTooLarge):
        analyzer.analyze(text + "Item")


def test_characters_over_the_limit_are_too_large_as_well(analyzer):
    with pytest.raises(TextTooLarge) as caught:
        analyzer.analyze("x" * (analyzer.settings.max_chars + 1))
    assert caught.value.unit == "characters"


def test_caps_come_from_the_environment():
    settings = Settings.from_env({"FRAMING_MAX_LINES": "20", "FRAMING_MAX_TOKENS": "300"})
    assert (settings.max_lines, settings.max_tokens) == (20, 300)
    assert Settings.from_env({}).max_lines == DEFAULT_MAX_LINES
    with pytest.raises(ValueError, match="FRAMING_MAX_LINES must be a whole number of lines"):
        Settings.from_env({"FRAMING_MAX_LINES": "lots"})


# -- the JSON API -------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/v1/check", "/api/v1/suggest", "/api/v1/reframe"])
def test_api_refuses_many_lines_with_413(app, path):
    token = api_token(app, "eddie")
    response = app.test_client().post(path, json={"text": MANY_LINES, "sector": "education"},
                                      headers=bearer(token))
    assert response.status_code == 413
    error = response.get_json()["error"]
    assert error["field"] == "text"
    assert error["message"] == (f"The text has 50,000 lines; the limit is "
                                f"{DEFAULT_MAX_LINES:,}. Split it into shorter texts.")


def test_api_compare_names_the_variant_over_the_cap(app):
    token = api_token(app, "eddie")
    body = {"variants": [{"label": "A", "text": SHORT}, {"label": "B", "text": MANY_LINES}],
            "sectors": ["education"]}
    response = app.test_client().post("/api/v1/compare", json=body, headers=bearer(token))
    assert response.status_code == 413
    error = response.get_json()["error"]
    assert error["field"] == "variants"
    assert "Variant “B” has 50,000 lines" in error["message"]
    assert f"the limit is {DEFAULT_MAX_LINES:,}" in error["message"]


# -- the pages ----------------------------------------------------------------------------------
def test_checker_page_refuses_many_lines_and_keeps_the_text(app):
    response = signed_in(app, "reviewer").post(
        "/check", data={"text": MANY_LINES, "against": "sector:education", "kind": "pitch"})
    page = html(response)
    assert response.status_code == 413
    assert (f"Your draft has 50,000 lines; the checker takes up to {DEFAULT_MAX_LINES:,}"
            in page)
    assert 'aria-invalid="true"' in page and MANY_LINES[:2000] in page


def test_reframe_page_refuses_many_lines(app):
    response = signed_in(app, "reviewer").post(
        "/check/reframe", data={"text": MANY_LINES, "against": "sector:education",
                                "kind": "pitch"})
    assert response.status_code == 413
    assert (f"Your draft has 50,000 lines; the checker takes up to {DEFAULT_MAX_LINES:,}"
            in html(response))


def test_new_comparison_page_refuses_a_variant_over_the_cap(app):
    response = signed_in(app, "editor").post("/compare/new", data={
        "title": "Lines", "label": ["A", "B"], "text": [SHORT, MANY_LINES],
        "target": ["sector:education"], "kind": "pitch"})
    page = html(response)
    assert response.status_code == 413
    assert f"Variant 2 has 50,000 lines; the limit is {DEFAULT_MAX_LINES:,}" in page
    store = ComparisonStore(connect(app.config["DATABASE"]), {"education"})
    assert store.list() == []  # nothing saved


def test_stored_comparison_over_the_cap_says_why_it_is_not_scored(app):
    store = ComparisonStore(connect(app.config["DATABASE"]), {"education"})
    saved = store.create("Lines", [{"label": "A", "text": SHORT},
                                   {"label": "B", "text": MANY_LINES}],
                         [{"sector": "education"}], "eddie")
    response = signed_in(app, "reviewer").get(f"/compare/{saved.id}")
    assert response.status_code == 200
    assert (f"variant “B” has 50,000 lines; the limit is {DEFAULT_MAX_LINES:,}"
            in html(response))


# -- campaign pieces ----------------------------------------------------------------------------
def test_campaign_piece_over_the_cap_is_marked_not_checked(tmp_path, analyzer):
    store, (lusd, courier) = make_store(tmp_path)
    campaign = store.create_campaign(campaign_doc(lusd, courier), "maria")
    body = "Vape free.\n" * (DEFAULT_MAX_LINES + 1)  # 55,011 characters: fits a Facebook post
    piece = store.add_piece(campaign.id, "facebook", "Post", body, "maria")
    found = checks.findings_for(store, analyzer, piece.id)
    refused = [f for f in found if f.rule == checks.NOT_CHECKED]
    assert len(refused) == 1 and refused[0].severity == "error"
    assert refused[0].message.startswith(
        f"The guideline checks did not run: the piece has {DEFAULT_MAX_LINES + 1:,} lines; "
        f"the limit is {DEFAULT_MAX_LINES:,}.")
    row = checks.dashboard(store, analyzer, campaign.id).rows[0]
    assert any(b.startswith("not checked: ") for b in row.blockers)


# -- the command line ---------------------------------------------------------------------------
def test_cli_names_the_file_and_the_setting(tmp_path, cli_engine):
    path = tmp_path / "list.txt"
    path.write_text("One\nTwo\nThree\nFour\n")
    out = CliRunner().invoke(main, ["check", str(path)], env={"FRAMING_MAX_LINES": "3"})
    assert out.exit_code == 2
    assert out.stderr_bytes.decode().strip() == (f"framing: error: {path}: 4 lines is over the limit "
                                           "of 3 (set FRAMING_MAX_LINES to change it)")
