"""Problem builders: one place for the codes and wording of ingest problems."""

from __future__ import annotations

from storyline.models import Origin, Problem, Severity


def problem(
    origin: Origin, code: str, message: str, hint: str, *, warning: bool = False
) -> Problem:
    severity = Severity.WARNING if warning else Severity.ERROR
    return Problem(origin, code, message, hint, stage="ingest", severity=severity)


def too_large(origin: Origin, limit: int, what: str = "file") -> Problem:
    return problem(
        origin,
        "too-large",
        f"the {what} is larger than the {limit:,}-byte limit and was skipped",
        "raise --max-bytes if the input is legitimate, or split it",
    )


def binary(origin: Origin, kind: str = "binary data") -> Problem:
    return problem(
        origin,
        "binary-file",
        f"the content looks like {kind}, not text, HTML, JSON, a feed or a WARC",
        "convert it to text or HTML first, or leave it out of the batch",
    )


def empty(origin: Origin) -> Problem:
    return problem(
        origin, "empty-file", "the input is empty", "check that the file was saved completely"
    )
