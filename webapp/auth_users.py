"""The admins' users page: accounts and roles, every user's API tokens, "sign out everywhere".

Routes are added to ``auth.bp`` (endpoint ``auth.users``).
"""
from __future__ import annotations

from flask import abort, flash, g, redirect, render_template, request, url_for

from framing.store.accounts import TOKEN_ROLES

from . import web_sessions
from .auth import accounts, bp, roles_required


def _users_page(status: int = 200, **context):
    store = accounts()
    return render_template("auth/users.html", users=store.list(), tokens=store.all_tokens(),
                           open_sessions=web_sessions.open_counts(), **context), status


@bp.route("/users", methods=["GET", "POST"])
@roles_required("admin")
def users():
    """Admins: create accounts, change roles, delete, sign a user out, revoke any token."""
    if request.method == "GET":
        return _users_page()
    store = accounts()
    action = request.form.get("action", "")
    user_id = request.form.get("user_id", type=int)
    try:
        if action == "create":
            user = store.create(request.form.get("username", ""),
                                request.form.get("password", ""), request.form.get("role", ""))
            flash(f"Account {user.username!r} created ({user.role}).", "success")
        elif action == "role" and user_id is not None:
            had_tokens = bool(store.tokens(user_id))
            user = store.set_role(user_id, request.form.get("role", ""))
            revoked = " Their API tokens are revoked." if (
                had_tokens and user.role not in TOKEN_ROLES) else ""
            flash(f"{user.username!r} is now {user.role}.{revoked}", "success")
        elif action == "delete" and user_id is not None:
            if user_id == g.user.id:
                raise ValueError("You cannot delete your own account.")
            store.delete(user_id)
            flash("The account is deleted.", "success")
        elif action == "signout" and user_id is not None:
            user = store.get(user_id)
            if user is None:
                abort(404, description="No such user.")
            web_sessions.end_others(user.id, store)
            flash(f"{user.username!r} is signed out everywhere"
                  f"{' else' if user.id == g.user.id else ''}.", "success")
        elif action == "revoke_token" and user_id is not None:
            token_id = request.form.get("token_id", type=int)
            if token_id is None or not store.revoke_token(user_id, token_id):
                return _users_page(404, error="No such token.")
            flash("The token is revoked.", "success")
        else:
            raise ValueError("Unknown action.")
    except ValueError as exc:
        return _users_page(400, error=str(exc), form=request.form)
    return redirect(url_for("auth.users"))
