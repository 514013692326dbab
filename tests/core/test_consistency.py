"""Decisions keep the page consistent whatever mix the editor makes (core/apply.py).

- No article ends up empty (a headline with no text under it joins the next headline, or at the page end
  goes to the article before it);
- an article has at most one kicker and one 副题;
- a suggestion another decision overrides is reported as moot, and deciding it either way changes nothing;
- nothing raw is lost without a decision that removes it.
Checked on written pages and, with hypothesis, over random sets of choices, hand roles, joins, splits and
moves.
"""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kexie_gui.core import Decisions, analyse, apply, load_page, page_from_text, split_blocks_at
from kexie_gui.core.apply import MOOT_KEPT_COPY_REMOVED, TITLE_BULLETS, moot_suggestions
from kexie_gui.core.model import EDITABLE_ROLES

from .pages import DUPLICATE_PAGE, KICKER_SUBTITLE_PAGE
from .test_properties import page as generated_page

SEED = Path(__file__).resolve().parent.parent / "data" / "000_57b0e2a3ead17231.txt"

# an invented page whose second headline and its 副题 were printed twice
PRINTED_TWICE = (
    "青石镇科协举办果树修剪培训\n\n"
    "本报讯 近日，青石镇科协邀请农技专家来到村里，为五十余名果农讲解果树冬季修剪的要点。\n\n"
    "培训结束后，镇科协还向果农发放了技术手册两百余份。（本报记者 林小溪）\n\n"
    "白云县老科协助力乡村振兴\n\n"
    "——记白云县老科协科技服务队\n\n"
    "白云县老科协助力乡村振兴\n\n"
    "——记白云县老科协科技服务队\n\n"
    "本报讯 近年来，白云县老科协组织退休科技工作者深入田间地头，开展技术指导四十余场次。\n\n"
    "服务队还建立了线上咨询群，农户遇到问题随时可以求助。（通讯员 赵一鸣）\n"
)


def _by_kind(analysis, kind):
    return [s for s in analysis.suggestions if s.kind == kind]


def _line(analysis, s):
    return analysis.page.line_of(analysis.block(s.blocks[0]).start)


def assert_consistent(analysis, decisions):
    clean = apply(analysis, decisions)
    if len(clean.articles) > 1:
        empty = [str(a.title) for a in clean.articles if not a.paragraphs]
        assert empty == [], f"articles without text: {empty}"
    for a in clean.articles:
        assert a.subtitle is None or len(str(a.subtitle).split("\n")) <= 2, a.subtitle
    assert_nothing_lost(analysis, decisions, clean)
    ids = {s.id for s in analysis.suggestions}
    assert set(dict(clean.moot)) <= ids
    return clean


def assert_nothing_lost(analysis, decisions, clean):
    removed = {r.block for r in clean.removed}
    assert all(r.decided_by for r in clean.removed)
    seen = set()
    for art in clean.articles:
        for text in (art.title, art.subtitle, *art.paragraphs, art.byline):
            for _, r0, n in getattr(text, "runs", ()):
                seen.update(range(r0, r0 + n))
    raw = analysis.page.text
    for block in split_blocks_at(analysis.blocks, decisions.splits, analysis.page):
        if block.id in removed:
            continue
        missing = [o for o in range(block.start, block.end) if not raw[o].isspace() and o not in seen]
        # brackets around a byline, and the bullet a headline was printed behind, are all that may go
        assert all(raw[o] in "()（）" + TITLE_BULLETS for o in missing), (block.id, [raw[o] for o in missing])


def assert_moot_means_it_does_not_matter(analysis, decisions, clean):
    """Deciding a moot suggestion the other way gives the same articles and removals."""
    base = json.dumps(clean.to_dict(), ensure_ascii=False)
    for sid, _by in clean.moot:
        s = analysis.suggestion(sid)
        flipped = decisions.with_choice(sid, not decisions.is_accepted(s))
        assert json.dumps(apply(analysis, flipped).to_dict(), ensure_ascii=False) == base, (s.kind, sid, _by)


# -- the page printed twice (the case) --------------------------------

def test_dropping_the_repeated_headline_leaves_no_empty_article_and_its_headline_is_moot():
    analysis = analyse(page_from_text(PRINTED_TWICE))
    dup_headline = next(s for s in _by_kind(analysis, "duplicate") if _line(analysis, s) == 11)
    for accepted in (True, False):
        d = Decisions().with_choice(dup_headline.id, accepted)
        clean = assert_consistent(analysis, d)
        assert str(clean.articles[0].title) == "青石镇科协举办果树修剪培训"
        assert all(a.paragraphs for a in clean.articles)


