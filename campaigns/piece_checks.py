"""Checking campaign pieces, with results stored per version, and the campaign dashboard.

A version's findings are computed once and stored with the rule-pack version
(``report.packs_version``) and a fingerprint of what else they depend on (the
campaign's tagline, hashtag, help line, name, type and norm data; the target
partner's profile version). A dashboard of 50 pieces reads 50 stored rows;
only results whose packs or context changed are stale, and those are
rechecked in one batch (``Analyzer.parse`` then ``Analyzer.report``).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from framing.engine import InputError, TextTooLarge
from framing.findings import SEVERITIES, SEVERITY_RANK, Finding, Source
from framing.profile import ProfileError
from framing.store.best_effort import try_write
from framing.store.ignored_rules import IgnoredRuleStore

from . import copy_rules
from .channels import CampaignChecks, Channel, channels_at, load_campaign_checks
from .models import Campaign, Piece


@dataclass
class DashboardRow:
    piece: Piece
    counts: dict[str, int]      # severity -> number of findings
    blockers: list[str]         # what stands between the piece and approval (or scheduling)
    stale: bool                 # the stored findings are out of date (not rechecked)
    # Each partner whose approval the piece needs: (name, approved the current text?).
    signoffs: list[tuple[str, bool]] = field(default_factory=list)


@dataclass
class Dashboard:
    rows: list[DashboardRow]
    # Campaign-level problems (e.g. a social-norms campaign without its norm data).
    issues: list[Finding] = field(default_factory=list)


@lru_cache(maxsize=4)
def _data(root: str) -> tuple[CampaignChecks, dict, float]:
    channels, rate = channels_at(root)
    return load_campaign_checks(Path(root)), channels, rate


def findings_for(store, analyzer, piece_id: int) -> list[Finding]:
    """The current version's findings: stored ones if fresh, else checked now and stored."""
    piece = store.get_piece(piece_id)
    campaign = store.get_campaign(piece.campaign_id)
    return _results(store, analyzer, campaign, [piece], recheck=True)[piece.id][0]


def dashboard(store, analyzer, campaign_id: int, recheck_stale: bool = True) -> Dashboard:
    """Each piece's status, findings by severity and blockers; stale results rechecked in a batch.

    With ``recheck_stale=False`` nothing is parsed: stale rows keep their old
    findings, are marked ``stale`` and list "checks out of date" as a blocker.
    """
    campaign = store.get_campaign(campaign_id)
    pieces = store.pieces(campaign_id)
    results = _results(store, analyzer, campaign, pieces, recheck=recheck_stale)
    data = _data(analyzer.lexicons.root)[0]
    rows = []
    for piece in pieces:
        findings, stale = results[piece.id]
        counts = {sev: sum(1 for f in findings if f.severity == sev) for sev in SEVERITIES}
        signed = signoffs(store, campaign, piece)
        rows.append(DashboardRow(piece, counts, _blockers(piece, findings, stale, signed),
                                 stale, signed))
    issue = copy_rules.norms_data_issue(campaign, data)
    return Dashboard(rows, [issue] if issue else [])


def signoffs(store, campaign: Campaign, piece: Piece) -> list[tuple[str, bool]]:
    """Each partner whose approval the piece needs, and whether they approved its current
    text (recorded against that partner, by link or by account)."""
    return [(p.name, review is not None) for p, review in store.signoffs(piece, campaign)]


def _blockers(piece: Piece, findings: list[Finding], stale: bool,
              signed: list[tuple[str, bool]]) -> list[str]:
    if piece.status in ("published", "archived"):
        return []
    blockers = [f"{'not checked' if f.rule == NOT_CHECKED else 'over channel limit'}: "
                f"{f.message}" for f in findings
                if f.category == "channel" and f.severity == "error"]
    errors = sum(1 for f in findings if f.severity == "error" and f.category != "channel")
    if errors:
        blockers.append(f"{errors} error finding{'s' if errors != 1 else ''} to fix")
    missing = [name for name, approved in signed if not approved]
    if missing:
        blockers.append(f"missing partner approval: {', '.join(missing)}")
    if stale:
        blockers.append("checks out of date (rule packs or campaign settings changed)")
    return blockers


def context_key(store, campaign: Campaign, piece: Piece, ignored: frozenset[str]) -> str:
    """A fingerprint of everything besides the text and packs that the findings depend on
    (``ignored``: the rules ignored for the piece's target partner)."""
    profile = store.profile(piece.target_profile_id)
    basis = {"name": campaign.name, "type": campaign.type, "tagline": campaign.tagline,
             "hashtag": campaign.hashtag, "help_line": campaign.help_line,
             "norms": campaign.norms, "channel": piece.channel,
             "profile": [profile.id, profile.version] if profile else None,
             # the checks an editor chose to ignore for that partner
             "ignored": sorted(ignored),
             # timing findings depend on the day the piece is judged for: its run
             # date, else the day of checking (so an undated piece is rechecked daily)
             "day": piece.run_date or date.today().isoformat()}
    return hashlib.sha256(json.dumps(basis, sort_keys=True).encode()).hexdigest()[:16]


