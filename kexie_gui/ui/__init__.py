"""The review window (Qt).  Everything that imports PySide6 lives here or in ``kexie_gui/app.py``.

The shape (see /work/shared/DESIGN.md):

- ``controller``  the one controller: pages, analyses, decisions; plain Python, no Qt;
- ``derive``      what the view shows of a page (highlight spans, article bands, provenance), pure;
- ``runner``      analysis off the GUI thread through an injected ``QThreadPool`` (or synchronously in tests);
- ``undo``        one ``QUndoCommand`` per change of decisions;
- ``models``      Qt item models over the controller's data (suggestions, outline, pages);
- ``rawview``, ``articleview``, ``panels``, ``dialogs``: passive widgets that render and report intent;
- ``actions``     the actions table that builds menus, toolbar and the shortcuts dialog;
- ``settings``    every persisted setting declared once; ``i18n`` the zh/en switch;
- ``window``      the main window that lays the widgets out; ``kexie_gui.app`` composes it all.
"""
