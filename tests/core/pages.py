"""Small pages written for the tests, each showing one layout or one kind of damage.

Every page is (raw text, expected articles); expected articles are
(title, subtitle, paragraphs, byline) with the raw page's own characters.
"""

P1 = "本报讯 近日，成都市科协召开学会工作座谈会，37家市级学会负责人参加会议。"
P2 = "会议总结了一年来的学会工作，分析了当前存在的问题，并对下一步工作作了安排。"
P3 = "市科协负责人指出，学会要聚焦主责主业，把服务科技工作者作为立会之本。"

BLANK_LINE_PAGE = (
    "四川科技报 2024年3月5日 星期二\n\n第2版\n\n"
    "成都市科协召开学会工作座谈会\n\n"
    f"{P1}\n\n会议总结了一年来的学会工作，分析了当前存在的问题，\n\n\n"
    "并对下一步工作作了安排。\n\n"
    f"{P3}\n\n（本报记者 王敏）\n\n"
    "责任编辑：李华\n"
)
BLANK_LINE_EXPECTED = [
    ("成都市科协召开学会工作座谈会", None, [P1, P2, P3], "本报记者 王敏"),
]

KICKER_SUBTITLE_PAGE = (
    "弘扬科学精神 普及科学知识\n\n"
    "绵阳市科技活动周启动\n\n"
    "——记绵阳市科协科普志愿服务队\n\n"
    "本报记者 张三 通讯员 李四\n\n"
    "3月12日，绵阳市2024年科技活动周正式启动，活动为期一周。\n\n"
    "■搭建平台聚合力\n\n"
    "据了解，本次活动共开展科普讲座、科技咨询等活动120余场次。\n\n"
    "图为活动现场。  王五 摄\n\n"
    "简讯\n\n"
    "宣汉县科技特派员进村服务\n\n"
    "日前，宣汉县组织6名科技特派员深入田间地头，为种植户提供技术服务。\n\n"
    "绵阳推出5G科普服务清单\n\n"
    "7月2日，绵阳市科协发布“5G+科普”服务清单，推出线上科普课程53门。\n"
)
KICKER_SUBTITLE_EXPECTED = [
    ("绵阳市科技活动周启动", "弘扬科学精神 普及科学知识\n——记绵阳市科协科普志愿服务队",
     ["3月12日，绵阳市2024年科技活动周正式启动，活动为期一周。", "■搭建平台聚合力",
      "据了解，本次活动共开展科普讲座、科技咨询等活动120余场次。"], "本报记者 张三 通讯员 李四"),
    ("宣汉县科技特派员进村服务", None, ["日前，宣汉县组织6名科技特派员深入田间地头，为种植户提供技术服务。"], None),
    ("绵阳推出5G科普服务清单", None, ["7月2日，绵阳市科协发布“5G+科普”服务清单，推出线上科普课程53门。"], None),
]

# the first block repeats a later one (a continuation printed before its headline),
# the headline is printed again after the article and the page ends on a truncated repeat
DUPLICATE_PAGE = (
    "第一篇文章的标题在这里\n\n"
    "本报讯 近日，某市科协召开工作会议，总结了过去一年的工作。（张三）\n\n"
    "会议还研究部署了下一阶段的重点任务，要求各单位抓好落实。\n\n"
    "与会人员一致表示，将以此次会议为契机，推动工作取得新成效。\n\n"
    "某县科协开展科普进校园活动\n\n"
    "本报讯 日前，某县科协组织专家走进中小学，开展科普讲座十余场，\n\n"
    "会议还研究部署了下一阶段的重点任务，要求各单位抓好落实。\n\n"
    "与会人员一致表示，将以此次会议为契机，推动工作取得新成效。\n\n"
    "（李四）\n\n"
    "某县科协开展科普进校园活动\n\n"
    "会议还研究部署了下一阶段的重点\n"
)

