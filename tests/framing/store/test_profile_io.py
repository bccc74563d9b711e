"""Profile import/export: JSON bundles and spreadsheet CSV, round trips and defused formulas."""
from __future__ import annotations

import csv
import io
import json

import pytest

from framing.lexicon import get_lexicons
from framing.store import connect, migrate
from webapp import MIGRATIONS
from framing.store.profile_io import (FORMAT, export_csv, export_json, import_csv,
                                      import_json)
from framing.store.profiles import ProfileStore, ProfileValidationError

SECTORS = {"education", "labor", "media"}


def tricky() -> dict:
    """A profile whose text has every CSV hazard: commas, quotes, newlines, formulas, non-ASCII."""
    return {
        "name": "=HYPERLINK(\"http://evil.example\",\"click\")", "sector": "media",
        "tags": ["médias", "north, county"],
        "notes": "Line one, with a comma\nLine \"two\"\r\nand ümlauts — 日本語",
        "politics": {"policy_culture": "other", "fiscal_climate": "flat", "mandates": "+1 rule",
                     "key_dates": [{"label": "Peg", "kind": "awareness", "date": "2027-02-01",
                                    "end": "2027-02-28", "notes": "@editor"}]},
        "priorities": [{"id": "timeliness", "label": "-Timeliness", "terms": ["news peg"]},
                       {"label": "Readers' trust", "terms": []}],
        "people": [{"name": "Zoë O'Brien", "role": "Editor, opinion", "authority": "decides",
                    "motivations": "", "owner": "Maria", "stance": -1, "channel": "email"}],
        "power": [{"name": "Low", "kind": "media", "influence": 2, "interest": 5, "notes": ""},
                  {"name": "High", "kind": "network", "influence": 5, "interest": 1,
                   "notes": "\tTabbed"}],
        "readiness": {"stage": 5, "dimensions": {"A": 5, "B": 4.5}, "assessed": "2026-10-01"},
        "capacity": "overloaded", "vocabulary": ["readers", "'quoted'"],
        "avoid": [{"term": "epidemic", "instead": ["rising"], "why": "hype"}],
    }


def plain() -> dict:
    return {"name": "Service Workers Local 418", "sector": "labor", "tags": ["labor"],
            "priorities": [{"id": "leave", "terms": ["safe leave"]}]}


@pytest.fixture
def profiles(tmp_path):
    db = connect(tmp_path / "framing.sqlite")
    migrate(db, MIGRATIONS)
    store = ProfileStore(db, SECTORS)
    created = [store.create(tricky(), "maria"), store.create(plain(), "jae")]
    yield created
    db.conn.close()


def _documents(profiles):
    return [p.data for p in profiles]


# -- JSON --------------------------------------------------------------------------------------
def test_json_round_trip(profiles):
    text = export_json(profiles)
    bundle = json.loads(text)
    assert bundle["format"] == FORMAT and bundle["version"] == 1
    assert all("id" not in d and "version" not in d and "updated_at" not in d
               for d in bundle["profiles"])
    assert "日本語" in text  # kept readable, not \u-escaped
    assert import_json(text, SECTORS) == _documents(profiles)


def test_json_accepts_list_and_single_document(profiles):
    docs = [p.to_dict() for p in profiles]
    assert import_json(json.dumps(docs), SECTORS) == _documents(profiles)
    assert import_json(json.dumps(docs[1]), SECTORS) == [profiles[1].data]


def test_json_errors_name_the_profile_and_field():
    docs = [plain(), plain(), dict(plain(), sector="astrology")]
    with pytest.raises(ProfileValidationError) as info:
        import_json(json.dumps({"format": FORMAT, "version": 1, "profiles": docs}), SECTORS)
    assert info.value.field == "profiles[2].sector"
    with pytest.raises(ProfileValidationError) as info:
        import_json(json.dumps([plain(), dict(plain(), people=[{"role": "x"}])]), SECTORS)
    assert info.value.field == "profiles[1].people[0].name"


@pytest.mark.parametrize("text, field", [
    ("{not json", ""), ("42", ""), ('{"format": "other", "profiles": []}', "format"),
    ('{"format": "framing-profiles", "version": 2, "profiles": []}', "version"),
    ('{"profiles": {}}', "profiles"), ("[1]", "profiles[0]"),
])
def test_json_bad_files(text, field):
    with pytest.raises(ProfileValidationError) as info:
        import_json(text, SECTORS)
    assert info.value.field == field


