"""Kinds driven by the sector pack and the partner profile."""
from __future__ import annotations

from ..alignment import AlignmentAnalysis
from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.schema import terms_pattern
from ..message import Message


def alignment_of(msg: Message, rule: Rule | None = None) -> AlignmentAnalysis:
    """The message's alignment analysis, computed once and shared by the checks."""
    if "alignment" not in msg.notes:
        msg.notes["alignment"] = AlignmentAnalysis(msg)
    analysis = msg.notes["alignment"]
    if rule is not None and rule.kind == "sender_language":
        analysis.sender_terms = list(rule.options["terms"])
    return analysis


def _usable(msg: Message, start: int, end: int) -> bool:
    """Not a mention, not in a quotation, not inside a proper name."""
    span = msg.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(
        t._.is_mention or t._.in_quote or t._.in_name for t in span)


def check_sector_lead(rule: Rule, msg: Message) -> list[Finding]:
    """The opening sentences name none of the partner's priorities."""
    if not msg.priorities or not msg.sentences:
        return []
    analysis = alignment_of(msg)
    if analysis.lead is not None or analysis.leads_with_partner_words:
        return []
    sentences = msg.sentences[:rule.options.get("sentences", 2)]
    start, end = msg.sentence_range(sentences[0])
    top = msg.priorities[0]
    who = msg.profile.name if msg.profile else (msg.sector.name if msg.sector else "the partner")
    message = f"{rule.message} Lead with what {who} already cares about, e.g. {top.label.lower()}."
    return [msg.finding(rule, start, end, message=message, suggestions=[], scope="document")]


def check_sector_swap(rule: Rule, msg: Message) -> list[Finding]:
    """Sender issue language the sector pack would put in the partner's terms."""
    if msg.sector is None:
        return []
    found = []
    for swap in msg.sector.swaps:
        if swap.pattern is None:
            continue
        for m in swap.pattern.finditer(msg.text):
            if not _usable(msg, m.start(), m.end()):
                continue
            found.append(msg.finding(rule, m.start(), m.end(),
                                     message=f"{rule.message} {swap.why}",
                                     suggestions=list(swap.partner)))
    return found


def check_sector_scope(rule: Rule, msg: Message) -> list[Finding]:
    """Vocabulary that reads as outside the partner's job."""
    if msg.sector is None:
        return []
    found = []
    for entry in msg.sector.out_of_scope:
        if entry.pattern is None:
            continue
        for m in entry.pattern.finditer(msg.text):
            if _usable(msg, m.start(), m.end()):
                found.append(msg.finding(rule, m.start(), m.end(),
                                         message=f"{rule.message} {entry.why}",
                                         suggestions=list(entry.suggestions)))
    return found


def check_sender_language(rule: Rule, msg: Message) -> list[Finding]:
    """Issue language outweighs the partner's own priority vocabulary."""
    if msg.sector is None and msg.profile is None:
        return []
    analysis = alignment_of(msg, rule)
    sender = analysis.sender_spans
    if len(sender) < rule.options.get("min_hits", 3):
        return []
    if analysis.sender_share <= rule.options.get("max_share", 0.5):
        return []
    start, end = sender[0]
    share = round(analysis.sender_share * 100)
    message = (f"{rule.message} ({len(sender)} issue-language terms against "
               f"{analysis.partner_hit_count} of the partner's; {share}% issue language.)")
    return [msg.finding(rule, start, end, message=message, scope="document")]


def check_profile_avoid(rule: Rule, msg: Message) -> list[Finding]:
    """Words the partner profile says to avoid with this partner."""
    if msg.profile is None or not msg.profile.avoid:
        return []
    found = []
    for avoid in msg.profile.avoid:
        pattern = terms_pattern([avoid.term])
        for m in pattern.finditer(msg.text):
            if not _usable(msg, m.start(), m.end()):
                continue
            why = f" {avoid.why}" if avoid.why else ""
            found.append(msg.finding(
                rule, m.start(), m.end(), suggestions=list(avoid.instead),
                message=f"{rule.message} {msg.profile.name} asked to avoid \"{avoid.term}\".{why}"))
    return found
