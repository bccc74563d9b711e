"""The partner approval page: ``/p/<token>``, no account needed.

A partner contact opens the signed, expiring, single-use link an editor made
for them and sees only what they are asked to approve: that version's title,
text and channel, rendered from the version record (never the live draft).
They approve or request changes with a note (a CSRF-protected form). Nothing
else is shown: no internal comments, no other pieces, no profile data, no
navigation. Expired, superseded (the piece was edited) and used links get a
friendly page saying what to do.

This endpoint is exempt from the sign-in redirect in :mod:`webapp.auth`.
"""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from campaigns.links import LinkInvalid, read_partner_link, record_partner_decision
from campaigns.store import PieceNotFound, WorkflowError

from .campaign_common import campaign_store, channel_label

bp = Blueprint("partner_link", __name__)
MAX_NOTE = 2000

# Friendly explanations by the reason the core gives for refusing a link.
REASONS = {
    "expired": ("This link has expired",
                "Approval links work for a limited time. Ask the person who sent it for a new "
                "one."),
    "superseded": ("This text has changed since the link was sent",
                   "The piece was edited after this link was made, so approving it here would "
                   "approve an old version. Ask the person who sent it for a new link."),
    "used": ("This link has already been used",
             "A decision was already recorded with this link. Thank you! If you want to change "
             "it, contact the person who sent it."),
    "revoked": ("This link was withdrawn",
                "It no longer applies: the campaign's partners have changed. Ask the person "
                "who sent it if you should still review this text."),
    "invalid": ("This link does not work",
                "The address may be incomplete. Copy the whole link from the message you got, "
                "or ask the person who sent it for a new one."),
}


def _reason(exc: Exception) -> str:
    text = str(getattr(exc, "reason", "") or exc).lower()
    for key, words in (("expired", ("expired",)), ("superseded", ("supersed",)),
                       ("used", ("used",)), ("revoked", ("revoked",))):
        if any(word in text for word in words):
            return key
    return "invalid"


def _private(response):
    """No caching, no referrer (the token is in the URL), not for search engines."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _render(template: str, status: int = 200, **context):
    return _private(current_app.make_response((render_template(template, **context), status)))


def _refused(reason: str):
    title, message = REASONS[reason]
    return _render("campaigns/partner_refused.html", 404 if reason == "invalid" else 410,
                   title=title, message=message, reason=reason)


@bp.route("/p/<token>", methods=["GET", "POST"])
def review(token: str):
    """Show the version; record the partner's decision (approve / request changes)."""
    store = campaign_store()
    secret = current_app.config["SECRET_KEY"]
    days = current_app.config.get("PARTNER_LINK_DAYS", 14)
    try:
        claims = read_partner_link(secret, token, store, max_age_days=days)
        version = store.version(claims.piece_id, claims.version_number)
        piece = store.get_piece(claims.piece_id)
    except LinkInvalid as exc:
        return _refused(_reason(exc))
    except PieceNotFound:
        return _refused("invalid")
    # The page says who is asking and for which campaign (an approval request that names
    # no sender reads like phishing); nothing else of the campaign or of the profile.
    context = {"version": version, "channel": channel_label(piece.channel), "token": token,
               "campaign_name": store.get_campaign(piece.campaign_id).name,
               "contact_name": claims.contact_name,
               "sender": current_app.config.get("ORG_NAME") or ""}
    if request.method == "GET":
        return _render("campaigns/partner.html", **context)
    decision = request.form.get("decision", "")
    note = request.form.get("note", "").strip()[:MAX_NOTE]
    if decision not in ("approve", "changes"):
        return _render("campaigns/partner.html", 400, note=note,
                       error="Choose “Approve” or “Request changes”.", **context)
    if decision == "changes" and not note:
        return _render("campaigns/partner.html", 400, note=note, error_field="note",
                       error="Tell us what to change in the note, then press "
                             "“Request changes” again.", **context)
    try:
        record_partner_decision(store, claims, decision, note)
    except LinkInvalid as exc:
        return _refused(_reason(exc))
    except (WorkflowError, ValueError) as exc:
        current_app.logger.warning("partner decision refused for piece %s: %s",
                                   claims.piece_id, exc)
        return _render("campaigns/partner.html", 409, note=note, error=(
            "Your decision could not be recorded right now. Please contact the person who "
            "sent you this link."), **context)
    return _render("campaigns/partner_done.html", decision=decision,
                   title=version.title)
