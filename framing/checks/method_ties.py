"""How a method word is tied to a death in its sentence, read from the parse: in the
hands of a person ("put a gun in his mouth"), the doer of what was done to them
("struck by a train"), named as the cause of death, turned on oneself ("turned the
gun on himself"); or not a death's method at all: a category counted in a statistic
("146 firearm deaths") or one kind in a list of them. Used by
:mod:`framing.checks.method_detail`."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .death_clauses import (REFLEXIVES, DeathWords, death_complements, figurative_self,
                            is_person, place_preposition, subject_of, suicide_strength)


def names_death(token: Token, words: DeathWords) -> bool:
    """Whether ``token`` is a death word, or a noun "of" one ("the cause of death")."""
    if token.lemma_.lower() in words.deaths:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in words.deaths for g in c.children)
        for c in token.children)


def handled(token: Token, words: DeathWords) -> bool:
    """Whether a method noun is the object of something a person does or undergoes
    (not negated): "he put a gun in his mouth", "the private was found with a bullet
    wound", "workers cut him free from the rope"."""
    top = token
    if top.dep_ in {"compound", "amod"}:
        # "a bullet wound" is the instrument's mark; "the rifle team" is a team
        if top.head.lemma_.lower() not in {"wound", "injury"}:
            return False
        top = top.head
    if top.dep_ == "dobj":
        verb = top.head
    elif top.dep_ == "pobj" and top.head.dep_ == "prep":
        if top.head.lower_ in words.topic_preps:
            return False  # "talking about guns": what is talked of, not held
        verb = top.head.head
    else:
        return False
    if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "neg" for c in verb.children):
        return False
    subject = subject_of(verb)  # through "who" and "tried to": the workers who cut him free
    return subject is not None and is_person(subject, words)


def struck_by(token: Token, words: DeathWords) -> bool:
    """A method noun as the doer of a passive done to a person: "he was struck by a
    train"."""
    if token.dep_ != "pobj" or token.head.dep_ != "agent":
        return False
    verb = token.head.head
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and is_person(subject, words)


