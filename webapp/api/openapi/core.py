"""The building blocks of the OpenAPI document and its core entries: profiles,
checks, pitches and reference (the routes of :mod:`webapp.api.profiles`,
:mod:`.checks`, :mod:`.pitches` and :mod:`.reference`).

The whole document is put together in :mod:`webapp.api.openapi`.
"""
from __future__ import annotations

from framing.constants import MESSAGE_KINDS
from framing.findings import CATEGORIES, SCOPES, SEVERITIES
from framing.profile_schema import (AUTHORITY_LEVELS, CAPACITY_LEVELS, FISCAL_CLIMATES,
                                    KEY_DATE_KINDS, POLICY_CULTURES, POWER_KINDS)
from framing.readability import FORMULAS as READABILITY_FORMULAS


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict, required: tuple[str, ...] = (), **extra) -> dict:
    """An object schema. Closed (``additionalProperties: false``) unless ``extra`` says
    otherwise: request bodies with other fields are refused (``webapp.api.body``) and
    responses carry exactly these properties (tests/test_openapi_responses.py)."""
    out = {"type": "object", "properties": properties, "additionalProperties": False, **extra}
    if required:
        out["required"] = list(required)
    return out


STR, INT, BOOL, NUM = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}, {"type": "number"}
NULLABLE_STR, NULLABLE_INT = {"type": ["string", "null"]}, {"type": ["integer", "null"]}
STRINGS = {"type": "array", "items": STR}
KIND = {"type": "string", "enum": list(MESSAGE_KINDS), "default": "pitch"}


def error(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": ref("Error")}}}


def ok(description: str, schema: dict, status: str = "200") -> dict:
    return {status: {"description": description,
                     "content": {"application/json": {"schema": schema}}}}


def body(schema: dict) -> dict:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def path_id(name: str) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": INT}


def query(name: str, description: str) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": STR,
            "description": description}


def operation(op_id: str, summary: str, tag: str, responses: dict, errors=(400, 401, 403),
              **extra) -> dict:
    """One operation with the common error responses added."""
    texts = {400: "Bad request (the error names the field)", 401: "Missing or invalid token",
             403: "Your role may not do this", 404: "Not found",
             409: "Stale version: someone saved in between",
             413: "Text or body too large: over the character, line or token limit (the "
                  "message names it)",
             422: "The reframed text would be over a size limit the draft is within (the "
                  "message says how much to cut)",
             429: "Too many analysis requests for this user; wait Retry-After seconds "
                  "(ANALYSIS_RATE_LIMIT per ANALYSIS_RATE_WINDOW_SECONDS)"}
    out = {"operationId": op_id, "summary": summary, "tags": [tag], "responses": dict(responses)}
    for code in errors:
        out["responses"][str(code)] = error(texts[code])
        if code == 429:
            out["responses"]["429"]["headers"] = {"Retry-After": {
                "description": "Seconds until the user's window ends", "schema": INT}}
    out.update(extra)
    return out


def choice(values, nullable: bool = True) -> dict:
    if nullable:
        return {"type": ["string", "null"], "enum": [*values, None]}
    return {"type": "string", "enum": list(values)}


DATE = {"type": ["string", "null"], "format": "date"}
KEY_DATE = obj({"label": STR, "kind": choice(KEY_DATE_KINDS, False), "date": DATE, "end": DATE,
                "notes": STR}, ("label", "date"))
PROFILE = obj({
    "id": {**INT, "readOnly": True}, "version": {**INT, "description": "Incremented on every save"},
    "name": STR, "sector": {**STR, "description": "A sector pack id (GET /sectors)"},
    "tags": STRINGS, "notes": STR,
    "politics": obj({"policy_culture": choice(POLICY_CULTURES),
                     "fiscal_climate": choice(FISCAL_CLIMATES), "mandates": STR,
                     "key_dates": {"type": "array", "items": KEY_DATE}}),
    "priorities": {"type": "array", "description": "Ranked, most important first",
                   "items": obj({"id": STR, "label": STR, "terms": STRINGS})},
    "people": {"type": "array", "items": obj({
        "name": STR, "role": STR, "motivations": STR, "owner": STR, "channel": STR,
        "authority": choice(AUTHORITY_LEVELS),
        "stance": {"type": ["integer", "null"], "minimum": -2, "maximum": 2}}, ("name",))},
    "power": {"type": "array", "items": obj({
        "name": STR, "notes": STR, "kind": choice(POWER_KINDS),
        "influence": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
        "interest": {"type": ["integer", "null"], "minimum": 1, "maximum": 5}}, ("name",))},
    "readiness": obj({"stage": {"type": ["integer", "null"], "minimum": 1, "maximum": 9},
                      "dimensions": obj({d: {"type": "number", "minimum": 1, "maximum": 9}
                                         for d in "ABCDEF"}, additionalProperties=False),
                      "assessed": DATE}),
    "capacity": {**choice(CAPACITY_LEVELS, False), "default": "normal"},
    "vocabulary": STRINGS,
    "avoid": {"type": "array", "items": obj({"term": STR, "instead": STRINGS, "why": STR},
                                            ("term",))},
    "created_at": {**STR, "readOnly": True}, "updated_at": {**STR, "readOnly": True},
    "updated_by": {**STR, "readOnly": True},
}, ("name", "sector"), description="A partner profile document (docs/architecture.md)")

