"""Parts the request model reads from the parse: who a word names, the actions a
request asks for, and how much they amount to.

Kept apart from :mod:`framing.request_frames` (which finds the requests) so
each stays small; both read the words of ``lexicons/requests.yaml``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon.requests_spec import RequestSpec
from .spacy_attributes import doc_text

SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
SENDER = {"we", "us", "i", "me", "ourselves", "myself"}
# Words that open a clause giving a reason or a result: it explains the ask, it is not
# its size ("because every parent deserves to know", "so that all students are safe").
REASON_MARKS = frozenset({"because", "since", "so"})
# Dashes that end a clause inside a sentence, after which an imperative may start. (A
# colon more often opens a list that says what a noun before it is, "two goals: raise
# awareness and …", and a semicolon a verb whose subject is left out, "these
# workshops teach …; enhance …".)
CLAUSE_BREAKS = frozenset({"–", "—", "-", "--"})
# Where a doc keeps the names it gives with a title of office (:func:`titled_names`).
TITLED_NAMES = "framing_titled_names"
# The person a letter greets is the partner's: "Dear Alison Hernandez," (the name's
# last word). Titles and honorifics may come first ("Dear Mayor Heartwell:").
GREETED = re.compile(r"(?m)^[ \t]*(?:Dear|Hello|Hi)[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,4}?"
                     r"([A-Z][\w'’-]+)[ \t]*[,:]")
PARTNER = {"you", "your", "yours", "yourself", "yourselves", "y'all"}
# Possessives that make a thing the sender's ("our plan", "my request").
SENDER_POSSESSIVES = {"our", "my"}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60,
                "ninety": 90, "a": 1, "an": 1, "several": 3, "few": 3, "many": 5}
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Party:
    """Who a word names: ``sender`` (we, our staff), ``partner`` (you, your board),
    ``people`` (the partner's roles: teachers, every supervisor) or ``other``."""

    kind: str
    universal: bool = False

    @property
    def theirs(self) -> bool:
        """The partner or one of its people: who an ask can be made of."""
        return self.kind in ("partner", "people")


def is_dash(token: Token) -> bool:
    """A dash between clauses: an en or em dash, or a hyphen with space on both sides
    (not the hyphen of "24-7" or "follow-up")."""
    if token.text not in CLAUSE_BREAKS:
        return False
    if token.text in ("–", "—"):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return bool(token.whitespace_) and (before is None or bool(before.whitespace_))


def lemma_of(token: Token, spec: RequestSpec | None = None) -> str:
    """The token's lemma, lower case, with the parser's known slips corrected
    (``requests.yaml``'s ``lemma_fixes``: "hoping" is not a form of "hop")."""
    lemma = token.lemma_.lower()
    if spec is not None:
        return spec.lemma_fixes.get(token.lower_, lemma)
    return lemma


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject of the verb it is coordinated with."""
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    # "for your board to endorse": the subject sits under a "for" marker.
    return None


def doer_of(verb: Token) -> Token | None:
    """Who does what ``verb`` says: the agent of a passive ("was developed by our staff"),
    else the subject."""
    for child in verb.children:
        if child.dep_ == "agent":
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            if found is not None:
                return found
    return subject_of(verb)


def has_aux(verb: Token, lemmas) -> bool:
    """Whether an auxiliary of ``verb`` (or of the verb it is coordinated with, when it
    shares that verb's subject) is one of ``lemmas``. A conjunct with a subject of its own
    is a clause of its own: in "residents should be safe, and the county pays" the
    county is not told it should."""
    own_subject = False
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and (child.lemma_.lower() in lemmas
                                                 or child.lower_ in lemmas):
            return True
        own_subject = own_subject or child.dep_ in SUBJECTS
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not own_subject:
        return has_aux(verb.head, lemmas)
    return False


def is_negated_verb(verb: Token) -> bool:
    """Whether the verb carries a negation ("do not require", "never ask", "no teacher
    will be required", "nobody has to")."""
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in SUBJECTS and (child.lower_ in ("nobody", "none", "nothing", "no-one")
                                       or any(g.dep_ == "det" and g.lower_ in ("no", "neither")
                                              for g in child.children)):
            return True
    return False


def is_inclusive_we(subject: Token, spec: RequestSpec) -> bool:
    """Whether "we" takes the reader in with the writer, as in a letter from inside the
    community: "we all", "together we", "we need to look out for each other", "let's",
    "we pray", "we grieve". Such a "we" is not the sender's organisation talking
    about itself, and it offers nothing on the sender's behalf."""
    if subject.lower_ not in ("we", "us"):
        return False
    verb = subject.head
    if any(c.lower_ in spec.inclusive_markers for c in subject.children):
        return True  # "we all", "we both"
    if any(c.lower_ in spec.inclusive_markers and c.dep_ not in SUBJECTS for c in verb.children):
        return True  # "together we will", "we can all"
    if lemma_of(verb, spec) in spec.shared_experience:
        return True
    # "look out for each other", "let's", "all of us": searched in the verb's clause.
    clause = verb.doc[verb.left_edge.i:verb.right_edge.i + 1].text
    return spec.inclusive_cues.search(clause) is not None


def is_purpose(verb: Token) -> bool:
    """Whether ``verb`` heads a purpose clause ("so that we can include it", "in order
    that we may"): what the main clause is for, not something done in its own right."""
    if verb.dep_ not in ("advcl", "ccomp"):
        return False
    # The marker opens the clause ("so we can", "so that we can", "in order that"):
    # "we can do so" ends with one and is no purpose clause.
    first = verb.left_edge
    return first.lower_ in ("so", "in") and any(
        c.lower_ in ("so", "order") and c.i < verb.i for c in verb.subtree)


def party_of(token: Token | None, spec: RequestSpec, people) -> Party:
    """Who ``token`` (the head of a noun phrase) names."""
    if token is None:
        return Party("other")
    lower = token.lower_
    # "The undersigned organizations" of a sign-on letter are its senders.
    if lower in SENDER or lower == "undersigned" or any(
            c.dep_ == "amod" and c.lower_ == "undersigned" for c in token.children):
        return Party("sender")
    if lower in PARTNER:
        return Party("partner")
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None:
        if owner.lower_ in SENDER_POSSESSIVES:
            return Party("sender")
        if owner.lower_ in ("your", "yours"):
            return Party("partner")
    universal = any(c.dep_ in ("det", "predet", "amod") and lemma_of(c, spec) in spec.universal
                    for c in token.children)
    lemma = lemma_of(token, spec)
    if lemma in spec.quantifiers:
        # "each of you", "all of your teachers", "many of your members": the group
        # after "of" is who is named.
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if inner is not None:
            party = party_of(inner, spec, people)
            if party.kind != "other":
                return Party(party.kind, party.universal or lemma in spec.universal)
    if lemma in spec.partner_roles or _is_people(token, people):
        return Party("people", universal)
    if token.pos_ == "PROPN" and token.lower_ in titled_names(token.doc, spec):
        return Party("people")  # "Mayor George Heartwell", and "Heartwell" after it
    # "all varsity and junior varsity coaches": the role may be a conjunct.
    for conj in (c for c in token.children if c.dep_ == "conj"):
        inner = party_of(conj, spec, people)
        if inner.kind == "people":
            return Party("people", universal or inner.universal)
    return Party("other")


def standing_arrangement(verb: Token, spec: RequestSpec) -> bool:
    """Whether ``verb`` puts a standing arrangement of the partner's own in place:
    "have a domestic abuse policy", "put a protocol in place" (a standing verb with a
    standing object that is not the sender's)."""
    # a gerund the parser reads as a preposition ("consider including bullying curricula")
    # has its object as the preposition's
    misread = verb.dep_ == "prep" and verb.tag_ == "VBG"
    return lemma_of(verb, spec) in spec.standing_verbs and any(
        (c.dep_ == "dobj" or (misread and c.dep_ == "pobj"))
        and lemma_of(c, spec) in spec.standing_objects and not owned_by_sender(c)
        for c in verb.children)


def titled_names(doc, spec: RequestSpec) -> frozenset[str]:
    """The names (last word, lower case) that the text gives with a title of office
    ("Mayor George Heartwell", "the Police and Crime Commissioner, Alison Hernandez") or
    greets ("Dear Alison Hernandez,"): those people are the partner's wherever the name
    comes back. Read once per doc."""
    kept = doc.user_data.get(TITLED_NAMES)
    if kept is None:
        titles = spec.official_titles
        found = {match.group(1).lower() for match in GREETED.finditer(doc_text(doc))}
        for token in doc:
            if token.pos_ != "PROPN" or token.dep_ == "compound":
                continue
            # "Mayor George Heartwell"
            titled = any(c.dep_ == "compound" and c.i < token.i and c.lower_.rstrip(".") in titles
                         for c in token.children)
            # "the Police and Crime Commissioner, Alison Hernandez,"
            named_for = token.dep_ == "appos" and token.head.lemma_.lower() in titles
            if titled or named_for:
                found.add(token.lower_)
        kept = doc.user_data[TITLED_NAMES] = frozenset(found)
    return kept


def _is_people(token: Token, people) -> bool:
    """``people`` is a pattern for the partner's roles, or (faster, for a whole text)
    the set of indices of the tokens it matches (:func:`people_tokens`)."""
    if people is None:
        return False
    if isinstance(people, frozenset):
        return token.i in people
    return people.search(token.text) is not None


def declined(conjunct: Token) -> bool:
    """Whether a coordinated action is the one set aside: "rather than build one",
    "and not hire new staff"."""
    before = [t.lower_ for t in conjunct.doc[max(0, conjunct.i - 2):conjunct.i]]
    return before[-2:] == ["rather", "than"] or before[-1:] == ["not"] or any(
        c.dep_ == "neg" for c in conjunct.children)


def actions_of(verb: Token, spec: RequestSpec) -> list[Token]:
    """The requested actions: the verb and the verbs coordinated with it ("run our
    group and log who attends"); through a vague wrapper, the work it wraps ("help
    serve meals", "consider supporting the month by producing a PSA")."""
    actions = [verb]
    for action in actions:  # grows: "plan X, add Y and buy Z" chains its conjuncts
        for child in action.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "NOUN") and child.tag_.startswith(("VB", "NN")):
                if declined(child):
                    continue  # "join an existing program rather than build one": not asked
                # A conjunct verb without its own subject shares the request.
                if not any(g.dep_ in SUBJECTS for g in child.children) and child not in actions:
                    actions.append(child)
    for action in list(actions):
        if lemma_of(action, spec) not in spec.vague_actions:
            continue
        if any(c.dep_ in ("dobj", "dative") and party_of(c, spec, None).kind == "other"
               for c in action.children):
            continue  # "encourage the city council to hold off": the council's work, not theirs
        for child in action.children:
            inner = None
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB" and child.i > action.i:
                inner = child  # what it wraps follows it: not a clause before a dash
            elif child.dep_ == "prep" and child.lower_ == "by":
                inner = next((g for g in child.children if g.dep_ == "pcomp" and g.pos_ == "VERB"), None)
            elif (child.dep_ == "prep" and child.tag_ == "VBG" and child.pos_ == "VERB"
                  and child.i == action.i + 1):
                inner = child  # a gerund the parser reads as a preposition: "consider including"
            if inner is not None and inner not in actions:
                actions += actions_of(inner, spec)
    return actions


# Prepositions that give the sum a thing comes to ("a request for $12 million", "fund it
# at $20 million", "an increase to $6 million"; not "a cut of $40 million", "the loss of
# $3 million", a sum only talked about).
SUM_PREPS = frozenset({"for", "at", "to"})


def _count(token: Token) -> float | None:
    text = token.lower_
    if NUMBER.match(text):
        return float(text)
    return NUMBER_WORDS.get(text)


def amount_of(tokens, asked: Token | None, spec: RequestSpec) -> tuple[list[str], dict]:
    """How much the request amounts to: the words that say it and flags
    (universal, recurring, long, sessions)."""
    words: list[str] = []
    flags = {"universal": False, "recurring": False, "long": False, "sessions": False,
             "sized": False}
    tokens = list(tokens)
    scope = list(tokens)
    if asked is not None:
        scope += [c for c in asked.children if c.dep_ in ("det", "predet", "amod")] + [asked]
    for token in scope:
        lemma = lemma_of(token, spec)
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if after is not None and after.lower_ == "other" and lemma in ("each", "one"):
            continue  # "look out for each other": reciprocal, not everyone
        if lemma in spec.universal and token.dep_ in ("det", "predet", "amod", "nsubj", "dobj"):
            head = token.head
            if lemma_of(head, spec) in spec.time_units:
                flags["recurring"] = True  # "each month", "at every intake"
                words.append(f"{token.text} {head.text}")
            else:
                flags["universal"] = True
                words.append(f"{token.text} {head.text}")
        elif lemma in spec.recurrence:
            flags["recurring"] = True
            words.append(token.text)
        elif token.tag_ == "$" and token.head.like_num and (
                token.head.dep_ == "dobj" or (token.head.dep_ == "pobj"
                                              and token.head.head.lower_ in SUM_PREPS)):
            # a sum given ("provide no less than $10 million", "fund the request for $12
            # million", "at $20.4 million"): an appropriation is bounded; a sum talked
            # about ("hold off on the $40 million") is not a size
            head = token.head
            words.append(token.doc[min(token.i, head.i):max(token.i, head.i) + 1].text)
            flags["sized"] = True
        elif lemma in spec.time_units and token.pos_ == "NOUN":
            number = next((c for c in token.children if c.dep_ in ("nummod", "compound", "amod")
                           and _count(c) is not None), None)
            if number is None:
                # "eight-week group": the number hangs on the unit word's own child,
                # unless that child is a unit itself ("two-hour module" is one module).
                number = next((g for c in token.children if lemma_of(c, spec) not in spec.time_units
                               for g in c.children if _count(g) is not None), None)
            if number is None or (token.dep_ == "npadvmod" and after is not None
                                  and lemma_of(after, spec) in spec.time_points):
                continue  # "remove the poster two weeks after posting": when, not how long
            count = _count(number) or 0
            words.append(f"{number.text} {token.text}")
            flags["sized"] = True
            if lemma in spec.long_units and not (lemma == "hour" and count < 1):
                flags["long"] = True
            elif lemma == "minute" and count >= 60:
                flags["long"] = True
            elif lemma in ("session", "class", "lesson", "meeting", "visit", "module") and count >= spec.many_sessions:
                flags["sessions"] = True
    # "district-wide", "across the district": searched only in the request's own words.
    found = spec.universal_phrases.search(tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text) if tokens else None
    if found:
        flags["universal"] = True
        words.append(found.group(0).strip())
    return list(dict.fromkeys(words)), flags


def said_content(actions, spec: RequestSpec, people) -> set[int]:
    """The token indexes of what a verb of saying passes on ("remind them that
    advocates keep all information confidential"): its content, not the partner's work,
    unless the content is about the partner or its people ("tell your teachers that
    they must complete the training", which passes a mandate on)."""
    found: set[int] = set()
    for action in actions:
        if lemma_of(action, spec) not in spec.saying_verbs:
            continue
        theirs_told = any(party_of(c, spec, people).theirs for c in action.children
                          if c.dep_ in ("dobj", "dative"))
        for clause in (c for c in action.children if c.dep_ == "ccomp"):
            subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
            # the partner itself ("that you must", "that your staff must"), or the
            # people told ("tell your teachers that they must")
            if subject is None or party_of(subject, spec, people).kind == "partner" or (
                    theirs_told and (subject.lower_ in ("they", "you")
                                     or party_of(subject, spec, people).theirs)):
                continue
            found.update(t.i for t in clause.subtree)
    return found


def has_means(tokens) -> bool:
    """Whether one of ``tokens`` is "by" with a clause after it (a gerund: "improve
    lighting by adding lamps"): the means of a result asked for is the action. Callers
    pass an action's children or its whole subtree, as far as the means may hang."""
    return any(t.dep_ == "prep" and t.lower_ == "by" and any(g.dep_ == "pcomp" for g in t.children)
               for t in tokens)


def others_clauses(actions, spec: RequestSpec, people) -> set[int]:
    """The token indexes of clauses hung on the actions that do not size the work asked:
    a clause before the action that tells what the sender or a thing does ("Each
    workshop is customized …, so your leaders may present", "We visit every school, so
    your counselors can join us") or is set off from it by a dash ("You already do so
    much for every student — join us"), and a reason given for it ("because every
    parent deserves to know"). A clause after the action that is the work itself
    ("check that each kit is replaced every month") still sizes it."""
    found: set[int] = set()
    for action in actions:
        for clause in (c for c in action.children if c.dep_ in ("ccomp", "advcl")):
            subtree = list(clause.subtree)
            if any(c.dep_ == "mark" and c.lower_ in REASON_MARKS for c in clause.children):
                found.update(t.i for t in subtree)
                continue
            if subtree[-1].i >= action.i:
                continue
            between = action.doc[subtree[-1].i + 1:action.i]
            if any(is_dash(t) for t in between):
                found.update(t.i for t in subtree)
                continue
            subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
            # a pronoun other than the sender's may stand for the partner's people
            if subject is None or (subject.pos_ == "PRON" and subject.lower_ not in SENDER):
                continue
            if party_of(subject, spec, people).kind in ("other", "sender"):
                found.update(t.i for t in subtree)
    return found


def is_heading(text: str) -> bool:
    """A title line ("Break The Silence Sunday"): a few capitalised words and no full
    stop. It names something; it asks nothing."""
    words = text.split()
    if not words or len(words) > 8 or text.rstrip()[-1] in ".!?:;,":
        return False
    content = [w for w in words if len(w) > 3]
    return bool(content) and all(w[0].isupper() for w in content) and len(words) > 1


def owned_by_sender(token: Token) -> bool:
    """Whether ``token`` is the sender's by a possessive ("our plan", "my request")."""
    return any(c.dep_ == "poss" and c.lower_ in SENDER_POSSESSIVES for c in token.children)


def is_list_label(text: str) -> bool:
    """A label over a list ("Do:", "Do not:", "Don't:"): a word or two and a colon
    that introduce the asks below it; it asks nothing itself."""
    stripped = text.strip()
    return stripped.endswith(":") and len(stripped.split()) <= 2


def blank_words(text: str) -> set[str]:
    """The words of a template blank, lower case ("[Your organization]": your,
    organization): what the blank stands for is read from them."""
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)}


def blank_out(text: str, placeholders) -> str:
    """``text`` with its template blanks turned into spaces (offsets kept)."""
    out = list(text)
    for found in placeholders.finditer(text):
        out[found.start():found.end()] = " " * (found.end() - found.start())
    return "".join(out)


def is_instruction(text: str) -> bool:
    """A template's note to whoever fills it in ("[Type a short personal reason…]")."""
    stripped = text.strip()
    return stripped[:1] in "[{<" and stripped.rstrip(".")[-1:] in "]}>"


def noun_phrase(token: Token) -> str:
    """The words of the noun phrase headed by ``token`` (its determiners and modifiers)."""
    left = [t for t in token.lefts if t.dep_ in ("det", "predet", "poss", "amod", "compound", "nummod")]
    start = min([t.i for t in left] + [token.i])
    return token.doc[start:token.i + 1].text


def action_text(verb: Token) -> str:
    """The action with its object, at most a few words ("run our eight-week group")."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "prep", "xcomp")), None)
    if obj is None:
        return lemma_of(verb)
    tokens = [t for t in obj.subtree][:8]
    return f"{lemma_of(verb)} {verb.doc[tokens[0].i:tokens[-1].i + 1].text}".strip()
