"""Kind ``method_detail``: how or where someone died, told in a message about suicide.

A method word is only a problem when the sentence ties it to a death: the
parse links it to a death ("died after being hit by a train", "found dead
from a gunshot"), to a suicide ("suicide by firearm", "killed himself with
a gun", "took his life at the hospital"), or it is the act itself done to
oneself ("hanged himself", "shooting themselves", "the man hung there",
"jumped from the bridge"). A word that names the act itself (a gunshot)
counts in the sentence after a stated suicide too ("she said she would kill
herself. The operator heard a gunshot."). Words that only say where the
person died ("she died later in the hospital") or that belong to a homicide
("shot her, then killed himself") do not; in a murder-suicide the act done to
oneself still does ("shot his wife and then himself", "turned the gun on
himself"). Sentences about safe storage and lethal means are left alone. How
the parse is read lives in :mod:`framing.checks.death_clauses` and
:mod:`framing.checks.method_ties`.

Sentences are only parsed further when one of the rule's method or place
patterns occurs in them, so a message without such words costs one regex.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..message import Message
from .spans import in_quotation
from .death_clauses import (REFLEXIVES, DeathWords, anchor_strength, bare_person_verb,
                            death_strength, death_words, figurative_self, found_hanging,
                            has_homicide, is_homicide, is_person, place_of_death,
                            place_of_suicide, place_where_found, reflexive_object,
                            shared_objects, states_suicide, subject_of, suicide_strength)
from .method_ties import (cause_of_death, counted_category, dropped_from, handled, ingested,
                          listed_kinds, in_the_path, names_death, place_responded_to, self_inflicted,
                          struck_by, told_with_suicide, turned_on_self)

# Determiners that make a suicide noun one death ("a suicide", "the suicide"), not
# suicide in general or every one of them.
ONE_DETERMINERS = {"a", "an", "the", "this", "that", "her", "his", "their"}
# Verbs of trying whose infinitive tells an attempt ("tried to take his life").
TRYING = {"try", "attempt"}
PATTERN_OPTIONS = ("methods", "means", "places", "inherent", "events", "by_means", "instruments",
                   "agents", "vehicles")


def _act(verb: Token, words: DeathWords) -> tuple[int, int] | None:
    """Token range of a method act: "hanged himself", "the man hung there",
    "jumped to his death"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in {"VERB", "AUX"} or lemma not in words.method_verbs:
        return None
    if is_homicide(verb, words):
        return None  # "shot his girlfriend to death" tells a killing, not a suicide's method
    reflexive = reflexive_object(verb)
    if reflexive is not None:
        if figurative_self(verb, words):
            return None
        return verb.i, _where_done(verb, reflexive.i + 1, words)
    for child in verb.children:
        if child.dep_ == "prep":
            # "jumped to his death"; not a count ("the number jumped from nearly 7
            # deaths per 100,000 to almost 11 deaths")
            if any(g.dep_ == "pobj" and g.lemma_.lower() in words.deaths
                   and not any(c.dep_ == "nummod" or c.like_num for c in g.children)
                   for g in child.children):
                return verb.i, child.right_edge.i + 1
    if verb.dep_ in {"pcomp", "pobj"}:
        prep = verb.head
        # "died by hanging", "the cause of death as hanging", "ruled his death a suicide
        # by hanging" (the parser may hang the preposition on a word further away: the
        # word before it is tried too)
        before = verb.doc[prep.i - 1] if prep.i > 0 else None
        if names_death(prep.head, words) or (before is not None and names_death(before, words)):
            return prep.i, verb.i + 1
        # "ruled his death a suicide by hanging": the suicide the verb's own object names
        # (not "marked the anniversary of her son's suicide by jumping out of a plane",
        # nor an act done to a thing: "responded to his suicide by shooting a film")
        if prep.lower_ == "by" and not _done_to_a_thing(verb, words) and any(
                w is not None and _one_suicide(w, words) for w in (
                    prep.head, before if before is not None and before.head.i == prep.head.i
                    and before.dep_ in ("dobj", "attr", "oprd") else None)):
            return prep.i, verb.i + 1
    # "died by suicide, jumping from the fifth floor": a method act told as how the
    # stated suicide was done (a clause hanging on the words that state it)
    if verb.dep_ in {"advcl", "conj", "xcomp"} and suicide_strength(verb.head, words) == 2:
        drop = [c for c in verb.children if c.dep_ == "prep"]
        end = max([verb.i] + [c.right_edge.i for c in drop]) + 1
        return verb.i, end
    if bare_person_verb(verb, words):
        subject = subject_of(verb)
        # "found Rehtaeh hanging": whoever is found hanging is a person, named or not
        found = verb.head.lemma_.lower() in ("find", "discover") and verb.dep_ in {
            "ccomp", "xcomp", "oprd"} and subject is not None and subject.pos_ == "PROPN"
        if subject is not None and (is_person(subject, words) or found):
            own = subject.head.i == verb.i and subject.i < verb.i
            start = subject.left_edge.i if own else verb.i
            end = max([verb.i] + [c.i for c in verb.children if c.dep_ == "advmod"
                                  and c.i > verb.i]) + 1
            return start, end
    return None


