"""The README documents what the code offers: every command, option and plugin option."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator import cli
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
