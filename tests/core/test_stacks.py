"""Bands of columns read row by row (``core.stacks``): each band read column by column."""
from kexie_gui.core import labels as lb
from kexie_gui.core.convention import convention_of
from kexie_gui.core.features import shapes_of
from kexie_gui.core.lines import split_units
from kexie_gui.core.order import Context, link, load_order_model, reading_order
from kexie_gui.core.stacks import _break_loops, band_height, band_order, period_runs

# three invented news items of sixteen 16-character lines each
NEWS = [
    "本报讯 近日，某市科协组织农业专家走进山区乡镇，开展以科技助力乡村振兴为主题的志愿服务活动。专家们深"
    "入茶叶种植基地和果园，手把手指导农户进行修剪、施肥和病虫害防治，并针对当前生产中遇到的突出问题提出了"
    "具体的解决建议。活动现场还设置了科普展板和咨询台，向群众发放农业技术资料两千余份，解答各类咨询三百余"
    "人次，受到当地干部群众的欢迎。市科协有关负责人介绍，今年以来全市已组建各类科技志愿服务队一百余支，注"
    "册科技志愿者三千余名，常态化开展科技服务和科普宣传等活动，打通了科技服务群众的最后一公里。",
    "本报讯 日前，某县青少年科技创新大赛在县科技馆举行，全县三十余所中小学校的六百余件作品参赛。本届大赛"
    "设科技创新成果竞赛、科技辅导员创新成果竞赛和少年儿童科学幻想绘画比赛等项目，经过资格审查、网络初评和"
    "现场答辩等环节，共评选出一等奖四十项、二等奖一百二十项。获得一等奖的作品通过传感器实时监测土壤湿度，"
    "实现了果园的智能灌溉，受到评委的一致好评。县科协相关负责人表示，青少年科技创新大赛是培养青少年创新精"
    "神和实践能力的重要平台，下一步将继续推动科技馆、科普基地与学校合作，让更多青少年走上科学道路。",
    "本报讯 为提升基层科普讲解员的业务能力和服务水平，某市科协日前举办基层科普讲解员培训班，来自各区县的"
    "八十余名讲解员参加培训。培训邀请了师范学院和农业科学研究院的专家授课，采取理论讲授与现场教学相结合的"
    "方式，内容涵盖科普讲解技巧、应急科普知识和农业实用技术等方面。学员们还到科技馆和示范基地进行了现场观"
    "摩，并分组开展了讲解练习。大家纷纷表示，这次培训内容丰富、形式新颖，既学到了讲解的方法，也开阔了眼界"
    "，回去后将把所学用到工作中，更好地为身边的群众讲好科学故事，让科学知识走进千家万户。",
]


def banded(items: list[str]) -> tuple[str, list[str]]:
    """Each item printed as a band of two 16-character columns, the page read row by row across both
    columns; and the lines in the order they were printed, column after column."""
    lines, printed = [], []
    for item in items:
        wrapped = [item[k:k + 16] for k in range(0, len(item), 16)]
        left, right = wrapped[:len(wrapped) // 2], wrapped[len(wrapped) // 2:]
        printed += left + right
        for a, b in zip(left, right, strict=True):
            lines += [a, b]
    return "\n".join(lines) + "\n", printed


def context(raw: str):
    units = split_units(raw)
    conv = convention_of(units)
    shapes = shapes_of(units, conv)
    labels = [x.label for x in lb.first_look(units, conv, 0.0, shapes)]
    model = load_order_model()
    return units, conv, shapes, labels, Context(units, shapes, [16.0] * len(units), True, model.period, labels,
                                                model), model


def test_three_bands_of_two_columns_read_row_by_row_are_read_band_by_band_column_by_column():
    raw, printed = banded(NEWS)
    units, conv, shapes, labels, _, _ = context(raw)
    result, moves = reading_order(units, conv, shapes, labels)
    assert [u.text for u in result] == printed and moves


def test_two_bands_alone_are_not_cut_at_their_one_seam():
    # one seam the text reads on across is as often chance: the linker's reading stands
    raw, _ = banded(NEWS[:2])
    _, _, _, _, ctx, model = context(raw)
    succ, _ = link(ctx, model)
    assert all(band_height(ctx, model, first, end, p, succ) is None for first, end, p in period_runs(ctx.period))


def test_runs_of_one_period_long_enough_for_two_bands():
    period = [1] * 3 + [2] * 40 + [1] * 5 + [3] * 20
    assert period_runs(period, min_rows=8) == [(3, 43, 2)]  # 20 lines of period 3 make no two bands of 8 rows
    assert period_runs(period, min_rows=3) == [(3, 43, 2), (48, 68, 3)]


def test_bands_are_read_column_by_column():
    assert band_order(0, 8, 2, 2) == [[0, 2], [1, 3], [4, 6], [5, 7]]
    assert band_order(10, 16, 2, 3) == [[10, 13], [11, 14], [12, 15]]


def test_a_chain_that_closes_on_itself_is_cut_where_it_closes():
    succ = [1, 2, 0, None]
    _break_loops(succ)
    assert succ.count(None) == 2 and succ[3] is None
