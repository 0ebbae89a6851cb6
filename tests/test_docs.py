"""The README documents what the code offers: every command, option and plugin option."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator import cli, schema
from generator.plugin import OnRecordConfig

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    for action in cli.parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("onrecord has no subcommands")


def test_every_cli_command_and_option_is_documented() -> None:
    commands = subcommands()
    assert {"check", "generate", "new"} <= set(commands)
    for name, sub in commands.items():
        assert f"onrecord {name}" in README, name
        for action in sub._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert f"`{flag}" in README or f" {flag}" in README, f"{name} {flag}"


def test_every_plugin_option_is_documented() -> None:
    for name, _ in OnRecordConfig._schema:
        assert f"| `{name}` |" in README, name


def reference(title: str) -> set[str]:
    """The keys in the README's reference table that follows the line starting with ``title``."""
    section = README.split("### Reference: what each file may say", 1)[1]
    lines = section.split("\n" + title, 1)[1].split("\n\n", 2)[1].splitlines()
    return {line.split("`")[1] for line in lines[2:] if line.startswith("| `")}


def test_the_schema_reference_matches_the_schema_tables() -> None:
    assert reference("Episode metadata") == set(schema.EPISODE)
    assert reference("`show.yml`") == set(schema.SHOW)
    assert reference("`speakers.yml`") == set(schema.SPEAKERS)
    assert reference("A person under") == set(schema.PERSON)
