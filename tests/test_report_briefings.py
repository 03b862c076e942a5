"""Hand-built briefings shared by the report tests (no pipeline stage runs here).

The port-strike briefing has every part a report shows: a thread of two stories, a story
outside any thread, an article no story holds, a near-duplicate pair, named and unnamed
quotes, conflicting figures, resolved dates, a timeline and a problem.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from builders import build_article
from storyline.models import (
    Article,
    ArticleAnalysis,
    Briefing,
    Citation,
    DateMention,
    DateSource,
    DuplicateGroup,
    Entity,
    EntityKind,
    Figure,
    Granularity,
    Origin,
    Problem,
    PublicationDate,
    Quote,
    Removal,
    Sentence,
    Severity,
    SpeakerKind,
    Story,
    Thread,
    TimelineEvent,
    TimeValue,
)

WIRE_TEXT = (
    "HARBOURTON - About 2,400 dockworkers walked off the job on Monday. "
    "Container traffic stopped.\n\n"
    '"We will not back down," Transport Minister Ana Ribeiro said.'
)
CLASH_TEXT = (
    "Fourteen people were injured on Thursday at Gate 4. Police cleared the picket.\n\n"
    '"Nobody wins when people get hurt," Ribeiro said. A senior ministry official said '
    'the government was "prepared for a long strike".'
)
HERALD_TEXT = "Twelve people were hurt on Thursday evening at Gate 4.\n\nThe strike goes on."
DEAL_TEXT = "Ribeiro and Delgado signed a five-year deal on Wednesday.\n\nWages rise 4.5 percent."
FIRE_TEXT = "A wildfire forced 1,500 people from their homes in Serra Alta on Tuesday."
EXPLAINER_TEXT = "The quarrel at the port is about more than wages."


def day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def on_day(iso: str) -> TimeValue:
    return TimeValue(day(iso), day(iso), Granularity.DAY)


def span(article: Article, words: str) -> tuple[int, int]:
    start = article.text.index(words)
    return start, start + len(words)


def articles() -> dict[str, Article]:
    wire = build_article(
        WIRE_TEXT,
        title="Dockworkers walk out",
        outlet="Coastline Wire",
        published=day("2024-03-04"),
        url="https://coastlinewire.example/strike",
        article_id="wire",
    )
    wire = dataclasses.replace(
        wire,
        removals=(Removal("promo-line", "Watch NNews Live", 0, "call to action"),),
        place="Harbourton",
    )
    return {
        "wire": wire,
        "copy": build_article(
            WIRE_TEXT,
            title="Dockworkers walk out",
            outlet="Daily Meridian",
            published=day("2024-03-04"),
            article_id="copy",
        ),
        "clash": build_article(
            CLASH_TEXT,
            title="Clashes at the gate",
            outlet="NNews",
            published=day("2024-03-07"),
            article_id="clash",
        ),
        "herald": build_article(
            HERALD_TEXT,
            title="Twelve hurt",
            outlet="Harbourton Herald",
            published=day("2024-03-08"),
            article_id="herald",
        ),
        "deal": build_article(
            DEAL_TEXT,
            title="Port deal signed",
            outlet="Harbourton Herald",
            published=day("2026-03-11"),
            article_id="deal",
        ),
        "fire": build_article(
            FIRE_TEXT,
            title="Wildfire in Serra Alta",
            outlet="Coastline Wire",
            published=day("2025-08-12"),
            article_id="fire",
        ),
        "explainer": build_article(
            EXPLAINER_TEXT, title="Explainer", outlet=None, article_id="explainer"
        ),
    }


def clash_analysis(clash: Article) -> ArticleAnalysis:
    nobody, senior = (
        span(clash, "Nobody wins when people get hurt"),
        span(clash, "prepared for a long strike"),
    )
    injured = span(clash, "Fourteen people were injured")
    thursday = span(clash, "on Thursday")
    first_block_end = clash.blocks[0].end
    return ArticleAnalysis(
        article_id=clash.id,
        analyzer="test",
        language="en",
        analysed=True,
        sentences=(
            Sentence(0, clash.text.index("Police"), 0),
            Sentence(clash.text.index("Police"), first_block_end, 0),
        ),
        quotes=(
            Quote(
                *nobody,
                "Nobody wins when people get hurt",
                SpeakerKind.NAMED,
                "person:ana ribeiro",
                "Ribeiro",
                "say",
            ),
            Quote(
                *senior,
                "prepared for a long strike",
                SpeakerKind.UNNAMED,
                None,
                "A senior ministry official",
                "say",
                partial=True,
            ),
        ),
        dates=(DateMention(*thursday, "on Thursday", on_day("2024-03-07"), 0.9, "publication"),),
        figures=(Figure(*injured, "Fourteen people were injured", 14.0, "injured", "injured"),),
    )


def herald_analysis(herald: Article) -> ArticleAnalysis:
    hurt = span(herald, "Twelve people were hurt")
    return ArticleAnalysis(
        article_id=herald.id,
        analyzer="test",
        language="en",
        analysed=True,
        figures=(Figure(*hurt, "Twelve people were hurt", 12.0, "injured", "injured"),),
    )


def wire_analysis(wire: Article) -> ArticleAnalysis:
    quote = span(wire, "We will not back down")
    return ArticleAnalysis(
        article_id=wire.id,
        analyzer="test",
        language="en",
        analysed=True,
        quotes=(
            Quote(
                *quote,
                "We will not back down",
                SpeakerKind.NAMED,
                "person:ana ribeiro",
                "Transport Minister Ana Ribeiro",
                "say",
            ),
        ),
    )


def port_briefing() -> Briefing:
    """The full briefing: thread, stories, duplicates, evidence, timeline, problem."""
    a = articles()
    copy_analysis = dataclasses.replace(wire_analysis(a["copy"]), article_id="copy")
    explainer_note = PublicationDate(DateSource.UNKNOWN)
    return Briefing(
        articles=tuple(a.values()),
        analyses=(
            wire_analysis(a["wire"]),
            copy_analysis,
            clash_analysis(a["clash"]),
            herald_analysis(a["herald"]),
            ArticleAnalysis("explainer", "test", "en", True, published=explainer_note),
        ),
        entities=(
            Entity("person:ana ribeiro", "Ana Ribeiro", EntityKind.PERSON, ("Ribeiro",)),
            Entity("person:marco delgado", "Marco Delgado", EntityKind.PERSON),
        ),
        duplicates=(DuplicateGroup("dup1", "wire", ("wire", "copy"), 0.91, "minhash.v1"),),
        stories=(
            Story(
                "strike",
                "Harbourton port strike",
                ("wire", "copy", "clash", "herald"),
                day("2024-03-04"),
                day("2024-03-08"),
                ("person:ana ribeiro", "org:harbourton dockworkers union"),
                "Harbourton",
                "t",
            ),
            Story(
                "deal",
                "Port deal",
                ("deal",),
                day("2026-03-11"),
                day("2026-03-11"),
                ("person:ana ribeiro", "person:marco delgado"),
                None,
                "t",
            ),
            Story("fire", "Serra Alta wildfire", ("fire",), day("2025-08-12"), None, (), None, "t"),
        ),
        threads=(Thread("port", "Harbourton port dispute", ("strike", "deal"), "t"),),
        timelines=(
            (
                "port",
                (
                    TimelineEvent(
                        on_day("2026-03-11"),
                        "Ribeiro and Delgado signed a five-year deal.",
                        (Citation("deal", 0, 40, "Harbourton Herald"),),
                        "deal",
                    ),
                    TimelineEvent(
                        on_day("2024-03-04"),
                        "About 2,400 dockworkers walked off the job.",
                        (Citation("wire", 0, 50, "Coastline Wire"), Citation("copy", 0, 50)),
                        "strike",
                    ),
                    TimelineEvent(
                        None, "The strike goes on.", (Citation("herald", 0, 10),), "strike"
                    ),
                ),
            ),
        ),
        problems=(
            Problem(
                Origin("inbox/broken.jsonl", "line 3"),
                "invalid-json",
                "line 3 is not valid JSON",
                "fix or remove the line",
            ),
        ),
        generated=dt.datetime(2026, 3, 12, 9, 30),
    )


def problems_only() -> Briefing:
    return Briefing(
        articles=(),
        problems=(
            Problem(Origin("empty.txt"), "empty-file", "the file is empty", "remove it"),
            Problem(
                Origin("feed.xml", "item 2"),
                "summary-only",
                "only a teaser",
                "fetch the page",
                severity=Severity.WARNING,
            ),
        ),
    )
