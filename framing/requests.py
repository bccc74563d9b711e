"""The request model: who a letter asks to do what, how much, and what the sender takes on.

Read from the dependency parse, one sentence (or bullet) at a time, in the
letter's body. A request is found where

* an imperative has no subject ("Complete our exit questionnaire", "Please
  require every supervisor to…");
* a question asks the partner ("Could your counselors…?", "Would you be
  willing to…?") or asks the partner's leave ("Could we borrow 20 minutes of
  your next staff meeting?");
* a directive verb names who is asked and what to do ("we are asking your
  counselors to run…", "I urge the board to keep…", "the plan needs your
  nurses to add…", "districts are encouraged to participate");
* a wish names who should act ("we hope your board will vote…", "we would love
  for your staff to…", "we would welcome the chance to brief your team");
* an obligation or a plan falls on the partner's people ("your deacons should
  collect…", "all coaches must complete…", "teachers will administer…");
* it is called important that the partner acts ("It is vital that leagues…").

Each request carries who is asked, the actions, how much (universality,
recurrence, duration, sessions), the burden left on the partner (none, low,
high, with the reasons) and whether it is specific. Offers (the sender takes
work on), sender-centred sentences and unfilled template blanks are read in the
same pass. Burden, ask and orientation findings and the alignment score all
read this one model (:func:`requests_of`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.tokens import Span, Token

from .lexicon.requests_spec import RequestSpec
from .lexicon.schema import terms_pattern
from .list_items import list_runs, misread_imperative
from .message import Message
from .request_frames import RequestReader
from .request_lead_ins import drop_completed_lead_ins
from .request_model import Mention, Request, RequestModel
from .request_parts import (action_text, amount_of, blank_out, blank_words, has_aux, has_means,
                            is_heading, is_inclusive_we, is_instruction, is_list_label,
                            is_negated_verb, is_purpose, lemma_of, noun_phrase, others_clauses,
                            owned_by_sender, party_of, said_content, standing_arrangement,
                            subject_of)
from .partner_people import people_by_word, people_tokens

# Request models kept with a parsed doc, by profile people and packs version.
KEPT_MODELS = "framing_request_models"
KEPT_PEOPLE = "framing_sector_people"


def direct_objects(action: Token) -> list[Token]:
    """The action's objects: its direct object and those joined to it, and the object
    of a preposition it takes ("host a table at the fair", "invite you to the rally")."""
    found = []
    # verbs joined by "or"/"and" share their object ("establish or strengthen your
    # relationship")
    for verb in (action, *(c for c in action.conjuncts if c.pos_ in ("VERB", "AUX"))):
        # a gerund the parser reads as a preposition ("consider including a curriculum")
        # has its object as the preposition's
        misread = verb.dep_ == "prep" and verb.tag_ == "VBG"
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "oprd") or (misread and child.dep_ == "pobj"):
                found += [child, *child.conjuncts]
            elif child.dep_ in ("prep", "dative"):
                found += [g for g in child.children if g.dep_ == "pobj"]
    # the object's own compounds name it too ("an online suicide prevention training
    # program")
    return found + [c for t in found for c in t.children if c.dep_ == "compound"]


class RequestAnalysis:
    """Builds the :class:`RequestModel` of one message."""

    def __init__(self, msg: Message, spec: RequestSpec):
        self.msg = msg
        self.spec = spec
        self.reader = RequestReader(msg.text, spec, people_of(msg))

    def model(self) -> RequestModel:
        msg, spec = self.msg, self.spec
        model = RequestModel()
        sentences = msg.letter_sentences
        to_partner: tuple[Mention, str] | None = None  # the first offer made to the partner
        texts = [msg.text[s.start_char:s.end_char] for s in sentences]
        self_names = self.reader.self_names(sentences)
        for index, sent in enumerate(sentences):
            start, end = msg.sentence_range(sent)
            text = msg.text[start:end]
            # A line of a "Do not:" list is advice for guideline checks (its words are
            # talked about) and still an ask of the reader here ("- Avoid showing
            # images of the site"); a line of bare words has no verb to ask with.
            if not text.strip() or is_heading(text) or is_instruction(text) or is_list_label(text):
                continue
            blanks = list(spec.placeholders.finditer(text))
            for blank in blanks:
                model.placeholders.append(Mention(start + blank.start(), start + blank.end(),
                                                  blank.group(0), "an unfilled blank"))
            following = " ".join(texts[index:index + 2])
            frames = []
            if not all(t._.in_quote for t in sent if not t.is_punct):
                frames = self.reader.read(sent)
                for frame in frames:
                    model.requests.append(self.request(frame, start, end, text, following, blanks))
                mandate = None if frames else self.mandate(sent, start, end, text)
                if mandate is not None:
                    model.requests.append(mandate)
                    frames = [mandate]
            offer = self.offer(sent, text)
            if offer:
                model.offers.append(Mention(start, end, text, offer))
                if to_partner is None and self.reader.involves_partner(sent.root):
                    to_partner = (model.offers[-1], following)
            # An offer made on the partner's word ("If your agency is weighing it, we
            # will walk your staff through it"), or a question about the offer just
            # made ("I could write a short piece. Would that be useful?"), asks the
            # partner to take it up.
            if not frames and (
                    (offer and self.conditional_offer(sent))
                    or (not offer and index and model.offers and self.reader.accepts(sent)
                        and model.offers[-1].start >= sentences[index - 1].start_char)):
                model.requests.append(self.acceptance(model.offers[-1], end, following))
            centred = spec.sender_centred.search(text)
            if centred:
                model.sender_centred.append(Mention(start, end, text, centred.group(0)))
            elif not frames and not offer and self.reader.self_talk(sent, self_names):
                model.sender_centred.append(Mention(start, end, text, "about the sender"))
        self.list_imperatives(model, sentences)
        drop_completed_lead_ins(model, self.msg, self.spec, self.reader, sentences)
        if to_partner is not None and all(r.mode == "information" for r in model.requests):
            # A letter whose only ask is an offer ("I can send you a short list of story
            # ideas"): the partner can take it up, though nothing is asked in words.
            offer, following = to_partner
            model.standing_offer = self.acceptance(offer, offer.end, following)
        return model

    def list_imperatives(self, model: RequestModel, sentences: list[Span]) -> None:
        """Add the asks of list items whose opening verb the model misread as a noun,
        in lists where another item is read as an imperative (see :mod:`.list_items`)."""
        msg = self.msg
        runs = list_runs(msg.text, sentences[0].start_char, sentences[-1].end_char) if sentences else []
        if not runs:
            return
        starts = [s.start_char for s in sentences]
        for run in runs:
            items = []
            for at in run:
                index = bisect.bisect_right(starts, at) - 1
                if index >= 0 and sentences[index].end_char > at:
                    items.append(sentences[index])
            # The requests already read in each item (only its own are ever added below).
            read = [[r for r in model.requests if r.start < s.end_char and s.start_char < r.end]
                    for s in items]
            if not any(r.mode == "imperative" for found in read for r in found):
                continue
            for sent, found in zip(items, read):
                verb = None if found else misread_imperative(sent, self.spec.prepositional_verbs)
                if verb is None:
                    continue
                start, end = msg.sentence_range(sent)
                text = msg.text[start:end]
                governed = [t for t in sent if t.i > verb.i and not t.is_space]
                request = self.request(("imperative", None, [verb], False), start, end, text,
                                       text, list(self.spec.placeholders.finditer(text)), governed)
                model.requests.insert(bisect.bisect_right([r.start for r in model.requests], start),
                                      request)

    def acceptance(self, offer: Mention, end: int, following: str) -> Request:
        """The request that the partner take up ``offer``, running to ``end``."""
        spec = self.spec
        scope = blank_out(offer.text + " " + following, spec.placeholders)
        bounds = [name for name, pattern in (("when", spec.when), ("how to answer", spec.how))
                  if pattern.search(scope)]
        span = self.msg.doc.char_span(offer.start, offer.end, alignment_mode="expand") or ()
        words, flags = amount_of(list(span), None, spec)
        # "in a single meeting", "one 20-minute call": a size the partner can weigh.
        events = [t.text for t in span if lemma_of(t, spec) in spec.events and any(
            c.lower_ in ("a", "an", "one", "single") for c in t.children)]
        if flags["sized"] or events:
            bounds.append("how much")
        # A concrete offer the partner can take up with a yes is a specific ask.
        return Request(offer.start, end, self.msg.text[offer.start:end], "acceptance", "you", False,
                       (offer.why,), tuple(words + events), "none", (), True,
                       tuple(bounds), by_sender=True)

    def names_law(self, token) -> bool:
        """A bill, law or measure named as such, inside a name too: "SB848", "the
        Naloxone Access Bill" (a capitalised law word), not "a bill" in general."""
        spec = self.spec
        if spec.law_numbers.search(token.text):
            return True
        return token.lemma_.lower() in spec.law_words and token.text[:1].isupper() and (
            token.i > token.sent.start and token.doc[token.i - 1].text[:1].isupper())

    def request(self, frame, start: int, end: int, text: str, following: str,
                blanks: list[re.Match], governed: list[Token] | None = None) -> Request:
        """The request a frame reads in one sentence. ``blanks``: the template blanks
        found in ``text`` (found once per sentence by the caller). ``governed``: the words
        the action governs, where the parse did not hang them on it (a misread list
        verb)."""
        spec = self.spec
        mode, asked, actions, by_sender = frame
        # What a verb of saying passes on ("remind them that advocates keep all
        # information confidential") is its content, not the size of the work; nor are
        # the clauses that only explain the ask ("Each workshop is customized …, so",
        # "because every parent deserves to know": :func:`others_clauses`).
        said = said_content(actions, spec, self.reader.people) | others_clauses(
            actions, spec, self.reader.people)
        tokens = governed if governed is not None else sorted(
            {t for a in actions for t in a.subtree if t.i not in said}, key=lambda t: t.i)
        amount, flags = amount_of(tokens, asked, spec)
        party = party_of(asked, spec, self.reader.people) if asked is not None else None
        if party is not None and party.universal:
            flags["universal"] = True
        # A template blank read as who is asked ("we want [who on your team] to…") hides
        # how many are asked: until it is filled the work is weighed as if all of them
        # were, so such a blank never makes a request lighter than the words it
        # replaced. Not a blank for one person ("[contact person]", "[principal's
        # name]"), nor a request all of whose actions are blanks too: that is an
        # instruction to whoever fills the template in ("(identify how you will
        # recognize the business)").
        who_blank = next((m for m in blanks if m.start() <= asked.idx - start < m.end()),
                         None) if asked is not None else None
        blank_who = who_blank is not None
        words = blank_words(who_blank.group(0)) if blank_who else set()
        one_person = bool(words & spec.one_person_blank_words) and not (
            words & spec.many_blank_words)
        weighed_as_all = (
            blank_who and not one_person
            and not all(any(m.start() <= a.idx - start < m.end() for m in blanks) for a in actions))
        if weighed_as_all:
            flags["universal"] = True
        lemmas = [lemma_of(a, spec) for a in actions]
        # Tasks: actions beyond a yes (not light) that say what to do (not vague).
        tasks = [lemma for lemma in lemmas
                 if lemma not in spec.light_actions and lemma not in spec.vague_actions]
        reasons = []
        if weighed_as_all and not (party is not None and party.universal):
            reasons.append("who is asked is a blank: weighed as all of them until filled")
        elif flags["universal"]:
            reasons.append("asks all or every one of them")
        if flags["recurring"]:
            reasons.append("repeats")
        if flags["long"]:
            reasons.append("takes hours or longer")
        if flags["sessions"]:
            reasons.append("several sessions")
        if self.record_keeping(actions):
            reasons.append("record-keeping")
        if mode == "obligation" and tasks:
            reasons.append("an obligation")
        # "do everything in your power to", "whatever it takes": no end to the work
        if self.open_undertaking(actions, flags, asked) or spec.open_ended.search(text):
            reasons.append("an open-ended undertaking")
        if len(set(tasks)) >= spec.many_tasks or (len(tasks) >= 2 and reasons):
            # "plan a Sunday, preach on it, add the curriculum and buy the books":
            # each task may be small, but a list of them is real work.
            reasons.append("several tasks")
        if mode == "information":
            burden, reasons = "none", []
        elif by_sender:
            burden = "low" if flags["long"] or flags["sessions"] else "none"
        elif tasks:
            burden = "high" if reasons else "low"
        else:
            # Even a meeting is heavy when everyone must sit it for hours, or it repeats.
            heavy = (flags["recurring"] and (flags["long"] or flags["universal"] or flags["sessions"])) or (
                flags["universal"] and (flags["long"] or flags["sessions"] or mode == "obligation")) or (
                "an open-ended undertaking" in reasons)  # "lead this effort", "your adoption of it"
            burden = "high" if heavy else (
                "low" if reasons or not all(lemma in spec.light_actions for lemma in lemmas)
                else "none")
        who = noun_phrase(asked) if asked is not None else "you"
        # A template blank bounds nothing: "[who on your team]" names no one, "(date)"
        # is no time. A blank in place of who is asked leaves the ask unspecific.
        filled = blank_out(following, spec.placeholders) if blanks else following
        who_named = (asked is not None and party is not None and party.theirs
                     and asked.lower_ not in ("you", "yourself") and asked not in actions
                     and not blank_who)
        bounds = []
        if spec.when.search(filled):
            bounds.append("when")
        if spec.how.search(filled):
            bounds.append("how to answer")
        if who_named:
            bounds.append("who")
        if flags["sized"]:
            bounds.append("how much")  # a number of minutes, sessions or copies, not "every"
        # A named bill, event or program makes even "support" or "attend" answerable.
        # (A date is when, not what: "promote awareness this April" names nothing; nor
        # does an observance or a service the packs know by name. A name known only by
        # its capitals, "the National Violent Death Reporting System", is named.)
        named = any(t.pos_ == "PROPN" or (t.like_num and t.i > actions[0].i) for t in tokens
                    if t not in actions and (t._.in_prose_name or not t._.in_name)
                    and t.lower_ not in spec.calendar_words
                    ) or any(self.names_law(t) for t in tokens if t.i > actions[0].i)
        # "address the issue", "promote awareness", "convey these messages": a verb on
        # an abstract object says what to care about, not what to do.
        # "reduce risk factors", "ensure people who self-harm get support": a result
        # asked for names no action either.
        # (a means after "by" is the action: "improve lighting by adding lamps")
        vague = all(lemma in spec.vague_actions or self.abstract(action) or (
            (lemma in spec.outcome_verbs or lemma in spec.result_verbs)
            and not has_means(action.children))
            for lemma, action in zip(lemmas, actions))
        if named and vague:
            bounds.append("what")
        # Specific: a concrete action on a concrete thing ("post the flyer in your
        # break room", "attend the Town Hall"), or a vague verb made answerable by
        # a named bill, event or program ("support SB848"). The bounds (when, how
        # to answer, who, how much) make it bounded, which the score reads apart.
        # (an imperative's "by" the parser may read as a passive's agent: "Come by the
        # TENAC table")
        objects = ("dobj", "prep", "dative", "xcomp", "prt", "attr") + (
            ("agent",) if mode == "imperative" else ())
        concrete = any(c.dep_ in objects for a in actions for c in a.children) or by_sender or (
            governed is not None and any(t.pos_ in ("NOUN", "PROPN") for t in governed)) or any(
            a.pos_ == "NOUN" and lemma_of(a, spec) in spec.events for a in actions)  # "invite you to the rally"
        # "We must all respond" appeals to everyone, the partner among them, and "you
        # have a responsibility to report abuse" states a duty: calls, not specific asks.
        shared = (asked is not None and asked.lower_ in ("we", "us")) or (
            mode == "obligation" and lemma_of(actions[0].head, spec) in spec.duty_nouns)
        specific = mode != "information" and not blank_who and not shared and (
            (not vague and concrete) or (vague and named))
        return Request(start, end, text, mode, who, who_named,
                       tuple(action_text(a) for a in actions), tuple(amount), burden,
                       tuple(reasons) if burden != "none" else (), specific, tuple(bounds),
                       by_sender)

    def abstract(self, action: Token) -> bool:
        """Whether the action's object is an abstraction ("the issue", "awareness",
        "these messages", "your commitment") rather than a thing or an event."""
        spec = self.spec
        # Its direct objects, or else the first object of a preposition ("engage in dialogue").
        objects = [c for c in action.children if c.dep_ == "dobj"] or [
            g for c in action.children if c.dep_ == "prep"
            for g in c.children if g.dep_ == "pobj"][:1]
        return bool(objects) and all(lemma_of(o, spec) in spec.abstract_objects for o in objects)

    def mandate(self, sent: Span, start: int, end: int, text: str) -> Request | None:
        """A verbless mandate on the partner's people, as on slides and in bullets:
        "All teachers: mandatory training.", "Teachers must: training."."""
        spec = self.spec
        if any(t.pos_ in ("VERB", "AUX") and t.lower_ not in spec.mandate_words for t in sent):
            return None
        if not any(t.lower_ in spec.mandate_words or lemma_of(t, spec) in spec.mandate_words
                   for t in sent):
            return None
        people = [t for t in sent if t.pos_ in ("NOUN", "PROPN", "PRON")
                  and party_of(t, spec, self.reader.people).theirs]
        if not people:
            return None
        who = people[0]
        duties = [t.text for t in sent if t.pos_ == "NOUN" and t not in people]
        universal = any(lemma_of(c, spec) in spec.universal for p in people for c in p.children)
        reasons = ["an obligation"] + (["asks all or every one of them"] if universal else [])
        return Request(start, end, text, "obligation", noun_phrase(who), True,
                       tuple(duties) or ("do this",), (), "high", tuple(reasons), False, ("who",))

    def record_keeping(self, actions: list[Token]) -> bool:
        """Data work for the sender: a record-keeping verb on the sender's own form or
        on records ("complete our brief questionnaire", "log who attends", "submit
        data monthly"); filling in a form to order something is not."""
        spec = self.spec
        for action in actions:
            if lemma_of(action, spec) not in spec.paperwork:
                continue
            # (a clause after it: one before a dash is no record, "Your counselors do so
            # much — fill in the form")
            objects = [c for c in action.children
                       if c.dep_ == "dobj" or (c.dep_ == "ccomp" and c.i > action.i)]
            if any(c.dep_ == "ccomp" for c in objects):
                return True  # "log who attends"
            if not objects:
                if any(c.dep_ == "prt" for c in action.children):
                    continue  # "fill out", its object not read
                return True  # "track", "log"
            for obj in objects:
                owned = any(c.dep_ == "poss" and party_of(c, spec, None).kind == "sender"
                            for c in obj.children)
                if owned or lemma_of(obj, spec) in spec.record_nouns:
                    return True
        return False

    def open_undertaking(self, actions: list[Token], flags: dict,
                         asked: Token | None = None) -> bool:
        """A standing commitment with no size or end: adopt a program, act as a host
        site, provide services, amend a policy, educate staff. One event ("host a
        workshop", "organize a table") or a stated size bounds it. A verb with a
        subject of its own, not the one asked, tells what something does ("can help
        change that: understanding crying reduces the risk"), not their work."""
        spec = self.spec
        if flags["sized"]:
            return False
        for action in self.carried_by(actions):
            subject = next((c for c in action.children if c.dep_ in ("nsubj", "csubj")), None)
            if (subject is not None and subject.lower_ not in ("you", "we")
                    and (asked is None or subject.i not in range(asked.left_edge.i,
                                                                 asked.right_edge.i + 1))):
                continue
            if has_means(action.subtree):
                continue  # "ensure every student knows by posting one flyer": the means is the work
            lemma = lemma_of(action, spec)
            if lemma in spec.outcome_verbs:
                if not self.own_outcome(action):
                    continue
                return True
            # "have a domestic abuse policy": a standing arrangement of their own
            if standing_arrangement(action, spec) or self.gerund_object(action):
                return True
            # "act as a host site": a role taken on is an undertaking, whatever the role.
            if lemma in spec.role_verbs and any(c.dep_ == "prep" and c.lower_ == "as"
                                                for c in action.children):
                return True
            # "we welcome your adoption of the Program": the undertaking as a noun.
            if lemma not in spec.undertakings and not (
                    action.pos_ == "NOUN" and lemma in spec.undertaking_nouns):
                continue
            if any(t.lower_ in spec.existing_work for t in action.subtree):
                continue  # "help your athletes … as part of the way you already run your team"
            # What is taken on is the action's own object (or the object of its own
            # preposition), not a noun inside the object's modifiers: "incorporate
            # curriculum on healthy relationships" takes on curriculum.
            objects = [t for t in direct_objects(action) if t.pos_ == "NOUN"]
            if not any(self.one_event(t) or lemma_of(t, spec) in spec.light_objects
                       for t in objects):
                return True
        return False

    def one_event(self, noun: Token) -> bool:
        """Whether ``noun`` names an event that bounds the work: "host a workshop", "our
        training on May 5", "two sessions"; not training or workshops offered with no
        article or number ("provide appropriate training", "host workshops"), which are
        a standing service. A word before a noun names it: "a training session" is one
        event, "an online training program" a standing one."""
        if noun.dep_ == "compound" and noun.head.i != noun.i:
            return self.one_event(noun.head)
        # a day or an hour bounds it too: "host naloxone training for your staff on May 5"
        return lemma_of(noun, self.spec) in self.spec.events and (any(
            c.dep_ in ("det", "poss", "nummod") for c in noun.children)
            or self.spec.when.search(noun.sent.text) is not None)

    def gerund_object(self, verb: Token) -> bool:
        """A work begun told by a gerund the parser read as a noun before its object:
        "begin training counselors" ("training" taken for a compound of "counselors")."""
        spec = self.spec
        if lemma_of(verb, spec) not in spec.phase_verbs:
            return False
        for noun in direct_objects(verb):
            for c in noun.children:
                word = c.lower_
                if c.dep_ == "compound" and c.i < noun.i and word.endswith("ing") and (
                        word[:-3] in spec.undertakings or word[:-3] + "e" in spec.undertakings):
                    return True
        return False

    def own_outcome(self, verb: Token) -> bool:
        """Whether ``verb`` (an outcome verb: increase, reduce…) asks the partner to change
        an outcome of their own with no means said: "reduce overdose deaths",
        "increase protective factors"; not "improve our survey" or "reduce stigma"."""
        spec = self.spec
        objects = [t for t in direct_objects(verb) if t.pos_ in ("NOUN", "PROPN")]
        return bool(objects) and not any(
            owned_by_sender(t) or lemma_of(t, spec) in spec.abstract_objects for t in objects)

    def carried_by(self, actions: list[Token]) -> list[Token]:
        """The actions and the verbs that say what they take on: the work begun or
        helped ("begin training counselors", "help reduce overdoses"; not the work of
        someone the partner asks: "ask them to sponsor the bill"), the means ("by
        starting a take-home naloxone program") and, for a vague action, its purpose
        ("work with the services in the community to ensure students have access")."""
        spec = self.spec
        found, todo = [], list(actions)
        while todo and len(found) < 12:  # a bound on how many verbs one request is read through
            verb = todo.pop(0)
            if verb in found:
                continue
            found.append(verb)
            vague = lemma_of(verb, spec) in spec.vague_actions
            # "ask them to sponsor the bill": the work is theirs, whom the partner asks
            others = any(c.dep_ in ("dobj", "dative") for c in verb.children)
            for child in verb.children:
                if child.pos_ != "VERB":
                    if child.dep_ == "prep" and child.lower_ == "by":
                        todo += [g for g in child.children if g.dep_ == "pcomp" and g.pos_ == "VERB"]
                    continue
                purpose = child.dep_ == "advcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                if (child.dep_ == "xcomp" and not others) or (vague and purpose):
                    todo.append(child)
        return found

    def offer(self, sent: Span, text: str) -> str | None:
        """What the sender takes on in this sentence, if anything."""
        spec = self.spec
        for token in sent:
            if token.pos_ != "VERB" or token._.in_quote:
                continue  # a quoted speaker's "I could pay the rent" is not the sender's
            lemma = lemma_of(token, spec)
            # A promise ("we will walk your staff through it") offers whatever its
            # verb; a present tense only with a verb of giving ("we provide kits").
            promised = has_aux(token, spec.offer_modals) and lemma not in spec.states \
                and lemma not in spec.perspective
            if not promised and lemma not in spec.offer_verbs:
                continue
            if is_negated_verb(token) or token.tag_ in ("VBG", "VBN", "VBD"):
                continue  # "I am writing to ask" reports and "we ran" recounts; neither offers
            if is_purpose(token):
                continue  # "let us know, so that we can include it in our report": ours to use
            subject = subject_of(token)
            if (subject is None and token.dep_ == "xcomp"
                    and not any(c.dep_ in ("dobj", "dative") for c in token.head.children)):
                head = token.head.head if token.head.dep_ == "acomp" else token.head
                subject = subject_of(head)  # "we would be happy to present"
            if subject is None or is_inclusive_we(subject, spec):
                continue  # "together we will overcome" rallies; it takes no work on
            if party_of(subject, spec, None).kind == "sender" or self.named_sender(subject, token):
                return f"{subject.text} {lemma_of(token, spec)}"
        found = spec.offer_phrases.search(text)
        return found.group(0) if found else None

    def named_sender(self, subject: Token, verb: Token) -> bool:
        """An organisation named as the subject of a promise to the partner's people:
        "MNADV will walk your command staff through…", "DAHA can take your team…"."""
        spec = self.spec
        if subject.pos_ != "PROPN" or not has_aux(verb, spec.offer_modals):
            return False
        return any(party_of(t, spec, None).kind == "partner" for t in verb.subtree
                   if t.dep_ in ("dobj", "pobj", "dative"))

    def conditional_offer(self, sent: Span) -> bool:
        """An offer made on the partner's word: "If your agency is considering the LAP,
        we will walk your staff through it in a single meeting"."""
        spec = self.spec
        for child in sent.root.children:
            if child.dep_ == "advcl" and any(g.lower_ in ("if", "whenever") for g in child.children):
                inner = subject_of(child)
                if inner is not None and party_of(inner, spec, self.reader.people).theirs:
                    return True
        return False


