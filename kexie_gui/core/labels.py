"""Label every printed line with its part in the page, weighing all the evidence at once.

Damage handled: a headline needs no confirmation cue and may hold a colon, a
comma or a question mark; headlines set over two or three lines; reporter
lines of any organisation; paragraphs whose breaks show only as a short last
line, an indent, or a blank line; paragraphs cut at column breaks; furniture
of every kind.  One fitted linear-chain CRF (``crf``) reads the features of
each line and of its neighbours (``features``) and chooses, for the whole page
at once, the labels below.

Example: ``["东山县：科技小院开进村", "本报记者 甲乙", "本报讯 近日，…", "…工作。"]`` →
``T R P C``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import regex

from .convention import PARAGRAPH_PER_LINE, SIDE_BY_SIDE, Convention
from .crf import Model, decode, load_model
from .features import fullness, line_end, line_features
from .furniture import (
    CAPTION,
    CONTACT,
    EDITOR_LINE,
    INDEX,
    JUMP,
    PAGE_HEADER,
    PAGE_NUMBER,
    PHOTO_CREDIT,
    PINYIN_HEADER,
    SPONSOR_LINE,
    is_pinyin_of,
)
from .lexicon import WORD_ACROSS, cuts_a_word, word_pair
from .lines import Unit
from .text import (
    FULL_STOP,
    LEAD_AGENCY,
    has_inner_punctuation,
    leaves_a_mark_open,
    opens_a_paragraph,
    opens_mid_sentence,
)

FURNITURE = "F"  # page furniture
TITLE = "T"  # a headline's first line
TITLE_MORE = "TC"  # a further line of the same headline
KICKER = "K"  # 引题 above the headline
SUBTITLE = "S"  # 副题 under the headline
REPORTER = "R"  # reporter line under the headline (the byline)
PARAGRAPH = "P"  # first line of a paragraph (or of a one-line subhead)
CONTINUED = "C"  # the paragraph above goes on here (a wrapped line or a column break)
BYLINE = "B"  # a trailing byline on its own line
HEADING_PARTS = ("T", "TC", "K", "S", "R")
LABELS = (FURNITURE, TITLE, TITLE_MORE, KICKER, SUBTITLE, REPORTER, PARAGRAPH, CONTINUED, BYLINE)

SURE_TITLE = 0.9  # a first-pass headline this sure stands even under a line that stops mid-sentence
MODEL_NAME = "lines"  # every label, the page's lines as they stand
BODY_MODEL_NAME = "body"  # every label but furniture, the lines with the furniture left out


@dataclass(frozen=True)
class Labelled:
    unit: Unit
    label: str
    confidence: float
    features: tuple[str, ...]


def first_look(units: list[Unit], convention: Convention, page_height: float = 0.0,
               shapes: list | None = None, sure: bool = False) -> list[Labelled]:
    """Every line labelled as the page stands, furniture included (one pass of the full model)."""
    if not units:
        return []
    model = load_model(MODEL_NAME)
    feats = line_features(units, convention, page_height, shapes)
    # a line shaped as a reporter line (``本报记者 某甲``) is printed under a headline: never furniture, and
    # never a headline's part (OCR may cut it in two: ``本报记者某甲通讯员某`` | ``乙``)
    as_reporter = _reporter_labels(model)
    allowed = [as_reporter if "st=reporter" in f else None for f in feats]
    if shapes is not None:  # a line whose own shape names furniture no headline or text takes is furniture
        furniture_only = (model.labels.index(FURNITURE),)
        allowed = [furniture_only if s.furniture in FIRM_FURNITURE or (
            not convention.han_spaces and _spaced_credit(s, u.text)) else a
            for a, s, u in zip(allowed, shapes, units, strict=True)]
    labels, probs = decode(model, feats, allowed, marginals=sure)
    out = [Labelled(u, lab, p, tuple(f)) for u, lab, p, f in zip(units, labels, probs, feats, strict=True)]
    out = _heading_tails(out, shapes, (FURNITURE,))
    out = _word_cut_scraps(out, shapes)
    if convention.paragraphs_indented:
        out = _scraps_inside_paragraphs(out, shapes)
    out = _captions_amid_text(out, shapes)
    out = _sentences_over_a_caption(out, shapes)
    out = _captions_over_a_credit(out, shapes)
    out = _bracket_rests(out, convention.blank_lines_separate)
    for i in range(len(out)):
        if out[i].label != FURNITURE and (romanised_nearby(units, i) or titles_a_column(shapes, i)):
            out[i] = Labelled(units[i], FURNITURE, out[i].confidence, out[i].features)
    return out


def _spaced_credit(shape, raw: str) -> bool:
    """A photo credit whose 摄 stands apart from the name (``记者 某甲 摄``), alone or ending a caption
    (``▲志愿者向群众发放资料 某甲 摄``): never a headline or text, as a headline ending on the verb may
    (``市民争相拍摄``).  ``raw``: the line as printed (the shape's text
    has the spaces between Han characters taken out)."""
    return shape.furniture in (PHOTO_CREDIT, CAPTION) and SPACED_CREDIT.search(raw) is not None


def _reporter_labels(model: Model) -> tuple[int, ...]:
    return tuple(k for k, lab in enumerate(model.labels) if lab in (REPORTER, BYLINE, PARAGRAPH, CONTINUED))


def titles_a_column(shapes, i: int) -> bool:
    """A column title: a short heading right above the column's sponsor line (``科普天地`` |
    ``栏目协办：某市科协``); a sponsor line names a column, never an article."""
    return shapes is not None and i + 1 < len(shapes) and shapes[i + 1].furniture == SPONSOR_LINE \
        and shapes[i].heading and shapes[i].furniture is None and len(shapes[i].text.strip()) <= COLUMN_TITLE_MAX


COLUMN_TITLE_MAX = 12  # a column's title is a short name (``科普天地``, ``基层科协在行动``)


def romanised_nearby(units: list[Unit], i: int) -> bool:
    """A column title: the line right above or below spells it out in pinyin (``Ke Pu Tian Di`` / ``科普天地``).

    Papers print a column's name with its romanisation; no headline or text line has its pinyin beside it.
    """
    text = units[i].text
    if len(text) > 20:
        return False
    return any(0 <= j < len(units) and is_pinyin_of(units[j].text, text) for j in (i - 1, i + 1))


#: furniture kinds a line's own shape names beyond doubt (a paper's name with the date and 第N版, 责任编辑：,
#: a telephone or e-mail line, 本栏目由…协办, a column's pinyin, 下转第N版, an index item, a bare page number):
#: no headline or text reads so, whatever the lines around it look like
SPACED_CREDIT = regex.compile(r"\S\s+摄\s*$")
FIRM_FURNITURE = frozenset({PAGE_HEADER, EDITOR_LINE, CONTACT, SPONSOR_LINE, PINYIN_HEADER, JUMP, INDEX,
                            PAGE_NUMBER})

#: heading parts whose printed line may wrap a short rest onto the next line, and the rest's label
#: (``——记某大学专家团`` | ``队``; ``本报记者 某甲 通讯员 某`` | ``乙``)
TAILED = {TITLE: TITLE_MORE, TITLE_MORE: TITLE_MORE, SUBTITLE: SUBTITLE, REPORTER: REPORTER}

#: a headline's wrapped rest is this short at most (characters) when it is told by a word cut at the break
HEADLINE_REST = 8


BRACKET_REST = 8  # the rest of a bracket wrapped onto a line of its own is this short at most (characters)


def _bracket_rests(out: list[Labelled], blanks_separate: bool = True) -> list[Labelled]:
    """The short rest of a bracket the line above left open, on a line of its own (``…推广应用。(孔建`` |
    ``瑶)``; OCR may read the bracket as ``〈``): the text goes on into it, so a byline glued to the
    paragraph's end is read whole instead of leaving its rest as furniture."""
    from .text import CLOSING, OPENING

    def leaves_open(k: int) -> bool:
        text = out[k].unit.text
        return out[k].label in (PARAGRAPH, CONTINUED) and \
            sum(text.count(ch) for ch in OPENING) > sum(text.count(ch) for ch in CLOSING)

    for i in range(1, len(out)):
        if out[i].label != FURNITURE:
            continue  # most lines: the brackets above need no counting
        line = out[i].unit.text.strip()
        apart = out[i].unit.blank_before and blanks_separate  # an extractor's blank after every line parts nothing
        # the line above, or the one above it where two columns are read line by line
        opener = leaves_open(i - 1) or (i >= 2 and leaves_open(i - 2) and out[i - 1].unit.text.strip()[-1:] != "）")
        if not apart and opener and 0 < len(line) <= BRACKET_REST \
                and line[-1] in CLOSING and not any(ch in OPENING for ch in line):
            out[i] = Labelled(out[i].unit, CONTINUED, out[i].confidence, out[i].features)
    return out


