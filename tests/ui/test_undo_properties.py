"""Undo can never corrupt text: any sequence of decisions, undone, gives the opening page back; redone, the same end."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kexie_gui.core import Decisions

_APP = {}

actions = st.lists(st.tuples(st.sampled_from(["decide", "kind", "role", "split", "cut", "lines", "join", "title",
                                              "move", "interleave", "edit"]),
                             st.integers(min_value=0, max_value=10_000), st.sampled_from([True, False, None])),
                   min_size=1, max_size=8)


def _articles(state):
    return [a.to_dict() for a in state.clean.articles]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=actions)
def test_undo_all_restores_and_redo_all_repeats(seed_app, steps):
    app = seed_app
    c, state = app.controller, app.controller.current
    stack = app.window.history.stack()
    while stack.canUndo():  # hypothesis reuses the fixture: start from the opened page
        app.recorder.undo()
    stack.clear()
    assert state.decisions == Decisions()
    opening = _articles(state)
    items = state.analysis.suggestions
    for what, n, flag in steps:
        if what == "decide":
            c.decide(items[n % len(items)].id, flag)
        elif what == "kind":
            c.decide_kind(items[n % len(items)].kind, bool(flag))
        elif what == "role":
            block = state.view.blocks[n % len(state.view.blocks)]
            c.set_role(block.id, ["title", "body", "furniture", "byline"][n % 4])
        elif what == "split":
            c.split_at(n % len(state.page.text))
        elif what == "cut":
            c.split_block_at(n % len(state.page.text))
        elif what == "lines":
            start = n % len(state.page.text)
            c.split_lines(start, min(len(state.page.text), start + 300))
        elif what in ("join", "title", "move"):
            pieces = state.view.blocks
            ids = [pieces[(n + k) % len(pieces)].id for k in range(1 + n % 3)]
            if what == "join":
                c.join_pieces(ids)
            elif what == "title":
                c.mark_one_title(ids)
            else:
                c.move_by(ids, 1 if flag else -1)
        elif what == "interleave":
            start = n % len(state.page.text)
            c.uninterleave(start, min(len(state.page.text), start + 400))
        elif what == "edit" and state.clean.articles:
            from kexie_gui.ui.derive import Place
            a = n % len(state.clean.articles)
            c.edit_text(Place(a, "title", 0), f"标题{n}")
    final, final_decisions = _articles(state), state.decisions
    while stack.canUndo():
        app.recorder.undo()
    assert state.decisions == Decisions() and _articles(state) == opening
    while stack.canRedo():
        app.recorder.redo()
    assert state.decisions == final_decisions and _articles(state) == final
    shown = state.clean.articles[app.presenter.selection.article_index]
    assert str(shown.title) in app.window.article.part_texts()  # the pane follows the final state
