"""Campaign pieces: the current version with findings and comments marked in the text,
channel fit, the review buttons for the user's role, the audit log and the versions;
editing (a new immutable version), comparing and restoring versions, and the
one-time partner approval link.

The text is cut into segments by :mod:`webapp.highlight` (findings and comment
spans together) and every segment is printed through Jinja's autoescaping.

Reviewers comment and approve or request changes; they never schedule or
publish (the buttons are hidden and the POST is refused here, whatever the
store would allow).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from flask import (Blueprint, abort, current_app, flash, g, redirect, render_template, request,
                   url_for)

from campaigns import checks
from campaigns.channels import measure
from campaigns.links import make_partner_link
from campaigns.models import APPROVING_ROLES
from campaigns.store import PieceNotFound, WorkflowError
from campaigns.workflow import EDIT_RETURNS_TO_REVIEW
from framing.findings import SEVERITIES
from framing.store.profiles import ProfileNotFound
from framing.textdiff import diff_stats, word_diff

from ..auth import login_required, roles_required
from ..extensions import get_analyzer
from ..highlight import Span, segments, spans_from_findings
from . import install_helpers, profile_store
from .campaigns import (EDITORS, PIECE_STATUSES, SEVERITY_LABELS, campaign_store, channels,
                        get_campaign, readable_error, speaking_rate, status_label)
from .checker import safe_url

bp = Blueprint("pieces", __name__, url_prefix="/pieces")
install_helpers(bp)

# What a status button says, by the status it moves the piece to.
ACTIONS = {
    "in-review": ("Send for review", "primary"),
    "approved": ("Approve", "primary"),
    "changes-requested": ("Request changes", ""),
    "scheduled": ("Schedule", "primary"),
    "published": ("Mark as published", ""),
    "draft": ("Back to draft", "quiet"),
    "archived": ("Archive", "quiet"),
}
# Buttons in this order: the usual next step first, leaving review or the workflow last.
BUTTON_ORDER = ("approved", "changes-requested", "in-review", "scheduled", "published", "draft",
                "archived")
AUDIT_ACTIONS = {
    "create": "Created", "edit": "New version", "restore": "Restored an old version",
    "status": "Status", "update": "Changed the run date or partner",
    "partner-approve": "Partner approved", "partner-changes": "Partner asked for changes",
}
# Reviewers read, comment and decide; scheduling and publishing are for editors and admins.
REVIEWER_MAY = {"approved", "changes-requested"}
MAX_COMMENT, MAX_NOTE, MAX_QUOTE = 4000, 2000, 2000
QUOTE_CLASSES = ("\"“”„‟«»", "'‘’‚‛`", "-‐‑‒–—―")


def _store():
    return campaign_store()


def get_piece(piece_id: int):
    try:
        return _store().get_piece(piece_id)
    except PieceNotFound:
        abort(404, description="There is no such piece. It may have been deleted.")


def allowed_for_user(piece) -> list[str]:
    """The statuses this user may move ``piece`` to (never schedule/publish for reviewers)."""
    role = g.user.role
    allowed = list(_store().allowed_transitions(piece, role))
    if role not in EDITORS:
        allowed = [s for s in allowed if s in REVIEWER_MAY]
    return sorted(allowed, key=lambda s: BUTTON_ORDER.index(s) if s in BUTTON_ORDER else 99)


# -- text with findings and comments ---------------------------------------------------------
@dataclass
class Part:
    """A run of the piece's text and what covers it (finding ids ``f1``…, comments ``c<id>``)."""

    text: str
    findings: tuple[str, ...]
    comments: tuple[str, ...]
    severity: str | None
    anchors: tuple[str, ...]


def text_parts(text: str, findings, comments) -> list[Part]:
    """Cut ``text`` at every finding and comment boundary (:func:`webapp.highlight.segments`)."""
    spans = spans_from_findings(findings)
    spans += [Span(f"c{c.id}", int(c.start), int(c.end), "comment") for c in comments]
    parts = []
    for seg in segments(text, spans):
        fids = tuple(i for i in seg.finding_ids if i.startswith("f"))
        cids = tuple(i for i in seg.finding_ids if i.startswith("c"))
        severity = seg.severity if fids else None
        parts.append(Part(seg.text, fids, cids, severity, seg.first_of))
    return parts


