"""Story objects and their labels: key entities + place + month.

A label reads like "Kerry, Lavrov · Brunei · 2013-07": the two most central names
(people first when the analysis says which mentions are people), the place (the dateline
when cleaning found one, else the most central place entity), and the month the story
starts.  Each part is left out when unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.models import Article, ArticleAnalysis, EntityKind, Story
from storyline.organise.evidence import DateSpan
from storyline.organise.text import entity_keys, named_words

if TYPE_CHECKING:
    from storyline.organise.options import OrganiseOptions

KEY_ENTITIES = 8  # entities kept per story, most central first
LABEL_NAMES = 2  # names shown in a label
_NAME_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORGANISATION})
# A key's kind when the tagger gave it two kinds equally often, in models.EntityKind order:
# person, organisation, place, group, other (people and organisations name a story best).
# A fixed order, so the result never depends on which article came first.
_KIND_ORDER = tuple(EntityKind)
_SPELLING_WORD = re.compile(r"\w+")
# One capitalised word as text.name_keys reads it; its normalised lower case is the key.


@dataclass(frozen=True)
class StoryGroup:
    """Members of one story before it becomes a Story: the clustered ones and their copies."""

    digest: str
    leaders: tuple[str, ...]  # representatives of duplicate groups, and ungrouped articles
    members: tuple[str, ...]  # every article, copies included


class EntityNames:
    """Entity keys per article, the spelling to show for each key, and each key's kind.

    ``keys`` are the analysis' entities (canonical across articles with an entity map) and
    name the stories; ``name_keys`` are one key per capitalised word, which the clustering
    uses even when an analysis exists.  bench/cluster.py --with-entities, BCubed F1 with
    analysis keys / with name keys: ecbplus 0.820 / 0.830, mmds2025 0.777 / 0.818,
    newscluster_g5w1h 0.884 / 0.918, wikiref220 0.902 / 0.898 (both: 0.840, 0.806, 0.907,
    0.886).  A word key is shared by "Bashar al-Assad" and "Assad" alike, and it does not
    depend on the tagger finding every mention.
    """

    def __init__(
        self,
        articles: Iterable[Article],
        analyses: Mapping[str, ArticleAnalysis],
        entity_map: Mapping[tuple[str, str], str] | None,
    ) -> None:
        self.keys: dict[str, list[str]] = {}
        self.name_keys: dict[str, list[str]] = {}
        self.analysed: set[str] = set()  # articles whose keys are the analysis' entities
        spellings: dict[str, Counter[str]] = {}
        kinds: dict[str, Counter[EntityKind]] = {}
        surfaces: dict[str, Counter[str]] = {}  # name key -> its spellings in the text
        for article in articles:
            analysis = analyses.get(article.id)
            words = list(named_words(f"{article.title}\n{article.text}"))
            self.name_keys[article.id] = [key for key, _ in words]
            tagged = analysis.mentions if analysis is not None and analysis.analysed else ()
            if not tagged:  # no entities: the capitalised words name the story too
                self.keys[article.id] = self.name_keys[article.id]
                for key, surface in words:
                    surfaces.setdefault(key, Counter())[surface] += 1
                continue
            keys = entity_keys(article, analysis, entity_map)
            self.keys[article.id] = keys
            self.analysed.add(article.id)
            mentions = tagged if len(tagged) == len(keys) else ()
            for key, mention in zip(keys, mentions, strict=False):
                spellings.setdefault(key, Counter())[mention.text] += 1
                kinds.setdefault(key, Counter())[mention.kind] += 1
        self.spelling = {key: _most_common_spelling(count) for key, count in spellings.items()}
        self.kinds = {key: _majority_kind(count) for key, count in kinds.items()}
        self.surface = {key: _shown_surface(count) for key, count in surfaces.items()}

    def name(self, key: str) -> str:
        """The analysis' most common spelling, else the text's, else the key in title case."""
        if key in self.spelling:
            return self.spelling[key]
        if key in self.surface:
            return self.surface[key]
        return key.split(":", 1)[-1].title()

    def central(self, articles: Sequence[Article]) -> list[str]:
        """Keys found in most articles of the group, then most mentioned, then by key.

        When some articles were analysed only their entities count: the capitalised words of
        an article the analysis could not read (a report in another language) are not all
        names ("Doce", "Gobierno"), nor joined into full names ("Ana", "Delgado").
        """
        in_articles: Counter[str] = Counter()
        mentions: Counter[str] = Counter()
        analysed = [article for article in articles if article.id in self.analysed]
        for article in analysed or articles:
            keys = self.keys.get(article.id, [])
            in_articles.update(set(keys))
            mentions.update(keys)
        ranked = sorted(in_articles, key=lambda key: (-in_articles[key], -mentions[key], key))
        return ranked[:KEY_ENTITIES]

    def label_names(self, keys: Sequence[str], limit: int = LABEL_NAMES) -> list[str]:
        people = [key for key in keys if self.kinds.get(key) is EntityKind.PERSON]
        preferred = people + [
            key for key in keys if self.kinds.get(key) in _NAME_KINDS - {EntityKind.PERSON}
        ]
        others = [key for key in keys if key not in preferred and not self.is_place(key)]
        return [self.name(key) for key in (preferred + others)[:limit]]

    def is_place(self, key: str) -> bool:
        return self.kinds.get(key) is EntityKind.PLACE


def _most_common_spelling(spellings: Counter[str]) -> str:
    """The fullest form of the most used spelling: a report names "Ana Ribeiro" once and
    "Ribeiro" after that, and a label should say who she is.  Among spellings holding every
    word of the most used one and more ("Bashar al-Assad" for "Assad"), the most used, then
    the longer, then by text; the most used one when there is none."""
    common = min(spellings, key=lambda text: (-spellings[text], -len(text), text))
    words = set(_SPELLING_WORD.findall(common.lower()))
    fuller = [text for text in spellings if words < set(_SPELLING_WORD.findall(text.lower()))]
    return min(fuller or [common], key=lambda text: (-spellings[text], -len(text), text))


def _majority_kind(kinds: Counter[EntityKind]) -> EntityKind:
    return min(kinds, key=lambda kind: (-kinds[kind], _KIND_ORDER.index(kind)))


def _shown_surface(spellings: Counter[str]) -> str:
    """The most used spelling; on a tie one not in capitals ("Kim" over a headline's "KIM"),
    so capitals show only where the text spells a name that way ("NATO")."""
    return min(spellings, key=lambda text: (-spellings[text], text.isupper(), text))


def story_label(names: Sequence[str], place: str | None, when: str | None) -> str:
    parts = [", ".join(names)] if names else []
    if place:
        parts.append(place)
    if when:
        parts.append(when)
    return " · ".join(parts) or "Untitled story"


def story_dates(spans: Iterable[DateSpan | None]) -> tuple[dt.date | None, dt.date | None, str]:
    """First and last day of a story and how its label names them.

    Publication days win: the story runs from the first to the last, labelled by its first
    month.  Without any, the members' inferred ranges are intersected (reports of one event
    appear at about the same time), or joined when they do not meet: the join is open at an
    end when any range is, so it covers every member.  Never earliest > latest.  The label
    says only what the range allows: a month, a year, "2013–2016" or "2012 or later".
    """
    known = [
        span
        for span in spans
        if span is not None and (span.earliest is not None or span.latest is not None)
    ]
    days = [span.earliest for span in known if span.exact and span.earliest is not None]
    if days:
        start = min(days)
        return start, max(days), f"{start.year}-{start.month:02d}"
    starts = [span.earliest for span in known if span.earliest is not None]
    ends = [span.latest for span in known if span.latest is not None]
    earliest = max(starts) if starts else None
    latest = min(ends) if ends else None
    if earliest is not None and latest is not None and earliest > latest:
        # No day lies in every range: the join, open wherever one of the ranges is.
        earliest = min(starts) if len(starts) == len(known) else None
        latest = max(ends) if len(ends) == len(known) else None
    return earliest, latest, _range_label(earliest, latest)


def _range_label(earliest: dt.date | None, latest: dt.date | None) -> str:
    if earliest is None:
        return f"{latest.year} or before" if latest is not None else ""
    if latest is None:
        return f"{earliest.year} or later"
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return f"{earliest.year}-{earliest.month:02d}"
    if earliest.year == latest.year:
        return str(earliest.year)
    return f"{earliest.year}–{latest.year}"


def describe_stories(
    groups: Sequence[StoryGroup],
    by_id: Mapping[str, Article],
    names: EntityNames,
    spans: Mapping[str, DateSpan | None],
    options: OrganiseOptions,
    algorithm: str,
) -> tuple[Story, ...]:
    """One Story per group, in date order; groups with too few distinct articles are items."""
    stories = [_story(group, by_id, names, spans, options, algorithm) for group in groups]
    return tuple(sorted(stories, key=story_order))


def _story(
    group: StoryGroup,
    by_id: Mapping[str, Article],
    names: EntityNames,
    spans: Mapping[str, DateSpan | None],
    options: OrganiseOptions,
    algorithm: str,
) -> Story:
    ordered = sorted(group.members, key=lambda key: (_span_order(spans[key]), key))
    earliest, latest, when = story_dates(spans[key] for key in ordered)
    articles = [by_id[key] for key in ordered]
    entities = names.central(articles)
    place = _place(articles, entities, names)
    shown = len(group.leaders) >= options.min_story_articles
    return Story(
        id=f"{'story' if shown else 'item'}:{group.digest}",
        label=story_label(names.label_names(entities), place, when),
        article_ids=tuple(ordered),
        earliest=earliest,
        latest=latest,
        key_entities=tuple(entities),
        place=place,
        algorithm=algorithm,
    )


def _place(articles: Sequence[Article], entities: Sequence[str], names: EntityNames) -> str | None:
    datelines = Counter(article.place for article in articles if article.place)
    if datelines:
        return min(datelines, key=lambda place: (-datelines[place], place))
    return next((names.name(key) for key in entities if names.is_place(key)), None)


def _day_order(day: dt.date | None) -> tuple[bool, int]:
    return (day is None, day.toordinal() if day else 0)


def _span_order(span: DateSpan | None) -> tuple[bool, bool, int]:
    """Articles with a publication day first, then inferred ranges, then undated ones."""
    if span is None or span.earliest is None:
        return (True, True, 0)
    return (not span.exact, False, span.earliest.toordinal())


def story_order(story: Story) -> tuple[tuple[bool, int], str]:
    """Stories by first day (undated last), then id."""
    return (_day_order(story.earliest), story.id)
