"""Feature names turned into what an editor reads (``core.explain``)."""
import pytest

from kexie_gui.core import analyse, page_from_text
from kexie_gui.core import labels as lb
from kexie_gui.core.assemble import EVIDENCE
from kexie_gui.core.convention import convention_of
from kexie_gui.core.explain import phrase, phrases
from kexie_gui.core.features import shapes_of
from kexie_gui.core.lines import split_units

from . import pages


@pytest.mark.parametrize("name, zh, en", [
    ("n.st=agency", "下一行以“本报讯”开头", "the next line opens with 本报讯"),
    ("p.end=sent", "上一行以句号等结尾", "the line above ends a sentence"),
    ("end=clause", "本行以逗号等结尾", "this line ends with a comma"),
    ("rf=full@wrapped-indented", "本行排满一行", "this line runs to the column edge"),
    ("head", "本行形如标题", "this line is shaped like a headline"),
    ("p.head", "上一行形如标题", "the line above is shaped like a headline"),
    ("fz=jump line", "像转版提示", "looks like a jump line"),
    ("pinyin_above", "上一行是它的拼音", "the line above is its pinyin"),
])
def test_a_feature_name_reads_as_a_phrase_in_both_languages(name, zh, en):
    assert phrase(name) == (zh, en)


def test_a_combined_feature_says_both_of_its_parts():
    zh, en = phrase("pe|rf=clause|full")
    assert en == "the line above ends with a comma, this line runs to the column edge" and "上一行以逗号等结尾" in zh


def test_an_unknown_name_is_shown_as_it_is_and_several_phrases_are_joined_per_language():
    assert phrase("no-such-feature") == ("no-such-feature", "no-such-feature")
    assert phrases(["head", "end=sent"]) == ("本行形如标题；本行以句号等结尾",
                                           "this line is shaped like a headline; this line ends a sentence")
    assert phrases([]) == ("", "")


def quoted_names() -> set[str]:
    """Every feature name an explanation quotes on the written pages (the evidence of each line's label)."""
    names = set()
    for raw, _ in pages.TABLE.values():
        units = split_units(page_from_text(raw).text)
        conv = convention_of(units)
        for item in lb.label_lines(units, conv, 0.0, shapes_of(units, conv)):
            names.update(n for n, _ in lb.model_for(item).evidence(list(item.features), item.label, EVIDENCE))
    return names


def test_every_feature_an_explanation_quotes_on_the_written_pages_reads_as_words():
    raw = sorted(n for n in quoted_names() if phrase(n)[1] == n)
    assert raw == []


def test_suggestions_explain_themselves_in_both_languages_with_their_line_numbers():
    analysis = analyse(page_from_text(pages.BLANK_LINE_PAGE))
    for s in analysis.suggestions:
        assert s.explain_zh and s.explain_en and s.explain_zh != s.explain_en
    headline = next(s for s in analysis.suggestions if s.kind == "headline")
    assert "line 5" in headline.explain_en and "成都市科协召开学会工作座谈会" in headline.explain_en
    assert "第5行" in headline.explain_zh


def test_furniture_of_any_kind_is_said_only_where_no_kind_is_named():
    from kexie_gui.core.explain import phrases

    assert phrases(["fz", "fz=page header"])[1] == "looks like a page header"
    assert phrases(["fz"])[1] == "looks like page furniture"  # never "looks like a " with nothing after
