"""Damage laid on top of a page's units, each kind at a rate, drawn from a seeded generator.

- column breaks: a paragraph piece cut in two mid-sentence (after a clause
  mark) or mid-word (between two Han characters), never at a sentence end;
- captions: a photo caption and/or credit line printed between two pieces of
  an article (furniture);
- repeats: a run of 1–3 pieces of an article printed again before its
  headline, after the article, or at the page end cut off mid-sentence
  (the copies are removed duplicates; gold keeps the copy in reading position).

Printed lines read twice at a column transition happen at layout time
(``layout.reread_lines``): only a layout with printed lines has them.
Caption texts are invented here from small word lists.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from .units import Unit

CLAUSE_MARKS = set("，,、；;：:")
SENTENCE_END = set("。！？!?…")
MIN_PIECE = 6          # characters either side of a column break
MIN_BREAKABLE = 24     # shorter pieces are not cut

_SURNAMES = "钟贺苗邵柯褚阮戚窦蓝詹芮"
_GIVEN = ["远帆", "可宁", "书禾", "亦舟", "若川", "明澈", "知遥", "沛然", "南乔", "一苇", "望舒", "清和"]
_PLACES = ["田间地头", "科技馆展厅", "社区广场", "学校实验室", "培训教室", "果园", "活动现场"]
_WHO = ["科技志愿者", "农技专家", "学生们", "技术人员", "讲解员"]
_DOING = ["向群众讲解科普知识", "演示无人机植保作业", "体验互动科普展品", "查看作物长势",
          "记录实验数据", "介绍节水灌溉设备"]
_ORGS = ["县科协", "区科技馆", "镇农技站", "市青少年科技中心"]


@dataclass
class DamageLog:
    column_breaks: int = 0
    captions: int = 0
    repeats: dict = field(default_factory=lambda: {"before": 0, "after": 0, "end": 0})

    def as_dict(self) -> dict:
        return {"column_breaks": self.column_breaks, "captions": self.captions, "repeats": dict(self.repeats)}


def invented_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN)


def caption_lines(rng: random.Random) -> list[str]:
    """An invented photo caption and/or credit, one or two printed lines.

    A caption marked as one (``图为…``, ``▲…``) may stand alone; a plain
    descriptive sentence is always followed by its credit, as papers print it.
    """
    who, where, doing = rng.choice(_WHO), rng.choice(_PLACES), rng.choice(_DOING)
    marked = rng.choice([f"图为{where}，{who}{doing}。", f"▲{who}在{where}{doing}"])
    plain = f"{who}在{where}{doing}。"
    credit = rng.choice([f"{invented_name(rng)} 摄", f"记者 {invented_name(rng)} 摄",
                         f"（{rng.choice(_ORGS)}供图）"])
    shape = rng.random()
    if shape < 0.5:
        return [rng.choice([marked, plain]), credit]
    if shape < 0.8:
        return [marked]
    return [credit]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def break_points(text: str) -> list[int]:
    """Where a column may cut ``text``: after a clause mark, or between two Han characters.

    >>> text = "专家们走进果园，手把手指导果农。"
    >>> [text[:i] + "|" for i in break_points(text)]
    ['专家们走进果|', '专家们走进果园，|', '专家们走进果园，手|', '专家们走进果园，手把|']
    """
    out = []
    for i in range(MIN_PIECE, len(text) - MIN_PIECE + 1):
        before, after = text[i - 1], text[i]
        if before.isspace() or after.isspace() or before in SENTENCE_END:
            continue
        if before in CLAUSE_MARKS and after not in CLAUSE_MARKS | SENTENCE_END | set("”’）)"):
            out.append(i)
        elif _is_han(before) and _is_han(after) and i + 1 < len(text) and text[i + 1] not in SENTENCE_END:
            out.append(i)
    return out


def _split(u: Unit, at: int) -> tuple[Unit, Unit]:
    first = u.copy(text=u.text[:at], para_end=False)
    second = u.copy(text=u.text[at:], start=u.start + at, para_start=False, broken_before=True)
    return first, second


def column_breaks(units: list[Unit], rate: float, rng: random.Random, log: DamageLog) -> list[Unit]:
    """Cut body pieces at column breaks (see the module docstring)."""
    out: list[Unit] = []
    for u in units:
        if u.kind != "body" or len("".join(u.text.split())) < MIN_BREAKABLE or rng.random() >= rate:
            out.append(u)
            continue
        points = break_points(u.text)
        clause = [i for i in points if u.text[i - 1] in CLAUSE_MARKS]
        han = [i for i in points if i not in clause]
        pool = clause if clause and (not han or rng.random() < 0.5) else han
        if not pool:
            out.append(u)
            continue
        first, second = _split(u, rng.choice(pool))
        out.extend([first, second])
        log.column_breaks += 1
    return out


def _article_of(u: Unit) -> int | None:
    return u.slot[1] if u.slot[0] in ("title", "subtitle", "paragraph", "byline") else None


def captions(units: list[Unit], rate: float, rng: random.Random, log: DamageLog, next_key) -> list[Unit]:
    """Put a caption (and/or credit) between two consecutive body pieces of an article."""
    articles = sorted({a for u in units if (a := _article_of(u)) is not None})
    chosen = {a for a in articles if rng.random() < rate}
    out = list(units)
    for a in sorted(chosen, reverse=True):
        gaps = [i for i in range(1, len(out))
                if out[i - 1].kind in ("body", "subhead") and out[i].kind in ("body", "subhead")
                and _article_of(out[i - 1]) == a == _article_of(out[i])]
        if not gaps:
            continue
        inside = [i for i in gaps if not out[i].para_start]
        i = rng.choice(inside if inside and rng.random() < 0.5 else gaps)
        lines = [Unit("caption", text, ("furniture", next_key())) for text in caption_lines(rng)]
        out[i:i] = lines
        log.captions += 1
    return out


def repeats(units: list[Unit], rate: float, rng: random.Random, log: DamageLog, next_key) -> list[Unit]:
    """Print a run of 1–3 body pieces of an article again: before its headline, after it, or at the page end."""
    out = list(units)
    articles = sorted({a for u in units if (a := _article_of(u)) is not None})
    tail: list[Unit] = []
    for a in articles:
        if rng.random() >= rate:
            continue
        idx = [i for i, u in enumerate(out) if _article_of(u) == a]
        body = [i for i in idx if out[i].kind == "body"]
        if not body:
            continue
        # runs of consecutive body pieces of this article
        start = rng.choice(body)
        run = [start]
        want = rng.choice([1, 1, 2, 3])
        while len(run) < want and run[-1] + 1 < len(out) and out[run[-1] + 1].kind == "body" \
                and _article_of(out[run[-1] + 1]) == a:
            run.append(run[-1] + 1)
        where = rng.choice(["before", "after", "end"])
        copies = [out[i].copy(kind="duplicate", slot=("duplicate", next_key()), glued=False,
                              marks=("", ""), broken_before=False, tags={"repeat": where})
                  for i in run]
        if where == "end":
            last = copies[-1]
            cut = [i for i in break_points(last.text) if 0.3 * len(last.text) <= i <= 0.8 * len(last.text)]
            if cut:
                copies[-1] = last.copy(text=last.text[:rng.choice(cut)])
            tail.extend(copies)
        elif where == "before":
            first = idx[0]
            out[first:first] = copies
        else:
            last = idx[-1]
            out[last + 1:last + 1] = copies
        log.repeats[where] += 1
    return out + tail


def apply_damage(units: list[Unit], rate: float, rng: random.Random) -> tuple[list[Unit], DamageLog]:
    """Column breaks, then captions, then repeats (copies may hold pieces cut by a column break)."""
    log = DamageLog()
    if rate <= 0:
        return list(units), log
    counter = iter(range(10 ** 6))

    def next_key():
        return f"added-{next(counter)}"

    units = column_breaks(units, rate, rng, log)
    units = captions(units, rate, rng, log, next_key)
    units = repeats(units, rate, rng, log, next_key)
    return units, log
