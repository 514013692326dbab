"""The loaders fuzzed for longer than the test suite does: page bytes, session JSON, autosave JSON.

    .venv/bin/python tools/fuzz_loaders.py [--examples 5000] [--only pages,sessions,autosaves]

Same strategies and checks as ``tests/test_fuzz_loaders.py`` (``tests/fuzz_loaders.py``):
every input either loads or raises the loader's documented error type.  Prints
one line per loader; exits 1 with hypothesis's smallest failing example
otherwise.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from tests.fuzz_loaders import (  # noqa: E402
    autosave_base,
    check_autosave_bytes,
    check_page_bytes,
    check_session_bytes,
    page_bytes,
    session_bytes,
)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=5000, help="examples per loader (default: %(default)s)")
    parser.add_argument("--only", default="pages,sessions,autosaves",
                        help="comma-separated loaders to fuzz (default: %(default)s)")
    args = parser.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="kexie-fuzz-"))
    os.environ["KEXIE_DATA_DIR"] = str(tmp / "userdata")
    run = settings(max_examples=args.examples, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))
    targets = {
        "pages": given(page_bytes())(check_page_bytes),
        "sessions": given(session_bytes())(check_session_bytes),
        "autosaves": given(session_bytes(base=autosave_base()))(lambda data: check_autosave_bytes(data, tmp / "as")),
    }
    for name in args.only.split(","):
        t0 = time.perf_counter()
        run(targets[name])()
        print(f"{name}: {args.examples} examples, no exception but the documented ones "
              f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
