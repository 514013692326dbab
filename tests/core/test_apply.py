"""Carrying out the plan (``core.apply``): each kind of suggestion, hand roles, splits, moves and
edits, with every raw character accounted for."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kexie_gui.core import Config, Decisions, analyse, apply, page_from_text
from kexie_gui.core.model import EDITABLE_ROLES

from . import pages

RAW_CHARS = Config(punctuation_default=False)
GLUED_PAGE = ("某县开展科普活动\n\n本报讯 近日，某县科协开展科普活动。活动取得圆满成功。（本报记者 王敏）\n\n简讯\n\n"
              "■东山县开展义诊\n\n日前，东山县组织医生下乡义诊。\n")


def analysed(raw, config=RAW_CHARS):
    return analyse(page_from_text(raw), config)


def rejecting(analysis, kind):
    return Decisions().with_choices({s.id: False for s in analysis.suggestions if s.kind == kind})


def test_a_byline_glued_to_the_last_paragraph_is_split_off_and_a_bullet_before_a_headline_dropped():
    clean = apply(analysed(GLUED_PAGE))
    first, second = clean.articles
    assert [str(p) for p in first.paragraphs] == ["本报讯 近日，某县科协开展科普活动。活动取得圆满成功。"]
    assert str(first.byline) == "本报记者 王敏"
    assert str(second.title) == "东山县开展义诊"
    assert [(r.text, r.reason) for r in clean.removed] == [("简讯", "furniture")]


def test_rejecting_the_glued_byline_leaves_it_in_the_paragraph():
    analysis = analysed(GLUED_PAGE)
    clean = apply(analysis, rejecting(analysis, "byline"))
    assert clean.articles[0].byline is None
    assert str(clean.articles[0].paragraphs[0]).endswith("。（本报记者 王敏）")


def test_rejecting_a_join_keeps_the_two_pieces_of_a_paragraph_apart():
    analysis = analysed(pages.BLANK_LINE_PAGE)
    kept = [str(p) for p in apply(analysis, rejecting(analysis, "join")).articles[0].paragraphs]
    assert "会议总结了一年来的学会工作，分析了当前存在的问题，" in kept and "并对下一步工作作了安排。" in kept


def test_a_piece_joined_by_hand_joins_by_the_same_rule_as_a_suggested_join():
    analysis = analysed("某县开展科普活动\n\n本报讯 近日，某县农户去年户均增收42\n\n0余元。\n\n"
                        "The GDP,\n\nrose again.\n")
    by_text = {str(b.text): b.id for b in analysis.blocks}
    d = rejecting(analysis, "join").with_joined(by_text["0余元。"])
    d = d.with_role(by_text["The GDP,"], "body").with_role(by_text["rose again."], "body")
    paragraphs = [str(p) for p in apply(analysis, d.with_joined(by_text["rose again."])).articles[0].paragraphs]
    assert paragraphs == ["本报讯 近日，某县农户去年户均增收420余元。", "The GDP, rose again."]


def test_rejecting_a_furniture_suggestion_brings_the_line_back_as_text():
    analysis = analysed(pages.BLANK_LINE_PAGE)
    clean = apply(analysis, rejecting(analysis, "furniture"))
    assert clean.removed == ()
    assert "责任编辑：李华" in [str(p) for a in clean.articles for p in a.paragraphs]


def test_a_removed_furniture_line_names_the_suggestion_that_removed_it():
    analysis = analysed(pages.BLANK_LINE_PAGE)
    ids = {s.id for s in analysis.suggestions if s.kind == "furniture"}
    clean = apply(analysis)
    assert clean.removed and all(r.reason == "furniture" and r.decided_by in ids for r in clean.removed)


def test_a_kicker_and_a_subtitle_share_the_subtitle_field_one_per_line():
    clean = apply(analysed(pages.KICKER_SUBTITLE_PAGE))
    assert str(clean.articles[0].subtitle) == "弘扬科学精神 普及科学知识\n——记绵阳市科协科普志愿服务队"


def test_a_rejected_kicker_at_the_page_top_is_text_before_the_first_headline():
    analysis = analysed(pages.KICKER_SUBTITLE_PAGE)
    first, second = apply(analysis, rejecting(analysis, "kicker")).articles[:2]
    assert str(first.title) == "" and [str(p) for p in first.paragraphs] == ["弘扬科学精神 普及科学知识"]
    assert str(second.title) == "绵阳市科技活动周启动" and str(second.subtitle) == "——记绵阳市科协科普志愿服务队"


def test_full_width_punctuation_is_restored_by_default_and_kept_raw_when_rejected():
    raw = "某市科协召开会议\n\n本报讯 近日,某市科协(省级)召开会议:一是总结工作。\n"
    repaired = apply(analysed(raw, Config())).articles[0].paragraphs[0]
    assert str(repaired) == "本报讯 近日，某市科协（省级）召开会议：一是总结工作。"
    assert str(apply(analysed(raw)).articles[0].paragraphs[0]) == "本报讯 近日,某市科协(省级)召开会议:一是总结工作。"


def test_tesseract_spaces_are_removed_and_the_kept_characters_still_trace_to_the_page():
    analysis = analysed(pages.TESSERACT_PAGE)
    para = apply(analysis).articles[0].paragraphs[0]
    assert " " not in str(para)
    assert all(analysis.page.text[para.raw_offset(i)] == ch for i, ch in enumerate(str(para)))


def test_a_block_given_the_title_role_by_hand_starts_a_new_article():
    analysis = analysed(pages.WRAPPED_INDENTED_PAGE)
    clean = apply(analysis)
    key = clean.articles[0].paragraph_keys[1]
    split = apply(analysis, Decisions().with_role(key, "title"))
    assert len(split.articles) == 3 and str(split.articles[1].title) == pages.QS[1]
    assert [str(p) for p in split.articles[1].paragraphs] == [pages.QS[2]]
    assert split.articles[1].byline is not None and str(split.articles[1].byline) == "本报记者 林一"  # printed under it


def test_a_title_given_by_hand_with_no_text_under_it_joins_the_next_headline():
    """An article never ends up empty: a last paragraph made a title has nothing under it, so its
    line joins the next article's headline (nothing is lost, and the editor sees it)."""
    analysis = analysed(pages.WRAPPED_INDENTED_PAGE)
    key = apply(analysis).articles[0].paragraph_keys[2]
    split = apply(analysis, Decisions().with_role(key, "title"))
    assert all(a.paragraphs for a in split.articles)
    assert str(split.articles[1].title).startswith(pages.QS[2]) and pages.SX_TITLE in str(split.articles[1].title)


