"""The review window (Qt).  Everything that imports PySide6 lives here or in ``kexie_gui/app.py``.

The shape (see /work/shared/DESIGN.md):

- ``controller``  the one controller: pages, analyses, decisions; plain Python, no Qt;
- ``derive``      what the view shows of a page (highlight spans, article bands, provenance), pure;
- ``marks``, ``utf16``  pure helpers: translation marks, code point <-> UTF-16 positions;
- ``runner``      analysis off the GUI thread through an injected ``QThreadPool`` (or synchronously in tests);
- ``undo``        one ``QUndoCommand`` per change of decisions, one ``QUndoStack`` per page;
- ``models``      Qt item models over the controller's data (suggestions, outline, pages);
- ``rawview``, ``articleview``, ``panels``, ``dialogs``, ``dropfilter``, ``palette``: passive widgets
  that render and report intent;
- ``actions``     the actions table (what each command does and when it can run) that builds menus, toolbar and
  the shortcuts dialog;
- ``settings``    every persisted setting declared once; ``i18n`` the zh/en switch;
- ``window``      the main window (a passive view with intent-level methods and signals);
- ``presenter``   connects the window to the controller through the flows: ``display`` (redraws),
  ``selection`` (the panes in step), ``opening``, ``keeping`` (save, recovery, files changed on disk),
  ``review``, ``structureflow``, ``editing``, ``exporting``;
- ``autosaver``   a QTimer driven by ``autosave.Debouncer`` writes changed pages to the ``AutosaveStore``;
- ``watcher``     open page files watched on disk (changed: offer Reload; deleted: say so, keep the page);
- ``crashes``     uncaught exceptions logged (``crash.report_crash``), the autosave flushed, the editor told;
- ``qtfix``       a guard against a PySide6 6.12 reference-count bug on Python 3.11;
- ``kexie_gui.app`` composes it all (the one composition root).
"""
