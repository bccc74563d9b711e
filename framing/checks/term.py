"""Kind ``term``: a pattern found in the text, with context handling (quotations,
use versus mention, names, negation, nearby words, topic gates).
"""
from __future__ import annotations

from spacy.tokens import Span

from ..findings import SEVERITY_RANK, Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..message import Message
from .counts import counted_as_doers
from .death_clauses import subject_of
from .reported import asked_by_another
from .self_label import names_self
from .spans import inside, named_within
from .word_class import in_a_belief, is_attributive, is_counted, part_of_speech, role_of


NEGATORS = {"no", "not", "never", "without", "n't", "nobody", "none", "nor"}


def is_negated(span: Span) -> bool:
    """True when the span's verb is negated or a negator directly precedes it. A
    contrast inside the match ("not if but when", "when, not if") asserts one side
    of it: the negation is part of the phrase."""
    if any(t.lower_ == "but" for t in span) or any(
            t.lower_ == "not" and t.i > span.start for t in span):
        return False
    root = span.root
    for token in (root, root.head):
        if any(child.dep_ == "neg" for child in token.children):
            return True
    sent_start = span.sent.start if span.doc.has_annotation("SENT_START") else 0
    before = span.doc[max(sent_start, span.start - 3):span.start]
    # "DON’T" in capitals with a curly apostrophe stays one token.
    return any(t.lower_ in NEGATORS or t.lower_.replace("’", "'").endswith("n't")
               for t in before)


def what_changes(span: Span):
    """What a verb of change is said of: the subject of "rates have soared" (through a
    coordinated verb too), the noun a participle describes ("soaring rates"), what
    grows at the pace named ("the threat is ramping up at an alarming rate"). None
    when the match is no such verb or nothing is named."""
    root = span.root
    verb = None
    if root.pos_ in ("VERB", "AUX"):
        verb = root
    elif at_a_pace(root):
        verb = root.head.head
    if verb is not None:
        for _ in range(3):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # "rates started spiking": the subject of the verb it completes
            if subject is not None or verb.dep_ not in ("conj", "xcomp"):
                return subject
            verb = verb.head
        return None
    if root.dep_ == "amod" and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    return None


REFLEXIVES = {"themselves", "himself", "herself", "myself", "ourselves", "yourself", "yourselves"}


def at_a_pace(noun) -> bool:
    """"At an alarming rate": a pace that a verb of the clause goes at."""
    return (noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "at"
            and noun.head.head.pos_ in ("VERB", "AUX"))


def changes_elsewhere(span: Span, about, measures: set[str]) -> bool:
    """Whether the verb of change in ``span`` is said of something the rule is not about:
    "their loneliness soars", "rents skyrocketed". A pronoun, a bare measure ("rates
    have soared") or a phrase naming the rule's subject ("suicide rates") keeps it, and
    so does a noun ("the surge"), which may point back to the sentence before."""
    if span.root.lemma_ == "be" or about.search(span.text):
        # "that epidemic is suicide" says what it is, not what rose; "the epidemic of
        # veteran suicides" names its subject in the matched words themselves
        return False
    if at_a_pace(span.root):
        # "veterans are committing suicide at an alarming rate", "farmers are hanging
        # themselves at an alarming rate": the clause names it, or an act on oneself
        verb = span.root.head.head
        clause = verb.doc[verb.left_edge.i:verb.right_edge.i + 1]
        if about.search(clause.text) or any(
                t.lower_ in REFLEXIVES or t.lemma_.lower() == "life" for t in clause):
            return False
    thing = what_changes(span)
    if thing is not None and thing.pos_ != "PRON":
        phrase = thing.doc[thing.left_edge.i:thing.right_edge.i + 1]
        if about.search(phrase.text):
            return False
    root = span.root
    if root.pos_ == "VERB" and any(c.dep_ == "dobj" for c in root.children):
        return True  # done to something ("someone spiked her drink"), not a rise
    if thing is None or thing.pos_ == "PRON":
        return False
    if thing.lemma_.lower() in measures and not any(
            c.dep_ in ("prep", "compound", "amod", "poss") for c in thing.children):
        return False
    return True


PREDICATE_DEPS = ("attr", "oprd", "acomp", "appos")


