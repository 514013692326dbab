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
