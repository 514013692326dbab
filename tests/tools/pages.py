"""Small invented pages (raw text + gold) for the tools' tests, and the seed page in tests/data."""
from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = DATA / "000_57b0e2a3ead17231.txt"


def gold(articles, duplicates=(), furniture=(), **extra) -> dict:
    arts = []
    for a in articles:
        arts.append({"title": a[0], "subtitle": a[1] if len(a) > 3 else None,
                     "paragraphs": list(a[-2]), "byline": a[-1]})
    return {"source": "x.txt", "notes": "damage: test.", "articles": arts,
            "removed": {"duplicates": list(duplicates), "furniture": list(furniture)}, **extra}


def write(folder: Path, name: str, raw: str, g: dict, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_bytes(raw.encode(encoding))
    g = dict(g, source=f"{name}.txt")
    (folder / f"{name}.gold.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    return path


# A blank-line page: furniture, a kicker over its headline, a reporter line, a column break
# with a caption between the pieces, a glued byline, and a second article whose last
# paragraph is printed twice in a row.
BLANK_RAW = """青川科技报　第3版

科技助力乡村振兴

青川县开办果树修剪培训班

本报记者 林远帆

本报讯 3月5日，县科协组织农技专家走进枫林村，为果农讲授春季修剪技术。

培训中，专家先讲解了修剪的基本原理，随后带领学员

图为专家在果园示范修剪。

走进果园逐棵示范，手把手纠正学员的操作。

■田间课堂开到村口

今年以来，县科协已举办各类培训12期，受益群众900余人次。

枫林村建起科普长廊

日前，枫林村科普长廊建成开放，展板内容涵盖防灾减灾、健康生活等方面。

村民们说，长廊成了大家饭后散步的好去处。

村民们说，长廊成了大家饭后散步的好去处。
"""
BLANK_GOLD = gold(
    [("青川县开办果树修剪培训班", "科技助力乡村振兴",
      ["本报讯 3月5日，县科协组织农技专家走进枫林村，为果农讲授春季修剪技术。",
       "培训中，专家先讲解了修剪的基本原理，随后带领学员走进果园逐棵示范，手把手纠正学员的操作。",
       "■田间课堂开到村口",
       "今年以来，县科协已举办各类培训12期，受益群众900余人次。"], "本报记者 林远帆"),
     ("枫林村建起科普长廊",
      ["日前，枫林村科普长廊建成开放，展板内容涵盖防灾减灾、健康生活等方面。",
       "村民们说，长廊成了大家饭后散步的好去处。"], None)],
    duplicates=["村民们说，长廊成了大家饭后散步的好去处。"],
    furniture=["青川科技报　第3版", "图为专家在果园示范修剪。"],
)
# the same page with a glued trailing byline instead of the reporter line
BLANK_RAW_TRAILING = BLANK_RAW.replace("本报记者 林远帆\n\n", "").replace("900余人次。\n", "900余人次。(青川科协)\n")
BLANK_GOLD_TRAILING = json.loads(json.dumps(BLANK_GOLD))
BLANK_GOLD_TRAILING["articles"][0]["byline"] = "青川科协"

# Hard-wrapped (no indentation): a printed line read twice at a column transition, and a
# continuation printed before its headline and again in place.
WRAPPED_RAW = """河湾村的节水账
河湾村今年推广滴灌技术，全村三百亩果园
用水量比去年减少四成，果子却结得更多了。
村支书说，过去大水漫灌，水费高，果树也
村支书说，过去大水漫灌，水费高，果树也
容易烂根；现在水肥一起送到根部。
技术员每周进村一次。
新建的蓄水池
能装两千方雨水。
沙坪镇建成蓄水池
沙坪镇在山腰新建的蓄水池
能装两千方雨水。
"""
WRAPPED_GOLD = gold(
    [("河湾村的节水账",
      ["河湾村今年推广滴灌技术，全村三百亩果园用水量比去年减少四成，果子却结得更多了。",
       "村支书说，过去大水漫灌，水费高，果树也容易烂根；现在水肥一起送到根部。",
       "技术员每周进村一次。"], None),
     ("沙坪镇建成蓄水池", ["沙坪镇在山腰新建的蓄水池能装两千方雨水。"], None)],
    duplicates=["村支书说，过去大水漫灌，水费高，果树也", "新建的蓄水池能装两千方雨水。"],
)

# Out of reading order: the second half of a paragraph printed before its first half.
SWAPPED_RAW = """溪口镇开展科普赶集

看懂标签再买药，成了赶集群众的新习惯。

本报讯 周末，溪口镇科协在集市设摊，

(溪口科协)
"""
SWAPPED_GOLD = gold([("溪口镇开展科普赶集",
                      ["本报讯 周末，溪口镇科协在集市设摊，看懂标签再买药，成了赶集群众的新习惯。"], "溪口科协")])
