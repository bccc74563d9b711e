"""Finding requests in one sentence: the frames of :mod:`framing.requests`.

Each frame names the mode (imperative, question, permission, directive, wish,
obligation, presumption, importance), the token naming who is asked (None
when the partner is implied, as in an imperative) and the requested actions.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .lexicon.requests_spec import RequestSpec
from .request_misreads import MisreadReadings
from .request_parts import (SENDER_POSSESSIVES, Party, actions_of, declined, doer_of, has_aux,
                            is_inclusive_we, is_negated_verb, lemma_of, party_of,
                            standing_arrangement, subject_of)

Frame = tuple[str, "Token | None", list[Token], bool]
# What may come before an imperative in its clause.
FRONTED = ("advcl", "prep", "npadvmod", "advmod", "mark", "intj", "dep", "punct", "cc")
LEADING_POS = ("PUNCT", "SPACE", "INTJ", "ADV", "CCONJ", "SYM", "X", "NUM")


def told_now(verb: Token) -> bool:
    """A main clause in the present, not negated: "your teachers need to log", not
    "providers had to turn women away", "you do not need to struggle in silence" or
    "imagine being told that you have to leave"."""
    return (verb.tag_ in ("VBP", "VBZ", "VB") and verb.dep_ in ("ROOT", "conj")
            and not is_negated_verb(verb))


def subjunctive_passive(verb: Token) -> bool:
    """A passive in the bare form a demand takes: "that all sign-ons be made", "that
    funding be restored" (not "that funding was restored")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children)


def addresses_reader(verb: Token) -> bool:
    """Whether the verb's object is the reader: "you", or a noun with "your"."""
    return any(c.dep_ in ("dobj", "dative") and (
        c.lower_ in ("you", "y'all") or any(g.dep_ == "poss" and g.lower_ == "your" for g in c.children))
        for c in verb.children)