def _one_suicide(word: Token, words: DeathWords) -> bool:
    """A suicide noun naming one death ("a suicide by hanging", "his suicide by
    hanging"), not suicide in general ("Suicide by hanging is the most common method",
    "the rate of suicide by hanging", "every suicide by hanging"), suicides counted
    ("suicides by hanging rose") nor the issue a measure is against ("to prevent a
    suicide by jumping")."""
    return (word.pos_ in ("NOUN", "PROPN") and word.tag_ in ("NN", "NNP")
            and word.lemma_.lower() in words.suicides
            and any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ONE_DETERMINERS)
                    for c in word.children)
            and death_strength(word, words) == 2)


def _done_to_a_thing(verb: Token, words: DeathWords) -> bool:
    """Whether a verb's object is a thing, not the one who died: "shooting a documentary"
    (an object that is a person or a reflexive is the act's own: "hanging himself")."""
    return any(c.dep_ == "dobj" and c.lower_ not in REFLEXIVES and not is_person(c, words)
               for c in verb.children)


def _where_done(verb: Token, end: int, words: DeathWords) -> int:
    """The end of a method act's span, stretched over the place phrases after it
    (``place_preps``: "from a tree", "in the garden of his home"), not over a time, an
    age, an address or a feeling ("on 19 June 2003", "on Sunday", "at the age of 15",
    "in despair": a number, ``periods``, ``times`` or ``not_means``)."""
    at = end  # where the next place phrase must start
    for prep in sorted((c for c in verb.children if c.dep_ in ("prep", "npadvmod") and c.i >= end),
                       key=lambda t: t.i):
        if prep.left_edge.i == at and _passed_over(prep, words):
            # "shot himself to death this month outside the camp": the death and the
            # time between the act and its place are passed over, not taken alone
            at = prep.right_edge.i + 1
            continue
        if prep.dep_ != "prep" or prep.lower_ not in words.place_preps or prep.i != at:
            break  # only phrases that follow on without a gap
        stop = _place_end(prep)
        # a number tells a time, a date, an age or an address ("at 3 a.m.", "on the
        # 19th", "at 1412 Maple Avenue"), and a feeling no place ("in despair")
        if stop is None or any(t.like_num or t.lower_ in words.times
                               or t.lemma_.lower() in words.periods
                               or t.lemma_.lower() in words.not_means
                               for t in verb.doc[prep.i:stop]):
            break
        end = at = stop
    return end


def _passed_over(phrase: Token, words: DeathWords) -> bool:
    """A phrase between a method act and its place: "to death" (not "over the death of
    his girlfriend", a cause) or a time with no number ("this month", "last week")."""
    if phrase.dep_ == "prep":
        return phrase.lower_ == "to" and any(
            g.dep_ == "pobj" and g.lemma_.lower() == "death" for g in phrase.children)
    return (phrase.lemma_.lower() in words.periods or phrase.lower_ in words.times) and not any(
        t.like_num for t in phrase.subtree)


