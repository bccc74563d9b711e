"""OpenAPI entries for the comparison routes (:mod:`webapp.api.compare`), put into the
API document by :mod:`webapp.api.openapi`.

Schemas named after the dataclasses they describe (framing.compare,
framing.store.comparisons), prefixed where a short name is taken already.
"""
from __future__ import annotations

from .core import (INT, KIND, NULLABLE_INT, NULLABLE_STR, NUM, STR, STRINGS, body, obj, ok,
                   operation, path_id, query, ref)

INTS = {"type": "array", "items": INT}
LABELS = {"type": "array", "items": STR, "minItems": 2, "maxItems": 2,
          "description": "Two variant labels: add a word diff from the first to the second"}
VARIANT_IN = obj({"label": STR, "text": STR, "source": STR}, ("label", "text"))
TARGETS_IN = {
    "profile_ids": {**INTS, "description": "Stored profiles to score against"},
    "sectors": {**STRINGS, "description": "Sector pack ids to score against"},
}
VARIANTS_IN = {
    "variants": {"type": "array", "items": VARIANT_IN, "minItems": 2, "maxItems": 50},
    "pitch_id": {**INT, "description": "Without 'variants': compare this pitch's versions"},
    "piece_id": {**INT, "description": "Without 'variants': compare this campaign piece's "
                 "versions (labelled v1, v2...; source piece:<id>/v<n>). Without profile_ids "
                 "and sectors, its campaign's partner profiles are the targets; saved with "
                 "piece_ref 'piece:<id>'"},
    "versions": {**INTS, "description": "With pitch_id or piece_id: only these version numbers"},
}
COUNTS = {"type": "object", "additionalProperties": INT}
DIFF_OP = obj({"op": STR, "before": STR, "after": STR})

SCHEMAS = {
    "CompareRequest": obj({**VARIANTS_IN, **TARGETS_IN, "kind": KIND, "diff": LABELS}),
    "TargetScore": obj({"score": {**NULLABLE_INT, "description": "Alignment 0-100"},
                        "priorities_reached": STRINGS, "leads_with": NULLABLE_STR,
                        "findings": INT, "errors": INT}),
    "ComparedVariant": obj({
        "label": STR, "text": STR, "source": STR, "words": INT, "sentences": INT,
        "readability": {"type": "object", "additionalProperties": NUM,
                        "description": "Formula key -> value"},
        "findings_by_severity": COUNTS, "findings_by_category": COUNTS,
        "per_target": {"type": "object", "additionalProperties": ref("TargetScore"),
                       "description": "By target key"},
        "better": {**STRINGS, "description": "Plain sentences: what it does better"},
        "worse": {**STRINGS, "description": "Plain sentences: what it does worse"},
        "findings": {"type": "array", "items": obj({
            "rule": STR, "category": STR, "severity": STR, "message": STR, "text": STR,
            "start": INT, "end": INT})}}),
    "ComparisonResult": obj({
        "kind": KIND, "packs_version": STR,
        "targets": {"type": "array", "items": obj({"key": STR, "label": STR,
                                                   "sector": NULLABLE_STR})},
        "variants": {"type": "array", "items": ref("ComparedVariant")},
        "matrix": {"type": "array", "items": {"type": "array", "items": NULLABLE_INT},
                   "description": "Scores: one row per variant, one column per target"},
        "best": {"type": "object", "additionalProperties": STR,
                 "description": "Target key -> label of the best-fitting variant"},
        "diff": obj({"before": STR, "after": STR, "ops": {"type": "array", "items": DIFF_OP}}),
    }, ("variants", "targets", "matrix", "best")),
    "ComparisonCreate": obj({"title": STR, **VARIANTS_IN, **TARGETS_IN, "kind": KIND,
                             "piece_ref": {**STR, "description": "The campaign piece compared "
                                           "(with piece_id: 'piece:<id>')"}},
                            ("title",)),
    "Comparison": obj({
        "id": INT, "title": STR, "kind": KIND,
        "variants": {"type": "array", "items": VARIANT_IN},
        "targets": {"type": "array", "items": obj({"key": STR, "profile_id": INT,
                                                   "sector": STR})},
        "created_at": STR, "created_by": STR, "pitch_id": NULLABLE_INT,
        "piece_ref": NULLABLE_STR}),
    "ComparisonDecision": obj({
        "id": INT, "comparison_id": INT, "variant_label": STR,
        "target_key": {**STR, "description": "A target key, or empty for the whole comparison"},
        "decided_by": STR, "decided_at": STR, "rationale": STR,
        "replaces": {**NULLABLE_INT, "description": "The decision this one reverses"},
        "replaced_by": {**NULLABLE_INT, "description": "The decision that reversed this one"}}),
    "ComparisonDecisionCreate": obj({"variant_label": STR, "target_key": STR, "rationale": STR,
                                     "replaces": INT}, ("variant_label", "rationale")),
    "ComparisonFeedback": obj({"id": INT, "comparison_id": INT, "variant_label": STR,
                               "votes": INT, "ratings": INTS, "note": STR, "created_at": STR,
                               "created_by": STR}),
    "ComparisonFeedbackCreate": obj({
        "variant_label": STR, "votes": {**INT, "minimum": 0},
        "ratings": {"type": "array", "items": {**INT, "minimum": 1, "maximum": 5}},
        "note": STR}, ("variant_label",)),
    "FeedbackSummary": obj({
        "variants": {"type": "object", "additionalProperties": obj({
            "votes": INT, "ratings": INTS, "people": INT,
            "mean_rating": {"type": ["number", "null"]}})},
        "sign_test": {"oneOf": [obj({"variants": STRINGS, "p": NUM}), {"type": "null"}]},
        "warning": {**STR, "description": "Plain words: small groups are not evidence"}}),
    "ComparisonDetail": obj({
        "comparison": ref("Comparison"), "result": ref("ComparisonResult"),
        "missing_targets": {**STRINGS, "description": "Targets whose profile was deleted"},
        "decisions": {"type": "array", "items": ref("ComparisonDecision")},
        "feedback": {"type": "array", "items": ref("ComparisonFeedback")},
        "feedback_summary": ref("FeedbackSummary")}),
}

