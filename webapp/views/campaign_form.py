"""Reading the campaign form: the posted fields <-> the store's campaign ``data`` dict,
and the store's validation errors as sentences for the page.

Partners are repeated rows (``pt_profile``, ``pt_role``, ``pt_contact``,
``pt_email``), lined up by position; a blank row is dropped. Norm data is
kept only when something was typed.
"""
from __future__ import annotations

from itertools import zip_longest

from framing.validation import as_validation_error


def readable_error(exc: Exception) -> tuple[str, str]:
    """``ValidationError("partners[1].role", ...)`` -> (the field, a sentence for the page)."""
    error = as_validation_error(exc)
    field, reason = error.field, error.message
    if not field:
        text = str(exc)
        return "", text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
    head, _, sub = field.partition(".")
    name, _, index = head.partition("[")
    label = FIELD_LABELS.get(name, name.replace("_", " ").capitalize())
    if index.rstrip("]").isdecimal():
        label += f", row {int(index.rstrip(']')) + 1}"
    if sub:
        label += ", " + SUBFIELD_LABELS.get(sub, sub.replace("_", " "))
    return field, f"{label}: {reason}."


FIELD_LABELS = {
    "name": "Name", "goal": "Goal", "type": "Type", "audience": "Audience", "start": "Start",
    "end": "End", "status": "Status", "partners": "Partners", "norms": "Norm data",
    "tagline": "Tagline", "hashtag": "Hashtag", "help_line": "Help line", "title": "Title",
    "body": "Text", "channel": "Channel", "run_date": "Run date",
    "target_profile_id": "Written for a partner", "note": "Note",
}
SUBFIELD_LABELS = {
    "profile_id": "partner", "role": "role", "contact_name": "contact name",
    "contact_email": "contact email", "behaviour": "behaviour", "actual_pct": "actually do (%)",
    "perceived_pct": "think others do (%)", "source": "source", "year": "survey year",
}


def _number(value: str):
    """A number from a form field: int when whole, float otherwise, the text when not a number."""
    text = (value or "").strip().rstrip("%").strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return value.strip()
    return int(number) if number.is_integer() else number


def campaign_from_form(form) -> dict:
    """The ``data`` dict for ``create_campaign`` / ``update_campaign`` from the posted form."""
    partners = []
    rows = zip_longest(form.getlist("pt_profile"), form.getlist("pt_role"),
                       form.getlist("pt_contact"), form.getlist("pt_email"), fillvalue="")
    for profile_id, role, contact, email in rows:
        profile_id, contact, email = profile_id.strip(), contact.strip(), email.strip()
        if not (profile_id or contact or email):
            continue  # a blank row
        partners.append({"profile_id": int(profile_id) if profile_id.isdecimal() else None,
                         "role": role.strip(), "contact_name": contact, "contact_email": email})
    norms = {"behaviour": form.get("norm_behaviour", "").strip(),
             "actual_pct": _number(form.get("norm_actual", "")),
             "perceived_pct": _number(form.get("norm_perceived", "")),
             "source": form.get("norm_source", "").strip(),
             "year": _number(form.get("norm_year", ""))}
    if not any(v not in (None, "") for v in norms.values()):
        norms = {}
    text = lambda key: form.get(key, "").strip()  # noqa: E731
    return {"name": text("name"), "goal": text("goal"), "type": text("type"),
            "audience": text("audience"), "start": text("start") or None,
            "end": text("end") or None, "status": text("status"), "partners": partners,
            "norms": norms, "tagline": text("tagline"), "hashtag": text("hashtag"),
            "help_line": text("help_line")}


def campaign_doc(campaign) -> dict:
    """A stored campaign as the form's ``data`` dict."""
    return {"name": campaign.name, "goal": campaign.goal, "type": campaign.type,
            "audience": campaign.audience, "start": iso(campaign.start),
            "end": iso(campaign.end), "status": campaign.status,
            "partners": [{"profile_id": p.profile_id, "role": p.role,
                          "contact_name": p.contact_name, "contact_email": p.contact_email}
                         for p in campaign.partners],
            "norms": dict(campaign.norms or {}), "tagline": campaign.tagline,
            "hashtag": campaign.hashtag, "help_line": campaign.help_line}


def iso(value) -> str:
    """The ``YYYY-MM-DD`` part of a date or timestamp (empty for None)."""
    return "" if value is None else str(value)[:10]
