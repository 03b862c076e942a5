"""`storyline serve`: the local web UI."""

from __future__ import annotations

from pathlib import Path

import typer

from storyline.cli.corpus import DB_OPTION
from storyline.cli.output import ExitCode, console


def serve(
    db: Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (local only)."),
    port: int = typer.Option(8321, "--port", help="Port to listen on."),
) -> None:
    """Browse a store in a local web UI; every page has a JSON twin (?format=json).

    Example: storyline serve --db news.db --port 8321
    """
    import uvicorn

    from storyline.web import create_app

    if not db.exists():
        console(stderr=True).print(f"error: no store at {db} (run `storyline ingest` first)")
        raise typer.Exit(ExitCode.FAILED)
    console(stderr=True).print(f"storyline UI on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
