"""Docs and CLI cannot drift: every command has help text with an example."""

from __future__ import annotations

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def test_the_cli_has_the_commands_the_readme_promises() -> None:
    expected = {
        "brief",
        "ingest",
        "clean",
        "articles",
        "show",
        "search",
        "problems",
        "analyze",
        "entities",
        "quotes",
        "dates",
        "organise",
        "stories",
        "threads",
        "timeline",
    }
    assert expected <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example: storyline " + command in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_listing_or_report_command_documents_its_options(command: str) -> None:
    click_command = get_command(app).commands[command]  # type: ignore[attr-defined]
    for param in click_command.params:
        if param.param_type_name == "option":
            assert param.help, f"{command} {param.opts} has no help text"


def test_json_is_offered_by_every_listing() -> None:
    for command in [
        "articles",
        "search",
        "problems",
        "entities",
        "quotes",
        "dates",
        "stories",
        "threads",
        "timeline",
        "analyze",
        "organise",
        "ingest",
        "clean",
    ]:
        assert "--json" in runner.invoke(app, [command, "--help"]).output, command


def test_version_flag() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("storyline ")
