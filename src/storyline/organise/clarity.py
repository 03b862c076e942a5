"""How clearly a sentence tells a dated event out of its article's context.

A timeline shows one sentence per event, away from the paragraph around it, so among the
sentences several sources give for one event the clearest is shown.  Sentences are compared
on, in order: (1) the date is told in the writer's voice, not inside quote marks (quoted
words speak from the speaker's viewpoint: "we", "here", "next week"; reported speech is the
writer's wording and counts as the writer's voice), and then the sentence at least opens in
the writer's voice; (2) more distinct names (people, organisations, places) close to the
date expression, because the names there say what the dated thing was; (3) the sentence does
not open by pointing back at text the reader cannot see ("That is...", "It was...").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.models import Article, ArticleAnalysis, Quote
from storyline.organise.text import name_keys

# Names this many words either side of a date expression count as naming the dated thing:
# about a clause.  Chosen by hand on the invented fixtures of tests/test_timeline.py (names
# further away belong to other clauses of long sentences); not benchmarked.
NAME_WINDOW_WORDS = 8
# Opening words that point back at an earlier sentence (English; other languages tie here).
_BACK_REFERENCES = frozenset(
    {"it", "its", "he", "his", "she", "her", "they", "their", "this", "that", "these", "those"}
    | {"such"}
)
_OPENING_WORD = re.compile(r"[\W_]*(\w+)")
_TOKEN = re.compile(r"\S+")
# (date outside quote marks, sentence opens outside them, names near the date, no opening
# back-reference): compared as a tuple, higher is clearer.
Clarity = tuple[bool, bool, int, bool]


def event_clarity(
    article: Article,
    analysis: ArticleAnalysis | None,
    sentence: tuple[int, int],
    anchor: tuple[int, int],
) -> Clarity:
    """How well a sentence reads as an event out of context (see the module docstring)."""
    opening = _OPENING_WORD.match(article.text, sentence[0], sentence[1])
    opens_at = opening.start(1) if opening is not None else sentence[0]
    dated_by_mention = anchor[1] > anchor[0]
    # Reported speech ("Kerry said that ...") is the writer's own wording: only marks count.
    quotes = [quote for quote in analysis.quotes if quote.direct] if analysis else []
    # A lead sentence is dated as a whole: whether its first word is quoted decides.
    date_narrated = not _quoted(quotes, anchor[0] if dated_by_mention else opens_at)
    opens_narrated = not _quoted(quotes, opens_at)
    near = _window(article.text, sentence, anchor) if dated_by_mention else sentence
    skip = opening.end(1) if opening is not None else sentence[0]
    names = _names(article, analysis, near, anchor, skip)
    points_back = (
        opening is not None
        and opening.group(1).lower() in _BACK_REFERENCES
        and not anchor[0] <= opening.start(1) < anchor[1]  # "This week's talks": a date
    )
    return (date_narrated, opens_narrated, names, not points_back)


def _quoted(quotes: Sequence[Quote], offset: int) -> bool:
    return any(quote.start <= offset < quote.end for quote in quotes)


def _window(text: str, sentence: tuple[int, int], anchor: tuple[int, int]) -> tuple[int, int]:
    """The span of ``NAME_WINDOW_WORDS`` words either side of ``anchor`` within the sentence."""
    tokens = list(_TOKEN.finditer(text, sentence[0], sentence[1]))
    before = [token.start() for token in tokens if token.end() <= anchor[0]]
    after = [token.end() for token in tokens if token.start() >= anchor[1]]
    start = before[-NAME_WINDOW_WORDS] if len(before) >= NAME_WINDOW_WORDS else sentence[0]
    end = after[NAME_WINDOW_WORDS - 1] if len(after) >= NAME_WINDOW_WORDS else sentence[1]
    return start, end


def _names(
    article: Article,
    analysis: ArticleAnalysis | None,
    near: tuple[int, int],
    anchor: tuple[int, int],
    first_word_end: int,
) -> int:
    """Distinct entities named in ``near`` outside the date expression itself.

    When the analysis found no entities in the article, capitalised names stand in, without
    the sentence's first word (capitalised whether or not it is a name: "Talks in March").
    """
    outside = [(near[0], min(anchor[0], near[1])), (max(anchor[1], near[0]), near[1])]
    if analysis is not None and analysis.mentions:
        return len(
            {
                mention.entity
                for mention in analysis.mentions
                if any(start <= mention.start and mention.end <= end for start, end in outside)
            }
        )
    parts = [(max(start, first_word_end), end) for start, end in outside]
    return len({key for start, end in parts for key in name_keys(article.text[start:end])})