def _word_cut_scraps(out: list[Labelled], shapes) -> list[Labelled]:
    """A scrap of text the model took for furniture by its shortness alone, printed between two lines of
    text, where it cuts a word the line under it finishes (``…将建立“一站一策”`` | ``服务机`` | ``制，…``)
    or finishes one the line above cut (``…有限责任公`` | ``司与川`` | ``北医学院…``): the paragraph goes on
    through it.  On a page of blocks, such a scrap stands as a block of its own
    (``_cut_between_blocks``) and goes on where it reads on into the block below (``_scrap_reads_on``).
    A line furniture's own shape names (a page number, a header) stays."""
    triples: set[str] | None = None  # the page's runs of three characters, made once when first asked
    for i in range(1, len(out) - 1):
        line = out[i].unit
        j = _next_text(out, shapes, i)  # a photo credit may stand between the scrap and its text's rest
        if j is None or not (out[i].label == FURNITURE and out[i - 1].label in (PARAGRAPH, CONTINUED)
                             and (shapes is None or shapes[i].furniture is None)):
            continue
        below = out[j].unit
        if j == i + 1 and not line.blank_before and not below.blank_before:
            # the word cut is across either break: ``…有限责任公`` | ``司与川`` | ``北医学院…`` (公司)
            if cuts_a_word(line.text.strip(), below.text.strip(), WORD_ACROSS) \
                    or cuts_a_word(out[i - 1].unit.text.strip(), line.text.strip(), WORD_ACROSS):
                out[i] = Labelled(line, CONTINUED, out[i].confidence, out[i].features)
        elif shapes is not None and _cut_between_blocks(shapes, i):
            if triples is None:
                triples = _page_triples(out)
            if _scrap_reads_on(shapes[i].text, shapes[j].text, triples):
                out[i] = Labelled(line, CONTINUED, out[i].confidence, out[i].features)
    return out


SCRAP_CHARS = 4  # a scrap of a word or two a column break left on a line of its own
# a clause mark inside a line: text, never a column title's or a subhead's phrase
INNER_CLAUSE = regex.compile(r"[，,、；;]")


def _scraps_inside_paragraphs(out: list[Labelled], shapes) -> list[Labelled]:
    """On a page whose paragraphs open indented, a few characters the model took for furniture by their
    shortness alone, between a line of text and a flush line of running text under them: the paragraph
    goes on through them, so they are its words a column break left (``…作了安排。`` | ``各`` |
    ``建站单位围绕…``); a column title stands over a headline or an indented lead, not inside a paragraph.
    A line furniture's own shape names (a page number, a caption, a credit) stays."""
    if shapes is None:
        return out
    for i in range(1, len(out) - 1):
        below = out[i + 1]
        if out[i].label == FURNITURE and shapes[i].furniture is None and shapes[i].start == "han" \
                and len("".join(out[i].unit.text.split())) <= SCRAP_CHARS \
                and out[i - 1].label in (PARAGRAPH, CONTINUED) and below.label in (PARAGRAPH, CONTINUED) \
                and below.unit.indent < 1 and (below.label == CONTINUED or not shapes[i + 1].heading) \
                and not out[i].unit.blank_before \
                and not below.unit.blank_before:
            out[i] = Labelled(out[i].unit, CONTINUED, out[i].confidence, out[i].features)
    return out


def _captions_amid_text(out: list[Labelled], shapes) -> list[Labelled]:
    """A photo caption by its own shape (``图为…``) that a first reading took for text, printed between two
    lines of a sentence that goes on around it (``…记者从泸州市科协获`` | ``图为果园，…作业。`` | ``悉，…``;
    ``…柔性引进院士10名、`` | ``图为…`` | ``专家270余名…``), or over its photo's credit (``图为果园，…。``
    | ``某甲 摄``): the caption stands in the paragraph, the paragraph reads on past it.  Furniture."""
    if shapes is None:
        return out
    for i in range(1, len(out) - 1):
        if shapes[i].furniture != CAPTION or out[i].label not in (PARAGRAPH, CONTINUED):
            continue
        if _over_its_credit(out, shapes, i):
            out[i] = Labelled(out[i].unit, FURNITURE, out[i].confidence, out[i].features)
            continue
        j = _next_text(out, shapes, i)  # the caption's credit may stand under it
        if j is None:
            continue
        above, below = out[i - 1].unit.text.strip(), out[j].unit.text.strip()
        # above a comma the sentence must go on; above a character, the line below must show it goes on,
        # or the caption, a whole sentence, must not go on the word above (``…回去后要把`` | ``图为…。`` |
        # ``学到的技术用起来…``)
        if out[i - 1].label in (PARAGRAPH, CONTINUED) and (
                shapes[i - 1].end == "clause" or (shapes[i - 1].end == "none" and (
                    shapes[j].start == "punct" or cuts_a_word(above, below, WORD_ACROSS)
                    or (shapes[i].end == "sent" and not cuts_a_word(above, out[i].unit.text.strip(), WORD_ACROSS))))):
            out[i] = Labelled(out[i].unit, FURNITURE, out[i].confidence, out[i].features)
    return out


def _sentences_over_a_caption(out: list[Labelled], shapes) -> list[Labelled]:
    """A sentence a first reading took for a photo's caption by where it stands, though a caption by its own
    shape stands right under it (``意向金额260余万元。`` | ``▲志愿者向群众发放…资料 某甲 摄``: a photo
    has one caption), under a line of text ending on a comma: the sentence above goes on in it.  Text."""
    if shapes is None:
        return out
    for i in range(1, len(out) - 1):
        if out[i].label == FURNITURE and shapes[i].furniture is None and shapes[i].end == "sent" \
                and not shapes[i].heading and shapes[i + 1].furniture == CAPTION and shapes[i - 1].end == "clause" \
                and out[i - 1].label in (PARAGRAPH, CONTINUED) and shapes[i - 1].furniture is None:
            out[i] = Labelled(out[i].unit, CONTINUED, out[i].confidence, out[i].features)
    return out


