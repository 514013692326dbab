"""PyInstaller entry point of the command line (``kexie``): the same as the console script."""
import sys

from kexie_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
