"""Requests the parse misreads, read from a sentence's words: an imperative after a
label ("One ask: play the video", "Mid-August: Let employees know…"), after a
fronted phrase ("To book, contact…"), or whose opening verb the model took for part
of a name ("Call Victims Resource Center's Education Department…"); a suggestion
put as a question ("Why not get started this October?"); an ask named as a thing
("The first step is a one-hour call"). :class:`framing.request_frames.RequestReader`
tries these when the parse gives a sentence no request."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon.requests_spec import RequestSpec
from .list_items import base_verb_form, misread_imperative as misread_list_verb
from .request_parts import actions_of, lemma_of, subject_of

# Words before the colon of a label that heads an ask ("One ask: play the video"), and
# of a timeline's dated step ("Sept. 8-12 (Construction Suicide Prevention Week): Set
# aside 20 minutes").
ASK_LABEL = 6
SCHEDULE_LABEL = 14
# Words a sentence needs before its misread opening verb is read as an instruction.
SENTENCE_WORDS = 6
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


# Clauses a finite verb may sit in without making the sentence a statement: "Mandate
# that each school has agreements", "Implement policies to ensure that schools are safe".
SUBORDINATE = ("ccomp", "advcl", "relcl", "xcomp", "csubj", "pcomp")


def in_main_clause(token: Token, sent: Span) -> bool:
    """Whether ``token`` belongs to ``sent``'s main clause: no subordinate clause lies
    on its way up to the root."""
    node = token
    while node.i != sent.root.i and node.head.i != node.i:
        if node.dep_ in SUBORDINATE:
            return False
        node = node.head
    return True


def leading(sent: Span, n: int, skip_punct: bool = False) -> list[Token]:
    """The first ``n`` tokens of ``sent`` that are not spaces (nor punctuation, with
    ``skip_punct``): what a test of a sentence's opening reads, without walking it all."""
    found = []
    for token in sent:
        if token.is_space or (skip_punct and token.is_punct):
            continue
        found.append(token)
        if len(found) == n:
            break
    return found