class RequestReader(MisreadReadings):
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
            words = {w.lower() for s, e in self.blanks if s <= token.idx < e
                     for w in re.findall(r"[A-Za-z]+", self.text[s:e])}
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
            found.append(hit)
        if not found:
            hit = self.misread(sent)
            if hit is not None:
                found.append(hit)
        return found

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
        if ((verb.tag_ == "VB" or (verb.tag_ == "VBP" and verb.pos_ == "VERB" and lemma != "be"
                                   and verb.lower_ == lemma))
                and subject is None and verb.dep_ in ("ROOT", "conj")
                and not has_aux(verb, {"to"} | spec.question_modals | spec.obligations)
                and (verb.dep_ == "ROOT" or verb.head.tag_ == "VB")
                and lemma not in spec.rhetorical and self.clause_initial(verb)
                and not self.reflects(verb) and not self.asks_nothing(verb, question)):
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
        if question and has_aux(verb, spec.question_modals):
            if lemma == "be":
                acomp = next((c for c in verb.children if c.dep_ == "acomp"
                              and lemma_of(c, spec) in spec.willing), None)
                action = next((c for c in (acomp.children if acomp else ()) if c.dep_ == "xcomp"), None)
                if action is not None and who is not None and who.kind != "sender":
                    return ("question", subject, actions_of(action, spec), False)
                return None
            if who is not None and who.kind == "sender":
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
        if (lemma in spec.wishes and lemma not in spec.directives) or (lemma == "be" and any(
                c.dep_ == "acomp" and lemma_of(c, spec) in spec.wish_adjectives for c in verb.children)):
            return self.wish(verb, subject, who)
        if lemma == "be" and any(c.dep_ in ("acomp", "attr") and lemma_of(c, spec) in spec.importance
                                 for c in verb.children):
            return self.importance(verb, subject, who)
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
        if obligation and not state and obliged():
            return ("obligation", bound, actions_of(verb, spec), False)
        done = self.become_done(verb) if obligation else None
        if done is not None and obliged():
            return ("obligation", bound, [done], False)
        if self.demanded(verb, subject):
            return ("demand", None, actions_of(verb, spec), False)
        duty = self.duty(verb)
        if duty is not None and obliged():
            return ("obligation", subject, actions_of(duty, spec), False)
        invites = has_aux(verb, spec.invitations) or (
            verb.dep_ in ("ROOT", "conj") and verb.head.dep_ in ("ROOT", "conj")
            and has_aux(verb, spec.main_clause_invitations))
        welcome = self.welcomed(verb) if lemma == "be" else None
        if welcome is not None:
            verb, lemma, invites = welcome, lemma_of(welcome, spec), True
        if (invites and who is not None and not question
                and (subject.lower_ in ("you", "y'all") or lemma_of(subject, spec) in spec.partner_roles
                     or who.kind == "people" or self.in_blank(subject))
                and lemma not in spec.states):
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

    def named_request(self, verb: Token, subject: Token | None):
        """"Our urgent request that the Ministry of Health provide immediate funding",
        "our recommendation is that your district adopt the policy": an ask named as a
        noun, its "that" clause saying who is to do what (the partner, or a body by
        name with the subjunctive)."""
        if subject is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
            return None
        spec = self.spec
        if verb.dep_ == "acl":
            noun = verb.head
        elif verb.dep_ == "ccomp" and lemma_of(verb.head, spec) == "be":
            noun = subject_of(verb.head)
        else:
            return None
        if noun is None or lemma_of(noun, spec) not in spec.request_nouns:
            return None
        if any(c.dep_ == "poss" and c.lower_ not in SENDER_POSSESSIVES for c in noun.children):
            return None  # "her request is that the officers leave" reports someone else's
        asked = self.asked_in_clause(verb)
        # The tagger may give a singular name's subjunctive the present's tag ("that
        # the Ministry provide"): here the noun says it is asked.
        if asked is None and verb.tag_ == "VBP" and subject.tag_ == "NNP" \
                and self.party(subject).kind != "sender":
            asked = subject
        return None if asked is None else ("directive", asked, actions_of(verb, spec), False)

    def demanded(self, verb: Token, subject: Token | None) -> bool:
        """"The Lifeline must be sustainably funded", "these victims must be added to
        the plan": an obligation in the passive with no one named to do it, in the
        letter's own main clause, asks whoever the letter is written to."""
        spec = self.spec
        if subject is None or subject.dep_ != "nsubjpass" or verb.dep_ != "ROOT":
            return False  # "… is a key word and the relationship should be based on…" explains
        if not has_aux(verb, spec.obligations) or lemma_of(verb, spec) in spec.states:
            return False
        if any(c.dep_ == "agent" for c in verb.children):
            return False  # "must be approved by the state": the state's to do
        return self.party(subject).kind == "other"

    def duty(self, verb: Token) -> Token | None:
        """"have a responsibility to V", "have an ethical duty to V": the action V."""
        if lemma_of(verb, self.spec) != "have":
            return None
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if lemma_of(obj, self.spec) in self.spec.duty_nouns:
                return next((g for g in obj.children if g.dep_ in ("acl", "relcl", "xcomp")
                             and g.pos_ == "VERB" and any(t.lower_ == "to" for t in g.children)),
                            None)
        return None

    def semi_modal(self, verb: Token) -> bool:
        """"need to V", "have to V": the action is the ``xcomp`` of need/have."""
        head = verb.head
        return (verb.dep_ == "xcomp" and lemma_of(head, self.spec) in ("need", "have")
                and any(c.lower_ == "to" for c in verb.children))

    def directive(self, verb: Token, subject: Token | None, who: Party | None):
        """"we ask your X to V", "districts are encouraged to V", "we need your nurses to V"."""
        spec = self.spec
        if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
            subject = verb.head  # "All staff required to attend": the noun it describes
        # "Members are asked to…", or telegraphic "All staff required to attend".
        passive = subject is not None and (subject.dep_ == "nsubjpass" or (
            verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)))
        if passive:
            asked = subject
        else:
            if who is not None and who.theirs and not addresses_reader(verb):
                # The partner asking someone else is reported, not asked; a body that
                # asks "your congregation" ("The Council of Churches encourages your
                # congregation to…") asks the reader whatever its name.
                return None
            if lemma_of(verb, spec) in spec.speaker_directives and (
                    who is None or who.kind != "sender"):
                return None  # "research suggests that schools…" reports a finding
            if subject is None and verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children):
                # "to ask …" asks only when the sender is the one asking ("I am
                # writing to ask you…"); "a chance to ask the federal government" is not.
                head_subject = subject_of(verb.head)
                # Whoever "is writing to request" is the letter's sender ("The
                # undersigned groups are writing to request that…").
                writer = lemma_of(verb.head, spec) == "write" and verb.head.tag_ in ("VBG", "VBP", "VBZ")
                if head_subject is None or (self.party(head_subject).kind != "sender" and not writer):
                    return None
            asked = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            if asked is None:
                for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")):
                    asked = next((g for g in prep.children if g.dep_ == "pobj"), None)
        # (a purpose fronted before the verb is not what is asked: "To further complement
        # this kit, we recommend signing up")
        action = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp")
                       and c.pos_ in ("VERB", "AUX")
                       and not (c.dep_ == "advcl" and c.i < verb.i
                                and who is not None and who.kind == "sender")), None)
        by_name = None  # the partner named in a mandative clause
        if asked is None and action is None:
            # "I ask that your district take part": the clause's subject is asked.
            clause = next((c for g in verb.subtree if g.dep_ in ("ccomp", "appos", "dobj")
                           for c in [g] if c.pos_ in ("VERB", "AUX") and c.i > verb.i), None)
            inner = self.asked_in_clause(clause) if clause is not None else None
            if inner is not None:
                asked, action = inner, clause
                by_name = inner
        if action is not None and (asked is None or not self.party(asked).theirs):
            # "we need your staff to distribute" parsed as a clause; "I ask one thing:
            # that your district take part".
            inner = self.asked_in_clause(action)
            if inner is not None:
                asked = by_name = inner
        if action is None and asked is not None:
            action = next((c for c in asked.children if c.dep_ in ("acl", "relcl", "xcomp")
                           and c.pos_ == "VERB" and any(g.lower_ == "to" for g in c.children)), None)
        if action is None:
            # "we ask for your support": the noun is the action.
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
                noun = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if noun is not None and self.party(noun).kind != "sender":
                    return ("directive", noun, [noun], False)
            # "we request your continued support for the NVDRS": theirs to give.
            owned = next((c for c in verb.children if c.dep_ == "dobj" and self.party(c).kind == "partner"
                          and c.lower_ not in ("you", "yourself")), None)
            if owned is not None:
                return ("directive", owned, [owned], False)
            # "I am writing to invite you to the Overdose Awareness Day event": to attend it.
            if lemma_of(verb, spec) == "invite" and asked is not None and self.party(asked).theirs:
                to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
                event = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
                if event is not None:
                    return ("directive", asked, [event], False)
            return None
        if (asked is None and action is not None and action.dep_ == "ccomp"
                and who is not None and who.kind == "sender" and subjunctive_passive(action)):
            # "We ask that all sign-ons be made by noon Friday", "we request that
            # funding be restored": whoever reads is to see it done.
            return ("directive", None, actions_of(action, spec), False)
        if (asked is None and action is not None and action.tag_ == "VBG"
                and who is not None and who.kind == "sender"
                and lemma_of(verb, spec) in spec.speaker_directives
                and subject_of(action) is None):
            # "we recommend signing up for our webinars": whoever reads is to do it
            return ("directive", None, actions_of(action, spec), False)
        if lemma_of(verb, spec) == "need" and asked is None:
            return None  # "we need to hire" is the sender's own need
        if asked is None or not (self.party(asked).theirs or asked is by_name):
            return None  # "she is called in to counsel co-workers" tells; it asks no one here
        # "are required to", "we mandate that": an obligation, not a request.
        mode = "obligation" if lemma_of(verb, spec) in spec.obligating_verbs else "directive"
        return (mode, asked, actions_of(action, spec), False)

    def asked_in_clause(self, clause: Token) -> Token | None:
        """The subject of a clause a directive governs, when it is the partner's:
        "that your district take part", or the partner by name with the verb's bare
        form, which says it is asked ("we request that RHS republish the notice")."""
        inner = subject_of(clause)
        if inner is None:
            return None
        party = self.party(inner)
        if party.theirs or (inner.pos_ == "PROPN" and clause.tag_ == "VB" and party.kind != "sender"):
            return inner
        return None

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
                        and not any(c.dep_ == "dobj" and lemma_of(c, spec) in spec.courtesies
                                    for c in child.children)):
                    # (not "we would like to thank the mayor", "we wish to express our
                    # appreciation": thanks ask nothing)
                    return ("permission", None, [child], True)
            if child.dep_ == "dobj":
                party = self.party(child)
                if party.theirs:
                    inner = next((g for g in child.children if g.dep_ in ("xcomp", "acl")), None)
                    if inner is None:
                        inner = next((c for c in verb.children if c.dep_ == "xcomp"), None)
                    if inner is not None:
                        return ("wish", child, actions_of(inner, spec), False)
                    if lemma_of(verb, spec) in ("appreciate", "welcome", "value"):
                        return ("wish", child, [child], False)
                # "welcome the chance to brief your team"
                inner = next((g for g in child.children if g.dep_ in ("acl", "relcl")
                              and g.pos_ == "VERB"), None)
                if inner is not None and self.involves_partner(inner):
                    return ("permission", None, [inner], True)
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

    @staticmethod
    def subjunctive(clause: Token) -> bool:
        """A clause in the bare (mandative) form: "that each dollar be spent", "that
        the county fund it", not "that the county funds it" or "will fund it"."""
        if any(c.dep_ == "aux" and c.lower_ != "be" for c in clause.children):
            return False  # a modal or a tense: "will fund", "has funded"
        be = next((c for c in clause.children if c.dep_ == "auxpass"), None)
        return (be.tag_ == "VB") if be is not None else clause.tag_ == "VB"

    def asks_nothing(self, verb: Token, question: bool) -> bool:
        """A plea in someone's own voice, the verb and "me" alone ("behind that call is a
        silent plea: Help me. Believe me. Protect me."): words given to a person the
        letter speaks of, not an ask of the reader. A way to answer or take part ("Call
        me.", "Join me.") is the sender's own. Also a question that leaves out its "do
        you" ("Want to know more?"), which offers rather than asks."""
        spec = self.spec
        lemma = lemma_of(verb, spec)
        if question and lemma in spec.states:
            return True  # "Want to know more about the campaign?": "do you" left out
        if lemma in spec.contact_actions | spec.answer_actions | spec.light_actions:
            return False
        words = [t for t in verb.sent if not (t.is_punct or t.is_space)]
        return len(words) == 2 and words[0].i == verb.i and words[1].lower_ == "me"

    def unwrap(self, verb: Token) -> Token:
        """"Take a moment to see…", "take a minute to fill in…": the ask is the verb the
        politeness wraps."""
        if lemma_of(verb, self.spec) == "take" and any(
                c.dep_ == "dobj" and lemma_of(c, self.spec) in self.spec.politeness_nouns
                for c in verb.children):
            inner = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"),
                         None)
            if inner is not None:
                return inner
        return verb

    def clause_initial(self, verb: Token) -> bool:
        """An imperative opens its clause: only a bullet, "please", an adverb or a
        fronted phrase of its own ("For arrangements, contact…", "If you can, …")
        comes before it. A verb further in is a misread description."""
        head = verb if verb.dep_ == "ROOT" else verb.head
        # An adjective hung on the verb is a misread fronted word ("Second, Publicize…").
        fronted = {t.i for c in head.children if (c.dep_ in FRONTED or c.dep_ == "amod")
                   and c.i < head.i for t in c.subtree}
        # A fronted phrase ends with a comma before an imperative ("Every year,
        # donate…"); a noun right before the verb is its subject the parse hung on the
        # phrase ("Every year 1 in 5 Americans struggle with…").
        before = verb.doc[head.i - 1] if head.i > verb.sent.start else None
        if before is not None and before.i in fronted and before.pos_ in ("NOUN", "PROPN", "PRON"):
            return False
        for token in verb.doc[verb.sent.start:head.i]:
            if token.i in fronted or token.pos_ in LEADING_POS or token.lower_ in self.spec.politeness_words:
                continue
            return False
        return True

    def reflects(self, verb: Token) -> bool:
        """"Consider that companies lose…", "Keep in mind that…": a thought offered,
        not an ask."""
        return lemma_of(verb, self.spec) in self.spec.reflective_verbs and any(
            c.dep_ in ("ccomp", "advcl") and any(g.dep_ == "mark" and g.lower_ == "that"
                                                 for g in c.children)
            for c in verb.children) or (lemma_of(verb, self.spec) == "keep" and any(
                t.lower_ == "mind" for t in verb.subtree))

    def informs(self, verb: Token) -> bool:
        """An imperative that points to information ("For more information, visit…",
        "If you are being hurt, call our hotline"), not an ask of the partner."""
        clause = self.text[verb.sent.start_char:verb.sent.end_char]
        lemma = lemma_of(verb, self.spec)
        return lemma in self.spec.info_actions or (
            lemma in self.spec.contact_actions and self.spec.info_cues.search(clause) is not None)

    def fronted_purpose(self, verb: Token) -> Token | None:
        """The action of a fronted "to" clause that is more than looking something up:
        "To find out more, and request a visit for your school, go to …" asks for
        the visit; "To learn more, visit …" asks nothing."""
        for child in verb.children:
            if child.dep_ != "advcl" or child.i > verb.i or not any(
                    g.lower_ == "to" and g.dep_ == "aux" for g in child.children):
                continue
            for action in (child, *child.conjuncts):
                if action.pos_ == "VERB" and lemma_of(action, self.spec) not in self.spec.info_actions:
                    return action
        return None

    def conditional_action(self, verb: Token) -> Token | None:
        """"If you will act as a host site, please let us know": the ask is the
        condition's action when the imperative only asks for an answer."""
        if lemma_of(verb, self.spec) not in self.spec.answer_actions:
            return None
        for child in verb.children:
            if child.dep_ == "advcl" and any(g.lower_ == "if" for g in child.children):
                inner = subject_of(child)
                if inner is None or not self.party(inner).theirs:
                    continue
                if lemma_of(child, self.spec) == "be":
                    willing = next((c for c in child.children if c.dep_ == "acomp"), None)
                    action = next((c for c in (willing.children if willing else ())
                                   if c.dep_ == "xcomp"), None)
                    return action
                return child
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

    def self_talk(self, sent: Span) -> bool:
        """A sentence about the sender itself: its subject is the sender ("We have
        served…", "Our agency is the leading…") and it neither asks, offers nor says
        what the sender knows of the partner ("We know your staff are stretched")."""
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or root._.in_quote:
            return False  # a quoted speaker's "we" is not the sender
        subject = doer_of(root)  # "The training was developed by our staff": the sender's
        if subject is None:
            return False
        if subject.pos_ == "PROPN" and self.party(subject).kind == "other" and (
                lemma_of(root, self.spec) in self.spec.self_presentation
                or any(c.dep_ == "acomp" and lemma_of(c, self.spec) in self.spec.self_presentation
                       for c in root.children)):
            return True  # "The Alliance is proud to have created…", "KSA launches…"
        if self.party(subject).kind != "sender" or is_inclusive_we(subject, self.spec):
            return False
        if lemma_of(root, self.spec) in self.spec.perspective:
            return False
        if has_aux(root, self.spec.offer_modals) or root.tag_ == "VB":
            return False  # a promise or a plan
        # Naming the partner anywhere ("To help you get an early start, we are
        # sending…") makes it about them, whoever the subject is.
        return not any(self.party(t).theirs for t in sent
                       if t.pos_ in ("PRON", "NOUN", "PROPN") and t.i != subject.i)

    def involves_partner(self, verb: Token) -> bool:
        """Whether the partner is named in the clause under ``verb`` ("your team", "you")."""
        return any(self.party(t).theirs for t in verb.subtree)