TAG = "comparisons"
_ID = [path_id("comparison_id")]
PATHS = {
    "/compare": {
        "post": operation("compareVariants", "Compare variants against profiles and sectors",
                          "comparisons", ok("Scores, findings and notes per variant",
                                            ref("ComparisonResult")),
                          errors=(400, 401, 403, 404, 413, 429),
                          requestBody=body(ref("CompareRequest"))),
    },
    "/comparisons": {
        "get": operation("listComparisons", "Saved comparisons, newest first", "comparisons",
                         ok("Comparisons", obj({"comparisons": {
                             "type": "array", "items": ref("Comparison")}})),
                         parameters=[query("pitch_id", "Only this pitch's comparisons"),
                                     query("piece_ref", "Only this campaign piece's")]),
        "post": operation("createComparison", "Save a comparison", "comparisons",
                          ok("The comparison, scored", ref("ComparisonDetail"), "201"),
                          errors=(400, 401, 403, 404, 413, 429),
                          requestBody=body(ref("ComparisonCreate"))),
    },
    "/comparisons/{comparison_id}": {
        "parameters": _ID,
        "get": operation("getComparison", "A saved comparison, re-scored, with decisions and "
                         "feedback", "comparisons", ok("The comparison", ref("ComparisonDetail")),
                         errors=(400, 401, 403, 404, 413, 429),
                         parameters=[query("diff", "A variant label; give it twice (before, "
                                                   "after) for a word diff")]),
    },
    "/comparisons/{comparison_id}/decisions": {
        "parameters": _ID,
        "post": operation("decideComparison", "Record the variant chosen for a target "
                          "(immutable; reverse with 'replaces')", "comparisons",
                          ok("The decision", ref("ComparisonDecision"), "201"),
                          errors=(400, 401, 403, 404),
                          requestBody=body(ref("ComparisonDecisionCreate"))),
    },
    "/comparisons/{comparison_id}/feedback": {
        "parameters": _ID,
        "post": operation("addComparisonFeedback", "Record a small group's votes or ratings",
                          "comparisons", ok("The entry and the summary with its warning", obj(
                              {"feedback": ref("ComparisonFeedback"),
                               "summary": ref("FeedbackSummary")}), "201"),
                          errors=(400, 401, 403, 404),
                          requestBody=body(ref("ComparisonFeedbackCreate"))),
    },
}