FINDING = obj({
    "rule": STR, "category": {"type": "string", "enum": list(CATEGORIES)},
    "severity": {"type": "string", "enum": list(SEVERITIES)}, "message": STR,
    "start": {**INT, "description": "Character offset into the text"}, "end": INT,
    "text": {**STR, "description": "text[start:end]"}, "suggestions": STRINGS,
    "source": {"oneOf": [ref("Source"), {"type": "null"}]}, "description": STR,
    "scope": {"type": "string", "enum": list(SCOPES)},
    "context": {"type": "object", "additionalProperties": BOOL}, "line": INT, "column": INT,
}, ("rule", "category", "severity", "message", "start", "end", "text"))

PLACE = obj({"start": INT, "end": INT, "text": STR})
ALIGNMENT = obj({
    "score": {"type": "integer", "minimum": 0, "maximum": 100},
    "parts": {"type": "object", "additionalProperties": NUM,
              "description": "priorities, lead, ask, burden, focus: each 0-1"},
    "weights": {"type": "object", "additionalProperties": NUM}, "burden_penalty": INT,
    "blank_penalty": INT,
    "leads_with": NULLABLE_STR, "sender_share": NUM, "we_you": obj({"we": INT, "you": INT}),
    "explain": {"type": "array", "description": "What earned or cost each part, with the words",
                "items": obj({"part": STR, "effect": {"type": "string",
                                                      "enum": ["earned", "cost", "missed"]},
                              "why": STR, "start": INT, "end": INT, "text": STR},
                             ("part", "effect", "why"))},
    "priorities": {"type": "array", "items": obj({
        "id": STR, "label": STR, "rank": INT, "addressed": BOOL, "named": BOOL,
        "where": {"type": "array", "items": PLACE},
        "gains": {"type": "array", "items": PLACE}})},
    "against": obj({"profile": STR, "sector": STR, "sector_defaults": BOOL}),
})
REQUEST = obj({"start": INT, "end": INT, "text": STR, "mode": STR, "who": STR,
               "actions": STRINGS, "amount": STRINGS,
               "burden": {"type": "string", "enum": ["none", "low", "high"]},
               "reasons": STRINGS, "specific": BOOL, "bounds": STRINGS, "by_sender": BOOL})
REQUESTS = obj({"requests": {"type": "array", "items": REQUEST}, "offers": STRINGS,
                "sender_centred": STRINGS, "placeholders": STRINGS},
               description="Who the message asks to do what, and how much (pitches only)")

FORMULA = obj({"formula": STR, "value": NUM, "scale": STR, "library": STR})
READABILITY = obj({key: FORMULA for key, _, _ in READABILITY_FORMULAS},
                  description="Every formula, naming its library; treat them as a range")
ASK = obj({"present": BOOL, "text": STR, "start": NULLABLE_INT, "end": NULLABLE_INT,
           "bounds": {**STRINGS, "description": "What the ask names: time, role, resources"},
           "missing": STRINGS}, description="The request sentence (pitches only)")
SCORE_SUMMARY = obj({"alignment": NULLABLE_INT, "counts": obj({name: INT for name in SEVERITIES}),
                     "flesch_kincaid_grade": NUM, "leads_with": NULLABLE_STR})