def _captions_over_a_credit(out: list[Labelled], shapes) -> list[Labelled]:
    """One whole sentence on a line of its own, between a line that ends its sentence and a photo credit
    (``…参加活动。`` | ``学生们在活动现场向群众讲解科普知识。`` | ``某甲 摄``), or between a line cut on a
    clause mark and a credit the text goes on under (``_goes_on_past``), that a first reading took for
    text: the photo's caption, set without 图为 or ▲.  Text the photo stands in goes on mid-sentence
    above its credit far more often than it ends a sentence there and starts a whole new one.  Furniture."""
    if shapes is None:
        return out
    for i in range(1, len(out) - 1):
        line = out[i].unit.text.strip()
        if out[i].label in (PARAGRAPH, CONTINUED) and _over_its_credit(out, shapes, i) and line.count(FULL_STOP) == 1 \
                and out[i - 1].label in (PARAGRAPH, CONTINUED) \
                and (shapes[i - 1].end == "sent" or _goes_on_past(out, shapes, i)) \
                and out[i].unit.indent < 1 and shapes[i].start == "han":
            out[i] = Labelled(out[i].unit, FURNITURE, out[i].confidence, out[i].features)
    return out


def _goes_on_past(out: list[Labelled], shapes, i: int) -> bool:
    """The text above line ``i`` stops on a clause mark and goes on under the photo credit under ``i``
    (``…详细了解企业研发投入、`` | ``技术人员在果园向群众讲解科普知识。`` | ``（某县科协供图）`` |
    ``技术需求和人才引进情况，…``): a photo set in the paragraph, ``i`` its caption."""
    j = _next_text(out, shapes, i)
    # a caption set so is one short clause; a line with clause marks inside goes on the sentence above
    # (``…结合职能职责，`` | ``细化工作措施，明确时间节点，…落地见效。`` | ``（某单位供图）``)
    if INNER_CLAUSE.search(out[i].unit.text.strip()[:-1]) or j is None or j <= i + 1 \
            or shapes[j].start != "han" or out[j].unit.indent >= 1 or opens_a_paragraph(out[j].unit.text.strip()):
        return False
    if shapes[i - 1].end == "clause":
        return True
    # above a line cut on a character, on a hard-wrapped page the caption runs over the column's width,
    # as no line of its text does (``…详细了解了该基地在`` | ``技术人员在科技馆展厅介绍节水灌溉设备。``)
    return shapes[i - 1].end == "none" and (fullness(shapes[i].width, shapes[i].column) == "over"
                                            or not shapes[i].column)


def _over_its_credit(out: list[Labelled], shapes, i: int) -> bool:
    """Line ``i`` ends a sentence right over a photo credit (``…作业。`` | ``某甲 摄``): where a caption stands."""
    return shapes[i + 1].furniture == PHOTO_CREDIT and out[i + 1].label == FURNITURE and shapes[i].end == "sent"


def _next_text(out: list[Labelled], shapes, i: int) -> int | None:
    """The line of text under line ``i``, past at most two lines of furniture their own shape names (a
    photo credit, a caption); None when the next line is no text."""
    j = i + 1
    while j < len(out) and j <= i + 2 and out[j].label == FURNITURE and shapes is not None and shapes[j].furniture:
        j += 1
    return j if j < len(out) and out[j].label in (PARAGRAPH, CONTINUED) else None


def _cut_between_blocks(shapes, i: int) -> bool:
    """Line ``i`` stands as a block of its own between a block of text that stops mid-sentence and
    another, and stops mid-sentence itself (``…到2024年，`` | blank | ``全市具备科学`` | blank |
    ``素质的公民…``; ``现场问辩等环节，``): a column break cut the paragraph twice, leaving a scrap a
    column title's size."""
    # a single character is as often an OCR engine's speck as a scrap of text
    return shapes[i - 1].end in ("clause", "none") and shapes[i].end in ("none", "clause") \
        and "stop" not in shapes[i].punct and len("".join(shapes[i].text.split())) >= 2


def _page_triples(out: list[Labelled]) -> set[str]:
    texts = ["".join(x.unit.text.split()) for x in out]
    return {t[k:k + 3] for t in texts for k in range(len(t) - 2)}


def _scrap_reads_on(left: str, right: str, triples: set[str]) -> bool:
    """The text runs on from the scrap ``left`` into ``right``: the scrap is longer than a column title
    runs (``COLUMN_TITLE_MAX``: ``某市农业科学研究院等单位的专家``), or the characters across the break make
    a word, or the page prints them together elsewhere (``科学`` | ``素质的…`` where the page holds
    ``科学素质``).  A column title stands over a headline or a lead, never over its own words' continuation."""
    left, right = "".join(left.split()), "".join(right.split())
    if not left or not right:
        return False
    # a column title holds no comma, nor leaves a quotation open (``向群众身边延伸，为全县``, ``全市“科技工作``)
    if INNER_CLAUSE.search(left) or leaves_a_mark_open(left):
        return True
    return len(left) > COLUMN_TITLE_MAX or cuts_a_word(left, right, WORD_ACROSS) or left[-2:] + right[:1] in triples \
        or left[-1:] + right[:2] in triples


def _heading_tails(out: list[Labelled], shapes, relabel: tuple[str, ...]) -> list[Labelled]:
    """Lines labelled one of ``relabel`` that are a heading part's wrapped rest (``headline_tail``) take
    the part's label."""
    for i in range(1, len(out)):
        above = out[i - 1].label
        if out[i].label in relabel and above in TAILED and out[i].label != TAILED[above] and headline_tail(
                out[i - 1].unit, out[i].unit, shapes[i] if shapes is not None else None):
            out[i] = Labelled(out[i].unit, TAILED[above], out[i].confidence, out[i].features)
    return out


OPENS_ARTICLE = ("agency", "reporter", "time", "dash")  # a lead, a reporter line, a 副题 under a headline
SUBHEAD_SHARE = 0.6  # a subhead is a short slogan: at most this share of the page's typical headline


def _opens_article(out: list[Labelled], shapes, k: int) -> bool:
    """The headline at ``k`` stands over what opens an article: a lead, a reporter line or a 副题."""
    nxt = k + 1
    while nxt < len(out) and out[nxt].label in (TITLE_MORE, FURNITURE):
        nxt += 1
    return nxt < len(out) and (out[nxt].label in (SUBTITLE, REPORTER) or shapes[nxt].start in OPENS_ARTICLE)


def _headline_lengths(out: list[Labelled]) -> list[int]:
    """The length of each headline on the page, its further lines included."""
    lengths: list[int] = []
    for x in out:
        if x.label == TITLE:
            lengths.append(len(x.unit.text.strip()))
        elif x.label == TITLE_MORE and lengths:
            lengths[-1] += len(x.unit.text.strip())
    return lengths


