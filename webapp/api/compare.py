"""Variant comparison in the JSON API (described in :mod:`webapp.api.openapi.compare`).

``POST /compare`` is stateless. ``/comparisons`` saves a comparison (variants
typed in, a pitch's versions or a campaign piece's versions: ``piece_id``),
and takes immutable decisions and small-group feedback. Stored comparisons are
re-scored on every GET, against the profiles as they are now; a target whose
profile was deleted is listed in ``missing_targets``. With ``piece_id`` and no
targets, the piece's campaign partners are the targets.
"""
from __future__ import annotations

from flask import current_app, g, jsonify, request, url_for

from campaigns.store import CampaignStore, PieceNotFound
from framing.engine import KINDS, InputError, TextTooLarge
from framing.compare import targets_from
from framing.services.comparing import run_comparison as run_engine_comparison
from framing.services.limits import TextTooLong, check_length
from framing.store.comparisons import (MAX_TARGETS, MAX_VARIANTS, ComparisonNotFound,
                                       ComparisonStore)
from framing.store.pitches import PitchStore
from framing.store.profiles import ProfileNotFound

from ..errors import api_error
from ..extensions import get_analyzer, get_db
from ..rate_limit import analysis_limited
from .common import (ApiError, Routes, field, json_body, plain, profiles, requires, sector_packs,
                     store_value_error, too_large_message)

routes = Routes()


def register(bp) -> None:
    """Add these routes and error handlers to the API blueprint (called by the app factory)."""
    routes.register(bp)


routes.error(ComparisonNotFound, lambda exc: api_error(404, str(exc)))


def store() -> ComparisonStore:
    """The comparison store on this request's connection (sectors checked against packs)."""
    return ComparisonStore(get_db(), set(sector_packs()))


def list_field(data: dict, name: str, kind: type) -> list:
    """``data[name]`` as a list of ``kind`` (empty when absent); 400 otherwise."""
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(
            isinstance(v, kind) and not isinstance(v, bool) for v in value):
        expected = {int: "whole numbers", str: "text"}[kind]
        raise ApiError(400, f"{name!r} must be a list of {expected}.", name)
    return value


def piece_of(data: dict):
    """The campaign piece named by ``piece_id``; 400 naming ``piece_id`` when unknown."""
    piece_id = field(data, "piece_id", int)
    try:
        return CampaignStore(get_db()).get_piece(piece_id)
    except PieceNotFound:
        raise ApiError(400, f"'piece_id': no campaign piece {piece_id}.", "piece_id") from None


def piece_versions(data: dict) -> list[dict]:
    """The versions of ``piece_id`` (all, or the numbers in ``versions``) as variants
    labelled ``v1``, ``v2``... with source ``piece:<id>/v<n>``."""
    piece, pieces = piece_of(data), CampaignStore(get_db())
    numbers = list_field(data, "versions", int)
    try:
        versions = ([pieces.version(piece.id, n) for n in numbers] if numbers
                    else pieces.versions(piece.id))
    except PieceNotFound as exc:
        raise ApiError(400, f"'versions': {exc}.", "versions") from None
    return [{"label": f"v{v.number}", "text": v.body, "source": f"piece:{piece.id}/v{v.number}"}
            for v in versions]


def piece_partners(data: dict) -> list[int]:
    """The profile ids of the partners of ``piece_id``'s campaign (at most MAX_TARGETS)."""
    campaign = CampaignStore(get_db()).get_campaign(piece_of(data).campaign_id)
    return list(dict.fromkeys(p.profile_id for p in campaign.partners))[:MAX_TARGETS]