REPORT = obj({
    "kind": KIND, "sector": NULLABLE_STR, "profile": {**NULLABLE_STR, "description": "Profile name"},
    "packs_version": STR,
    "counts": obj({name: INT for name in SEVERITIES}),
    "findings": {"type": "array", "items": ref("Finding")},
    "scores": obj({"readability": READABILITY,
                   "counts": obj({"sentences": INT, "words": INT, "paragraphs": INT}),
                   "passive": obj({"sentences": INT, "share": NUM}),
                   "ask": ASK, "requests": REQUESTS,
                   "alignment": {"oneOf": [ALIGNMENT, {"type": "null"}],
                                 "description": "null without a sector or profile"}}),
    "ignored": {"type": "array", "description": "Only when findings were left out: rules "
                "ignored for the partner, with how many findings each had",
                "items": obj({"rule": STR, "count": INT, "message": STR})},
}, ("kind", "counts", "findings", "scores"))

PITCH_VERSION = obj({"id": INT, "pitch_id": INT, "number": INT, "text": STR, "note": STR,
                     "created_at": STR, "created_by": STR})
PITCH = obj({"id": INT, "title": STR, "profile_id": NULLABLE_INT, "sector": NULLABLE_STR,
             "kind": KIND, "created_at": STR, "created_by": STR,
             "latest": {"oneOf": [ref("PitchVersion"), {"type": "null"}]}, "version_count": INT,
             "versions": {"type": "array", "items": ref("PitchVersion"),
                          "description": "Only in GET /pitches/{pitch_id}"}})

SCHEMAS = {
    "Error": obj({"error": obj({"message": STR, "status": INT,
                                "field": {**STR, "description": "The input at fault, if one is"},
                                "current_version": {**INT, "description": "On 409 only"}},
                               ("message",))}, ("error",)),
    "Source": obj({"publisher": STR, "title": STR, "url": STR, "status": STR}),
    "Finding": FINDING,
    "Report": REPORT,
    "Profile": PROFILE,
    "ProfileUpdate": {"allOf": [ref("Profile")], "description":
                      "The full document; include the 'version' you loaded to get 409 on a conflict"},
    "ProfileSummary": obj({"id": INT, "name": STR, "sector": STR, "tags": STRINGS,
                           "updated_at": STR, "readiness_stage": NULLABLE_INT, "capacity": STR}),
    "Snapshot": obj({"id": INT, "profile_id": INT, "version": INT, "saved_at": STR,
                     "saved_by": STR, "data": ref("Profile")}),
    "CheckRequest": obj({"text": STR, "sector": STR, "profile_id": INT, "kind": KIND}, ("text",)),
    "Rewrite": obj({"id": STR, "rule": STR, "kind": {"type": "string", "enum": [
                        "guideline", "swap", "avoid", "offer", "active", "move", "trim"]},
                    "start": INT, "end": INT, "original": STR, "replacement": STR, "why": STR,
                    "serves": NULLABLE_STR, "blanks": STRINGS, "auto": BOOL,
                    "to": {"type": ["integer", "null"], "description":
                           "A move: where the sentence original is put back"}}),
    "Rejected": obj({"rewrite": ref("Rewrite"), "problems": {
        **STRINGS, "description": "Why the verifier refused it: a number, name, quotation or "
        "negation changed, a clause added, or a grammar problem brought in"}}),
    "ReframeRequest": obj({"text": STR, "sector": STR, "profile_id": INT, "kind": KIND,
                           "accepted": {**STRINGS, "description": "Rewrite ids to apply; "
                                        "default: every automatic rewrite"},
                           "pitch_id": {**INT, "description": "Save the variant as a new "
                                        "version of this pitch"}}, ("text",)),
    "Variant": obj({"variant": STR, "original": STR,
                    "diff": {"type": "array", "items": obj({"op": STR, "before": STR, "after": STR})},
                    "changes": obj({"added": INT, "removed": INT}),
                    "applied": {"type": "array", "items": ref("Rewrite")},
                    "suggested": {"type": "array", "items": ref("Rewrite")},
                    "rejected": {"type": "array", "items": ref("Rejected")},
                    "blanks": STRINGS, "improved": BOOL, "reason": STR,
                    "scores": obj({"before": SCORE_SUMMARY, "after": SCORE_SUMMARY}),
                    "saved_version": INT}),
    "Pitch": PITCH,
    "PitchVersion": PITCH_VERSION,
    "PitchCreate": obj({"title": STR, "text": STR, "profile_id": INT, "sector": STR,
                        "kind": KIND, "note": STR}, ("title", "text")),
    "PitchVersionCreate": obj({"text": STR, "note": STR}, ("text",)),
    "Sector": obj({"id": STR, "name": STR, "framework": STR, "description": STR,
                   "priorities": {"type": "array", "items": obj(
                       {"id": STR, "label": STR, "rank": INT, "terms": STRINGS})}}),
}


