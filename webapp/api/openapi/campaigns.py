"""OpenAPI description of the campaign endpoints (:mod:`webapp.api.campaigns`).

Put into the API document by :mod:`webapp.api.openapi`. Internal comments and review notes appear in no schema:
token-scoped responses never carry them.
"""
from __future__ import annotations

from campaigns.models import CAMPAIGN_STATUSES, CAMPAIGN_TYPES, PARTNER_ROLES, PIECE_STATUSES
from framing.findings import SEVERITIES

from .core import (BOOL, DATE, INT, NULLABLE_INT, NULLABLE_STR, STR, STRINGS, body, choice,
                   list_of, obj, ok, operation, path_id, query, ref)

NUMBER_OR_NULL = {"type": ["number", "null"]}
NORMS = obj({"behaviour": {**STR, "description": "The healthy majority behaviour"},
             "actual_pct": {**NUMBER_OR_NULL, "minimum": 0, "maximum": 100},
             "perceived_pct": {**NUMBER_OR_NULL, "minimum": 0, "maximum": 100},
             "source": STR, "year": NULLABLE_INT}, additionalProperties=False)
PARTNER = obj({"profile_id": INT, "name": {**STR, "readOnly": True},
               "role": choice(PARTNER_ROLES, False),
               "contact_name": STR, "contact_email": STR}, ("profile_id", "role"))
CAMPAIGN_FIELDS = {
    "name": STR, "goal": STR, "type": choice(CAMPAIGN_TYPES, False), "audience": STR,
    "start": DATE, "end": DATE,
    "status": {**choice(CAMPAIGN_STATUSES, False), "default": "planning"},
    "partners": {"type": "array", "items": ref("CampaignPartner")},
    "norms": {"oneOf": [NORMS, {"type": "null"}]}, "tagline": STR,
    "hashtag": {**STR, "description": "Stored with a leading #"},
    "help_line": {**STR, "description": "A phone number or short code"}}
VERSION = obj({"id": INT, "piece_id": INT, "number": INT, "title": STR, "body": STR,
               "content_hash": {**STR, "description": "SHA-256 of normalized title, body, channel"},
               "created_at": STR, "created_by": STR, "note": STR, "restored_from": NULLABLE_INT})
PIECE_FIELDS = {
    "id": INT, "campaign_id": INT,
    "channel": {**STR, "description": "A channel id (channels.yaml)"},
    "title": STR, "status": choice(PIECE_STATUSES, False), "run_date": DATE,
    "target_profile_id": NULLABLE_INT, "current": ref("PieceVersion"), "version_count": INT,
    "approved_version": NULLABLE_INT, "approved_by": NULLABLE_STR, "approved_at": NULLABLE_STR}
PIECE_DETAIL = {**PIECE_FIELDS, "allowed_transitions": {
    "type": "array", "items": choice(PIECE_STATUSES, False),
    "description": "Statuses you may move the piece to now (not 'approved' when you saved "
                   "the current version and approvers must not be authors, nor, unless you "
                   "are an admin, while partners have yet to approve it)"},
    "waiting_for_partners": {"type": "array", "items": STR,
                             "description": "Co-sponsors and messengers who have not approved "
                                            "the current text"},
    "reviews": {"type": "array", "items": obj({
        "version_number": INT, "content_hash": STR,
        "decision": choice(("approve", "changes"), False),
        "reviewer": STR, "via": choice(("account", "link"), False), "decided_at": STR,
        "current": {**BOOL, "description": "Made on the current version"}})},
    "audit": {"type": "array", "items": obj({
        "at": STR, "actor": STR, "action": STR, "from_status": NULLABLE_STR,
        "to_status": NULLABLE_STR})}}
DIFF_OPS = {"type": "array", "items": obj({"op": STR, "before": STR, "after": STR})}

SCHEMAS = {
    "CampaignPartner": PARTNER,
    "CampaignSummary": obj({"id": INT, "name": STR, "type": STR, "status": STR, "start": DATE,
                            "end": DATE, "piece_count": INT}),
    "Campaign": obj({"id": {**INT, "readOnly": True}, **CAMPAIGN_FIELDS,
                     "created_at": {**STR, "readOnly": True},
                     "created_by": {**STR, "readOnly": True}}, ("name", "type")),
    "PieceVersion": VERSION,
    "Piece": obj(PIECE_FIELDS),
    "PieceDetail": obj(PIECE_DETAIL, description="Review notes and comments are internal and "
                                                 "never returned"),
    "PieceCreate": obj({"channel": STR, "title": STR, "body": STR, "run_date": DATE,
                        "target_profile_id": NULLABLE_INT}, ("channel", "title", "body")),
    "PieceEdit": obj({"title": STR, "body": STR, "note": STR,
                      "base_version": {**INT, "description": "Required with title or body: "
                                       "the current.number you loaded. If the piece has a "
                                       "newer version the edit is refused with 409 (and "
                                       "current_version)"},
                      "run_date": DATE, "target_profile_id": NULLABLE_INT},
                     description="title and body make a new version (unchanged text makes "
                                 "none); run_date and target_profile_id change the piece"),
    "PieceStatusChange": obj({"to": choice(PIECE_STATUSES, False), "note": STR,
                              "override": {**STR, "description": "Admins: the reason to approve "
                                           "before the partners whose approval it needs"}},
                             ("to",)),
    "PieceRestore": obj({"number": INT}, ("number",)),
    "VersionDiff": obj({"a": ref("PieceVersion"), "b": ref("PieceVersion"), "title_ops": DIFF_OPS,
                        "body_ops": DIFF_OPS, "stats": obj({"added": INT, "removed": INT})}),
    "PieceFindings": obj({"piece_id": INT, "version": INT, "packs_version": STR,
                          "counts": obj({s: INT for s in SEVERITIES}),
                          "findings": {"type": "array", "items": ref("Finding")}}),
    "CampaignDashboard": obj({"campaign_id": INT, "rows": {"type": "array", "items": obj({
        "piece": ref("Piece"), "counts": obj({s: INT for s in SEVERITIES}),
        "blockers": STRINGS, "stale": BOOL})},
        "issues": {"type": "array", "items": ref("Finding"),
                   "description": "Campaign-level problems"}}),
}