def _subheads_amid_text(out: list[Labelled], shapes) -> list[Labelled]:
    """A one-line headline over no lead, in the middle of an article that has not ended (no byline closes
    the text above it), on a page where every other headline stands over a lead, and much shorter than
    the page's headlines: a subhead (``…活动正式启动。`` | ``创新机制添活力`` | ``2024年，某市实现…``),
    read as a paragraph of its own.  A page whose articles open without leads (features, explainers)
    keeps its headlines, and so does a headline as long as the others."""
    from statistics import median

    from .text import glued_byline

    titles = [k for k, x in enumerate(out) if x.label == TITLE]
    bare = [k for k in titles if not _opens_article(out, shapes, k)]
    if len(bare) != 1 or len(titles) < 3:
        return out
    k = bare[0]
    above = k - 1
    while above >= 0 and out[above].label == FURNITURE:
        above -= 1
    single = k + 1 >= len(out) or out[k + 1].label != TITLE_MORE
    short = len(out[k].unit.text.strip()) <= SUBHEAD_SHARE * median(_headline_lengths(out))
    if single and short and above >= 0 and out[above].label in (PARAGRAPH, CONTINUED) and shapes[k].heading \
            and not shapes[k].punct and glued_byline(out[above].unit.text) is None:
        out[k] = Labelled(out[k].unit, PARAGRAPH, out[k].confidence, out[k].features)
    return out


HEADLINE_LINES = 3  # a headline set in one column wraps over this many lines at most


def _headline_over_lead(out: list[Labelled], shapes) -> list[Labelled]:
    """A lead (``本报讯 …``) with no headline part above it, under a run of short headline-shaped lines
    that wrap one headline over a narrow column (``某市某学会召`` | ``开第七次会员代表`` | ``大会`` |
    ``本报讯 日前，…``): the run is the headline, whatever each line looked like alone.  The run
    follows finished text, furniture or a byline, and each line after the first goes on a word the line
    above cut, or is its short rest, or was read as text."""
    for n in range(1, len(out)):
        if shapes[n].start != "agency" or out[n].label not in (PARAGRAPH, CONTINUED):
            continue
        run = _headline_run(out, shapes, n)
        if run:
            out[run[0]] = Labelled(out[run[0]].unit, TITLE, out[run[0]].confidence, out[run[0]].features)
            for k in run[1:]:
                out[k] = Labelled(out[k].unit, TITLE_MORE, out[k].confidence, out[k].features)
    return out


def _short_after_short(out: list[Labelled], shapes) -> list[Labelled]:
    """On a hard-wrapped page, a short line of the shape of a subhead taken to go on a short line of text
    above it that ends on a character (``…比重达到50.3%`` | ``党建引领促发展`` | ``“以前种…``): wrapped text
    runs to the column's edge but on a paragraph's last line, so the line above ended its paragraph (the
    OCR lost its full stop) and this line stands on its own, a subhead."""
    for k in range(1, len(out) - 1):
        item, shape, above = out[k], shapes[k], shapes[k - 1]
        if item.label == CONTINUED and out[k - 1].label in (PARAGRAPH, CONTINUED) and shape.heading \
                and not shape.punct and shape.end == "none" and above.end == "none" \
                and fullness(above.width, above.column) in ("mid", "short") \
                and fullness(shape.width, shape.column) in ("mid", "short") \
                and out[k + 1].label == PARAGRAPH and not leaves_a_mark_open(out[k - 1].unit.text):
            out[k] = Labelled(item.unit, PARAGRAPH, item.confidence, item.features)
    return out


def _headline_over_a_jump(out: list[Labelled], shapes) -> list[Labelled]:
    """A line shaped as a headline right over a jump line that says where the article comes from
    (``某市召开科技工作推进会`` | ``（上接1版）`` | ``会议总结了…``): the headline a page prints over an
    article's continuation, whatever the line looked like alone (text cut short, for a first reading).  Such
    a line may run the column's width where it holds no mark at all (a headline as long as the column) and
    carries on no text above it (a full line that goes on a sentence cut above is text read out of turn)."""
    for k in range(len(out) - 1):
        item, shape = out[k], shapes[k]
        if item.label in (PARAGRAPH, CONTINUED) and shape.heading \
                and (not shape.full or (not shape.punct and item.label == PARAGRAPH)) \
                and shape.start == "han" \
                and FULL_STOP not in item.unit.text and shapes[k + 1].jump == "up" and out[k + 1].label == FURNITURE:
            out[k] = Labelled(item.unit, TITLE, item.confidence, item.features)
    return out


def _headline_run(out: list[Labelled], shapes, n: int) -> list[int]:
    """The lines over the lead at ``n`` that make its headline (see ``_headline_over_lead``), or []."""
    run: list[int] = []
    for k in range(n - 1, max(-1, n - 1 - HEADLINE_LINES), -1):
        shape, item = shapes[k], out[k]
        if item.label in HEADING_PARTS or item.label == BYLINE:
            return []  # the lead has its headline (or reporter line) already
        if not shape.heading or shape.full or "stop" in shape.punct or shape.end == "clause" or shape.furniture:
            break
        run.insert(0, k)
        if item.unit.blank_before:
            break  # a headline's lines are printed together
    if len(run) < 2 or out[run[0]].label not in (PARAGRAPH, CONTINUED):
        return []
    above = run[0] - 1
    if above >= 0 and out[above].label not in (FURNITURE, BYLINE) and shapes[above].end not in ("sent", "closer"):
        return []  # text cut short above: the run may carry it on
    for a, b in pairwise(run):
        upper, lower = out[a].unit, out[b].unit
        if out[b].label == FURNITURE and not cuts_a_word(upper.text.strip(), lower.text.strip(), 6) \
                and not headline_tail(upper, lower):
            return []
    return run


def headline_tail(above: Unit, line: Unit, shape=None) -> bool:
    """The last character or two of a headline (副题, reporter line) wrapped onto a line of their own
    (``…技术培训`` | ``班``),
    or a short rest that finishes a word the headline's line cut (``某市老科协赴某县开`` | ``展专题调研``).

    A short line under a headline looks like a page number, a column title or OCR noise to the model;
    but furniture never sits right under a headline's first line with no white between.
    """
    text = line.text.strip()
    if line.blank_before or (shape is not None and shape.furniture) or len(above.text.strip()) < 6:
        return False
    if not all("\u4e00" <= ch <= "\u9fff" for ch in text):
        return False
    return len(text) <= 3 or (len(text) <= HEADLINE_REST and word_pair(above.text.strip(), text) >= 6)


def label_lines(units: list[Unit], convention: Convention, page_height: float = 0.0,
                shapes: list | None = None, first: list[Labelled] | None = None) -> list[Labelled]:
    """The label of each line in ``units`` (reading order, repeats already left out).

    Two passes: the first finds the furniture among all lines; the second reads
    the text without it, so that a paragraph cut by a caption or a page header
    reads on as one (``…走`` | ``图为…`` | ``进兴文县…`` → the third line carries on
    the first).  ``first``: the first pass's labels when the caller already has them.
    """
    if not units:
        return []
    if first is None:
        first = first_look(units, convention, page_height, shapes, sure=True)
    keep = [k for k, x in enumerate(first) if x.label != FURNITURE]
    if not keep:  # nothing but furniture (a page of one header line): nothing more to read
        return list(first)
    body_units = [units[k] for k in keep]
    body_shapes = [shapes[k] for k in keep] if shapes is not None else None
    model = _body_model()
    feats = line_features(body_units, convention, page_height, body_shapes)
    allowed = _allowed_labels(model, body_units, body_shapes, [first[k] for k in keep], feats, convention.wrapped,
                              convention)
    labels, probs = decode(model, feats, allowed)
    out = list(first)
    for n, (k, lab, p, f) in enumerate(zip(keep, labels, probs, feats, strict=True)):
        if n and lab == PARAGRAPH and hyphenated(body_units[n - 1].text, units[k].text):
            lab = CONTINUED
        out[k] = _surer(first[k], Labelled(units[k], lab, p, tuple(f)), allowed[n] is None)
    out = _heading_tails(out, shapes, (FURNITURE, TITLE_MORE))  # a 副题's rest is no headline line
    if shapes is not None:
        out = _headline_over_lead(out, shapes)
        out = _headline_over_a_jump(out, shapes)
        out = _subheads_amid_text(out, shapes)
        if convention.wrapped and not convention.paragraphs_indented:
            out = _speaker_goes_on(out, shapes)
        if convention.wrapped:
            out = _short_after_short(out, shapes)
    out = _speaker_cut_off(out, convention.name != SIDE_BY_SIDE)
    return _kicker_over_headline(out, keep, convention.blank_lines_separate and not convention.wrapped)


