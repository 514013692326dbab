"""Character classes and the textual shapes the detectors look for.

Only facts about strings live here; which block plays which part on the page
is decided in ``classify`` and ``segment``.
"""
from __future__ import annotations

import regex

SENTENCE_END = "。！？!?…"
CLAUSE_MARKS = "，,、；;：:"
CLOSERS = "”’」』）)》】\"'"
HAN = r"\p{Han}"

_han = regex.compile(HAN)


def is_han(ch: str) -> bool:
    return bool(_han.match(ch))


def is_latin_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def han_share(s: str) -> float:
    s = "".join(s.split())
    return sum(1 for ch in s if is_han(ch)) / len(s) if s else 0.0


def short(text: str, n: int = 16) -> str:
    """``text`` on one line and cut to ``n`` characters, to quote it in a message.

    >>> short("成都市科协召开  学会工作座谈会"), short("一二三四五", 3)
    ('成都市科协召开 学会工作座谈会', '一二三…')
    """
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n] + "…"


def ends_sentence(s: str) -> bool:
    """True when ``s`` ends a sentence: 。！？… possibly followed by closing quotes or brackets.

    >>> ends_sentence("随叫随到。”"), ends_sentence("他指出,"), ends_sentence("“科创中国”")
    (True, False, False)
    """
    s = s.rstrip()
    while s and s[-1] in CLOSERS:
        s = s[:-1]
    return bool(s) and s[-1] in SENTENCE_END


def ends_clause(s: str) -> bool:
    """Ends with a comma or another clause mark: a break here is never a paragraph end."""
    s = s.rstrip()
    return bool(s) and s[-1] in CLAUSE_MARKS


_CLAUSE_MARKS = regex.compile(r"[，,；;：:。]")
_INNER_PUNCT = regex.compile(r"[，,、；;：:。！？!?]")


def has_clause_marks(s: str) -> bool:
    return bool(_CLAUSE_MARKS.search(s))


def leaves_bracket_open(s: str) -> bool:
    """More round brackets opened than closed: the bracket goes on in the next line (``（图片由县``).

    >>> leaves_bracket_open("活动现场。（图片由县"), leaves_bracket_open("（本报记者 林一）")
    (True, False)
    """
    return s.count("（") + s.count("(") > s.count("）") + s.count(")")


PAIRED_MARKS = (("（(", "）)"), ("《", "》"), ("“", "”"), ("〈", "〉"))  # round, title, quotes; OCR's 〈 for 《


def leaves_a_mark_open(s: str) -> bool:
    """A bracket, a book title's 《 or a quotation mark opened and not closed: the text goes on below.

    >>> leaves_a_mark_open("根据《某市全民科学素质"), leaves_a_mark_open("学习《条例》")
    (True, False)
    """
    return any(sum(s.count(c) for c in left) > sum(s.count(c) for c in right) for left, right in PAIRED_MARKS)


def closes_inline(s: str) -> bool:
    """``s`` is running text (a clause mark inside it) that ends by closing a bracket or a 《 opened
    right after a word of its own sentence (``要提高思想认识，把院士（专家）``): an aside inside the
    sentence, which goes on below — not a byline (``。（某县科协）``), nor a headline's first line
    (``某市召开院士（专家）`` | ``工作站建设推进会``).

    >>> closes_inline("认识，把院士（专家）"), closes_inline("成效。（某县科协）"), closes_inline("召开院士（专家）")
    (True, False, False)
    """
    s = s.rstrip()
    if not s or not any(ch in "，,、；;" for ch in s[:-1]):
        return False
    for left, right in PAIRED_MARKS[:2]:  # brackets and 《》; a quotation may close a headline's line
        if s[-1] in right:
            k = max(s.rfind(c) for c in left)
            return k > 0 and (is_han(s[k - 1]) or is_latin_char(s[k - 1]))
    return False


