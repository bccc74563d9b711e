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
