"""Kind ``motive``: an act of violence explained by the abuser's state or troubles.

"He did it because he was upset", "he snapped over financial despair", "he shot
her because of stress": a causal clause or phrase (``links``: because, over,
due to...) attached in the parse to a violence verb (``verbs``) and holding a
motive (``motives``: anger, stress, drinking, money). A word of time
(``timing_links``: after, when) links too when nothing dates the act instead
("attacked her when he was drunk"; not "weeks after"), and so does what the harmed
person did ("because she wanted a divorce", "after she said she was going to leave
him"). Starting from the few motive words in the text and walking up the parse
keeps it cheap.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..message import Message
from .spans import in_quotation
from .term import NEGATORS

# "did it" stands for the act already named ("he did it because he was upset").
PRO_OBJECTS = {"it", "this", "that"}
MAX_CLIMB = 6


def _opens(word: Token) -> bool:
    """Whether ``word`` opens its clause as a link: "because" is parsed as the clause's
    mark, "when" as its adverb."""
    return word.dep_ == "mark" or (word.dep_ == "advmod" and word.lower_ == "when")


def _link_and_act(token: Token, links: set[str]) -> tuple[Token, Token] | None:
    """The causal link above ``token`` and the word it explains, if any."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i:
            return None
        if node.dep_ == "advcl":
            mark = next((c for c in node.children if c.lower_ in links and _opens(c)), None)
            if mark is not None:
                return mark, node.head
        if node.dep_ in ("prep", "agent") and node.lower_ in links:
            return node, node.head
        node = node.head
    return None


def _is_act(word: Token, verbs: set[str], light: frozenset[str] = frozenset()) -> bool:
    lemma = word.lemma_.lower()
    if lemma == "do":
        return "do" in verbs and any(c.dep_ == "dobj" and c.lower_ in PRO_OBJECTS
                                     for c in word.children)
    if lemma in light:
        # "carried out the attack": the act is the object's
        return any(c.dep_ == "dobj" and (c.lemma_.lower() in verbs or c.lower_ in verbs)
                   for c in word.children)
    return lemma in verbs or word.lower_ in verbs


def _state_then_act(token: Token, states: set[str], state_motives, verbs: set[str],
                    light: frozenset[str]) -> tuple[Token, Token] | None:
    """A motive told as the state the act followed, joined to it in one sentence: "had
    become angry with the woman and then hit her" (the state verb and the act it is
    joined to)."""
    if state_motives is None or not state_motives.fullmatch(token.lower_):
        return None
    state = token.head if token.dep_ in ("acomp", "oprd", "attr") else None
    if state is None or state.lemma_.lower() not in states:
        return None
    act = next((c for c in state.children if c.dep_ == "conj" and c.pos_ == "VERB"
                and _is_act(c, verbs, light)), None)
    return (state, act) if act is not None else None


def _through_another_phrase(word: Token, link: Token) -> bool:
    """Whether the path up from ``word`` to ``link`` passes another preposition than
    "of" ("after his arrest for drunk driving": "for")."""
    node = word
    while node.i != link.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ != "of":
            return True
        node = node.head
    return False


def _own_state(link: Token, act: Token, motive: Token, spans: frozenset[str]) -> bool:
    """With a word of time ("after", "when"), the motive explains the act only as the
    doer's own state, told with no time between: "attacked her when he was drunk",
    "strangled his wife after accusing her of cheating"; not the other person's ("when
    she was drunk") nor "three weeks after"."""
    marked = _opens(link)
    if _generic(act) or _measured(link, link.head if marked else None, spans):
        return False
    if not marked:
        # "after a drinking session", "after accusing her of cheating"; not a motive word
        # inside another phrase ("after his arrest for drunk driving")
        return not _through_another_phrase(motive, link)
    clause = link.head
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    doer = next((c for c in act.children if c.dep_ == "nsubj"), None)
    return subject is None or (doer is not None and subject.lower_ == doer.lower_) or (
        doer is not None and subject.lower_ in ("he", "she") and doer.lemma_.lower() in (
            HE if subject.lower_ == "he" else SHE))


def _negated(word: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in word.children)


# Which pronoun stands for the harmed person, read from the word for them.
SHE = {"she", "her", "wife", "girlfriend", "woman", "mother", "daughter", "fiancee", "fiancée",
       "ex-wife", "ex-girlfriend", "sister", "girl"}
HE = {"he", "him", "husband", "boyfriend", "man", "father", "son", "fiance", "fiancé",
      "ex-husband", "ex-boyfriend", "brother", "boy"}


def _measured(link: Token, clause: Token | None = None,
              spans: frozenset[str] = frozenset()) -> bool:
    """"Three weeks after she filed for a protective order", "shortly after": a time
    between, which dates the act rather than explaining it (the parser hangs the time
    on the link, on its clause or on the act, or misreads it, so the word before the
    link is read too: an adverb, or one of ``spans``, words for a length of time)."""
    before = link.doc[link.i - 1] if link.i > 0 else None
    if before is not None and (before.lower_ in ("twice", "thrice") or (
            before.lemma_.lower() == "time" and (before.tag_ == "NNS" or any(
                c.dep_ == "nummod" for c in before.children)))):
        before = None  # "shot his wife three times after she …": a count of blows, no time
    return any(c.dep_ == "npadvmod" and c.lemma_.lower() != "time"
               for c in link.children) or (
        clause is not None and any(c.dep_ == "npadvmod" and c.i < link.i for c in clause.children)) or (
        before is not None and (before.dep_ in ("npadvmod", "advmod")
                                or before.head.dep_ == "npadvmod"
                                or before.lemma_.lower() in spans))


