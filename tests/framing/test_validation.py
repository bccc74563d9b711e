"""The shared validation toolkit and the one profile validator behind engine and store."""
from __future__ import annotations

from datetime import date

import pytest

from framing.profile import PartnerProfile, ProfileError
from framing.profile_schema import ProfileValidationError, validate_profile, validate_profile_file
from framing.validation import ValidationError, as_validation_error, listof, record, text


def test_errors_carry_field_and_message():
    exc = ValidationError("partners[1].role", "expected one of a, b")
    assert (exc.field, exc.message, str(exc)) == ("partners[1].role", "expected one of a, b",
                                                  "partners[1].role: expected one of a, b")
    inner = ProfileValidationError("name", "required").within("profiles[2]")
    assert isinstance(inner, ProfileValidationError) and inner.field == "profiles[2].name"
    assert ProfileError is ProfileValidationError and issubclass(ProfileError, ValidationError)


def test_records_name_the_nested_field():
    shape = record({"rows": listof(record({"title": lambda v, f: text(v, f, 5, required=True)}))})
    with pytest.raises(ValidationError) as caught:
        shape({"rows": [{"title": "ok"}, {"title": "too long"}]}, "doc")
    assert caught.value.field == "doc.rows[1].title" and "5 characters" in caught.value.message


def test_plain_value_errors_are_read_as_field_and_message():
    assert as_validation_error(ValueError("title: required")).field == "title"
    assert as_validation_error(ValueError("no field here")).field == ""


def test_profile_files_allow_the_shorthand_stored_documents_spell_out():
    doc = validate_profile_file({
        "id": 7, "name": "Lincoln USD", "priorities": [{"id": "attendance"}],
        "politics": {"key_dates": [{"kind": "election", "date": date(2026, 11, 3)}]}})
    assert doc["sector"] is None and doc["priorities"][0]["terms"] == []
    assert doc["politics"]["key_dates"][0]["label"] == "election"
    with pytest.raises(ProfileValidationError) as caught:  # the store needs the words
        validate_profile({"name": "Lincoln USD", "sector": "education",
                          "priorities": [{"id": "attendance"}]}, {"education"})
    assert caught.value.field == "priorities[0].terms"


def test_stored_documents_become_engine_profiles_without_checks():
    doc = validate_profile({"name": "Lincoln USD", "sector": "education",
                            "priorities": [{"id": "attendance", "terms": ["seat time"]}],
                            "avoid": ["mandatory"], "readiness": {"stage": 3}}, {"education"})
    profile = PartnerProfile.from_document(doc, id=4)
    assert (profile.id, profile.sector, profile.readiness_stage) == (4, "education", 3)
    assert profile.avoid[0].term == "mandatory"
    assert PartnerProfile.from_dict({**doc, "id": 4}) == profile