def test_rejecting_both_drops_keeps_one_article_with_one_subtitle():
    analysis = analyse(page_from_text(PRINTED_TWICE))
    d = Decisions().with_choices({s.id: False for s in _by_kind(analysis, "duplicate")})
    clean = assert_consistent(analysis, d)
    first, second = clean.articles
    assert second.paragraphs and str(second.subtitle).count("——记") == 1
    # the editor kept both copies: the one after the headline the analysis found is text of article 2
    assert "白云县老科协助力乡村振兴" in "".join(map(str, second.paragraphs))
    assert "白云县" not in "".join(map(str, first.paragraphs))


def test_every_headline_kept_joins_headlines_with_nothing_between_them():
    analysis = analyse(page_from_text(PRINTED_TWICE))
    blocks = analysis.blocks
    d = Decisions().with_choices({s.id: False for s in _by_kind(analysis, "duplicate")})
    d = d.with_role(blocks[5].id, "title").with_role(blocks[6].id, "subtitle")  # the second copy, by hand
    clean = assert_consistent(analysis, d)
    assert len(clean.articles) == 2
    second = clean.articles[1]
    assert str(second.title) == "白云县老科协助力乡村振兴白云县老科协助力乡村振兴"  # visibly doubled
    assert str(second.subtitle) == "——记白云县老科协科技服务队"
    assert str(second.paragraphs[0]) == "——记白云县老科协科技服务队"  # the second 副题 is text, never a subtitle
    assert "本报讯 近年来" in str(second.paragraphs[1])


def test_rejecting_the_headline_makes_its_subtitle_text_not_a_second_subtitle():
    analysis = analyse(page_from_text(PRINTED_TWICE))
    headline = next(s for s in _by_kind(analysis, "headline") if _line(analysis, s) == 7)
    subtitle = _by_kind(analysis, "subtitle")[0]
    d = Decisions().with_choices({s.id: False for s in _by_kind(analysis, "duplicate")}).with_choice(headline.id, False)
    clean = assert_consistent(analysis, d)
    assert len(clean.articles) == 1 and clean.articles[0].subtitle is None
    assert dict(clean.moot)[subtitle.id] == "structure:not-under-headline"
    assert_moot_means_it_does_not_matter(analysis, d, clean)


def test_a_headline_on_a_dropped_repeat_is_moot_by_the_drop():
    analysis = analyse(page_from_text(PRINTED_TWICE))
    second_copy = analysis.blocks[5]
    d = Decisions().with_role(second_copy.id, "title")
    dup = next(s for s in _by_kind(analysis, "duplicate") if s.blocks[0] == second_copy.id)
    clean = apply(analysis, d)
    assert dict(clean.moot)[dup.id] == f"role:{second_copy.id}"  # the hand role overrides the drop
    headline = _by_kind(analysis, "headline")[1]
    d2 = Decisions().with_role(analysis.block(headline.blocks[0]).id, "furniture")
    clean2 = apply(analysis, d2)
    assert dict(clean2.moot)[headline.id] == f"role:{headline.blocks[0]}"
    assert moot_suggestions(analysis, d2) == dict(clean2.moot)


def test_a_repeat_is_never_dropped_together_with_its_kept_copy():
    analysis = analyse(page_from_text(DUPLICATE_PAGE))
    dups = _by_kind(analysis, "duplicate")
    keep = dups[0].get("keep")
    # make the kept copy itself a dropped repeat: a contradicting pair the editor accepts
    twin = next((s for s in dups if s.blocks[0] == keep), None)
    if twin is None:
        return
    clean = assert_consistent(analysis, Decisions().with_choices({s.id: True for s in dups}))
    assert MOOT_KEPT_COPY_REMOVED in dict(clean.moot).values()


# -- hand decisions: several lines as one title, joins, splits ----------------

def test_two_lines_marked_as_one_title_make_one_article():
    raw = "眉山科协开展科普\n进社区系列活动\n本报讯 5月22日，丹棱县科技活动周启动。\n专家们为群众讲解了防病知识。\n"
    analysis = analyse(page_from_text(raw))
    page = analysis.page
    starts = [0] + [i + 1 for i, ch in enumerate(raw) if ch == "\n"][:-1]
    d = Decisions().with_splits(starts[1:])
    pieces = split_blocks_at(analysis.blocks, d.splits, page)
    assert [p.line_start for p in pieces] == [1, 2, 3, 4]
    d = d.with_title([pieces[0].id, pieces[1].id]).with_joined(pieces[3].id)
    clean = assert_consistent(analysis, d)
    (article,) = clean.articles
    assert str(article.title) == "眉山科协开展科普进社区系列活动"
    assert [str(p) for p in article.paragraphs] == [
        "本报讯 5月22日，丹棱县科技活动周启动。专家们为群众讲解了防病知识。"]
    assert Decisions.from_json(d.to_json()) == d