class MisreadReadings:
    """The readings above, for a reader with ``text``, ``spec`` and ``informs``."""

    text: str
    spec: RequestSpec

    def informs(self, verb: Token) -> bool:  # provided by the reader
        raise NotImplementedError

    def misread(self, sent: Span):
        """The first of the readings that finds a request in ``sent``, or None."""
        return (self.after_fronted(sent) or self.misread_imperative(sent)
                or self.misread_sentence(sent) or self.after_label(sent)
                or self.named_step(sent) or self.why_not(sent))

    def after_label(self, sent: Span):
        """"One ask: play the video at a team meeting", "Our request: call us by Friday":
        a short label, a colon, then the imperative (which the parser hangs on the label)."""
        tokens = leading(sent, SCHEDULE_LABEL + 1)
        colon = next((i for i, t in enumerate(tokens[:SCHEDULE_LABEL]) if t.text == ":"), None)
        if colon is None or colon == 0 or colon + 1 >= len(tokens):
            return None
        verb = tokens[colon + 1]
        label = tokens[:colon]
        asks = colon < ASK_LABEL and any(lemma_of(t, self.spec) in self.spec.ask_nouns for t in label)
        # a timeline's step: "Mid-August: Let employees know…", "Sept. 8-12: Set aside
        # 20 minutes per day…" (its verb often read as a noun or a name)
        dated = any(w in self.spec.calendar_words for t in label for w in t.lower_.split("-"))
        if not (asks or dated):
            return None
        # (the parser may take the label for the verb's subject)
        subject = subject_of(verb)
        # (a misread verb is not the first word of an event's name: "March 3: Board
        # meeting at the library")
        after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
        misread = dated and base_verb_form(verb) and after is not None and not (
            after.is_punct or lemma_of(after, self.spec) in self.spec.events)
        if (verb.tag_ != "VB" and not misread) or (
                subject is not None and subject.i > tokens[colon].i) or \
                lemma_of(verb, self.spec) in self.spec.rhetorical:
            return None
        return ("imperative", None, actions_of(verb, self.spec), False)

    def why_not(self, sent: Span):
        """"Why not get started this October?": a suggestion put as a question, its
        bare verb the ask."""
        tokens = leading(sent, 3, skip_punct=True)
        if len(tokens) < 3 or [t.lower_ for t in tokens[:2]] != ["why", "not"]:
            return None
        if not self.text[sent.start_char:sent.end_char].rstrip().endswith("?"):
            return None
        verb = tokens[2]
        if verb.tag_ != "VB" or lemma_of(verb, self.spec) in self.spec.rhetorical:
            return None
        return ("imperative", None, actions_of(verb, self.spec), False)

    def named_step(self, sent: Span):
        """"The first step is a one-hour call with your lead", "All we ask is one meeting":
        the ask named as a thing, after a word for an ask or a step."""
        root = sent.root
        if lemma_of(root, self.spec) != "be":
            return None
        subject = subject_of(root)
        if subject is None or lemma_of(subject, self.spec) not in self.spec.ask_nouns:
            return None
        thing = next((c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if thing is None or lemma_of(thing, self.spec) not in self.spec.events:
            return None
        return ("directive", None, [thing], False)

    def misread_imperative(self, sent: Span):
        """"Call Victims Resource Center's Education Department at … to schedule a program":
        before a run of capitalised words the model often reads the opening verb as part of
        the name. A way to get in touch there, opening the sentence, is an imperative; its
        purpose ("to schedule a program") is the ask."""
        tokens = leading(sent, 3, skip_punct=True)
        if len(tokens) < 3 or tokens[0].dep_ in ("ROOT", "conj") or \
                tokens[0].tag_ not in ("VB", "NNP", "NN"):
            return None
        first = tokens[0]
        if first.lower_ not in self.spec.contact_actions | self.spec.answer_actions or \
                not tokens[1].text[:1].isupper():
            return None
        tokens = [t for t in sent if not (t.is_space or t.is_punct)]
        clause = self.text[sent.start_char:sent.end_char]
        if self.spec.info_cues.search(clause) is not None:
            return ("information", None, [first], False)
        purpose = next((t for t in tokens[2:] if t.pos_ == "VERB" and t.tag_ == "VB" and
                        any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children)), None)
        if purpose is None and first.tag_ != "VB":
            return None  # "Contact Information", a heading: read as a noun, and no purpose
        return ("imperative", None, [purpose or first], False)

    def misread_sentence(self, sent: Span):
        """"Use Workplace Safety Month as an opportunity to talk to your employer": a
        whole sentence whose opening verb the model read as part of the capitalised name
        after it, so that nothing in it is finite. A sentence (ending in a full stop or
        an exclamation mark, several words long) with no finite verb that opens on a
        verb's base form is an instruction; a heading ("Support Groups") is no sentence."""
        text = self.text[sent.start_char:sent.end_char].rstrip()
        words = [t for t in sent if t.is_alpha]
        if not text.endswith((".", "!")) or len(words) < SENTENCE_WORDS:
            return None
        if any((t.tag_ in FINITE_TAGS or t.pos_ == "AUX") and in_main_clause(t, sent)
               for t in sent):
            return None
        verb = misread_list_verb(sent, self.spec.prepositional_verbs)
        if verb is None or lemma_of(verb, self.spec) in self.spec.rhetorical:
            return None
        mode = "information" if self.informs(verb) else "imperative"  # "Download the guide…"
        return (mode, None, [verb], False)

    def after_fronted(self, sent: Span):
        """"To book, contact John at …", "For arrangements, call …": the model often
        reads the verb after a fronted phrase and its comma as a noun. A way to get
        in touch there is an imperative; its purpose ("to book a workshop") is the ask."""
        first = leading(sent, 1)
        if not first or first[0].lower_ not in self.spec.fronting_words:
            return None
        tokens = [t for t in sent if not t.is_space]
        at = next((i for i in range(1, min(len(tokens), 30)) if tokens[i - 1].text == ","
                   and tokens[i].lower_ in self.spec.contact_actions | self.spec.answer_actions
                   and tokens[i].pos_ != "VERB" and tokens[i].tag_ not in ("VBZ", "VBD", "VBG", "VBN")),
                  None)
        if at is None:
            return None
        if tokens[0].lower_ == "to":
            # The purpose is the ask: "To bring a presentation to your practice, contact…".
            purpose = next((t for t in tokens[1:at] if t.pos_ == "VERB"), tokens[1])
            return ("imperative", None, [purpose], False)
        return ("information", None, [tokens[at]], False)
