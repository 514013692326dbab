"""Say in words which evidence decided: feature names → short phrases (zh/en).

The line labeller's explanation quotes the features that weighed most for its
choice; this table turns the names ``features`` produces into what an editor
reads.  A name missing here is shown as it is.
"""
from __future__ import annotations

from functools import lru_cache

_START = {
    "agency": ("以“本报讯”开头", "opens with 本报讯"),
    "time": ("以时间开头", "opens with a time phrase"),
    "reporter": ("是记者行", "is a reporter line"),
    "dash": ("以破折号开头", "opens with a dash"),
    "mark": ("带小标题符号", "carries a subhead mark"),
    "byl": ("是括号署名", "is a bracketed byline"),
    "bracket": ("整行在括号中", "is all in brackets"),
    "quote": ("以引号开头", "opens with a quote"),
    "punct": ("以标点开头", "opens with punctuation"),
    "digit": ("以数字开头", "opens with a digit"),
    "han": ("以汉字开头", "opens with Han characters"),
    "latin": ("以拉丁字母开头", "opens with Latin letters"),
}
_END = {
    "sent": ("以句号等结尾", "ends a sentence"),
    "clause": ("以逗号等结尾", "ends with a comma"),
    "colon": ("以冒号结尾", "ends with a colon"),
    "closer": ("以括号或引号结尾", "ends with a bracket or quote"),
    "none": ("句末无标点", "no final punctuation"),
}
_FULL = {
    "full": ("排满一行", "runs to the column edge"),
    "near2": ("比栏宽短两字（段首缩进）", "two characters short of the column (an indent)"),
    "mid": ("未排满", "stops short of the column edge"),
    "short": ("远短于栏宽", "much shorter than the column"),
    "over": ("宽于栏宽", "wider than the column"),
}
_LAYOUT = {
    "blank-blocks": ("空行分段", "blocks set apart by blank lines"),
    "paragraph-per-line": ("一段一行", "one paragraph per line"),
    "wrapped-indented": ("按栏宽折行、段首缩进", "lines wrapped at the column, paragraphs indented"),
    "wrapped-plain": ("按栏宽折行、段首不缩进", "lines wrapped at the column, paragraphs not indented"),
    "blank-after-line": ("每行后有空行", "a blank line after every line"),
    "side-by-side": ("多栏并排", "columns side by side"),
}
_JUNCTION = {
    "word": ("断开处前后两字常连成词", "the characters either side of the break make a word"),
    "page": ("断开处前后两字在本页别处相连",
             "the page prints the characters either side of the break together elsewhere"),
    "none": ("断开处前后两字不成词", "the characters either side of the break make no word"),
}
_BLANKS = {"bl0": ("其间无空行", "no blank line between"), "bl1": ("其间有空行", "a blank line between"),
           "bl2": ("其间有多个空行", "blank lines between")}
_WIDTH = {"4": "不超过4字", "8": "不超过8字", "12": "不超过12字", "18": "不超过18字", "26": "不超过26字",
          "long": "超过26字"}
_WIDTH_EN = {"4": "at most 4 characters", "8": "at most 8 characters", "12": "at most 12 characters",
             "18": "at most 18 characters", "26": "at most 26 characters", "long": "over 26 characters"}


# Who a feature of one line speaks of: its prefix, in zh and en (the unprefixed one last: this line).
_WHO = (("n.", "下一行", "the next line "), ("nn.", "下两行", "the line after next "),
        ("p.", "上一行", "the line above "), ("pp.", "上两行", "the line two above "),
        ("pc.", "上方正文行", "the text line above "), ("", "本行", "this line "))
