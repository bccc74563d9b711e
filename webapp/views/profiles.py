"""Partner profiles: list, view (Politics / People / Power), create, edit, history,
diff, import and export.

Everyone signed in may read; only editors and admins may create, edit and
import (``roles_required``). Edits are versioned: the form carries the
version it was loaded from, and a save over someone else's newer version is
refused with their changes shown and the user's own values kept in the form.
"""
from __future__ import annotations

from flask import (Blueprint, Response, abort, flash, g, redirect, render_template, request,
                   url_for)

from framing.constants import EDITORS
from framing.store.profile_io import export_csv, export_json, import_csv, import_json
from framing.store.profiles import (ProfileNotFound, ProfileStore, ProfileValidationError,
                                    StaleEdit, defaults_for_sector, write_transaction)

from ..auth import login_required, roles_required
from . import (READINESS_DIMENSIONS, ignored_rule_store, install_helpers, profile_store, sectors,
               stage_labels)
from .pitches import pitches_for_profile
from .profile_form import (CHOICES, STANCE_LABELS, display_value, document_from_form, field_anchor,
                           field_label, form_rows)

bp = Blueprint("profiles", __name__, url_prefix="/profiles")
install_helpers(bp)
MAX_IMPORT_BYTES = 2 * 1024 * 1024


def _get(store: ProfileStore, profile_id: int):
    try:
        return store.get(profile_id)
    except ProfileNotFound:
        abort(404)


@bp.get("/")
@login_required
def index():
    """All profiles, filtered by sector, tag and a search over names and notes."""
    store = profile_store()
    sector, tag, q = (request.args.get(k, "").strip() for k in ("sector", "tag", "q"))
    items = store.list(sector=sector or None, tag=tag or None, q=q or None)
    return render_template("profiles/list.html", profiles=items, tags=store.tags(),
                           sectors=sectors(), sector=sector, tag=tag, q=q)


def _form_page(template: str, doc: dict, status: int = 200, **context):
    """Render the edit form for ``doc`` (a document, possibly as the user typed it)."""
    rows = {section: form_rows(doc, section) for section in
            ("key_dates", "priorities", "people", "power", "avoid")}
    return render_template(template, doc=doc, rows=rows, sectors=sectors(), choices=CHOICES,
                           stance_labels=STANCE_LABELS, stages=stage_labels(),
                           dimensions=READINESS_DIMENSIONS, field_label=field_label,
                           field_anchor=field_anchor, display_value=display_value,
                           **context), status


def _invalid(exc: ProfileValidationError) -> dict:
    return {"error_field": exc.field, "error": f"{field_label(exc.field)}: {exc.message}"}


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*EDITORS)
def new():
    """Pick a sector, then fill in a form prefilled with that sector's priorities."""
    packs = sectors()
    if request.method == "GET":
        sector = request.args.get("sector", "")
        if sector not in packs:
            return render_template("profiles/new.html", sectors=packs)
        return _form_page("profiles/edit.html", defaults_for_sector(packs[sector]), profile=None)
    doc = document_from_form(request.form)
    try:
        profile = profile_store().create(doc, g.user)
    except ProfileValidationError as exc:
        return _form_page("profiles/edit.html", doc, 400, profile=None, **_invalid(exc))
    flash(f"Profile “{profile.name}” created.", "success")
    return redirect(url_for(".view", profile_id=profile.id))


@bp.get("/<int:profile_id>")
@login_required
def view(profile_id: int):
    """One profile through the three lenses, with readiness and capacity."""
    profile = _get(profile_store(), profile_id)
    doc = profile.to_dict()
    key_dates = sorted((doc.get("politics") or {}).get("key_dates") or [],
                       key=lambda d: (d.get("date") or "9999", d.get("label") or ""))
    return render_template("profiles/view.html", profile=profile, doc=doc, key_dates=key_dates,
                           grid=power_grid(doc.get("power") or []), stages=stage_labels(),
                           dimensions=READINESS_DIMENSIONS, pack=sectors().get(profile.sector),
                           pitches=pitches_for_profile(profile_id),
                           ignored=ignored_rule_store().for_profile(profile_id))


@bp.post("/<int:profile_id>/ignored")
@roles_required(*EDITORS)
def restore_rule(profile_id: int):
    """Check a rule again for this partner (it was ignored from the checker's results)."""
    profile = _get(profile_store(), profile_id)
    if ignored_rule_store().restore(profile.id, request.form.get("rule", "")):
        flash("That check runs again for this partner.", "success")
    else:
        flash("That check was not ignored for this partner; nothing changed.", "info")
    return redirect(url_for(".view", profile_id=profile.id) + "#ignored-h")


def power_grid(power: list[dict]) -> list[list[dict]]:
    """Influence (rows, 5 at the top) × interest (columns 1..5) cells with their names."""
    grid = [[{"influence": inf, "interest": intr, "names": []} for intr in range(1, 6)]
            for inf in range(5, 0, -1)]
    for item in power:
        inf, intr = item.get("influence"), item.get("interest")
        if isinstance(inf, (int, float)) and isinstance(intr, (int, float)) \
                and 1 <= inf <= 5 and 1 <= intr <= 5:
            grid[5 - round(inf)][round(intr) - 1]["names"].append(item.get("name") or "?")
    return grid


