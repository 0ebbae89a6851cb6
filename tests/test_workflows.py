"""The GitHub Pages workflows (this repository's, and the one ``onrecord new`` writes) are valid
and use current actions, checked offline: check-jsonschema ships GitHub's workflow schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import scaffold

ROOT = Path(__file__).parent.parent
#: The current major of each action (node 24 runners); anything older is refused.
MAJORS = {"actions/checkout": 6, "actions/setup-python": 6, "actions/configure-pages": 6,
          "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}


@pytest.fixture(params=["repository", "onrecord new"])
def workflow(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    if request.param == "repository":
        return ROOT / ".github/workflows/pages.yml"
    path = tmp_path / "pages.yml"
    path.write_text(scaffold.FILES[".github/workflows/pages.yml"], encoding="utf-8")
    return path


def test_workflow_matches_githubs_schema(workflow: Path) -> None:
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", str(workflow)],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def uses(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [v for k, v in data.items() if k == "uses"] + [u for v in data.values() for u in uses(v)]
    return [u for v in data for u in uses(v)] if isinstance(data, list) else []


def test_workflow_pins_current_action_majors(workflow: Path) -> None:
    pinned = uses(yaml.safe_load(workflow.read_text(encoding="utf-8")))
    assert {p.split("@")[0] for p in pinned} >= {"actions/checkout", "actions/upload-pages-artifact",
                                                 "actions/deploy-pages"}
    old = [p for p in pinned if int(p.split("@v")[1].split(".")[0]) < MAJORS.get(p.split("@")[0], 0)]
    assert old == []
