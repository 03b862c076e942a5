"""Ids typed by a person: a full id or a unique prefix, with or without its ``kind:`` tag.

Story and thread ids look like ``story:3b6f94b5bad6...``; listings show them shortened, and
people copy either the tagged or the bare form, so both resolve (as ``git`` resolves a short
commit hash). Kept free of Typer and Rich so the web UI can use it too.
"""

from __future__ import annotations

from collections.abc import Iterable

SHOWN_ID_CHARS = 12  # hex characters shown in listings: unique in any realistic store
MAX_CANDIDATES_SHOWN = 8  # an ambiguous prefix lists at most this many matching ids


def bare_id(full_id: str) -> str:
    """``full_id`` without its ``kind:`` tag (``story:3b6f`` -> ``3b6f``)."""
    return full_id.rpartition(":")[2]


def short_id(full_id: str) -> str:
    """The id as listings show it: its tag and the first SHOWN_ID_CHARS of the rest."""
    tag, colon, rest = full_id.rpartition(":")
    return f"{tag}{colon}{rest[:SHOWN_ID_CHARS]}"


def matching_ids(wanted: str, ids: Iterable[str]) -> list[str]:
    """Ids ``wanted`` names: the one it equals, else every id it is a prefix of.

    ``wanted`` may carry the tag (``thread:cfa1``), which must then match, or not (``cfa1``);
    an empty prefix names nothing rather than everything.
    """
    tag, colon, bare = wanted.strip().rpartition(":")
    if not bare:
        return []
    candidates = [i for i in dict.fromkeys(ids) if not colon or i.startswith(tag + colon)]
    exact = [i for i in candidates if bare_id(i) == bare]
    if exact:
        return exact[:1]
    return [i for i in candidates if bare_id(i).startswith(bare)]


class IdNotFound(LookupError):
    """No id, or more than one, matches what was typed; the message says what to do."""


def resolve_id(wanted: str, ids: Iterable[str], kind: str, listing: str) -> str:
    """The one id ``wanted`` names, or IdNotFound with a message naming the candidates.

    ``kind`` is what the ids are ("story", "thread"); ``listing`` where to find them
    ("`storyline stories`", "the /stories page").
    """
    found = matching_ids(wanted, ids)
    if len(found) == 1:
        return found[0]
    if not found:
        raise IdNotFound(f"no {kind} {wanted!r} (see {listing} for the ids)")
    shown = ", ".join(found[:MAX_CANDIDATES_SHOWN])  # whole ids: short ones could tie
    hidden = len(found) - MAX_CANDIDATES_SHOWN
    more = f" and {hidden} more" if hidden > 0 else ""
    raise IdNotFound(
        f"{kind} id {wanted!r} is ambiguous: it matches {shown}{more} "
        "(give more characters of the id)"
    )
