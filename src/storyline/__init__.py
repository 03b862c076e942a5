"""storyline: from a pile of news articles to a cited, story-by-story briefing.

The Python API mirrors the CLI::

    from storyline import open_store, brief, write_report

    with open_store("news.db") as store:
        briefing = brief(store, ["articles/", "feed.xml"])
    write_report(briefing, Path("briefing.html"))

Stage functions can also be used one by one: ``read`` -> ``extract`` -> ``clean`` ->
``analyze`` -> ``link_entities`` -> ``organise`` -> ``render``.  Names are imported lazily so
that ``import storyline`` stays cheap (no model, no heavy library loaded).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_PUBLIC = {
    "read": "storyline.ingest",
    "extract": "storyline.ingest",
    "IngestOptions": "storyline.ingest",
    "clean": "storyline.clean",
    "CleanOptions": "storyline.clean",
    "learn_boilerplate": "storyline.clean",
    "open_store": "storyline.store",
    "Store": "storyline.store",
    "analyze": "storyline.analyze",
    "AnalyzeOptions": "storyline.analyze",
    "link_entities": "storyline.analyze.entities",
    "organise": "storyline.organise",
    "OrganiseOptions": "storyline.organise",
    "Organisation": "storyline.organise",
    "brief": "storyline.pipeline",
    "ingest_into": "storyline.pipeline",
    "gather_briefing": "storyline.pipeline",
    "BriefOptions": "storyline.pipeline",
    "render": "storyline.report",
    "write_report": "storyline.report",
    "StorylineError": "storyline.errors",
}

__all__ = sorted([*_PUBLIC, "__version__"])


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'storyline' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return __all__
