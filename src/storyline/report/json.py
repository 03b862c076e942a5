"""The briefing as JSON: the codec's encoding of every model, plus a schema version.

``storyline.codec.from_jsonable(Briefing, data)`` reads it back; the extra ``schema`` key
is ignored there and lets other readers check which layout they hold.
"""

from __future__ import annotations

import json
from typing import Any

from storyline.codec import to_jsonable
from storyline.models import Briefing

__all__ = ["SCHEMA", "briefing_document", "render_json"]

# Bump when the Briefing model changes shape in a way readers must know about.
SCHEMA = "storyline.briefing.v1"


def briefing_document(briefing: Briefing) -> dict[str, Any]:
    """The JSON-ready dict of ``briefing`` with its ``schema`` key."""
    document: dict[str, Any] = to_jsonable(briefing)
    return {"schema": SCHEMA, **document}


def render_json(briefing: Briefing) -> str:
    return json.dumps(briefing_document(briefing), ensure_ascii=False, indent=2) + "\n"