def in_the_path(token: Token, words: DeathWords) -> tuple[int, int] | None:
    """Token range of a vehicle a person moved in front of: "jumped in front of a
    car", "walked into the path of a lorry", "ran into traffic", "under a train"."""
    if token.dep_ != "pobj":
        return None
    prep = token.head
    if prep.lower_ == "of" and prep.head.lemma_.lower() in words.paths and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "in front of a car": the "in" the motion verb governs
    elif prep.lower_ not in ("into", "under", "onto"):
        return None
    if prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return None
    # A person moves there ("he stepped"), or no one is named ("by jumping"); not
    # "the bus drove into traffic".
    subject = next((c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and not is_person(subject, words):
        return None
    return prep.i, token.i + 1


def place_responded_to(token: Token, words: DeathWords) -> bool:
    """A place named as where responders were sent ("deputies responded to the fields
    near the school", "police were called to the garage"): in a story of a suicide,
    where the person died. Not a place of custody (the institution, not a detail)."""
    prep = place_preposition(token, words, preps={"to"})
    if prep is None:
        return False
    verb = prep.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in words.response_verbs


def cause_of_death(token: Token, words: DeathWords) -> bool:
    """A method word named as the cause of a death: "the cause of death was
    asphyxiation", "his death was a gunshot wound"."""
    head = token.head
    if token.dep_ not in ("attr", "acomp") or head.lemma_.lower() != "be":
        return False
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and names_death(subject, words)


def counted_category(token: Token, words: DeathWords) -> bool:
    """A method word naming a category of deaths counted or told in the plural ("146
    firearm deaths", "firearm suicides rose", "the rate of firearm suicide"): a
    statistic, not how someone died."""
    head = token.head
    lemma = head.lemma_.lower()
    if token.dep_ not in ("compound", "amod", "nmod") or (
            lemma not in words.deaths and lemma not in words.suicides):
        return False
    # "the rate of firearm suicide", "the number of gun deaths": a statistic's category
    counted = (head.dep_ == "pobj" and head.head.lower_ == "of"
               and head.head.head.lemma_.lower() in words.statistics)
    return head.tag_ in ("NNS", "NNPS") or counted


def listed_kinds(token: Token, methods: list[Token]) -> bool:
    """A method word that is one of three or more methods in a list ("a ruling of
    suicide by gunshot, hanging or suffocation"): kinds of death counted or
    classified, not how someone died."""
    items = (token, *token.conjuncts)
    found = {t.i for t in methods}
    return len(items) >= 3 and sum(t.i in found for t in items) >= 2


def turned_on_self(sent: Span, words: DeathWords) -> list[tuple[int, int]]:
    """Token ranges of a method act done to oneself: "then shot himself", "turned the
    gun on himself", "shot and killed his wife and then himself" (the reflexive joined
    to the killing's object)."""
    ranges = []
    for token in sent:
        if token.lower_ not in REFLEXIVES:
            continue
        top = token
        while top.dep_ == "conj" and top.head.i != top.i and top.head.pos_ not in {"VERB", "AUX"}:
            top = top.head  # "his wife and then himself"
        if top.dep_ == "conj":
            verb = top.head  # "shot and killed his wife and then himself", parsed as a verb's
        elif top.dep_ == "dobj" or (top.dep_ == "npadvmod" and top.i > 0
                                     and top.nbor(-1).lower_ in ("then", "and")):
            verb = top.head  # "stabbed his wife then himself" (not "did it himself")
        elif top.dep_ == "pobj" and top.head.lower_ == "on":
            verb = top.head.head
        else:
            verb = _joined_object_verb(token)
        while (verb is not None and verb.dep_ == "conj"
               and verb.lemma_.lower() not in words.method_verbs
               and not any(c.dep_ == "dobj" for c in verb.head.children)):
            # "shot and killed … himself": two verbs sharing their object, the method
            # is the first; not "shot her, then killed himself", where each has its own
            verb = verb.head
        if verb is None or verb.pos_ not in {"VERB", "AUX"} or figurative_self(verb, words):
            continue
        method = verb.lemma_.lower() in words.method_verbs
        # "turned the gun on himself": a method noun in the hands of the one who dies
        weapon = top.dep_ == "pobj" and any(c.dep_ == "dobj" and c.lemma_.lower() in words.weapons
                                             for c in verb.children)
        if method or weapon:
            ranges.append((min(verb.i, token.i), max(verb.i, token.i) + 1))
    return ranges


def _joined_object_verb(reflexive: Token) -> Token | None:
    """The verb whose object a misparsed reflexive is joined to by "and" in the words:
    in "before fatally shooting his daughter and himself is the second…" the parser
    may take "himself" for the subject of what follows. Read from the word order: "and"
    (or "and then", "then") right before the reflexive, and a verb's object right
    before that."""
    before = reflexive.i - 1
    while before >= 0 and reflexive.doc[before].lower_ in ("then", "and") and (
            reflexive.i - before) <= 2:
        before -= 1
    if before < 0 or before == reflexive.i - 1:
        return None
    obj = reflexive.doc[before]
    while obj.dep_ in {"compound", "amod", "nummod", "appos"} and obj.head.i != obj.i:
        obj = obj.head
    return obj.head if obj.dep_ == "dobj" and obj.head.i < obj.i else None


def self_inflicted(token: Token, words: DeathWords) -> bool:
    """A wound said to be done to oneself ("a self-inflicted gunshot wound"): in a story
    of a suicide it is the death's method wherever it is told. (A wound that is not
    self-inflicted may be another person's, as in a murder-suicide.)"""
    if token.lemma_.lower() not in words.wounds:
        return False
    before = {t.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i
              for t in c.subtree}
    return {"self", "inflicted"} <= before


def dropped_from(verb: Token, words: DeathWords, heights: set[int]) -> tuple[int, int] | None:
    """Token range of a fall a person takes from a place or a height: "he jumped off the
    building", "the student jumped off from the 7th floor" (``drop_verbs`` with a
    ``drop_preps`` phrase whose object is one of ``heights``, the indexes of the place and
    method words, or a numbered floor), or from a height told before it in the
    sentence ("climbed on the railing and jumped off", "… and leapt from it"). Asked
    only in a story of a suicide; "jumped at the chance" or "prices fell from last
    year" name no place."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words.drop_verbs:
        return None
    subject = subject_of(verb)
    dead = False
    if subject is None and verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        # "was found dead after jumping from a building": the one found dead (or who
        # died) took the fall, and is a person whatever their name; not what a clause
        # of anything else did ("raised 6,000 euro by jumping into the sea")
        found = verb.head.head
        dead = found.lemma_.lower() == "die" or bool(death_complements(found, words))
        subject = subject_of(found) if dead else None
    if subject is None or not (is_person(subject, words) or (dead and subject.pos_ == "PROPN")):
        return None
    bare = None
    # a height told before it in the sentence: "climbed on the railing and jumped off",
    # "climbed onto the ledge and leapt from it"
    told = any(verb.sent.start <= h < verb.i for h in heights)
    for prep in verb.children:
        if prep.dep_ not in ("prep", "prt") or prep.lower_ not in words.drop_preps:
            continue
        objects = [g for g in prep.subtree if g.dep_ == "pobj"]
        if told and prep.dep_ == "prt" and not objects and prep.i == verb.i + 1:
            bare = prep
        for place in objects:
            numbered = any(c.dep_ in ("amod", "nummod") and (c.like_num or c.text[:1].isdigit())
                           for c in place.children)  # "the 7th floor", "the fourth floor"
            if place.i in heights or numbered or (told and place.lower_ == "it"):
                return verb.i, max(place.right_edge.i, prep.right_edge.i) + 1
    return (verb.i, bare.i + 1) if bare is not None else None


def told_with_suicide(verb: Token, words: DeathWords, level: int = 2) -> bool:
    """Whether the parse ties a swallowing to a stated suicide or attempt: a gerund on its
    verb ("died by suicide after consuming …", "attempted suicide by swallowing …"), a
    suicide named on the swallowing ("after drinking bleach in an attempted suicide"),
    or a verb joined to it ("drank pesticide and killed himself"). ``level`` 1 takes a
    told death too ("was pronounced dead after taking …"), for a story of a suicide."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ in ("prep", "agent") and suicide_strength(head.head, words) >= level:
        return True
    if verb.dep_ in ("advcl", "conj") and suicide_strength(head, words) >= level:
        return True
    if any(c.dep_ == "conj" and suicide_strength(c, words) >= level for c in verb.children):
        return True
    return any(c.dep_ == "prep" and any(g.dep_ == "pobj" and suicide_strength(g, words) == 2
                                        for g in c.children) for c in verb.children)


def ingested(verb: Token, words: DeathWords, doses: set[int],
             dose_only: bool = False) -> tuple[int, int] | None:
    """Token range of what a person swallowed to take their life, for a verb the parse
    ties to a stated suicide or attempt (:func:`told_with_suicide`, which the caller
    asks first): "died by suicide after consuming a poisonous substance", "was in bed
    after drinking bleach in an attempted suicide" (``ingest_verbs`` with their object,
    an "overdose" verb on its own, or ``dose_verbs`` whose object is one of ``doses``,
    the indexes of the means and instrument words; with ``dose_only``, every verb's
    object must be one of them). Not what ``not_ingested`` names (a
    drink of the day, medication, something accidental), a negated act, or a thing's
    doing ("grief consumed her")."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in words.ingest_verbs | words.dose_verbs:
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    # a bare form with no auxiliary is a misread noun ("a drug and drink induced coma")
    if verb.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    subject = subject_of(verb)
    if subject is None and verb.dep_ in ("pcomp", "advcl") and verb.head.head.pos_ in ("VERB", "AUX"):
        # a gerund after "after" or "by" has the subject of the stated suicide it hangs
        # on, whoever that is ("the farmer", "Grenville")
        subject = subject_of(verb.head.head)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None
    elif subject is None or not (is_person(subject, words) or subject.pos_ == "PROPN"):
        return None  # "grief consumed her", "the blaze consumed the garage"
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if thing is None:
        # "overdosed", "after overdosing on Tylenol": the verb tells the means itself
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
        if lemma in words.dose_verbs or lemma not in words.method_verbs:
            return None
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        return verb.i, (obj.i if obj is not None else verb.i) + 1
    if (lemma in words.dose_verbs or dose_only) and not any(t.i in doses for t in thing.subtree):
        return None
    # a drink of the day ("the equivalent of six pints of beer"), a person, or what
    # was taken by accident ("an accidental overdose") tells no means of a suicide
    if is_person(thing, words) or any(
            t.lemma_.lower() in words.not_ingested for t in thing.subtree if t.pos_ in ("NOUN", "ADJ")):
        return None
    # the thing and its "of" phrase ("an overdose of prescribed drugs"), not where or
    # when ("… in Hoshiarpur district")
    end = thing.i + 1
    for child in thing.children:
        if child.i > thing.i and child.dep_ == "prep" and child.lower_ == "of":
            end = max(end, child.right_edge.i + 1)
    return verb.i, end
