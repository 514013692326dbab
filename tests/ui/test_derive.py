"""The window's view of a page looks blocks up by id through the analysis, never by reading offsets out of ids."""
from __future__ import annotations

from dataclasses import replace

from kexie_gui.core import Decisions, analyse, load_page
from kexie_gui.ui.derive import LAYER_KEPT, suggestion_offset, suggestion_spans

from .conftest import SEED


def test_a_suggestion_that_touches_no_range_is_placed_at_its_first_block():
    analysis = analyse(load_page(SEED))
    block = analysis.blocks[3]
    whole_page = replace(analysis.suggestions[0], ranges=(), blocks=(block.id, analysis.blocks[4].id))
    assert block.start > 0 and suggestion_offset(whole_page, analysis) == block.start
    assert suggestion_offset(replace(whole_page, blocks=("b-unknown",)), analysis) == 0


def test_duplicate_groups_are_numbered_in_page_order_of_the_kept_copies():
    analysis = analyse(load_page(SEED))
    spans, groups, _ = suggestion_spans(analysis, Decisions())
    kept = sorted((s.start, s.group) for s in spans if s.layer == LAYER_KEPT)
    assert groups == len(kept) > 1 and [g for _, g in kept] == list(range(groups))
