"""``python -m kexie_gui``: the review window (same as the ``kexie-gui`` command)."""
import sys

from .app import main

sys.exit(main())
