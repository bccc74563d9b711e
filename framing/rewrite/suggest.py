"""Concrete rewrites for a report's findings, built from the parse it already has.

Each :class:`Rewrite` replaces one span (or inserts at one point) and says
why, in the partner's terms, and which priority it serves. Text inside
quotation marks is never rewritten. Anything that would need a fact the
message does not hold is left as a marked blank, ``[like this]``.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..findings import Finding, Report
from ..message import Message
from .clauses import active_clause, offer_sentence
from .inflect import (base_form, drop_double_determiner, fit_pronouns, fit_replacement,
                      fix_article, looks_plural, plural_verb)
from .model import BLANK, Rewrite
from .opening import opening_move
from .trim import trims
from .roles import project_swap
from .verify import word_class

MAX_ALTERNATIVES = 3
CONTENT_POS = ("VERB", "NOUN", "ADJ", "PROPN")
# Words hanging on a replaced phrase that the replacement would leave stranded.
STRANDED = ("advmod", "conj", "cc", "npadvmod")
# Guideline swaps applied automatically in a whole-message variant; the sources
# say "ask the person" for victim/survivor and accept "homeless people", so
# warnings in these categories stay suggestions for a human to accept.
# Violence-reporting swaps change what a report says happened ("engaged in sexual
# contact" -> "raped", "love triangle" -> "relationship"): offered, never made.
AUTO_CATEGORIES = {"stigma", "safe-messaging", "inclusive", "plain-language"}
SHORT_QUESTION = 4


def _span(msg: Message, finding: Finding) -> Span | None:
    return msg.doc.char_span(finding.start, finding.end, alignment_mode="expand")


def _protected(span: Span | None) -> bool:
    """Quoted or mentioned text is never rewritten."""
    return span is None or any(t._.in_quote or t._.is_mention for t in span)


def _serves(msg: Message, finding: Finding) -> tuple[str | None, str]:
    """Priority label a sector swap serves, and the swap's reason."""
    if msg.sector is None:
        return None, finding.message
    lowered = finding.text.lower()
    for swap in msg.sector.swaps:
        if swap.pattern is not None and swap.pattern.fullmatch(lowered):
            label = next((p.label for p in msg.priorities if p.id == swap.priority), None)
            label = label or next((p.label for p in msg.sector.priorities if p.id == swap.priority), None)
            return label, swap.why.strip()
    return None, finding.message


# Word-swap rewrite kinds by the rule's ``rewrite`` key; other rules' swaps are "guideline".
WORD_SWAP_KINDS = {"sector-swap": "swap", "avoid-word": "avoid"}


def _sector_swap(msg: Message, finding: Finding, span: Span) -> list[Rewrite]:
    """The partner's words for the sender's issue, only where the phrase says what the
    sender's own program is about (:mod:`.roles`); elsewhere it names the harm, the
    people, a figure or a name, and the finding's advice is all there is."""
    found = project_swap(msg, span)
    if found is None:
        return []
    start, end, replacement = found
    serves, why = _serves(msg, finding)
    return [Rewrite(id=f"{finding.rule}@{start}-{end}#project", rule=finding.rule, kind="swap",
                    start=start, end=end, original=msg.text[start:end], replacement=replacement,
                    why=why, serves=serves)]


