"""How well one piece carries another on: the character pair across the break (``core.lexicon``)."""
from kexie_gui.core.lexicon import page_pairs, word_pair


def test_a_pair_that_stands_together_in_words_scores_high_and_one_that_never_does_scores_nothing():
    assert word_pair("开展工", "作会议") > 8  # 工作
    assert word_pair("科", "普") > 0  # 科普
    assert word_pair("了", "他") == 0
    assert word_pair("工", "作") > word_pair("科", "普")  # 工作 is far commoner in words than 科普


def test_only_the_characters_on_either_side_of_the_break_count():
    assert word_pair("毫无关系的开头工", "作") == word_pair("工", "作毫无关系的结尾")


def test_an_empty_piece_carries_nothing_on():
    assert word_pair("", "作") == 0 and word_pair("工", "") == 0


def test_page_pairs_count_neighbours_inside_lines_ignoring_spaces_and_never_across_lines():
    counts = page_pairs(["科 普", "科普活动", "动科"])
    assert counts["科普"] == 2 and counts["动科"] == 1
    assert counts["普科"] == 0  # 普 ends one line and 科 opens the next: no pair


def test_page_pairs_of_fewer_lines_than_last_time_count_only_those_lines():
    page_pairs(["科普活动", "活动", "科 普", "动科"])
    counts = page_pairs(["动科", "科普活动"])  # the same lines less two, in another order
    assert {k: v for k, v in counts.items() if v} == {"科普": 1, "普活": 1, "活动": 1, "动科": 1}
    again = page_pairs(["科普", "科普活动"])  # a line the last call did not have: counted afresh
    assert again["科普"] == 2 and again["动科"] == 0


def test_a_break_inside_a_word_cuts_it_and_a_break_between_two_whole_words_does_not():
    from kexie_gui.core.lexicon import cuts_a_word

    assert cuts_a_word("结合多年生", "产实践", 8)  # 生产 binds firmer than 年生 or 产实
    assert cuts_a_word("活", "动室", 8)  # one character on the left: nothing binds it there
    assert not cuts_a_word("产学研深度融合", "会议总结了", 8)  # 合会 binds no firmer than 融合 or 会议
    assert not cuts_a_word("开展了", "他说", 8)  # 了他 stands in no word
