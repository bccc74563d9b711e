"""Campaign checks: consistency, channel, norms, help resource; stored results, staleness."""
from __future__ import annotations

import pytest
from campaign_helpers import NORMS_POST, campaign_doc, make_store
from repo_paths import LEXICONS

from campaigns import piece_checks as checks
from campaigns.channels import CAMPAIGN_RULE_IDS, load_campaign_checks
from framing.findings import Finding
from framing.lexicon import get_lexicons
from framing.profile_schema import defaults_for_sector
from framing.store.profiles import ProfileStore


@pytest.fixture
def setup(tmp_path):
    store, (lusd, courier) = make_store(tmp_path)
    campaign = store.create_campaign(campaign_doc(lusd, courier), "maria")
    return store, campaign


def by_rule(findings: list[Finding], prefix: str) -> list[Finding]:
    return [f for f in findings if f.rule.startswith(prefix)]


def test_consistent_piece_has_no_consistency_findings(setup, analyzer):
    store, campaign = setup
    piece = store.add_piece(campaign.id, "instagram", "Post", NORMS_POST +
                            " Most of Us Lincoln. Need to talk? Call or text 988.", "maria")
    found = checks.findings_for(store, analyzer, piece.id)
    assert by_rule(found, "consistency.") == []
    assert by_rule(found, "campaign.") == []


def test_each_differing_campaign_element_is_flagged_at_its_span(setup, analyzer):
    store, campaign = setup
    body = ("Most Lincoln teens (4 out of 5) don't vape, according to the 2025 Lincoln Youth "
            "Survey. Most of us do not vape. Join the Most of Us Lincon challenge #MostOfUs2026 "
            "and if you need to talk, call or text 989.")
    piece = store.add_piece(campaign.id, "facebook", "Post", body, "maria")
    found = {f.rule: f for f in by_rule(checks.findings_for(store, analyzer, piece.id),
                                        "consistency.")}
    expected = {"consistency.tagline": ("Most of us do not vape", "Most of us don't vape."),
                "consistency.name": ("Most of Us Lincon", "Most of Us Lincoln"),
                "consistency.hashtag": ("#MostOfUs2026", "#MostOfUs"),
                "consistency.help-line": ("989", "988")}
    assert set(found) == set(expected)
    for rule, (text, value) in expected.items():
        finding = found[rule]
        assert finding.category == "consistency"
        assert finding.text == text == body[finding.start:finding.end]
        assert finding.suggestions == [value]
        assert finding.source is not None and finding.source.url.startswith("https://")
    assert found["consistency.help-line"].severity == "error"


def test_other_numbers_and_hashtags_are_left_alone(setup, analyzer):
    store, campaign = setup
    body = NORMS_POST + " #VapeFreeSpring Questions? Our office: 402-555-0147. Call or text 988."
    piece = store.add_piece(campaign.id, "linkedin", "Post", body, "maria")
    assert by_rule(checks.findings_for(store, analyzer, piece.id), "consistency.") == []


def test_channel_limits_become_channel_findings(setup, analyzer):
    store, campaign = setup
    body = NORMS_POST + " " + "Ask a friend how they stay vape-free this spring. " * 6
    piece = store.add_piece(campaign.id, "x", "Long post", body, "maria")
    body = piece.current.body  # stored without the trailing space
    [over] = [f for f in checks.findings_for(store, analyzer, piece.id)
              if f.rule == "channel.length"]
    assert (over.category, over.severity, over.start, over.end) == ("channel", "error", 280,
                                                                    len(body))
    assert over.message.startswith(f"{len(body)} characters; X post allows 280.")
    assert over.source.publisher.startswith("Ayrshare")
    sms = store.add_piece(campaign.id, "sms", "Text", NORMS_POST + " 😊 " + "x" * 200, "maria")
    assert [f.rule for f in checks.findings_for(store, analyzer, sms.id)
            if f.category == "channel"] == ["channel.sms-segments"]
    board = checks.dashboard(store, analyzer, campaign.id)
    row = next(r for r in board.rows if r.piece.id == piece.id)
    assert any(b.startswith("over channel limit: ") for b in row.blockers)


