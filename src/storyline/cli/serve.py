"""`storyline serve`: the local web UI."""

from __future__ import annotations

from pathlib import Path

import typer

from storyline.cli.output import DB_OPTION, ExitCode, console


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
        message = f"error: no store at {db} (run `storyline ingest PATH --db {db}` first)"
        console(stderr=True).print(message, markup=False)
        raise typer.Exit(ExitCode.FAILED)
    console(stderr=True).print(
        f"storyline UI on http://{host}:{port}/ (Ctrl-C to stop)", markup=False
    )
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
