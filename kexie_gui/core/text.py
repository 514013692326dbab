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


def has_inner_punctuation(s: str) -> bool:
    return bool(_INNER_PUNCT.search(s))


# A lead that opens with 本报讯/本刊讯, possibly with a reporter in brackets.
LEAD_AGENCY = regex.compile(r"^\s*(本报讯|本刊讯|本报消息|新华社|本报[^\s，,。]{0,6}电)")

# A lead without 本报讯 opens with a time phrase (近日，/ 3月12日，/ 2024年5月…)
TIME_PHRASE = regex.compile(
    r"^\s*(近日|日前|近期|近年来|今年以来|年初以来|入夏以来|入冬以来|目前|昨日|今天|昨天|前不久|不久前|"
    r"((\d{4}|[〇零一二三四五六七八九十]{4})年)?\d{1,2}月(\d{1,2}日)?|"
    r"\d{1,2}月\d{1,2}日(至\d{1,2}日)?|\d{1,2}月(上旬|中旬|下旬|初|底)|"
    r"[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
    r"\s*([，,、]|至|起|上午|下午|晚|期间|以来|前后)"
)

# "本报记者 张三 通讯员 李四", "记者 王敏", "通讯员 X": a reporter line under the headline.
_ROLE = r"(本报|本刊|特约|见习|实习)?(记者|通讯员|实习生|撰稿|摄影|文字|文|图|文/图|图/文|文图)"
REPORTER_LINE = regex.compile(
    rf"^\s*({_ROLE}[\s:：/／]*[\p{{Han}}·]{{2,5}}([\s、，,]+[\p{{Han}}·]{{2,5}})*\s*)+$"
)

# the text inside a trailing byline's brackets: names or an organisation
BYLINE_INNER = regex.compile(
    rf"^\s*({_ROLE}[\s:：/／]*)?[\p{{Han}}·]{{2,14}}"
    rf"([\s、]+({_ROLE}[\s:：/／]*)?[\p{{Han}}·]{{2,14}}){{0,5}}\s*$"
)

JUMP_LINE = regex.compile(r"^\s*[（(]\s*(上接|下转|转|接|续)(第?\s*[\dA-Z一二三四五六七八九十]+\s*版|[\p{Han}]{0,6})\s*[）)]\s*$")

SUBTITLE_DASH = regex.compile(r"^\s*(——|—|--|－－|─)")

BRACKETED = regex.compile(r"^\s*[（(](?P<inner>[^()（）]{1,40})[）)]\s*$")
GLUED_BYLINE = regex.compile(r"(?P<open>[（(])(?P<inner>[^()（）]{2,40})[）)]\s*$")

# marks a 小标题 may carry: ■ ◆ ● ▲ ★, 一、 二、, （一）
SUBHEAD_MARK = regex.compile(r"^\s*([■◆●◇□★☆▲▶►]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、])")


_NOT_A_NAME = regex.compile(r"(供图|提供|摄|上接|下转|简称|专家|单位|\d)")


def is_byline_inner(inner: str) -> bool:
    """Text inside a byline's brackets: a few names or one organisation, no sentence.

    >>> is_byline_inner("本报记者 马静璠"), is_byline_inner("攀枝花市科协"), is_byline_inner("以下简称“市科青联”")
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


def is_reporter_line(s: str) -> bool:
    """A reporter line printed under the headline.

    >>> is_reporter_line("本报记者 顾华燕 通讯员 陆鹏博"), is_reporter_line("记者 闫玲"), is_reporter_line("记者 梁祥祥 摄")
    (True, True, False)
    """
    s = s.strip()
    if len(s) > 40 or s.endswith("摄"):
        return False
    return bool(REPORTER_LINE.match(s))


def starts_lead(s: str) -> bool:
    """Opens like an article's lead: 本报讯 or a time phrase.

    >>> starts_lead("本报讯 近日,…"), starts_lead("12月18日,绵阳市…"), starts_lead("据了解,…")
    (True, True, False)
    """
    return bool(LEAD_AGENCY.match(s) or TIME_PHRASE.match(s))


def starts_with_time_phrase(s: str) -> bool:
    return bool(TIME_PHRASE.match(s))


def looks_like_heading(s: str, max_len: int = 40) -> bool:
    """Shape of a headline, kicker or subhead: short, no sentence end, not a clause fragment.

    >>> looks_like_heading("德阳市获评中国科协创新驱动示范市"), looks_like_heading("他指出,")
    (True, False)
    """
    s = s.strip()
    if not s or len(s) > max_len:
        return False
    if ends_sentence(s) or ends_clause(s) or has_clause_marks(s):
        return False  # headlines are set without commas; a block with one is a fragment
    if BRACKETED.match(s):
        return False
    return han_share(s) >= 0.4