def said_of(span: Span):
    """Who the matched words are said of: the subject of "was a good man", the noun an
    appositive sits beside ("Smith, a devoted father"), the subject of a verb inside the
    match ("he wouldn't hurt a fly"). None when the parse names no one."""
    root = span.root
    if root.dep_ == "appos":
        return root.head
    # a title before a name: "coaching legend Robert Oliva", "legendary coach Jim Smith"
    head = root
    while head.dep_ in ("compound", "amod") and head.head.i != head.i:
        head = head.head
    if head is not root and head.pos_ == "PROPN":
        return head
    verb = root if root.pos_ in ("VERB", "AUX") else root.head if root.dep_ in PREDICATE_DEPS else None
    for _ in range(3):
        if verb is None:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        # "insisted he wouldn't hurt a fly" has its subject; "called him a good man" its object
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c is not root), None)
        if obj is not None:
            return obj
        verb = verb.head if verb.dep_ in ("xcomp", "ccomp", "conj", "relcl") else None
    return None


def subject_of_state(span: Span):
    """The subject of the verb or state the match names ("she had been drinking", "the
    girl was at the home drinking", "she was intoxicated"), through the verbs it completes
    or follows; None for a noun ("her drinking") or when the parse names no one."""
    verb = span.root
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    if verb.dep_ == "acomp":
        verb = verb.head  # "she was intoxicated": the state's verb
    # "was at the home drinking": the parser hangs the participle on the place, as its
    # object or a clause describing it; it belongs to the clause the place is in.
    if verb.pos_ == "VERB" and (verb.dep_ == "pobj" or (
            verb.dep_ == "acl" and verb.head.dep_ == "pobj")):
        place = verb if verb.dep_ == "pobj" else verb.head
        verb = place.head.head
    return subject_of(verb)


def does_an_act(person, sent: Span, acts: set[str], charged: frozenset[str] = frozenset()) -> bool:
    """Whether ``person`` (a token) is the one who does one of ``acts`` in ``sent``: the
    subject of the act's verb, the noun its relative clause hangs from ("the man who
    shot"), the owner of the act named as a noun ("his abuse"), or the one a verb of
    ``charged`` holds to the act ("pleads guilty to child sex abuse", "was convicted of
    rape"); a pronoun counts for the same pronoun ("he was a pillar ... he strangled her")."""
    def same(token) -> bool:
        return token is not None and (token.i == person.i or (
            token.pos_ == "PRON" and person.pos_ == "PRON" and token.lower_ == person.lower_))
    for token in sent:
        if token.lemma_.lower() not in acts:
            continue
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("pcomp", "pobj"):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if same(subject) or (token.dep_ == "relcl" and same(token.head)):
                return True
        elif any(c.dep_ == "poss" and same(c) for c in token.children):
            return True
        elif charged and _held_to(token, charged, same):
            return True
    return False


def is_accused(span: Span, verbs: set[str]) -> bool:
    """Whether the person the match names is the one arrested, charged or accused: the
    object of one of ``verbs`` ("deputies arrested a 17-year-old man") or the subject of
    its passive ("a 17-year-old man was charged")."""
    root = span.root
    return root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in verbs


def _held_to(act, charged: frozenset[str], same) -> bool:
    """The act is what a verb of ``charged`` ties its subject to, through a preposition
    (and "guilty"): "X pleads guilty to abuse", "X was charged with assault"."""
    head = act
    for _ in range(5):
        if head.dep_ not in ("pobj", "pcomp", "prep", "acomp", "advmod", "compound") or head.head.i == head.i:
            return False
        # "sex abuse charges": only a compound leads to the noun it modifies
        via_compound = head.dep_ == "compound"
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_.lower() not in charged:
                return False
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return same(subject)
        if head.pos_ not in ("ADP", "ADJ", "NOUN") or (head.pos_ == "NOUN" and not via_compound):
            return False
    return False


