"""The `storyline` command line: thin wrappers over the library, one module per group.

Exit codes: 0 all good; 1 failed, or no input held an article (the message says what to do);
2 wrong usage; 3 done, but some inputs were bad and skipped (each one is reported on stderr).
"""

from __future__ import annotations

import typer

from storyline import __version__
from storyline.cli import analysis, brief, corpus, organisation, serve, synthesis

app = typer.Typer(
    name="storyline",
    help=(
        "Turn a pile of news articles into a cited, story-by-story briefing.\n\n"
        "Example: storyline brief articles/ -o briefing.html\n\n"
        "Exit codes: 0 ok; 1 failed or no article found in any input; 2 usage error;"
        " 3 done with some bad inputs skipped."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

app.command("brief")(brief.brief_command)
app.command()(corpus.ingest)
app.command("clean")(corpus.clean_command)
app.command()(corpus.articles)
app.command()(corpus.show)
app.command()(corpus.search)
app.command()(corpus.problems)
app.command()(analysis.analyze)
app.command()(analysis.entities)
app.command()(analysis.quotes)
app.command()(analysis.dates)
app.command()(organisation.organise)
app.command()(organisation.stories)
app.command()(organisation.threads)
app.command()(organisation.timeline)
app.command()(synthesis.summary)
app.command()(serve.serve)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Turn a pile of news articles into a cited, story-by-story briefing."""


def main() -> None:
    app()