HARD_WRAPPED_PAGE = (
    "德阳市老科协赴绵竹市开展专题调研\n"
    "\u3000\u3000本报讯 6月27日，德阳市科协党组书记\n"
    "一行到绵竹市开展专题调研，详细了解基层\n"
    "科协组织运行情况。\n"
    "\u3000\u3000调研组先后考察了花椒标准化种植基地、乡\n"
    "镇科普活动站等地，并针对当前生产中的突\n"
    "出问题提出了具\n"
    "体建议。\n"
    "（罗文艳 孟瑶）\n"
    "绵竹市科协举办科普培训班\n"
    "\u3000\u3000日前，绵竹市科协举办科普志愿者骨干培训\n"
    "班，120余名志愿者参加培训，培训内容涵盖\n"
    "防灾减灾、食品安全等方面。\n"
)
HARD_WRAPPED_EXPECTED = [
    ("德阳市老科协赴绵竹市开展专题调研", None,
     ["本报讯 6月27日，德阳市科协党组书记一行到绵竹市开展专题调研，详细了解基层科协组织运行情况。",
      "调研组先后考察了花椒标准化种植基地、乡镇科普活动站等地，并针对当前生产中的突出问题提出了具体建议。"],
     "罗文艳 孟瑶"),
    ("绵竹市科协举办科普培训班", None,
     ["日前，绵竹市科协举办科普志愿者骨干培训班，120余名志愿者参加培训，培训内容涵盖防灾减灾、食品安全等方面。"],
     None),
]

LATIN_PAGE = (
    "AI赋能科普新模式\n\n"
    "本报讯 近日，某市科协发布open-\n\n"
    "source科普平台，平台基于5G网络和AI大模型，用户增长3.5%，覆盖2023~2025年。\n"
)
LATIN_EXPECTED = [
    ("AI赋能科普新模式", None,
     ["本报讯 近日，某市科协发布opensource科普平台，平台基于5G网络和AI大模型，用户增长3.5%，覆盖2023~2025年。"],
     None),
]

# a photo caption and its credit printed between two pieces of one paragraph, and a jump line
CAPTION_PAGE = (
    "攀枝花市青少年科技创新大赛举行\n\n"
    "本报讯 4月6日，攀枝花市第五届青少年科技创新大赛在仁和区举行。\n\n"
    "近年来，攀枝花市科协坚持以科技工作者为本，\n\n"
    "图为活动现场。\n"
    "记者 梁祥祥 摄\n\n"
    "深入实施“科普惠民”工程，不断夯实基层组织基础。\n\n"
    "（下转第2版）\n"
)
CAPTION_EXPECTED = [
    ("攀枝花市青少年科技创新大赛举行", None,
     ["本报讯 4月6日，攀枝花市第五届青少年科技创新大赛在仁和区举行。",
      "近年来，攀枝花市科协坚持以科技工作者为本，深入实施“科普惠民”工程，不断夯实基层组织基础。"], None),
]

# Tesseract puts a space between every two Han characters and marks
TESSERACT_PAGE = (
    "东 山 县 开 展 科 普 宣 传 周 活 动\n\n"
    "本 报 讯 近 日 ， 东 山 县 科 协 在 文 化 广 场 开 展 科 普 宣 传 周 活 动 ， 发 放 资 料 2000 余 份 。\n\n"
    "活 动 现 场 ， 专 家 为 群 众 讲 解 防 灾 减 灾 知 识 。 （ 王 五 ）\n"
)
TESSERACT_EXPECTED = [
    ("东山县开展科普宣传周活动", None,
     ["本报讯近日，东山县科协在文化广场开展科普宣传周活动，发放资料2000余份。",
      "活动现场，专家为群众讲解防灾减灾知识。"], "王五"),
]


def interleaved_seed_page(width: int = 16) -> str:
    """The seed page's articles re-set in two columns of ``width`` characters whose printed lines a
    line-level OCR read alternately, one from each column (made with ``tools.relayout``)."""
    from pathlib import Path

    from tools.goldlabels.pages import read_page
    from tools.relayout.compose import compose

    seed = Path(__file__).resolve().parent.parent / "data" / "000_57b0e2a3ead17231.txt"
    return compose(read_page(seed), f"interleave-2col-{width}", seed=1).text