# -- CSV ---------------------------------------------------------------------------------------
def _rows(text):
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_is_rfc4180_with_crlf(profiles):
    text = export_csv(profiles)
    assert text.endswith("\r\n")
    header, first, second = _rows(text)
    assert header[0] == "name" and header[-1] == "document"
    assert text.startswith(",".join(header) + "\r\n")
    assert first[header.index("notes")].startswith("Line one, with a comma\nLine \"two\"")
    assert first[header.index("priorities")] == "'-Timeliness; Readers' trust"
    assert first[header.index("top_power")] == "High"  # the most influential entry
    assert first[header.index("influence")] == "5"
    assert first[header.index("contact_name")] == "Zoë O'Brien"
    assert second[header.index("capacity")] == "normal"


def test_csv_defuses_formula_cells(profiles):
    header, first, _ = _rows(export_csv(profiles))
    assert first[header.index("name")].startswith("'=HYPERLINK")
    for cell in first:
        assert not cell.startswith(("=", "+", "-", "@", "\t"))


def test_csv_round_trip_loses_nothing(profiles):
    assert import_csv(export_csv(profiles), SECTORS) == _documents(profiles)


def test_csv_round_trip_through_a_byte_order_mark(profiles):
    assert import_csv("\ufeff" + export_csv(profiles), SECTORS) == _documents(profiles)


def test_csv_apostrophe_cells_survive():
    doc = dict(plain(), notes="'=already escaped", vocabulary=["'", "''x", "'plain"])
    (back,) = import_csv(export_csv([doc]), SECTORS)
    assert back["notes"] == "'=already escaped"
    assert back["vocabulary"] == ["'", "''x", "'plain"]


def test_csv_edited_cells_win_over_document(profiles):
    header, first, second = _rows(export_csv(profiles))
    second[header.index("capacity")] = "overloaded"
    second[header.index("tags")] = "labor; healthcare"
    second[header.index("readiness_stage")] = "3"
    second[header.index("avoid")] = "victims"
    first[header.index("influence")] = "4"
    first[header.index("avoid")] = "epidemic; crisis"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header, first, second])
    docs = import_csv(out.getvalue(), SECTORS)
    assert docs[1]["capacity"] == "overloaded" and docs[1]["tags"] == ["labor", "healthcare"]
    assert docs[1]["readiness"]["stage"] == 3
    assert docs[1]["avoid"] == [{"term": "victims", "instead": [], "why": ""}]
    assert docs[1]["priorities"] == profiles[1].data["priorities"]  # untouched cells keep data
    assert docs[0]["power"][1] == dict(profiles[0].data["power"][1], influence=4)
    assert docs[0]["avoid"][0]["instead"] == ["rising"]  # kept from the document
    assert docs[0]["avoid"][1]["term"] == "crisis"


def test_csv_without_document_column_builds_profiles():
    text = ("Name,Sector,Tags,Contact name,Contact role,Contact authority,Readiness stage,"
            "Capacity,Top power,Influence,Interest,Priorities,Vocabulary,Avoid,Notes\r\n"
            "Lincoln USD,education,schools; north,Ana Ruiz,Superintendent,decides,4,stretched,"
            "PTA,4,3,Attendance and engagement; Teacher workload,whole child,mandatory,"
            "\"Notes, with comma\"\r\n")
    packs = get_lexicons().sectors
    (doc,) = import_csv(text, packs)
    assert doc["people"][0] == {"name": "Ana Ruiz", "role": "Superintendent",
                                "authority": "decides", "motivations": "", "owner": "",
                                "stance": None, "channel": ""}
    assert doc["power"] == [{"name": "PTA", "kind": None, "influence": 4, "interest": 3,
                             "notes": ""}]
    assert doc["readiness"]["stage"] == 4 and doc["capacity"] == "stretched"
    assert doc["priorities"][0]["id"] == "attendance"  # matched the pack by label
    attendance = next(p for p in packs["education"].priorities if p.id == "attendance")
    assert doc["priorities"][0]["terms"] == list(attendance.terms)
    assert doc["priorities"][1] == {"id": "", "label": "Teacher workload", "terms": []}
    assert doc["notes"] == "Notes, with comma"


@pytest.mark.parametrize("row, field", [
    ("A,education,\r\nB,nowhere,\r\n", "profiles[1].sector"),
    ("A,education,10\r\n", "profiles[0].readiness.stage"),
])
def test_csv_errors_name_the_row_and_field(row, field):
    with pytest.raises(ProfileValidationError) as info:
        import_csv("name,sector,readiness_stage\r\n" + row, SECTORS)
    assert info.value.field == field
    assert "CSV row" in info.value.message


def test_csv_bad_document_cell():
    with pytest.raises(ProfileValidationError) as info:
        import_csv('name,sector,document\r\nA,education,"{oops"\r\n', SECTORS)
    assert info.value.field == "profiles[0].document"


def test_csv_needs_name_and_sector_columns():
    with pytest.raises(ProfileValidationError):
        import_csv("title,notes\r\nA,b\r\n", SECTORS)
    assert import_csv("", SECTORS) == []
