"""Profile store: validation, versions and snapshots, stale edits, concurrency, diff."""
from __future__ import annotations

import copy
import multiprocessing
import threading
from datetime import date, datetime, timezone

import pytest

from framing.lexicon import get_lexicons
from framing.store import connect
from framing.store import profiles as profiles_module
from framing.store.profiles import (Change, ProfileNotFound, ProfileStore, ProfileValidationError,
                                    StaleEdit, defaults_for_sector, validate_profile)

SECTORS = {"education", "labor", "media"}


def full_doc(**changes) -> dict:
    doc = {
        "name": "Lincoln Unified School District", "sector": "education",
        "tags": ["schools", "north county"], "notes": "Eight schools; Überlingen exchange",
        "politics": {"policy_culture": "evidence-driven", "fiscal_climate": "austerity",
                     "mandates": "LCAP",
                     "key_dates": [{"label": "School board election", "kind": "election",
                                    "date": "2026-11-03", "end": None, "notes": ""}]},
        "priorities": [{"id": "attendance", "label": "Attendance", "terms": ["chronic absence"]},
                       {"label": "Teacher workload", "terms": ["planning period"]}],
        "people": [{"name": "Dr. Ana Ruiz", "role": "Superintendent", "authority": "decides",
                    "motivations": "graduation rate", "owner": "Maria L.", "stance": 1,
                    "channel": "email"}],
        "power": [{"name": "Lincoln PTA Council", "kind": "advocacy", "influence": 4,
                   "interest": 3, "notes": ""}],
        "readiness": {"stage": 4, "dimensions": {"A": 4, "B": 3, "C": 5, "D": 4, "E": 3, "F": 2},
                      "assessed": "2026-03-01"},
        "capacity": "stretched", "vocabulary": ["whole child"],
        "avoid": [{"term": "mandatory", "instead": ["optional"], "why": "board pushback"}],
    }
    doc.update(changes)
    return doc




@pytest.fixture
def store(db):
    return ProfileStore(db, SECTORS)


# -- validation --------------------------------------------------------------------------------
def _set(doc, path, value):
    """Set a dotted path like 'politics.key_dates[0].date' (value ... = delete)."""
    *parents, last = path.replace("[", ".").replace("]", "").split(".")
    target = doc
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    key = int(last) if last.isdigit() else last
    if value is ...:
        del target[key]
    else:
        target[key] = value
    return doc


@pytest.mark.parametrize("path, value, field", [
    ("colour", "blue", "colour"),
    ("name", ..., "name"),
    ("name", "   ", "name"),
    ("name", 42, "name"),
    ("sector", "astrology", "sector"),
    ("tags", "schools", "tags"),
    ("vocabulary", ["ok", 3], "vocabulary[1]"),
    ("politics.policy_culture", "liberal", "politics.policy_culture"),
    ("politics.fiscal_climate", "boom", "politics.fiscal_climate"),
    ("politics.when", "now", "politics.when"),
    ("politics.key_dates[0].date", "2026-13-01", "politics.key_dates[0].date"),
    ("politics.key_dates[0].date", "11/03/2026", "politics.key_dates[0].date"),
    ("politics.key_dates[0].date", ..., "politics.key_dates[0].date"),
    ("politics.key_dates[0].end", "2026-11-01", "politics.key_dates[0].end"),
    ("politics.key_dates[0].kind", "party", "politics.key_dates[0].kind"),
    ("politics.key_dates[0].where", "x", "politics.key_dates[0].where"),
    ("priorities[1].label", "", "priorities[1]"),
    ("priorities[0].terms", "chronic absence", "priorities[0].terms"),
    ("priorities[0].terms", ..., "priorities[0].terms"),
    ("priorities[1].id", "attendance", "priorities[1].id"),
    ("people[0].authority", "boss", "people[0].authority"),
    ("people[0].stance", 3, "people[0].stance"),
    ("people[0].stance", True, "people[0].stance"),
    ("people[0].name", "", "people[0].name"),
    ("power[0].influence", 6, "power[0].influence"),
    ("power[0].interest", 0, "power[0].interest"),
    ("power[0].kind", "money", "power[0].kind"),
    ("readiness.stage", 10, "readiness.stage"),
    ("readiness.stage", 4.5, "readiness.stage"),
    ("readiness.stage", "four", "readiness.stage"),
    ("readiness.stage", float("inf"), "readiness.stage"),
    ("readiness.stage", 10 ** 400, "readiness.stage"),
    ("readiness", [], "readiness"),
    ("politics", "left", "politics"),
    ("readiness.dimensions.G", 3, "readiness.dimensions.G"),
    ("readiness.dimensions.A", 0, "readiness.dimensions.A"),
    ("readiness.assessed", "March 2026", "readiness.assessed"),
    ("capacity", "busy", "capacity"),
    ("avoid[0].term", ..., "avoid[0].term"),
    ("avoid[0].instead", "optional", "avoid[0].instead"),
    ("key_dates", [], "key_dates"),
])
def test_validation_errors_name_the_field(path, value, field):
    doc = _set(full_doc(), path, value)
    with pytest.raises(ProfileValidationError) as info:
        validate_profile(doc, SECTORS)
    assert info.value.field == field
    assert info.value.message and field in str(info.value)