def check_term(rule: Rule, msg: Message) -> list[Finding]:
    """One finding per pattern match that survives the rule's context options."""
    spans = msg.term_spans.get(rule.id)
    if not spans:
        return []
    opts = rule.options
    unless_doc = compiled_option(rule, "unless_document")
    if unless_doc is not None and unless_doc.search(msg.text):
        return []
    exclude = compiled_option(rule, "exclude")
    named = named_within(rule, msg)
    unless_sent = compiled_option(rule, "unless_sentence")
    near = compiled_option(rule, "near")
    changing = compiled_option(rule, "changing")
    measures = {w.lower() for w in opts.get("measures", [])}
    doers = {w.lower() for w in opts.get("doers", [])}
    charged = frozenset(w.lower() for w in opts.get("charged", []))
    accused = {w.lower() for w in opts.get("accused", [])}
    done_by = {w.lower() for w in opts.get("done_by", [])}
    not_done_by = {w.lower() for w in opts.get("not_done_by", [])}
    undergone = {w.lower() for w in opts.get("undergone", [])}
    states = {w.lower() for w in opts.get("undergone_states", [])}
    self_verbs = {w.lower() for w in opts.get("self_verbs", [])}
    asked_by = {w.lower() for w in opts.get("asked_by", [])}
    window = opts.get("window", 12)
    pos = set(opts.get("pos", []))
    # (an adjective or a verb has no role to check: role_of gives None)
    roles = set(opts.get("roles", [])) | {None} if opts.get("roles") else None
    beliefs = {w.lower() for w in opts.get("beliefs", [])}
    first = opts.get("first_sentences")
    # The opening is the body's first sentences, never a headline or salutation.
    opening = ({(s.start_char, s.end_char) for s in msg.opening_sentences(first)}
               if first is not None else None)
    # Jargon the partner's sector already uses (SEL for schools) is their plain language.
    familiar = ({t.lower() for t in msg.sector.familiar_terms}
                if msg.sector and rule.category == "plain-language" else set())
    found = []
    for span in spans:
        sent_index = msg.sentence_index(span.start_char)
        if opening is not None:
            sent = msg.sentences[sent_index]
            if (sent.start_char, sent.end_char) not in opening:
                continue
        sentence = msg.sentence_texts[sent_index]
        if exclude is not None and exclude.search(sentence):
            continue
        if named and inside(span.start_char, span.end_char, named):
            continue
        if unless_sent is not None and unless_sent.search(sentence):
            continue
        if familiar and span.text.lower() in familiar:
            continue
        tokens = list(span)
        context = {
            "in_quote": any(t._.in_quote for t in tokens),
            "attributed": any(t._.attributed for t in tokens),
            "mention": any(t._.is_mention for t in tokens),
            "proper_noun": any(t._.in_name for t in tokens),
        }
        if context["mention"] and opts.get("mentions", "suppress") == "suppress":
            continue
        if context["proper_noun"] and opts.get("names", "suppress") == "suppress":
            continue
        if pos and part_of_speech(span.root) not in pos:
            continue
        if roles is not None and role_of(span) not in roles:
            continue
        if beliefs and in_a_belief(span, beliefs):
            continue
        if opts.get("counted") == "suppress" and is_counted(span):
            continue
        if opts.get("attributive") == "suppress" and is_attributive(span):
            continue
        if self_verbs and names_self(span, self_verbs):
            continue
        if asked_by and asked_by_another(span, asked_by):
            continue
        if changing is not None and changes_elsewhere(span, changing, measures):
            continue
        if done_by:
            subject = subject_of_state(span)
            if subject is None or (subject.lower_ not in done_by
                                   and subject.lemma_.lower() not in done_by):
                continue
        if not_done_by:
            subject = subject_of_state(span)
            if subject is not None and (subject.lower_ in not_done_by
                                        or subject.lemma_.lower() in not_done_by):
                continue
        if accused and is_accused(span, accused):
            continue
        if doers:
            person = said_of(span)
            if person is None or not does_an_act(person, span.sent, doers, charged):
                continue
        negation = opts.get("negated", "ignore")
        if negation != "ignore":
            negated = is_negated(span)
            if (negation == "suppress" and negated) or (negation == "only" and not negated):
                continue
        if near is not None:
            doc = span.doc
            around = doc[max(0, span.start - window):min(len(doc), span.end + window)].text
            if not near.search(around):
                continue
        # A word chosen by the writer stays the writer's in a paraphrase ("according
        # to a report, 270,000 homeless students..."): rules about word choice set
        # ``attributed: ignore``; claims a source makes keep the softening.
        paraphrase = context["attributed"] and opts.get("attributed", "downgrade") == "downgrade"
        quoted = context["in_quote"] or paraphrase
        quotes = opts.get("quotes", "downgrade")
        if quoted and quotes == "suppress":
            continue
        # A rate of harm suffered ("1 in 3 teens experience dating abuse") is not a
        # behaviour to imitate: advice, not the problem the rule warns of.
        severity = ("suggestion" if undergone and not counted_as_doers(span, undergone, states)
                    else None)
        found.append(msg.finding(rule, span.start_char, span.end_char, context=context,
                                 quoted=quoted and quotes == "downgrade", severity=severity))
    if len(found) < opts.get("min_count", 1):
        return []
    if not opts.get("once"):
        return found
    # A format (a myth/fact sheet) or a repetition (alarm words said again and again) is
    # one problem however many matches it has: told at the first of the strongest (a
    # quoted first match does not soften the writer's own later ones), and for a
    # repetition with the words that make it up.
    first = min(found, key=lambda f: (-SEVERITY_RANK[f.severity], f.start))
    if opts.get("min_count", 1) > 1:
        others = []
        for f in found:
            if f.text.lower() != first.text.lower() and f.text.lower() not in others:
                others.append(f.text.lower())
        if others:
            first.message = f"{first.message} (Also: {', '.join(others)}.)"
    return [first]
