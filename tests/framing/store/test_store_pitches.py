"""Pitch store: versions numbered 1, 2, 3... even under concurrent saves."""
from __future__ import annotations

import multiprocessing
import sqlite3
import threading

import pytest

from framing.store import connect
from framing.store.pitches import PitchNotFound, PitchStore
from framing.store.profiles import ProfileStore




@pytest.fixture
def pitches(db):
    return PitchStore(db)


@pytest.fixture
def profile_id(db):
    return ProfileStore(db, {"education"}).create(
        {"name": "Lincoln USD", "sector": "education"}, "maria").id


def test_create_and_add_versions(pitches, profile_id):
    pitch = pitches.create("  Attendance pitch ", "First draft.", "maria",
                           profile_id=profile_id, sector="education", note="start")
    assert pitch.title == "Attendance pitch" and pitch.kind == "pitch"
    assert pitch.version_count == 1 and pitch.latest.number == 1
    assert pitch.latest.note == "start" and pitch.created_by == "maria"
    v2 = pitches.add_version(pitch.id, "Second draft.", "jae", note="shorter ask")
    assert (v2.number, v2.created_by, v2.note) == (2, "jae", "shorter ask")
    pitches.add_version(pitch.id, "Third draft.", "maria")
    got = pitches.get(pitch.id)
    assert got.version_count == 3 and got.latest.text == "Third draft."
    assert [v.number for v in pitches.versions(pitch.id)] == [1, 2, 3]
    assert pitches.version(pitch.id, 2) == v2


def test_list_newest_first_and_by_profile(pitches, profile_id):
    a = pitches.create("A", "text a", "m", profile_id=profile_id)
    b = pitches.create("B", "text b", "m", sector="labor")
    c = pitches.create("C", "text c", "m", profile_id=profile_id, kind="campaign")
    assert [p.id for p in pitches.list()] == [c.id, b.id, a.id]
    assert [p.id for p in pitches.list(profile_id=profile_id)] == [c.id, a.id]
    assert pitches.list(profile_id=profile_id)[0].kind == "campaign"


def test_not_found(pitches):
    for call in (lambda: pitches.get(5), lambda: pitches.add_version(5, "x", "m"),
                 lambda: pitches.versions(5), lambda: pitches.version(5, 1),
                 lambda: pitches.delete(5)):
        with pytest.raises(PitchNotFound):
            call()
    p = pitches.create("A", "text", "m")
    with pytest.raises(PitchNotFound):
        pitches.version(p.id, 2)


@pytest.mark.parametrize("kwargs, field", [
    ({"title": "  "}, "title"), ({"text": ""}, "text"), ({"kind": "tweet"}, "kind"),
    ({"profile_id": 404}, "profile_id"), ({"title": "x" * 201}, "title"),
])
def test_create_rejects_bad_input(pitches, kwargs, field):
    args = {"title": "A pitch", "text": "Some text.", "user": "m", **kwargs}
    with pytest.raises(ValueError, match=field):
        pitches.create(**args)
    assert pitches.list() == []


def test_blank_version_is_rejected_and_numbers_stay_contiguous(pitches):
    p = pitches.create("A", "one", "m")
    with pytest.raises(ValueError):
        pitches.add_version(p.id, "   ", "m")
    assert pitches.add_version(p.id, "two", "m").number == 2


def test_deleting_profile_keeps_pitch(db, pitches, profile_id):
    p = pitches.create("A", "text", "m", profile_id=profile_id)
    ProfileStore(db, {"education"}).delete(profile_id)
    assert pitches.get(p.id).profile_id is None


def test_delete_pitch_removes_versions(db, pitches):
    p = pitches.create("A", "text", "m")
    pitches.add_version(p.id, "text 2", "m")
    pitches.delete(p.id)
    assert db.execute("SELECT COUNT(*) FROM pitch_versions").fetchone()[0] == 0


def test_unique_number_constraint(db, pitches):
    p = pitches.create("A", "text", "m")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO pitch_versions (pitch_id, number, text, created_at)"
                   " VALUES (?, 1, 'dup', 'now')", [p.id])


def _save_versions(db_path, pitch_id, worker, count):
    db = connect(db_path)
    try:
        store = PitchStore(db)
        for n in range(count):
            store.add_version(pitch_id, f"draft {worker}-{n}", f"user{worker}")
    finally:
        db.conn.close()


def _assert_numbering(pitches, pitch_id, total):
    versions = pitches.versions(pitch_id)
    assert [v.number for v in versions] == list(range(1, total + 1))
    assert len({v.text for v in versions}) == total  # no save lost
    assert pitches.get(pitch_id).version_count == total


def test_concurrent_versions_from_threads(db_path, pitches):
    p = pitches.create("A", "start", "m")
    threads = [threading.Thread(target=_save_versions, args=(db_path, p.id, w, 15))
               for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _assert_numbering(pitches, p.id, 1 + 4 * 15)


def test_concurrent_versions_from_processes(db_path, pitches):
    p = pitches.create("A", "start", "m")
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_save_versions, args=(db_path, p.id, w, 12)) for w in range(3)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    _assert_numbering(pitches, p.id, 1 + 3 * 12)