def test_a_split_at_a_line_of_a_hard_wrapped_block_cuts_before_that_line():
    raw = "第一行的文字写满了一整行宽度啊\n第二行的文字也写满了一整行宽\n第三行短。\n"
    analysis = analyse(page_from_text(raw))
    second_line = raw.index("第二行")
    (cut,) = [b for b in split_blocks_at(analysis.blocks, (second_line,), analysis.page) if b.start == second_line]
    assert str(cut.text).startswith("第二行") and cut.line_start == 2


def test_a_reporter_line_is_a_byline_under_the_headline_and_a_bracketed_one_keeps_its_brackets():
    analysis = analyse(page_from_text(KICKER_SUBTITLE_PAGE))
    first = apply(analysis).articles[0]
    assert first.byline_place == "head" and first.byline_brackets == ""
    analysis = analyse(page_from_text(PRINTED_TWICE))
    first = apply(analysis).articles[0]
    assert str(first.byline) == "本报记者 林小溪" and first.byline_place == "end" and first.byline_brackets == "（）"


# -- properties ---------------------------------------------------------------

@st.composite
def decision_sets(draw, analysis):
    """Random choices, hand roles, joins, splits (at line starts and inside lines) and moves."""
    d = Decisions().with_choices({s.id: draw(st.sampled_from([True, False, None]))
                                  for s in analysis.suggestions if draw(st.booleans())})
    raw = analysis.page.text
    line_starts = [0] + [i + 1 for i, ch in enumerate(raw) if ch == "\n" and i + 1 < len(raw)]
    offsets = draw(st.lists(st.sampled_from(line_starts), max_size=4)) + draw(
        st.lists(st.integers(0, max(0, len(raw) - 1)), max_size=2))
    d = d.with_splits(offsets)
    pieces = split_blocks_at(analysis.blocks, d.splits, analysis.page)
    ids = st.sampled_from([p.id for p in pieces])
    for _ in range(draw(st.integers(0, 3))):
        d = d.with_role(draw(ids), draw(st.sampled_from(EDITABLE_ROLES + (None,))))
    for _ in range(draw(st.integers(0, 3))):
        d = d.with_joined(draw(ids))
    for _ in range(draw(st.integers(0, 2))):
        d = d.with_move(draw(ids), draw(st.sampled_from([p.id for p in pieces] + [""])))
    return d


WRITTEN = [PRINTED_TWICE, KICKER_SUBTITLE_PAGE, DUPLICATE_PAGE]
_ANALYSES = {}


def _analysis(raw):
    if raw not in _ANALYSES:
        _ANALYSES[raw] = analyse(page_from_text(raw)) if raw != "seed" else analyse(load_page(SEED))
    return _ANALYSES[raw]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(WRITTEN + ["seed"]))
def test_any_decisions_on_written_pages_stay_consistent(data, raw):
    analysis = _analysis(raw)
    decisions = data.draw(decision_sets(analysis))
    clean = assert_consistent(analysis, decisions)
    assert_moot_means_it_does_not_matter(analysis, decisions, clean)
    assert json.dumps(apply(analysis, decisions).to_dict()) == json.dumps(clean.to_dict())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), generated_page())
def test_any_decisions_on_generated_pages_stay_consistent(data, raw):
    analysis = analyse(page_from_text(raw))
    decisions = data.draw(decision_sets(analysis))
    clean = assert_consistent(analysis, decisions)
    assert_moot_means_it_does_not_matter(analysis, decisions, clean)


# -- reapply: only what a change touches, the same result as apply -------------

def _same(a, b):
    assert json.dumps(a.to_dict(), ensure_ascii=False) == json.dumps(b.to_dict(), ensure_ascii=False)
    assert a.moot == b.moot
    assert [(r.block, r.reason, r.decided_by) for r in a.removed] == [(r.block, r.reason, r.decided_by)
                                                                       for r in b.removed]
    assert [(x.key, x.blocks, x.paragraph_keys, x.byline_place, x.byline_brackets) for x in a.articles] == \
        [(x.key, x.blocks, x.paragraph_keys, x.byline_place, x.byline_brackets) for x in b.articles]
    for x, y in zip(a.articles, b.articles, strict=True):
        for p, q in zip((x.title, x.subtitle, x.byline, *x.paragraphs),
                        (y.title, y.subtitle, y.byline, *y.paragraphs), strict=True):
            assert getattr(p, "runs", None) == getattr(q, "runs", None)


