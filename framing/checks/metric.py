"""Kind ``metric``: readability and length thresholds."""
from __future__ import annotations

from ..findings import Finding
from ..lexicon import Rule
from ..message import WORD, Message


def check_metric(rule: Rule, msg: Message) -> list[Finding]:
    """Sentences, paragraphs or the whole text above the rule's maximum."""
    metric, limit = rule.options["metric"], rule.options["max"]
    if msg.word_count < rule.options.get("min_words", 0) or not msg.sentences:
        return []
    found = []
    if metric == "sentence_words":
        for sent, words in zip(msg.sentences, msg.sentence_word_counts):
            if words > limit:
                start, end = msg.sentence_range(sent)
                found.append(msg.finding(rule, start, end,
                                         message=f"{rule.message} ({words} words; aim for {limit:g} or fewer.)"))
        return found
    if metric == "paragraph_words":
        for start, end in msg.paragraphs:
            words = len(WORD.findall(msg.text[start:end]))
            if words > limit:
                found.append(msg.finding(rule, start, end, scope="paragraph",
                                         message=f"{rule.message} ({words} words; aim for {limit:g} or fewer.)"))
        return found
    counts = msg.sentence_word_counts
    longest = msg.sentences[counts.index(max(counts))]
    if metric == "avg_sentence_words":
        value = sum(counts) / len(counts)
        label = "words per sentence on average"
    else:
        scores = msg.readability or {}
        key = {"fk_grade": "flesch_kincaid_grade", "smog": "smog_index"}[metric]
        value = scores.get(key, {}).get("value", 0.0)
        label = scores.get(key, {}).get("formula", metric)
    if value <= limit or value > rule.options.get("up_to", float("inf")):
        return []
    start, end = msg.sentence_range(longest)
    message = f"{rule.message} ({label}: {value:.1f}; target {limit:g} or lower. Longest sentence marked.)"
    return [msg.finding(rule, start, end, message=message, scope="document")]
