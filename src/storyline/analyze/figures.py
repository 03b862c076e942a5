"""Quantities an article claims, with what they count, so sources can be compared.

Which phrases are claims is ``figure_claims``' job and their values ``figure_values``'.
What a number counts comes from the dependency tree: the noun it modifies ("2,000
fighters"), the participle it goes with ("300 injured"), the noun a copula gives it ("five
were officers"), the noun after "of" ("12 percent of voters"), or the subject of the clause
it completes ("the death toll was estimated at more than 10,000").  A figure has a speaker
only when it is inside a quote or reported speech of that speaker, or is the estimate of a
passive reporting verb's agent ("estimated by the United Nations at 10,000").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storyline.analyze.figure_claims import FIGURE_LABELS, candidate_spans
from storyline.analyze.figure_values import SCALES, parse_value, vague_quantity
from storyline.analyze.quotes import find_quotes
from storyline.models import (
    Article,
    DateMention,
    Figure,
    Mention,
    Quote,
    Sentence,
    SpeakerKind,
    TimeValue,
)

__all__ = ["find_figures", "parse_value"]

APPROXIMATIONS = (
    "more than", "less than", "fewer than", "at least", "at most", "up to", "as many as",
    "as much as", "nearly", "almost", "about", "around", "approximately", "roughly", "some",
    "over", "under", "close to", "upwards of", "an estimated", "estimated", "just over",
    "just under", "more then",
)  # fmt: skip
CURRENCIES = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "dollars": "USD",
              "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yen": "JPY",
              "rubles": "RUB", "roubles": "RUB", "yuan": "CNY", "rupees": "INR"}  # fmt: skip
# Participles and adjectives that are themselves the unit: "31 dead and 300 injured".
CASUALTY_WORDS = {"dead", "killed", "injured", "wounded", "hurt", "missing", "arrested",
                  "displaced", "detained", "evacuated", "hospitalised", "hospitalized"}  # fmt: skip
# Passive verbs whose agent is the source of the figure: "estimated by the UN at 10,000".
ESTIMATE_VERBS = {"report", "estimate", "put", "count", "confirm", "record", "document",
                  "tally", "give", "calculate", "project", "forecast"}  # fmt: skip
# Units of length: "within a few hundred metres of houses" is a distance, not a count of houses.
DISTANCE_UNITS = {"metre", "metres", "meter", "meters", "m", "km", "kilometre", "kilometres",
                  "kilometer", "kilometers", "mile", "miles", "foot", "feet", "yard",
                  "yards"}  # fmt: skip
# Verbs whose subject is what a number measures: "the toll rose to 93,000".
LEVEL_VERBS = {
    "be", "reach", "rise", "fall", "climb", "stand", "total", "estimate", "put", "exceed",
    "top", "hit", "increase", "decrease", "grow", "drop", "jump", "double", "number", "near",
    "surpass", "pass", "soar", "plunge", "decline", "remain",
}  # fmt: skip
PRONOUNS = {"it", "this", "that", "which", "they"}
CLAUSE_CLIMB = 6  # heads climbed from a number to the clauses that may carry its source
ANAPHORA_OPENERS = ("at the time", "at that time", "then", "back then")


def find_figures(
    doc: Doc,
    article: Article,
    sentences: tuple[Sentence, ...],
    mentions: tuple[Mention, ...],
    dates: tuple[DateMention, ...],
    quotes: tuple[Quote, ...] | None = None,
) -> tuple[Figure, ...]:
    """Every quantity claim of the article, in text order.

    ``quotes`` are the article's quotes (found here when not given): a figure inside one
    takes its speaker.
    """
    if quotes is None:
        quotes = find_quotes(doc, article, sentences, mentions)
    figures: list[Figure] = []
    for span in candidate_spans(doc, article, dates):
        vague = vague_quantity(span.text)
        value = vague[0] if vague is not None else parse_value(span.text)
        if value is None:
            continue
        counts = _counts(span)
        if counts in PRONOUNS:
            counts = figures[-1].counts if figures else None
        end = span.end_char - (1 if span.text.endswith(".") and span[-1].text != "." else 0)
        figures.append(
            Figure(
                start=span.start_char,
                end=end,
                text=doc.text[span.start_char : end],
                value=value,
                unit=_unit(span),
                counts=counts,
                approximation=_approximation(span) or (vague[1] if vague else None),
                date=_date(span, article, sentences, dates),
                speaker=_speaker(span, mentions, quotes),
            )
        )
    return tuple(figures)


def _approximation(ent: Span) -> str | None:
    text = ent.text.lower()
    before = " ".join(t.lower_ for t in ent.doc[max(0, ent.start - 3) : ent.start])
    for phrase in APPROXIMATIONS:
        if text.startswith(phrase + " ") or before.endswith(" " + phrase) or before == phrase:
            return phrase
    return None


def _unit(ent: Span) -> str | None:
    text = ent.text.lower()
    if ent.label_ == "PERCENT":
        return "%"
    if ent.label_ == "MONEY":
        return _currency(text) or _last_word(ent)  # "20 baht", "55 cents"
    measure = _last_word(ent) if ent.label_ == "QUANTITY" else None
    if measure is not None:
        return measure
    counted = _counted_word(ent) or _predicate_noun(ent)
    if counted is None:
        of_object = _of_object(ent)
        return of_object.lower_ if of_object is not None and _is_vague(ent) else None
    return CURRENCIES.get(counted.lower_, counted.lower_)  # "half a million euros"


def _currency(text: str) -> str | None:
    for mark, code in CURRENCIES.items():
        if text.startswith(mark) or f" {mark}" in f" {text}":
            return code
    return None


def _last_word(ent: Span) -> str | None:
    words = [t.lower_ for t in ent if t.is_alpha and t.lower_ not in SCALES]
    measure = [w for w in words if w not in APPROXIMATIONS and not vague_quantity(w)]
    measure = [w for w in measure if w not in {"a", "an", "few", "several", "half"}]
    return measure[-1] if measure else None


def _is_vague(ent: Span) -> bool:
    return vague_quantity(ent.text) is not None


def _counted_word(ent: Span) -> Token | None:
    """The noun or participle a bare number counts: "2,000 fighters", "300 injured"."""
    root = ent.root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound") and head.i >= ent.end:
        return head
    if head.lower_ in CASUALTY_WORDS and head.i >= ent.end:
        return head
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if following is not None and following.lower_ in CASUALTY_WORDS:
        return following
    return None


def _predicate_noun(ent: Span) -> Token | None:
    """The noun a number is said to be: "five were officers", "seven of the injured were
    strikers" (the parse often hangs the number elsewhere, so read the words)."""
    if ent.label_ != "CARDINAL":
        return None
    doc = ent.doc
    index = ent.end
    of_object = _of_object(ent)
    if of_object is not None and index < len(doc) and doc[index].lower_ == "of":
        index = of_object.i + 1  # past "of the injured"
    if index >= len(doc) or doc[index].lemma_ != "be":
        return None
    for token in doc[index + 1 : index + 5]:
        if token.pos_ in {"VERB", "ADP", "PUNCT", "CCONJ"} or token.lower_ in CASUALTY_WORDS:
            return None  # "five were injured", "were in hospital": no noun to count
        if token.pos_ == "NOUN" and token.tag_ in {"NNS", "NNPS"}:
            return token
    return None


