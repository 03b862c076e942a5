"""Invented articles for the organise tests (no tests here): two events, a syndicated
copy, a sequel two years later, and an unrelated item, in several outlet styles."""

from __future__ import annotations

import datetime as dt

from builders import build_article
from storyline.models import Article

PORT_STRIKE_WIRE = "\n\n".join(
    (
        "ROTTERDAM — Dockworkers at the Port of Rotterdam walked off the job on Monday, "
        "halting container traffic at Europe's busiest port as the FNV union pressed for "
        "higher wages.",
        "The strike, called by the FNV after talks with terminal operator ECT collapsed late "
        "on Sunday, left dozens of ships waiting at anchor in the North Sea, port authority "
        "spokesman Pieter Vos said.",
        '"We are not going back until ECT puts a serious offer on the table," FNV negotiator '
        "Marieke de Groot told reporters outside the Maasvlakte terminal.",
        "ECT said it regretted the walkout and remained open to talks. The company has "
        "offered a 4 percent raise; the union wants 9 percent over two years.",
        "Shipping lines Maersk and MSC warned customers of delays of up to a week for cargo "
        "bound for Germany and Switzerland.",
    )
)

PORT_STRIKE_DAILY = "\n\n".join(
    (
        "Thousands of Rotterdam dockworkers stopped work on Monday in a wage dispute that has"
        " brought Europe's largest port to a standstill.",
        "The FNV union said the strike at ECT's container terminals on the Maasvlakte would "
        "continue until the operator improved its pay offer of 4 percent.",
        '"We are not going back until ECT puts a serious offer on the table," said Marieke de'
        " Groot, who leads the FNV negotiating team.",
        "Port officials said more than 40 container ships were waiting to berth. Maersk told "
        "clients to expect delays to deliveries into Germany.",
        "The last major strike at the Port of Rotterdam, in 2018, lasted three days.",
    )
)

PORT_STRIKE_GAZETTE = "\n\n".join(
    (
        "Port of Rotterdam strike: what we know",
        "Dockworkers belonging to the FNV union began an open-ended strike at ECT terminals "
        "in Rotterdam on Monday morning.",
        "Negotiations between the FNV and ECT broke down on Sunday evening over wages, with "
        "the union demanding 9 percent and the operator offering 4 percent.",
        "Container ships are queuing in the North Sea, and shipping companies including MSC "
        "and Maersk expect delays for cargo to Germany and Switzerland.",
        "Marieke de Groot of the FNV said members would stay out until ECT made a serious offer.",
    )
)

VOLCANO_NEWS = "\n\n".join(
    (
        "A volcano erupted near the fishing town of Grindavik in south-west Iceland on "
        "Sunday, sending lava towards homes that had been evacuated hours earlier.",
        "The Icelandic Meteorological Office said the fissure opened just north of the town's"
        " defensive barriers shortly before 8am.",
        "Civil protection chief Vidir Reynisson said all residents had left and there was no "
        "danger to life. The nearby Blue Lagoon spa was closed.",
        "Keflavik airport remained open and flights were operating normally, Isavia said.",
    )
)

VOLCANO_TIMES = "\n\n".join(
    (
        "Lava flowed into the outskirts of Grindavik on Sunday after a new volcanic eruption "
        "on Iceland's Reykjanes peninsula, the Icelandic Meteorological Office said.",
        "Residents of the town had been evacuated overnight as earthquakes intensified, civil"
        " protection chief Vidir Reynisson told public broadcaster RUV.",
        "The Blue Lagoon, one of Iceland's main tourist attractions, shut its doors, while "
        "Keflavik airport said flights were unaffected.",
        "Scientists had warned for weeks that magma was building up beneath Grindavik.",
    )
)

PORT_STRIKE_SEQUEL = "\n\n".join(
    (
        "Rotterdam dockworkers launched a new strike against terminal operator ECT on "
        "Tuesday, two years after a week-long walkout that paralysed the Port of Rotterdam.",
        "The FNV union said ECT had broken promises on staffing made in the wage deal that "
        "ended the previous stoppage.",
        '"ECT has had two years to keep its word," FNV negotiator Marieke de Groot said at '
        "the Maasvlakte terminal.",
        "Maersk and MSC said they would divert some ships to Antwerp and Hamburg while the "
        "strike lasts.",
    )
)

CHESS_ITEM = "\n\n".join(
    (
        "The Madrid chess open ended on Saturday with a surprise win for 17-year-old Lucia "
        "Navarro, who beat three grandmasters on her way to the title.",
        "Navarro, from Valencia, said she had prepared for the tournament for eight months "
        "with her coach Andres Molina.",
        "Organisers said a record 640 players had taken part this year.",
    )
)


def syndicated_copy(text: str) -> str:
    """The wire story as a partner site runs it: a header, two edits, paragraphs swapped,
    and a footer."""
    paragraphs = text.split("\n\n")
    paragraphs[0] = paragraphs[0].replace("walked off the job", "went on strike")
    paragraphs[3] = paragraphs[3].replace("regretted", "deeply regretted")
    paragraphs[3], paragraphs[4] = paragraphs[4], paragraphs[3]
    return "\n\n".join(
        ["Advertisement", *paragraphs, "Copyright 2024 Harbour Media. All rights reserved."]
    )


def corpus() -> dict[str, Article]:
    """Every invented article by a short name."""
    strike_day = dt.date(2024, 3, 4)
    volcano_day = dt.date(2024, 1, 14)
    return {
        "wire": build_article(
            PORT_STRIKE_WIRE,
            title="Rotterdam dockworkers strike, ships wait at anchor",
            outlet="Example Wire",
            published=strike_day,
            article_id="wire",
        ),
        "copy": build_article(
            syndicated_copy(PORT_STRIKE_WIRE),
            title="Strike halts Europe's busiest port",
            outlet="Harbour Media",
            published=dt.datetime(2024, 3, 4, 15, 30),
            article_id="copy",
        ),
        "daily": build_article(
            PORT_STRIKE_DAILY,
            title="Rotterdam port at a standstill as dockers strike over pay",
            outlet="The Daily Courier",
            published=strike_day,
            article_id="daily",
        ),
        "gazette": build_article(
            PORT_STRIKE_GAZETTE,
            title="Port of Rotterdam strike: what we know",
            outlet="Lowlands Gazette",
            published=dt.date(2024, 3, 5),
            headings=("Port of Rotterdam strike: what we know",),
            article_id="gazette",
        ),
        "volcano-news": build_article(
            VOLCANO_NEWS,
            title="Iceland volcano erupts near Grindavik",
            outlet="North Atlantic News",
            published=volcano_day,
            article_id="volcano-news",
        ),
        "volcano-times": build_article(
            VOLCANO_TIMES,
            title="Lava reaches Grindavik outskirts after eruption",
            outlet="The Reykjavik Times",
            published=volcano_day,
            article_id="volcano-times",
        ),
        "sequel": build_article(
            PORT_STRIKE_SEQUEL,
            title="Rotterdam dockers strike again at ECT",
            outlet="Example Wire",
            published=dt.date(2026, 3, 10),
            article_id="sequel",
        ),
        "chess": build_article(
            CHESS_ITEM,
            title="Teenager Navarro wins Madrid chess open",
            outlet="Sports Desk",
            published=dt.date(2024, 2, 3),
            article_id="chess",
        ),
    }