def test_validation_normalizes_and_fills_defaults():
    raw = {"id": 9, "version": 3, "updated_by": "x", "name": "  Local 418 ", "sector": "labor",
           "tags": [" labor ", "Labor", ""], "politics": {"policy_culture": ""},
           "priorities": [{"id": "leave", "terms": [" safe leave ", "safe leave"]}],
           "readiness": {"stage": "3", "dimensions": {"A": 2.5, "B": 4.0}},
           "people": [{"name": "Rosa", "stance": "-2"}], "avoid": ["victims"]}
    before = copy.deepcopy(raw)
    doc = validate_profile(raw, SECTORS)
    assert raw == before  # the input is not modified
    assert "id" not in doc and "version" not in doc and "updated_by" not in doc
    assert doc["name"] == "Local 418"
    assert doc["tags"] == ["labor"]
    assert doc["politics"] == {"policy_culture": None, "fiscal_climate": None, "mandates": "",
                               "key_dates": []}
    assert doc["priorities"] == [{"id": "leave", "label": "", "terms": ["safe leave"]}]
    assert doc["readiness"] == {"stage": 3, "assessed": None, "dimensions": {"A": 2.5, "B": 4}}
    assert doc["people"][0]["stance"] == -2 and doc["people"][0]["authority"] is None
    assert doc["avoid"] == [{"term": "victims", "instead": [], "why": ""}]
    assert doc["capacity"] == "normal"
    assert doc["notes"] == "" and doc["vocabulary"] == [] and doc["power"] == []
    assert validate_profile(doc, SECTORS) == doc  # normalizing twice changes nothing


def test_non_object_document_is_rejected():
    with pytest.raises(ProfileValidationError):
        validate_profile(["not", "a", "profile"], SECTORS)


def test_defaults_for_sector_start_from_the_pack():
    pack = get_lexicons().sectors["education"]
    doc = defaults_for_sector(pack)
    assert [p["id"] for p in doc["priorities"]] == [p.id for p in pack.priorities]
    assert doc["priorities"][0]["terms"] == list(pack.priorities[0].terms)
    assert doc["people"] == [] and doc["power"] == [] and doc["politics"]["key_dates"] == []
    doc["name"] = "New school"
    assert validate_profile(doc, {"education"})["priorities"] == doc["priorities"]


# -- create, read, update, delete --------------------------------------------------------------
def test_create_get_update_history(store):
    created = store.create(full_doc(), "maria")
    assert created.version == 1 and created.updated_by == "maria"
    got = store.get(created.id)
    assert got == created
    doc = got.to_dict()
    assert doc["id"] == created.id and doc["version"] == 1 and doc["created_at"]
    doc["capacity"] = "overloaded"
    updated = store.update(created.id, doc, "jae", expected_version=1)
    assert updated.version == 2 and updated.created_at == created.created_at
    assert store.get(created.id).data["capacity"] == "overloaded"
    history = store.history(created.id)
    assert [s.version for s in history] == [2, 1]
    assert [s.saved_by for s in history] == ["jae", "maria"]
    assert history[1].data["capacity"] == "stretched"
    assert store.snapshot(history[1].id) == history[1]