def _word_swaps(msg: Message, finding: Finding, span: Span) -> list[Rewrite]:
    rewrite = msg.lexicons.rewrite_of(finding.rule)
    # "the urgent situation with regard to overdose" -> "situation about overdose": the
    # plain word fits some heads and not others, so such a phrase is offered, never made.
    offered_only = rewrite == "plain-word-offered"
    if offered_only:
        rewrite = "plain-word"
    kind = WORD_SWAP_KINDS.get(rewrite, "guideline")
    if kind == "swap":
        return _sector_swap(msg, finding, span)
    words = [t for t in span.sent if not (t.is_punct or t.is_space)]
    if span.sent.text.strip().endswith("?") and len(words) <= SHORT_QUESTION:
        return []  # "Domestic dispute?": the words are the subject, not used
    # A plain word is swapped unseen only when it is a function word ("in order to",
    # "prior to", "additionally"); a content word ("provide services", "participate in
    # the workforce") depends on its context, and is offered.
    # A non-modal auxiliary is a verb the tagger misread ("which provide lodging").
    plain_function = rewrite == "plain-word" and span.root.pos_ not in CONTENT_POS and not (
        span.root.pos_ == "AUX" and span.root.tag_ != "MD")
    if rewrite == "plain-word" and not plain_function and finding.severity == "suggestion":
        # "provide", "identify", "implement a system": the everyday word fits some
        # sentences and not others; the finding says so, and no words are offered.
        return []
    auto = kind != "guideline" or (finding.category in AUTO_CATEGORIES and finding.severity == "error") \
        or plain_function
    spec = msg.lexicons.rewrite
    if offered_only or (auto and _qualified_label(span, finding.suggestions, spec)):
        auto = False  # "the narcotic addict", "street alcoholics": offered, never made
    if _cannot_go(msg, finding, span, rewrite, plain_function):
        return []
    out = []
    whole = _whole_sentence(msg, span)
    fitting = [s for s in finding.suggestions if whole or not SENTENCE.fullmatch(s.strip())]
    if spec is not None and _under_intent(span, spec.intent_verbs):
        # "was going to commit suicide": an outcome ("die by suicide") is not intended
        fitting = [s for s in fitting if base_form(s.split()[0]).lower() not in spec.outcome_verbs]
    # A plain word's second choice fits less often than its first: one is offered.
    limit = 1 if rewrite == "plain-word" else MAX_ALTERNATIVES
    fitting = [f for f in (fit_pronouns(a, span) for a in fitting) if f is not None]
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.pos_ == "ADP":
        # "provide addicts with" -> "people with a substance use disorder with": the
        # same preposition twice in a row
        fitting = [f for f in fitting if nxt.lower_ not in f.lower().split()]
    # "many of the homeless": "many of the people experiencing homelessness"
    keep_the = spec is not None and partitive(span, spec.partitive_quantifiers)
    for alt_index, alternative in enumerate(fitting[:limit]):
        replacement = drop_double_determiner(msg.text, finding.start,
                                             fit_replacement(alternative, span))
        if keep_the and not replacement.lower().startswith("the "):
            replacement = "the " + replacement
        start, replacement = fix_article(msg.text, finding.start, replacement)
        end, replacement = agree_verb(msg, span, replacement)
        while end > start and msg.text[end - 1] in TRAILING_MARKS:
            end -= 1  # "drug user/": the token runs past the words; the "/" stays
        out.append(Rewrite(
            id=f"{finding.rule}@{finding.start}-{finding.end}#{alt_index}", rule=finding.rule,
            kind=kind, start=start, end=end, original=msg.text[start:end],
            replacement=replacement, why=finding.message,
            auto=auto and alt_index == 0))
    return out


def _cannot_go(msg: Message, finding: Finding, span: Span, rewrite: str | None,
               plain_function: bool) -> bool:
    """Whether the finding's words cannot take the span's place here: each refusal is a
    family that read wrong in graded real text (a word left stranded, a set term, a
    quotation, a label the writer qualified or names themselves by, a verb's own
    preposition, the new words already set beside the old)."""
    spec = msg.lexicons.rewrite
    # A phrase that modifies a following noun ("primary prevention work") cannot
    # take a clause-like replacement without rewording the noun: offer, don't apply.
    if word_class(span) == "modifier":
        return True  # "a participating landlord", "the undersigned organizations": no drop-in
    if any(c.dep_ in STRANDED and not (span.start <= c.i < span.end)
           for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") for c in t.children):
        # "chronically homeless adults", "homeless children and youth": words that lean on
        # the replaced noun or adjective would be left behind (a verb's "last year" stays)
        return True
    if plain_function and _misplaced_phrase(span, finding.suggestions):
        return True
    if span.root.dep_ == "conj" and any(a <= span.root.head.i < b for a, b in
                                         _rule_tokens(msg, finding.rule)):
        return True  # "drug addicts and alcoholics": one label renamed beside the other
    if any(c.dep_ in ("amod", "compound") and c.i < span.start and (
            c.tag_ in ("VBG", "VBN") or (spec is not None and span.doc[
                c.left_edge.i:c.i + 1].text.lower() in spec.condition_modifiers))
           for c in span.root.children) and _person_first(finding.suggestions):
        return True  # "a practicing alcoholic", "chronic drug users": it describes the condition
    if span.root.dep_ == "appos":
        return True  # "We, the undersigned, call on" -> "We, we, call on"
    if any(c.i >= span.end and (c.dep_ == "acl" or (c.dep_ == "prep" and c.lower_ == "with"))
           for c in span.root.children) and any(
            re.search(r"\b(?:experiencing|with|who)\b", alt) for alt in finding.suggestions):
        return True  # "homeless families with children" -> "families experiencing homelessness
        # with children": two postmodifiers tangle
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in ("'s", "’s") and span.root.pos_ == "PRON":
        return True  # "he or she's" -> "they's"
    if rewrite == "plain-word" and any(c.dep_ in ("amod", "compound") and c.i < span.start
                                       for c in span.root.children):
        return True  # "technical assistance", "housing assistance": a set term
    if span.root.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end
                                        for c in span.root.children):
        return True  # "victim of a bully": the "of" belongs to the word replaced
    if any(c.dep_ == "poss" and c.i < span.start for c in span.root.children) and \
            any(" who " in f" {alt} " for alt in finding.suggestions):
        return True  # "bullies and their victims" -> "their children who were bullied": kin
    if span.root.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we")
                                        for c in span.root.head.children):
        return True  # "I'm a recovering alcoholic": a person names themselves
    # "provide families with support": the preposition belongs to the verb, and a plain
    # verb in its place ("give families with support") breaks the sentence.
    if span.root.pos_ == "VERB" and spec is not None and any(
            c.dep_ == "prep" and (c.lower_ in spec.verb_frame_preps or (
                c.lower_ in spec.gerund_frame_preps
                and any(g.tag_ == "VBG" for g in c.children)))
            for c in span.root.children):
        return True
    sentence = span.sent.text.lower()
    if any(re.sub(r"\{\w+\}", "", alt).strip().lower() in sentence
           for alt in finding.suggestions if len(alt) > 8):
        # "we shouldn't say they committed suicide, we should say they died by suicide":
        # the writer sets the two side by side; the old words are a mention.
        return True
    return False


