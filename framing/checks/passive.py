"""Kind ``passive``: passive voice found in the dependency parse.

Besides the subject and verb lemmas, a rule can leave out two kinds of
passive clause that do not hide anyone (each read from the parse):

* a statistic (``statistics: suppress``): "three women are killed every day
  by a partner" counts people, it does not report what one person did (a count
  of events in the present perfect, "five women have been raped in their homes",
  reports what happened and is not one);
* a self-report (``self_report_verbs``): "the women said they had been raped"
  is the survivor's own account, not the writer leaving the abuser out.

A headline drops its "was" ("Woman shot and killed in front of her kids"): the
parser reads it as an active verb with no object, or a participle on the noun, and
it is read as the passive it is.

A repeat after the text named the abuser ("she was killed" after "her ex-boyfriend
stabbed her") is still a passive that leaves him out of its sentence, and is kept.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..findings import Finding
from ..lexicon import Rule
from ..message import Message
from ..spacy_attributes import QUOTED_KEY
from .self_report import is_self_report
from .spans import in_quotation, spoken_quote

# Determiners that make a noun phrase a count of people rather than a person.
QUANTIFIER_DETS = {"another", "every", "each", "many", "most", "some", "few", "several", "countless"}
# Determiners that make an adverbial of time a rate ("every day", "each year").
RATE_DETS = {"every", "each", "per"}
# Present or future tense auxiliaries: generic statements, not reports of an event.
GENERIC_AUX_TAGS = {"VBZ", "VBP", "MD"}
INDEFINITE_DETS = {"a", "an"}
RELATIVE_TAGS = {"WP", "WDT"}


def _subject_matches(subject: Token, wanted: set[str]) -> bool:
    if not wanted:
        return True
    if "PERSON" in wanted and (subject.pos_ == "PROPN" or _aged(subject)):
        return True
    if "PRON" in wanted and subject.pos_ == "PRON" and subject.lower_ not in {"it", "this", "that", "which"}:
        return True
    return subject.lemma_.lower() in wanted or subject.lower_ in wanted


def _aged(token: Token) -> bool:
    """"The 33-year-old": a person told by their age."""
    return token.lower_ == "old" and any(c.lower_ == "year" and c.dep_ == "npadvmod" for c in token.children)


def agent_of(verb: Token) -> Token | None:
    """The "by" phrase that names who did it, if the passive has one."""
    return next((c for c in verb.children if c.dep_ == "agent"), None)


def passive_clauses(msg: Message):
    """Yield (subject, verb, agent-or-None) for every passive clause in the parse."""
    for token in msg.tokens_with_dep("nsubjpass", "csubjpass"):
        verb = token.head
        yield token, verb, agent_of(verb)
        # a participle joined to it shares its subject: "she was taken out of the venue
        # and was raped"
        for joined in verb.conjuncts:
            if joined.i > verb.i and joined.tag_ == "VBN" and not any(
                    c.dep_ in ("nsubj", "nsubjpass", "csubjpass") for c in joined.children):
                yield token, joined, agent_of(joined)
    # A passive whose subject the parser labels active, in a clause under a reporting
    # verb: "a woman who police say was shot and killed by her boyfriend".
    for aux in msg.tokens_with_dep("auxpass"):
        verb = aux.head
        if verb.tag_ != "VBN" or any(c.dep_ in ("nsubjpass", "csubjpass") for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < aux.i), None)
        if subject is not None:
            yield subject, verb, agent_of(verb)
        elif aux.lower_ == "being":
            # a passive gerund has the subject of the clause it hangs on: "she died
            # after being shot by her ex-boyfriend", "after being assaulted by him,
            # Georgia took…"
            controller = _controller(verb)
            if controller is not None:
                yield controller, verb, agent_of(verb)


# Prepositions that tell the gerund as something that happened ("after being shot"),
# not as what is talked of ("statements she made about being assaulted").
EVENT_PREPS = frozenset({"after", "before", "since", "following", "upon", "on", "while",
                         "despite", "from"})


# Determiners that leave a plural a kind of person: "most teens", "all survivors".
GENERIC_DETS = frozenset({"most", "many", "some", "all", "few", "several", "any"})


def _controller(verb: Token) -> Token | None:
    """The subject of the clause a subjectless gerund hangs on, through the
    preposition that introduces it ("after being shot") or directly (an adverbial
    clause); none when that clause tells of a kind of person or what may happen."""
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ in EVENT_PREPS:
        clause = verb.head.head
    elif verb.dep_ == "advcl":
        clause = verb.head
    else:
        return None
    if clause.pos_ not in ("VERB", "AUX") or any(c.tag_ == "MD" for c in clause.children):
        return None  # "victims may stay silent for years after being assaulted": generic
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ in ("WP", "WDT") and clause.dep_ == "relcl":
        subject = clause.head  # "Tamika Jones, who died after being shot by …"
    if subject is None or (subject.tag_ in ("NNS", "NNPS") and not any(
            c.dep_ in ("det", "poss", "nummod") and c.lower_ not in GENERIC_DETS
            for c in subject.children)):
        return None  # "survivors often blame themselves after being raped": a kind of person
    return subject


def headline_passives(msg: Message):
    """Yield (subject, verb, agent-or-None) for the passives a headline drops its "was"
    from: "Woman shot and killed in front of her kids" (the parser reads a subject and
    an active verb with no object), "Sunderland carer killed by violent husband" (a
    participle on the noun)."""
    for start, end, kind in msg.structure.frame:
        if kind != "headline":
            continue
        span = msg.doc.char_span(start, end, alignment_mode="expand")
        for verb in span if span is not None else ():
            if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
                continue
            agent = agent_of(verb)
            if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
                yield verb.head, verb, agent
                continue
            if any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") or (
                    c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "toward", "towards"))
                   for c in verb.children):
                continue  # "Man kills wife", "Husband shot at deputies": active
            owner = verb.head if verb.dep_ == "conj" else verb
            subject = next((c for c in owner.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                yield subject, verb, agent


def _helpers(verb: Token) -> list[Token]:
    """The verb's dependents, and for a participle joined to a passive with no helping
    verb of its own ("is being bullied or harassed"), the first one's, whose tense it
    shares."""
    own = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in own):
        return own + [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    return own


def is_statistic(subject: Token, verb: Token) -> bool:
    """A generic or counted statement: a present or future tense passive whose
    subject is counted ("three women", "another American") or indefinite ("when a
    woman is killed"), or which happens at a rate ("every day", "a day")."""
    if not any(c.dep_ in ("aux", "auxpass") and c.tag_ in GENERIC_AUX_TAGS for c in _helpers(verb)):
        return False
    if told_events(subject, verb):
        return False
    counted = any(c.dep_ in ("nummod", "quantmod") or c.lower_ in QUANTIFIER_DETS
                  for c in subject.children)
    indefinite = any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETS for c in subject.children)
    rate = any(c.dep_ == "npadvmod" and any(d.lower_ in RATE_DETS | INDEFINITE_DETS
                                            for d in c.children)
               for c in verb.children)
    return counted or indefinite or rate