# a sentence opening with the person the sentence before named, saying something (他指出 / 她表示): news
# carries a speaker's words on in the paragraph that named them
SPEAKER_GOES_ON = regex.compile(r"^\s*[他她](指出|表示|说|强调|要求|介绍|认为|建议)")
# who said the quotation just closed (``“……。”`` | ``某县负责同志某某介绍，…``): a clause of a few words
# ending on a verb of saying; the line may stop right after the verb
SPEECH_VERB = r"(说|表示|介绍|指出|强调|告诉记者|坦言|感叹|感慨|回忆|解释|补充|笑言|直言|认为)道?"
ATTRIBUTION = regex.compile(rf"^\s*[^，,。：:“”！？!?]{{1,20}}?{SPEECH_VERB}(\s*$|[，,：:。])")
# a line opening on a word of one or two characters and a comma
WORD_AND_COMMA = regex.compile(r"^([\p{Han}]{1,2})[，,]")
# words of one or two characters a news sentence opens with before a comma: of time (目前, 近日, 当天),
# of linking (同时, 此外, 因此, 其次), of place in an event (会上, 现场)
SENTENCE_OPENERS = frozenset(
    "目前 近日 日前 近期 此前 此后 之后 随后 其后 当天 当日 次日 今年 去年 明年 今后 未来 如今 眼下 当前 近年 "
    "同时 此外 另外 其中 为此 对此 因此 所以 然而 但是 不过 可是 而且 并且 首先 其次 再次 最后 总之 "
    "期间 会上 会后 会前 现场 据悉 届时 目下 原来 后来 起初 最终 随即 从此 于是 接着 然后 就此 "
    "今天 昨天 明天 上午 下午 晚上 早上 中午 傍晚 当晚 当时 那时 平时 过去 以前 以往 近来 日后 "
    "一方 比如 例如 譬如 其实 事实 显然 当然 诚然 可见 看来 据此 由此 因而 从而 否则 不然 另一".split())
# a line opening on a verb of saying and its comma or colon: the speaker stands on the line above
SPEAKS_ON = regex.compile(rf"^\s*{SPEECH_VERB}\s*[，,：:]")
QUOTE_CLOSED = regex.compile(r"[。！？!?…]\s*[”」』]\s*$")


def _speaker_goes_on(out: list[Labelled], shapes) -> list[Labelled]:
    """On a hard-wrapped page without indentation, a line that names who spoke under a full line that
    ends a sentence goes on that paragraph: a paragraph end at the column edge shows nothing, and a
    speaker's next words stay with them (``…对大会的召开表示祝贺。`` | ``他指出，…``), as a quotation
    stays with the words that say whose it is (``…最大的生产力。”`` | ``某县负责同志某某介绍，…``)."""
    prev = None
    for i, item in enumerate(out):
        if item.label == FURNITURE:
            continue
        if prev is not None and item.label == PARAGRAPH and shapes[prev].end == "sent" and shapes[prev].full \
                and out[prev].label in (PARAGRAPH, CONTINUED) and _names_the_speaker(out[prev].unit.text,
                                                                                     item.unit.text):
            out[i] = Labelled(item.unit, CONTINUED, item.confidence, item.features)
        prev = i
    return out


def _speaker_cut_off(out: list[Labelled], one_column: bool = True) -> list[Labelled]:
    """A line a first reading took for a headline, over a line that opens with a verb of saying and its
    comma or colon (``某市科协有关负责人`` | ``介绍，目前全市…``): no sentence opens on the verb, so the
    line above names who speaks; a paragraph cut short after the speaker (at a column break, or read in
    two pieces).  A line a first reading took for a paragraph's start there goes on the line above as well.
    So does a line printed right under a headline-shaped line that opens on a word of one or two characters
    and a comma no sentence opens with (``授课专家某某结合多年生产`` | ``实践，用通俗易懂的语言…``;
    ``_word_and_comma``), on a page of one column (side by side, the next piece may be another column's).
    The line above opens a paragraph (or goes on one), the line under it goes on it."""
    text = [i for i, item in enumerate(out) if item.label != FURNITURE]
    for i, j in pairwise(text):
        below = "".join(out[j].unit.text.split())  # (Tesseract's spaces squeezed)
        if out[i].label in (TITLE, PARAGRAPH, CONTINUED) and out[j].label == PARAGRAPH \
                and (SPEAKS_ON.match(below) or (one_column and _word_and_comma(below)
                                                 and _cut_after(out[i], out[j]))):
            if out[i].label == TITLE:
                out[i] = Labelled(out[i].unit, PARAGRAPH, out[i].confidence, out[i].features)
            out[j] = Labelled(out[j].unit, CONTINUED, out[j].confidence, out[j].features)
    return out


def _cut_after(above: Labelled, line: Labelled) -> bool:
    """A sentence may be cut after ``above`` for ``line`` to finish it: ``above`` is text that stops on a
    character or a clause mark (``…面对新形势新任务新`` | a caption | ``要求，广大…``), or a headline-shaped
    piece printed right over ``line``."""
    if above.label == TITLE:
        return _printed_together(above.unit, line.unit)
    return line_end(above.unit.text) in ("none", "clause")


def _printed_together(above: Unit, line: Unit) -> bool:
    """``line`` was printed right under ``above`` (blank lines aside), not brought there by a new reading
    order: a piece of another column read after a headline says nothing of the headline."""
    return line.number == above.number + 1 + line.blank_before


def _word_and_comma(line: str) -> bool:
    """``line`` opens on a word of one or two characters and a comma that no sentence opens with
    (``实践，用通俗易懂的语言…``): the rest of a sentence cut after its first words; a sentence opens so only
    on a word of time or of linking (``目前，`` ``同时，`` ``会上，``, ``SENTENCE_OPENERS``)."""
    m = WORD_AND_COMMA.match(line)
    return bool(m) and m.group(1) not in SENTENCE_OPENERS


def _names_the_speaker(above: str, line: str) -> bool:
    """``line`` opens with the speaker of the sentence ``above`` ends (see ``_speaker_goes_on``).

    >>> _names_the_speaker("…就是最大的生产力。”", "县分管负责同志某某介绍，全县")
    True
    >>> _names_the_speaker("…就是最大的生产力。", "县分管负责同志某某介绍，"), _names_the_speaker("…力。”", "据悉，…")
    (False, False)
    """
    return bool(SPEAKER_GOES_ON.match(line) or (QUOTE_CLOSED.search(above) and ATTRIBUTION.match(line)))