def _quote_pattern(quote: str) -> str:
    """A regex matching ``quote`` with any whitespace, quote-mark and dash variants."""
    out = []
    for chunk in re.split(r"(\s+)", quote):
        if not chunk:
            continue
        if chunk.isspace():
            out.append(r"\s+")
            continue
        for ch in chunk:
            group = next((cls for cls in QUOTE_CLASSES if ch in cls), None)
            out.append(f"[{re.escape(group)}]" if group else re.escape(ch))
    return "".join(out)


def locate_quote(text: str, quote: str, near: int | None = None) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text`` (the occurrence nearest ``near``); None if absent.

    Exact matches win; otherwise whitespace, curly/straight quotes, dashes and
    letter case may differ (people retype or paste across line breaks).
    """
    quote = quote.strip()
    if not quote:
        return None
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(quote), text)]
    if not spans:
        spans = [(m.start(), m.end())
                 for m in re.finditer(_quote_pattern(quote), text, re.IGNORECASE)]
    if not spans:
        return None
    if near is None:
        return spans[0]
    return min(spans, key=lambda span: abs(span[0] - near))


# -- the piece page --------------------------------------------------------------------------
def _target_name(piece, campaign) -> str:
    if not piece.target_profile_id:
        return ""
    for partner in campaign.partners:
        if partner.profile_id == piece.target_profile_id and partner.name:
            return partner.name
    try:
        return profile_store().get(piece.target_profile_id).name
    except ProfileNotFound:
        return ""


def _fit(piece, body: str):
    channel = channels().get(piece.channel)
    return measure(body, channel, speaking_rate()) if channel else None


def _page(piece, status: int = 200, **context):
    store = _store()
    campaign = get_campaign(piece.campaign_id)
    version = piece.current
    findings = list(checks.findings_for(store, get_analyzer(), piece.id))
    ids = [f"f{i + 1}" for i in range(len(findings))]
    groups = {sev: [(fid, f) for fid, f in zip(ids, findings) if f.severity == sev]
              for sev in SEVERITIES}
    comments = list(store.comments(piece.id))
    here = [c for c in comments if c.version_number == version.number]
    older = [c for c in comments if c.version_number != version.number]
    # Only spans that still quote this version's text are drawn in it.
    anchored = [c for c in here if 0 <= int(c.start) < int(c.end) <= len(version.body)]
    versions = list(store.versions(piece.id))
    approvals = store.partner_approvals(piece)
    signoffs = [(p, approvals.get(p.profile_id)) for p in campaign.partners
                if p.role in APPROVING_ROLES]
    return render_template(
        "campaigns/piece.html", piece=piece, campaign=campaign, version=version,
        parts=text_parts(version.body, findings, anchored), findings=findings,
        by_id=dict(zip(ids, findings)), groups=groups,
        counts={sev: len(groups[sev]) for sev in SEVERITIES}, severity_labels=SEVERITY_LABELS,
        comments=here, older_comments=older, quotes={c.id: version.body[c.start:c.end]
                                                      for c in anchored},
        fit=_fit(piece, version.body), transitions=allowed_for_user(piece), actions=ACTIONS,
        audit=list(store.audit(piece.id)), versions=versions,
        target_name=_target_name(piece, campaign), statuses=PIECE_STATUSES, safe_url=safe_url,
        signoffs=signoffs, audit_actions=AUDIT_ACTIONS, **context), status


@bp.get("/<int:piece_id>")
@login_required
def view(piece_id: int):
    """The current version with findings and comments marked, and what happens next."""
    return _page(get_piece(piece_id))


@bp.post("/<int:piece_id>/status")
@login_required
def change_status(piece_id: int):
    """Move the piece through the workflow (only to a status the user's role allows)."""
    store = _store()
    piece = get_piece(piece_id)
    to = request.form.get("to", "")
    note = request.form.get("note", "").strip()[:MAX_NOTE]
    if to not in PIECE_STATUSES:
        abort(400, description="Unknown status.")
    if g.user.role not in EDITORS and to not in REVIEWER_MAY:
        abort(403, description="Reviewers can approve or request changes; scheduling, "
                               "publishing and archiving are for editors.")
    try:
        store.transition(piece_id, to, g.user, g.user.role, note=note)
    except WorkflowError as exc:
        if exc.forbidden:
            abort(403, description=f"Your role cannot do this: {exc}.")
        return _page(piece, 409, error=(
            f"Not changed: {exc}. The buttons show what this piece can do now."))
    flash(f"“{piece.title}” is now {status_label(to).lower()}.", "success")
    return redirect(url_for(".view", piece_id=piece_id))


@bp.post("/<int:piece_id>/comments")
@login_required
def comment(piece_id: int):
    """An internal comment on a span of the current version (never shown to partners)."""
    piece = get_piece(piece_id)
    version = piece.current
    body = request.form.get("body", "").strip()
    quote = request.form.get("quote", "")[:MAX_QUOTE]
    near = request.form.get("start", type=int)
    form = {"comment_body": body, "comment_quote": quote}
    if not body:
        return _page(piece, 400, comment_error="Write your comment first.", **form)
    if len(body) > MAX_COMMENT:
        return _page(piece, 400, comment_error=f"Comments can be up to {MAX_COMMENT:,} "
                                               "characters.", **form)
    if quote.strip():
        span = locate_quote(version.body, quote, near)
        if span is None:
            return _page(piece, 400, comment_error=(
                "That quote is not in the current version. Copy a few words exactly as "
                "they appear in the text, or leave the quote empty to comment on the whole piece."),
                **form)
    else:
        span = (0, 0)  # the piece as a whole
    try:
        _store().add_comment(piece_id, version.number, g.user, span[0], span[1], body)
    except ValueError as exc:
        return _page(piece, 400, comment_error=readable_error(exc)[1], **form)
    flash("Comment added. Comments stay inside the team: partners never see them.", "success")
    return redirect(url_for(".view", piece_id=piece_id) + "#comments")


# -- editing ---------------------------------------------------------------------------------
@bp.route("/<int:piece_id>/edit", methods=["GET", "POST"])
@roles_required(*EDITORS)
def edit(piece_id: int):
    """Save the edited text as a new version (an approved piece goes back to review)."""
    piece = get_piece(piece_id)
    current = piece.current
    if request.method == "GET":
        return _edit_page(piece, _doc(piece))
    doc = {"title": request.form.get("title", "").strip(), "body": request.form.get("body", ""),
           "note": request.form.get("note", "").strip()[:MAX_NOTE],
           "base": request.form.get("base", type=int)}
    limit = current_app.config["MAX_TEXT_CHARS"]
    if len(doc["body"]) > limit:
        return _edit_page(piece, doc, 413, error_field="body", error=(
            f"Text: {len(doc['body']):,} characters; the limit is {limit:,}. Shorten it and save "
            "again. Your text is kept below."))
    if doc["base"] is not None and doc["base"] != current.number:
        return _edit_page(piece, doc, 409, stale=True)
    if doc["title"] == current.title and doc["body"] == current.body:
        flash("Nothing changed, so no new version was saved.", "info")
        return redirect(url_for(".view", piece_id=piece_id))
    try:
        saved = _store().edit_piece(piece_id, doc["title"], doc["body"], g.user, note=doc["note"])
    except PieceNotFound:
        abort(404)
    except WorkflowError as exc:
        return _edit_page(piece, doc, 409, error=f"Not saved: {exc}")
    except ValueError as exc:
        field, message = readable_error(exc)
        return _edit_page(piece, doc, 400, error=message, error_field=field)
    if saved.number == current.number:  # the same words (spacing aside): nothing to save
        flash("Nothing changed, so no new version was saved.", "info")
        return redirect(url_for(".view", piece_id=piece_id))
    after = get_piece(piece_id)
    message = f"Saved version {saved.number}."
    if piece.status in EDIT_RETURNS_TO_REVIEW and after.status != piece.status:
        message += f" The piece is back to “{status_label(after.status)}”: it needs approval again."
    flash(message, "success")
    return redirect(url_for(".view", piece_id=piece_id))


@bp.post("/<int:piece_id>/details")
@roles_required(*EDITORS)
def details(piece_id: int):
    """Change the run date and the partner the piece is written for (no new version)."""
    piece = get_piece(piece_id)
    run_date = request.form.get("run_date", "").strip() or None
    target = request.form.get("target_profile_id", "").strip()
    target_id = int(target) if target.isdigit() else None
    try:
        _store().update_piece(piece_id, g.user, run_date=run_date, target_profile_id=target_id)
    except WorkflowError as exc:
        return _edit_page(piece, _doc(piece), 409, details_error=f"Not saved: {exc}.")
    except ValueError as exc:
        return _edit_page(piece, _doc(piece), 400, details_error=readable_error(exc)[1])
    flash("Saved the run date and partner.", "success")
    return redirect(url_for(".view", piece_id=piece_id))


def _doc(piece) -> dict:
    return {"title": piece.current.title, "body": piece.current.body, "note": "",
            "base": piece.current.number}


def _edit_page(piece, doc: dict, status: int = 200, **context):
    campaign = get_campaign(piece.campaign_id)
    return render_template("campaigns/piece_edit.html", piece=piece, campaign=campaign, doc=doc,
                           channel=channels().get(piece.channel),
                           max_chars=current_app.config["MAX_TEXT_CHARS"], **context), status


# -- versions --------------------------------------------------------------------------------
def _version(piece_id: int, number: int | None):
    if number is None:
        abort(404, description="Choose two versions of this piece to compare.")
    try:
        return _store().version(piece_id, number)
    except PieceNotFound:
        abort(404, description=f"This piece has no version {number}.")


def merge_changes(ops: list[dict]) -> list[dict]:
    """Join changes separated only by a space, so a rewritten phrase reads as one change
    (``[-Two-] [-students-]`` becomes ``[-Two students-]``); the texts are unchanged."""
    out: list[dict] = []
    for op in ops:
        if (op["op"] != "equal" and len(out) >= 2 and out[-1]["op"] == "equal"
                and out[-1]["before"].isspace() and out[-2]["op"] != "equal"):
            space, prev = out.pop(), out.pop()
            op = {"op": "replace", "before": prev["before"] + space["before"] + op["before"],
                  "after": prev["after"] + space["after"] + op["after"]}
        out.append(op)
    return out


@bp.get("/<int:piece_id>/versions/compare")
@login_required
def compare(piece_id: int):
    """Two versions side by side, words removed and added marked (``?a=<n>&b=<n>``)."""
    piece = get_piece(piece_id)
    current = piece.current.number
    a = _version(piece_id, request.args.get("a", type=int) or max(1, current - 1))
    b = _version(piece_id, request.args.get("b", type=int) or current)
    if a.number > b.number:
        a, b = b, a
    body_ops, title_ops = word_diff(a.body, b.body), word_diff(a.title, b.title)
    return render_template("campaigns/compare.html", piece=piece,
                           campaign=get_campaign(piece.campaign_id), a=a, b=b,
                           body_ops=merge_changes(body_ops), title_ops=merge_changes(title_ops),
                           stats=diff_stats(body_ops + title_ops),
                           versions=list(_store().versions(piece_id)))


@bp.post("/<int:piece_id>/restore")
@roles_required(*EDITORS)
def restore(piece_id: int):
    """Make an earlier version current again, as a new version that points back to it."""
    piece = get_piece(piece_id)
    number = request.form.get("number", type=int)
    old = _version(piece_id, number)
    try:
        saved = _store().restore(piece_id, old.number, g.user)
    except WorkflowError as exc:
        flash(f"Not restored: {exc}", "error")
        return redirect(url_for(".view", piece_id=piece_id))
    except ValueError as exc:
        flash(f"Not restored: {readable_error(exc)[1]}", "error")
        return redirect(url_for(".view", piece_id=piece_id))
    new_number = getattr(saved, "number", None) or get_piece(piece_id).current.number
    flash(f"Version {old.number} restored as version {new_number} of “{piece.title}”.", "success")
    return redirect(url_for(".view", piece_id=piece_id))


# -- partner approval link -------------------------------------------------------------------
def _contacts(campaign) -> list:
    """The campaign's partners that have a named contact (who a link can be made for)."""
    return [p for p in campaign.partners if (p.contact_name or "").strip()]


@bp.route("/<int:piece_id>/partner-link", methods=["GET", "POST"])
@roles_required(*EDITORS)
def partner_link(piece_id: int):
    """Create a one-time approval link for a named partner contact; the URL is shown once."""
    piece = get_piece(piece_id)
    campaign = get_campaign(piece.campaign_id)
    contacts = _contacts(campaign)
    days = current_app.config.get("PARTNER_LINK_DAYS", 14)
    context = {"piece": piece, "campaign": campaign, "contacts": contacts, "days": days,
               "version": piece.current}
    if request.method == "GET":
        return render_template("campaigns/partner_link.html", **context)
    index = request.form.get("contact", type=int)
    if index is None or not 0 <= index < len(contacts):
        return render_template("campaigns/partner_link.html", error=(
            "Choose who the link is for."), **context), 400
    contact = contacts[index]
    token = make_partner_link(current_app.config["SECRET_KEY"], piece, piece.current,
                              contact.contact_name, contact.profile_id)
    url = url_for("partner_link.review", token=token, _external=True)
    response = current_app.make_response((render_template(
        "campaigns/partner_link.html", link=url, contact=contact, **context), 201))
    response.headers["Cache-Control"] = "no-store"
    return response
