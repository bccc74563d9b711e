"""Validation of campaign documents and piece fields.

Errors are :class:`framing.validation.ValidationError` naming the field (and
list index, ``partners[1].role``), the shape the store, the API and the forms
share.
Whether a referenced profile exists is checked by the store, which has the
database.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from framing import validation
from framing.validation import ValidationError
from framing.settings import DEFAULT_MAX_CHARS

from .models import CAMPAIGN_STATUSES, CAMPAIGN_TYPES, NORMS_KEYS, PARTNER_ROLES

LIMITS = {"name": 200, "goal": 4000, "audience": 1000, "tagline": 300, "hashtag": 100,
          "help_line": 100, "contact_name": 200, "contact_email": 254, "source": 300,
          "behaviour": 1000, "title": 200, "body": DEFAULT_MAX_CHARS, "note": 2000, "comment": 4000}
# Keys a client may send back unchanged from a GET; the store sets them itself.
STORE_KEYS = {"id", "created_at", "created_by", "piece_count"}
FIELDS = ("name", "goal", "type", "audience", "start", "end", "status", "partners", "norms",
          "tagline", "hashtag", "help_line")
HASHTAG = re.compile(r"#\w+")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def text(value: Any, name: str, required: bool = False, limit: str | None = None) -> str:
    """Stripped text (empty when None and optional), capped by ``LIMITS``."""
    cap = LIMITS[limit or name.rsplit(".", 1)[-1]]
    return validation.text(value, name, cap, required=required)


def iso_date(value: Any, name: str) -> str | None:
    """An ISO date (``YYYY-MM-DD``) as text, or None when empty."""
    if isinstance(value, date):  # Python callers may pass a date itself
        return value.isoformat()[:10]
    try:
        if isinstance(value, str) and value and not value.strip():
            raise ValidationError(name, "blank")  # spaces are not an empty date here
        return validation.iso_date(value, name)
    except ValidationError:
        # Worded as the campaign forms have always said it.
        raise ValidationError(name, "expected a date (YYYY-MM-DD)") from None


def campaign_document(data: Any) -> dict:
    """A clean campaign document; raises ValidationError naming the field."""
    if not isinstance(data, dict):
        raise ValidationError("campaign", "expected an object")
    unknown = set(data) - set(FIELDS) - STORE_KEYS
    if unknown:
        raise ValidationError(sorted(unknown)[0],
                              f"unknown field (allowed: {', '.join(FIELDS)})")
    doc = {"name": text(data.get("name"), "name", required=True),
           "goal": text(data.get("goal"), "goal"),
           "audience": text(data.get("audience"), "audience"),
           "tagline": text(data.get("tagline"), "tagline"),
           "help_line": text(data.get("help_line"), "help_line")}
    doc["type"] = _choice(data.get("type"), "type", CAMPAIGN_TYPES, None)
    doc["status"] = _choice(data.get("status") or None, "status", CAMPAIGN_STATUSES, "planning")
    doc["start"] = iso_date(data.get("start"), "start")
    doc["end"] = iso_date(data.get("end"), "end")
    if doc["start"] and doc["end"] and doc["end"] < doc["start"]:
        raise ValidationError("end", "before the start date")
    hashtag = text(data.get("hashtag"), "hashtag")
    if hashtag and not hashtag.startswith("#"):
        hashtag = "#" + hashtag
    if hashtag and not HASHTAG.fullmatch(hashtag):
        raise ValidationError("hashtag", "one word of letters, digits or _ (like #MostOfUs)")
    doc["hashtag"] = hashtag
    if doc["help_line"] and sum(ch.isdecimal() for ch in doc["help_line"]) < 3:
        raise ValidationError("help_line", "expected a phone number or short code (like 988)")
    doc["partners"] = partners(data.get("partners"))
    doc["norms"] = norms(data.get("norms"))
    return doc


def _choice(value: Any, name: str, allowed: tuple[str, ...], default: str | None) -> str:
    if value in (None, "") and default is not None:
        return default
    if value not in allowed:
        raise ValidationError(name, f"expected one of {', '.join(allowed)}")
    return value


def partners(value: Any) -> list[dict]:
    """Partner rows: profile_id, role, contact name and email; each profile once."""
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise ValidationError("partners", "expected a list")
    out, seen = [], set()
    for i, row in enumerate(value):
        key = f"partners[{i}]"
        if not isinstance(row, dict):
            raise ValidationError(key, "expected an object")
        extra = set(row) - {"profile_id", "role", "contact_name", "contact_email", "name"}
        if extra:
            raise ValidationError(f"{key}.{sorted(extra)[0]}", "unknown field")
        pid = row.get("profile_id")
        if isinstance(pid, str) and pid.strip().isdecimal():
            pid = int(pid)
        if not isinstance(pid, int) or isinstance(pid, bool):
            raise ValidationError(f"{key}.profile_id", "choose a partner profile")
        if pid in seen:
            raise ValidationError(f"{key}.profile_id", f"profile {pid} is listed twice")
        seen.add(pid)
        email = text(row.get("contact_email"), f"{key}.contact_email")
        if email and not EMAIL.fullmatch(email):
            raise ValidationError(f"{key}.contact_email", "not an email address")
        out.append({"profile_id": pid, "role": _choice(row.get("role"), f"{key}.role",
                                                       PARTNER_ROLES, None),
                    "contact_name": text(row.get("contact_name"), f"{key}.contact_name"),
                    "contact_email": email})
    return out


def norms(value: Any) -> dict | None:
    """Norm data (healthy behaviour, actual and perceived %, source, year) or None."""
    if value in (None, "", {}):
        return None
    if not isinstance(value, dict):
        raise ValidationError("norms", "expected an object")
    extra = set(value) - set(NORMS_KEYS)
    if extra:
        raise ValidationError(f"norms.{sorted(extra)[0]}",
                              f"unknown field (allowed: {', '.join(NORMS_KEYS)})")
    out = {"behaviour": text(value.get("behaviour"), "norms.behaviour"),
           "source": text(value.get("source"), "norms.source")}
    for key in ("actual_pct", "perceived_pct"):
        pct = value.get(key)
        if pct in (None, ""):
            out[key] = None
            continue
        if isinstance(pct, bool) or not isinstance(pct, (int, float)) or not 0 <= pct <= 100:
            raise ValidationError(f"norms.{key}", "expected a percentage from 0 to 100")
        out[key] = pct
    year = value.get("year")
    if year in (None, ""):
        out["year"] = None
    elif isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100:
        raise ValidationError("norms.year", "expected a year like 2024")
    else:
        out["year"] = year
    return out if any(v not in (None, "") for v in out.values()) else None
