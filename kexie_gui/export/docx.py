"""Word documents that look right in Chinese Word, WPS and LibreOffice.

python-docx's template is an English one and that shows in three places this
module repairs:

- its styles name *theme* fonts (``w:asciiTheme``, ``w:eastAsiaTheme``…), and
  a theme font overrides an explicit ``w:eastAsia`` font, so 宋体/黑体 would be
  ignored.  Every theme attribute in ``styles.xml`` is replaced by the font the
  editor chose (major theme fonts → the title font, minor → the body font);
- its language is en-US / ja-JP; Chinese line breaking and proofing want
  ``w:eastAsia="zh-CN"``;
- it carries a Word 2010 ``stylesWithEffects`` copy of the styles (with the
  theme fonts again) and a thumbnail of an unrelated page; both are dropped.

Body paragraphs get a first-line indent of two characters (2 × font size),
the Chinese convention, and are justified.  Bylines sit where the paper printed
them: a reporter line (``本报记者 张三``) centred under the headline, a
trailing byline right-aligned after the last paragraph in full-width
parentheses when the page printed it in parentheses (both switchable in
:class:`~.options.ExportOptions`).  Pages are A4 unless Letter is chosen.
With the default :data:`~.options.FIXED_TIMESTAMP` the same page always gives
the same bytes.
"""
from __future__ import annotations

import copy
import datetime as _dt
import functools
import io
import re
import zipfile
from pathlib import PurePath

import docx as _docx  # python-docx (absolute import: not this module)
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from ..core.model import CleanArticle, CleanPage
from .options import PAPERS, ExportOptions

__all__ = ["render_page", "render_article", "BYLINE_STYLE", "SECTION_STYLE", "TITLE_STYLE",
           "SUBTITLE_STYLE", "BODY_STYLE", "REPORTER_STYLE", "byline_text"]

TITLE_STYLE = "Heading 1"
SUBTITLE_STYLE = "Subtitle"
BODY_STYLE = "Normal"
BYLINE_STYLE = "Byline"
REPORTER_STYLE = "Reporter Line"
SECTION_STYLE = "Section Label"
LANGUAGE = "zh-CN"

# theme attribute -> the explicit attribute it stands for
_THEME_TO_EXPLICIT = {
    "w:asciiTheme": "w:ascii",
    "w:hAnsiTheme": "w:hAnsi",
    "w:eastAsiaTheme": "w:eastAsia",
    "w:cstheme": "w:cs",
}
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_KEPT_TABLE_STYLES = ("TableGrid",)
_BLACK = RGBColor(0, 0, 0)
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# XML 1.0 forbids these; OCR text sometimes holds them (form feeds, stray NULs).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text) -> str:
    return _XML_ILLEGAL.sub("", str(text))


def _one_line(text) -> str:
    return " ".join(_clean(text).split())


# -- fonts and language -------------------------------------------------------

def _set_rfonts(rfonts, east_asian: str, latin: str | None) -> None:
    """Name the fonts explicitly and drop every theme reference (which would win)."""
    for attr in _THEME_TO_EXPLICIT:
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:eastAsia"), east_asian)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), latin or east_asian)


