"""storyline: from a pile of news articles to a cited, story-by-story briefing."""

from __future__ import annotations

__version__ = "0.1.0"