def _place_end(prep: Token) -> int | None:
    """Where a place phrase ends: its object and the "of" phrases on it ("in the garden
    of his home"), not a town or a time hung on those ("… in Woodley, Berkshire")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    end = obj.i + 1
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i > obj.i:
            end = max(end, _place_end(child) or end)
    return end


def _means_of_suicide(verb: Token, words: DeathWords) -> tuple[int, int] | None:
    """Token range of the means a stated suicide names with "by" and a verb: "killed
    themselves by drinking pesticides", "took his own life by stepping in front of a
    train". Whatever the verb, saying how is the method. Only a told death (a finite
    verb): in "someone thinking of ending their life by listening and calling 988" the
    parse may hang the helper's "by" on the gerund."""
    if misread_suicide(verb, words):
        # the parser may hang the "by" phrase on a word further away: the one right
        # after the noun is tried too
        following = verb.nbor() if verb.i + 1 < len(verb.doc) else None
        return _by_means(verb) or (_by_means(following.head) if following is not None
                                   and following.lower_ == "by" else None)
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in words.self_verbs:
        return None
    # "tried to commit suicide by lighting himself on fire": the attempt is told, by
    # the finite verb of trying that the infinitive completes.
    tried = (verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in TRYING
             and verb.head.tag_ in {"VBD", "VBN", "VBZ", "VBP"})
    if verb.tag_ not in {"VBD", "VBN", "VBZ", "VBP"} and not tried:
        return None
    # "killed themselves", "took his own life", "attempted suicide"
    if suicide_strength(verb, words) != 2:
        return None
    return _by_means(verb) or _with_means(verb, words)


def _with_means(verb: Token, words: DeathWords) -> tuple[int, int] | None:
    """The "with" phrase of a stated suicide naming what it was done with, whatever the
    thing: "killed herself with antidepressants", "took his life with a shotgun"; not
    the people with them ("with his family in the house") nor a feeling ("with grief")."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ != "with":
            continue
        thing = next((g for g in child.children if g.dep_ == "pobj"), None)
        if (thing is not None and thing.pos_ == "NOUN" and not is_person(thing, words)
                and thing.lemma_.lower() not in words.not_means
                and not any(c.lower_ == "no" for c in thing.children)):
            return child.i, child.right_edge.i + 1
    return None


def _by_means(word: Token) -> tuple[int, int] | None:
    """The "by" phrase with a verb hanging on ``word``: "by jumping from a building", or
    "by drinking sniper" whose verb the parser read as part of a name."""
    for child in word.children:
        if child.dep_ != "prep" or child.lower_ != "by":
            continue
        if any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children) or any(
                g.dep_ == "pobj" and any(m.dep_ in ("compound", "amod") and m.tag_ == "VBG"
                                         and m.i == child.i + 1 for m in g.children)
                for g in child.children):
            return child.i, child.right_edge.i + 1
    return None


def misread_suicide(word: Token, words: DeathWords) -> bool:
    """A stated suicide the parser read as a noun phrase: in "a 22-year-old committed
    suicide by jumping…" it may take "committed" for an adjective on "suicide". Such a
    noun tells a suicide (a suicide that is prevented or reduced has no such word)."""
    if word.pos_ != "NOUN" or word.lemma_.lower() not in words.suicides or word.i == 0:
        return False
    before = word.nbor(-1)
    return (before.dep_ == "amod" and before.head.i == word.i
            and any(before.lower_ in (verb + "ed", verb + "d", verb + "ted")
                    for verb in words.self_verbs))


def _phrase(token: Token) -> tuple[int, int]:
    """Token range of a method word's phrase: "with a gun", "at Methodist Northeast Hospital"."""
    top = token
    while top.dep_ in {"compound", "amod", "conj"} and top.head.i != top.i:
        top = top.head
    start, end = top.left_edge.i, top.right_edge.i + 1
    if top.dep_ == "appos" and top.head.dep_ == "pobj":
        top = top.head  # "at his Hicksville, Long Island, home": the whole phrase
        start, end = top.left_edge.i, max(end, top.right_edge.i + 1)
    if top.dep_ == "pobj" and top.head.dep_ in {"prep", "agent"}:
        start = top.head.i
    if end - start > 12:
        return token.i, token.i + 1
    return start, end


def _matched_tokens(pattern, sent: Span, text: str) -> list[Token]:
    if pattern is None:
        return []
    tokens = []
    for match in pattern.finditer(text):
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(),
                                  alignment_mode="expand")
        if span is not None:
            tokens.append(span.root)
    return tokens


def _usable(token: Token) -> bool:
    # Names stay in: a named bridge or hospital is still the place of the death.
    return not token._.is_mention