# A suggestion written as a sentence (capital first, final stop): advice about what to
# say instead ("He had threatened her for years."), which replaces only a whole sentence.
SENTENCE = re.compile(r"[A-Z\[].*[.!?]", re.DOTALL)
TRAILING_MARKS = "/:;"


def _whole_sentence(msg: Message, span: Span) -> bool:
    """Whether the span is its whole sentence (but for the final punctuation)."""
    sent = span.sent
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    return bool(words) and span.start <= words[0].i and words[-1].i < span.end


def partitive(span: Span, quantifiers: frozenset[str]) -> bool:
    """Whether the span opens with "the" after a quantity and "of" ("many of the
    homeless", "two of the addicts"): the part needs its "the" back."""
    doc = span.doc
    if span[0].lower_ != "the" or span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    before = doc[span.start - 2]
    return before.like_num or before.lower_ in quantifiers


def _rule_tokens(msg: Message, rule: str) -> list[tuple[int, int]]:
    """Token ranges the rule's patterns matched in the message."""
    return [(s.start, s.end) for s in msg.term_spans.get(rule, ())]


def _person_first(suggestions: list[str]) -> bool:
    """Whether the wordings put the person first ("person with ...", "people who ...")."""
    return any({"person", "people"} & set(alt.lower().split()) for alt in suggestions)


def _qualified_label(span: Span, suggestions: list[str], spec) -> bool:
    """Whether a label the person-first wording replaces carries a word before it that
    would be left to describe the person ("a true alcoholic" -> "a true person with ...",
    "street alcoholics" -> "street people with ...", "past-year heroin users"). Counting
    words ("many", "most") describe the people and stay right."""
    if not _person_first(suggestions):
        return False
    counting = spec.partitive_quantifiers if spec is not None else frozenset()
    return any(c.dep_ in ("amod", "compound", "nmod", "npadvmod") and c.i < span.start
               and c.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and c.lower_ not in counting
               for c in span.root.children)


def _misplaced_phrase(span: Span, suggestions: list[str]) -> bool:
    """A function phrase that is not the one the swap is for: a predicate ("may be in
    order to ascertain", "serious in regards to"), a phrase set off by a comma ("things
    went wrong, with respect to lifestyle choices": "as regards", which a bare "about"
    cannot say), or a preposition before a bare verb ("prior to communicate"), where a
    shorter word breaks the sentence."""
    first = span[0]
    if (first.head.lemma_ == "be" or first.head.pos_ == "ADJ") and first.head.i == first.i - 1:
        return True  # right after the verb or adjective it completes
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text in (",", ";", "—", "–") and suggestions and all(
            len(s.split()) == 1 and s.lower() != "to" for s in suggestions):
        return True
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return (after is not None and after.tag_ == "VB" and span[-1].lower_ == "to"
            and not any(s.split()[-1:] == ["to"] for s in suggestions))


