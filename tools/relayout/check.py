"""Check a composed page against its gold, without trusting the composer.

Hard rules (a failure is a bug in the composer):

- the bytes decode back to the text (encoding, BOM, line ends);
- gold format: every article has a title and non-empty paragraphs; no
  paragraph ends in a clause mark;
- every gold string is made of raw characters: the raw non-space characters
  minus all gold characters leave nothing negative, and what is left is only
  byline parentheses and title bullets;
- in layouts that keep reading order, every gold string is a subsequence of
  the raw text, every furniture entry is a whole raw line, and every
  duplicate entry a subsequence of the raw text;
- the gold aligner (``tools.goldlabels``) places every gold character and
  explains every raw character.

Also reported, not failed: characters the aligner places elsewhere than the
composer printed them (two equal readings; see ``Check.disagreements``).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tools.goldlabels import align
from tools.goldlabels.aligner import BULLETS, CLOSE_MARKS, OPEN_MARKS
from tools.goldlabels.pages import decode

from .compose import Composed

CLAUSE_END = set("，,、；;：:")


@dataclass
class Check:
    name: str
    problems: list[str] = field(default_factory=list)
    disagreements: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _ns(s: str) -> str:
    return "".join(s.split())


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(ch in it for ch in needle)


def gold_strings(gold: dict) -> list[tuple[str, str]]:
    out = []
    for a, art in enumerate(gold.get("articles") or []):
        out.append((f"article {a} title", art.get("title") or ""))
        if art.get("subtitle"):
            out.append((f"article {a} subtitle", art["subtitle"]))
        for j, p in enumerate(art.get("paragraphs") or []):
            out.append((f"article {a} paragraph {j}", p or ""))
        if art.get("byline"):
            out.append((f"article {a} byline", art["byline"]))
    removed = gold.get("removed") or {}
    out += [(f"duplicate {k}", d) for k, d in enumerate(removed.get("duplicates") or [])]
    out += [(f"furniture {k}", f) for k, f in enumerate(removed.get("furniture") or [])]
    return out


def check(page: Composed, in_order: bool | None = None) -> Check:
    result = Check(page.name, list(page.problems))
    problems = result.problems
    conv = page.convention
    if in_order is None:
        in_order = page.in_order
    try:
        text, _ = decode(page.data)
    except UnicodeDecodeError as exc:
        problems.append(f"the bytes do not decode: {exc}")
        return result
    if text != page.text:
        problems.append("the bytes do not decode back to the composed text")
    gold = page.gold
    for a, art in enumerate(gold.get("articles") or []):
        if not _ns(art.get("title") or ""):
            problems.append(f"article {a} has no title")
        paras = art.get("paragraphs") or []
        if not paras or any(not _ns(p) for p in paras):
            problems.append(f"article {a} has an empty or missing paragraph")
        for j, p in enumerate(paras):
            if _ns(p) and _ns(p)[-1] in CLAUSE_END:
                problems.append(f"article {a} paragraph {j} ends in a clause mark")
    raw = _ns(text)
    strings = gold_strings(gold)
    left = Counter(raw)
    left.subtract(Counter(ch for _, s in strings for ch in _ns(s)))
    excess = "".join(ch * -n for ch, n in left.items() if n < 0)
    if excess:
        problems.append(f"gold holds characters raw lacks: {excess[:40]!r}")
    extra = "".join(ch * n for ch, n in left.items() if n > 0 and ch not in OPEN_MARKS | CLOSE_MARKS | BULLETS)
    if extra:
        problems.append(f"raw characters outside the gold: {extra[:40]!r}")
    if in_order:
        for what, s in strings:
            if not _subsequence(_ns(s), raw):
                problems.append(f"{what} is not made of raw characters in order")
    if conv is None or conv.layout != "side-by-side":
        lines = {line.strip() for line in text.split("\n")}
        for what, s in strings:
            if what.startswith("furniture") and s.strip() not in lines:
                problems.append(f"{what} is not a whole raw line: {s[:30]!r}")
    al = align(text, gold)
    if al.unplaced:
        problems.append(f"aligner: {len(al.unplaced)} gold character(s) have no raw character")
    if al.uncovered:
        problems.append(f"aligner: {len(al.uncovered)} raw character(s) outside the gold")
    result.disagreements = _disagreements(page, al)
    return result


def _disagreements(page: Composed, al) -> int:
    """Characters the aligner places in another gold string or offset than the composer printed."""
    slot_of_item = {}
    for n, it in enumerate(al.items):
        if it.kind in ("duplicate", "furniture"):
            slot_of_item[n] = page.entries.get((it.kind, it.index))
        elif it.kind == "paragraph":
            slot_of_item[n] = ("paragraph", it.article, it.index)
        else:
            slot_of_item[n] = (it.kind, it.article)
    count = 0
    for r, p in enumerate(al.place):
        want = page.provenance.get(al.raw_offsets[r])
        got = (slot_of_item.get(p[0]), p[1]) if p is not None else None
        if want != got and not (want is None and r in al.marks):
            count += 1
    return count