def sentence_ranges(sent: Span, text: str, prev: Span | None, rule: Rule,
                    words: DeathWords, suicide_story: bool = False) -> list[tuple[int, int]]:
    """Token ranges of method and place detail in one sentence. ``suicide_story``: the
    message tells a suicide and no killing of another person, so where the person was
    found is where they died."""
    methods = _matched_tokens(compiled_option(rule, "methods"), sent, text)
    means = _matched_tokens(compiled_option(rule, "means"), sent, text)
    places = _matched_tokens(compiled_option(rule, "places"), sent, text)
    inherent = _matched_tokens(compiled_option(rule, "inherent"), sent, text)
    events = _matched_tokens(compiled_option(rule, "events"), sent, text)
    by_means = compiled_option(rule, "by_means")
    ranges = [] if by_means is None or not by_means.search(text) else [
        r for r in (_means_of_suicide(t, words) for t in sent
                    if t.lemma_.lower() in words.self_verbs or misread_suicide(t, words))
        if r is not None]
    homicide = None
    for token in methods:
        if not _usable(token):
            continue
        if token.pos_ in {"VERB", "AUX"}:
            act = _act(token, words)
            if act is not None:
                ranges.append(act)
            continue
        if counted_category(token, words) or listed_kinds(token, methods):
            continue
        strength = anchor_strength(token, words) or int(cause_of_death(token, words))
        if strength == 1:
            homicide = has_homicide(sent, words) if homicide is None else homicide
            if homicide:
                strength = 0
        if strength:
            ranges.append(_phrase(token))
    for token in events:
        if (not _usable(token) or token.pos_ not in {"NOUN", "PROPN"}
                or listed_kinds(token, methods)):
            continue
        # "She said she would kill herself. The operator then heard a gunshot."
        homicide = has_homicide(sent, words) if homicide is None else homicide
        if not homicide and (states_suicide(sent, words)
                             or (prev is not None and states_suicide(prev, words))):
            ranges.append(_phrase(token))
    for token in means:
        if (_usable(token) and token.pos_ in {"NOUN", "PROPN"}
                and anchor_strength(token, words) == 2):
            ranges.append(_phrase(token))
    ranges += swallowed(sent, text, rule, words, means, suicide_story)
    if suicide_story:
        # In a story of a suicide, the instrument in the hands of the person ("put a gun
        # in his mouth", "consumed poison", "cut him free from the rope", "found with a
        # bullet wound") is how they died; a train he loved is not.
        instruments = _matched_tokens(compiled_option(rule, "instruments"), sent, text)
        ranges += [_phrase(t) for t in instruments
                   if _usable(t) and t.pos_ in {"NOUN", "PROPN"} and handled(t, words)]
        agents = _matched_tokens(compiled_option(rule, "agents"), sent, text)
        ranges += [_phrase(t) for t in agents if _usable(t) and struck_by(t, words)]
        ranges += [_phrase(t) for t in sent if _usable(t) and self_inflicted(t, words)]
        vehicles = _matched_tokens(compiled_option(rule, "vehicles"), sent, text)
        ranges += [r for r in (in_the_path(t, words) for t in vehicles if _usable(t)) if r]
        heights = {t.i for t in places + methods}
        ranges += [r for r in (dropped_from(t, words, heights) for t in sent
                               if t.lemma_.lower() in words.drop_verbs and _usable(t)) if r]
    # a sentence that tells someone killing another ("killed a police officer and
    # three others before taking his own life, in the tower") names a crime scene
    # (read only when the sentence names a place)
    killing = bool(places) and any(is_homicide(t, words) and (
        any(c.dep_ == "dobj" for c in t.children) or shared_objects(t, words)) for t in sent)
    for token in places:
        if _usable(token) and token.pos_ in {"NOUN", "PROPN"} and (
                place_of_suicide(token, words) and not killing
                or (suicide_story and (place_where_found(token, words)
                                       or place_of_death(token, words)
                                       or place_responded_to(token, words)))):
            ranges.append(_phrase(token))
    for token in inherent:
        if _usable(token):
            ranges.append(_phrase(token))
    # "shot his wife and then himself": the killing is not the method, the act on oneself is
    return ranges + turned_on_self(sent, words)