def told_events(subject: Token, verb: Token) -> bool:
    """A count of events that happened, in the present perfect: "five women have been
    raped in their homes", "at least five women have been killed since Jan. 9". The
    women are particular people harmed by particular men, not a rate; a share ("1 in
    10 teens have been abused", "40% have been assaulted") or a rate ("every day")
    stays a statistic."""
    auxes = [c for c in _helpers(verb) if c.dep_ in ("aux", "auxpass")]
    if not any(c.lemma_ == "have" for c in auxes) or any(c.tag_ == "MD" for c in auxes):
        return False
    numbers = [c for c in subject.children if c.dep_ == "nummod" and c.like_num]
    if not numbers or subject.lower_ in ("percent", "%"):
        return False
    # a few people, counted one by one ("five women"), not a national total ("4.5
    # million women", "more than 1,500 women"), which is a statistic
    if not all(_small_count(n) for n in numbers):
        return False
    # "1 in 10 teens", "40% of women", "one out of five": the words before the noun, or
    # a preposition of the noun or its number.
    before = subject.doc[subject.left_edge.i:subject.i]
    preps = [c for head in (subject, *numbers) for c in head.children if c.dep_ == "prep"]
    share = any(t.lower_ in ("in", "of", "out", "%", "percent") for t in (*before, *preps))
    rate = any(c.dep_ == "npadvmod" for c in verb.children)
    return not share and not rate


SMALL_COUNT = 100  # at most this many people is a count of events told one by one
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12}


def _small_count(number: Token) -> bool:
    """A count small enough to be people harmed one by one, with no "more than" or
    "nearly" before it and no "million" or "thousand" after it."""
    if any(c.dep_ in ("quantmod", "advmod") and c.lower_ in ("more", "nearly", "almost", "over", "than")
           for c in number.children) or any(c.dep_ == "compound" for c in number.children):
        return False
    text = number.lower_.replace(",", "")
    value = NUMBER_WORDS.get(text) or (int(text) if text.isdigit() else None)
    return value is not None and value <= SMALL_COUNT