TABLE = {
    "blank-line page with furniture and own-line byline": (BLANK_LINE_PAGE, BLANK_LINE_EXPECTED),
    "kicker, subtitle, reporter line, subhead, caption, short-news column": (KICKER_SUBTITLE_PAGE,
                                                                             KICKER_SUBTITLE_EXPECTED),
    "hard-wrapped page": (HARD_WRAPPED_PAGE, HARD_WRAPPED_EXPECTED),
    "latin words, hyphen, numbers": (LATIN_PAGE, LATIN_EXPECTED),
    "caption between the pieces of a paragraph, jump line": (CAPTION_PAGE, CAPTION_EXPECTED),
    "Tesseract spaces between Han characters": (TESSERACT_PAGE, TESSERACT_EXPECTED),
}


# ---------------------------------------------------------------- the same two articles in every layout convention

QS_TITLE = "青石镇举办夏季农技培训会"
QS = ["本报讯 6月1日，青石镇在镇文化站举办夏季农技培训会，来自各村的种植户和合作社负责人80余人参加培训。",
      "培训围绕果树修剪、病虫害绿色防控和农产品网上销售展开，专家结合镇里的果园讲解了常见问题，并到田间现场示范。",
      "镇科协负责人表示，下一步将把培训送到村里，让更多农户学到管用的技术。"]
SX_TITLE = "山溪村合作社添了新农机"
SX = ["本报讯 山溪村合作社日前购置了两台新型插秧机，插秧效率比人工提高了十几倍，每亩还能节约成本60元。",
      "合作社理事长说，有了新农机，村里的年轻人也愿意回来种地了，今年合作社的流转面积扩大到了500亩。"]
TWO_ARTICLES = [(QS_TITLE, None, QS, "本报记者 林一"), (SX_TITLE, None, SX, "何二")]
IDEOGRAPHIC_INDENT = "\u3000\u3000"


def wrap(paragraph: str, width: int, indent: str = "") -> list[str]:
    """A paragraph set in printed lines of ``width`` characters, its first line indented by ``indent``."""
    out, rest, first = [], paragraph, True
    while rest:
        n = width - (len(indent) if first else 0)
        out.append((indent if first else "") + rest[:n])
        rest, first = rest[n:], False
    return out


def set_article(title: str, paragraphs: list[str], byline: str, width: int, indent: str) -> list[str]:
    """An article's printed lines: headline, wrapped paragraphs, the byline in brackets on its own line."""
    return [title] + [line for p in paragraphs for line in wrap(p, width, indent)] + [f"（{byline}）"]


def two_columns(indent: str, width: int = 16, first=QS) -> tuple[list[str], list[str]]:
    left = set_article(QS_TITLE, first, "本报记者 林一", width, indent)
    right = set_article(SX_TITLE, SX, "何二", width, indent)
    n = max(len(left), len(right))
    return left + [""] * (n - len(left)), right + [""] * (n - len(right))


def side_by_side(indent: str, width: int = 16) -> str:
    """The two articles in two columns on one row each, split by a gutter of spaces (``pdftotext -layout``)."""
    from kexie_gui.core.lines import text_width

    left, right = two_columns(indent, width)
    pad = [line + " " * round(2 * (width - text_width(line))) for line in left]
    return "\n".join((a + "    " + b).rstrip() for a, b in zip(pad, right, strict=True)) + "\n"


def interleaved(first=QS) -> str:
    """The two articles in two columns whose printed lines a line-level OCR read alternately (left, right)."""
    left, right = two_columns(IDEOGRAPHIC_INDENT, first=first)
    return "\n".join(line for pair in zip(left, right, strict=True) for line in pair if line) + "\n"


WRAPPED_LINES = (set_article(QS_TITLE, QS, "本报记者 林一", 16, IDEOGRAPHIC_INDENT)
                 + set_article(SX_TITLE, SX, "何二", 16, IDEOGRAPHIC_INDENT))
