"""Reading a death from the parse: who died, by their own hand or another's.

Shared by the ``method_detail`` check: whether a word hangs on a stated
suicide ("killed himself with a gun", "suicide by firearm"), on a death
("died after being hit by a train", "found dead"), or on a homicide ("shot
her"); the word lists come from the rule (see :class:`DeathWords`).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import Rule

REFLEXIVES = {"himself", "herself", "themselves", "themself", "myself", "yourself",
              "yourselves", "ourselves", "oneself", "itself"}
PERSON_PRONOUNS = {"he", "she", "they", "i", "we", "you", "him", "her", "them", "who", "someone",
                   "somebody", "anyone", "everyone"}
# Dependency links the walk from a method word up to its predicate follows.
WALK_DEPS = {"pobj", "prep", "agent", "pcomp", "compound", "conj", "dobj", "appos", "amod",
             "npadvmod", "nmod", "acl", "advcl", "xcomp", "oprd", "attr", "nsubj", "nsubjpass"}
MAX_HOPS = 6
# Words before a plural death noun that make it a share of all deaths ("7 out of 10",
# "60 percent of", "the majority of"), read within this many words.
SHARE_WORDS = {"percent", "%", "majority", "half", "third", "quarter", "proportion", "share"}
SHARE_REACH = 8
# Prepositions that place an event.
LOCATIVE = {"at", "in", "inside", "near", "on", "outside", "behind", "under", "from", "off",
            "into", "onto", "beside", "beneath"}
# Complements that say a person was found dead, or hanging.
COMPLEMENT_DEPS = {"oprd", "acomp", "xcomp", "attr", "advcl", "ccomp"}
# What rescuers do to a hanging person: "cut him free", "cut her down", "cut him loose".
RESCUE = {"free", "down", "loose"}
RESCUE_DEPS = {"prt", "advmod", "acomp", "oprd", "xcomp", "ccomp", "dep"}


class DeathWords:
    """The rule's word lists, lower-cased once per rule."""

    NAMES = ("deaths", "suicides", "self_verbs", "method_verbs", "person_verbs", "people",
             "homicide_verbs", "harm_results", "harm_causes", "titles", "finding_verbs",
             "custody", "weapons", "pursuits", "wounds",
             "paths", "response_verbs", "care_places", "population", "statistics", "periods",
             "drop_verbs", "drop_preps", "not_means", "found_verbs", "topic_preps", "place_preps",
             "times", "phrasal_particles", "ingest_verbs", "dose_verbs", "not_ingested",
             "against_verbs", "accident_words", "denial_verbs")

    def __init__(self, rule: Rule):
        for name in self.NAMES:
            setattr(self, name, {w.lower() for w in rule.options.get(name, [])})


def death_words(rule: Rule) -> DeathWords:
    """The rule's word lists, built once per rule."""
    if "method_detail:words" not in rule.compiled:
        rule.compiled["method_detail:words"] = DeathWords(rule)
    return rule.compiled["method_detail:words"]


def is_person(token: Token, words: DeathWords) -> bool:
    """A pronoun, a name or a word for a person (the rule's ``people``)."""
    return (token.lower_ in PERSON_PRONOUNS or token.ent_type_ == "PERSON"
            or token.lemma_.lower() in words.people or is_personal_name(token, words))


def is_personal_name(token: Token, words: DeathWords) -> bool:
    """A proper name that is a person's, read without the entity recognizer: a title or
    a word for a person stands before it ("Mr Freeman", "teacher Ana Ruiz"), or the same
    name has a title elsewhere in the text ("Stephen Freeman" … "Mr Freeman")."""
    if token.pos_ != "PROPN":
        return False
    before = [c for c in token.children if c.dep_ in ("compound", "amod", "appos") and c.i < token.i]
    if any(c.lower_.rstrip(".") in words.titles or c.lemma_.lower() in words.people
           for c in before):
        return True
    return token.lower_ in titled_names(token.doc, words)


def titled_names(doc, words: DeathWords) -> frozenset[str]:
    """The words that follow a title anywhere in ``doc`` ("Mr Freeman" gives "freeman"),
    found once per text."""
    key = "method_detail:titled"
    if key not in doc.user_data:
        names = set()
        for token in doc[:-1]:
            if token.lower_.rstrip(".") in words.titles:
                after = doc[token.i + 1]
                if after.text == "." and token.i + 2 < len(doc):
                    after = doc[token.i + 2]
                if after.pos_ == "PROPN":
                    names.add(after.lower_)
        doc.user_data[key] = frozenset(names)
    return doc.user_data[key]