def variants_from_body(data: dict) -> list[dict]:
    """``variants`` ([{label, text, source?}]) or, without them, the versions of
    ``pitch_id`` or ``piece_id`` (all, or the numbers in ``versions``); 2 to 50 of them."""
    raw = data.get("variants")
    if raw is None and data.get("pitch_id") is not None and data.get("piece_id") is not None:
        raise ApiError(400, "Give either 'pitch_id' or 'piece_id', not both.", "piece_id")
    if raw is None and data.get("piece_id") is not None:
        raw = piece_versions(data)
    elif raw is None and data.get("pitch_id") is not None:
        pitch_id = field(data, "pitch_id", int)
        pitches = PitchStore(get_db())
        numbers = list_field(data, "versions", int)
        versions = ([pitches.version(pitch_id, n) for n in numbers] if numbers
                    else pitches.versions(pitch_id))
        raw = [{"label": f"Version {v.number}", "text": v.text,
                "source": f"pitch:{pitch_id}/v{v.number}"} for v in versions]
    if not isinstance(raw, list) or not all(isinstance(v, dict) for v in raw):
        raise ApiError(400, "'variants' must be a list of {label, text} (or give a pitch_id "
                            "or piece_id to compare its versions).", "variants")
    if not 2 <= len(raw) <= MAX_VARIANTS:
        raise ApiError(400, f"Compare between 2 and {MAX_VARIANTS} variants.", "variants")
    limit = current_app.config["MAX_TEXT_CHARS"]
    for i, v in enumerate(raw):
        for name in ("label", "text"):
            if not isinstance(v.get(name), str) or not v[name].strip():
                raise ApiError(400, f"variants[{i}].{name} is required text.", "variants")
        try:
            check_length(v["text"], limit, f"variants[{i}].text")
        except TextTooLong as exc:
            raise ApiError(413, f"variants[{i}] is {exc.size:,} characters; the limit "
                                f"is {exc.limit:,}.", "variants") from None
    return raw


def run_comparison(variants: list[dict], profile_ids: list[int], sectors: list[str],
                   kind: str, skip_missing: bool = False):
    """(ComparisonResult, missing target keys) for plain variant and target lists."""
    if len(profile_ids) + len(sectors) > MAX_TARGETS:
        raise ApiError(400, f"Compare against at most {MAX_TARGETS} profiles and sectors.",
                       "sectors" if sectors else "profile_ids")
    missing = []
    if skip_missing:  # stored comparisons outlive profiles; score the ones still here
        missing = [f"profile:{pid}" for pid in profile_ids if not _profile_exists(pid)]
        profile_ids = [pid for pid in profile_ids if f"profile:{pid}" not in missing]
    try:
        targets = targets_from(profiles(), profile_ids, sectors, sector_packs())
    except ProfileNotFound as exc:
        raise ApiError(400, str(exc).capitalize() + ".", "profile_ids") from None
    except ValueError as exc:
        raise store_value_error(exc) from None
    try:
        result = run_engine_comparison(
            get_analyzer(), [(v["label"], v["text"], v.get("source")) for v in variants],
            targets, kind=kind)
    except TextTooLarge as exc:  # over a cap (engine.Analyzer.check_cost); names the variant
        raise ApiError(413, too_large_message(exc), "variants") from None
    except InputError as exc:
        raise ApiError(400, str(exc), "variants") from None
    except ValueError as exc:
        raise store_value_error(exc) from None
    return result, missing


def _profile_exists(pid: int) -> bool:
    try:
        profiles().get(pid)
        return True
    except ProfileNotFound:
        return False


def result_body(result, data_or_args) -> dict:
    """The result's JSON, plus a word diff when ``diff`` names two variant labels."""
    body = result.to_dict()
    labels = (data_or_args.getlist("diff") if hasattr(data_or_args, "getlist")
              else data_or_args.get("diff"))
    if labels:
        if not isinstance(labels, list) or len(labels) != 2:
            raise ApiError(400, "'diff' must name two variant labels.", "diff")
        try:
            body["diff"] = {"before": labels[0], "after": labels[1],
                            "ops": result.diff(labels[0], labels[1])}
        except KeyError as exc:
            raise ApiError(400, f"No variant labelled {exc.args[0]!r}.", "diff") from None
    return body


def targets_from_body(data: dict) -> tuple[list[int], list[str]]:
    """``profile_ids`` and ``sectors``; with neither, a ``piece_id``'s campaign partners."""
    profile_ids, sectors = list_field(data, "profile_ids", int), list_field(data, "sectors", str)
    if not profile_ids and not sectors and data.get("piece_id") is not None:
        profile_ids = piece_partners(data)
    return profile_ids, sectors


@routes.post("/compare")
@requires("check")
@analysis_limited
def compare_variants():
    """Compare variants against stored profiles and sector packs, without saving."""
    data = json_body()
    kind = field(data, "kind", str, default="pitch", choices=KINDS)
    result, _ = run_comparison(variants_from_body(data), *targets_from_body(data), kind)
    return jsonify(result_body(result, data))