def check_passive(rule: Rule, msg: Message) -> list[Finding]:
    """Passive clauses whose subject and verb match the rule (agentless if asked)."""
    opts = rule.options
    subjects = {s.lower() if s not in ("PERSON", "PRON") else s for s in opts.get("subjects", [])}
    verbs = {v.lower() for v in opts.get("verbs", [])}
    exclude = {v.lower() for v in opts.get("exclude_verbs", [])}
    report_verbs = {v.lower() for v in opts.get("self_report_verbs", [])}
    speakers = {v.lower() for v in opts.get("quote_speakers", [])}
    officials = frozenset(v.lower() for v in opts.get("official_speakers", []))
    relatives = frozenset(v.lower() for v in opts.get("relatives", []))
    report_nouns = {v.lower() for v in opts.get("self_report_nouns", [])}
    verdicts = {v.lower() for v in opts.get("verdicts", [])}
    verdict_cues = {v.lower() for v in opts.get("verdict_cues", [])}
    others = {v.lower() for v in opts.get("other_agents", [])}
    accidents = {v.lower() for v in opts.get("accidents", [])}
    found, seen = [], set()
    # A headline's dropped "was" is read only for a rule that names its (transitive)
    # verbs: "Council voted" drops nothing, "Woman shot" does.
    headlines = headline_passives(msg) if verbs else ()
    for subject, verb, agent in (*passive_clauses(msg), *headlines):
        lemma = verb.lemma_.lower()
        if (verbs and lemma not in verbs) or lemma in exclude:
            continue
        # one finding per clause: "Woman shot and killed" is one passive of "Woman" (a
        # joined verb the rule names still counts when the first one is not named:
        # "Woman kidnapped and raped")
        if (subject.i, verb.i) in seen or (verb.dep_ == "conj" and (subject.i, verb.head.i) in seen):
            continue
        seen.add((subject.i, verb.i))
        # "the woman who was killed", and "the woman who police say was killed": the
        # relative clause, through a reporting verb's clause
        clause = verb.head if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" else verb
        if subject.tag_ in RELATIVE_TAGS and clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
            head = clause.head
            if head.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in head.children):
                continue  # "women who have been abused": a kind of person, no event told
            subject = head  # "the woman who was killed": the noun "who" stands for
        if not _subject_matches(subject, subjects):
            continue
        if opts.get("agentless") and agent is not None:
            continue
        if subject._.is_mention or verb._.is_mention:
            continue
        if opts.get("statistics") == "suppress" and is_statistic(subject, verb):
            continue
        if report_verbs and is_self_report(subject, verb, report_verbs, report_nouns,
                                           officials, relatives):
            continue
        if agent is not None and any(g.lemma_.lower() in others for g in agent.children if g.dep_ == "pobj"):
            continue  # "was shot by police", "was attacked by a dog": no abuser left out
        if any(g.lemma_.lower() in accidents for c in verb.children if c.dep_ == "prep"
               for g in c.children if g.dep_ == "pobj"):
            continue  # "was killed in a crash": an accident, told as one
        if verdicts and any(c.dep_ == "advmod" and c.lower_ in verdicts for c in verb.children) and any(
                t.lemma_.lower() in verdict_cues for t in verb.sent):
            continue  # "an inquest ruled she was unlawfully killed": the verdict's own words
        start_token = min(subject.left_edge.i, verb.i)
        being = [c.i for c in verb.children if c.dep_ == "auxpass" and c.lower_ == "being"]
        if being and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            # a gerund's subject is its clause's ("after being shot"): the gerund alone
            start_token = min(being + [verb.i])
        # "was beaten and strangled", "Woman shot and killed": the acts joined to it
        # (not a clause of its own: "a girl was stabbed and another girl was shot")
        end_token = max([verb.i + 1] + [c.i + 1 for c in verb.children if c.dep_ == "conj"
                                        and c.pos_ == "VERB" and c.lemma_.lower() in verbs
                                        and not any(g.dep_ in ("nsubj", "nsubjpass")
                                                    for g in c.children)])
        if agent is not None:
            end_token = max(end_token, agent.right_edge.i + 1)
        span = msg.doc[start_token:end_token]
        quoted = in_quotation([verb])
        if quoted and opts.get("quotes") == "suppress" and spoken_quote(
                msg.doc[start_token:verb.i + 1], msg.doc.user_data.get(QUOTED_KEY, []),
                speakers, officials):
            continue  # a person's own words, whole: "“Our daughter was murdered…,” her mother said"
        found.append(msg.finding(rule, span.start_char, span.end_char, quoted=quoted,
                                 context={"agentless": agent is None, "in_quote": quoted}))
    return found
