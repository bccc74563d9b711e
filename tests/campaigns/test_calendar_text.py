"""iCalendar TEXT values (RFC 5545 §3.3.11) carry no raw control characters or
Unicode line and paragraph separators: line breaks of any kind become ``\\n``,
other control characters are dropped, and the structural characters are escaped."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from campaign_helpers import NORMS_POST, campaign_doc, make_store

from campaigns import calendar

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
# What RFC 5545 forbids in a TEXT value (CONTROL: all C0 but tab, and DEL), plus
# what some readers take for line ends: NEL, C1 controls, LINE and PARAGRAPH SEPARATOR.
FORBIDDEN = re.compile("[\x00-\x08\x0a-\x1f\x7f\x80-\x9f\u2028\u2029]")


@pytest.mark.parametrize("raw,expected", [
    ("a\u2028b", "a\\nb"), ("a\u2029b", "a\\nb"), ("a\x85b", "a\\nb"), ("a\x0bb", "a\\nb"),
    ("a\x0cb", "a\\nb"), ("a\r\nb\rc\nd", "a\\nb\\nc\\nd"),
    ("a\x00b\x07c\x1bd\x7fe\x9bf", "abcdef"),
    ("tab\there", "tab\there"),
    ("back\\slash; semi, comma", "back\\\\slash\\; semi\\, comma"),
])
def test_escape_handles_every_kind_of_break_and_control(raw, expected):
    assert calendar.escape(raw) == expected


def test_ics_file_has_no_raw_controls_or_separators(tmp_path):
    store, (lusd, courier) = make_store(tmp_path)
    name = "Most\u2028of\u2029Us\x85Lincoln\x0bteam\x00\x1b[31m"
    campaign = store.create_campaign(campaign_doc(lusd, courier, name=name), "maria")
    store.add_piece(campaign.id, "x", "Launch\x07 post\x9b", NORMS_POST, "maria",
                    run_date="2026-04-10")
    ics = calendar.to_ics(calendar.events(store, campaign_id=campaign.id), now=NOW)
    physical = ics.split("\r\n")[:-1]
    offenders = [line for line in physical if FORBIDDEN.search(line)]
    assert offenders == []
    lines = ics.replace("\r\n ", "").split("\r\n")
    assert "CATEGORIES:Most\\nof\\nUs\\nLincoln\\nteam[31m,X post" in lines
    assert "SUMMARY:Launch post (X post)" in lines
