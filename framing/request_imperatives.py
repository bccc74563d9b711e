"""Imperative frames of :mod:`framing.request_frames`: when a bare verb at the head
of its clause asks the reader something ("Join us on May 4"), and when it does not:
a plea in someone's own voice, a verb of reflection ("Remember that..."), a pointer
to information ("For more, visit...", and its invitation form "you can read the
full letter at..."), and where the ask is the purpose or the
condition the imperative carries ("To request a visit, go to...", "If you will host,
let us know").

A mixin of :class:`framing.request_frames.RequestReader`, which supplies ``text``,
``spec`` and ``party``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon.requests_spec import RequestSpec
from .request_parts import Party, is_dash, lemma_of, subject_of

# What may come before an imperative in its clause.
FRONTED = ("advcl", "prep", "npadvmod", "advmod", "mark", "intj", "dep", "punct", "cc")
LEADING_POS = ("PUNCT", "SPACE", "INTJ", "ADV", "CCONJ", "SYM", "X", "NUM")


class ImperativeReadings:
    """The imperative frames, for a reader with ``text``, ``spec`` and ``party``."""

    text: str
    spec: RequestSpec

    def party(self, token: Token | None) -> Party:  # provided by the reader
        raise NotImplementedError

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

    def opening_misread(self, verb: Token) -> bool:
        """An imperative the parser hung on a later clause ("Put up brochures and posters
        in your facilities indicating victims can come for immediate safety", read as
        an adverbial clause of "come"): a bare verb with an object or a particle that
        opens its sentence, with no word that would make it a clause of another."""
        if verb.tag_ != "VB" or verb.dep_ != "advcl" or verb.head.i < verb.i:
            return False
        if any(c.dep_ in ("mark", "aux", "nsubj") for c in verb.children) or not any(
                c.dep_ in ("dobj", "prt") for c in verb.children):
            return False
        # (not a fronted aside: "Trust me, your students will love this assembly")
        if any(c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in verb.children):
            return False
        after = verb.doc[verb.right_edge.i + 1] if verb.right_edge.i + 1 < len(verb.doc) else None
        if after is not None and after.text == ",":
            return False
        opening = next((t for t in verb.sent if t.is_alpha), None)
        return opening is not None and (opening.i == verb.i or (
            opening.lower_ in self.spec.politeness_words and opening.i + 1 == verb.i))

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
        for token in verb.doc[self.after_clause_break(head):head.i]:
            if token.i in fronted or token.pos_ in LEADING_POS or token.lower_ in self.spec.politeness_words:
                continue
            if token.dep_ == "aux" and token.lower_ == "do" and token.head.i == head.i:
                continue  # the emphatic "Do include stories of hope." of a do's-and-don'ts list
            return False
        return True

    def after_clause_break(self, head: Token) -> int:
        """Where the words that may come before an imperative start: after a clause
        spoken to the reader and set off by a dash ("You can make a difference – take
        the pledge today", "Your teachers already do so much — join us"), or after any
        clause when "please" follows the dash ("Time is short – please sign"); else at
        the sentence's start. A dash after a clause about the sender or a thing more
        often opens what it announces ("Our goal is simple – end youth homelessness",
        "Our volunteers do the hard part – staff the booth"): no ask."""
        sent = head.sent
        breaks = [t.i for t in head.doc[sent.start:head.i] if is_dash(t)]
        if not breaks:
            return sent.start
        after = breaks[-1] + 1
        if head.doc[after].lower_ in self.spec.politeness_words:
            return after
        clause = [t for t in head.doc[sent.start:breaks[-1]] if t.pos_ in ("VERB", "AUX")]
        subjects = [c for t in clause for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and all(self.party(s).theirs for s in subjects):  # you, your staff
            return after
        return sent.start

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

    def points_to_information(self, verb: Token, subject: Token) -> bool:
        """"You can read the full letter at this link", "you can access more information
        at info@…", "you can follow us on Instagram": the reader told where to look,
        nothing else. Only with "you", a verb of looking something up and no other act
        joined to it ("access the training and complete it by June 1"), no purpose of its
        own ("to book a training, you can visit…"), an object that is itself something to
        read, "more" or "us", or none ("watch the film with your eighth graders" asks
        for a screening), and the place to look in the verb's own phrase: a web or e-mail
        address, a page or a social network."""
        spec = self.spec
        if subject.lower_ != "you" or not self.informs(verb) or self.fronted_purpose(verb) is not None:
            return False
        if any(lemma_of(c, spec) not in spec.info_actions for c in verb.conjuncts):
            return False
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if any(o.lower_ not in ("us", "me", "more") and lemma_of(o, spec) not in spec.info_nouns
               for o in objects):
            return False
        return any(t.like_url or t.like_email or lemma_of(t, spec) in spec.info_nouns
                   for t in verb.subtree if t.i > verb.i)