def test_norms_campaign_piece_needs_majority_norm_and_source(setup, analyzer):
    store, campaign = setup
    silent = store.add_piece(campaign.id, "poster", "Poster", "Vape-free spring fair on Friday! "
                             "#MostOfUs", "maria")
    assert [f.rule for f in by_rule(checks.findings_for(store, analyzer, silent.id),
                                    "campaign.norms")] == ["campaign.norms-majority"]
    unsourced = store.add_piece(campaign.id, "x", "Post", "Most of us don't vape. #MostOfUs",
                                "maria")
    found = checks.findings_for(store, analyzer, unsourced.id)
    source_rules = [f for f in found if f.rule in ("campaign.norms-source",
                                                   "norms.data-source-missing")]
    assert len(source_rules) == 1  # the engine's rule or ours, never both
    if source_rules[0].rule == "campaign.norms-source":
        assert "2025 Lincoln Youth Survey" in source_rules[0].message
    store.update_campaign(campaign.id, campaign_doc(type="awareness"), "maria")
    assert by_rule(checks.findings_for(store, analyzer, silent.id), "campaign.norms") == []


def test_norms_campaign_without_data_is_a_campaign_issue(setup, analyzer):
    store, campaign = setup
    store.update_campaign(campaign.id, campaign_doc(norms=None), "maria")
    [issue] = checks.dashboard(store, analyzer, campaign.id).issues
    assert (issue.rule, issue.category, issue.severity) == ("campaign.norms-data", "norms", "error")


def test_short_piece_on_suicide_needs_a_help_resource(setup, analyzer):
    store, campaign = setup
    store.update_campaign(campaign.id, campaign_doc(type="awareness"), "maria")
    piece = store.add_piece(campaign.id, "x", "Post", "Suicide is preventable. Check on a "
                            "friend this week. #MostOfUs", "maria")
    found = checks.findings_for(store, analyzer, piece.id)
    [help_] = by_rule(found, "campaign.help-resource")
    assert help_.category == "safe-messaging" and help_.suggestions == ["988"]
    assert help_.text.lower() == "suicide"
    store.edit_piece(piece.id, "Post", "Suicide is preventable. Check on a friend this week, "
                     "or call or text 988. #MostOfUs", "maria")
    assert by_rule(checks.findings_for(store, analyzer, piece.id), "campaign.help-resource") == []


def test_findings_are_stored_and_not_recomputed(setup, analyzer, monkeypatch):
    store, campaign = setup
    piece = store.add_piece(campaign.id, "x", "Post", NORMS_POST, "maria")
    first = checks.findings_for(store, analyzer, piece.id)
    calls = []
    monkeypatch.setattr(analyzer, "parse", lambda texts, **kw: calls.append(list(texts)) or [])
    assert checks.findings_for(store, analyzer, piece.id) == first
    board = checks.dashboard(store, analyzer, campaign.id)
    assert calls == [] and [r.stale for r in board.rows] == [False]
    [(packs, _, _)] = store.stored_checks([piece.current.id]).values()
    assert packs == analyzer.lexicons.version


def test_changed_packs_mark_results_stale_and_recheck_in_one_batch(setup, analyzer, monkeypatch):
    store, campaign = setup
    ids = [store.add_piece(campaign.id, "x", f"Post {i}", NORMS_POST + f" Day {i}.", "maria").id
           for i in range(3)]
    before = checks.dashboard(store, analyzer, campaign.id)
    # Simulate a rule-pack change: the stored results came from another packs version.
    store.db.execute("UPDATE piece_checks SET packs_version = 'old-packs'")
    stale = checks.dashboard(store, analyzer, campaign.id, recheck_stale=False)
    assert [r.stale for r in stale.rows] == [True] * 3
    assert all(any("out of date" in b for b in r.blockers) for r in stale.rows)
    assert [r.counts for r in stale.rows] == [r.counts for r in before.rows]
    batches = []
    real_parse = analyzer.parse
    monkeypatch.setattr(analyzer, "parse",
                        lambda texts, **kw: batches.append(len(texts)) or real_parse(texts, **kw))
    fresh = checks.dashboard(store, analyzer, campaign.id)
    assert batches == [3] and not any(r.stale for r in fresh.rows)
    stored = store.stored_checks([store.get_piece(i).current.id for i in ids])
    assert {row[0] for row in stored.values()} == {analyzer.lexicons.version}


def test_campaign_change_invalidates_stored_results(setup, analyzer):
    store, campaign = setup
    piece = store.add_piece(campaign.id, "x", "Post", NORMS_POST, "maria")
    assert by_rule(checks.findings_for(store, analyzer, piece.id), "consistency.hashtag") == []
    store.update_campaign(campaign.id, campaign_doc(hashtag="#MostOfUsLHS"), "maria")
    assert [f.text for f in checks.findings_for(store, analyzer, piece.id)
            if f.rule == "consistency.hashtag"] == ["#MostOfUs"]


