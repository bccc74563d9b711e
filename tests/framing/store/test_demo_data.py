"""Demo data: seeded once, valid, every lens filled, readable by the engine."""
from __future__ import annotations

import time
from datetime import date

import pytest

from framing.lexicon import get_lexicons
from framing.store import connect
from framing.store.demo import seed_demo_data
from framing.store.pitches import PitchStore
from framing.store.profiles import ProfileStore



@pytest.fixture
def store(db):
    return ProfileStore(db, set(get_lexicons().sectors))


def test_seeds_once(db, tmp_path):
    get_lexicons()  # loaded once per process; not part of the seeding cost
    started = time.perf_counter()
    assert seed_demo_data(db) is True
    assert time.perf_counter() - started < 2
    assert seed_demo_data(db) is False
    other = connect(tmp_path / "framing.sqlite")  # a second app process
    try:
        assert seed_demo_data(other) is False
    finally:
        other.conn.close()
    assert db.execute("SELECT COUNT(*) FROM profiles").fetchone()[0] == 8
    assert db.execute("SELECT COUNT(*) FROM pitches").fetchone()[0] == 3


def test_existing_profiles_block_seeding(db, store):
    store.create({"name": "Our own partner", "sector": "education"}, "maria")
    assert seed_demo_data(db) is False
    assert len(store.list()) == 1


def test_profiles_fill_every_lens(db, store):
    seed_demo_data(db)
    summaries = store.list()
    assert len({s.sector for s in summaries}) == 8
    assert len({s.readiness_stage for s in summaries}) >= 5
    assert len({s.capacity for s in summaries}) >= 3
    for summary in summaries:
        doc = store.get(summary.id).data
        assert doc["politics"]["policy_culture"] and doc["politics"]["fiscal_climate"]
        dates = [d["date"] for d in doc["politics"]["key_dates"]]
        assert dates and all("2026" <= d[:4] <= "2027" for d in dates)
        assert any(d > "2026-11-21" for d in dates)  # something still ahead
        assert doc["people"] and doc["power"] and doc["priorities"] and doc["vocabulary"]
        assert doc["readiness"]["stage"] and len(doc["readiness"]["dimensions"]) == 6
        assert all(p["label"] for p in doc["priorities"])
        assert store.get(summary.id).updated_by == "demo"


def test_profiles_convert_for_the_engine(db, store):
    seed_demo_data(db)
    packs = get_lexicons().sectors
    for summary in store.list():
        engine = store.get(summary.id).to_engine()
        assert engine.name == summary.name
        assert engine.key_dates
        ranked = engine.effective_priorities(packs[summary.sector])
        assert ranked and all(p.terms for p in ranked)


def test_pitches(db, store):
    seed_demo_data(db)
    pitches = PitchStore(db)
    by_title = {p.title: p for p in pitches.list()}
    assert len(by_title) == 3
    school = next(p for t, p in by_title.items() if t.startswith("Lincoln"))
    assert school.version_count == 2 and school.created_by == "demo"
    assert store.get(school.profile_id).name == "Lincoln Unified School District"
    partners = {store.get(p.profile_id).sector for p in by_title.values()}
    assert partners == {"education", "labor", "media"}


def test_revised_school_pitch_scores_better(db, store, analyzer):
    seed_demo_data(db)
    pitches = PitchStore(db)
    school = next(p for p in pitches.list() if p.title.startswith("Lincoln"))
    profile = store.get(school.profile_id).to_engine()
    first, second = (analyzer.analyze(v.text, profile=profile, today=date(2026, 11, 21))
                     for v in pitches.versions(school.id))
    score = lambda r: r.to_dict()["scores"]["alignment"]["score"]  # noqa: E731
    assert score(second) > score(first)
    assert len(second.to_dict()["findings"]) < len(first.to_dict()["findings"])


def test_demo_data_does_not_come_back_after_deleting_every_profile(tmp_path):
    from framing.lexicon import get_lexicons
    from framing.store import connect, migrate
    from webapp import MIGRATIONS
    from framing.store.demo import seed_demo_data
    from framing.store.profiles import ProfileStore
    db = connect(tmp_path / "once.sqlite")
    migrate(db, MIGRATIONS)
    assert seed_demo_data(db) is True
    store = ProfileStore(db, set(get_lexicons().sectors))
    for summary in store.list():
        store.delete(summary.id)
    assert seed_demo_data(db) is False and store.list() == []
