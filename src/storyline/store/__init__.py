"""Persistent storage for storyline: an embedded SQLite file.

>>> from storyline.store import open_store
>>> with open_store(None) as store:
...     store.count_articles()
0
"""

from __future__ import annotations

from storyline.store.records import Organisation, SearchHit, StoreCounts
from storyline.store.sqlite import Store, open_store

__all__ = ["Organisation", "SearchHit", "Store", "StoreCounts", "open_store"]