def _generic(act: Token) -> bool:
    """"Abusers may hit their partners when drinking": what may happen, not what one
    man did."""
    return any(c.dep_ == "aux" and c.lower_ in ("may", "might", "can", "could") for c in act.children)


def _victim_reason(act: Token, reasons: set[str], timing: frozenset[str] = frozenset(),
                   triggers=None, spans: frozenset[str] = frozenset()) -> Token | None:
    """The clause that gives what the harmed person did as the reason for the act:
    "he shot his wife because she wanted a divorce", "choked his girlfriend because
    she didn't message him". The clause's subject is the act's object: the same word,
    or the pronoun for it ("wife" … "she"), never the doer's ("he hit his wife because
    he wanted control")."""
    # In the passive the one harmed is the subject and the doer follows "by": "Jenni-Lyn
    # Watson was murdered by her ex-boyfriend because she refused to stay".
    passive = any(c.dep_ == "auxpass" for c in act.children)
    victim = next((c for c in act.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
    if victim is None:
        return None
    word = victim.lemma_.lower()
    pronoun = "she" if word in SHE else "he" if word in HE else None
    doer = next((c for c in act.children if c.dep_ == "nsubj"), None)
    if doer is not None and doer.tag_ in ("WP", "WDT") and act.dep_ == "relcl":
        doer = act.head  # "a man who killed his partner": the man
    if passive:
        # (the parser may split "ex-boyfriend" into several objects of "by")
        doers = [g for c in act.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        doer = next((g for g in doers if g.lemma_.lower() in HE | SHE), doers[0] if doers else None)
    if pronoun is None and doer is not None:
        # a name or a word for either ("his partner"): the pronoun that is not the
        # doer's ("her ex-boyfriend" is "he")
        doer_word = doer.lemma_.lower()
        pronoun = "she" if doer_word in HE else "he" if doer_word in SHE else None
    for clause in act.children:
        if clause.dep_ != "advcl":
            continue
        mark = next((c for c in clause.children if (c.dep_ == "mark" and c.lower_ in reasons)
                     or (c.lower_ in timing and _opens(c))), None)
        if mark is None:
            continue
        if mark.lower_ not in reasons:
            # "after she said she was leaving him", "when she asked for a divorce": what
            # she did, told as what set him off (not "weeks after she filed…")
            text = act.doc[clause.left_edge.i:clause.right_edge.i + 1].text
            if (triggers is None or _measured(mark, clause, spans) or _generic(act)
                    or not triggers.search(text)):
                continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or (doer is not None and subject.lower_ == doer.lower_):
            continue
        said = subject.lemma_.lower()
        if said == word or (pronoun is not None and subject.lower_ == pronoun):
            return clause
    return None


def _victim_reason_findings(rule: Rule, msg: Message, verbs: set[str], reasons: set[str],
                            timing: frozenset[str], spans: frozenset[str],
                            seen: set[int]) -> list[Finding]:
    """Findings for acts explained by what the harmed person did (``victim_reasons``,
    or ``timing_links`` with one of ``victim_triggers``)."""
    triggers = compiled_option(rule, "victim_triggers")
    found = []
    for act in msg.doc:
        if (act.pos_ != "VERB" or act.i in seen or act._.is_mention
                or not _is_act(act, verbs) or _negated(act)):
            continue
        clause = _victim_reason(act, reasons, timing, triggers, spans)
        if clause is None:
            continue
        seen.add(act.i)
        # the act and its reason, in whichever order they come ("After she left him, he…")
        first = msg.doc[min(act.i, clause.left_edge.i)]
        last = msg.doc[max(act.i, clause.right_edge.i)]
        quoted = in_quotation((act, clause))
        found.append(msg.finding(rule, first.idx, last.idx + len(last.text), quoted=quoted,
                                 context={"in_quote": act._.in_quote}))
    return found


def check_motive(rule: Rule, msg: Message) -> list[Finding]:
    """One finding per violence act explained by a motive through a causal link, or
    (``victim_reasons``) by what the harmed person did."""
    motives = compiled_option(rule, "motives")
    if motives is None:
        return []
    verbs = {v.lower() for v in rule.options["verbs"]}
    links = {v.lower() for v in rule.options["links"]}
    timing = frozenset(v.lower() for v in rule.options.get("timing_links", []))
    spans = frozenset(v.lower() for v in rule.options.get("time_spans", []))
    reasons = {v.lower() for v in rule.options.get("victim_reasons", [])}
    light = frozenset(v.lower() for v in rule.options.get("light_verbs", []))
    states = {v.lower() for v in rule.options.get("states", [])}
    state_motives = compiled_option(rule, "state_motives")
    found, seen = [], set()
    for match in motives.finditer(msg.text):
        span = msg.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or any(t._.is_mention for t in span):
            continue
        linked = _link_and_act(span.root, links | timing) or _state_then_act(
            span.root, states, state_motives, verbs, light)
        if linked is None:
            continue
        link, act = linked
        if link.lower_ in timing and not _own_state(link, act, span.root, spans):
            continue
        if not _is_act(act, verbs, light) or _negated(act) or _negated(link) or act.i in seen:
            continue
        seen.add(act.i)
        start = min(act.i, link.i)
        # "over financial despair": end on the noun the motive word modifies.
        motive = span.root.head if span.root.dep_ in ("amod", "compound") else span.root
        end = max(span.end - 1, link.i, motive.i)
        if link.lemma_.lower() in states:
            end = max(end, act.i)  # the state and the act it led to
        first, last = msg.doc[start], msg.doc[end]
        quoted = in_quotation((act, link, *span))
        found.append(msg.finding(rule, first.idx, last.idx + len(last.text), quoted=quoted,
                                 context={"in_quote": act._.in_quote}))
    if reasons:
        found += _victim_reason_findings(rule, msg, verbs, reasons, timing, spans, seen)
    return found