@st.composite
def small_changes(draw, analysis, decisions):
    """One to three edits of the kind the window makes: a choice, a role, a join, a hand edit."""
    d = decisions
    pieces = split_blocks_at(analysis.blocks, d.splits, analysis.page)
    for _ in range(draw(st.integers(1, 3))):
        what = draw(st.sampled_from(["choice", "choice", "role", "joined", "edit"]))
        if what == "choice" and analysis.suggestions:
            s = draw(st.sampled_from(analysis.suggestions))
            d = d.with_choice(s.id, draw(st.sampled_from([True, False, None])))
        elif what == "role":
            d = d.with_role(draw(st.sampled_from(pieces)).id, draw(st.sampled_from(EDITABLE_ROLES + (None,))))
        elif what == "joined":
            b = draw(st.sampled_from(pieces)).id
            d = d.with_joined(b, not d.is_joined(b))
        else:
            clean = apply(analysis, d)
            if clean.articles and clean.articles[0].paragraph_keys:
                art = draw(st.sampled_from(clean.articles))
                if art.paragraph_keys:
                    k = draw(st.integers(0, len(art.paragraph_keys) - 1))
                    d = d.with_edit(art.paragraph_keys[k], str(art.paragraphs[k]), "改过的段落。")
    return d


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(WRITTEN + ["seed"]))
def test_reapply_equals_apply_on_written_pages(data, raw):
    from kexie_gui.core.apply import reapply

    analysis = _analysis(raw)
    start = data.draw(decision_sets(analysis))
    previous = apply(analysis, start)
    for _ in range(3):  # a chain of changes, each recomputed from the last
        nxt = data.draw(small_changes(analysis, start))
        got = reapply(analysis, previous, nxt)
        _same(got, apply(analysis, nxt))
        previous, start = got, nxt


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), generated_page())
def test_reapply_equals_apply_on_generated_pages(data, raw):
    from kexie_gui.core.apply import reapply

    analysis = analyse(page_from_text(raw * 3))  # several articles, so a change touches only some
    start = data.draw(decision_sets(analysis))
    previous = apply(analysis, start)
    for _ in range(3):
        nxt = data.draw(small_changes(analysis, start))
        got = reapply(analysis, previous, nxt)
        _same(got, apply(analysis, nxt))
        previous, start = got, nxt


def test_reapply_keeps_the_untouched_articles():
    from kexie_gui.core.apply import changed_articles, reapply

    analysis = _analysis("seed")
    clean = apply(analysis)
    join = next(s for s in analysis.suggestions if s.kind == "punctuation")
    again = reapply(analysis, clean, Decisions().with_choice(join.id, False))
    first, _, new_end = changed_articles(again)
    assert new_end - first < len(clean.articles)
    kept = [i for i in range(len(again.articles)) if not first <= i < new_end]
    assert kept and all(again.articles[i] is clean.articles[i] for i in kept)


def test_a_byline_cut_by_hand_reads_the_same_whether_its_suggestion_is_taken_or_not():
    """Found by the property test above: a byline line marked by hand and cut before its closing
    bracket (``（李四`` | ``）``) made its own suggestion moot, yet rejecting it changed the byline."""
    raw = ("第一篇文章的标题在这里\n\n本报讯 近日，某市科协召开工作会议，总结了过去一年的工作。\n\n"
           "某县科协开展科普进校园活动\n\n本报讯 日前，某县科协组织专家走进中小学，开展科普讲座十余场。\n\n（李四）\n")
    analysis = analyse(page_from_text(raw))
    block = next(b for b in analysis.blocks if str(b.text) == "（李四）")
    d = Decisions().with_role(block.id, "byline").with_split(block.end - 1)
    clean = assert_consistent(analysis, d)
    assert_moot_means_it_does_not_matter(analysis, d, clean)
    assert str(clean.articles[-1].byline) == "李四"


# a generated page (hypothesis found it): a kicker over a line read as a column title, then a headline
KICKER_OVER_COLUMN_TITLE = "\n\n".join([
    '专专专专专专专专专专专专专专专基',
    '本报讯 近',
    '日，专专专专。',
    '专专专专，专专。专专专专。',
    '专专专专。专专专专。',
    '（专专）',
    '专专专专专众专专专专专专专专专基',
    '本报讯 近日',
    '，专专专专。',
    '专专专专，专专。专专专专。',
    '专专专专。专专专专。',
    '（专专）',
    '专专专专专专',
    '本报讯 近日，专专专专。',
    '专专专专专。专专专专专专专专专专',
    '专专专专专专专专专专专专专专专众。',
    '专专专专众。',
    '专专专专。',
    '专专专专。专专专专。',
    '专专专专。专专众众。',
    '',
])


def test_a_kicker_over_a_column_title_is_text_above_it_whether_accepted_or_not():
    analysis = analyse(page_from_text(KICKER_OVER_COLUMN_TITLE))
    kicker = _by_kind(analysis, "kicker")[0]
    headline = _by_kind(analysis, "headline")[0]
    decisions = Decisions(choices=((headline.id, False),))
    clean = assert_consistent(analysis, decisions)
    assert dict(clean.moot).get(kicker.id) is not None
    assert_moot_means_it_does_not_matter(analysis, decisions, clean)
