"""Calendar (RFC 5545), CSV (RFC 4180) and HTML package exports, the CLI, and no internal notes."""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import re
from datetime import datetime, timezone

import pytest
from campaign_helpers import NORMS_POST, SENTINEL, campaign_doc, make_store
from click.testing import CliRunner

from campaigns import calendar
from campaigns.export import export_csv, export_html, package_csp

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def setup(tmp_path):
    store, (lusd, courier) = make_store(tmp_path)
    campaign = store.create_campaign(campaign_doc(lusd, courier, name="Most of Us, Lincoln; 2026"),
                                     "maria")
    approved = store.add_piece(campaign.id, "x", "Launch post", NORMS_POST, "maria",
                               run_date="2026-04-10")
    store.transition(approved.id, "in-review", "maria", "editor", note=f"audit {SENTINEL}")
    store.transition(approved.id, "approved", "rita", "reviewer", note=f"review {SENTINEL}")
    long_title = "Op-ed: why most Lincoln teens — über 80 % — choose not to vape, " * 2
    draft = store.add_piece(campaign.id, "op-ed", long_title.strip(), NORMS_POST, "maria",
                            run_date="2026-05-01", target_profile_id=courier)
    risky = store.add_piece(campaign.id, "poster", "=HYPERLINK(\"http://evil\")",
                            "-2+3 \"quoted\", with comma\nand a <script>alert(1)</script> line",
                            "maria")
    for piece in (approved, draft, risky):
        store.add_comment(piece.id, 1, "rita", 0, 4, f"internal {SENTINEL}")
    return store, campaign, store.get_piece(approved.id), store.get_piece(draft.id), risky


def unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def test_ics_follows_rfc_5545(setup):
    store, campaign, approved, draft, _ = setup
    ics = calendar.to_ics(calendar.events(store, campaign_id=campaign.id), now=NOW)
    assert ics.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert ics.endswith("END:VCALENDAR\r\n")
    physical = ics.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in physical)
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert any(line.startswith(" ") for line in physical)  # the long title was folded
    for line in physical:
        line.encode("utf-8").decode("utf-8")  # folds never split a character
    lines = unfold(ics)
    assert lines.count("BEGIN:VEVENT") == 2  # the undated poster is not on the calendar
    assert f"UID:piece-{approved.id}@framing.campaigns" in lines
    assert "DTSTAMP:20260301T120000Z" in lines
    assert "DTSTART;VALUE=DATE:20260410" in lines and "DTEND;VALUE=DATE:20260411" in lines
    assert "CATEGORIES:Most of Us\\, Lincoln\\; 2026,X post" in lines
    assert "SEQUENCE:1" in lines and "STATUS:TENTATIVE" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "\\n" in description and "Most of Us\\, Lincoln\\; 2026" in description
    assert any(line.startswith("SUMMARY:Op-ed: why most Lincoln teens — über 80 % — choose")
               for line in lines)


def test_ics_uid_stable_and_sequence_follows_the_version(setup):
    store, campaign, approved, _, _ = setup
    before = unfold(calendar.to_ics(calendar.events(store, campaign_id=campaign.id), now=NOW))
    store.edit_piece(approved.id, "Launch post", NORMS_POST + " Friday!", "maria")
    after = unfold(calendar.to_ics(calendar.events(store, campaign_id=campaign.id), now=NOW))
    uid = f"UID:piece-{approved.id}@framing.campaigns"
    assert uid in before and uid in after
    block = after[after.index(uid):]
    assert block[block.index("END:VEVENT") - 3:].count("SEQUENCE:2") == 1


def test_calendar_filters_by_partner_and_channel(setup, tmp_path):
    store, campaign, approved, draft, _ = setup
    assert [e.piece_id for e in calendar.events(store, channel="op-ed")] == [draft.id]
    courier = campaign.partners[1].profile_id
    assert len(calendar.events(store, partner_id=courier)) == 2  # a partner of the campaign
    other = store.create_campaign(campaign_doc(name="Other"), "maria")
    store.add_piece(other.id, "sms", "Text", "Most of us don't vape.", "maria",
                    run_date="2026-04-01", target_profile_id=courier)
    assert len(calendar.events(store, partner_id=courier)) == 3  # plus the piece aimed at it
    assert [e.date for e in calendar.events(store)] == ["2026-04-01", "2026-04-10", "2026-05-01"]


def test_csv_is_rfc_4180_and_neutralizes_formulas(setup):
    store, campaign, approved, draft, risky = setup
    text = export_csv(store, campaign.id)
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert text.count("\r\n") == len(records) == 4  # every record ends in CRLF
    assert '"\'-2+3 ""quoted"", with comma\nand a' in text  # quoted, inner quotes doubled
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [int(r["piece_id"]) for r in rows] == [approved.id, draft.id, risky.id]
    first, second, third = rows
    assert (first["approved"], first["approved_by"], first["version"]) == ("yes", "rita", "1")
    assert first["content_hash"] == approved.current.content_hash
    assert first["limit"] == "280 characters" and first["fits_channel"] == "yes"
    assert second["approved"] == "no" and second["status"] == "draft"
    assert third["title"] == "'=HYPERLINK(\"http://evil\")"
    assert third["body"].startswith("'-2+3 \"quoted\", with comma\nand a <script>")


def test_html_package_one_piece_per_page_with_draft_watermark(setup):
    store, campaign, approved, draft, _ = setup
    html = export_html(store, campaign.id, now=NOW)
    articles = re.findall(r'<article class="piece( draft)?">(.*?)</article>', html, re.S)
    assert len(articles) == 3
    (approved_draft, approved_html), (draft_flag, draft_html) = articles[0], articles[1]
    assert approved_draft == "" and "DRAFT" not in approved_html
    assert "Approved</span> by rita on" in approved_html
    # a readable time, and the status not repeated ("Approved (approved)")
    assert re.search(r"by rita on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", approved_html)
    assert "(approved)" not in approved_html
    assert "media-partner" not in html.split("<article")[0]  # roles read as words on the cover
    assert approved.current.content_hash[:8] in approved_html
    assert "limit 280 characters" in approved_html and "X post" in approved_html
    assert draft_flag == " draft" and ">DRAFT<" in draft_html and "Not approved" in draft_html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "Most of Us, Lincoln; 2026" in html
    # Served by the app, the package's one inline style is allowed by its hash, nothing else.
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in package_csp()


def test_no_export_contains_internal_comments_or_notes(setup):
    store, campaign, *_ = setup
    exports = [export_csv(store, campaign.id), export_html(store, campaign.id),
               calendar.to_ics(calendar.events(store, campaign_id=campaign.id))]
    assert len(store.comments(setup[3].id)) == 1  # the sentinel is really stored
    for text in exports:
        assert SENTINEL not in text


@pytest.mark.parametrize("fmt, marker", [("csv", "piece_id,"), ("ics", "BEGIN:VCALENDAR"),
                                         ("html", "<!doctype html>")])
def test_cli_export(setup, tmp_path, monkeypatch, fmt, marker):
    from framing.cli import main
    store, campaign, *_ = setup
    monkeypatch.setenv("FRAMING_DATABASE", str(tmp_path / "campaigns.sqlite"))
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(main, ["campaign", "export", str(campaign.id), "--format", fmt,
                                       "--output", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes().decode("utf-8")
    assert marker in data and SENTINEL not in data
    if fmt != "html":
        assert "\r\n" in data
    missing = CliRunner().invoke(main, ["campaign", "export", "999"])
    assert missing.exit_code == 2 and "no such campaign" in missing.output
