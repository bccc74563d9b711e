"""Loading ``lexicons/structure.yaml``: the patterns that tell a message's parts apart.

The file holds what a line looks like when it is not part of the message body
(subject line, salutation, closing, signature, byline, dateline, contact block,
``###``), which lines announce a list of words to avoid, and what makes a text
advice to writers or a news report. :mod:`framing.structure` applies them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from typing import Any

from ..typography import PlainPattern
from .schema import Checker, LexiconError

FRAME_KINDS = ("subject", "header", "salutation", "closing", "separator", "byline", "dateline", "contact")


def _any(patterns: list[str]) -> PlainPattern:
    """One pattern for any of ``patterns``, run on the plain form of the text (curly
    quotes and dashes match their plain forms); ``^`` anchors at a line start. Frame
    and heading patterns are used with ``match`` on one stripped line."""
    return PlainPattern(re.compile("|".join(f"(?:{p})" for p in patterns),
                                   re.IGNORECASE | re.MULTILINE))


@dataclass(frozen=True)
class StructureSpec:
    """Compiled patterns of ``structure.yaml``."""

    frame_lines: dict[str, PlainPattern]
    headline_max_words: int
    mention_headings: PlainPattern
    mention_intros: PlainPattern
    mention_block_end: PlainPattern
    advice_cues: PlainPattern
    advice_writing: PlainPattern
    advice_prescriptive: PlainPattern
    advice_min_sentences: int
    advice_min_share: float
    attribution: PlainPattern
    reporting_min_share: float
    reporting_min_sentences: int
    # A page that tells how an institution handles cases (police and court
    # procedures, a Title IX reporting page, what an inquest decides): modal
    # sentences and procedure words in a share of its sentences, few "you".
    procedure_modal: PlainPattern | None = None
    procedure_cues: PlainPattern | None = None
    procedure_reader: PlainPattern | None = None
    procedure_min_sentences: int = 4
    procedure_min_modal_share: float = 1.0
    procedure_min_cue_share: float = 1.0
    procedure_max_reader_share: float = 0.0
    # An official act (a proclamation or resolution): clauses opening with "WHEREAS",
    # or the words that enact it ("do hereby proclaim", "be it resolved").
    proclamation_clauses: PlainPattern | None = None
    # A line after the greeting that speaks to the reader ("Hope you are well") opens
    # the body, however short: not a title.
    headline_speaks: PlainPattern | None = None
    proclamation_acts: PlainPattern | None = None
    proclamation_min_clauses: int = 2
    # News of a law, a bill or funding: its opening sentences name one (``acts``) and
    # tell no act of violence (``incidents``), no sentence speaks to the reader and at
    # most ``max_incidents`` sentences in all tell one.
    policy_acts: PlainPattern | None = None
    policy_reader: PlainPattern | None = None
    policy_incidents: PlainPattern | None = None
    # What a survey, poll or study found, told in the lead: such news tells no incident.
    policy_findings: PlainPattern | None = None
    # A survey's answer ("18% said they had been harassed") counts people, no case.
    policy_counts: PlainPattern | None = None
    policy_lead_sentences: int = 2
    policy_max_incidents: int = 1
    # A case: a sentence tells of an act of violence done to someone, or of someone
    # arrested, charged, tried or sentenced for one (the policy ``incidents`` count too).
    # A text that tells none is about the issue in general.
    case_acts: PlainPattern | None = None
    # Harm told as an act ("sexually assaulted", "hit her"), which, like the policy
    # incidents, a sentence that counts people ("one in four women") tells of no case.
    case_harm: PlainPattern | None = None
    case_statistics: PlainPattern | None = None
    # Harm named but not told as done: a risk of it, its prevention, cases of it counted.
    case_generic: PlainPattern | None = None
    # A template's note to whoever fills it in ("(do not specify reason if death by
    # suicide)", "[insert the counselor's name]"): its words are talked about, not used.
    writer_notes: PlainPattern | None = None

    def sentence_patterns(self) -> tuple[PlainPattern, ...]:
        """The patterns searched in each sentence (advice, attribution, procedure)."""
        found = (self.advice_cues, self.advice_writing, self.advice_prescriptive,
                 self.attribution)
        return found + tuple(p for p in (self.procedure_modal, self.procedure_cues,
                                         self.procedure_reader, self.proclamation_clauses,
                                         self.proclamation_acts, self.policy_acts,
                                         self.policy_reader, self.policy_incidents,
                                         self.policy_counts, self.policy_findings)
                       if p is not None)


def load_structure(path: Path, raw: Any) -> StructureSpec:
    """Validate and compile ``structure.yaml``'s parsed content ``raw`` (errors name the
    file and key)."""
    check = Checker(path)
    data = check.mapping(raw, "", {
        "source": check.text,
        "frame_lines": lambda v, k: check.mapping(v, k, {name: check.regexes for name in FRAME_KINDS}),
        "headline": lambda v, k: check.mapping(v, k, {"max_words": check.integer},
                                               {"speaks_to_reader": check.regexes}),
        "mention_headings": check.regexes,
        "mention_intros": check.regexes,
        "mention_block_end": check.regexes,
        "advice": lambda v, k: check.mapping(v, k, {
            "min_sentences": check.integer, "min_share": check.number, "cues": check.regexes,
            "writing": check.regexes, "prescriptive": check.regexes}),
        "reporting": lambda v, k: check.mapping(v, k, {
            "min_attributed_share": check.number, "min_sentences": check.integer,
            "attribution": check.regexes}),
    }, {
        "procedure": lambda v, k: check.mapping(v, k, {
            "min_sentences": check.integer, "min_modal_share": check.number,
            "min_cue_share": check.number, "max_reader_share": check.number,
            "modal": check.regexes, "cues": check.regexes, "reader": check.regexes}),
        "proclamation": lambda v, k: check.mapping(v, k, {
            "min_clauses": check.integer, "clauses": check.regexes, "acts": check.regexes}),
        "policy": lambda v, k: check.mapping(v, k, {
            "lead_sentences": check.integer, "max_incidents": check.integer,
            "acts": check.regexes, "reader": check.regexes, "incidents": check.regexes},
            {"counts": check.regexes, "findings": check.regexes}),
        "case": lambda v, k: check.mapping(v, k, {"acts": check.regexes},
                                           {"harm": check.regexes, "statistics": check.regexes,
                                            "generic": check.regexes}),
        "writer_notes": check.regexes,
    })
    for key, value in (("advice.min_share", data["advice"]["min_share"]),
                       ("reporting.min_attributed_share", data["reporting"]["min_attributed_share"])):
        if not 0 <= value <= 1:
            raise LexiconError(path, key, f"expected a share between 0 and 1, got {value}")
    advice, reporting = data["advice"], data["reporting"]
    procedure = data.get("procedure")
    if procedure is not None:
        for key in ("min_modal_share", "min_cue_share", "max_reader_share"):
            if not 0 <= procedure[key] <= 1:
                raise LexiconError(path, f"procedure.{key}",
                                   f"expected a share between 0 and 1, got {procedure[key]}")
    procedure_fields = {} if procedure is None else dict(
        procedure_modal=_any(procedure["modal"]), procedure_cues=_any(procedure["cues"]),
        procedure_reader=_any(procedure["reader"]),
        procedure_min_sentences=procedure["min_sentences"],
        procedure_min_modal_share=procedure["min_modal_share"],
        procedure_min_cue_share=procedure["min_cue_share"],
        procedure_max_reader_share=procedure["max_reader_share"])
    proclamation = data.get("proclamation")
    proclamation_fields = {} if proclamation is None else dict(
        proclamation_clauses=_any(proclamation["clauses"]),
        proclamation_acts=_any(proclamation["acts"]),
        proclamation_min_clauses=proclamation["min_clauses"])
    policy = data.get("policy")
    policy_fields = {} if policy is None else dict(
        policy_acts=_any(policy["acts"]), policy_reader=_any(policy["reader"]),
        policy_incidents=_any(policy["incidents"]),
        policy_counts=_any(policy["counts"]) if policy.get("counts") else None,
        policy_findings=_any(policy["findings"]) if policy.get("findings") else None,
        policy_lead_sentences=policy["lead_sentences"],
        policy_max_incidents=policy["max_incidents"])
    return StructureSpec(
        frame_lines={name: _any(p) for name, p in data["frame_lines"].items()},
        headline_max_words=data["headline"]["max_words"],
        headline_speaks=(_any(data["headline"]["speaks_to_reader"])
                         if data["headline"].get("speaks_to_reader") else None),
        mention_headings=_any(data["mention_headings"]),
        mention_intros=_any(data["mention_intros"]),
        mention_block_end=_any(data["mention_block_end"]),
        advice_cues=_any(advice["cues"]),
        advice_writing=_any(advice["writing"]),
        advice_prescriptive=_any(advice["prescriptive"]),
        advice_min_sentences=advice["min_sentences"],
        advice_min_share=advice["min_share"],
        attribution=_any(reporting["attribution"]),
        reporting_min_share=reporting["min_attributed_share"],
        reporting_min_sentences=reporting["min_sentences"],
        writer_notes=_any(data["writer_notes"]) if data.get("writer_notes") else None,
        case_acts=_any(data["case"]["acts"]) if data.get("case") else None,
        case_harm=_any(data["case"]["harm"]) if data.get("case", {}).get("harm") else None,
        case_statistics=(_any(data["case"]["statistics"])
                         if data.get("case", {}).get("statistics") else None),
        case_generic=(_any(data["case"]["generic"])
                      if data.get("case", {}).get("generic") else None),
        **procedure_fields,
        **proclamation_fields,
        **policy_fields,
    )