def reflexive_object(verb: Token) -> Token | None:
    """The reflexive object of a verb: "hanged himself", "turned the gun on herself"."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in REFLEXIVES:
            return child
        if child.dep_ == "prep" and child.lower_ == "on":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.lower_ in REFLEXIVES:
                    return grandchild
    return None


def figurative_self(verb: Token, words: DeathWords) -> bool:
    """Whether an act done to oneself is a figure of speech, not a method: into a
    pursuit ("threw himself into his work", "into his studies"), or cut off ("cut
    herself off from her friends")."""
    return any((c.dep_ == "prt" and c.lower_ == "off") or (
        c.dep_ == "prep" and c.lower_ == "into" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in words.pursuits for g in c.children))
        for c in verb.children)


def own_life(verb: Token) -> bool:
    """ "took his own life", "ended her life": the object is a life owned by its subject."""
    return any(child.dep_ == "dobj" and child.lemma_.lower() in {"life", "live"}
               and any(g.dep_ == "poss" or g.lower_ == "own" for g in child.children)
               for child in verb.children)


def is_homicide(verb: Token, words: DeathWords) -> bool:
    """A method or killing verb done to another person ("shot her", "was killed")."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = verb.lemma_.lower()
    if lemma not in words.method_verbs | words.homicide_verbs:
        return False
    if reflexive_object(verb) is not None:
        return False
    if any(c.lower_ in RESCUE for c in verb.children if c.dep_ in RESCUE_DEPS):
        return False  # "cut him free from the rope", "cut her down": a rescue
    if (lemma in words.harm_results and not any(c.dep_ in ("dobj", "agent") for c in verb.children)
            and not any(t.lower_ in words.harm_causes or t.lemma_.lower() in words.harm_causes
                        for t in verb.sent)):
        # "she was injured and rushed to hospital": hurt, by no one told (not "injured in
        # an attack", "fatally wounded": someone else's doing)
        return False
    # (the parser may make a trailing word the object: "shoot his wife thrice" gives
    # "wife" as a compound of "thrice")
    return any(child.dep_ in {"dobj", "nsubjpass"} and (
        is_person(child, words) or any(g.dep_ == "compound" and is_person(g, words)
                                       for g in child.children))
        for child in (*verb.children, *shared_objects(verb, words)))


def shared_objects(verb: Token, words: DeathWords) -> list[Token]:
    """The objects a homicide verb with none of its own shares with a homicide verb
    joined after it that has no subject of its own: "shot and wounded his wife" (not
    "jumped from the bridge and left his mother a note")."""
    if verb.lemma_.lower() not in words.homicide_verbs or any(
            c.dep_ == "dobj" for c in verb.children):
        return []
    return [g for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
            and c.lemma_.lower() in words.homicide_verbs
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            for g in c.children if g.dep_ == "dobj"]


def suicide_strength(token: Token, words: DeathWords) -> int:
    """2 when the token names a suicide, 1 a death or a method act, 0 neither."""
    lemma = token.lemma_.lower()
    if lemma in words.suicides and token.dep_ != "compound" and token.pos_ in {"NOUN", "PROPN"}:
        return 2
    if token.pos_ in {"VERB", "AUX"}:
        if lemma in words.self_verbs | words.method_verbs and (
                (reflexive_object(token) is not None and not figurative_self(token, words))
                or own_life(token)):
            return 2
        reflexive = reflexive_object(token)
        if reflexive is not None and reflexive.dep_ == "pobj":
            return 2  # "turned the gun on himself"
        for child in token.children if lemma in words.self_verbs else ():
            # "died by suicide", "attempted suicide" (not "prevent suicide")
            target = child
            if child.dep_ in {"prep", "agent"}:
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
            if target is not None and target.lemma_.lower() in words.suicides:
                return 2
        if lemma in words.deaths:
            return 1
        if lemma in words.method_verbs and not is_homicide(token, words) and not thing_acts(token, words):
            return 1
        # "was found dead": a verb with a death word as its complement.
        if any(c.dep_ in COMPLEMENT_DEPS and c.lemma_.lower() in words.deaths
               for c in token.children):
            return 1
        return 0
    if lemma in words.deaths:
        return 1
    return 0


def thing_acts(verb: Token, words: DeathWords) -> bool:
    """A method verb whose subject is a thing, not a person: "a light rain fell on the
    roof", "the price fell from the peak"."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # a name may be a person's the rule's word list does not know, so only common nouns
    return subject is not None and subject.pos_ == "NOUN" and not is_person(subject, words)