def closes_a_quote_inside(s: str) -> bool:
    """``s`` ends closing a quotation opened right after a word of its own (``学校的“星空课堂”``), not one
    that opens it (``“快来看！”``).

    >>> closes_a_quote_inside("山村学校的“星空课堂”"), closes_a_quote_inside("“原来如此”")
    (True, False)
    """
    s = s.rstrip()
    if not s.endswith(("”", '"')):
        return False
    k = max(s.rfind("“"), s.rfind('"', 0, len(s) - 1))
    return k > 0 and is_han(s[k - 1])


FULL_STOP = "。"  # a sentence's end: never inside a headline, a byline or a reporter line


# Phrases a news paragraph opens with to bring in what follows — a source (据统计 / 据了解 / 据悉 /
# 据介绍), a time frame (近年来, 今年以来, 目前), a link (此外, 同时, 另外, 下一步): a line opening with
# one starts a sentence of its own and goes on no sentence cut off above it.
PARAGRAPH_OPENER = regex.compile(r"^\s*(据[\p{Han}]{1,3}[，,]|近年来|今年以来|目前[，,]|此外|同时[，,]|另外|下一步)")


def opens_a_paragraph(s: str) -> bool:
    """``s`` opens with a phrase a paragraph opens with (``PARAGRAPH_OPENER``).

    >>> opens_a_paragraph("据统计，2024年以来，某市…"), opens_a_paragraph("覆盖全市320所中小学")
    (True, False)
    """
    return bool(PARAGRAPH_OPENER.match(s))


# 的 joins what stands before it to what follows: no sentence starts with it (but for 的确, indeed)
_MID_SENTENCE_START = regex.compile(r"^\s*的(?!确)")


def opens_mid_sentence(s: str) -> bool:
    """``s`` can only go on a sentence begun above it (``的学生在老师带领下…``).

    >>> opens_mid_sentence("的学生在老师带领下参观"), opens_mid_sentence("的确，这是好事。"), opens_mid_sentence("目标")
    (True, False, False)
    """
    return bool(_MID_SENTENCE_START.match(s))


def has_inner_punctuation(s: str) -> bool:
    return bool(_INNER_PUNCT.search(s))


# A lead that opens with 本报讯/本刊讯 (or a dateline, 本报成都讯, 本报北京3月5日电),
# possibly with a reporter in brackets; an agency's reporter line (新华社记者 某甲) is none.
LEAD_AGENCY = regex.compile(r"^\s*(本报讯|本刊讯|本报消息|新华社(?!记者|特约|摄)|"
                            r"本[报刊](?!记者|通讯员|特约|首席|见习|实习)[^\s，,。]{0,6}?[电讯](?!员))")

# A lead without 本报讯 opens with a time phrase (近日，/ 3月12日，/ 2024年5月…)
TIME_PHRASE = regex.compile(
    r"^\s*(近日|日前|近期|近年来|今年以来|年初以来|入夏以来|入冬以来|目前|昨日|今天|昨天|前不久|不久前|"
    r"((\d{4}|[〇零一二三四五六七八九十]{4})年)?\d{1,2}月(\d{1,2}日)?|"
    r"\d{1,2}月\d{1,2}日(至\d{1,2}日)?|\d{1,2}月(上旬|中旬|下旬|初|底)|"
    r"[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
    r"\s*([，,、]|至|起|上午|下午|晚|期间|以来|前后)"
)

# Reporter lines under a headline, as Chinese papers print them: a role word,
# possibly after the name of the paper or agency (``本报记者``, ``新华社记者``,
# ``某某日报记者``), then one or more names; several roles may follow each other
# (``记者 甲 通讯员 乙``), names may run together without spaces.
_ORG = r"([\p{Han}]{1,12}?(报|社|台|网|刊|杂志社|新闻中心|融媒体中心))?"
_ROLE = (r"(本报|本刊|特约|见习|实习|首席|驻[\p{Han}]{1,4})?(记者|通讯员|实习生|撰稿|撰文|摄影|摄像|文字|"
         r"文图|图文|文/图|图/文|文·图|文|图)")