def _of_object(ent: Span) -> Token | None:
    of_phrases = [c for c in ent.root.children if c.lower_ == "of"]
    objects = [c for c in of_phrases[0].children if c.dep_ == "pobj"] if of_phrases else []
    return objects[0] if objects else None


def _counts(ent: Span) -> str | None:
    """What is counted: the modified noun phrase, a copula's noun, an "of" object, or the
    clause subject."""
    counted = _counted_word(ent) or _predicate_noun(ent)
    if counted is not None and counted.lower_ in CURRENCIES:
        counted = None  # "half a million euros": the currency is the unit, not what is counted
    if counted is not None and ent.label_ != "PERCENT":
        return _noun_phrase(counted, ent)
    of_object = _of_object(ent)
    distance = ent.label_ == "QUANTITY" and _last_word(ent) in DISTANCE_UNITS
    if of_object is not None and not distance:
        return _noun_phrase(of_object, ent)
    if ent.label_ == "PERCENT" and counted is not None:
        return _noun_phrase(counted, ent)
    subject = _clause_subject(ent.root)
    return _noun_phrase(subject, ent) if subject is not None else None


def _clause_subject(token: Token) -> Token | None:
    """The subject of a verb that states a level: "the toll was estimated at 10,000"."""
    node = token
    for _ in range(4):
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_ not in LEVEL_VERBS:
            return None
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].i < token.i:
            return subjects[0]
        if node.head is node or node.pos_ in ("VERB", "AUX"):
            break
    return None