def _kicker_over_headline(out: list[Labelled], keep: list[int], blanks_separate: bool) -> list[Labelled]:
    """Two headline lines with a blank line between them (a headline over no text of its own, or read
    as going on into the next), on a page of whole paragraphs that blank lines
    separate: the upper one is the kicker (引题) of the headline under it, not its first line
    (``走近身边的科学`` | blank | ``一滴露水里的秘密``); such a page keeps one headline's lines together.
    (On a hard-wrapped page, an OCR engine's blank line between a headline's two printed lines is no
    such evidence.)"""
    if not blanks_separate:
        return out
    for a, b in pairwise(keep):
        if out[a].label == TITLE and out[b].label in (TITLE, TITLE_MORE) and out[b].unit.blank_before:
            out[a] = Labelled(out[a].unit, KICKER, out[a].confidence, out[a].features)
            out[b] = Labelled(out[b].unit, TITLE, out[b].confidence, out[b].features)
    return out


def _allowed_labels(model: Model, units: list[Unit], shapes, first: list[Labelled],
                    feats: list[list[str]], wrapped: bool = False,
                    convention: Convention | None = None) -> list[tuple[int, ...] | None]:
    """The labels each line may take in the second pass (None: any).

    A line under one that stops mid-sentence carries it on, unless the first pass is sure it is a
    headline (on a page read out of order a headline can follow text it does not belong to) or it heads
    a lead (then it is a heading part); on an indented page indentation tells paragraph starts
    (``goes_on_unindented``, ``opens_indented``); nothing carries on a subhead (``subhead_above``,
    ``subhead_block``); a reporter-shaped line (``本报记者 甲乙``) is a reporter line, a byline or text.
    """
    sets = {"cont": (model.labels.index(CONTINUED),),
            "heads": tuple(k for k, lab in enumerate(model.labels) if lab in HEADING_PARTS),
            "not_cont": tuple(k for k, lab in enumerate(model.labels) if lab != CONTINUED),
            "text": tuple(k for k, lab in enumerate(model.labels) if lab in (PARAGRAPH, CONTINUED)),
            "para": (model.labels.index(PARAGRAPH),)}
    allowed: list[tuple[int, ...] | None] = [None]
    for n in range(1, len(units)):
        which = _second_reading_bound(units, shapes, first, n, wrapped, convention)
        allowed.append(sets[which] if which else None)
    as_reporter = _reporter_labels(model)
    return _no_full_stop_heads(model, units, [as_reporter if "st=reporter" in f and a is None else a
                                              for a, f in zip(allowed, feats, strict=True)])


def _second_reading_bound(units: list[Unit], shapes, first: list[Labelled], n: int, wrapped: bool,
                          convention: Convention | None) -> str:
    """Which labels line ``n`` is held to in the second reading: ``cont``, ``heads``, ``not_cont``,
    ``text`` (a paragraph's line), ``para`` (a paragraph's first line) or '' (any); see ``_allowed_labels``."""
    indented = convention is not None and convention.paragraphs_indented
    own_byline = shapes is not None and shapes[n].start == "byl"  # (某县科协): a name, never a sentence's rest
    carried = runs_on(shapes[n - 1] if shapes else None, units[n - 1], units[n], first[n - 1].label) \
        or _scrap_left_open(units, shapes, first, n)
    if carried and not own_byline and not (shapes and (_indent_lost(units, shapes, n)
                                                       or _stop_lost(units, shapes, n, indented)
                                                       or _stop_lost_before_opener(units, shapes, n))):
        held = _under_open_sentence(units, shapes, first, n)
        if held:
            return held
    if indented and shapes and convention and goes_on_unindented(units, shapes, first, n,
                                                                 convention.blank_lines_separate):
        return "cont"
    if own_byline:
        return "not_cont"
    return _free_line_bound(units, shapes, first, n, wrapped, convention)


# how a line opens that is no sentence's running text (a lead, a name, a subhead's mark, a 副题's dash)
NOT_RUNNING = ("agency", "reporter", "byl", "bracket", "dash", "mark", "none")


def _scrap_left_open(units: list[Unit], shapes, first: list[Labelled], n: int) -> bool:
    """Line ``n - 1`` is a short scrap ending on a character that carries on a sentence the line above it
    left open, and line ``n`` is running text: the sentence is still open, so line ``n`` finishes it (a
    column break cut a printed line twice: ``…建设作为一`` | ``项重要`` | ``任务抓紧抓实；…``;
    ``…开展各类科普活动`` | ``160余场次，参与`` | ``群众2700余人次，…``)."""
    if shapes is None or n < 2:
        return False
    above, scrap = n - 2, n - 1
    return first[scrap].label == CONTINUED and shapes[scrap].end == "none" and shapes[scrap].start not in NOT_RUNNING \
        and first[above].label in (PARAGRAPH, CONTINUED) and shapes[above].end in ("none", "clause") \
        and shapes[n].start not in NOT_RUNNING and has_inner_punctuation(units[n].text)


def _free_line_bound(units: list[Unit], shapes, first: list[Labelled], n: int, wrapped: bool,
                     convention: Convention | None) -> str:
    """The bound of a line that carries nothing on: it opens a paragraph (``not_cont``), or it is text
    whose last word goes on in the text below, so no headline (``text``; ``para`` where it opens one)."""
    opens = bool(shapes) and _opens_paragraph(units, shapes, first, n, wrapped, convention)
    if shapes and _cuts_into_text(units, shapes, first, n):
        return "para" if opens else "text"
    return "not_cont" if opens else ""


def _opens_paragraph(units: list[Unit], shapes, first: list[Labelled], n: int, wrapped: bool,
                     convention: Convention | None) -> bool:
    """Line ``n`` opens a paragraph whatever its text reads like: indented under a finished sentence on
    an indented page, or under a line whose full stop was lost (``_stop_lost``), a block under a finished
    block, or the line under a subhead."""
    if convention is not None and convention.paragraphs_indented and (opens_indented(units, shapes, n)
                                                                     or _stop_lost(units, shapes, n, True)):
        return True
    if convention is not None and opens_block(units, shapes, n, convention):
        return True
    if shapes and _stop_lost_before_opener(units, shapes, n):
        return True
    return first[n - 1].label == PARAGRAPH and _under_subhead(units, shapes, n, wrapped, convention)


def _indent_lost(units: list[Unit], shapes, n: int) -> bool:
    """Line ``n`` is shaped as a paragraph's first line whose indent an OCR dropped, under a full line
    whose full stop it dropped too (``…勇攀高峰、再立新功`` | ``近年来，某市科协坚持以科技`` an indent
    short | a full line): the line above need not run on into it; the reading decides."""
    return 0 < n < len(units) - 1 and units[n].indent < 1 and shapes[n - 1].full and shapes[n - 1].end == "none" \
        and fullness(shapes[n].width, shapes[n].column) == "near2" and shapes[n + 1].width > shapes[n].width \
        and fullness(shapes[n + 1].width, shapes[n + 1].column) in ("full", "near2", "over")


def _stop_lost_before_opener(units: list[Unit], shapes, n: int) -> bool:
    """Line ``n`` opens with words a paragraph opens with (``据了解，`` ``近年来`` …, ``opens_a_paragraph``)
    under a line well short of its column that ends on a character: a paragraph's last line whose full
    stop an OCR dropped (``…比重达到66.8%`` | ``据了解，本次活动…``).  A sentence cut at a line's end
    leaves a full line; a short one ends its paragraph."""
    return shapes[n - 1].end == "none" and opens_a_paragraph(units[n].text) \
        and fullness(shapes[n - 1].width, shapes[n - 1].column) in ("mid", "short") \
        and not leaves_a_mark_open(units[n - 1].text)