_OF_VALUE = {"st": _START, "end": _END, "rf": _FULL}  # a fact with a value: ``st=agency``
_PLAIN = {"head": ("形如标题", "is shaped like a headline"), "ind": ("缩进", "is indented")}  # ``n.head``
_FIXED = {
    "head": ("形如标题（短、句末无标点）", "shaped like a headline (short, no final punctuation)"),
    "ind": ("段首缩进", "indented"),
    "noind": ("无缩进", "not indented"),
    "latin": ("是拉丁字母行", "a line of Latin letters"),
    "noise": ("多为生僻字符（识别噪声）", "mostly unusual characters (OCR noise)"),
    "glued": ("段末带括号署名", "ends with a bracketed byline"),
    "rep": ("同样的文字在页上出现不止一次", "the same text appears elsewhere on the page"),
    "pinyin_above": ("上一行是它的拼音", "the line above is its pinyin"),
    "pinyin_of_next": ("是下一行的拼音", "is the pinyin of the next line"),
    "pos=first": ("在页首", "at the top of the page"),
    "pos=top": ("在页面顶部", "near the top of the page"),
    "pos=last": ("在页末", "at the end of the page"),
    "pos=bottom": ("在页面底部", "near the end of the page"),
    "bl0@sep": ("与上一行之间无空行", "no blank line above"),
    "bl1@sep": ("上方有空行", "a blank line above"),
    "bl2@sep": ("上方有多个空行", "several blank lines above"),
    "sz=huge": ("字号远大于正文", "set far larger than the body text"),
    "sz=big": ("字号大于正文", "set larger than the body text"),
    "sz=small": ("字号小于正文", "set smaller than the body text"),
    "boxed": ("在框内", "inside a box"),
    "band=top": ("在版面顶端", "in the page's top margin"),
    "band=bottom": ("在版面底端", "in the page's bottom margin"),
    "p.jump=down": ("上一行是转版提示", "the line above is a jump line"),
    "p.glued": ("上一段以署名结束", "the paragraph above ends with its byline"),
    "p:colon": ("含冒号", "holds a colon"),
    "p:comma": ("含逗号", "holds a comma"),
    "p:q": ("含问号或叹号", "holds a question or exclamation mark"),
    "p:quote": ("含引号", "holds quotes"),
}
_HOLDS = {"p:enum": ("含顿号", "holds an enumeration comma (、)"), "p:stop": ("含句号", "holds a full stop"),
          "p:space": ("汉字间有空格", "holds spaces between Han characters")}
_ACROSS = ("pe|rf", "pe|st", "p.rf|bl0", "p.rf|bl1", "p.rf|bl2")  # (and any ``pe|…``)


@lru_cache(maxsize=8192)  # a page quotes the same few hundred names over and over
def phrase(name: str) -> tuple[str, str]:
    """(zh, en) for one feature name; the name itself when the tables have no words for it.

    >>> phrase("n.st=agency")
    ('下一行以“本报讯”开头', 'the next line opens with 本报讯')
    >>> phrase("p.end=sent")
    ('上一行以句号等结尾', 'the line above ends a sentence')
    >>> phrase("fz"), phrase("fz=page header")[1]
    (('像版面杂项', 'looks like page furniture'), 'looks like a page header')
    """
    key, _, value = name.partition("=")
    value = value.split("@")[0]
    if key.startswith("fz"):
        from .furniture import CATEGORY_ZH

        if not value:  # ``fz``: any kind of furniture (the kind itself is named by its own feature)
            return "像版面杂项", "looks like page furniture"
        return f"像{CATEGORY_ZH.get(value, '版面杂项')}", f"looks like a {value}"
    found = _of_a_line(key, value) or _FIXED.get(name) or _composed(key, value, name) or _across(key, value)
    return found or (name, name)


def _of_a_line(key: str, value: str) -> tuple[str, str] | None:
    """A fact of one line, this one or a neighbour: ``n.st=agency``, ``p.end=sent``, ``head``."""
    for prefix, zh_who, en_who in _WHO:
        if not key.startswith(prefix):
            continue
        k = key[len(prefix):]
        table = _OF_VALUE.get(k)
        words = table.get(value) if table is not None else _PLAIN.get(k) if not value else None
        if words is not None:
            return zh_who + words[0], en_who + words[1]
    return None