def _noun_phrase(token: Token, ent: Span) -> str:
    """The noun with its compound and adjective modifiers: "death toll", "Syrian fighters"."""
    if token.lower_ in PRONOUNS:
        return token.lower_
    parts = [
        c
        for c in token.lefts
        if c.dep_ in ("compound", "amod")
        and not ent.start <= c.i < ent.end
        and c.ent_type_ not in FIGURE_LABELS
    ]
    return " ".join([*(p.text for p in parts), token.text]).lower()


def _date(
    ent: Span, article: Article, sentences: tuple[Sentence, ...], dates: tuple[DateMention, ...]
) -> TimeValue | None:
    """The dated mention of the figure's sentence, nearest first; "At the time" looks back."""
    index = next((i for i, s in enumerate(sentences) if s.start <= ent.start_char < s.end), None)
    if index is None:
        return None
    sentence = sentences[index]
    inside = [d for d in dates if sentence.start <= d.start < sentence.end and d.value]
    if inside:
        nearest = min(inside, key=lambda d: abs(d.start - ent.start_char))
        return nearest.value
    opening = article.text[sentence.start : sentence.end].lstrip().lower()
    if index > 0 and opening.startswith(ANAPHORA_OPENERS):
        previous = sentences[index - 1]
        before = [d for d in dates if previous.start <= d.start < previous.end and d.value]
        if before:
            return before[-1].value
    return None


def _speaker(ent: Span, mentions: tuple[Mention, ...], quotes: tuple[Quote, ...]) -> str | None:
    """Who states it: the named speaker of the innermost quote or reported clause holding
    it, else the agent of a passive estimate ("estimated by the UN at 10,000") or the
    source of "according to" in its own clause.  A figure
    merely near a speaker ("Delgado said, drawing cheers from several hundred strikers")
    has none."""
    holding = [q for q in quotes if q.start <= ent.start_char and ent.end_char <= q.end]
    if holding:
        innermost = min(holding, key=lambda q: q.end - q.start)
        named = innermost.speaker_kind is SpeakerKind.NAMED
        return innermost.speaker if named else None
    return _source_of_clause(ent.root, mentions)


def _source_of_clause(token: Token, mentions: tuple[Mention, ...]) -> str | None:
    """The source of "according to X" on the clause holding ``token`` or a clause it is
    part of ("would link to all eight sites, according to X"), or the agent of a passive
    estimate; never across a relative clause ("Holm, who backed a €300 million plan,
    said": the plan is not what Holm states)."""
    node = token
    for _ in range(CLAUSE_CLIMB):
        if node.pos_ in {"VERB", "AUX"}:
            for child in node.children:
                estimate = child.dep_ == "agent" and node.lemma_ in ESTIMATE_VERBS
                if child.lower_ == "according" or estimate:
                    return _mention_under(child, mentions)
            if node.dep_ in {"relcl", "acl"}:
                return None
        if node.head is node:
            return None
        node = node.head
    return None


def _mention_under(token: Token, mentions: tuple[Mention, ...]) -> str | None:
    start = min(t.idx for t in token.subtree)
    end = max(t.idx + len(t) for t in token.subtree)
    for mention in mentions:
        if start <= mention.start and mention.end <= end:
            return mention.entity
    return None