_NAMES = r"[\p{Han}·]{2,4}(?:[\s、，,]*[\p{Han}·]{2,4}){0,3}"
# A role set apart from its names may be followed by several (run together or not); a role glued to
# what follows takes one name of 2-4 characters, and 文/图 alone are never glued: ``记者节座谈会召开``
# and ``图书馆开展科普活动`` are headlines, ``记者王敏`` and ``记者王敏通讯员李四`` (spaces squeezed)
# are reporter lines.
_ROLE_AND_NAMES = (rf"(?:{_ROLE}[\s:：/／·]+{_NAMES}|(?!(?:文|图)[\p{{Han}}]){_ROLE}[\p{{Han}}·]{{2,4}}"
                   rf"(?=$|[\s、，,]|{_ROLE}))")
# the last name may be cut to one character where the line wraps (``本报记者 某甲 通讯员 某`` | ``乙``)
_CUT_NAME = rf"(?:[\s、，,]*{_ROLE}[\s:：/／·]+[\p{{Han}}]\s*)?"
REPORTER_LINE = regex.compile(
    rf"^\s*(?:{_ORG}{_ROLE_AND_NAMES}\s*)(?:[\s、，,]*{_ROLE_AND_NAMES}\s*)*{_CUT_NAME}$"
)

# the text inside a trailing byline's brackets: names or an organisation
BYLINE_INNER = regex.compile(
    rf"^\s*({_ORG}{_ROLE}[\s:：/／]*)?[\p{{Han}}·]{{2,14}}"
    rf"([\s、]+({_ROLE}[\s:：/／]*)?[\p{{Han}}·]{{2,14}}){{0,5}}\s*$"
)

JUMP_LINE = regex.compile(
    r"^\s*[（(]\s*(上接|下转|紧接|转|接|续)\s*(第?\s*[\dA-Z一二三四五六七八九十]+\s*[版页]|[\p{Han}]{0,6})\s*[）)]\s*$")

SUBTITLE_DASH = regex.compile(r"^\s*(——|—|--|－－|─)")

# brackets as printed, and as OCR misreads them (``〈``, ``《`` for ``（``)
OPENING = "（(〈《"
CLOSING = "）)〉》"
# OCR may read one bracket as two (``(〈某甲 )``)
BRACKETED = regex.compile(rf"^\s*[{OPENING}]{{1,2}}(?P<inner>[^{OPENING}{CLOSING}]{{1,40}})[{CLOSING}]{{1,2}}\s*$")
GLUED_BYLINE = regex.compile(rf"(?P<open>[{OPENING}])(?P<inner>[^{OPENING}{CLOSING}]{{2,40}})[{CLOSING}]\s*$")

# marks a 小标题 may carry: ■ ◆ ● ▲ ★, 一、 二、, （一）, 1. (not a decimal: 50.3%)
SUBHEAD_MARK = regex.compile(
    r"^\s*([■◆●◇□★☆▲▶►]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、](?!\d))")


_NOT_A_NAME = regex.compile(r"(供图|提供|摄|上接|下转|紧接|简称|专家|单位|\d)")


def is_byline_inner(inner: str) -> bool:
    """Text inside a byline's brackets: a few names or one organisation, no sentence.

    >>> is_byline_inner("本报记者 林晓岚"), is_byline_inner("青石县科协"), is_byline_inner("以下简称“县科普联”")
    (True, True, False)
    >>> is_byline_inner("文/张三 图/李四"), is_byline_inner("记者 王敏 通讯员 李四")
    (True, True)
    """
    inner = inner.strip()
    if not inner or has_inner_punctuation(inner) or any(ch in inner for ch in "“”\"《》"):
        return False
    if _NOT_A_NAME.search(inner):
        return False
    return bool(BYLINE_INNER.match(inner))


_ROLE_CHARS = frozenset("记通讯实习撰摄文图")