def _across(key: str, value: str) -> tuple[str, str] | None:
    """The two lines either side of a break: ``pe|rf=clause|full`` (how the one above ends, how full this is)."""
    if key not in _ACROSS and not key.startswith("pe|"):
        return None
    parts = value.split("|")
    zh_parts, en_parts = [], []
    if parts and parts[0] in _END:
        zh_parts.append("上一行" + _END[parts[0]][0])
        en_parts.append("the line above " + _END[parts[0]][1])
    if len(parts) > 1 and parts[1] in _FULL:
        zh_parts.append(_FULL[parts[1]][0])
        en_parts.append("this line " + _FULL[parts[1]][1])
    if key.startswith("p.rf|") and value in _FULL:
        zh_parts = ["上一行" + _FULL[value][0]]
        en_parts = ["the line above " + _FULL[value][1]]
    return ("，".join(zh_parts), ", ".join(en_parts)) if zh_parts else None


def _composed(key: str, value: str, name: str) -> tuple[str, str] | None:
    """The feature names made of parts: layout, width, blank lines, the pair across a break."""
    if key in ("jn", "jn|ph", "jn|pe"):
        return _junction(key, value)
    if key in _HOLDS and not value:
        return _HOLDS[key]
    return _of_layout(key, value, name)


def _of_layout(key: str, value: str, name: str) -> tuple[str, str] | None:
    """Indent, width and blank lines, told against the page's layout: ``noind@wrapped-indented``, ``wa=8``."""
    base, _, layout = name.partition("@")
    if base in ("ind", "noind") and layout in _LAYOUT:  # ``noind@wrapped-indented``
        zh, en = ("段首缩进", "indented") if key == "ind" else ("无缩进", "not indented")
        return f"{zh}（{_LAYOUT[layout][0]}）", f"{en} ({_LAYOUT[layout][1]})"
    if key == "conv" and value in _LAYOUT:
        return f"版式：{_LAYOUT[value][0]}", f"the page's layout: {_LAYOUT[value][1]}"
    if key == "wa" and value in _WIDTH:
        return f"行宽{_WIDTH[value]}", f"a line of {_WIDTH_EN[value]}"
    if key == "n.bl" and value in ("0", "1"):
        return ("下一行前无空行", "no blank line before the next line") if value == "0" else \
            ("下一行前有空行", "a blank line before the next line")
    if key.startswith("p.open|") and key[7:] in _BLANKS:
        zh, en = _BLANKS[key[7:]]
        return f"上一行话未说完，{zh}", f"the line above stops mid-sentence, {en}"
    return None


def _junction(key: str, value: str) -> tuple[str, str] | None:
    """The characters either side of a break (``jn=word``), with the line above (``jn|pe=none|sent``)."""
    parts = value.split("|")
    if parts[0] not in _JUNCTION:
        return None
    zh, en = _JUNCTION[parts[0]]
    if key == "jn|ph" and len(parts) > 1 and parts[1] == "1":
        zh, en = zh + "，上一行形如标题", en + ", after a headline-shaped line"
    elif key == "jn|pe" and len(parts) > 1 and parts[1] in _END:
        zh, en = zh + "，上一行" + _END[parts[1]][0], en + ", the line above " + _END[parts[1]][1]
    return zh, en


def words_for(name: str) -> bool:
    """Whether the table has words for a feature name (an explanation quotes only those)."""
    return phrase(name)[1] != name


def phrases(names: list[str]) -> tuple[str, str]:
    """Several features as one clause each in zh and en (the furniture of any kind is left unsaid where
    the kind itself is named)."""
    if "fz" in names and any(n.startswith("fz=") for n in names):
        names = [n for n in names if n != "fz"]
    zh, en = zip(*(phrase(n) for n in names), strict=True) if names else ((), ())
    return "；".join(zh), "; ".join(en)