def _results(store, analyzer, campaign: Campaign, pieces: list[Piece],
             recheck: bool) -> dict[int, tuple[list[Finding], bool]]:
    """piece id -> (findings, stale) from stored results, rechecking stale ones if asked."""
    packs = analyzer.lexicons.version
    stored = store.stored_checks([p.current.id for p in pieces])
    out, todo, keys = {}, [], {}
    ignored = _ignored(store, pieces)
    for piece in pieces:
        keys[piece.id] = context_key(store, campaign, piece, ignored[piece.target_profile_id])
        row = stored.get(piece.current.id)
        if row and row[0] == packs and row[1] == keys[piece.id]:
            out[piece.id] = (_load(row[2]), False)
        elif recheck:
            todo.append(piece)
        else:
            out[piece.id] = (_load(row[2]) if row else [], True)
    if todo:
        fresh = check_pieces(store, analyzer, campaign, todo, ignored)
        results = [(p.current.id, packs, keys[p.id],
                    json.dumps([f.to_dict() for f in fresh[p.id]])) for p in todo]
        # A cache: when the database cannot be written (maintenance mode, read-only or
        # full disk) the page still shows the fresh findings, and they are stored later.
        try_write(store.db, lambda: store.save_checks(results))
        out.update({pid: (found, False) for pid, found in fresh.items()})
    return out


def check_pieces(store, analyzer, campaign: Campaign, pieces: list[Piece],
                 ignored: dict[int | None, frozenset[str]]) -> dict[int, list[Finding]]:
    """Run the engine (one ``nlp.pipe`` batch) and the campaign checks on each piece,
    leaving out the rules ``ignored`` for its target partner (by profile id)."""
    data, channels, rate = _data(analyzer.lexicons.root)
    roles = copy_rules.engine_roles(analyzer.lexicons)
    checkable, refused = [], {}
    for piece in pieces:
        try:
            analyzer.validate_text(piece.current.body)
            checkable.append(piece)
        except TextTooLarge as exc:  # over a cap: campaign checks only, and say so
            refused[piece.id] = exc
        except InputError:
            pass  # not text the engine can read: campaign checks only
    # A script is checked as it is read aloud: stage directions and speaker labels
    # ("SFX:", "ANNOUNCER:") are blanked out, same length, so offsets hold.
    spoken = {p.id: channels[p.channel].spoken(p.current.body) if p.channel in channels
              else p.current.body for p in checkable}
    docs = dict(zip((p.id for p in checkable), analyzer.parse([spoken[p.id] for p in checkable])))
    out = {}
    for piece in pieces:
        text, engine, topics = piece.current.body, [], {}
        if piece.id in docs:
            sector, partner = _partner(store, analyzer, piece, channels.get(piece.channel))
            # Timing is judged on the day the piece runs, when it has one.
            report = analyzer.report(docs[piece.id], sector, partner, "campaign",
                                     today=_run_day(piece))
            engine, topics = report.findings, dict(docs[piece.id]._.framing_topics or {})
        found = list(engine)
        if piece.id in refused:
            found.append(not_checked(refused[piece.id]))
        found += copy_rules.channel_findings(text, channels.get(piece.channel), rate, data)
        found += copy_rules.consistency_findings(text, campaign, data)
        found += copy_rules.norms_findings(text, campaign, data, engine, roles)
        found += copy_rules.help_findings(text, campaign, data, engine, topics, roles)
        left_out = ignored[piece.target_profile_id]
        found = [f for f in found if f.rule not in left_out or f.rule == NOT_CHECKED]
        found.sort(key=lambda f: (f.start, -SEVERITY_RANK[f.severity], f.rule))
        out[piece.id] = found
    return out


def _ignored(store, pieces: list[Piece]) -> dict[int | None, frozenset[str]]:
    """The rules ignored for each of the pieces' target partners, read once per partner
    (none for a piece without one)."""
    rules = IgnoredRuleStore(store.db)
    return {pid: rules.rules(pid) for pid in {p.target_profile_id for p in pieces}}


# Reports on the app's own size caps, not on a guideline, so it is defined here rather
# than in channels.yaml and cites no source.
NOT_CHECKED = "campaign.not-checked"


def not_checked(exc: TextTooLarge) -> Finding:
    """The finding that says the guideline checks skipped a piece over one of the engine's
    caps (characters, lines, words and punctuation marks), naming the cap."""
    return Finding(rule=NOT_CHECKED, category="channel", severity="error",
                   message=(f"The guideline checks did not run: {exc.describe('the piece')}. "
                            "Split it into shorter pieces."),
                   start=0, end=0, text="", scope="document", line=1, column=1,
                   description="Pieces over the checker's size limits are not checked against "
                               "the messaging guidelines, so they cannot be approved as checked.")


def _run_day(piece: Piece) -> date | None:
    """The piece's run date, if it has a valid one."""
    try:
        return date.fromisoformat(piece.run_date) if piece.run_date else None
    except ValueError:
        return None


def _partner(store, analyzer, piece: Piece, channel: Channel | None):
    """The sector pack and engine profile of the piece's target partner (None, None if
    unset), without the key dates that do not bear on the piece's channel (an op-ed
    deadline on a newspaper ad)."""
    profile = store.profile(piece.target_profile_id)
    if profile is None:
        return None, None
    engine = profile.to_engine()
    if channel is not None and channel.unrelated_key_dates:
        engine = replace(engine, key_dates=tuple(
            d for d in engine.key_dates if d.kind not in channel.unrelated_key_dates))
    try:
        return analyzer.resolve(None, engine, "campaign")
    except (ProfileError, InputError):
        return None, None  # a profile the engine cannot use: check the copy on its own


def _load(raw: str) -> list[Finding]:
    findings = []
    for item in json.loads(raw):
        source = item.pop("source", None)
        findings.append(Finding(**item, source=Source(**source) if source else None))
    return findings
