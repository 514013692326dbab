"""Every sentence the core, the session and autosave say to the editor, in Chinese and in English: one catalogue.

An explanation is a :class:`Message`, an id of ``CATALOGUE`` and its arguments, rendered in either
language only when shown (``render(message, "zh")``).  An argument that is a message is rendered in
the same language; a tuple of messages is rendered as clauses, joined the language's way; words a
stage already gives in both languages come in as ``said(zh, en)``.  (The window translates its own
words with Qt and renders these with ``Controller.say``; the CLI renders them in English.)

>>> m = message("suggest.kicker", text="弘扬科学精神", why=said("形如标题", "shaped like a headline"))
>>> render(m, "zh")
'“弘扬科学精神”是引题（标题上方；形如标题）'
>>> render(m, "en")
'“弘扬科学精神” is the kicker above the headline (shaped like a headline)'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from string import Formatter

ZH, EN = "zh", "en"

CATALOGUE: dict[str, tuple[str, str]] = {
    "said": ("{zh}", "{en}"),
    "clauses": ("{clauses}", "{clauses}"),  # a tuple of messages, one clause each
    # what the list of suggestions calls each kind (core.analyse.KIND_LABELS)
    "kind.furniture": ("删除版面杂项", "remove furniture"),
    "kind.duplicate": ("删除重复段", "drop repeat"),
    "kind.headline": ("从此处分篇（标题）", "split article here (headline)"),
    "kind.kicker": ("引题", "kicker"),
    "kind.subtitle": ("副题", "subtitle"),
    "kind.byline": ("署名", "byline"),
    "kind.join": ("接续断段", "join fragments"),
    "kind.order": ("调整阅读顺序", "restore reading order"),
    "kind.punctuation": ("恢复全角标点", "restore full-width punctuation"),
    "kind.spaces": ("删除汉字间空格", "remove spaces between Han characters"),
    # the suggestions of the analysis (core.analyse)
    "suggest.furniture": ("删除{category}“{text}”（{why}）", "remove {category} “{text}” ({why})"),
    "suggest.column-title": ("删除{category}“{text}”（{why}），作为其下文章的栏目",
                             "remove {category} “{text}” ({why}); kept as the section of the articles below"),
    "suggest.headline-goes-on": ("第{line}行是上一行标题的续行（{why}）",
                                 "line {line} goes on with the headline above ({why})"),
    "suggest.headline": ("第{line}行是标题，从此处开始新文章“{text}”（{why}）",
                         "line {line} is a headline: a new article starts here “{text}” ({why})"),
    "suggest.kicker": ("“{text}”是引题（标题上方；{why}）",
                       "“{text}” is the kicker above the headline ({why})"),
    "suggest.subtitle": ("“{text}”是副题（{why}）",
                         "“{text}” is the subtitle under the headline ({why})"),
    "suggest.reporter": ("标题下的记者行作为署名：{text}（{why}）",
                         "reporter line under the headline as byline: {text} ({why})"),
    "suggest.byline": ("署名行：{text}（{why}）", "byline on its own line: {text} ({why})"),
    "suggest.glued-byline": ("把段末括号中的署名分出：{text}",
                             "split off the byline glued to the paragraph: {text}"),
    "suggest.join": ("接续第{line}行与第{next}行（…{tail}|{head}…；{why}）",
                     "join line {line} with line {next} (…{tail}|{head}…; {why})"),
    "suggest.duplicate": ("删除第{line}行：与第{keep}行{match}，{why}",
                          "drop line {line}: {match} repeat of line {keep}; {why}"),
    "suggest.spaces": ("第{line}行删除汉字间的{count}个空格（识别软件插入）",
                       "line {line}: remove {count} space(s) between Han characters (added by the OCR)"),
    "suggest.punctuation": ("第{line}行恢复{count}个全角标点（{marks}）",
                            "line {line}: restore {count} full-width punctuation mark(s) ({marks})"),
    "suggest.marks": ("{explain}：{marks}", "{explain}: {marks}"),  # the window adds the raw marks it changes
    "order.side-by-side": ("按版面把并排的各栏逐栏读出",
                           "columns set side by side are read one after another"),
    "order.moved": ("按文字接续关系重排第{first}–{last}行中的{count}行（分栏交错或续文在前）",
                    "read {count} lines of lines {first}–{last} in the order their text carries on "
                    "(columns interleaved or a continuation printed first)"),
    # the layout a page was read with (core.convention)
    "layout.blank-blocks": ("空行分段", "blocks separated by blank lines"),
    "layout.paragraph-per-line": ("一行一段", "one paragraph per line"),
    "layout.wrapped-indented": ("按版面折行（段首缩进）", "hard-wrapped lines, indented paragraphs"),
    "layout.wrapped-plain": ("按版面折行（无缩进）", "hard-wrapped lines without indentation"),
    "layout.blank-after-line": ("每行后空一行", "a blank line after every printed line"),
    "layout.side-by-side": ("多栏并排", "columns side by side in one row"),
    "layout.forced": ("版式：{layout}（编辑指定）", "layout: {layout} (set by the editor)"),
    "layout.named": ("版式：{layout}", "layout: {layout}"),
    "layout.measured": ("版式：{layout}（共{lines}行，{regular:.0%}行宽为{width:g}字，{blank_after:.0%}行后有空行，"
                        "{indented:.0%}行缩进{han}）",
                        "layout: {layout} ({lines} lines, {regular:.0%} at width {width:g}, {blank_after:.0%} "
                        "followed by a blank line, {indented:.0%} indented{han})"),
    "layout.han-spaces": ("，汉字间有空格", ", spaces between Han characters"),
    # how two copies of a repeat compare (core.repeats.compare)
    "match.exact": ("完全重复", "an exact"),
    "match.near": ("近似重复", "a near"),
    "match.truncated": ("截断的重复", "a truncated"),
    # which copy of a repeat goes, and why (core.repeats)
    "repeat.read-twice": ("紧接着重复了前面的行（重复读取）",
                          "it repeats the lines right before it (read twice)"),
    "repeat.seam": ("重复了上一截图末尾的行（重复读取）",
                   "it repeats the lines at the end of the crop before it (read twice)"),
    "repeat.cut-off": ("它是版面末尾被截断的副本", "it is a copy cut off at the end of the page"),
    "repeat.cut-off-headline": ("它是文章末尾、下一篇标题前被截断的副本",
                                "it is a copy cut off at its article's foot, above the next headline"),
    "repeat.headline-again": ("标题重复印在没有文章开始的地方",
                              "a headline printed again where no article starts"),
    "repeat.headline-astray": ("标题印在没有文章开始的地方", "a headline printed where no article starts"),
    "repeat.same-article": ("它重复了前面同一篇文章的文字", "it repeats text of the article before it"),
    "repeat.outside-flow": ("它位于正文之外，另一份在正文中",
                            "it stands outside the flow of the text, its twin inside"),
    "repeat.ahead-of-headline": ("它被印在所属文章标题之前", "it is printed ahead of its article's headline"),
    "repeat.stray-tail": ("它重复了一段的结尾，而上一行已经结束了句子",
                          "it repeats a paragraph's end where the line above finishes its sentence"),
    "repeat.both-inside": ("两份都在正文中，请人工核对", "both copies sit inside the text; check by hand"),
    # how a page's bytes were read (core.model.Reading)
    "reading.bom": ("{codec}（带 BOM）", "{codec} with BOM"),
    "reading.forced": ("按所选编码 {name} 读取", "read as {name} (chosen by hand)"),
    "reading.unsure": ("按 {name} 读取（推测，把握 {confidence:.0%}）",
                       "read as {name} (a guess, {confidence:.0%} sure)"),
    "reading.unsure-or": ("按 {name} 读取（推测，把握 {confidence:.0%}；也可能是 {other}）",
                          "read as {name} (a guess, {confidence:.0%} sure; could also be {other})"),
    "reading.guessed": ("按 {name} 读取（推测）", "read as {name} (guessed)"),
    "reading.read": ("按 {name} 读取", "read as {name}"),
    "reading.replaced": ("{count} 处无效字节显示为 �", "{count} invalid byte sequence(s) shown as �"),
    "reading.nul-dropped": ("删除了 {count} 个 NUL 字节", "{count} stray NUL byte(s) dropped"),
    # the saved session (kexie_gui.session): what restoring it did
    "session.none": ("此页没有保存的会话。", "No saved session for this page."),
    "session.restored": ("已从 {name} 恢复 {restored} 项决定。", "Restored {restored} decision(s) from {name}."),
    "session.page-changed": ("页面在保存 {name} 之后已改动：{what}。",
                             "The page changed since {name} was saved: {what}."),
    "session.from": ("{name}：{what}。", "{name}: {what}."),
    "session.carried": ("{total} 项决定中恢复了 {restored} 项", "{restored} of {total} decision(s) restored"),
    "session.carried-lost": ("{total} 项决定中恢复了 {restored} 项，{lost} 项无法定位而丢失",
                             "{restored} of {total} decision(s) restored, {lost} could not be placed and are lost"),
    "session.kept-aside": ("{what}。会话文件保持原样；保存时会另存一份 {name}.bak-<时间>",
                           "{what}. The session file is kept as it is; saving keeps a copy of it as {name}.bak-<time>"),
    # a decision lost on the way, and why
    "session.lost": ("{what}已丢失：{why}", "{what} is lost: {why}"),
    "session.lost-at": ("第{line}行：{what}已丢失：{why}", "line {line}: {what} is lost: {why}"),
    "session.role": ("“{t}”的角色“{role}”", "the role “{role}” of “{t}”"),
    "session.edit": ("对“{t}”的修改", "your edit of “{t}”"),
    "session.move": ("移动“{t}”", "moving “{t}”"),
    "session.split": ("对“{t}”的拆分", "the split of “{t}”"),
    "session.join": ("把“{t}”接到前文", "joining “{t}” to the text before it"),
    "session.accepted": ("对“{t}”的{kind}建议的接受", "your choice to accept the {kind} suggestion on “{t}”"),
    "session.rejected": ("对“{t}”的{kind}建议的拒绝", "your choice to reject the {kind} suggestion on “{t}”"),
    "session.not-found": ("该文字已不在页面上", "that text is no longer on the page"),
    "session.no-record": ("会话中没有记录它的文字", "the session holds no record of its text"),
    "session.not-on-page": ("会话所指的位置不在此页上", "the session names a place that is not on this page"),
    "session.no-such": ("此页没有这条建议", "kexie makes no such suggestion on this page"),
    "session.not-made": ("该处已不再有这条建议",
                         "kexie no longer makes that suggestion there, so there is nothing to decide"),
    "session.taken": ("与另一项决定匹配到同一段文字", "it matches the same text as another decision"),
    "session.cut-gone": ("拆分处已不在该段文字中", "the place of the cut is no longer in that text"),
    "session.copies": ("该文字现在在页面上出现 {now} 次（原为 {was} 次），无法判断是哪一处",
                       "the text now occurs {now} times on the page (it occurred {was} time(s)); "
                       "cannot tell which copy is meant"),
    "session.alike": ("页面上有 {count} 处与之同样相似，无法判断是哪一处",
                      "{count} places on the page resemble it equally; cannot tell which is meant"),
    "session.target-gone": ("目标位置的段落已不在（{why}）", "the block it was moved before is gone ({why})"),
    # what restoring did that is worth a look
    "session.split-moved": ("第{line}行：拆分处所在的文字已改动，请核对",
                            "line {line}: a split was placed in text that changed; check it"),
    "session.placed-on-changed": ("第{line}行：有一项决定放在了已改动的文字上，请核对",
                                  "line {line}: a decision was placed on text that changed; check it"),
    "session.left-out": ("{count} 项保存的决定对此页不起作用，已略去",
                         "{count} saved decision(s) that had no effect on the page were left out"),
    "session.kept-inert": ("{count} 项保存的决定对此页不起作用（按原样保留）",
                           "{count} saved decision(s) have no effect on the page (kept as saved)"),
    # autosave
    "autosave.unsaved": ("{page}：{when} 未保存的修改", "{page}: unsaved changes from {when}"),
}
CLAUSES = {ZH: "；", EN: "; "}  # between the clauses of a tuple argument


@dataclass(frozen=True)
class Message:
    """One sentence of the catalogue with its arguments; plain data, rendered when shown."""

    id: str
    args: tuple[tuple[str, object], ...] = ()

    def render(self, language: str) -> str:
        """The sentence in ``language`` (``"zh"``; anything else is English)."""
        zh, en = CATALOGUE[self.id]
        return (zh if language == ZH else en).format(**{k: _arg(v, language) for k, v in self.args})


def message(message_id: str, **args: object) -> Message:
    """Message ``message_id`` with ``args``: a KeyError when the catalogue has no such message, or when
    ``args`` are not the ones its sentences take (so a wrong one fails where it is made, not when shown)."""
    if message_id not in CATALOGUE:
        raise KeyError(f"no message {message_id!r} in the catalogue")
    if set(args) != fields(message_id):
        raise KeyError(f"message {message_id!r} takes {sorted(fields(message_id))}, not {sorted(args)}")
    return Message(message_id, tuple(args.items()))


@cache
def fields(message_id: str) -> frozenset[str]:
    """The arguments message ``message_id`` takes (its Chinese and English sentences take the same)."""
    zh, en = CATALOGUE[message_id]
    return frozenset(name for template in (zh, en) for _, name, _, _ in Formatter().parse(template) if name)


def said(zh: str, en: str) -> Message:
    """Words a stage gave in both languages (the labeller's evidence, the reading order's reason)."""
    return Message("said", (("zh", zh), ("en", en)))


def render(m: Message, language: str) -> str:
    return m.render(language)


def _arg(value: object, language: str) -> object:
    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, tuple) and all(isinstance(v, Message) for v in value):
        return CLAUSES[ZH if language == ZH else EN].join(v.render(language) for v in value)
    return value
