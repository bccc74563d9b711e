"""The account store: validation, password hashes, tokens, last-admin rules, attempts."""
from __future__ import annotations

import hashlib

import pytest
from werkzeug.security import check_password_hash as werkzeug_check
from werkzeug.security import generate_password_hash as werkzeug_hash

from framing.store import connect, migrate
from webapp import MIGRATIONS
from framing.store.accounts import AccountStore, check_password_hash, generate_password_hash

PASSWORD = "correct horse battery"


@pytest.fixture()
def store(tmp_path):
    db = connect(tmp_path / "accounts.sqlite")
    migrate(db, MIGRATIONS)
    yield AccountStore(db)
    db.conn.close()


def test_password_hashes_are_salted_scrypt_in_werkzeug_format():
    first, second = generate_password_hash(PASSWORD), generate_password_hash(PASSWORD)
    assert first != second and first.startswith("scrypt:32768:8:1$")
    assert check_password_hash(first, PASSWORD) and not check_password_hash(first, "wrong")
    assert werkzeug_check(first, PASSWORD)  # interchangeable with werkzeug's
    assert check_password_hash(werkzeug_hash(PASSWORD, method="scrypt"), PASSWORD)
    assert not check_password_hash("not a hash", PASSWORD)


@pytest.mark.parametrize("username, password, role, message", [
    ("ab", PASSWORD, "editor", "3 to 40"),
    ("x" * 41, PASSWORD, "editor", "3 to 40"),
    ("-dash", PASSWORD, "editor", "starting with a letter"),
    ("has space", PASSWORD, "editor", "letters, digits"),
    ("maria", "short", "editor", "at least 10"),
    ("maria", "x" * 2000, "editor", "at most"),
    ("maria", PASSWORD, "owner", "Unknown role"),
    (None, PASSWORD, "editor", "3 to 40"),
])
def test_create_rejects_bad_input_with_clear_messages(store, username, password, role, message):
    with pytest.raises(ValueError, match=message):
        store.create(username, password, role)
    assert store.count() == 0


def test_usernames_are_unique_ignoring_case(store):
    store.create("Maria", PASSWORD, "editor")
    with pytest.raises(ValueError, match="already taken"):
        store.create("maria", PASSWORD, "reviewer")
    assert store.by_username("MARIA").username == "Maria"
    assert store.authenticate("maria", PASSWORD).username == "Maria"


def test_authenticate(store):
    user = store.create("maria", PASSWORD, "editor")
    assert store.authenticate("maria", PASSWORD) == user
    assert store.authenticate("maria", "wrong password") is None
    assert store.authenticate("nobody", PASSWORD) is None
    assert store.authenticate("maria", None) is None
    store.set_password(user.id, "another long one")
    assert store.authenticate("maria", PASSWORD) is None
    assert store.authenticate("maria", "another long one") == user


def test_first_admin_only_once(store):
    admin = store.create_first_admin("root", PASSWORD)
    assert admin.role == "admin"
    with pytest.raises(ValueError, match="already exists"):
        store.create_first_admin("second", PASSWORD)
    assert [u.username for u in store.list()] == ["root"]


def test_the_last_admin_stays(store):
    admin = store.create("root", PASSWORD, "admin")
    editor = store.create("maria", PASSWORD, "editor")
    with pytest.raises(ValueError, match="last admin"):
        store.set_role(admin.id, "editor")
    with pytest.raises(ValueError, match="last admin"):
        store.delete(admin.id)
    assert store.set_role(editor.id, "admin").role == "admin"
    assert store.set_role(admin.id, "reviewer").role == "reviewer"
    with pytest.raises(ValueError, match="No such user"):
        store.delete(9999)


def test_tokens_are_stored_only_as_digests(store):
    user = store.create("maria", PASSWORD, "editor")
    plaintext, token = store.create_token(user.id, "  report script ")
    assert plaintext.startswith("frm_") and len(plaintext) > 40
    assert token.label == "report script"
    stored = store.db.execute("SELECT token_hash FROM api_tokens").fetchall()
    assert stored == [(hashlib.sha256(plaintext.encode()).hexdigest(),)]
    assert plaintext not in str(store.db.execute("SELECT * FROM api_tokens").fetchall())
    assert store.verify_token(plaintext) == user
    assert store.tokens(user.id)[0].last_used_at is not None
    for bad in ("", "frm_nope", None, "x" * 1000):
        assert store.verify_token(bad) is None
    with pytest.raises(ValueError, match="label"):
        store.create_token(user.id, "   ")


def test_revoking_and_deleting_end_tokens(store):
    maria = store.create("maria", PASSWORD, "editor")
    jose = store.create("jose", PASSWORD, "editor")
    plaintext, token = store.create_token(maria.id, "one")
    assert not store.revoke_token(jose.id, token.id)  # only the owner may revoke
    assert store.verify_token(plaintext) == maria
    assert store.revoke_token(maria.id, token.id)
    assert store.verify_token(plaintext) is None
    other, _ = store.create_token(jose.id, "two")
    store.delete(jose.id)
    assert store.verify_token(other) is None and store.tokens(jose.id) == []


def test_session_stamp_changes_with_the_password(store):
    user = store.create("maria", PASSWORD, "editor")
    before = store.session_stamp(user.id)
    store.set_password(user.id, "another long one")
    assert store.session_stamp(user.id) not in (None, before)
    assert store.session_stamp(9999) is None


def test_login_attempts_count_failures_in_window_since_last_success(store):
    for at in (100.0, 101.0, 102.0):
        store.record_login_attempt("user:maria", False, now=at)
    store.record_login_attempt("user:jose", False, now=101.0)
    assert store.recent_failures("user:maria", 300, now=110.0) == 3
    assert store.recent_failures("user:maria", 8.5, now=110.0) == 1
    store.record_login_attempt("user:maria", True, now=111.0)
    store.record_login_attempt("user:maria", False, now=112.0)
    assert store.recent_failures("user:maria", 300, now=113.0) == 1
    assert store.recent_failures("user:jose", 300, now=113.0) == 1
    store.record_login_attempt("user:kim", False, now=200_000.0)  # prunes day-old rows
    assert store.db.execute("SELECT count(*) FROM login_attempts").fetchone()[0] == 1