def test_partner_approval_missing_is_a_blocker(setup, analyzer):
    store, campaign = setup
    piece = store.add_piece(campaign.id, "x", "Post", NORMS_POST, "maria")
    [row] = checks.dashboard(store, analyzer, campaign.id).rows
    assert "missing partner approval: Lincoln USD" in row.blockers  # co-sponsor, not the target
    assert row.signoffs == [("Lincoln USD", False)]
    store.add_review(store.get_piece(piece.id), "approve", "Contact 1",
                     profile_id=campaign.partners[0].profile_id, via="link")
    [row] = checks.dashboard(store, analyzer, campaign.id).rows
    assert not any("partner approval" in b for b in row.blockers)
    assert row.signoffs == [("Lincoln USD", True)]  # recorded against the partner who approved
    store.edit_piece(piece.id, "Post", NORMS_POST + " Updated.", "maria")
    [row] = checks.dashboard(store, analyzer, campaign.id).rows
    assert row.signoffs == [("Lincoln USD", False)]  # a new text needs a new sign-off


def test_campaign_check_data_is_complete_and_strict(tmp_path):
    data = load_campaign_checks()
    assert set(CAMPAIGN_RULE_IDS) <= set(data.rules)
    root = tmp_path / "lexicons"
    root.mkdir()
    source = LEXICONS
    (root / "topics.yaml").write_text((source / "topics.yaml").read_text())
    text = (source / "channels.yaml").read_text().replace("category: consistency",
                                                          "category: sameness", 1)
    (root / "channels.yaml").write_text(text)
    from framing.lexicon import LexiconError
    with pytest.raises(LexiconError, match="category"):
        load_campaign_checks(root)


def test_key_dates_are_judged_on_the_run_date_and_for_the_channel(setup, analyzer):
    """An op-ed deadline bears on copy for editors, not on an ad; an awareness month
    coming up is judged on the day the piece runs, not the day it is checked."""
    store, campaign = setup
    sectors = get_lexicons().sectors
    doc = defaults_for_sector(sectors["education"])
    doc["name"] = "Riverton Daily Record"
    doc["politics"]["key_dates"] = [
        {"label": "Op-ed submission deadline", "kind": "editorial", "date": "2027-02-15"},
        {"label": "Teen Dating Violence Awareness Month", "kind": "awareness",
         "date": "2027-02-01", "end": "2027-02-28"}]
    profile = ProfileStore(store.db, set(sectors)).create(doc, "maria")

    def timing(channel: str, run_date: str) -> set[str]:
        piece = store.add_piece(campaign.id, channel, f"{channel} {run_date}", NORMS_POST,
                                "maria", run_date=run_date, target_profile_id=profile.id)
        return {f.message.split(" (")[0] for f in checks.findings_for(store, analyzer, piece.id)
                if f.category == "timing"}

    assert timing("op-ed", "2027-01-20") == {"Op-ed submission deadline",
                                             "Teen Dating Violence Awareness Month"}
    assert timing("newspaper-ad", "2027-01-20") == {"Teen Dating Violence Awareness Month"}
    assert timing("newspaper-ad", "2027-10-01") == set()  # runs long after the window


def test_rules_ignored_for_the_target_partner_leave_its_pieces_and_come_back(setup, analyzer):
    from framing.store.ignored_rules import IgnoredRuleStore
    store, campaign = setup
    lusd = campaign.partners[0].profile_id
    body = NORMS_POST + " We utilize the survey in order to plan. #MostOfUs"
    piece = store.add_piece(campaign.id, "x", "Post", body, "maria", target_profile_id=lusd)
    assert by_rule(checks.findings_for(store, analyzer, piece.id), "plain.word.utilize")
    ignored = IgnoredRuleStore(store.db)
    ignored.ignore(lusd, "plain.word.utilize", "Say use", "maria")
    found = checks.findings_for(store, analyzer, piece.id)  # the stored result is stale now
    assert by_rule(found, "plain.word.utilize") == [] and by_rule(found, "plain.word.in-order")
    other = store.add_piece(campaign.id, "x", "Untargeted", body, "maria")
    assert by_rule(checks.findings_for(store, analyzer, other.id), "plain.word.utilize")
    ignored.restore(lusd, "plain.word.utilize")
    assert by_rule(checks.findings_for(store, analyzer, piece.id), "plain.word.utilize")