def _set_lang(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def _replace_theme_fonts(styles_element, options: ExportOptions) -> None:
    """Turn every theme font in styles.xml into the editor's explicit font."""
    for rfonts in styles_element.iter(qn("w:rFonts")):
        for theme_attr, explicit_attr in _THEME_TO_EXPLICIT.items():
            theme = rfonts.attrib.pop(qn(theme_attr), None)
            if theme is None or rfonts.get(qn(explicit_attr)):
                continue
            cjk = options.title_font if theme.startswith("major") else options.body_font
            latin_ok = explicit_attr != "w:eastAsia" and options.latin_font
            rfonts.set(qn(explicit_attr), options.latin_font if latin_ok else cjk)


def _style_fonts(style, east_asian: str, options: ExportOptions, size_pt: float | None) -> None:
    rpr = style.element.get_or_add_rPr()
    _set_rfonts(rpr.get_or_add_rFonts(), east_asian, options.latin_font)
    if size_pt is not None:
        style.font.size = Pt(size_pt)
    style.font.color.rgb = _BLACK
    color = rpr.find(qn("w:color"))
    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
        color.attrib.pop(qn(attr), None)


def _prepare_styles(document, options: ExportOptions) -> None:
    styles = document.styles
    _replace_theme_fonts(styles.element, options)

    defaults = styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_rfonts(default_rpr.find(qn("w:rFonts")), options.body_font, options.latin_font)
    _set_lang(default_rpr)

    normal = styles[BODY_STYLE]
    _style_fonts(normal, options.body_font, options, options.font_size_pt)
    _set_lang(normal.element.get_or_add_rPr())
    fmt = normal.paragraph_format
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.5

    title = styles[TITLE_STYLE]
    _style_fonts(title, options.title_font, options, options.title_size_pt)
    title.paragraph_format.space_before = Pt(options.title_size_pt * 1.5)
    title.paragraph_format.space_after = Pt(options.font_size_pt * 0.5)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    subtitle = styles[SUBTITLE_STYLE]
    _style_fonts(subtitle, options.title_font, options, options.font_size_pt + 2)
    subtitle.font.italic = False  # slanted CJK is a fake oblique; Chinese papers never use it
    num_pr = subtitle.element.pPr.find(qn("w:numPr"))
    if num_pr is not None:  # the template's stray list level would indent it
        subtitle.element.pPr.remove(num_pr)
    subtitle.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.paragraph_format.space_after = Pt(options.font_size_pt * 0.5)

    byline = styles.add_style(BYLINE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    byline.base_style = normal
    byline.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    byline.paragraph_format.space_before = Pt(options.font_size_pt * 0.5)
    _style_fonts(byline, options.body_font, options, None)

    reporter = styles.add_style(REPORTER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    reporter.base_style = normal
    reporter.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    reporter.paragraph_format.space_after = Pt(options.font_size_pt * 0.5)
    _style_fonts(reporter, options.body_font, options, max(options.font_size_pt - 1, 4))

    section = styles.add_style(SECTION_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    section.base_style = normal
    section.next_paragraph_style = title
    section.paragraph_format.space_before = Pt(options.title_size_pt * 1.5)
    section.font.bold = True
    section.paragraph_format.keep_with_next = True
    _style_fonts(section, options.title_font, options, max(options.font_size_pt - 1.5, 4))


def _set_theme_language(document) -> None:
    settings = document.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), LANGUAGE)


def _drop_table_styles(styles_element) -> None:
    """Drop the template's ~100 decorative table styles (86 % of styles.xml, unused here).

    They cost time on every load and save; Word re-adds any built-in table
    style the editor picks later.  The default table style and Table Grid stay.
    """
    for style in styles_element.findall(qn("w:style")):
        if (style.get(qn("w:type")) == "table" and style.get(qn("w:default")) != "1"
                and style.get(qn("w:styleId")) not in _KEPT_TABLE_STYLES):
            styles_element.remove(style)


def _drop_template_leftovers(document) -> None:
    """Remove parts that only describe the template: Word 2010 style copies, a thumbnail."""
    part = document.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            part.rels.pop(rid)
    package_rels = part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package_rels.pop(rid)


# -- content ------------------------------------------------------------------

class _Writer:
    """Appends paragraphs to a document by copying one prepared paragraph per kind.

    Each kind (title, body…) is built once with python-docx, then deep-copied
    per paragraph: python-docx's own path looks up the style by name and
    inserts every property element one by one, which made a page ten times
    slower.  Each run names its East Asian font too, which protects the font
    when the text is pasted into a document whose styles use other fonts.
    """

    def __init__(self, document, ids: dict, options: ExportOptions):
        self.document = document
        self.options = options
        self._sect_pr = document.element.body.find(qn("w:sectPr"))
        body_kw = {"indent": Pt(options.font_size_pt * 2), "align": WD_ALIGN_PARAGRAPH.JUSTIFY}
        self._kinds = {
            SECTION_STYLE: self._prototype(ids[SECTION_STYLE], options.title_font),
            TITLE_STYLE: self._prototype(ids[TITLE_STYLE], options.title_font),
            SUBTITLE_STYLE: self._prototype(ids[SUBTITLE_STYLE], options.title_font),
            BODY_STYLE: self._prototype(None, options.body_font, **body_kw),
            BYLINE_STYLE: self._prototype(ids[BYLINE_STYLE], options.body_font,
                                          align=WD_ALIGN_PARAGRAPH.RIGHT),
            REPORTER_STYLE: self._prototype(ids[REPORTER_STYLE], options.body_font,
                                            align=WD_ALIGN_PARAGRAPH.CENTER),
        }

    def _prototype(self, style_id, font, indent=None, align=None):
        paragraph = self.document.add_paragraph()
        if style_id is not None:
            paragraph._p.style = style_id
        if indent is not None:
            paragraph.paragraph_format.first_line_indent = indent
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run(" ")
        _set_rfonts(run._r.get_or_add_rPr().get_or_add_rFonts(), font, self.options.latin_font)
        p = paragraph._p
        p.getparent().remove(p)
        return p

    def add(self, kind: str, text: str) -> Paragraph:
        p = copy.deepcopy(self._kinds[kind])
        r = p.find(qn("w:r"))
        if "\t" in text or "\n" in text:
            r.text = text  # python-docx turns tabs and line breaks into w:tab / w:br
        else:
            t = r.find(qn("w:t"))
            t.text = text
            if text != text.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if self._sect_pr is not None:
            self._sect_pr.addprevious(p)
        else:
            self.document.element.body.append(p)
        return Paragraph(p, self.document._body)


def byline_text(article: CleanArticle, options: ExportOptions) -> str:
    """The byline as the page printed it: in full-width parentheses when it was printed in parentheses.

    >>> from kexie_gui.core.model import Text
    >>> a = CleanArticle("b0", Text("题"), None, (Text("文。"),), Text("王一 李二"), byline_brackets="()")
    >>> byline_text(a, ExportOptions()), byline_text(a, ExportOptions(byline_parentheses=False))
    ('（王一 李二）', '王一 李二')
    """
    text = _one_line(article.byline or "")
    if text and options.byline_parentheses and getattr(article, "byline_brackets", ""):
        return f"（{text}）"
    return text


def _under_title(article: CleanArticle, options: ExportOptions) -> bool:
    return options.reporter_under_title and getattr(article, "byline_place", "end") == "head"


def _add_article(writer: _Writer, article: CleanArticle, new_page: bool) -> None:
    size = writer.options.font_size_pt
    first = None
    if article.section and _one_line(article.section):
        first = writer.add(SECTION_STYLE, _one_line(article.section))
    # An untitled article still gets its (empty) heading: it marks where the article starts.
    heading = writer.add(TITLE_STYLE, _one_line(article.title))
    if first is not None:  # the label, not the title, opens the article's space
        heading.paragraph_format.space_before = Pt(size * 0.5)
    first = first or heading
    if new_page:
        first.paragraph_format.page_break_before = True
    if article.subtitle and _one_line(article.subtitle):
        writer.add(SUBTITLE_STYLE, _one_line(article.subtitle))
    byline = byline_text(article, writer.options)
    under_title = _under_title(article, writer.options)
    if byline and under_title:
        writer.add(REPORTER_STYLE, byline)
    for paragraph in article.paragraphs:
        text = _clean(paragraph).strip()
        if text:
            writer.add(BODY_STYLE, text)
    if byline and not under_title:
        writer.add(BYLINE_STYLE, byline)


def _set_paper(document, options: ExportOptions) -> None:
    """Page size and margins (python-docx's template is US Letter with one-inch margins)."""
    width, height, top, side = PAPERS[options.paper]
    for section in document.sections:
        section.page_width, section.page_height = Mm(width), Mm(height)
        section.top_margin = section.bottom_margin = Mm(top)
        section.left_margin = section.right_margin = Mm(side)


def _set_properties(document, title: str, source: str, options: ExportOptions) -> None:
    props = document.core_properties
    name = PurePath(source).name or source
    props.title = _one_line(title)[:255]
    props.subject = _one_line(name)[:255]
    props.comments = _one_line(f"kexie_gui export of {name}")[:255]
    props.author = ""
    props.last_modified_by = "kexie_gui"
    props.keywords = ""
    props.language = LANGUAGE
    props.revision = 1
    when = options.timestamp or _dt.datetime.now(_dt.timezone.utc)
    if when.tzinfo is not None:  # python-docx writes naive datetimes as UTC ("Z")
        when = when.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    props.created = when
    props.modified = when


def _zip_without_dates(data: bytes) -> bytes:
    """Rewrite the package with fixed member dates (zipfile stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


@functools.lru_cache(maxsize=8)
def _template(options: ExportOptions) -> tuple[bytes, dict]:
    """The prepared, empty document for these fonts and sizes, and its style ids.

    Preparing styles costs more than filling in a page, so it is done once
    per set of options; every export then starts from these bytes.
    """
    document = _docx.Document()
    _drop_table_styles(document.styles.element)
    _prepare_styles(document, options)
    _set_theme_language(document)
    _drop_template_leftovers(document)
    body = document.element.body
    for p in body.findall(qn("w:p")):  # the template starts with an empty paragraph
        body.remove(p)
    ids = {name: document.styles[name].style_id
           for name in (TITLE_STYLE, SUBTITLE_STYLE, BYLINE_STYLE, SECTION_STYLE, REPORTER_STYLE)}
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), ids


def _template_options(options: ExportOptions) -> ExportOptions:
    """Only the fields the styles depend on, so other options share one template."""
    return ExportOptions(body_font=options.body_font, title_font=options.title_font,
                         latin_font=options.latin_font, font_size_pt=options.font_size_pt,
                         title_size_pt=options.title_size_pt)


def _build(articles: tuple[CleanArticle, ...], title: str, source: str,
           options: ExportOptions) -> bytes:
    template, ids = _template(_template_options(options))
    document = _docx.Document(io.BytesIO(template))
    _set_paper(document, options)
    writer = _Writer(document, ids, options)
    for i, article in enumerate(articles):
        _add_article(writer, article, new_page=bool(i) and options.page_break_between_articles)
    _set_properties(document, title, source, options)
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    return _zip_without_dates(data) if options.timestamp is not None else data


def render_page(clean: CleanPage, options: ExportOptions) -> bytes:
    """Every article of the page in one document, in page order."""
    title = " / ".join(_one_line(a.title) for a in clean.articles if _one_line(a.title))
    return _build(clean.articles, title, clean.source, options)


def render_article(clean: CleanPage, index: int, options: ExportOptions) -> bytes:
    """Article ``index`` (0-based) alone in a document titled after it."""
    article = clean.articles[index]
    return _build((article,), _one_line(article.title), clean.source, options)
