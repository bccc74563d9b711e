"""Store side of sign-in: the attempt log, session rows, token expiry, best-effort writes."""
from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from framing.store import connect, migrate
from webapp import MIGRATIONS
from framing.store.accounts import AccountStore
from framing.store.best_effort import try_write
from framing.store.sessions import SessionStore
from framing.store.sign_in_log import RETENTION_SECONDS, SignInLog

PASSWORD = "correct horse battery"



def test_pair_failures_count_since_the_pairs_last_success(db):
    log = SignInLog(db)
    for at in (100.0, 101.0, 102.0):
        log.record("Maria", "10.0.0.1", False, now=at)
    log.record("maria", "10.0.0.2", False, now=103.0)
    assert log.pair_failures("MARIA", "10.0.0.1", since=0) == (3, 102.0)
    assert log.pair_failures("maria", "10.0.0.1", since=101.5) == (1, 102.0)
    log.record("maria", "10.0.0.1", True, now=104.0)
    assert log.pair_failures("maria", "10.0.0.1", since=0) == (0, 0)
    assert log.pair_failures("maria", "10.0.0.2", since=0) == (1, 103.0)  # other address


def test_usernames_failed_from_an_address_are_counted_once_each(db):
    log = SignInLog(db)
    for name in ("a", "a", "b", "c"):
        log.record(name, "10.0.0.9", False, now=500.0)
    log.record("d", "10.0.0.8", False, now=500.0)
    assert log.usernames_failed_from("10.0.0.9", since=0) == 3
    assert log.usernames_failed_from("10.0.0.9", since=501) == 0


def test_failures_since_last_success_and_retention(db):
    log = SignInLog(db)
    log.record("maria", "10.0.0.1", False, now=10.0)
    log.record("maria", "10.0.0.1", True, now=20.0)
    log.record("maria", "10.0.0.1", False, now=30.0)
    log.record("maria", "10.0.0.3", False, now=40.0)
    log.record("maria", "10.0.0.3", False, now=50.0)
    got = [(f.address, f.count, f.last_at) for f in log.failures_since_last_success("Maria")]
    assert got == [("10.0.0.3", 2, 50.0), ("10.0.0.1", 1, 30.0)]
    log.record("jose", "10.0.0.1", False, now=60.0 + RETENTION_SECONDS)  # prunes old rows
    assert log.failures_since_last_success("maria") == []


def test_ending_an_unrecorded_session_leaves_a_marker(db):
    accounts = AccountStore(db)
    user = accounts.create("maria", PASSWORD, "editor")
    sessions = SessionStore(db)
    sessions.end("never-recorded", user.id, created_at=1.0, now=2.0)
    assert sessions.find("never-recorded").ended_at == 2.0
    sessions.record("never-recorded", user.id, 1.0, 3.0)  # recording later cannot revive it
    assert sessions.find("never-recorded").ended_at == 2.0


def test_ending_all_sessions_raises_the_stamp(db):
    accounts = AccountStore(db)
    user = accounts.create("maria", PASSWORD, "editor")
    sessions = SessionStore(db)
    for sid in ("one", "two", "three"):
        sessions.record(sid, user.id, 1.0, 1.0)
    before = accounts.session_stamp(user.id)
    assert sessions.end_all(user.id, now=5.0, keep_sid="two") == 2
    assert [sessions.find(s).ended_at for s in ("one", "two", "three")] == [5.0, None, 5.0]
    assert accounts.session_stamp(user.id) != before


def test_token_lifetime_and_revocation_in_the_store(db):
    accounts = AccountStore(db)
    user = accounts.create("maria", PASSWORD, "editor")
    plaintext, token = accounts.create_token(user.id, "script", days=1)
    assert token.expires_at > token.created_at
    assert accounts.verify_token(plaintext) == user
    with pytest.raises(ValueError, match="lifetime"):
        accounts.create_token(user.id, "forever", days=0)
    accounts.set_password(user.id, "another long passphrase")
    assert accounts.verify_token(plaintext) is None and accounts.tokens(user.id) == []
    second, _ = accounts.create_token(user.id, "again")
    accounts.create("root", PASSWORD, "admin")
    accounts.set_role(user.id, "reviewer")
    assert accounts.verify_token(second) is None


def test_try_write_skips_only_what_the_database_cannot_take(db_path, db):
    db.execute("CREATE TABLE t (x INTEGER)")
    assert try_write(db, lambda: db.execute("INSERT INTO t VALUES (1)"))
    read_only = connect(db_path, read_only=True)
    assert not try_write(read_only, lambda: read_only.execute("INSERT INTO t VALUES (2)"))
    uri = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    ro_file = sqlite_utils.Database(uri)
    assert not try_write(ro_file, lambda: ro_file.execute("INSERT INTO t VALUES (3)"))
    with pytest.raises(sqlite3.OperationalError):  # a real bug is not swallowed
        try_write(db, lambda: db.execute("INSERT INTO no_such_table VALUES (1)"))
    assert db.execute("SELECT x FROM t").fetchall() == [(1,)]


def test_upgrade_gives_old_tokens_a_lifetime_and_ends_reviewer_tokens(db):
    accounts = AccountStore(db)
    editor = accounts.create("eddie", PASSWORD, "editor")
    reviewer = accounts.create("rita", PASSWORD, "reviewer")
    # The database as it was before tokens expired: no column, migration not applied.
    db.execute("ALTER TABLE api_tokens DROP COLUMN expires_at")
    db.execute("DELETE FROM migrations WHERE name = '0006_api_token_expiry'")
    for user, digest in ((editor, "a" * 64), (reviewer, "b" * 64)):
        db.execute("INSERT INTO api_tokens (user_id, label, token_hash, created_at) "
                   "VALUES (?, 'old', ?, '2020-01-01T00:00:00Z')", [user.id, digest])
    db.conn.commit()
    assert migrate(db, MIGRATIONS) == ["0006_api_token_expiry"]
    (kept,) = accounts.tokens(editor.id)
    assert not kept.expired and kept.expires_at > "2020"
    assert accounts.tokens(reviewer.id) == []


def test_try_write_skips_a_full_disk(db):
    def full():
        raise sqlite3.OperationalError("database or disk is full")
    assert try_write(db, full) is False