def list_of(key: str, schema: str) -> dict:
    return obj({key: {"type": "array", "items": ref(schema)}}, (key,))


PATHS = {
    "/profiles": {
        "get": operation("listProfiles", "List profile summaries", "profiles",
                         ok("Summaries sorted by name", list_of("profiles", "ProfileSummary")),
                         parameters=[query("sector", "Only this sector pack id"),
                                     query("tag", "Only profiles with this tag"),
                                     query("q", "Text in the name or notes")]),
        "post": operation("createProfile", "Create a profile", "profiles",
                          ok("The stored profile", ref("Profile"), "201"),
                          requestBody=body(ref("Profile"))),
    },
    "/profiles/{profile_id}": {
        "parameters": [path_id("profile_id")],
        "get": operation("getProfile", "One profile", "profiles",
                         ok("The profile document", ref("Profile")), errors=(401, 403, 404)),
        "put": operation("updateProfile", "Replace a profile", "profiles",
                         ok("The saved profile", ref("Profile")),
                         errors=(400, 401, 403, 404, 409), requestBody=body(ref("ProfileUpdate"))),
        "delete": operation("deleteProfile", "Delete a profile and its history", "profiles",
                            {"204": {"description": "Deleted"}}, errors=(401, 403, 404)),
    },
    "/profiles/{profile_id}/history": {
        "parameters": [path_id("profile_id")],
        "get": operation("profileHistory", "Every saved version, newest first", "profiles",
                         ok("Snapshots", list_of("history", "Snapshot")), errors=(401, 403, 404)),
    },
    "/check": {
        "post": operation("check", "Check a message against a sector or a stored profile",
                          "checks", ok("The report: findings and scores", ref("Report")),
                          errors=(400, 401, 403, 413, 429), requestBody=body(ref("CheckRequest"))),
    },
    "/suggest": {
        "post": operation("suggest", "Rewrites for each finding, with why and the priority served",
                          "checks", ok("Rewrites and the report", obj(
                              {"rewrites": {"type": "array", "items": ref("Rewrite")},
                               "rejected": {"type": "array", "items": ref("Rejected")},
                               "report": ref("Report")})),
                          errors=(400, 401, 403, 413, 429), requestBody=body(ref("CheckRequest"))),
    },
    "/reframe": {
        "post": operation("reframe", "Reframe a message for a sector or stored profile",
                          "checks", ok("The variant with diff, blanks and scores", ref("Variant")),
                          errors=(400, 401, 403, 404, 413, 422, 429),
                          requestBody=body(ref("ReframeRequest"))),
    },
    "/pitches": {
        "get": operation("listPitches", "Pitches with their latest version", "pitches",
                         ok("Pitches, newest first", list_of("pitches", "Pitch"))),
        "post": operation("createPitch", "Save a new pitch", "pitches",
                          ok("The pitch", ref("Pitch"), "201"), errors=(400, 401, 403, 413),
                          requestBody=body(ref("PitchCreate"))),
    },
    "/pitches/{pitch_id}": {
        "parameters": [path_id("pitch_id")],
        "get": operation("getPitch", "One pitch with all its versions", "pitches",
                         ok("The pitch", ref("Pitch")), errors=(401, 403, 404)),
    },
    "/pitches/{pitch_id}/versions": {
        "parameters": [path_id("pitch_id")],
        "post": operation("addPitchVersion", "Save a new version of a pitch", "pitches",
                          ok("The new version", ref("PitchVersion"), "201"),
                          errors=(400, 401, 403, 404, 413),
                          requestBody=body(ref("PitchVersionCreate"))),
    },
    "/sectors": {
        "get": operation("listSectors", "Sector packs and their ranked priorities", "reference",
                         ok("Sector packs", list_of("sectors", "Sector")), errors=(401,)),
    },
    "/openapi.json": {
        "get": {"operationId": "openapi", "summary": "This document", "tags": ["reference"],
                "security": [], "responses": {"200": {"description": "OpenAPI 3.1 document"}}},
    },
}


TAGS = ["profiles", "checks", "pitches", "reference"]