def test_update_without_expected_version_always_saves(store):
    p = store.create(full_doc(), "maria")
    store.update(p.id, full_doc(notes="one"), "a")
    assert store.update(p.id, full_doc(notes="two"), "b").version == 3


def test_missing_profiles_raise(store):
    for call in (lambda: store.get(99), lambda: store.update(99, full_doc(), "x"),
                 lambda: store.delete(99), lambda: store.history(99),
                 lambda: store.snapshot(99), lambda: store.snapshot_as_of(99, "2026-01-01")):
        with pytest.raises(ProfileNotFound):
            call()


def test_invalid_update_writes_nothing(store):
    p = store.create(full_doc(), "maria")
    with pytest.raises(ProfileValidationError):
        store.update(p.id, full_doc(capacity="busy"), "x")
    assert store.get(p.id).version == 1 and len(store.history(p.id)) == 1


def test_delete_removes_history(store, db):
    p = store.create(full_doc(), "maria")
    store.delete(p.id)
    assert store.list() == []
    assert db.execute("SELECT COUNT(*) FROM profile_snapshots").fetchone()[0] == 0


def test_list_filters_and_sorting(store):
    store.create(full_doc(name="zeta Local", sector="labor", tags=["Labor"], notes=""), "m")
    store.create(full_doc(name="Älmhult Record", sector="media", tags=["media"],
                          notes="Weekly, ÉDITION française"), "m")
    store.create(full_doc(name="Alpha schools"), "m")
    names = lambda rows: [r.name for r in rows]  # noqa: E731
    assert names(store.list()) == ["Alpha schools", "zeta Local", "Älmhult Record"]
    assert names(store.list(sector="labor")) == ["zeta Local"]
    assert names(store.list(tag="labor")) == ["zeta Local"]
    assert names(store.list(q="édition")) == ["Älmhult Record"]
    assert names(store.list(q="ÄLM")) == ["Älmhult Record"]
    assert names(store.list(q="überlingen")) == ["Alpha schools"]  # matches notes
    summary = store.list(sector="education")[0]
    assert (summary.readiness_stage, summary.capacity) == (4, "stretched")
    assert store.tags() == ["Labor", "media", "north county", "schools"]


def test_to_engine_reads_the_document(store):
    engine = store.create(full_doc(), "maria").to_engine()
    pack = get_lexicons().sectors["education"]
    ranked = engine.effective_priorities(pack)
    assert ranked[0].id == "attendance" and "chronic absence" in ranked[0].terms
    assert engine.capacity == "stretched" and engine.readiness_stage == 4
    assert engine.avoid[0].term == "mandatory"


# -- stale edits and concurrency ---------------------------------------------------------------
def test_stale_edit_across_two_connections(db_path):
    db_a, db_b = connect(db_path), connect(db_path)
    try:
        a, b = ProfileStore(db_a, SECTORS), ProfileStore(db_b, SECTORS)
        p = a.create(full_doc(), "maria")
        loaded_a, loaded_b = a.get(p.id), b.get(p.id)
        b.update(p.id, full_doc(notes="Jae's edit"), "jae", expected_version=loaded_b.version)
        with pytest.raises(StaleEdit) as info:
            a.update(p.id, full_doc(notes="Maria's edit"), "maria",
                     expected_version=loaded_a.version)
        assert info.value.current_version == 2
        assert a.get(p.id).data["notes"] == "Jae's edit"
        assert [s.version for s in a.history(p.id)] == [2, 1]
    finally:
        db_a.conn.close()
        db_b.conn.close()