@routes.get("/comparisons")
@requires("read")
def list_comparisons():
    """Saved comparisons, newest first; ``pitch_id`` or ``piece_ref`` narrow the list."""
    pitch_id = request.args.get("pitch_id", type=int)
    items = store().list(pitch_id=pitch_id, piece_ref=request.args.get("piece_ref") or None)
    return jsonify({"comparisons": plain(items)})


def comparison_body(comparison_id: int, args=None, scored=None) -> dict:
    """A saved comparison, re-scored (unless ``scored`` is given), with its decisions
    and feedback."""
    comparisons = store()
    comparison = comparisons.get(comparison_id)
    if scored is None:
        ids = [t["profile_id"] for t in comparison.targets if "profile_id" in t]
        sectors = [t["sector"] for t in comparison.targets if "sector" in t]
        scored = run_comparison(plain(comparison.variants), ids, sectors, comparison.kind,
                                skip_missing=True)
    result, missing = scored
    return {"comparison": plain(comparison), "result": result_body(result, args or {}),
            "missing_targets": missing,
            "decisions": plain(comparisons.decisions(comparison_id)),
            "feedback": plain(comparisons.feedback(comparison_id)),
            "feedback_summary": comparisons.feedback_summary(comparison_id)}


@routes.post("/comparisons")
@requires("edit")
@analysis_limited
def create_comparison():
    """Save a comparison (typed variants, a pitch's or a piece's versions), scored."""
    data = json_body()
    title = field(data, "title", str, required=True)
    kind = field(data, "kind", str, default="pitch", choices=KINDS)
    variants = variants_from_body(data)
    profile_ids, sectors = targets_from_body(data)
    targets = [{"profile_id": p} for p in profile_ids] + [{"sector": s} for s in sectors]
    piece_ref = field(data, "piece_ref", str)
    if data.get("piece_id") is not None:
        piece_ref = f"piece:{piece_of(data).id}"
    # Score first: a text the engine refuses should not leave a saved comparison behind.
    scored = run_comparison(variants, [t["profile_id"] for t in targets if "profile_id" in t],
                            [t["sector"] for t in targets if "sector" in t], kind)
    try:
        saved = store().create(title, variants, targets, g.user.username, kind=kind,
                               pitch_id=field(data, "pitch_id", int),
                               piece_ref=piece_ref)
    except ValueError as exc:
        raise store_value_error(exc) from None
    return jsonify(comparison_body(saved.id, scored=scored)), 201, {
        "Location": url_for("api.get_comparison", comparison_id=saved.id)}


@routes.get("/comparisons/<int:comparison_id>")
@requires("read")
@analysis_limited  # re-scored on every read
def get_comparison(comparison_id: int):
    """A saved comparison, re-scored; ``?diff=A&diff=B`` adds a word diff."""
    return jsonify(comparison_body(comparison_id, request.args))


@routes.post("/comparisons/<int:comparison_id>/decisions")
@requires("edit")
def decide(comparison_id: int):
    """Record which variant was chosen for a target, and why (immutable)."""
    data = json_body()
    try:
        decision = store().decide(
            comparison_id, field(data, "variant_label", str, required=True),
            field(data, "target_key", str, default=""), g.user.username,
            field(data, "rationale", str, required=True), replaces=field(data, "replaces", int))
    except ValueError as exc:
        raise store_value_error(exc) from None
    return jsonify(plain(decision)), 201, {
        "Location": url_for("api.get_comparison", comparison_id=comparison_id)}


@routes.post("/comparisons/<int:comparison_id>/feedback")
@requires("edit")
def add_feedback(comparison_id: int):
    """Record a small group's votes or ratings for a variant; returns the summary too."""
    data = json_body()
    comparisons = store()
    try:
        item = comparisons.add_feedback(
            comparison_id, field(data, "variant_label", str, required=True), g.user.username,
            votes=data.get("votes", 0), ratings=data.get("ratings"),
            note=field(data, "note", str, default=""))
    except ValueError as exc:
        raise store_value_error(exc) from None
    return jsonify({"feedback": plain(item),
                    "summary": comparisons.feedback_summary(comparison_id)}), 201
