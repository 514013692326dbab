"""Page and column furniture: text printed on the page that belongs to no article.

Each rule looks at one block (and, for the pinyin column header, its
neighbour) and names the kind of furniture it is, or returns None.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .text import BRACKETED, JUMP_LINE, ends_sentence

# category names, also shown to the editor
PAGE_HEADER = "page header"
PAGE_NUMBER = "page number"
EDITOR_LINE = "editor line"
SPONSOR_LINE = "sponsor line"
PINYIN_HEADER = "column header (pinyin)"
COLUMN_TITLE = "column title"
SHORT_NEWS_HEADER = "short-news header"
CAPTION = "photo caption"
PHOTO_CREDIT = "photo credit"
JUMP = "jump line"

CATEGORY_ZH = {
    PAGE_HEADER: "报头/页眉",
    PAGE_NUMBER: "版次/页码",
    EDITOR_LINE: "编辑署名行",
    SPONSOR_LINE: "栏目协办行",
    PINYIN_HEADER: "栏目拼音题头",
    COLUMN_TITLE: "栏目名",
    SHORT_NEWS_HEADER: "简讯栏头",
    CAPTION: "图片说明",
    PHOTO_CREDIT: "图片署名",
    JUMP: "转版提示",
}

_PAGE_NUMBER = regex.compile(
    r"^\s*(第\s*[\d一二三四五六七八九十]+\s*版|[-—–]\s*\d{1,3}\s*[-—–]|[A-Z]?\d{1,2}\s*版|\d{1,3}|"
    r"第\s*\d+\s*页|[A-Z]\d{1,2})\s*$"
)
_DATE = regex.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]|周[一二三四五六日]")
_EDITION = regex.compile(r"第\s*[\d一二三四五六七八九十]+\s*版|\d{1,2}\s*版|总第\s*\d+\s*期|第\s*\d+\s*期")
_EDITOR = regex.compile(r"^\s*(责任编辑|责编|美术编辑|美编|编辑|校对|审核|审签|版式设计|版式|排版|组版|值班编辑)\s*[:：]")
_SPONSOR = regex.compile(r"^\s*(栏目协办|协办单位|协办|支持单位|主办单位|合办|承办单位)\s*[:：]")
_CAPTION_START = regex.compile(r"^\s*(图为|图片为|▲|△|上图[:：为]|下图[:：为]|左图[:：为]|右图[:：为]|图\s*\d*\s*[:：])")
_CREDIT = regex.compile(
    r"(^|\s)((本报|特约)?记者\s*)?[\p{Han}·]{2,12}(\s+[\p{Han}·]{2,4})*\s*[/／]?\s*摄\s*$|"
    r"^\s*[（(]\s*(图片由.{1,30}提供|.{1,30}供图|图片来源[:：].{1,30}|资料图片?)\s*[）)]\s*$|"
    r"^\s*(图片由.{1,30}提供|.{0,20}供图)\s*$"
)
SHORT_NEWS_WORDS = regex.compile(
    r"^\s*(简讯|短讯|快讯|动态|简报|要闻简报|科协动态|基层动态|科协简讯|学会动态|工作动态|各地动态|"
    r"[\p{Han}]{0,4}(简讯|短讯|快讯|动态|速递|资讯|集锦))\s*$"
)
_PAPER_NAME = regex.compile(r"[\p{Han}]{2,10}(报|周刊|日报|晚报|导报|科技报)")


def page_number(text: str) -> str | None:
    """A bare page or edition number: ``第3版``, ``- 3 -``, ``03版``.

    >>> page_number("- 5 -"), page_number("第5版"), page_number("2023年")
    ('page number', 'page number', None)
    """
    return PAGE_NUMBER if _PAGE_NUMBER.match(text) else None


def page_header(text: str) -> str | None:
    """The running header: paper name with a date or edition, ``四川科技报 2023年8月15日 星期二``.

    >>> page_header("四川科技报  第5版"), page_header("德阳市获评中国科协创新驱动示范市")
    ('page header', None)
    """
    s = text.strip()
    if len(s) > 60 or ends_sentence(s):
        return None
    has_paper = bool(_PAPER_NAME.search(s))
    has_date = bool(_DATE.search(s))
    has_edition = bool(_EDITION.search(s))
    if (has_paper and (has_date or has_edition)) or (has_date and has_edition and len(s) < 40):
        return PAGE_HEADER
    return None


def editor_line(text: str) -> str | None:
    """``责任编辑:彭洋晨  美术编辑:侯芳耀``.

    >>> editor_line("责任编辑：彭洋晨  美术编辑：侯芳耀")
    'editor line'
    """
    return EDITOR_LINE if _EDITOR.match(text) and len(text) < 80 else None


def sponsor_line(text: str) -> str | None:
    """``栏目协办:四川省科协学会部 …``.

    >>> sponsor_line("栏目协办:四川省科协学会部 四川省科协学会服务中心")
    'sponsor line'
    """
    return SPONSOR_LINE if _SPONSOR.match(text) and len(text) < 100 else None


def caption(text: str) -> str | None:
    """A photo caption (``图为…``, ``▲…``) or credit (``记者 X 摄``, ``X/摄``, ``（…供图）``).

    >>> caption("图为活动现场。  梁祥祥 摄"), caption("记者 梁祥祥 摄"), caption("（图片由绵阳市科协提供）")
    ('photo caption', 'photo credit', 'photo credit')
    """
    s = text.strip()
    if _CAPTION_START.match(s) and len(s) < 120:
        return CAPTION
    if len(s) < 50 and _CREDIT.search(s):
        return PHOTO_CREDIT
    return None


def jump_line(text: str) -> str | None:
    """``（下转第2版）`` / ``（上接第1版）``.

    >>> jump_line("（下转第7版）"), jump_line("(攀枝花市科协)")
    ('jump line', None)
    """
    return JUMP if JUMP_LINE.match(text) else None


def short_news_header(text: str) -> str | None:
    """The header of a short-news column: ``简讯``, ``科协动态``, ``基层动态``.

    >>> short_news_header("简讯"), short_news_header("基层动态"), short_news_header("绵阳推出5G科普服务清单")
    ('short-news header', 'short-news header', None)
    """
    return SHORT_NEWS_HEADER if SHORT_NEWS_WORDS.match(text) else None


SINGLE_BLOCK_RULES = (page_number, page_header, editor_line, sponsor_line, caption, jump_line)


@lru_cache(maxsize=4096)
def _pinyin_syllables(han: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(han, style=Style.NORMAL, errors="ignore")).lower()


_LATIN_WORDS = regex.compile(r"^[A-Za-z]+( +[A-Za-z]+)+$")


def is_pinyin_of(latin: str, han: str) -> bool:
    """True when ``latin`` is the romanisation of ``han`` (pypinyin, tones and spaces ignored).

    >>> is_pinyin_of("Xue Hui Gai Ge Xian Xing Zhe", "学会改革先行者")
    True
    """
    latin = latin.strip()
    if not latin.isascii() or len(han.strip()) > 20 or not _LATIN_WORDS.match(latin):
        return False
    return "".join(latin.split()).lower() == _pinyin_syllables(han.strip())


MAX_FURNITURE_LEN = 120  # every rule above has a length cap below this; body text is longer


def classify_single(text: str) -> str | None:
    """The furniture category of a block judged on its own text, or None."""
    if len(text) > MAX_FURNITURE_LEN:
        return None
    for rule in SINGLE_BLOCK_RULES:
        cat = rule(text)
        if cat:
            return cat
    return None


def bracketed_credit(text: str) -> bool:
    m = BRACKETED.match(text)
    return bool(m and caption(text))