def _edit_loop(db_path, profile_id, worker, edits):
    """Read-modify-write with optimistic locking, retrying on StaleEdit."""
    db = connect(db_path)
    store = ProfileStore(db, SECTORS)
    try:
        for n in range(edits):
            while True:
                current = store.get(profile_id)
                doc = current.to_dict()
                doc["vocabulary"] = doc["vocabulary"] + [f"w{worker}-{n}"]
                try:
                    store.update(profile_id, doc, f"user{worker}",
                                 expected_version=current.version)
                    break
                except StaleEdit:
                    continue
    finally:
        db.conn.close()


def _assert_no_lost_edits(store, profile_id, workers, edits):
    profile = store.get(profile_id)
    assert profile.version == 1 + workers * edits
    expected = {f"w{w}-{n}" for w in range(workers) for n in range(edits)}
    assert expected <= set(profile.data["vocabulary"])
    versions = [s.version for s in store.history(profile_id)]
    assert versions == list(range(profile.version, 0, -1))


def test_concurrent_saves_from_threads_lose_nothing(db_path, store):
    p = store.create(full_doc(vocabulary=[]), "maria")
    threads = [threading.Thread(target=_edit_loop, args=(db_path, p.id, w, 10))
               for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    _assert_no_lost_edits(store, p.id, 4, 10)


def test_concurrent_saves_from_processes_lose_nothing(db_path, store):
    p = store.create(full_doc(vocabulary=[]), "maria")
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_edit_loop, args=(db_path, p.id, w, 8)) for w in range(3)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    _assert_no_lost_edits(store, p.id, 3, 8)


# -- snapshots by date and diff ----------------------------------------------------------------
def test_snapshot_as_of(store, monkeypatch):
    times = iter(["2026-01-10T09:00:00Z", "2026-03-05T12:00:00Z", "2026-03-05T18:00:00Z"])
    monkeypatch.setattr(profiles_module, "utcnow", lambda: next(times))
    p = store.create(full_doc(), "maria")
    store.update(p.id, full_doc(capacity="normal"), "maria")
    store.update(p.id, full_doc(capacity="ample"), "maria")
    version = lambda when: getattr(store.snapshot_as_of(p.id, when), "version", None)  # noqa: E731
    assert version("2026-01-09") is None
    assert version("2026-01-10") == 1
    assert version("2026-03-04") == 1
    assert version("2026-03-05") == 3  # the whole day counts
    assert version("2026-03-05T13:00:00Z") == 2
    assert version("2027-01-01") == 3
    assert store.snapshot_as_of(p.id, "2026-02-01").data["capacity"] == "stretched"
    assert version(date(2026, 3, 4)) == 1
    assert version(datetime(2026, 3, 5, 13, tzinfo=timezone.utc)) == 2


def test_diff_walks_nested_documents():
    before = full_doc()
    before.update(id=1, version=1, updated_at="2026-01-01T00:00:00Z")
    after = copy.deepcopy(before)
    after.update(id=2, version=9, updated_at="2026-02-02T00:00:00Z", capacity="ample")
    after["priorities"][1]["terms"] = ["planning period", "prep time"]
    after["politics"]["key_dates"][0]["date"] = "2026-11-04"
    after["people"].append({"name": "Marcus Bell"})
    after["tags"] = ["schools"]
    changes = ProfileStore.diff(before, after)
    assert Change("capacity", "stretched", "ample") in changes
    assert Change("priorities[1].terms", ["planning period"],
                  ["planning period", "prep time"]) in changes
    assert Change("politics.key_dates[0].date", "2026-11-03", "2026-11-04") in changes
    assert Change("people[1]", None, {"name": "Marcus Bell"}) in changes
    assert Change("tags", ["schools", "north county"], ["schools"]) in changes
    assert len(changes) == 5
    assert ProfileStore.diff(before, before) == []


def test_diff_between_stored_versions(store):
    p = store.create(full_doc(), "maria")
    store.update(p.id, full_doc(power=[]), "jae")
    new, old = store.history(p.id)
    changes = ProfileStore.diff(old.data, new.data)
    assert [c.path for c in changes] == ["power[0]"]
    assert changes[0].after is None