def _stop_lost(units: list[Unit], shapes, n: int, indented: bool) -> bool:
    """Line ``n`` is indented on an indented page under a line that ends on a character: a paragraph's
    last line whose full stop an OCR dropped (``…道路上走得更远`` | ``　　近年来，某市…``), also where
    that line runs to the column's edge (``…提出了意见建议`` | ``　　某某对…``: the stop printed at the
    edge is the mark an OCR loses first).  A line a break cut goes on flush, never indented, so the line
    above need not run on into it (even where the two characters across make a word: 远|近); the
    reading decides."""
    # an indent short of the column is no evidence: an OCR that missed a line's first mark sets it in; nor
    # is any indent under a line that leaves a quotation open (``…实施“科普惠民`` | ``“科技助企”…``, its
    # closing ``”`` lost): the sentence goes on
    return indented and units[n].indent >= 1 and shapes[n - 1].end == "none" \
        and not leaves_a_mark_open(units[n - 1].text)


def _under_open_sentence(units: list[Unit], shapes, first: list[Labelled], n: int) -> str:
    """A line under one that stops mid-sentence carries it on (``cont``), unless the first reading is
    sure it is a headline ('': free), or it heads a lead (``heads`` where it is shaped as a headline's
    line, else free)."""
    if heads_a_lead(units, shapes, n):
        return "heads" if _headline_line(units, shapes, first, n) else ""
    sure_title = first[n].label == TITLE and first[n].confidence >= SURE_TITLE and not _cuts_into_text(units, shapes,
                                                                                                     first, n)
    return "" if sure_title else "cont"


WORD_INTO_TEXT = 6  # word-pair level (``lexicon.word_pair``) that reads a break as inside a word, into text


def _cuts_into_text(units: list[Unit], shapes, first: list[Labelled], n: int) -> bool:
    """Line ``n`` ends inside a word that a line of running text under it finishes (``调研组先后考察了岷``
    | ``江生物科技股份有限公司、…``): a scrap a column break left, not a headline — a headline's second
    line is set as a headline's, not run to the column's edge with its marks."""
    if shapes is None or n + 1 >= len(units) or shapes[n + 1].heading:
        return False
    if shapes[n].start in ("reporter", "byl", "agency") or shapes[n + 1].start != "han":
        return False  # a byline's name, a lead's 本报讯 (课|本报讯…) and the like stand apart whatever pair they make
    # the line under it is text, so a word as rare as a place name (岷|江) tells
    return first[n + 1].label in (PARAGRAPH, CONTINUED) and cuts_a_word(
        units[n].text.strip(), units[n + 1].text.strip(), WORD_INTO_TEXT)


def _headline_line(units: list[Unit], shapes, first: list[Labelled], n: int) -> bool:
    """A line the first reading took for text that is shaped as a headline's line: short, opening with a
    character, no full stop."""
    return shapes is not None and shapes[n].heading and first[n].label in (PARAGRAPH, CONTINUED) \
        and shapes[n].start == "han" and FULL_STOP not in units[n].text


def _under_subhead(units: list[Unit], shapes, n: int, wrapped: bool, convention: Convention | None) -> bool:
    """The line above ``n`` is a subhead (``subhead_above`` on wrapped pages, ``subhead_block`` else)."""
    if wrapped:
        return subhead_above(shapes[n - 1], PARAGRAPH)
    return subhead_block(units, shapes, n - 1, convention is None or convention.name != PARAGRAPH_PER_LINE)


# headline parts are set as phrases and bylines as names, never as sentences
NO_FULL_STOP = (TITLE, TITLE_MORE, KICKER, SUBTITLE, REPORTER, BYLINE)


def _no_full_stop_heads(model: Model, units: list[Unit], allowed: list[tuple[int, ...] | None]) \
        -> list[tuple[int, ...] | None]:
    """A line holding a full stop is no headline part and no byline: they are set as phrases or names (a
    question or an exclamation may end a headline, a full stop never).  Under a byline, a sentence the
    extractor moved there (``像玻璃一样脆，孩子们发出阵阵惊叹。``) looks like a headline by its place alone,
    and a paragraph printed twice after a byline like another byline."""
    barred = {k for k, lab in enumerate(model.labels) if lab in NO_FULL_STOP}
    every = tuple(range(len(model.labels)))
    out = list(allowed)
    for i, u in enumerate(units):
        if FULL_STOP in u.text:
            held = out[i]
            kept = tuple(k for k in (every if held is None else held) if k not in barred)
            out[i] = kept or held
    return out


def goes_on_unindented(units: list[Unit], shapes, first: list[Labelled], n: int, blanks_separate: bool = True) -> bool:
    """On a page whose paragraphs open indented, a text line printed flush under a line of text that
    runs to the column's edge goes on with that paragraph, even where the line above ends a sentence
    (``…为主题，为期一周。`` | ``活动期间，…``): a new paragraph would open indented.  So it does under a
    short carried-on line that stops mid-sentence (``…等单位`` | ``的专家授课，…``: a column break).
    ``blanks_separate``: False where an extractor put a blank line after every line."""
    above, line = first[n - 1], first[n]
    apart = units[n].blank_before and blanks_separate
    up = shapes[n - 1]
    # an indented first line runs to the edge with its indent
    edge = up.full or (up.column >= 6 and units[n - 1].indent + up.width >= up.column - 1)
    # a line cut short mid-sentence by a column break: a carried-on line, or a paragraph's indented first
    # line (``　　调研组先后考察了岷`` | ``江生物科技股份有限公司、…``)
    cut_short = up.end in ("none", "clause") and (
        above.label == CONTINUED or (above.label == PARAGRAPH and units[n - 1].indent >= 1))
    runs_to_it = edge or cut_short
    if not (line.label in (PARAGRAPH, CONTINUED) and above.label in (PARAGRAPH, CONTINUED) and units[n].indent < 1
            and not apart and runs_to_it and shapes[n].start not in ("agency", "reporter", "byl", "mark", "dash")):
        return False
    # a short flush line is a subhead unless it cuts a word the line under it finishes (``…群众在种`` | ``植、…``)
    return not shapes[n].heading or (n + 1 < len(units) and cuts_a_word(
        units[n].text.strip(), units[n + 1].text.strip(), WORD_ACROSS))


def opens_block(units: list[Unit], shapes, n: int, convention: Convention) -> bool:
    """On a page of blocks set apart by blank lines (whole paragraphs or pieces, not printed lines), a
    block under a block that ends a sentence opens a paragraph (``…代表参加。`` | blank | ``据统计，…``):
    a column break falls mid-sentence far more often than right after a full stop."""
    return not convention.wrapped and convention.blank_lines_separate and units[n].blank_before > 0 \
        and shapes[n - 1].end == "sent"


def opens_indented(units: list[Unit], shapes, n: int) -> bool:
    """On a page whose paragraphs open indented, an indented line under a finished sentence opens a
    paragraph (``…基地40个。`` | ``　　在咨询台前，…``), however full the line above runs."""
    return units[n].indent >= 1 and shapes[n - 1].end in ("sent", "closer")