TAG = "campaigns"
CAMPAIGN_ID, PIECE_ID = [path_id("campaign_id")], [path_id("piece_id")]
FILTERS = [query("partner", "Only pieces of campaigns with this partner profile id, or "
                            "targeting it"), query("channel", "Only this channel id")]


def _file(media: str, description: str) -> dict:
    return {"200": {"description": description,
                    "content": {media: {"schema": {"type": "string"}}}}}


PATHS = {
    "/campaigns": {
        "get": operation("listCampaigns", "Campaign summaries", TAG,
                         ok("Campaigns", list_of("campaigns", "CampaignSummary")),
                         errors=(401, 403)),
        "post": operation("createCampaign", "Create a campaign", TAG,
                          ok("The campaign", ref("Campaign"), "201"),
                          requestBody=body(ref("Campaign"))),
    },
    "/campaigns/{campaign_id}": {
        "parameters": CAMPAIGN_ID,
        "get": operation("getCampaign", "One campaign with its partners", TAG,
                         ok("The campaign", ref("Campaign")), errors=(401, 403, 404)),
        "put": operation("updateCampaign", "Replace a campaign's fields and partners", TAG,
                         ok("The campaign", ref("Campaign")), errors=(400, 401, 403, 404),
                         requestBody=body(ref("Campaign"))),
    },
    "/campaigns/{campaign_id}/dashboard": {
        "parameters": CAMPAIGN_ID,
        "get": operation("campaignDashboard", "Each piece's status, findings and blockers", TAG,
                         ok("The dashboard", ref("CampaignDashboard")), errors=(401, 403, 404)),
    },
    "/campaigns/{campaign_id}/calendar.ics": {
        "parameters": CAMPAIGN_ID,
        "get": operation("campaignCalendar", "Dated pieces as iCalendar (RFC 5545)", TAG,
                         _file("text/calendar", "The calendar"), errors=(401, 403, 404),
                         parameters=FILTERS),
    },
    "/campaigns/{campaign_id}/export.csv": {
        "parameters": CAMPAIGN_ID,
        "get": operation("campaignCsv", "Pieces with their approved versions as CSV", TAG,
                         _file("text/csv", "RFC 4180 CSV, no internal comments"),
                         errors=(401, 403, 404)),
    },
    "/campaigns/{campaign_id}/pieces": {
        "parameters": CAMPAIGN_ID,
        "get": operation("listPieces", "A campaign's pieces by run date", TAG,
                         ok("Pieces", list_of("pieces", "Piece")), errors=(401, 403, 404)),
        "post": operation("createPiece", "Add a piece (its first version)", TAG,
                          ok("The piece", ref("Piece"), "201"), errors=(400, 401, 403, 404, 413),
                          requestBody=body(ref("PieceCreate"))),
    },
    "/pieces/{piece_id}": {
        "parameters": PIECE_ID,
        "get": operation("getPiece", "One piece: current version, decisions, audit", TAG,
                         ok("The piece", ref("PieceDetail")), errors=(401, 403, 404)),
        "put": operation("editPiece", "Edit a piece: a new version (approval returns to review)",
                         TAG, ok("The piece", ref("PieceDetail")),
                         errors=(400, 401, 403, 404, 409, 413), requestBody=body(ref("PieceEdit"))),
    },
    "/pieces/{piece_id}/versions": {
        "parameters": PIECE_ID,
        "get": operation("listPieceVersions", "Every version, oldest first", TAG,
                         ok("Versions", list_of("versions", "PieceVersion")),
                         errors=(401, 403, 404)),
    },
    "/pieces/{piece_id}/diff": {
        "parameters": PIECE_ID,
        "get": operation("diffPieceVersions", "Two versions side by side (word diff)", TAG,
                         ok("The difference", ref("VersionDiff")), errors=(400, 401, 403, 404),
                         parameters=[query("a", "Version number (default: previous)"),
                                     query("b", "Version number (default: current)")]),
    },
    "/pieces/{piece_id}/restore": {
        "parameters": PIECE_ID,
        "post": operation("restorePieceVersion", "Restore a version as a new version", TAG,
                          ok("The new version", ref("PieceVersion"), "201"),
                          errors=(400, 401, 403, 404, 409), requestBody=body(ref("PieceRestore"))),
    },
    "/pieces/{piece_id}/status": {
        "parameters": PIECE_ID,
        "post": operation("changePieceStatus", "Move a piece through review (reviewers may "
                          "approve or request changes; editors also schedule and publish; "
                          "whoever saved the current version may not approve it: 403)", TAG,
                          ok("The piece", ref("PieceDetail")), errors=(400, 401, 403, 404, 409),
                          requestBody=body(ref("PieceStatusChange"))),
    },
    "/pieces/{piece_id}/findings": {
        "parameters": PIECE_ID,
        "get": operation("pieceFindings", "Findings of the current version (stored per version "
                         "and rule-pack version)", TAG, ok("Findings", ref("PieceFindings")),
                         errors=(401, 403, 404)),
    },
}
