"""PyInstaller entry point of the window (``kexie-gui``): the same as the gui-script."""
import sys

from kexie_gui.app import main

if __name__ == "__main__":
    sys.exit(main())
