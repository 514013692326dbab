"""The item models pass Qt's model tester, empty and filled, and the filter does what it says."""
from __future__ import annotations

from kexie_gui.ui.controller import Controller
from kexie_gui.ui.models import (
    ID_ROLE,
    KIND_ROLE,
    OPEN_ROLE,
    PART_MIME,
    OutlineModel,
    PagesModel,
    SuggestionFilter,
    SuggestionModel,
)

from .conftest import SEED


def _opened() -> Controller:
    c = Controller()
    c.open_paths([str(SEED)])
    return c


def test_suggestion_model_passes_the_model_tester(qtmodeltester, qapp):
    c = _opened()
    model = SuggestionModel(c)
    qtmodeltester.check(model)  # empty
    model.set_page(c.current)
    qtmodeltester.check(model)
    assert model.rowCount() == len(c.current.analysis.suggestions)
    first = c.current.analysis.suggestions[0]
    assert model.index(0, 0).data(ID_ROLE) == first.id
    assert model.index(0, 0).data(KIND_ROLE) == first.kind
    assert model.index(0, 2).data() == c.current.page.line_of(first.ranges[0][0])
    assert model.index(0, 3).data() == f"{first.confidence:.0%}"
    assert model.index(0, 4).data() == first.explain_en


def test_suggestion_filter_by_kind_and_open(qtmodeltester, qapp):
    c = _opened()
    model = SuggestionModel(c)
    model.set_page(c.current)
    proxy = SuggestionFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_kind("duplicate")
    assert proxy.rowCount() == sum(1 for s in c.current.analysis.suggestions if s.kind == "duplicate")
    dup = proxy.index(0, 0).data(ID_ROLE)
    c.decide(dup, False)
    model.refresh()
    proxy.set_open_only(True)
    assert all(proxy.index(r, 0).data(OPEN_ROLE) for r in range(proxy.rowCount()))
    assert dup not in {proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())}
    qtmodeltester.check(proxy)


def test_outline_model_passes_the_model_tester_and_drags_paragraphs(qtmodeltester, qapp):
    c = _opened()
    model = OutlineModel()
    qtmodeltester.check(model)
    model.set_clean(c.current.clean, c.current.id)
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    first = model.index(0, 0)
    assert model.rowCount(first) == len(c.current.clean.articles[0].paragraphs)
    assert model.index(0, 3).data() == len(c.current.clean.articles[0].paragraphs)
    para = model.index(1, 0, first)
    assert model.parent(para) == first
    assert model.place(para) == (0, 1)
    mime = model.mimeData([para])
    assert mime.hasFormat(PART_MIME)
    seen = []
    model.move_requested.connect(lambda items, a, p: seen.append((items, a, p)))
    model.dropMimeData(mime, 2, -1, -1, model.index(2, 0))  # onto article 3: to its end
    model.dropMimeData(mime, 2, 0, 0, first)  # between: before paragraph 1 of article 1
    assert seen == [([(0, 1)], 2, -1), ([(0, 1)], 0, 0)]
    # a drag from another page is refused
    other = OutlineModel()
    other.set_clean(c.current.clean, "elsewhere")
    assert not other.dropMimeData(mime, 2, -1, -1, other.index(0, 0)) and len(seen) == 2


def test_outline_updates_in_place_when_only_paragraphs_change(qtmodeltester, qapp):
    c = _opened()
    model = OutlineModel()
    model.set_clean(c.current.clean, c.current.id)
    qtmodeltester.check(model)  # the tester stays attached and checks every signal below
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    join = next(s for s in c.current.analysis.suggestions if s.kind == "join")
    c.decide(join.id, False)  # one paragraph more in article 1
    model.set_clean(c.current.clean, c.current.id)
    assert model.rowCount(model.index(0, 0)) == len(c.current.clean.articles[0].paragraphs)
    c.decide(join.id, True)
    model.set_clean(c.current.clean, c.current.id)
    assert model.rowCount(model.index(0, 0)) == len(c.current.clean.articles[0].paragraphs)
    assert resets == []
    c.split_at(c.current.view.block(c.current.clean.articles[1].paragraph_keys[2]).start)  # a new article: reset
    model.set_clean(c.current.clean, c.current.id)
    assert resets == [1] and model.rowCount() == 5


def test_a_decision_redraws_only_the_articles_it_changed(qtmodeltester, qapp):
    c = _opened()
    model = OutlineModel()
    model.set_clean(c.current.clean, c.current.id)
    qtmodeltester.check(model)
    top_rows = []
    model.dataChanged.connect(lambda a, b, roles=(): top_rows.append((a.row(), b.row()))
                              if not a.parent().isValid() else None)
    last = len(c.current.clean.articles) - 1
    join = next(s for s in c.current.analysis.suggestions
                if s.kind == "join" and c.current.clean.articles[last].blocks.count(s.blocks[0]))
    c.decide(join.id, False)  # one paragraph more in the last article only
    model.set_clean(c.current.clean, c.current.id)
    assert top_rows == [(last, last)]


def test_pages_model_passes_the_model_tester(qtmodeltester, qapp, tmp_path):
    c = Controller()
    model = PagesModel(c)
    qtmodeltester.check(model)
    c.pages_changed.connect(model.refresh)
    c.open_paths([str(SEED)])
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert "new" in model.index(0, 0).data()
    c.set_done(c.current.id, True)
    assert "done" in model.index(0, 0).data()
