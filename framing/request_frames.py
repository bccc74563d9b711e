"""Finding requests in one sentence: the frames of :mod:`framing.requests`.

Each frame names the mode (imperative, question, permission, directive, wish,
obligation, presumption, importance), the token naming who is asked (None
when the partner is implied, as in an imperative) and the requested actions.
The directive frames ("we ask your district to...") are read in
:mod:`framing.request_directives`, the imperatives' in :mod:`framing.request_imperatives`
and the sentences the parse misreads in :mod:`framing.request_misreads`; this module
tells which frame a verb heads, and the questions, wishes, invitations and obligations.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon.requests_spec import RequestSpec
from .list_items import third_person_form
from .request_directives import DirectiveReadings
from .request_imperatives import ImperativeReadings
from .request_misreads import MisreadReadings
from .request_parts import (Party, actions_of, blank_words, declined, has_aux,
                            is_inclusive_we, is_negated_verb, lemma_of, party_of,
                            said_content, standing_arrangement, subject_of)
from .request_self import SelfReadings

Frame = tuple[str, "Token | None", list[Token], bool]


def told_now(verb: Token) -> bool:
    """A main clause in the present, not negated: "your teachers need to log", not
    "providers had to turn women away", "you do not need to struggle in silence" or
    "imagine being told that you have to leave"."""
    return (verb.tag_ in ("VBP", "VBZ", "VB") and verb.dep_ in ("ROOT", "conj")
            and not is_negated_verb(verb))


# Verbs of seeing after a wish ("we want to see your school adopt…").
SEEING = frozenset({"see", "watch"})
# The reader named among others ("decision makers like yourself").
READER_WORDS = frozenset({"you", "yourself", "yourselves"})


class RequestReader(DirectiveReadings, ImperativeReadings, MisreadReadings, SelfReadings):
    """Reads the request frames of one message's sentences with ``requests.yaml``'s words
    and the partner's people (``people``, a pattern)."""

    def __init__(self, text: str, spec: RequestSpec, people=None):
        self.text = text
        self.spec = spec
        self.people = people
        self.blanks: list[tuple[int, int]] = []  # template blanks of the sentence being read

    # -- who is who ----------------------------------------------------------
    def party(self, token: Token | None) -> Party:
        """Who ``token`` names; a word inside a template blank ("[who on your team]")
        stands for someone of the partner's, not yet named."""
        if token is not None and self.in_blank(token):
            # "[who on your team]" stands for the partner's people; "[Your organization]"
            # in a template is the sender filling it in.
            words = {w for s, e in self.blanks if s <= token.idx < e
                     for w in blank_words(self.text[s:e])}
            if words & self.spec.sender_blank_words:
                return Party("sender")
            return Party("people")
        return party_of(token, self.spec, self.people)

    def in_blank(self, token: Token) -> bool:
        """Whether ``token`` is inside a template blank ("[who on your team] can help")."""
        return any(s <= token.idx < e for s, e in self.blanks)

    # -- one sentence ----------------------------------------------------------
    def read(self, sent: Span) -> list[Frame]:
        """(mode, asked party token, action verbs, by_sender) for each request in ``sent``."""
        found = []
        used: set[int] = set()
        text = self.text[sent.start_char:sent.end_char]
        self.blanks = [(sent.start_char + m.start(), sent.start_char + m.end())
                       for m in self.spec.placeholders.finditer(text)]
        question = text.rstrip().endswith("?")
        for token in sent:
            if token.i in used or token.pos_ not in ("VERB", "AUX"):
                continue
            if is_negated_verb(token) and lemma_of(token, self.spec) not in self.spec.light_actions:
                continue
            if token._.in_quote or token.tag_ == "VBD":
                continue  # quoted or told in the past: a story, not an ask
            if token.dep_ == "conj" and declined(token):
                continue  # "rather than build one of its own": the option set aside
            hit = self.frame(token, question)
            if hit is None:
                continue
            mode, asked, actions, by_sender = hit
            if not actions:
                continue
            used.update(a.i for a in actions)
            used.add(token.i)
            # what a verb of saying passes on is its content, not another request:
            # "remind them that advocates are required to keep it confidential"
            used.update(said_content(actions, self.spec, self.people))
            found.append(hit)
        if not found:
            hit = self.misread(sent)
            if hit is not None:
                found.append(hit)
        return found

    def wishes_well(self, verb: Token) -> bool:
        """"Have a great week!", "Stay safe": a good wish in the imperative's own words
        (its joined clauses left out), ``requests.yaml`` ``well_wishes``."""
        if any(c.dep_ == "prep" and c.lower_ == "by" for c in verb.children):
            return False  # "Stay healthy this winter by getting your flu shot" asks that
        joined = {t.i for c in verb.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        own = [t for t in verb.subtree if t.i >= verb.i and t.i not in joined]
        end = max(t.i for t in own) + 1
        return self.spec.well_wishes.search(verb.doc[verb.i:end].text) is not None

    def bare_present(self, verb: Token) -> bool:
        """An imperative the tagger read as a present ("Thank the volunteers and invite
        them…": "Thank" tagged VBP): its bare form, no subject, heading the sentence."""
        return (verb.tag_ == "VBP" and verb.dep_ == "ROOT" and verb.lower_ == lemma_of(verb, self.spec)
                and subject_of(verb) is None)

    def get_passive(self, verb: Token, subject: Token | None) -> bool:
        """"Get trained", "get certified in naloxone": a participle whose passive "get"
        opens the clause, with no subject: the imperative of a work done to oneself."""
        if verb.tag_ != "VBN" or subject is not None or verb.dep_ not in ("ROOT", "conj"):
            return False
        get = next((c for c in verb.children if c.dep_ == "auxpass"
                    and lemma_of(c, self.spec) == "get" and c.tag_ == "VB"), None)
        if get is None or lemma_of(verb, self.spec) in self.spec.states:
            return False
        # only a bullet, "please" or punctuation before it
        return all(t.pos_ in ("PUNCT", "SPACE", "SYM", "X") or t.lower_ in self.spec.politeness_words
                   for t in verb.doc[verb.sent.start:get.i])

    def become_done(self, verb: Token) -> Token | None:
        """"Librarians should become trained in …": the work named by the participle a
        verb of becoming takes, as "should be trained" names it (a state such as
        "should become familiar" names none)."""
        if lemma_of(verb, self.spec) not in ("become", "get"):
            return None
        return next((c for c in verb.children if c.dep_ in ("acomp", "xcomp", "oprd")
                     and c.tag_ == "VBN" and lemma_of(c, self.spec) not in self.spec.states), None)

    def frame(self, verb: Token, question: bool):
        """The request frame headed by ``verb``, if it is one."""
        spec = self.spec
        lemma = lemma_of(verb, spec)
        subject = subject_of(verb)
        who = self.party(subject) if subject is not None else None
        # Imperative: a bare verb with no subject and no modal heads its clause.
        # (after an adverb the tagger may call the bare verb present tense: "Always
        # include a crisis line"; with no subject it is the same imperative)
        misread = self.opening_misread(verb)
        if (((verb.tag_ == "VB" and not third_person_form(verb))
             or (verb.tag_ == "VBP" and verb.pos_ == "VERB" and lemma != "be"
                 and verb.lower_ == lemma))
                and subject is None and (verb.dep_ in ("ROOT", "conj") or misread)
                and not has_aux(verb, {"to"} | spec.question_modals | spec.obligations)
                and (verb.dep_ == "ROOT" or misread or verb.head.tag_ == "VB"
                     or self.bare_present(verb.head))
                and lemma not in spec.rhetorical and (misread or self.clause_initial(verb))
                and not self.reflects(verb) and not self.asks_nothing(verb, question)
                and not self.wishes_well(verb)):
            verb = self.unwrap(verb)
            if self.informs(verb):
                # "To request a visit for your school, go to…": the purpose is the ask.
                purpose = self.fronted_purpose(verb)
                if purpose is not None:
                    return ("imperative", None, actions_of(purpose, spec), False)
                # "For more information, visit…": asked, but only to look something up.
                return ("information", None, [verb], False)
            conditional = self.conditional_action(verb)
            if conditional is not None:
                return ("imperative", None, actions_of(conditional, spec), False)
            if lemma == "let" and any(c.lower_ in ("us", "me") for c in verb.children):
                return ("imperative", None, [verb], False)
            return ("imperative", None, actions_of(verb, spec), False)
        if self.get_passive(verb, subject):
            # "Get trained on how to reverse an overdose": a passive told as an imperative
            return ("imperative", None, actions_of(verb, spec), False)
        if question and has_aux(verb, spec.question_modals):
            if lemma == "be":
                acomp = next((c for c in verb.children if c.dep_ == "acomp"
                              and lemma_of(c, spec) in spec.willing), None)
                action = next((c for c in (acomp.children if acomp else ()) if c.dep_ == "xcomp"), None)
                if action is not None and who is not None and who.kind != "sender":
                    return ("question", subject, actions_of(action, spec), False)
                return None
            if who is not None and who.kind == "sender":
                if subject is not None and self.asks_how(verb, subject):
                    return None
                return ("permission", None, [verb], True)
            if who is not None and who.theirs:
                if lemma in spec.wishes:
                    inner = next((c for c in verb.children if c.dep_ == "xcomp"), None)
                    if inner is not None:
                        return ("question", subject, actions_of(inner, spec), False)
                return ("question", subject, actions_of(verb, spec), False)
            if subject is not None and subject.dep_ == "nsubjpass" and (who is None or who.kind != "sender"):
                return ("question", None, actions_of(verb, spec), False)
            if subject is not None and (self.involves_partner(subject) or subject.pos_ == "PROPN"):
                # "Can [who on your team] meet with us?", "Would the Herald run…?":
                # a question to someone of theirs, or to the partner by name.
                return ("question", subject, actions_of(verb, spec), False)
            return None
        named = self.named_request(verb, subject)
        if named is not None:
            return named
        if lemma in spec.directives:
            hit = self.directive(verb, subject, who)
            if hit is not None:
                return hit
            # Not a directive here; maybe the verb in another sense, asked of them
            # ("You can call out victim-blaming comments", "coaches should challenge…").
        if lemma in spec.wishes and who is not None and who.kind == "sender":
            seen = next((hit for hit in map(self.wished_to_see, verb.children) if hit), None)
            if seen is not None:
                return seen
        if (lemma in spec.wishes and lemma not in spec.directives) or (lemma == "be" and any(
                c.dep_ == "acomp" and lemma_of(c, spec) in spec.wish_adjectives for c in verb.children)):
            return self.wish(verb, subject, who)
        if lemma == "be" and any(c.dep_ in ("acomp", "attr") and lemma_of(c, spec) in spec.importance
                                 for c in verb.children):
            return self.importance(verb, subject, who)
        if lemma == "be":
            hour = self.moment(verb)
            if hour is not None:
                return hour
        # "We must collectively respond", "we all need to": a "we" that takes the
        # reader in puts the duty on them too (read only where it could matter).
        semi = self.semi_modal(verb)
        obligation = has_aux(verb, spec.obligations) or semi
        # who is obliged: in "your teachers need to log", "we need to start", the
        # subject of "need" (the parse gives the infinitive none)
        bound, bound_who = subject, who
        main = verb.head if semi else verb
        if semi and subject is None and told_now(main):
            bound = subject_of(main)
            bound_who = self.party(bound) if bound is not None else None

        def obliged() -> bool:
            if bound_who is None:
                return False
            return bound_who.theirs or (bound_who.kind == "sender" and (
                is_inclusive_we(bound, spec) or community_duty()))

        def community_duty() -> bool:
            # "We need to start prevention education early!", "we must increase
            # access to naloxone": a duty told in the main clause of a letter to a
            # partner is the community's, the reader's with the writer's.
            return bound.lower_ == "we" and main.dep_ == "ROOT" and told_now(main)
        # "students should feel safe" asks no one; "commissioners should have a
        # strategy" asks them to adopt one
        state = lemma in spec.states and not standing_arrangement(verb, spec)
        # "When should you ask?", "Should you do anything else?": a question about a
        # duty, which the text goes on to answer (an FAQ's heading), not the duty asked; a
        # negated one ("Shouldn't every coach know CPR?") still presses it
        asked_about = question and not is_negated_verb(verb) and self.asked_about(verb, subject)
        # "a lot of conversation about … whether or not librarians should administer
        # naloxone", "we have debated whether schools should train every teacher": a
        # duty weighed in an indirect question is what is discussed, not asked
        # (not "the question is no longer whether schools should train staff", which
        # presses the duty)
        asked_about = asked_about or any(
            c.dep_ == "mark" and c.lower_ == "whether"
            and not (c.i > 0 and verb.doc[c.i - 1].lower_ in ("not", "longer"))
            for c in verb.children)
        if obligation and not state and obliged() and not asked_about:
            return ("obligation", bound, actions_of(verb, spec), False)
        done = self.become_done(verb) if obligation and not asked_about else None
        if done is not None and obliged():
            return ("obligation", bound, [done], False)
        if self.demanded(verb, subject):
            return ("demand", None, actions_of(verb, spec), False)
        duty = self.duty(verb)
        if duty is not None and obliged():
            return ("obligation", subject, actions_of(duty, spec), False)
        # (a subject inside a template blank heads the clause, whatever the parser made
        # of the blank's own words: "Unions and union [who on your team] can implement…",
        # its "who" read as a relative pronoun)
        main = (verb.dep_ in ("ROOT", "conj") and verb.head.dep_ in ("ROOT", "conj")) or (
            subject is not None and self.in_blank(subject))
        invites = has_aux(verb, spec.invitations) or (
            main and has_aux(verb, spec.main_clause_invitations))
        welcome = self.welcomed(verb) if lemma == "be" else None
        if welcome is not None:
            verb, lemma, invites = welcome, lemma_of(welcome, spec), True
        if (invites and who is not None and not question
                # (the sender's own body is no one asked: "Our union can make a difference";
                # "Our members can sign the pledge card" still invites them)
                and (subject.lower_ in ("you", "y'all")
                     or (lemma_of(subject, spec) in spec.partner_roles
                         and not (who.kind == "sender"
                                  and lemma_of(subject, spec) in spec.sender_bodies))
                     or who.kind == "people" or self.in_blank(subject))
                and lemma not in spec.states
                # "you may hear screaming", "you may worry": what may happen to them, not
                # what they are invited to do ("you can hear survivors speak", "you could
                # hear survivors speak" invite)
                and not (lemma in spec.mind_verbs
                         and not has_aux(verb, spec.main_clause_invitations))
                # "you, too, may have expressed your views": what may have happened
                and not (verb.tag_ == "VBN" and has_aux(verb, {"have"}))
                # "How you can respond to employees who disclose", "What you can do": a
                # topic or a heading, told before the subject, not an invitation (a wh-word
                # of the verb's own or of a verb joined to it; "When you are ready, you can
                # book…" still invites)
                and not self.wh_topic(verb, subject)):
            if self.points_to_information(verb, subject):
                # "You can read the full letter at …", "you can access more information
                # at …": told where to look, as with the imperative "visit …".
                return ("information", None, [verb], False)
            return ("invitation", subject, actions_of(verb, spec), False)
        if (has_aux(verb, spec.presumptions) and who is not None and who.kind == "people"
                and not question and lemma not in spec.states and lemma not in spec.light_actions
                and subject.dep_ != "nsubjpass"):
            return ("presumption", subject, actions_of(verb, spec), False)
        return None

    def welcomed(self, verb: Token) -> Token | None:
        """The action of "are welcome to attend": an invitation told with an adjective."""
        welcome = next((c for c in verb.children if c.dep_ == "acomp"
                        and lemma_of(c, self.spec) in self.spec.welcome_words), None)
        return next((c for c in (welcome.children if welcome is not None else ())
                     if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)

    def wish(self, verb: Token, subject: Token | None, who: Party | None):
        """"we hope your board will V", "we'd love for you to V", "we'd welcome the chance to V"."""
        spec = self.spec
        if who is None or who.kind != "sender":
            return None
        for child in verb.children:
            if child.dep_ in ("ccomp", "advcl", "xcomp") and child.pos_ in ("VERB", "AUX"):
                inner = subject_of(child)
                party = self.party(inner) if inner is not None else None
                if party is not None and party.theirs:
                    return ("wish", inner, actions_of(child, spec), False)
                if (party is not None and party.kind == "other" and inner.pos_ == "PROPN"
                        and lemma_of(child, spec) not in spec.states):
                    # "We would love for the Herald to cover…": the partner by name.
                    return ("wish", inner, actions_of(child, spec), False)
                if (inner is None and child.dep_ == "xcomp" and self.involves_partner(child)
                        and lemma_of(child, spec) not in spec.rhetorical
                        and lemma_of(child, spec) not in spec.honour_verbs
                        and not any(c.dep_ == "dobj" and lemma_of(c, spec) in spec.courtesies
                                    for c in child.children)):
                    # (not "we would like to thank the mayor", "we wish to express our
                    # appreciation": thanks ask nothing)
                    supported = self.request_within(child)
                    if supported is not None:
                        # "I would like to add my support to FAIR's request that you
                        # air two spots": what is asked of them is the request's clause
                        return supported
                    if self.gives_the_partner(child):
                        # "We would like to offer you our assistance": the partner is
                        # given something, not asked leave; an act joined to it still
                        # asks ("… and meet with your staff in April")
                        joined = next((c for c in child.conjuncts if c.pos_ == "VERB"
                                       and not self.gives_the_partner(c)), None)
                        if joined is None:
                            continue
                        child = joined
                    return ("permission", None, [child], True)
            if child.dep_ == "dobj":
                party = self.party(child)
                if party.theirs:
                    inner = next((g for g in child.children if g.dep_ in ("xcomp", "acl")), None)
                    if inner is None:
                        inner = next((c for c in verb.children if c.dep_ == "xcomp"), None)
                    if inner is not None:
                        return ("wish", child, actions_of(inner, spec), False)
                    if lemma_of(verb, spec) == "welcome" or (
                            lemma_of(verb, spec) in ("appreciate", "value")
                            and has_aux(verb, {"would", "will", "'d", "\u2019d"})):
                        # (not thanks told in the present: "We appreciate your support and
                        # your work in helping us raise awareness")
                        return ("wish", child, [child], False)
                # "welcome the chance to brief your team"
                inner = next((g for g in child.children if g.dep_ in ("acl", "relcl")
                              and g.pos_ == "VERB"), None)
                if inner is not None and self.involves_partner(inner):
                    return ("permission", None, [inner], True)
        return None

    @staticmethod
    def asked_about(verb: Token, subject: Token | None) -> bool:
        """Whether the question is about this verb's duty: its modal comes before its
        subject ("Should you do anything else?") or a wh-word opens the question before
        it ("When should you ask?"); not a duty told beside a question ("All staff must
        complete the module, so could you share the link?")."""
        inverted = subject is not None and any(
            c.dep_ == "aux" and c.i < subject.i for c in verb.children)
        return inverted or any(t.tag_ in ("WRB", "WP", "WDT") and t.i < verb.i
                               for t in verb.sent)

    @staticmethod
    def wh_words_before(verb: Token, subject: Token) -> list[Token]:
        """The wh-words ("how", "what", "when"…) under ``verb`` that come before its
        subject."""
        return [t for t in verb.subtree if t.tag_ in ("WRB", "WP") and t.i < subject.i]

    def wh_topic(self, verb: Token, subject: Token) -> bool:
        """Whether a wh-word of ``verb`` (or of a verb joined to it) comes before its
        subject: "How you can refer employees to supports", "What you can do"."""
        heads = {verb.i, *(c.i for c in verb.children if c.dep_ == "conj")}
        return any(t.head.i in heads for t in self.wh_words_before(verb, subject))

    def wished_to_see(self, child: Token):
        """"We want to see your school adopt the policy", "we want to see decision makers
        like yourself support bullying education": what the sender wishes to see the
        partner, or the reader among others, do."""
        spec = self.spec
        if child.dep_ != "xcomp" or lemma_of(child, spec) not in SEEING:
            return None
        for clause in child.children:
            if clause.dep_ not in ("ccomp", "xcomp") or clause.pos_ != "VERB":
                continue
            doer = subject_of(clause)
            # (what they would do, not how they would fare: "we want to see you succeed
            # this season")
            does = lemma_of(clause, spec) not in spec.states and any(
                c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "prt") for c in clause.children)
            if does and doer is not None and (self.party(doer).theirs or any(
                    t.lower_ in READER_WORDS for t in doer.subtree)):
                return ("wish", doer, actions_of(clause, spec), False)
        return None

    def request_within(self, verb: Token):
        """A request named as a noun inside what the sender would like to do ("add my
        support to FAIR's request that you air two spots", "echo the council's request
        that your board adopt the policy"): its reading, or None."""
        for token in verb.subtree:
            if token.i != verb.i and token.dep_ == "acl" and token.pos_ in ("VERB", "AUX"):
                named = self.named_request(token, subject_of(token), joined=True)
                if named is not None:
                    return named
        return None

    def importance(self, verb: Token, subject: Token | None, who: Party | None):
        """"It is vital that leagues V" or "Your support is important"."""
        spec = self.spec
        # "It is an ethical imperative that…": the clause may hang on the noun.
        clauses = list(verb.children) + [g for c in verb.children if c.dep_ == "attr"
                                         for g in c.children if g.dep_ == "acl"]
        for child in clauses:
            # "It is vital that leagues create…" asks; "it is vital for staff to
            # recognize…" advises.
            if child.dep_ in ("ccomp", "acl") and child.pos_ in ("VERB", "AUX") and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in child.children):
                inner = subject_of(child)
                party = self.party(inner) if inner is not None else None
                if party is not None and party.theirs:
                    return ("importance", inner, actions_of(child, spec), False)
                if (inner is not None and party.kind != "sender" and self.subjunctive(child)
                        and lemma_of(child, spec) not in spec.states):
                    # "It is an ethical imperative that each dollar be spent well":
                    # the bare verb demands it of whoever decides.
                    return ("importance", None, actions_of(child, spec), False)
        if subject is not None and who is not None and who.kind == "partner" and subject.pos_ == "NOUN":
            return ("importance", subject, [subject], False)
        return None

    def moment(self, verb: Token):
        """"It is time for every school board to adopt a policy", "Now is the time for
        employers to put a policy in place", "It's time to act": the act the hour is
        named for, of the partner's people or of the reader; not the sender's own ("time
        for us to") nor a third party's ("time for Washington to fund counselors"), and
        not an hour denied or still to come ("it's not time to", "it will soon be time")."""
        spec = self.spec
        if verb.tag_ == "VBD" or has_aux(verb, spec.question_modals) or any(
                c.dep_ == "neg" for c in verb.children):
            return None  # "it was time for the council to act, she said": told, not asked
        for noun in verb.children:
            if noun.dep_ not in ("attr", "nsubj") or lemma_of(noun, spec) not in spec.moment_nouns:
                continue
            if any(c.dep_ == "det" and c.lower_ != "the" for c in noun.children):
                continue  # "this time", "a time when…": a time told, not called
            for act in noun.children:
                if act.dep_ not in ("relcl", "acl") or act.pos_ != "VERB" or not any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
                    continue
                inner = subject_of(act)
                if inner is None or inner.head.i != act.i:
                    return ("importance", None, actions_of(act, spec), False)
                party = self.party(inner)
                if party is not None and party.theirs:
                    return ("importance", inner, actions_of(act, spec), False)
        return None

    def accepts(self, sent: Span) -> bool:
        """A short question about an offer: "Would that be useful?", "Would either work
        for you?", "Is that something your team could use?"."""
        text = self.text[sent.start_char:sent.end_char].strip()
        if not text.endswith("?") or len(text.split()) > 14:
            return False
        # "Would that work?", "Would either be useful?" ("either" may be parsed as a
        # conjunction), "Is this of interest?": the offer's stand-in opens the question.
        words = [t for t in sent if not t.is_punct and not t.is_space][:3]
        return any(t.lower_ in self.spec.offer_pronouns for t in words[1:])

    def asks_how(self, verb: Token, subject: Token) -> bool:
        """A question of how, why or what the sender can do, naming nothing of the
        partner's: "How can we prevent suicide?" asks everyone, not leave of the partner
        (unlike "How can we schedule a time to meet with your principal?" or "When can
        we meet with your staff?")."""
        return any(t.lower_ in ("how", "why", "what") for t in self.wh_words_before(verb, subject)
                   ) and not self.involves_partner(verb)

    def gives_the_partner(self, verb: Token) -> bool:
        """Whether ``verb`` gives the partner a thing: one of the giving verbs with the
        partner as its indirect object and an object that is no event, question or form
        ("offer you our assistance", "send you a copy"; not "give you a call", "send
        your counselors a short survey", "give your students a presentation")."""
        spec = self.spec
        if lemma_of(verb, spec) not in spec.giving_verbs or not any(
                c.dep_ == "dative" and self.party(c).theirs for c in verb.children):
            return False
        things = [c for c in verb.children if c.dep_ == "dobj"]
        return bool(things) and not any(lemma_of(t, spec) in spec.events | spec.record_nouns
                                        | {"question"} for t in things)

    def involves_partner(self, verb: Token) -> bool:
        """Whether the partner is named in the clause under ``verb`` ("your team", "you")."""
        return any(self.party(t).theirs for t in verb.subtree)

