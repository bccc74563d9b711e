"""Kind ``method_detail``: how or where someone died, told in a message about suicide.

A method word is only a problem when the sentence ties it to a death: the
parse links it to a death ("died after being hit by a train", "found dead
from a gunshot"), to a suicide ("suicide by firearm", "killed himself with
a gun", "took his life at the hospital"), or it is the act itself done to
oneself ("hanged himself", "shooting themselves", "the man hung there",
"jumped from the bridge"). A word that names the act itself (a gunshot)
counts in the sentence after a stated suicide too ("she said she would kill
herself. The operator heard a gunshot."). Words that only say the person died somewhere
("she died later in the hospital") or that belong to a homicide ("shot her,
then killed himself") do not. Sentences about safe storage and lethal means
are left alone.

Sentences are only parsed further when one of the rule's method or place
patterns occurs in them, so a message without such words costs one regex.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..message import Message

REFLEXIVES = {"himself", "herself", "themselves", "themself", "myself", "yourself",
              "yourselves", "ourselves", "oneself", "itself"}
PERSON_PRONOUNS = {"he", "she", "they", "i", "we", "you", "him", "her", "them", "who", "someone",
                   "somebody", "anyone", "everyone"}
# Dependency links the walk from a method word up to its predicate follows.
WALK_DEPS = {"pobj", "prep", "agent", "pcomp", "compound", "conj", "dobj", "appos", "amod",
             "npadvmod", "nmod", "acl", "advcl", "xcomp", "oprd", "attr", "nsubj", "nsubjpass"}
MAX_HOPS = 6
# Prepositions that place an event.
LOCATIVE = {"at", "in", "inside", "near", "on", "outside", "behind", "under", "from", "off",
            "into", "onto", "beside", "beneath"}
# Complements that say a person was found dead, or hanging.
COMPLEMENT_DEPS = {"oprd", "acomp", "xcomp", "attr", "advcl", "ccomp"}


class _Words:
    """The rule's word lists, lower-cased once per rule."""

    def __init__(self, rule: Rule):
        opts = rule.options
        self.deaths = _lower(opts.get("deaths", []))
        self.suicides = _lower(opts.get("suicides", []))
        self.self_verbs = _lower(opts.get("self_verbs", []))
        self.method_verbs = _lower(opts.get("method_verbs", []))
        self.person_verbs = _lower(opts.get("person_verbs", []))
        self.people = _lower(opts.get("people", []))
        self.homicide_verbs = _lower(opts.get("homicide_verbs", []))


def _lower(words) -> set[str]:
    return {w.lower() for w in words}


def _words(rule: Rule) -> _Words:
    if "method_detail:words" not in rule.compiled:
        rule.compiled["method_detail:words"] = _Words(rule)
    return rule.compiled["method_detail:words"]


def _is_person(token: Token, words: _Words) -> bool:
    return (token.lower_ in PERSON_PRONOUNS or token.ent_type_ == "PERSON"
            or token.lemma_.lower() in words.people)


def _reflexive_object(verb: Token) -> Token | None:
    """The reflexive object of a verb: "hanged himself", "turned the gun on herself"."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in REFLEXIVES:
            return child
        if child.dep_ == "prep" and child.lower_ == "on":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.lower_ in REFLEXIVES:
                    return grandchild
    return None


def _own_life(verb: Token) -> bool:
    """ "took his own life", "ended her life": the object is a life owned by its subject."""
    return any(child.dep_ == "dobj" and child.lemma_.lower() in {"life", "live"}
               and any(g.dep_ == "poss" or g.lower_ == "own" for g in child.children)
               for child in verb.children)


def is_homicide(verb: Token, words: _Words) -> bool:
    """A method or killing verb done to another person ("shot her", "was killed")."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = verb.lemma_.lower()
    if lemma not in words.method_verbs | words.homicide_verbs:
        return False
    if _reflexive_object(verb) is not None:
        return False
    return any(child.dep_ in {"dobj", "nsubjpass"} and _is_person(child, words)
               for child in verb.children)


def suicide_strength(token: Token, words: _Words) -> int:
    """2 when the token names a suicide, 1 a death or a method act, 0 neither."""
    lemma = token.lemma_.lower()
    if lemma in words.suicides and token.dep_ != "compound" and token.pos_ in {"NOUN", "PROPN"}:
        return 2
    if token.pos_ in {"VERB", "AUX"}:
        if lemma in words.self_verbs | words.method_verbs and (
                _reflexive_object(token) is not None or _own_life(token)):
            return 2
        if _reflexive_object(token) is not None and any(
                c.dep_ == "dobj" and c.lemma_.lower() in {"gun", "firearm", "weapon"}
                for c in token.children):
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
        if lemma in words.method_verbs and not is_homicide(token, words):
            return 1
        # "was found dead": a verb with a death word as its complement.
        if any(c.dep_ in COMPLEMENT_DEPS and c.lemma_.lower() in words.deaths
               for c in token.children):
            return 1
        return 0
    if lemma in words.deaths:
        return 1
    return 0


def anchor_strength(token: Token, words: _Words) -> int:
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
        best = suicide_strength(before, words)
    current = token
    for _ in range(MAX_HOPS):
        if current.dep_ not in WALK_DEPS or current.head is current:
            break
        if current.dep_ == "conj" and current.pos_ in {"VERB", "AUX"}:
            break  # a coordinated clause tells another event
        current = current.head
        if is_homicide(current, words):
            break
        best = max(best, suicide_strength(current, words))
        if best == 2:
            break
    return best