PLAIN_LINES = set_article(QS_TITLE, QS, "本报记者 林一", 16, "") + set_article(SX_TITLE, SX, "何二", 16, "")
PARAGRAPH_PER_LINE_PAGE = "\n".join([QS_TITLE, *QS, "（本报记者 林一）", SX_TITLE, *SX, "（何二）"]) + "\n"
WRAPPED_INDENTED_PAGE = "\n".join(WRAPPED_LINES) + "\n"
WRAPPED_PLAIN_PAGE = "\n".join(PLAIN_LINES) + "\n"  # a paragraph ends only in a short last line
BLANK_AFTER_LINE_PAGE = "\n\n".join(PLAIN_LINES) + "\n"  # pdfminer: a blank line after every printed line
CRLF_PAGE = WRAPPED_INDENTED_PAGE.replace("\n", "\r\n")
SIDE_BY_SIDE_PAGE = side_by_side("  ")  # pdftotext indents a paragraph start with two spaces
SIDE_BY_SIDE_IDEOGRAPHIC_PAGE = side_by_side(IDEOGRAPHIC_INDENT)  # … or prints the page's own
INTERLEAVED_PAGE = interleaved(QS[:2])  # columns of equal length
INTERLEAVED_UNEQUAL_PAGE = interleaved()  # the left column three lines longer than the right

# a short news item of two paragraphs, the lead as long as the paragraph after it
SHORT_NEWS_PAGE = (
    "某区开展科普宣传活动\n\n"
    "本报讯 近日，某区科协组织志愿者走进社区，开展科普宣传活动。\n\n"
    "活动现场，志愿者为居民讲解了防范电信诈骗等知识。\n"
)
SHORT_NEWS_EXPECTED = [
    ("某区开展科普宣传活动", None,
     ["本报讯 近日，某区科协组织志愿者走进社区，开展科普宣传活动。",
      "活动现场，志愿者为居民讲解了防范电信诈骗等知识。"], None),
]

# the page ends with an editor line printed without a colon
EDITOR_FOOT_PAGE = (
    "某区开展科普宣传活动\n\n"
    "本报讯 近日，某区科协组织志愿者走进社区，开展科普宣传活动。\n\n"
    "活动现场，志愿者为居民讲解了防范电信诈骗、食品安全和应急避险等方面的知识，发放宣传资料500余份。\n\n"
    "（张三）\n\n"
    "本版责编 王三\n"
)
EDITOR_FOOT_EXPECTED = [
    ("某区开展科普宣传活动", None,
     ["本报讯 近日，某区科协组织志愿者走进社区，开展科普宣传活动。",
      "活动现场，志愿者为居民讲解了防范电信诈骗、食品安全和应急避险等方面的知识，发放宣传资料500余份。"], "张三"),
]

TABLE.update({
    "one paragraph per line": (PARAGRAPH_PER_LINE_PAGE, TWO_ARTICLES),
    "hard-wrapped, indented paragraph starts": (WRAPPED_INDENTED_PAGE, TWO_ARTICLES),
    "hard-wrapped, no indentation": (WRAPPED_PLAIN_PAGE, TWO_ARTICLES),
    "a blank line after every printed line": (BLANK_AFTER_LINE_PAGE, TWO_ARTICLES),
    "CRLF line ends": (CRLF_PAGE, TWO_ARTICLES),
    "two columns side by side": (SIDE_BY_SIDE_PAGE, TWO_ARTICLES),
    "two columns side by side, paragraph starts indented with 　　": (SIDE_BY_SIDE_IDEOGRAPHIC_PAGE, TWO_ARTICLES),
    "two columns read alternately, equal length": (INTERLEAVED_PAGE, [(QS_TITLE, None, QS[:2], "本报记者 林一"),
                                                                    (SX_TITLE, None, SX, "何二")]),
    "two columns read alternately, the left one longer": (INTERLEAVED_UNEQUAL_PAGE, TWO_ARTICLES),
    "short news, the lead as long as the paragraph after it": (SHORT_NEWS_PAGE, SHORT_NEWS_EXPECTED),
    "editor line without a colon at the page foot": (EDITOR_FOOT_PAGE, EDITOR_FOOT_EXPECTED),
})

# where the product gets a written page wrong: the test of that page is a strict xfail with this reason
KNOWN_FAILURES = {
    "two columns side by side, paragraph starts indented with 　　":
        "lines.GUTTER needs a non-space character right after the gutter, so a row whose right-hand piece "
        "opens with an ideographic indent (　　本报讯…) is not cut: the two columns' lines are read as one",
    "two columns read alternately, the left one longer":
        "where the right column has ended, the left column's last lines are linked wrongly: the first article's "
        "byline is glued into its last paragraph and that paragraph's last line (的技术。) ends the second article",
}