SUBHEAD_MAX = 0.75  # a subhead stops well short of its column (a quarter of the width or more)


def subhead_above(shape, label: str) -> bool:
    """A subhead on a hard-wrapped page: a short headline-shaped line the first look read as a paragraph
    of its own, stopping well short of its column, with no word carried over the break.  The line under
    it starts the next paragraph (``服务基层见实效`` | ``会议总结了…``), however the text below reads.
    """
    return label == PARAGRAPH and shape.heading and shape.end == "none" and shape.column >= 10 \
        and shape.width <= SUBHEAD_MAX * shape.column and not shape.punct


def subhead_block(units: list[Unit], shapes, k: int, blanks: bool = True) -> bool:
    """On a page of blocks (``blanks``: set apart by blank lines) or of one paragraph per line, a subhead is
    a block of its own under a finished sentence (``…揭牌仪式举行。`` | blank | ``服务基层见实效`` | blank |
    ``会议总结了…``); a piece a column break cut short starts no new block under a finished one and ends
    one mid-sentence.  Text follows a subhead: a headline-shaped line under it makes it a column title or
    a kicker."""
    shape = shapes[k]
    set_apart = not blanks or (units[k].blank_before > 0 and units[k + 1].blank_before > 0)
    return 0 < k < len(units) - 1 and shape.heading and shape.end == "none" and not shape.punct \
        and shape.start == "han" and set_apart and shapes[k - 1].end in ("sent", "closer") \
        and not shapes[k + 1].heading


def _surer(seen: Labelled, second: Labelled, free: bool) -> Labelled:
    """Where the two passes differ on a headline's parts, the surer one stands (``free``: the second pass
    was not held to a label)."""
    if seen.label in HEADING_PARTS and second.label != seen.label and seen.confidence > second.confidence \
            and second.label not in (PARAGRAPH, CONTINUED) and free:
        return seen
    return second


# A reporter line is printed under its headline (or 副题, kicker), never under running text or a byline:
# ``自然课堂`` | ``一滴露水里的秘密`` | ``文/甲 图/乙`` reads the middle line as the headline, not as text.
NEVER_FOLLOWS = ((PARAGRAPH, REPORTER), (CONTINUED, REPORTER), (BYLINE, REPORTER))
NEVER = -30.0  # a transition weight no evidence outweighs (finite, so forward-backward stays defined)


@lru_cache(maxsize=1)
def _body_model() -> Model:
    """The fitted body model with the transitions no page prints ruled out."""
    model = load_model(BODY_MODEL_NAME)
    trans = [list(row) for row in model.trans]
    index = {lab: k for k, lab in enumerate(model.labels)}
    for a, b in NEVER_FOLLOWS:
        if a in index and b in index:
            trans[index[a]][index[b]] = NEVER
    return Model(model.labels, model.state, tuple(tuple(r) for r in trans), model.meta)


def heads_a_lead(units: list[Unit], shapes, n: int) -> bool:
    """A short line right above a news lead (``本报讯``, ``新华社北京电``) is that article's heading, even
    under text cut mid-sentence: on a page read out of order, the text above is the end of another
    column (``…给予三年`` | ``全市科技工作会召开`` | ``本报讯 9月9日…``).  The first line of a headline
    set over two lines heads it too."""
    def opens_lead(k: int) -> bool:
        return (shapes[k].start if shapes else ("agency" if LEAD_AGENCY.match(units[k].text.lstrip()) else "")) \
            == "agency"

    if n + 1 >= len(units) or len(units[n].text.strip()) > 32:
        return False
    if opens_lead(n + 1):
        return True
    # a headline over two lines: ``射洪市科技活动周启动 140余项`` | ``活动惠及群众`` | ``本报讯 …``
    second = units[n + 1].text.strip()
    return shapes is not None and n + 2 < len(units) and 0 < len(second) <= 20 and shapes[n].heading \
        and shapes[n + 1].heading and opens_lead(n + 2)


def hyphenated(left: str, right: str) -> bool:
    """A Latin word hyphenated at the end of a line goes on at the start of the next, whatever else the
    lines look like (too rare on Chinese pages for the fitted model to have learnt it).

    >>> hyphenated("发布open-", "source平台"), hyphenated("2023-", "2025年")
    (True, False)
    """
    left, right = left.rstrip(), right.lstrip()
    return len(left) > 1 and left[-1] == "-" and left[-2].isascii() and left[-2].isalpha() \
        and right[:1].isascii() and right[:1].islower()


def runs_on(shape, unit: Unit, below: Unit | None = None, first_label: str | None = None) -> bool:
    """The line stops mid-sentence, so the text under it carries it on: it ends with a clause mark; or
    it is running text (not a headline's shape) that ends with a character, not a mark; or it is a short
    piece the first pass did not take for a headline part whose last character makes a common word with
    the first character below (``…结合多年生`` | ``产实践…``).

    A paragraph never ends mid-sentence; a break there is a line or column break.
    """
    from .features import line_end
    text = shape.text if shape is not None else unit.text
    end = line_end(text)
    if end in ("clause", "colon"):
        return True
    start = shape.start if shape is not None else ""
    if end != "none" or start in ("reporter", "byl"):
        return False
    if not _shaped_as_heading(shape, text, first_label):
        return True
    if below is not None and any(mark in below.text for mark in FULL_STOP + "，、；") and leaves_a_mark_open(text):
        # a 《, bracket or quotation left open goes on below in a sentence: no headline part holds a full
        # stop or a clause mark there, so this line is text cut short (``根据《某市全民科学素质`` |
        # ``行动规划纲要》，到…。``; ``“中药材是我们县的`` | ``主导产业，科技就是…``)
        return True
    return (below is not None and start not in ("mark", "dash") and first_label not in HEADING_PARTS
            and first_label != FURNITURE and (cuts_a_word(text.rstrip(), below.text.lstrip(), WORD_ACROSS)
                                              or opens_mid_sentence(below.text)))


def _shaped_as_heading(shape, text: str, first_label: str | None) -> bool:
    """The line could be a headline's part by its shape (``runs_on``): short, no full stop, not opening a
    news lead (本报讯 …: no headline starts so); nor, where the first reading took it for text, opening
    as a lead or a paragraph does (``近日，``, ``据了解，``) or holding a clause mark (``何某表示，作为一名``)."""
    start = shape.start if shape is not None else ""
    heading = (shape.heading if shape is not None else len(text) <= 32) and start != "agency" \
        and (shape is None or "stop" not in shape.punct)  # a line holding a full stop is text however short
    if heading and first_label not in HEADING_PARTS:
        return not (start == "time" or opens_a_paragraph(text) or INNER_CLAUSE.search(text)
                    or VERB_DONE.search(text))
    return heading


# a verb marked done with 了 and its object begun (``活动现场设置了科普``): a sentence under way, not a
# subhead's phrase
VERB_DONE = regex.compile(r"\p{Han}了\p{Han}+$")


def model_for(item: Labelled) -> Model:
    """The model whose features an item's explanation quotes."""
    return load_model(MODEL_NAME if item.label == FURNITURE else BODY_MODEL_NAME)


def alternative(model: Model, item: Labelled, label: str) -> float:
    """How far ``label`` trails the chosen label on the line's own evidence (≥ 0; small: a close call)."""
    scores = model.scores(list(item.features))
    k = model.labels.index(label)
    chosen = model.labels.index(item.label)
    return scores[chosen] - scores[k]
