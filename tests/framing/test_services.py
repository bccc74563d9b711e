"""The use cases shared by the HTML pages, the API and the CLI."""
from __future__ import annotations

import pytest

from campaigns.services import statuses_role_may_set
from campaigns.workflow import TRANSITIONS
from framing.services.limits import TextTooLong, check_length
from framing.validation import ValidationError


def test_check_length_accepts_the_limit_and_refuses_one_more():
    check_length("x" * 10, 10)
    check_length(None, 10)
    with pytest.raises(TextTooLong) as refused:
        check_length("x" * 11, 10, field="variants[2].text")
    error = refused.value
    assert isinstance(error, ValidationError)
    assert (error.field, error.size, error.limit) == ("variants[2].text", 11, 10)
    assert error.message == "11 characters; the limit is 10"


def test_reviewers_may_set_only_what_the_workflow_gives_them():
    assert statuses_role_may_set("reviewer") == {"approved", "changes-requested"}
    editor = statuses_role_may_set("editor")
    assert {"scheduled", "published", "archived"} <= editor
    every_target = {to for (_, to) in TRANSITIONS}
    assert statuses_role_may_set("admin") <= every_target
    assert statuses_role_may_set("nobody") == frozenset()


def test_a_damaged_stored_profile_is_unusable_not_a_crash(tmp_path):
    from framing.lexicon import get_lexicons
    from framing.services.checking import UnusableProfile, engine_profile
    from framing.store import connect, migrate
    from framing.store.migrations import MIGRATIONS
    from framing.store.profiles import ProfileStore, defaults_for_sector
    db = connect(tmp_path / "p.sqlite")
    migrate(db, MIGRATIONS)
    lexicons = get_lexicons()
    store = ProfileStore(db, set(lexicons.sectors))
    doc = {**defaults_for_sector(lexicons.sectors["education"]), "name": "Lincoln USD"}
    saved = store.create(doc, "maria")
    assert engine_profile(store.get(saved.id)).name == "Lincoln USD"
    db.execute("UPDATE profiles SET data = ? WHERE id = ?",
               ['{"name": "Lincoln USD", "priorities": 7}', saved.id])
    with pytest.raises(UnusableProfile) as refused:
        engine_profile(store.get(saved.id))
    assert refused.value.field == "profile_id" and "damaged" in refused.value.message
