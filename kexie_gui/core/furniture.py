"""Page and column furniture: printed text that belongs to no article.

Each rule looks at one line on its own and names the kind of furniture it
looks like, or returns None.  The rules are written from the conventions of
Chinese newspapers, not from any one page; they are evidence for the line
labeller (``labels``), which also weighs where the line sits, so a rule may
be generous.

Kinds covered: the masthead (paper name, romanised name, CN serial number,
postal code, issue number, date with weekday and lunar date), running page
headers and footers (paper, date, edition, section), page numbers, editor
lines (with or without a colon), contact footers (hotline, e-mail, address,
post code), sponsor lines (栏目协办, 本栏目由…协办, 本版与…联合主办), photo
captions and credits, jump lines (下转/上接/紧接/转), index boxes (导读 and
items ending 第N版), short-news headers (简讯, …动态), pinyin column headers.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .text import JUMP_LINE, ends_sentence, squeeze_han_spaces

# category names, also shown to the editor
PAGE_HEADER = "page header"
PAGE_NUMBER = "page number"
MASTHEAD = "masthead"
EDITOR_LINE = "editor line"
CONTACT = "contact line"
SPONSOR_LINE = "sponsor line"
PINYIN_HEADER = "column header (pinyin)"
COLUMN_TITLE = "column title"
SHORT_NEWS_HEADER = "short-news header"
INDEX = "index box"
CAPTION = "photo caption"
PHOTO_CREDIT = "photo credit"
JUMP = "jump line"
NOISE = "unreadable line"
FURNITURE = "furniture"  # the labeller's verdict where no rule names a kind

CATEGORY_ZH = {
    PAGE_HEADER: "报头/页眉",
    PAGE_NUMBER: "版次/页码",
    MASTHEAD: "报头",
    EDITOR_LINE: "编辑署名行",
    CONTACT: "联系方式",
    SPONSOR_LINE: "栏目协办行",
    PINYIN_HEADER: "栏目拼音题头",
    COLUMN_TITLE: "栏目名",
    SHORT_NEWS_HEADER: "简讯栏头",
    INDEX: "导读",
    CAPTION: "图片说明",
    PHOTO_CREDIT: "图片署名",
    JUMP: "转版提示",
    NOISE: "无法识别的行",
    FURNITURE: "版面杂项",
}

_PAGE_NUMBER = regex.compile(
    r"^\s*(第\s*[\d一二三四五六七八九十]+\s*版|[-—–]\s*\d{1,3}\s*[-—–]|[A-Z]?\d{1,2}\s*版|\d{1,3}|"
    r"第\s*\d+\s*页|[A-Z]\d{1,2})\s*$"
)
_DATE = regex.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]|周[一二三四五六日]|农历")
# a date cut off at the end of a header's first piece (``…报 2024年10`` | ``15日 星期二 第4版``)
_DATE_CUT_OFF = regex.compile(r"\d{4}\s*年(\s*\d{1,2}(\s*月(\s*\d{1,2}\s*日?)?)?)?\s*$")
_CLAUSE_MARK = regex.compile(r"[，。、；：]")  # a header holds none: it is no sentence
_EDITION = regex.compile(r"第\s*[\d一二三四五六七八九十]+\s*版|\d{1,2}\s*版|总第\s*\d+\s*期|第\s*\d+\s*期")
# a paper's name: a place or a subject followed by what papers call themselves
_PAPER_NAME = regex.compile(r"[\p{Han}]{2,10}(报|周刊|日报|晚报|导报|时报|商报|报社)(\s*[·•]\s*[\p{Han}]{2,8})?")
_MASTHEAD = regex.compile(
    r"(国内统一连续出版物号|国内统一刊号|\bCN\s*\d{2}\s*[-－]\s*\d{4}|邮发代号|^\s*(总\s*)?第\s*\d+\s*期\s*$|"
    r"农历[\p{Han}]{2,12})"
)
_EDITOR = regex.compile(
    r"^\s*(本版)?(责任编辑|责编|美术编辑|美编|编辑|校对|审核|审签|审读|版式设计|版式|排版|组版|值班编辑|"
    r"图片编辑|视觉设计)\s*[:：\s]\s*[\p{Han}·]{2,4}"
)
_CONTACT = regex.compile(
    r"^\s*(本报)?(新闻热线|热线电话|电话|传真|投稿邮箱|电子邮箱|邮箱|投稿信箱|本报地址|社址|地址|邮编|邮政编码|"
    r"广告部|发行部|广告热线|发行热线|订阅热线|网址|微信公众号)\s*[:：]"
)
_SPONSOR = regex.compile(
    r"^\s*(栏目协办|协办单位|协办|支持单位|主办单位|合办单位|合办|承办单位)\s*[:：]|"
    r"^\s*本(栏目|版|专栏|专版|期)由.{2,40}(协办|主办|承办|支持|冠名|提供支持)\s*$|"
    r"^\s*本(栏目|版|专栏|专版)与.{2,40}(联合主办|合办|联办|共同主办)\s*$"
)
_CAPTION_START = regex.compile(
    r"^\s*(图为|图片为|图中|▲|△|上图[:：为]|下图[:：为]|左图[:：为]|右图[:：为]|图\s*\d*\s*[:：])")
_CREDIT_TAIL = regex.compile(
    r"((本报|特约)?记者\s*)?[\p{Han}·]{2,12}(\s+[\p{Han}·]{2,4})*\s*[/／]?\s*摄\s*$|"
    r"[（(]\s*(图片由.{1,30}提供|.{1,30}供图|图片来源[:：].{1,30}|资料图片?)\s*[）)]\s*$|"
    r"(图片由.{1,30}提供|[\p{Han}]{2,20}供图)\s*$"
)
# how every credit ``_CREDIT_TAIL`` finds ends: checked first, since searching a long line for the tail is slow
_CREDIT_END = regex.compile(r"(摄|[）)]|提供|供图)\s*$")
_CREDIT_ALONE = regex.compile(
    r"^\s*((本报|特约)?记者\s*)?[\p{Han}·]{2,12}(\s+[\p{Han}·]{2,4})*\s*[/／]?\s*摄\s*$|"
    r"^\s*[（(]\s*(图片由.{1,30}提供|.{1,30}供图|图片来源[:：].{1,30}|资料图片?)\s*[）)]\s*$|"
    r"^\s*(图片由.{1,30}提供|[\p{Han}]{2,20}供图|资料图片)\s*$"
)
_INDEX_HEADER = regex.compile(r"^\s*(本期|今日|本刊)?(导读|要目|目录)\s*$")
_INDEX_ITEM = regex.compile(r"\S.{3,40}?[\s　…·.]*(第\s*[\d一二三四五六七八九十]+\s*版|[A-Z]?\d{1,2}\s*版)\s*$")
SHORT_NEWS_WORDS = regex.compile(
    r"^\s*(简讯|短讯|快讯|动态|简报|要闻简报|科协动态|基层动态|科协简讯|学会动态|工作动态|各地动态|"
    r"[\p{Han}]{0,4}(简讯|短讯|快讯|动态|速递|资讯|集锦|播报|一览))\s*$"
)
_LATIN_WORDS = regex.compile(r"^[A-Za-z]+( +[A-Za-z]+)*$")
# a character each kind of line must hold (a quick test before the slower patterns)
_HEADER_CUES = frozenset("报刊年版期星周农")
_MASTHEAD_CUES = frozenset("CN邮期农号报刊")
_SPONSOR_CUES = frozenset("办持名")
_CREDIT_CUES = frozenset("摄图供提资")


def page_number(text: str) -> str | None:
    """A bare page or edition number: ``第3版``, ``- 3 -``, ``03版``.

    >>> page_number("- 5 -"), page_number("第5版"), page_number("2023年")
    ('page number', 'page number', None)
    """
    return PAGE_NUMBER if _PAGE_NUMBER.match(text) else None


def page_header(text: str) -> str | None:
    """A running header or footer: the paper with a date or edition, a date line, an edition with its section.

    >>> page_header("东山科技报  2021年9月7日  星期二  第5版"), page_header("第3版　乡村振兴")
    ('page header', 'page header')
    >>> page_header("2021年9月7日　星期二"), page_header("东山县获评全国科普示范县")
    ('page header', None)
    >>> page_header("东山科技报”2021年9"), page_header("东山日报2021年度十大新闻揭晓")
    ('page header', None)
    """
    s = text.strip()
    if len(s) > 60 or ends_sentence(s) or not _HEADER_CUES.intersection(s):
        return None
    has_paper = bool(_PAPER_NAME.search(s))
    has_date = bool(_DATE.search(s))
    has_edition = bool(_EDITION.search(s))
    if (has_paper and (has_date or has_edition)) or (has_date and has_edition and len(s) < 40):
        return PAGE_HEADER
    if has_paper and len(s) <= 30 and _DATE_CUT_OFF.search(s) and not _CLAUSE_MARK.search(s):
        return PAGE_HEADER  # 东山科技报 2021年9 (the header's rest on the next piece)
    if has_date and _date_line(s):
        return PAGE_HEADER
    if has_edition and len(s) <= 20 and regex.match(r"^\s*(第\s*\S+\s*版|\d{1,2}\s*版)", s):
        return PAGE_HEADER  # 第3版 乡村振兴
    return None


def _date_line(s: str) -> bool:
    """A line holding a date is the page's date line: the date and weekday on their own, or a date opening
    a short line without a clause (``2021年9月7日 星期二 农历八月初一``)."""
    if len(s) > 30:
        return False
    if _DATE.sub("", s).strip(" 　\t·") == "":
        return True
    return not _CLAUSE_MARK.search(s) and bool(regex.match(r"^\s*\d{4}\s*年", s))


def masthead(text: str) -> str | None:
    """Masthead pieces: the CN serial number, the postal code, the issue number, the paper's name alone.

    >>> masthead("国内统一连续出版物号 CN 11-0001"), masthead("邮发代号 1-23"), masthead("第1024期")
    ('masthead', 'masthead', 'masthead')
    >>> masthead("东山科技报"), masthead("东山县科技局召开会议")
    ('masthead', None)
    """
    s = text.strip()
    if len(s) <= 50 and _MASTHEAD_CUES.intersection(s) and _MASTHEAD.search(s):
        return MASTHEAD
    m = _PAPER_NAME.fullmatch(squeeze_han_spaces(s))
    if m and len(s) <= 16:
        return MASTHEAD
    return None


def editor_line(text: str) -> str | None:
    """``责任编辑：某甲  美术编辑：某乙``, also without a colon (``本版责编 某丙``).

    >>> editor_line("责任编辑：林一  美术编辑：何二"), editor_line("本版责编 王三"), editor_line("编辑部召开会议")
    ('editor line', 'editor line', None)
    """
    s = text.strip()
    return EDITOR_LINE if _EDITOR.match(s) and len(s) < 80 and not ends_sentence(s) else None


def contact_line(text: str) -> str | None:
    """Contact footers: ``新闻热线：0000-1234567　投稿邮箱：news@example.cn``, ``地址：…　邮编：…``.

    >>> contact_line("新闻热线：0000-1234567"), contact_line("本报地址：东山市河滨路1号"), contact_line("电话不通")
    ('contact line', 'contact line', None)
    """
    s = text.strip()
    return CONTACT if _CONTACT.match(s) and len(s) < 100 else None


def sponsor_line(text: str) -> str | None:
    """``栏目协办：…``, ``本栏目由某某协会协办``, ``本版与某某局联合主办``.

    >>> sponsor_line("栏目协办：东山市科协学会部"), sponsor_line("本栏目由东山市农学会协办")
    ('sponsor line', 'sponsor line')
    >>> sponsor_line("本版与东山市卫生健康委联合主办")
    'sponsor line'
    """
    s = text.strip()
    return SPONSOR_LINE if len(s) < 100 and _SPONSOR_CUES.intersection(s) and _SPONSOR.search(s) else None


def caption(text: str) -> str | None:
    """A photo caption (``图为…``, ``▲…``, a sentence ending with its credit) or a credit alone.

    >>> caption("图为志愿者在讲解。  王五 摄"), caption("记者 王五 摄"), caption("（图片由东山县科协提供）")
    ('photo caption', 'photo credit', 'photo credit')
    >>> caption("专家在大棚里查看长势。赵六 摄"), caption("他说，这是新摄像头。")
    ('photo caption', None)
    """
    s = text.strip()
    if _CAPTION_START.match(s) and len(s) < 120:
        return CAPTION
    if not _CREDIT_CUES.intersection(s):
        return None
    if len(s) < 50 and _CREDIT_ALONE.search(s):
        return PHOTO_CREDIT
    if len(s) < 120 and _CREDIT_END.search(s) and _CREDIT_TAIL.search(s):
        head = _CREDIT_TAIL.sub("", s).rstrip()
        if head and (ends_sentence(head) or len(head) <= 40):
            return CAPTION
    return None


def jump_line(text: str) -> str | None:
    """``（下转第2版）`` / ``（上接第1版）`` / ``（紧接第1版）``.

    >>> jump_line("（下转第7版）"), jump_line("(转第3版)"), jump_line("(东山市科协)")
    ('jump line', 'jump line', None)
    """
    return JUMP if JUMP_LINE.match(text) else None


def jump_direction(text: str) -> str | None:
    """``down`` for a line saying the article goes on elsewhere, ``up`` for one saying it came from elsewhere.

    >>> jump_direction("（下转第2版）"), jump_direction("（紧接第1版）"), jump_direction("正文")
    ('down', 'up', None)
    """
    m = JUMP_LINE.match(text)
    if not m:
        return None
    verb = m.group(1)
    return "down" if verb in ("下转", "转") else "up"


def index_line(text: str) -> str | None:
    """An index box (导读): its header, or an item naming the page its story is on.

    >>> index_line("导读"), index_line("东山县推广稻渔共养　第2版"), index_line("第2版")
    ('index box', 'index box', None)
    """
    s = text.strip()
    if _INDEX_HEADER.match(s):
        return INDEX
    if len(s) <= 50 and s.endswith("版") and not ends_sentence(s) and _INDEX_ITEM.fullmatch(s) \
            and not _PAGE_NUMBER.match(s) \
            and not page_header(s):
        return INDEX
    return None


def short_news_header(text: str) -> str | None:
    """The header of a short-news column: ``简讯``, ``科协动态``, ``基层动态`` (spaces between letters allowed).

    >>> short_news_header("简 讯"), short_news_header("基层动态"), short_news_header("东山推出5G科普服务清单")
    ('short-news header', 'short-news header', None)
    """
    return SHORT_NEWS_HEADER if SHORT_NEWS_WORDS.match(squeeze_han_spaces(text)) else None


def latin_words(text: str) -> bool:
    """A line of Latin words only (a romanised column header or paper name on a Chinese page).

    >>> latin_words("KE PU SHI JIE"), latin_words("Dong Shan Ke Ji"), latin_words("5G")
    (True, True, False)
    """
    return bool(_LATIN_WORDS.match(text.strip()))


SINGLE_LINE_RULES = (page_number, page_header, masthead, editor_line, contact_line, sponsor_line, caption,
                     jump_line, index_line)
# the longest line each rule can accept (their own length caps), so a long line skips the short rules
_LONGEST = {page_number: 12, page_header: 60, masthead: 50, editor_line: 80, contact_line: 100, sponsor_line: 100,
            caption: 120, jump_line: 20, index_line: 50}


@lru_cache(maxsize=1)
def _readings() -> dict[str, tuple[str, ...]]:
    """Han character → its toneless readings (``data/pinyin.json``, see ``tools/fit/build_pinyin.py``)."""
    import json
    from importlib import resources

    text = resources.files("kexie_gui.core").joinpath("data", "pinyin.json").read_text(encoding="utf-8")
    out: dict[str, list[str]] = {}
    for syllable, chars in json.loads(text)["readings"].items():
        for ch in chars:
            out.setdefault(ch, []).append(syllable)
    return {ch: tuple(sorted(rs, key=len, reverse=True)) for ch, rs in out.items()}


def _spells(latin: str, han: str) -> bool:
    """True when ``latin`` (lower case, no spaces) is one reading of each Han character of ``han`` in turn."""
    readings = _readings()
    chars = [readings[ch] for ch in han if ch in readings]
    if not chars:
        return False
    ends = {0}  # positions in ``latin`` reachable after the characters read so far
    for options in chars:
        ends = {end + len(r) for end in ends for r in options if latin.startswith(r, end)}
        if not ends:
            return False
    return len(latin) in ends


def is_pinyin_of(latin: str, han: str) -> bool:
    """True when ``latin`` is the romanisation of ``han`` (tones, case and spaces ignored; any reading of
    a character with several counts, and ü may be written v or u).

    >>> is_pinyin_of("Ke Pu Tian Di", "科普天地"), is_pinyin_of("KEPU TIANDI", "科普天地")
    (True, True)
    >>> is_pinyin_of("Yin Hang Ye", "银行业"), is_pinyin_of("LV SE", "绿色"), is_pinyin_of("Kepu Tiandi", "科技天地")
    (True, True, False)
    """
    latin = latin.strip()
    han = squeeze_han_spaces(han.strip())
    if not latin.isascii() or not 2 <= len(han) <= 20 or not latin_words(latin):
        return False
    letters = "".join(latin.split()).lower()
    return _spells(letters, han) or ("u" in letters and _spells(letters.replace("u", "v"), han))


MAX_FURNITURE_LEN = 120  # every rule above has a length cap below this; body text is longer


# Characters one of which every rule's line holds: a line without any of them is no furniture by its
# own text (most lines of running text), and the rules need not run.
_CUES = frozenset("0123456789版期年月日星周农报刊·编审校版美责辑协办主承支持合联栏热线电话邮箱址编号"
                  "网图▲△摄供提资料接转续读要目录视设传投广发订信微冠上下左右第CN")


def classify_single(text: str) -> str | None:
    """The furniture kind of a line judged on its own text, or None."""
    if len(text) > MAX_FURNITURE_LEN or not _CUES.intersection(text):
        return None
    s = squeeze_han_spaces(text)
    if s != text.strip() and editor_line(text):
        return EDITOR_LINE  # ``本版责编 王三``: the space is the separator the rule needs
    for rule in SINGLE_LINE_RULES:
        if len(s) > _LONGEST.get(rule, MAX_FURNITURE_LEN):
            continue
        cat = rule(s)
        if cat:
            return cat
    return None