def test_an_edit_to_nothing_drops_the_paragraph():
    analysis = analysed(pages.WRAPPED_INDENTED_PAGE)
    art = apply(analysis).articles[0]
    edited = apply(analysis, Decisions().with_edit(art.paragraph_keys[1], str(art.paragraphs[1]), ""))
    assert [str(p) for p in edited.articles[0].paragraphs] == [pages.QS[0], pages.QS[2]]


def test_a_title_edit_keeps_the_provenance_of_the_characters_left_unchanged():
    analysis = analysed(pages.WRAPPED_INDENTED_PAGE)
    art = apply(analysis).articles[0]
    new = pages.QS_TITLE.replace("夏季", "夏秋")
    title = apply(analysis, Decisions().with_edit(f"{art.key}:title", str(art.title), new)).articles[0].title
    assert str(title) == new and title.raw_offset(0) == art.title.raw_offset(0)
    assert title.raw_offset(new.index("秋")) is None


def test_moving_a_block_to_the_page_end_moves_its_text_there():
    analysis = analysed(pages.WRAPPED_INDENTED_PAGE)
    art = apply(analysis).articles[0]
    moved = apply(analysis, Decisions().with_move(art.paragraph_keys[0], ""))
    assert str(moved.articles[-1].paragraphs[-1]) == pages.QS[0]


PAGES = [pages.BLANK_LINE_PAGE, pages.KICKER_SUBTITLE_PAGE, pages.CAPTION_PAGE, pages.WRAPPED_INDENTED_PAGE]
ANALYSES = [analysed(raw) for raw in PAGES]
# characters apply may drop by design: a byline's brackets, a headline's bullet, a hyphen at a Latin word break
DROPPABLE = set("()（）■□◆◇●○▲△★☆▶►-")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_hand_roles_and_splits_keep_every_raw_character_in_the_output_or_in_a_removed_block(data):
    analysis = data.draw(st.sampled_from(ANALYSES))
    decisions = Decisions()
    for b in analysis.blocks:
        role = data.draw(st.sampled_from((None,) + EDITABLE_ROLES))
        if role is not None:
            decisions = decisions.with_role(b.id, role)
    for offset in data.draw(st.lists(st.integers(0, len(analysis.page.text)), max_size=3)):
        decisions = decisions.with_split(offset)
    clean = apply(analysis, decisions)
    seen = set()
    for art in clean.articles:
        for text in (art.title, art.subtitle, *art.paragraphs, art.byline):
            for _, r0, n in getattr(text, "runs", ()):
                seen.update(range(r0, r0 + n))
    removed = {r.block for r in clean.removed}
    from kexie_gui.core.apply import split_blocks_at

    text = analysis.page.text
    for b in split_blocks_at(analysis.blocks, decisions.splits):
        if b.id in removed:
            continue
        lost = [text[o] for o in range(b.start, b.end) if not text[o].isspace() and o not in seen]
        assert set(lost) <= DROPPABLE, (b.id, lost)


SECOND_DASH_PAGE = ("某县科技活动周启动\n\n——记某县科协科普志愿服务队\n\n——一支扎根基层的队伍\n\n"
                    "本报讯 近日，某县科技活动周正式启动，活动为期一周。\n")


def test_an_article_has_one_subtitle_a_second_dash_line_under_it_is_text_and_its_suggestion_moot():
    analysis = analysed(SECOND_DASH_PAGE)
    second = next(s for s in analysis.suggestions
                  if s.kind == "subtitle" and str(analysis.block(s.blocks[0]).text) == "——一支扎根基层的队伍")
    clean = apply(analysis)
    (article,) = clean.articles
    assert str(article.subtitle) == "——记某县科协科普志愿服务队"
    assert str(article.paragraphs[0]) == "——一支扎根基层的队伍"
    assert dict(clean.moot)[second.id] == "structure:second-subtitle"


def test_a_page_of_nothing_but_a_byline_keeps_it_as_text():
    # no article is a byline alone: with no headline and no text, the line is the page's text
    analysis = analysed("（本报记者 王敏）\n")
    for decisions in (Decisions(), Decisions().with_choices({s.id: True for s in analysis.suggestions})):
        clean = apply(analysis, decisions)
        assert [(a.title, a.byline) for a in clean.articles] in ([("", None)], [])
        assert all(a.paragraphs or a.title for a in clean.articles)