def swallowed(sent: Span, text: str, rule: Rule, words: DeathWords,
              means: list[Token] | None = None, story: bool = False) -> list[tuple[int, int]]:
    """Token ranges of what a person swallowed to take their life, tied in the parse to
    the suicide or attempt the sentence states ("died by suicide after consuming a
    poisonous substance"), or, in a story of a suicide, to the death the sentence
    tells of the one who died ("Amy was pronounced dead after taking an overdose of
    prescribed drugs": a means named, no accident said, not a relative's death).
    Elsewhere in a story a drink or a drug taken is often just what the day held."""
    swallowing = words.ingest_verbs | words.dose_verbs
    # "take" is in most sentences: the tie to a stated suicide, read from the parse, is
    # asked first, and the means are looked for only where there is one
    tied = [t for t in sent if t.lemma_.lower() in swallowing and _usable(t)
            and told_with_suicide(t, words)]
    died = [t for t in sent if story and t.lemma_.lower() in swallowing and _usable(t)
            and t not in tied and told_with_suicide(t, words, 1) and _own_death(t, sent, words)]
    if not tied and not died:
        return []
    if means is None:
        means = _matched_tokens(compiled_option(rule, "means"), sent, text)
    doses = {t.i for t in means} | {t.i for t in _matched_tokens(
        compiled_option(rule, "instruments"), sent, text)}
    return [r for r in [ingested(t, words, doses) for t in tied]
            + [ingested(t, words, doses, dose_only=True) for t in died] if r]


def _own_death(verb: Token, sent: Span, words: DeathWords) -> bool:
    """Whether the death a swallowing is tied to is told as the story's own: no accident
    in the sentence (``accident_words``: "ruled the death accidental") and no relative
    of someone's dying ("her husband died after taking…")."""
    if any(t.lemma_.lower() in words.accident_words for t in sent):
        return False
    death = verb.head.head if verb.dep_ == "pcomp" else verb.head
    subject = subject_of(death) if death.pos_ in ("VERB", "AUX") else None
    return subject is not None and not any(c.dep_ == "poss" for c in subject.children)


def suicide_story(msg: Message, words: DeathWords) -> bool:
    """Whether the message tells someone's suicide and no killing of another person (a
    murder-suicide's scene is judged by the violence-reporting rules)."""
    return (any(states_suicide(s, words) or found_hanging(s, words) for s in msg.sentences)
            and not any(has_homicide(s, words) for s in msg.sentences))


def check_method_detail(rule: Rule, msg: Message) -> list[Finding]:
    """One finding per sentence that tells how or where someone died."""
    literals = [p for p in (compiled_option(rule, name) for name in PATTERN_OPTIONS)
                if p is not None]
    words = death_words(rule)
    swallowing = words.ingest_verbs | words.dose_verbs
    if not any(p.search(msg.text) for p in literals) and not any(
            t.lemma_.lower() in swallowing for t in msg.doc):
        return []
    exclude = compiled_option(rule, "exclude")
    # "Police are investigating a murder-suicide at a home near…": where a killing
    # named as such happened is the crime's scene, which violence-reporting rules judge.
    homicide = compiled_option(rule, "homicide_cues")
    found = []
    story = None
    for index, sent in enumerate(msg.sentences):
        text = msg.sentence_texts[index]
        if not any(p.search(text) for p in literals):
            # no method, place or means word: only what was swallowed may be told
            if any(t.lemma_.lower() in swallowing for t in sent) and not (
                    exclude is not None and exclude.search(text)):
                if story is None:
                    story = suicide_story(msg, words)
                ranges = swallowed(sent, text, rule, words, None, story)
                if ranges:
                    found.append(_finding(rule, msg, ranges))
            continue
        if story is None:
            story = suicide_story(msg, words)
        if exclude is not None and exclude.search(text):
            continue
        prev = msg.sentences[index - 1] if index else None
        if homicide is not None and homicide.search(text):
            # a murder-suicide's scene is the crime's; how the killer then killed
            # himself is still the suicide's method
            ranges = turned_on_self(sent, words)
        else:
            ranges = sentence_ranges(sent, text, prev, rule, words, story)
        if ranges:
            found.append(_finding(rule, msg, ranges))
    return found


def _finding(rule: Rule, msg: Message, ranges: list[tuple[int, int]]) -> Finding:
    """One finding over a sentence's method and place ranges."""
    span = msg.doc[min(r[0] for r in ranges):max(r[1] for r in ranges)]
    quoted = in_quotation(span)
    return msg.finding(rule, span.start_char, span.end_char, quoted=quoted,
                       context={"in_quote": quoted})