@bp.route("/<int:profile_id>/edit", methods=["GET", "POST"])
@roles_required(*EDITORS)
def edit(profile_id: int):
    """Edit every field; refuses to overwrite a newer save by someone else."""
    store = profile_store()
    profile = _get(store, profile_id)
    if request.method == "GET":
        return _form_page("profiles/edit.html", profile.to_dict(), profile=profile,
                          version=profile.version)
    doc = document_from_form(request.form, sector=profile.sector)
    expected = request.form.get("version", type=int)
    try:
        saved = store.update(profile_id, doc, g.user, expected_version=expected)
    except ProfileValidationError as exc:
        return _form_page("profiles/edit.html", doc, 400, profile=profile, version=expected,
                          **_invalid(exc))
    except StaleEdit as exc:
        current = _get(store, profile_id)
        base = next((s.data for s in store.history(profile_id) if s.version == expected), None)
        theirs = ProfileStore.diff(base, current.to_dict()) if base is not None else []
        # The form now carries the current version: saving again keeps the user's values.
        return _form_page("profiles/edit.html", doc, 409, profile=current,
                          version=exc.current_version, stale=True, theirs=theirs,
                          base_version=expected)
    flash(f"Saved “{saved.name}” (version {saved.version}).", "success")
    return redirect(url_for(".view", profile_id=profile_id))


@bp.get("/<int:profile_id>/history")
@login_required
def history(profile_id: int):
    """Every saved version, newest first, with who saved it and when."""
    store = profile_store()
    profile = _get(store, profile_id)
    snapshots = store.history(profile_id)
    changes = {}
    for newer, older in zip(snapshots, snapshots[1:]):
        changes[newer.id] = len(ProfileStore.diff(older.data, newer.data))
    return render_template("profiles/history.html", profile=profile, snapshots=snapshots,
                           changes=changes)


@bp.get("/<int:profile_id>/diff")
@login_required
def diff(profile_id: int):
    """Field-by-field changes between two saved versions (``?a=<snapshot>&b=<snapshot>``)."""
    store = profile_store()
    profile = _get(store, profile_id)
    try:
        a = store.snapshot(request.args.get("a", type=int) or 0)
        b = store.snapshot(request.args.get("b", type=int) or 0)
    except ProfileNotFound:
        abort(404, description="Choose two saved versions of this profile to compare.")
    if a.profile_id != profile_id or b.profile_id != profile_id:
        abort(404, description="Those versions belong to another profile.")
    if a.version > b.version:
        a, b = b, a
    return render_template("profiles/diff.html", profile=profile, a=a, b=b,
                           changes=ProfileStore.diff(a.data, b.data), field_label=field_label,
                           display_value=display_value)


@bp.route("/import", methods=["GET", "POST"])
@roles_required(*EDITORS)
def import_profiles():
    """Add profiles from a JSON or CSV file (each imported profile is a new profile)."""
    if request.method == "GET":
        return render_template("profiles/import.html")
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return render_template("profiles/import.html", error="Choose a file to import."), 400
    raw = upload.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        return render_template("profiles/import.html",
                               error="The file is larger than 2 MB; split it and try again."), 413
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return render_template("profiles/import.html", error="The file is not UTF-8 text. "
                               "Save it as “CSV UTF-8” or JSON and try again."), 400
    name = upload.filename.lower()
    is_csv = name.endswith(".csv") or (not name.endswith(".json")
                                        and not text.lstrip().startswith(("{", "[")))
    known = sectors()
    try:
        docs = import_csv(text, known) if is_csv else import_json(text, set(known))
        if not docs:
            raise ProfileValidationError("", "no profiles found in the file")
        store = profile_store()
        with write_transaction(store.db):  # all or nothing
            created = [store.create(doc, g.user) for doc in docs]
    except ProfileValidationError as exc:
        message = f"{field_label(exc.field)}: {exc.message}" if exc.field else exc.message
        return render_template("profiles/import.html", error=f"Nothing was imported. {message}",
                               filename=upload.filename), 400
    flash(f"Imported {len(created)} profile{'s' if len(created) != 1 else ''}.", "success")
    return redirect(url_for(".index"))


def _download(body: str, mimetype: str, filename: str) -> Response:
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store"})


def _all_profiles():
    store = profile_store()
    return [store.get(item.id) for item in store.list()]


@bp.get("/export.json")
@login_required
def export_all_json():
    """Every profile as one JSON bundle."""
    return _download(export_json(_all_profiles()), "application/json", "profiles.json")


@bp.get("/export.csv")
@login_required
def export_all_csv():
    """Every profile as CSV (one row each; the last column holds the full document)."""
    return _download(export_csv(_all_profiles()), "text/csv", "profiles.csv")
