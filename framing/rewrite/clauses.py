"""Sentence-level rewrites read off the dependency parse.

* an obligation on the partner's people turned into an offer: the sender takes
  the work on ("We will log who attends"), a suggestion only, since it commits
  the sender to work the letter did not promise;
* a passive clause made active when the agent is in the text, as a suggestion;

No ask is written for the writer: a vague or missing ask is reported with what
it lacks (who, when, what the sender brings), and only the writer has those
facts; a generic meeting request added to a petition or a newsletter is worse
than none.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..checks.burden import obligated
from ..findings import Finding
from ..message import Message
from .grammar import PLURAL_ONLY
from .inflect import verb_form
from .model import Rewrite

OBJECT_CASE = {"she": "her", "he": "him", "they": "them", "i": "me", "we": "us"}
SUBJECT_CASE = {v: k for k, v in OBJECT_CASE.items()}
PLURAL_AUX = {"has": "have", "is": "are", "was": "were", "does": "do"}
SINGULAR_AUX = {v: k for k, v in PLURAL_AUX.items()}
QUANTIFIERS = {"all", "every", "each"}
OBLIGATION_VERBS = {"require", "need", "ask", "expect", "mandate", "have", "want"}
# An action done for or to the sender cannot be taken on by the sender.
SENDER_WORDS = {"we", "us", "our", "ours", "me", "my", "i"}


def _text(tokens) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _target_phrase(target: Token) -> tuple[str, bool]:
    """'All teachers' -> ('teachers', plural); 'you' -> ('you', plural)."""
    if target.lower_ == "you":
        return "you", True
    words = [t for t in target.subtree if t.i <= target.i and t.lower_ not in QUANTIFIERS]
    text = _text(words)
    if words and words[0].is_sent_start and words[0].pos_ != "PROPN":
        text = text[:1].lower() + text[1:]  # it will not start the sentence any more
    return text, target.tag_ in ("NNS", "NNPS")


def _action(verb: Token, skip: set[int]) -> str:
    """The verb phrase in its base form, without subject, auxiliaries or negation."""
    tokens = []
    for token in verb.subtree:
        if token.i in skip:
            continue
        if token.head == verb and token.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark"):
            skip.update(t.i for t in token.subtree)
            continue
        tokens.append(token)
    words = []
    for token in tokens:
        text = token.lemma_ if token == verb else token.text
        words.append(text + token.whitespace_)
    return "".join(words).strip().rstrip(".!?")


def offer_sentence(msg: Message, finding: Finding, span: Span, top_label: str | None) -> Rewrite | None:
    """'Your deacons should collect the cards and log them.' -> 'We will collect the cards and
    log them.': the sender takes the task on. Offered, never applied unseen: only the
    writer knows whether their team can do it. Not offered when the task is done for or
    to the sender ("send us a tally"), which the sender cannot take on."""
    rule = msg.lexicons.rule(finding.rule)
    words = {t.lower() for t in rule.options.get("targets", [])}
    target = obligated(span, words, msg.people_pattern)
    if target is None:
        return None
    verb = span.root
    while (verb.dep_ in ("aux", "auxpass", "neg") or verb.pos_ not in ("VERB", "AUX")) \
            and verb.head.i != verb.i:
        verb = verb.head
    clause = _clause(verb)
    xcomp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
    if verb.lemma_.lower() in OBLIGATION_VERBS and xcomp is not None:
        verb = xcomp
    if any(c.dep_ == "neg" for c in verb.children):
        return None  # "should not have to": nothing to take on
    if not (target.head == verb and target.dep_ in ("nsubj", "nsubjpass")) and \
            not (target.head == verb.head and verb.dep_ in ("xcomp", "ccomp")):
        return None  # the people are not the ones doing it in this clause
    phrase, _plural = _target_phrase(target)
    action = _action(verb, {t.i for t in target.subtree})
    if not action or clause is None or SENDER_WORDS & {w.lower() for w in action.split()}:
        return None
    if action.split()[0].lower() not in (verb.lemma_.lower(), verb.text.lower()):
        return None  # words before the verb ("Lastly, must act") have no place after "We will"
    spec = msg.lexicons.rewrite
    if spec is None or verb.lemma_.lower() not in spec.transferable_actions:
        return None  # reporting to their own office, acting on a risk: theirs to do
    start, end = clause.start_char, clause.end_char
    lead = "We" if clause[0].is_sent_start else "we"
    return Rewrite(
        id=f"{finding.rule}@{start}-{end}#offer", rule=finding.rule, kind="offer", start=start,
        end=end, original=msg.text[start:end], replacement=f"{lead} will {action}",
        why=f"Takes the task off {phrase}: accept only if your team can do it.",
        serves=top_label, auto=False)


def _clause(verb: Token) -> Span | None:
    """The clause a verb heads, without coordinated clauses or final punctuation."""
    skip = set()
    for child in verb.children:
        if child.dep_ in ("conj", "cc") and child.i > verb.i:
            skip.update(t.i for t in child.subtree)
        if child.dep_ == "punct" and child.i > verb.i:
            skip.add(child.i)
    tokens = [t.i for t in verb.subtree if t.i not in skip]
    # Trailing commas belong to the coordination we left out.
    while tokens and verb.doc[tokens[-1]].is_punct:
        tokens.pop()
    if not tokens or tokens != list(range(tokens[0], tokens[-1] + 1)):
        return None
    return verb.doc[tokens[0]:tokens[-1] + 1]


def _np(token: Token, case: dict[str, str]) -> str:
    text = _text(token.subtree)
    return case.get(text.lower(), text) if len(list(token.subtree)) == 1 else text


def _passive_parts(span: Span, spec) -> tuple[Token, Token, Token, Token] | None:
    """Subject, verb, agent ("by") and doer of a passive whose active form reads the same,
    or None. Each refusal below is a family that misread in graded real text."""
    subject = next((t for t in span if t.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    first = next((t for t in span.sent if not t.is_space), None)
    if first is not None and first.is_alpha and first.is_lower:
        return None  # "state were honored by MADD": the sentence starts mid-phrase (a line
        # break in an excerpt), so its real subject is not in it
    counting = spec.partitive_quantifiers if spec is not None else frozenset()
    if (subject.pos_ in ("DET", "NUM") or subject.lower_ in counting) \
            and not any(c.dep_ == "prep" for c in subject.children):
        return None  # "Some are sponsored by churches": a bare "some" cannot end a sentence
    if any(c.dep_ in ("relcl", "acl", "appos") for c in subject.children):
        return None  # the clause would move into the subject: "who ... " lost its place
    if subject.tag_ in ("WP", "WDT") or subject.lower_ in ("that", "which", "who", "it"):
        # "It was moved by Councillor Smith": a formula, or an "it" whose antecedent the
        # active order would put after it; "who are assessed": a relative pronoun
        return None  # cannot become an object
    if any(t.tag_ in ("WDT", "WP") for t in subject.subtree):
        return None  # "whatever service is ordered by the court": a free relative stays first
    verb = subject.head
    if sum(c.dep_ == "nsubjpass" for c in verb.children) > 1:
        return None  # "Open 24/7, the center will be staffed": a misread; the opener would dangle
    if any(c.dep_ == "prt" or (c.dep_ == "prep" and not list(c.children)) for c in verb.children):
        return None  # "brought on by", "paid for by": the particle has no place in the active
    if spec is not None and any(c.dep_ == "advmod" and c.lower_ in spec.adjectival_degree
                                for c in verb.children):
        return None  # "very touched by": an adjective, not a verb
    if any(c.dep_ == "neg" or (c.dep_ == "auxpass" and c.lemma_ == "get") for c in verb.children):
        return None  # "is not being made", "get started": no active form keeps the sense
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if doer is None:
        return None  # no doer in the text: naming one is the writer's call, not a rewrite
    if any(t.lower_ == "by" and t.i != agent.i and t.dep_ in ("conj", "agent") for t in verb.sent):
        return None  # "supported by the unions ..., and by the agencies": two doers, one moved
    if verb.dep_ == "relcl" or any(t.tag_ == "WP$" or t.lower_ == "whose" for t in subject.subtree):
        return None  # "those whose lives are touched by suicide": the clause has no slot for it
    if any(t.pos_ == "PRON" and t.lower_ not in SUBJECT_CASE and t.lower_ not in OBJECT_CASE
           or t.tag_ == "PRP$" or (t is not doer and t.tag_ == "PRP") for t in doer.subtree):
        return None  # "by their abuser", "by the children they serve": moved first, the
        # pronoun would come before the noun it points back to
    if doer.right_edge.is_punct:
        return None  # "interviewed by The Pastor's Heart, about": the parse took the comma
        # into the doer, and moved first it would split subject and verb
    if any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in doer.children):
        return None  # "an acquaintance or family member": the verb's number is a judgment
    if spec is not None and sum(not t.is_punct for t in doer.subtree) > spec.active_max_doer_words:
        return None  # a long doer moved first buries the verb
    if any(c.lower_ in ("a", "an") for c in doer.children) and any(
            t.like_num for t in subject.subtree):
        return None  # "a quarter of teens have been harassed by a date": one date for all
    if doer.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in doer.children):
        return None  # "required by law": "Law requires" needs an article the text lacks
    if verb_form(verb.lemma_, verb.tag_).lower() != verb.text.lower():
        return None  # the parser's lemma does not give the word back ("raped" as "rap")
    if any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return None  # "will be shaken or abused": the other verb would lose its subject
    moved = {t.i for t in subject.subtree} | {t.i for t in agent.subtree} | {verb.i}
    if any(t.i not in moved and (t.dep_ in ("relcl", "appos") or t.tag_ in ("WP", "WP$", "WDT")
                                  or t.text == "(") for t in verb.subtree if t.i > agent.i):
        return None  # "hosted by Project OCEAN (…) whose mission is …": what follows the
        # doer describes it, and would be left describing the new object
    return subject, verb, agent, doer


def active_clause(msg: Message, finding: Finding, span: Span) -> Rewrite | None:
    """'The survey was completed by 300 students' -> '300 students completed the survey'."""
    parts = _passive_parts(span, msg.lexicons.rewrite)
    if parts is None:
        return None
    subject, verb, agent, agent_obj = parts
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    auxpass = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    doer = _np(agent_obj, SUBJECT_CASE)
    singular = (agent_obj.tag_ in ("NN", "NNP") or doer.lower() in ("he", "she", "it")) \
        and not any(c.dep_ == "conj" for c in agent_obj.children) \
        and agent_obj.lower_ not in PLURAL_ONLY
    if auxpass is not None and auxpass.tag_ == "VBG":
        tag = "VBG"  # "are being bullied" -> "are bullying"
    elif auxes:
        tag = "VBN" if any(a.lemma_ == "have" for a in auxes) else "VB"
    elif auxpass is not None and auxpass.tag_ == "VBD":
        tag = "VBD"
    else:
        tag = "VBZ" if singular else "VB"
    # Adverbs between the auxiliaries and the verb stay there: "has long been advocated"
    # -> "has long advocated", not "... advocated ... long".
    inner = [c for c in verb.children if c.dep_ in ("advmod", "neg") and c.i < verb.i
             and c.i > subject.i and not list(c.children)]
    skip = {t.i for t in subject.subtree} | {verb.i} | {a.i for a in auxes} | {c.i for c in inner}
    skip |= {auxpass.i} if auxpass is not None else set()
    skip |= {t.i for t in agent.subtree}
    rest = _text([t for t in span if t.i not in skip])
    at_sentence_start = span.start == msg.sentence_at(span.start_char).start
    patient = _np(subject, OBJECT_CASE)
    if at_sentence_start and subject.left_edge.pos_ != "PROPN" and patient[:2] != "I ":
        patient = patient[:1].lower() + patient[1:]  # no longer first in the sentence
    auxes_text = [a.text for a in auxes]
    if auxes_text:  # the first auxiliary agrees with the new subject: "groups have"
        auxes_text[0] = (SINGULAR_AUX if singular else PLURAL_AUX).get(auxes_text[0].lower(),
                                                                       auxes_text[0])
    replacement = " ".join([doer, *auxes_text, *[c.text for c in inner],
                            verb_form(verb.lemma_, tag), patient] + ([rest] if rest else []))
    if at_sentence_start:
        replacement = replacement[:1].upper() + replacement[1:]
    return Rewrite(
        id=f"{finding.rule}@{finding.start}-{finding.end}#active", rule=finding.rule, kind="active",
        start=finding.start, end=finding.end, original=finding.text, replacement=replacement,
        why="Names who acts, so the reader sees who did it.",
        # Offered, never made unseen: in graded samples of real text a third of the
        # passives made active misread (a statistic given to one doer, a modifier left
        # dangling, the emphasis moved), and a passive is often the writer's choice.
        auto=False)
