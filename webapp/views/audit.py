"""The access audit log: recording views and exports, and the admin page that lists them.

Recording is one hook after every request, driven by :data:`AUDITED` (endpoint
-> action, object kind, the URL argument holding the object's id), so the
profile, campaign and API views need no code of their own. Only successful
responses to a signed-in user (or a token's owner) are recorded.

Recording is best effort: in maintenance mode (``READ_ONLY``), or when the
database cannot take the write (read-only file, full disk, a writer holding
the lock too long), the read is served and the entry skipped, with a warning
in the server log. A log that can block reading would make maintenance
mode useless.
"""
from __future__ import annotations

import sqlite3

from flask import Blueprint, current_app, g, render_template, request

from framing.store.audit import KINDS, AuditStore
from framing.store.db import storage_problem

from ..auth import roles_required
from ..extensions import get_db
from . import install_helpers, profile_store

bp = Blueprint("audit", __name__)
install_helpers(bp)
PER_PAGE = 50
WRITE_WAIT_MS = 2000  # how long an entry may wait for the write lock before it is skipped

# endpoint -> (action, object kind, name of the URL argument with the id; None: all of them)
AUDITED: dict[str, tuple[str, str, str | None]] = {
    "profiles.view": ("view", "profile", "profile_id"),
    "profiles.edit": ("view", "profile", "profile_id"),  # the form shows the whole profile
    "profiles.history": ("history", "profile", "profile_id"),
    "profiles.diff": ("history", "profile", "profile_id"),
    "profiles.export_all_json": ("export-json", "profile", None),
    "profiles.export_all_csv": ("export-csv", "profile", None),
    "campaigns.dashboard": ("view", "campaign", "campaign_id"),
    "campaigns.package": ("export-package", "campaign", "campaign_id"),
    "campaigns.export_csv": ("export-csv", "campaign", "campaign_id"),
    "campaigns.calendar_ics": ("export-ics", "campaign", "campaign_id"),
    "campaigns.calendar_ics_all": ("export-ics", "campaign", None),
    "api.get_profile": ("view", "profile", "profile_id"),
    "api.profile_history": ("history", "profile", "profile_id"),
    "api.get_campaign": ("view", "campaign", "campaign_id"),
    "api.campaign_dashboard": ("view", "campaign", "campaign_id"),
    "api.campaign_csv": ("export-csv", "campaign", "campaign_id"),
    "api.campaign_calendar": ("export-ics", "campaign", "campaign_id"),
}
ACTION_LABELS = {
    "view": "Viewed",
    "history": "Viewed history",
    "export-json": "Exported JSON",
    "export-csv": "Exported CSV",
    "export-ics": "Exported calendar",
    "export-package": "Exported print package",
}
KIND_LABELS = {"profile": "Profile", "campaign": "Campaign"}


def record_access(action: str, kind: str, object_id: int | None) -> bool:
    """Record that the current user did ``action`` on an object; False if it was skipped."""
    user = g.get("user")
    if user is None or current_app.config.get("READ_ONLY"):
        return False
    via = "api" if request.blueprint == "api" else "web"
    try:
        db = get_db()
        # A reader should not wait the full busy timeout for a log entry.
        waited = db.execute("PRAGMA busy_timeout").fetchone()[0]
        db.execute(f"PRAGMA busy_timeout = {WRITE_WAIT_MS}")
        try:
            AuditStore(db).record(user.username, user.id, action, kind, object_id, via=via)
        finally:
            db.execute(f"PRAGMA busy_timeout = {int(waited)}")
    except sqlite3.Error as exc:
        reason = storage_problem(exc) or str(exc)
        current_app.logger.warning("access not recorded (%s %s %s by user %s): %s", action,
                                   kind, object_id, user.id, reason)
        return False
    return True


@bp.after_app_request
def _record(response):
    spec = AUDITED.get(request.endpoint or "")
    if spec is None or response.status_code >= 400 or request.method not in ("GET", "HEAD"):
        return response
    action, kind, argument = spec
    object_id = (request.view_args or {}).get(argument) if argument else None
    record_access(action, kind, object_id)
    return response


# -- the admin page --------------------------------------------------------------------------
class FilterError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def _filters() -> dict:
    """The page's filters from the query string; FilterError names the field at fault."""
    args = request.args
    user = args.get("user", "").strip()
    kind = args.get("kind", "").strip()
    raw_id = args.get("id", "").strip()
    raw_page = args.get("page", "").strip() or "1"
    if kind and kind not in KINDS:
        raise FilterError("kind", "Object kind: choose a profile or a campaign.")
    if raw_id and not raw_id.isdecimal():
        raise FilterError("id", "Object id: enter a whole number, such as 12.")
    if not raw_page.isdecimal() or int(raw_page) < 1:
        raise FilterError("page", "Page: enter a page number of 1 or more.")
    return {"user": user, "kind": kind, "id": int(raw_id) if raw_id else None,
            "page": int(raw_page)}


def _object_names() -> dict[tuple[str, int], str]:
    """Current names of profiles and campaigns, looked up when the page is shown.

    The log keeps ids only; a renamed object shows its new name, a deleted one
    its id alone.
    """
    from campaigns.store import CampaignStore
    names = {("profile", p.id): p.name for p in profile_store().list()}
    names.update({("campaign", c.id): c.name for c in CampaignStore(get_db()).list_campaigns()})
    return names


@bp.get("/audit")
@roles_required("admin")
def index():
    """Who viewed or exported which profile or campaign, newest first; filter by user/object."""
    store = AuditStore(get_db())
    context = {"users": store.usernames(), "kinds": KIND_LABELS, "actions": ACTION_LABELS,
               "args": request.args}
    try:
        filters = _filters()
    except FilterError as exc:
        return render_template("audit/index.html", entries=[], total=0, page=1, pages=1,
                               filters={}, error=exc.message, error_field=exc.field,
                               **context), 400
    where = {"username": filters["user"] or None, "object_kind": filters["kind"] or None,
             "object_id": filters["id"]}
    total = store.count(**where)
    pages = max(1, -(-total // PER_PAGE))
    page = min(filters["page"], pages)
    entries = store.entries(**where, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    query = {k: v for k, v in (("user", filters["user"]), ("kind", filters["kind"]),
                               ("id", filters["id"])) if v not in ("", None)}
    return render_template("audit/index.html", entries=entries, total=total, page=page,
                           pages=pages, filters=filters, query=query, names=_object_names(),
                           **context)