def place_of_suicide(token: Token, words: _Words) -> bool:
    """A place named as where a stated suicide happened: "took his life at the hospital".

    The place must be the object of a place preposition that hangs on the
    words stating the suicide (or follows them directly).
    """
    top = token  # "school" in "our school community" is not the place named
    prep = top.head
    if top.dep_ != "pobj" or prep.lower_ not in LOCATIVE:
        return False
    if suicide_strength(prep.head, words) == 2:
        return True
    return prep.i > 0 and suicide_strength(token.doc[prep.i - 1], words) == 2


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it complements."""
    seen = 0
    while seen < 3:
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return verb.head
        if verb.dep_ not in {"xcomp", "oprd", "advcl", "conj", "ccomp"} or verb.head is verb:
            return None
        verb = verb.head
        seen += 1
    return None


def _act(verb: Token, words: _Words) -> tuple[int, int] | None:
    """Token range of a method act: "hanged himself", "the man hung there", "jumped to his death"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in {"VERB", "AUX"} or lemma not in words.method_verbs:
        return None
    reflexive = _reflexive_object(verb)
    if reflexive is not None:
        return verb.i, reflexive.i + 1
    for child in verb.children:
        if child.dep_ == "prep":
            if any(g.dep_ == "pobj" and g.lemma_.lower() in words.deaths for g in child.children):
                return verb.i, child.right_edge.i + 1   # "jumped to his death"
    if lemma in words.person_verbs and not any(
            c.dep_ in {"dobj", "prt"} for c in verb.children):
        subject = _subject(verb)
        if subject is not None and _is_person(subject, words):
            own = subject.head is verb and subject.i < verb.i
            start = subject.left_edge.i if own else verb.i
            end = max([verb.i] + [c.i for c in verb.children if c.dep_ == "advmod"
                                  and c.i > verb.i]) + 1
            return start, end
    return None


def _phrase(token: Token) -> tuple[int, int]:
    """Token range of a method word's phrase: "with a gun", "at Methodist Northeast Hospital"."""
    top = token
    while top.dep_ in {"compound", "amod", "conj"} and top.head is not top:
        top = top.head
    start, end = top.left_edge.i, top.right_edge.i + 1
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


def _states_suicide(sent: Span, words: _Words) -> bool:
    """Does the sentence itself say that someone died by suicide or killed themself?"""
    return any(suicide_strength(t, words) == 2 for t in sent
               if t.lemma_.lower() in words.suicides | words.self_verbs | words.method_verbs
               or t.lemma_.lower() == "die")


def _has_homicide(sent: Span, words: _Words) -> bool:
    return any(is_homicide(t, words) for t in sent if t.pos_ == "VERB")


def sentence_ranges(sent: Span, text: str, prev: Span | None, rule: Rule,
                    words: _Words) -> list[tuple[int, int]]:
    """Token ranges of method and place detail in one sentence."""
    methods = _matched_tokens(compiled_option(rule, "methods"), sent, text)
    means = _matched_tokens(compiled_option(rule, "means"), sent, text)
    places = _matched_tokens(compiled_option(rule, "places"), sent, text)
    inherent = _matched_tokens(compiled_option(rule, "inherent"), sent, text)
    events = _matched_tokens(compiled_option(rule, "events"), sent, text)
    ranges = []
    homicide = None
    for token in methods:
        if not _usable(token):
            continue
        if token.pos_ in {"VERB", "AUX"}:
            act = _act(token, words)
            if act is not None:
                ranges.append(act)
            continue
        strength = anchor_strength(token, words)
        if strength == 1:
            homicide = _has_homicide(sent, words) if homicide is None else homicide
            if homicide:
                strength = 0
        if strength:
            ranges.append(_phrase(token))
    for token in events:
        if not _usable(token) or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        # "She said she would kill herself. The operator then heard a gunshot."
        homicide = _has_homicide(sent, words) if homicide is None else homicide
        if not homicide and (_states_suicide(sent, words)
                             or (prev is not None and _states_suicide(prev, words))):
            ranges.append(_phrase(token))
    for token in means:
        if _usable(token) and token.pos_ in {"NOUN", "PROPN"} and anchor_strength(token, words) == 2:
            ranges.append(_phrase(token))
    for token in places:
        if _usable(token) and token.pos_ in {"NOUN", "PROPN"} and place_of_suicide(token, words):
            ranges.append(_phrase(token))
    for token in inherent:
        if _usable(token):
            ranges.append(_phrase(token))
    return ranges


def check_method_detail(rule: Rule, msg: Message) -> list[Finding]:
    """One finding per sentence that tells how or where someone died."""
    literals = [compiled_option(rule, name) for name in ("methods", "means", "places", "inherent", "events")]
    literals = [p for p in literals if p is not None]
    if not any(p.search(msg.text) for p in literals):
        return []
    exclude = compiled_option(rule, "exclude")
    words = _words(rule)
    found = []
    for index, sent in enumerate(msg.sentences):
        text = msg.sentence_texts[index]
        if not any(p.search(text) for p in literals):
            continue
        if exclude is not None and exclude.search(text):
            continue
        prev = msg.sentences[index - 1] if index else None
        ranges = sentence_ranges(sent, text, prev, rule, words)
        if not ranges:
            continue
        start = min(r[0] for r in ranges)
        end = max(r[1] for r in ranges)
        span = msg.doc[start:end]
        quoted = any(t._.in_quote or t._.attributed for t in span)
        found.append(msg.finding(rule, span.start_char, span.end_char, quoted=quoted,
                                 context={"in_quote": any(t._.in_quote for t in span)}))
    return found
