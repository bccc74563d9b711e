"""Behaviour chosen by keys in the rule data: every key the code acts on is declared by a
rule in the packs, and every key a rule may declare is one the code acts on."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lexicon_samples import GOOD_RULE

from campaigns import copy_rules
from framing.lexicon import LexiconError, load_lexicons
from framing.lexicon.kinds import CAMPAIGN_ROLES, REWRITES
from framing.rewrite import suggest
from framing.settings import lexicon_root

RULES = load_lexicons(lexicon_root()).rules


def test_every_rewrite_key_is_handled_and_used_by_a_rule():
    used = {rule.rewrite for rule in RULES if rule.rewrite}
    assert set(suggest.HANDLED_REWRITES) == set(REWRITES)
    assert used == set(REWRITES)


def test_every_campaign_role_is_read_and_played_by_a_rule():
    played = {rule.campaign for rule in RULES if rule.campaign}
    source = Path(copy_rules.__file__).read_text(encoding="utf-8")
    read = set(re.findall(r"""(?:ids\[|role_patterns\(lexicons, )"([a-z-]+)\"""", source))
    assert played == set(CAMPAIGN_ROLES)
    assert read == set(CAMPAIGN_ROLES)


def test_engine_roles_find_the_norms_and_help_rules():
    roles = copy_rules.engine_roles(load_lexicons(lexicon_root()))
    assert roles.majority is not None and roles.source_cues is not None
    assert all(roles.ids[role] for role in CAMPAIGN_ROLES)


@pytest.mark.parametrize("key", ["rewrite", "campaign"])
def test_an_unknown_key_value_names_file_and_key(tmp_path, key):
    root = tmp_path / "lexicons"
    (root / "guidelines").mkdir(parents=True)
    shutil.copytree(lexicon_root() / "sectors", root / "sectors")
    for name in ("topics.yaml", "allowlist.yaml"):
        shutil.copy(lexicon_root() / name, root / name)
    path = root / "guidelines" / "sample.yaml"
    path.write_text(GOOD_RULE.replace("    kind: term\n", f"    kind: term\n    {key}: no-such-thing\n"),
                    encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        load_lexicons(root)
    assert str(path) in str(caught.value) and key in str(caught.value)
