"""Issue 10: the README's set-up command installs what the tests use, and says what it did."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Set-up"):]
    return re.search(r"```sh\n(.+?)\n```", section, re.S).group(1)


def _apt_packages(text: str) -> set[str]:
    out = set()
    for match in re.finditer(r"apt-get install ((?:\\\n|[^&|\n])+)", text):
        out |= {w for w in shlex.split(match.group(1).replace("\\\n", " ")) if not w.startswith("-")
                and not w.startswith(">")}
    return out


def test_the_readme_setup_installs_what_the_tests_use():
    """A machine set up from the README alone runs no fewer tests than CI (which installs .ci/run's list)."""
    readme = _apt_packages(_setup_command())
    ci = _apt_packages((ROOT / ".ci" / "run").read_text(encoding="utf-8"))
    assert {"desktop-file-utils", "appstream"} <= readme
    assert ci <= readme, ci - readme


def test_the_readme_setup_ends_saying_what_was_written_and_how_to_start_the_window():
    command = _setup_command()
    last = command.rsplit("&&", 1)[1].strip()
    assert last.startswith("echo ") and "out/sample_page.md" in last and ".venv/bin/kexie-gui" in last


def _test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("Run the whole test suite"):]
    return re.search(r"```sh\n(.+?)\n```", section, re.S).group(1)


def test_ci_runs_the_readme_test_command_last_and_it_lints():
    """CI passes exactly when the README's command does: it is .ci/run's last command, so a failing
    ``ruff check`` or ``mypy`` before ``&&`` is the script's exit status."""
    commands = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands[-1] == _test_command()
    assert _test_command().startswith(".venv/bin/ruff check . && .venv/bin/mypy kexie_gui && ")


def test_ci_stops_on_a_failed_pip_install():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script
    assert not [line for line in script.splitlines() if "pip install" in line and line.rstrip().endswith("|| true")]


def test_pre_commit_runs_the_ruff_the_tests_install():
    pinned = re.search(r'"ruff==([\d.]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8")).group(1)
    hooks = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"rev: v{pinned}\n" in hooks and "astral-sh/ruff-pre-commit" in hooks
