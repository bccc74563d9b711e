"""Sentence-level rewrites read off the dependency parse.

* an obligation on the partner's people turned into an offer with its benefit;
* a passive clause made active when the agent is in the text (or a marked
  blank for the agent when it is not);
* an opening sentence that leads with the partner's top priority;
* a specific ask, with blanks for the role, time and resources it lacks.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..ask_analysis import message_ask
from ..checks.burden import obligated
from ..findings import Finding
from ..message import Message
from .inflect import verb_form
from .model import Rewrite

OBJECT_CASE = {"she": "her", "he": "him", "they": "them", "i": "me", "we": "us"}
SUBJECT_CASE = {v: k for k, v in OBJECT_CASE.items()}
QUANTIFIERS = {"all", "every", "each"}
OBLIGATION_VERBS = {"require", "need", "ask", "expect", "mandate", "have", "want"}
BOUND_BLANKS = {"role": "who on your team", "time": "how long, and which day",
                "resources": "what we bring"}


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
    """'All teachers will be required to complete X.' -> 'Teachers are welcome to complete X, ...'."""
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
    phrase, plural = _target_phrase(target)
    action = _action(verb, {t.i for t in target.subtree})
    if not action or clause is None:
        return None
    be = "are" if plural else "is"
    lead = phrase[:1].upper() + phrase[1:] if clause[0].is_sent_start else phrase
    benefit = f", which supports {top_label.lower()}" if top_label else ""
    blank = f"what {phrase} gain"
    start, end = clause.start_char, clause.end_char
    replacement = f"{lead} {be} welcome to {action}{benefit}: [{blank}]"
    return Rewrite(
        id=f"{finding.rule}@{start}-{end}#offer", rule=finding.rule, kind="offer", start=start,
        end=end, original=msg.text[start:end], replacement=replacement,
        why=f"Turns a demand on {phrase} into an offer and names what it gives them.",
        serves=top_label, blanks=[blank])


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


def active_clause(msg: Message, finding: Finding, span: Span) -> Rewrite | None:
    """'The survey was completed by 300 students' -> '300 students completed the survey'."""
    subject = next((t for t in span if t.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    verb = subject.head
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    agent_obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    auxpass = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    if agent_obj is not None:
        doer = _np(agent_obj, SUBJECT_CASE)
        singular = agent_obj.tag_ in ("NN", "NNP") or doer.lower() in ("he", "she", "it")
    else:
        doer, singular = "[who did this]", False
    if auxpass is not None and auxpass.tag_ == "VBG":
        tag = "VBG"  # "are being bullied" -> "are bullying"
    elif auxes:
        tag = "VBN" if any(a.lemma_ == "have" for a in auxes) else "VB"
    elif auxpass is not None and auxpass.tag_ == "VBD":
        tag = "VBD"
    else:
        tag = "VBZ" if singular else "VB"
    skip = {t.i for t in subject.subtree} | {verb.i} | {a.i for a in auxes}
    skip |= {auxpass.i} if auxpass is not None else set()
    skip |= {t.i for t in agent.subtree} if agent is not None else set()
    rest = _text([t for t in span if t.i not in skip])
    at_sentence_start = span.start == msg.sentence_at(span.start_char).start
    patient = _np(subject, OBJECT_CASE)
    if at_sentence_start and subject.left_edge.pos_ != "PROPN" and patient[:2] != "I ":
        patient = patient[:1].lower() + patient[1:]  # no longer first in the sentence
    replacement = " ".join([doer, *[a.text for a in auxes], verb_form(verb.lemma_, tag), patient]
                           + ([rest] if rest else []))
    if at_sentence_start:
        replacement = replacement[:1].upper() + replacement[1:]
    blanks = [] if agent_obj is not None else ["who did this"]
    return Rewrite(
        id=f"{finding.rule}@{finding.start}-{finding.end}#active", rule=finding.rule, kind="active",
        start=finding.start, end=finding.end, original=finding.text, replacement=replacement,
        why="Names who acts, so the reader sees who did it.", blanks=blanks,
        auto=agent_obj is not None)


def _swap_in(msg: Message):
    """The first sector swap whose sender words the message uses, if any."""
    if msg.sector is not None:
        for swap in msg.sector.swaps:
            if swap.pattern is not None and swap.pattern.search(msg.text):
                return swap
    return None


def _topic(msg: Message) -> str:
    """The message's subject in the partner's words when a sector swap names it."""
    swap = _swap_in(msg)
    if swap is not None:
        return swap.partner[0]
    for chunk in msg.doc.noun_chunks:
        # a subject line, salutation or headline is not what the message is about
        if not msg.in_body(chunk.start_char, chunk.end_char):
            continue
        if chunk.root.pos_ != "PRON" and not any(t.lower_ in ("our", "we", "my", "us") for t in chunk):
            return chunk.text[:1].lower() + chunk.text[1:] if chunk[0].pos_ != "PROPN" else chunk.text
    return "this work"


def opening_sentence(msg: Message, finding: Finding) -> Rewrite | None:
    """A first sentence that leads with the partner's top priority and the message's topic."""
    if not msg.priorities:
        return None
    # The priority the message's own topic serves (a swap names it), else the
    # partner's top one: "students in unstable housing" go with attendance.
    swap = _swap_in(msg)
    top = next((p for p in msg.priorities if swap is not None and p.id == swap.priority),
               msg.priorities[0])
    partner = msg.profile.name if msg.profile else "you"
    cares = "care" if partner == "you" else "cares"
    topic = _topic(msg)
    # Modal "can" keeps the sentence grammatical whatever the topic's number.
    sentence = (f"This is about {top.label[:1].lower() + top.label[1:]}, which {partner} already "
                f"{cares} about: {topic} can affect it directly. ")
    # The opening goes before the body's first sentence: after a subject line, a
    # salutation or a headline, never above them.
    start = msg.body_sentences[0].start_char if msg.body_sentences else \
        len(msg.text) - len(msg.text.lstrip())
    return Rewrite(
        id=f"{finding.rule}@{start}#opening", rule=finding.rule, kind="opening", start=start,
        end=start, original="", replacement=sentence, serves=top.label,
        why=f"Opens on {top.label.lower()}, a priority {partner} already {'own' if partner == 'you' else 'owns'}, "
            "instead of on our issue.")


def specific_ask(msg: Message, finding: Finding) -> Rewrite | None:
    """An ask with marked blanks for the role, time and resources it lacks."""
    ask = message_ask(msg)
    if ask is None:
        return None
    missing = ask.missing if ask.sentence is not None else list(BOUND_BLANKS)
    blanks = [BOUND_BLANKS[name] for name in missing if name in BOUND_BLANKS]
    if not blanks:
        return None
    if ask.sentence is None:
        # After the body's last sentence, never after a closing or signature.
        point = msg.sentence_range(msg.body_sentences[-1])[1] if msg.body_sentences else \
            len(msg.text.rstrip())
        sentence = (" Could we meet with [who on your team] for [how long, and which day]? "
                    "We will bring [what we bring].")
    else:
        point = ask.sentence[1]
        role, time = "role" in missing, "time" in missing
        if role and time:
            sentence = " Could we meet with [who on your team] for [how long, and which day]?"
        elif role:
            sentence = " Could we meet with [who on your team]?"
        elif time:
            sentence = " It would take [how long, and which day]."
        else:
            sentence = ""
        if "resources" in missing:
            sentence += " We will bring [what we bring]."
    return Rewrite(
        id=f"{finding.rule}@{point}#ask", rule=finding.rule, kind="ask", start=point, end=point,
        original="", replacement=sentence, blanks=blanks,
        why="A specific, bounded ask (who, how long, when, what we bring) is easy to say yes to.")