def of_many(verb: Token, words: DeathWords) -> bool:
    """Whether a death verb is said of a population, not of someone: "22 veterans commit
    suicide every day, many by using a gun", "the number of young people dying due to
    firearms", "most people who die by suicide". How a population dies is the statistic
    that lethal-means work argues from, not the method of one death. A count alone
    ("two students took their lives") is still someone's death."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ == "acl":
        subject = verb.head  # "young people dying"
    if subject is None or subject.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ in ("det", "amod", "quantmod", "nummod") and c.lower_ in words.population
           for c in subject.children):
        return True  # "many", "most", "thousands"
    if (subject.dep_ == "pobj" and subject.head.lower_ == "of"
            and subject.head.head.lemma_.lower() in words.statistics):
        return True  # "the number of", "the rate of"
    # "every day", "each year", "a year", "per year"
    return any(c.dep_ in ("npadvmod", "prep") and any(
        g.lower_ in ("every", "each", "per", "a", "an") for g in c.subtree)
        and any(g.lemma_.lower() in words.periods for g in c.subtree) for c in verb.children)


def share_of_deaths(noun: Token, words: DeathWords) -> bool:
    """Whether ``noun`` is deaths counted as a share of all ("about 7 out of 10 veteran
    deaths by suicide", "most suicide deaths", "half of the deaths"): how deaths are
    divided among methods is the statistic lethal-means work argues from. Read from the
    few words before the plural noun, where the parse of such claims is often wrong."""
    if noun.tag_ not in ("NNS", "NNPS") or noun.lemma_.lower() not in words.deaths | words.suicides:
        return False
    before = noun.doc[max(noun.sent.start, noun.i - SHARE_REACH):noun.i]
    lowered = [t.lower_ for t in before]
    return (any(a == "out" and b == "of" for a, b in zip(lowered, lowered[1:]))
            or any(w in words.population or w in SHARE_WORDS for w in lowered))


def anchor_strength(token: Token, words: DeathWords) -> int:
    """How strongly the predicate a method word hangs on names a death (see above).

    Walks up the parse from the word; a homicide on the way ends the walk. When
    the word follows a preposition, the word right before that preposition is
    tried too: the parser often attaches "by firearms" in "the third suicide by
    firearms" to a word further away.
    """
    best = 0
    head = token.head
    if token.dep_ == "pobj" and head.i > 0:
        before = token.doc[head.i - 1]
        best = death_strength(before, words)
    current = token
    for _ in range(MAX_HOPS):
        if current.dep_ not in WALK_DEPS or current.head.i == current.i:
            break
        if current.dep_ == "conj" and current.pos_ in {"VERB", "AUX"}:
            break  # a coordinated clause tells another event
        if of_the_subject(current, words):
            break  # "survivors of the mass shooting took their lives": who they were
        current = current.head
        if is_homicide(current, words):
            break
        if current.pos_ in {"VERB", "AUX"} and of_many(current, words):
            return 0  # how a population dies, a statistic
        if share_of_deaths(current, words):
            return 0  # "7 out of 10 deaths by suicide result from firearm injuries"
        best = max(best, death_strength(current, words))
        if best == 2:
            break
    return best


def death_strength(token: Token, words: DeathWords) -> int:
    """:func:`suicide_strength`, but suicide named as the issue a measure is against
    (one of ``against_verbs``: "to prevent suicides at the Coronado Bridge", "we want
    to reduce suicide by firearm") tells no death, so no method of one; a rate of it
    ("our rate of suicide by firearm"), a death reported ("lost their son to suicide
    at the bridge", "police believe suicide at the bridge was the cause") and a
    sentence that also tells a death ("…, where a 22-year-old jumped last month")
    still count."""
    strength = suicide_strength(token, words)
    if strength != 2 or token.pos_ not in ("NOUN", "PROPN") or not words.against_verbs:
        return strength
    if any(c.dep_ in ("det", "poss", "nummod") for c in token.children):
        return strength  # "a suicide", "his suicide": a death
    governor = token.head.head if token.dep_ == "pobj" else token.head
    # (the parser may hang the noun elsewhere: "To prevent suicides at the bridge, $14
    # million will go towards…" read with "suicides" as the subject of "go")
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    against = next((v for v in (governor, before) if v is not None and v.pos_ == "VERB"
                    and v.lemma_.lower() in words.against_verbs), None)
    # (a gerund after "by" tells how, not a death: "to prevent suicide by jumping")
    if against is None or any(
            t.pos_ in ("VERB", "AUX") and t.i != against.i and suicide_strength(t, words)
            and not (t.dep_ == "pcomp" and t.head.lower_ == "by") for t in token.sent):
        return strength
    return 0


def of_the_subject(token: Token, words: DeathWords) -> bool:
    """Whether ``token`` is an "of" phrase describing the person who is the subject
    ("two survivors of the mass shooting in Parkland took their lives"): it says who
    they were, not how they died. "His death by gunshot" still reads as the method."""
    if token.dep_ != "prep" or token.lower_ != "of":
        return False
    noun = token.head
    return (noun.dep_ in ("nsubj", "nsubjpass") and noun.pos_ in {"NOUN", "PROPN"}
            and noun.lemma_.lower() not in words.deaths | words.suicides)


def place_preposition(token: Token, words: DeathWords, preps=LOCATIVE,
                      excluded: frozenset[str] | set[str] = frozenset()) -> Token | None:
    """The preposition (one of ``preps``) whose object the place ``token`` is, unless the
    place is one of custody, which a death there names to hold the institution to
    account, or one of ``excluded``: the test every place reading starts with."""
    lemma = token.lemma_.lower()
    if token.dep_ == "appos" and token.head.dep_ == "pobj" and token.head.pos_ == "PROPN":
        # "at his Hicksville, Long Island, home": the parser may take the place for a
        # name's apposition, the town before it for the preposition's object
        token = token.head
    if (token.dep_ != "pobj" or token.head.lower_ not in preps
            or lemma in words.custody or lemma in excluded):
        return None
    return token.head


def place_of_suicide(token: Token, words: DeathWords) -> bool:
    """A place named as where a stated suicide happened: "took his life at the hospital".

    The place must be the object of a place preposition that hangs on the
    words stating the suicide (or follows them directly).
    """
    top = token  # "school" in "our school community" is not the place named
    if top.lemma_.lower() in words.custody:
        return False  # a death in custody names the institution that held the person
    # "to a Los Angeles hotel, where he took his life"
    if any(c.dep_ == "relcl" and any(g.lower_ == "where" for g in c.children)
           and suicide_strength(c, words) == 2 for c in top.children):
        return True
    prep = place_preposition(top, words)
    if prep is None:
        return False
    around = [prep.head] + ([token.doc[prep.i - 1]] if prep.i > 0 else [])
    if prep.i > 1 and token.doc[prep.i - 1].text == "," and not (
            prep.head.pos_ in ("VERB", "AUX") and prep.head.i > prep.i):
        # a place set off after the clause it belongs to, which the parser hangs
        # elsewhere: "a boy who committed suicide on April 21, 2021, in his home" (not
        # one that opens the next clause: "Since my brother died by suicide, at school
        # I have talked openly")
        before = token.doc[prep.i - 2]
        around += [before, *list(before.ancestors)[:3]]
    stated = next((t for t in around if suicide_strength(t, words) == 2), None)
    # "a series of suicides at the school", "three suicides on campus": a count of
    # deaths says whose community they were in, not where one death took place.
    return (stated is not None and stated.tag_ not in ("NNS", "NNPS")
            and not by_group(stated) and not the_issue(stated, words))


def the_issue(word: Token, words: DeathWords) -> bool:
    """Whether the noun "suicide" names the issue, not a death: bare (no article or
    owner) and the object of something other than dying or committing it ("Addressing
    suicide on campus", "talking about suicide at school"), where "died by suicide",
    "committed suicide" and "a suicide" tell a death."""
    if (word.pos_ not in ("NOUN", "PROPN") or word.dep_ not in ("dobj", "pobj")
            or any(c.dep_ in ("det", "poss", "nummod") for c in word.children)):
        return False
    verb = word.head.head if word.dep_ == "pobj" else word.head
    return verb.lemma_.lower() not in words.self_verbs | words.method_verbs


# Words that make a plural a group in general ("so many people", "more veterans").
GROUP_QUANTIFIERS = {"many", "more", "most", "few", "fewer", "some", "all", "numerous"}


def by_group(word: Token) -> bool:
    """Whether the suicide ``word`` tells is done by people in general, not by someone:
    "Why are so many people attempting suicide in county jail?", "inmates take their
    lives in cells every year". A plural doer quantified as a group or with no
    determiner or number at all (not "two inmates", "the brothers")."""
    verb = word
    if word.pos_ in ("NOUN", "PROPN") and word.dep_ in ("dobj", "pobj", "nsubj", "attr"):
        verb = word.head.head if word.dep_ == "pobj" else word.head
    doer = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    if doer is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        doer = verb.head  # "people attempting suicide"
    if doer is None or doer.tag_ != "NNS":
        return False
    marks = [c for c in doer.children if c.dep_ in ("det", "amod", "nummod", "poss", "advmod")]
    if any(c.lower_ in GROUP_QUANTIFIERS for c in marks):
        return True
    return not any(c.dep_ in ("det", "nummod", "poss") for c in marks)


def death_complements(verb: Token, words: DeathWords) -> list[Token]:
    """The words that complete ``verb`` with a death: "dead" in "was found dead"."""
    return [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS and c.lemma_.lower() in words.deaths]


def place_where_found(token: Token, words: DeathWords) -> bool:
    """A place named as where the person who died was found: "was found dead at his
    home", "his mother found him in his flat", "found in the backyard of their home",
    "his body was discovered in his SUV in a parking lot" (the rule's ``found_verbs``).

    The place is the object of a place preposition hanging on "found" (or on its
    complement, "dead at his home"), and the one found is a person or a body. Asked
    only of a message that tells a suicide and no killing of another person.
    """
    top = token
    # "the backyard of their home": the place phrase is the one the preposition takes.
    while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ in {"NOUN", "PROPN"}:
        top = top.head.head
    prep = place_preposition(top, words)
    if prep is None:
        return False
    verb = prep.head
    found = []
    if verb.pos_ == "ADJ" and verb.dep_ in COMPLEMENT_DEPS:
        verb = verb.head  # "found dead at his home"
    elif verb.tag_ == "VBG" and verb.dep_ in COMPLEMENT_DEPS and verb.lemma_.lower() not in words.found_verbs:
        # "found her body lying on the bed in her bedroom": the one found is the
        # participle's subject
        found = [c for c in verb.children if c.dep_ == "nsubj"]
        verb = verb.head
    if verb.lemma_.lower() not in words.found_verbs or verb.pos_ not in {"VERB", "AUX"}:
        return False
    found += [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    dead = death_complements(verb, words)
    # "found their brother dead": the one found is the complement's subject; a
    # headline's "Deputy found dead at his home" leaves out "was", so with nothing
    # else found the subject is.
    found += [c for d in dead for c in d.children if c.dep_ == "nsubj"]
    if dead and not found:
        found = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.lemma_.lower() != "find":
        # "discovered" tells a death only of a body or with "dead": "he was discovered
        # at a mall by a talent scout" is another story
        return bool(dead) or any(c.lemma_.lower() in words.deaths for c in found)
    # whoever is found dead is a person, whatever their name ("Sam Leeson, 13, from
    # Gloucester, was found dead in his bedroom")
    return any(is_person(c, words) or c.lemma_.lower() in words.deaths
               or (dead and c.pos_ == "PROPN") for c in found)


def place_of_death(token: Token, words: DeathWords) -> bool:
    """A place named as where a death happened: "the death of a second student this
    year at Agnes Arnold Hall", "she died in her dorm room". Asked only of a message
    that tells a suicide and no killing of another person. A place of care ("died at
    the hospital") is where the person was treated, not where they took their life;
    a place of custody names the institution that held them."""
    prep = place_preposition(token, words, excluded=words.care_places)
    return prep is not None and prep.head.lemma_.lower() in words.deaths


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it complements."""
    seen = 0
    while seen < 3:
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return verb.head
        if verb.dep_ not in {"xcomp", "oprd", "advcl", "conj", "ccomp"} or verb.head.i == verb.i:
            return None
        verb = verb.head
        seen += 1
    return None


def states_suicide(sent: Span, words: DeathWords) -> bool:
    """Does the sentence itself say that someone died by suicide or killed themself (not
    denied: "did not believe he had meant to kill himself", "ruled out suicide")?"""
    return any(suicide_strength(t, words) == 2 and not _denied(t, words) for t in sent
               if t.lemma_.lower() in words.suicides | words.self_verbs | words.method_verbs)


def _denied(token: Token, words: DeathWords) -> bool:
    """Whether the clause that tells ``token`` is only what someone does not believe,
    think, mean or find (``denial_verbs``, negated: "she did not believe he had meant to
    kill himself", "the jury did not find that she killed herself"), or what is ruled
    out ("the coroner ruled out suicide"). Any other negated verb above it leaves the
    death told ("he did not tell anyone before he killed himself"), and so does a
    clause that asks why or how ("it is not clear why he took his own life")."""
    verb = token
    while verb.dep_ in ("pobj", "prep", "dobj", "attr") and verb.head.i != verb.i and (
            verb.pos_ not in ("VERB", "AUX")):
        verb = verb.head  # "died by suicide", "ruled out suicide": the verb it hangs on
    for _ in range(4):
        lemma = verb.lemma_.lower()
        if lemma in words.denial_verbs and (
                any(c.dep_ == "neg" for c in verb.children)
                or any(c.dep_ == "nsubj" and c.lower_ in ("nobody", "no-one") for c in verb.children)
                or any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)):
            return True
        if any(c.lower_ in ("why", "how", "whether") and c.dep_ in ("advmod", "mark")
               for c in verb.children):
            return False  # an unknown cause, or an open question, still tells the death
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def has_homicide(sent: Span, words: DeathWords) -> bool:
    """Does the sentence tell a killing of another person?"""
    return any(is_homicide(t, words) for t in sent if t.pos_ == "VERB")


def _phrasal(verb: Token, words: DeathWords) -> bool:
    """Whether the word right after ``verb`` makes it a phrasal verb (the rule's
    ``phrasal_particles``: "hanging around in gangs", "hang out with friends"): spending
    time, not a method. The particle must hang on the verb and tell no time or place of
    the body ("found hanging around 3 a.m.", "hanging about 20 minutes", "hanging out of
    a window" are the method). An entry of several words is an idiom matched as written
    ("hang in there"; the next two words only)."""
    after = verb.doc[verb.i + 1:verb.i + 3]
    for entry in words.phrasal_particles:
        parts = entry.split()
        if [t.lower_ for t in after[:len(parts)]] != parts:
            continue
        if len(parts) > 1:
            return True
        particle = after[0]
        if particle.head.i != verb.i:
            continue
        following = particle.doc[particle.i + 1] if particle.i + 1 < len(particle.doc) else None
        if particle.dep_ in ("prt", "advmod"):
            if following is None or not (following.like_num or following.lower_ == "of"):
                return True
        elif particle.dep_ == "prep":
            obj = next((c for c in particle.children if c.dep_ == "pobj"), None)
            if obj is not None and not (
                    obj.like_num or any(c.like_num for c in obj.children)
                    or obj.lower_ in words.times or obj.lemma_.lower() in words.periods):
                return True
    return False


def bare_person_verb(verb: Token, words: DeathWords) -> bool:
    """Whether ``verb`` is one of the rule's ``person_verbs`` told of a person alone
    ("the man hung there", "found hanging"): no object or particle ("hung a banner",
    "hung up the phone") and no phrasal reading ("hanging around in gangs")."""
    return (verb.lemma_.lower() in words.person_verbs
            and not any(c.dep_ in {"dobj", "prt"} for c in verb.children)
            and not _phrasal(verb, words))


def found_hanging(sent: Span, words: DeathWords) -> bool:
    """Does the sentence tell a person found hanging ("was found hanged", "observed the
    victim hanging with a piece of clothing around his neck")? Wire copy's way of
    telling a suicide by hanging without the word."""
    for token in sent:
        if token.pos_ != "VERB" or not bare_person_verb(token, words):
            continue
        subject = subject_of(token)
        if subject is None or not is_person(subject, words):
            continue
        head = token.head
        if (token.dep_ in {"xcomp", "oprd", "ccomp", "advcl"}
                and head.lemma_.lower() in words.finding_verbs):
            return True
    return False