def is_reporter_line(s: str) -> bool:
    """A reporter line printed under the headline.

    >>> (is_reporter_line("本报记者 甘一禾 通讯员 陆思远"), is_reporter_line("记者 雷满"),
    ...  is_reporter_line("记者 梁子木 摄"), is_reporter_line("本报记者 甘一禾 通讯员 陆"))
    (True, True, False, True)
    """
    s = s.strip()
    if len(s) > 40 or s.endswith("摄") or not _ROLE_CHARS.intersection(s):
        return False
    return bool(REPORTER_LINE.match(s))


def starts_lead(s: str) -> bool:
    """Opens like an article's lead: 本报讯 or a time phrase.

    >>> starts_lead("本报讯 近日,…"), starts_lead("12月18日,青石县…"), starts_lead("据了解,…")
    (True, True, False)
    """
    return bool(LEAD_AGENCY.match(s) or TIME_PHRASE.match(s))


_HAN_SPACE = regex.compile(r"(?<=[\p{Han}，。、；：！？“”‘’（）《》]) (?=[\p{Han}，。、；：！？“”‘’（）《》])")


def squeeze_han_spaces(s: str) -> str:
    """Remove single spaces between Han characters and CJK marks (Tesseract puts one between each).

    >>> squeeze_han_spaces("本 报 讯 近 日 ， 东山 5G 基站")
    '本报讯近日，东山 5G 基站'
    """
    return _HAN_SPACE.sub("", s) if " " in s else s


def _common_han() -> frozenset:
    """The 3,755 characters of GB2312 level 1 (rows 0xB0–0xD7), taken from the codec itself."""
    out = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(out)


COMMON_HAN = _common_han()
_GOOD_MARKS = frozenset("，。、；：！？“”‘’（）《》—…·%％0123456789")


def is_common_han(ch: str) -> bool:
    """One of the 3,755 most common Chinese characters (GB2312 level 1), which fill a newspaper's text.

    >>> is_common_han("科"), is_common_han("璠"), is_common_han("a")
    (True, False, False)
    """
    return ch in COMMON_HAN


_LATIN_WORD = regex.compile(r"[A-Za-z]{2,}")


def plausible_share(s: str) -> float:
    """Share of a line that reads as newspaper text: common Han characters, CJK marks, digits, Latin words.

    OCR noise read from a photo or a rule (``Y7 全|丨``) scores low.

    >>> plausible_share("东山县召开科普工作会议。"), round(plausible_share("Y7 全|丨"), 2)
    (1.0, 0.4)
    """
    chars = "".join(s.split())
    if not chars:
        return 0.0
    good = sum(map(COMMON_HAN.__contains__, chars)) + sum(map(_GOOD_MARKS.__contains__, chars))
    if good == len(chars):
        return 1.0
    good += sum(len(w) for w in _LATIN_WORD.findall(s))
    return good / len(chars)


def glued_byline(text: str) -> tuple[int, int, int] | None:
    """A byline in brackets glued to the end of a paragraph: ``…果满枝头。（青石县科协）``.

    Returns (where the paragraph ends, where the byline text starts, where it ends).

    >>> glued_byline("果满枝头。(青石县科协)")
    (5, 6, 11)
    >>> glued_byline("工作站(以下简称“县科普联”)") is None, glued_byline("抢 着 要 。 ” （ 甘 禾 ）")
    (True, (9, 12, 15))
    """
    if not text.rstrip().endswith(tuple(CLOSING)):
        return None
    m = GLUED_BYLINE.search(text)
    if not m or m.start() == 0:
        return None
    before = text[: m.start()].rstrip()
    # OCR may space the marks apart (``要 。 ” （ 甘 禾 ）``): the sentence's end is read without spaces
    if not ends_sentence("".join(before[-6:].split())) or not is_byline_inner(squeeze_han_spaces(m.group("inner"))):
        return None
    inner_start = m.start("inner")
    inner = m.group("inner")
    lead_ws = len(inner) - len(inner.lstrip())
    return len(before), inner_start + lead_ws, inner_start + len(inner.rstrip())