def people_of(msg: Message) -> frozenset[int]:
    """The tokens naming the partner's people: every sector pack's roles (a letter may
    name any of them) plus the profile's contacts' roles. Not the sector alone, so one
    request model serves a text checked against partners in many sectors. Found once
    per text (only where a match can start) and kept with the message."""
    def named_by(words: set[str]) -> frozenset[int]:
        # terms_pattern keeps the compiled pattern per word list.
        pattern = terms_pattern(sorted(words)) if words else None
        # Nouns in the other number count too ("every tenant" for "tenants").
        return people_tokens(msg.doc, msg.spans_of(pattern)) | people_by_word(msg.doc, words)

    def compute() -> frozenset[int]:
        # The sector packs' roles are the same for every partner: found once per text
        # and kept with the parsed doc; only a profile's own roles are searched per partner.
        kept = msg.doc.user_data.setdefault(KEPT_PEOPLE, {})
        version = msg.lexicons.version
        if version not in kept:
            kept[version] = named_by({w for sector in msg.lexicons.sectors.values()
                                      for w in sector.people})
        extra = set(msg.profile.people_terms) if msg.profile else set()
        return kept[version] | named_by(extra) if extra else kept[version]
    return msg.analysis("people tokens", compute)


def within_scope(model: RequestModel, sector) -> RequestModel:
    """The model with the sector's out-of-scope asks marked: a request that names work
    outside the partner's role ("teachers would provide case management") is heavy."""
    patterns = [s.pattern for s in (sector.out_of_scope if sector else ()) if s.pattern is not None]
    if not patterns:
        return model
    requests = []
    for request in model.requests:
        if request.mode != "information" and not request.by_sender and any(
                p.search(request.text) for p in patterns):
            request = replace(request, burden="high",
                              reasons=request.reasons + ("outside their role",))
        requests.append(request)
    return RequestModel(requests, model.offers, model.sender_centred, model.placeholders,
                        model.standing_offer)


def requests_of(msg: Message) -> RequestModel:
    """The message's request model, computed once and read by checks and the score.

    The parse-based model depends on the text and the profile's people only, so it is
    kept with the parsed doc: a comparison against many partners reads it once, and
    each partner's sector only marks its out-of-scope asks."""
    spec = msg.lexicons.requests
    if spec is None:
        return RequestModel()

    def compute() -> RequestModel:
        kept = msg.doc.user_data.setdefault(KEPT_MODELS, {})
        # The model reads the profile only through the tokens its people's words name:
        # partners whose roles name the same words (most often none) share one model.
        key = (people_of(msg), msg.lexicons.version)
        if key not in kept:
            kept[key] = RequestAnalysis(msg, spec).model()
        return within_scope(kept[key], msg.sector)
    return msg.analysis("requests", compute)