def _under_intent(span: Span, intent_verbs: frozenset[str]) -> bool:
    """Whether the span's verb is an infinitive under a verb of intent or attempt."""
    verb = span.root
    return (verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("xcomp", "ccomp", "advcl")
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
            and verb.head.lemma_.lower() in intent_verbs)


def agree_verb(msg: Message, span: Span, replacement: str) -> tuple[int, str]:
    """When a singular subject becomes plural, make its verb agree.

    'Youth homelessness is rising' -> 'Students in unstable housing are rising':
    the rewrite is widened to take in the verb (or its auxiliary) when the verb
    follows the subject in the same clause.
    """
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.tag_ not in ("NN", "NNP"):
        return span.end_char, replacement
    if not looks_plural(replacement):
        return span.end_char, replacement
    verb = root.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i > span.end - 1]
    agreeing = auxes[0] if auxes else verb
    if agreeing.i < span.end or agreeing.tag_ != "VBZ" or agreeing._.in_quote:
        return span.end_char, replacement
    between = msg.text[span.end_char:agreeing.idx]
    fixed = plural_verb(agreeing.text)
    return agreeing.idx + len(agreeing.text), f"{replacement}{between}{fixed}"


def _top_priority(msg: Message) -> str | None:
    return msg.priorities[0].label if msg.priorities else None


# The ``rewrite`` keys (framing.lexicon.kinds.REWRITES) this module acts on.
HANDLED_REWRITES = ("sector-swap", "avoid-word", "plain-word", "plain-word-offered",
                    "obligation-to-offer", "lead-with-priority", "advice")


def rewrites_for(report: Report) -> list[Rewrite]:
    """All rewrites for a report's findings, from the report's own parse.

    Which rewrite a finding gets is chosen by its rule's ``rewrite`` key in the packs.
    """
    msg: Message = report.message
    if msg is None:
        raise ValueError("the report has no parsed message; analyse the text with Analyzer first")
    out: list[Rewrite] = []
    for finding in report.findings:
        span = _span(msg, finding)
        how = msg.lexicons.rewrite_of(finding.rule)
        if finding.scope == "sentence" and finding.suggestions:
            # A rule whose suggestions are advice to the writer offers no rewrite.
            if not _protected(span) and how != "advice":
                out.extend(_word_swaps(msg, finding, span))
            continue
        rewrite = None
        if how == "obligation-to-offer" and not _protected(span):
            rewrite = offer_sentence(msg, finding, span, _top_priority(msg))
        elif finding.category in ("plain-language", "violence-reporting") and \
                finding.context.get("agentless") is not None and not _protected(span):
            rewrite = active_clause(msg, finding, span)
        elif how == "lead-with-priority":
            rewrite = opening_move(msg, finding)
        if rewrite is not None:
            out.append(rewrite)
    out += trims(msg)
    # The subject line, greeting, closing and signature are never edited, nor words a
    # letter quotes from a law, a policy or a form.
    verbatim = verbatim_ranges(msg)
    out = [r for r in out if _in_body(msg, r)
           and not any(s <= r.start < e or s < r.end <= e for s, e in verbatim)]
    for rewrite in out:
        if BLANK.search(rewrite.replacement):
            rewrite.auto = False  # a blank is the writer's to fill: never put in unseen
    return out


def verbatim_ranges(msg: Message) -> list[tuple[int, int]]:
    """Where the letter gives another document's words: from the end of a line that
    introduces them ("as defined below:") to the next blank line."""
    spec = msg.lexicons.rewrite
    if spec is None or spec.verbatim_intros is None:
        return []
    text, out = msg.text, []
    for match in spec.verbatim_intros.finditer(text):
        start = text.find("\n", match.end())
        if start < 0:
            continue
        end = text.find("\n\n", start + 1)
        out.append((start, len(text) if end < 0 else end))
    return out


def _in_body(msg: Message, rewrite: Rewrite) -> bool:
    if rewrite.start == rewrite.end:
        return msg.structure.is_body(rewrite.start, rewrite.start + 1) and \
            msg.structure.is_body(max(0, rewrite.start - 1), rewrite.start)
    return msg.structure.is_body(rewrite.start, rewrite.end)
