"""Training and checking data for the fitted tables: corpus pages with the gold part of each line.

Reads the JSONL that ``python -m tools.goldlabels DIR --out FILE`` writes (one
record per raw line: its labels, its place in gold reading order, the line
that follows it in reading order) and the corpus pages themselves, and gives
per page:

- ``units``: the page's printed lines as the program splits them;
- ``label``: each line's part, in the line labeller's alphabet (``core.labels``),
  or None for a repeated line (which the labeller never sees);
- ``key``: each line's place in gold reading order (furniture and repeats sit
  where they are printed);
- ``successor``: for each line, the index of the line that carries it on, or None.

Pages are split into a fitting part and a held-out part by a fixed rule per
set (the last quarter of each set's pages is held out), so no figure quoted as
held-out ever saw its pages.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kexie_gui.core import labels as lb  # noqa: E402
from kexie_gui.core.lines import Unit, split_units  # noqa: E402
from kexie_gui.core.load import load_page  # noqa: E402

RANKS = {"kicker": 0, "title": 1, "subtitle": 2, "byline-top": 3, "paragraph": 10, "byline-trailing": 10 ** 6}


def held_out(set_name: str, page: str, index: int, count: int) -> bool:
    """The last quarter of a set's pages (in name order) is kept out of every fit.

    Re-laid pages (sets named ``r_…``, made by ``tools.relayout`` from the fitting part of ``dev``) are
    fitting data only.
    """
    if set_name.startswith("r_"):
        return False
    return index >= count - max(1, count // 4)


def _key(place: dict, offset: int = 0) -> tuple:
    field = place["field"]
    art = place.get("article", -1)
    if field == "paragraph":
        return (art, RANKS["paragraph"] + place["paragraph"], place["start"] + offset)
    return (art, RANKS.get(field, 5), place["start"] + offset)


def _label_of(place: dict | None, offset: int) -> str | None:
    """The labeller's label for a line whose first character sits at ``offset`` of ``place``."""
    if place is None:
        return lb.FURNITURE  # bullets, bracket marks: nothing the gold keeps
    field = place["field"]
    at = place["start"] + offset
    if field == "duplicate":
        return None
    if field == "furniture":
        return lb.FURNITURE
    if field == "title":
        return lb.TITLE if at == 0 else lb.TITLE_MORE
    if field == "kicker":
        return lb.KICKER
    if field == "subtitle":
        return lb.SUBTITLE
    if field == "byline-top":
        return lb.REPORTER
    if field == "byline-trailing":
        return lb.BYLINE if at == 0 else lb.CONTINUED
    return lb.PARAGRAPH if at == 0 else lb.CONTINUED


def _gold_text(gold: dict, place: dict) -> str:
    field = place["field"]
    if field in ("duplicate", "furniture"):
        key = "duplicates" if field == "duplicate" else "furniture"
        text = gold["removed"][key][place["entry"]]
    else:
        art = gold["articles"][place["article"]]
        if field == "paragraph":
            text = art["paragraphs"][place["paragraph"]]
        elif field in ("kicker", "subtitle"):
            text = art.get("subtitle") or ""
        elif field.startswith("byline"):
            text = art.get("byline") or ""
        else:
            text = art.get("title") or ""
    return "".join(text.split())


def char_places(line: str, places: list[dict], gold: dict) -> list[tuple[dict, int] | None]:
    """For each character of a raw line: (its gold place, its offset in that place), or None."""
    out: list[tuple[dict, int] | None] = [None] * len(line)
    pos = 0
    for place in places:
        piece = _gold_text(gold, place)[place["start"]:place["end"]]
        k = 0
        while k < len(piece) and pos < len(line):
            ch = line[pos]
            if ch.isspace():
                pos += 1
                continue
            if ch == piece[k]:
                out[pos] = (place, k)
                k += 1
            pos += 1
    return out


@dataclass
class PageData:
    set: str
    name: str
    held_out: bool
    units: list[Unit]
    label: list[str | None]
    key: list[tuple]
    successor: list[int | None]
    mixed: list[bool]
    height: float = 0.0  # the printed page's height, for pages read with their geometry

    def reading_order(self) -> list[int]:
        """Indexes of the units in gold reading order, repeats left out."""
        keep = [i for i, lab in enumerate(self.label) if lab is not None]
        return sorted(keep, key=lambda i: self.key[i])


def load(label_files: list[str], corpus: Path | list[Path]) -> list[PageData]:
    records: dict[tuple[str, str], dict[int, dict]] = defaultdict(dict)
    for f in label_files:
        for line in open(f, encoding="utf-8"):
            r = json.loads(line)
            records[(r["set"], r["page"])][r["line"]] = r
    by_set: dict[str, list[str]] = defaultdict(list)
    for s, p in records:
        by_set[s].append(p)
    out = []
    for s, names in sorted(by_set.items()):
        names.sort()
        for n, name in enumerate(names):
            out.append(_page(s, name, n, len(names), records[(s, name)], corpus))
    return out


def _page(s: str, name: str, n: int, count: int, recs: dict[int, dict], corpus) -> PageData:
    roots = corpus if isinstance(corpus, (list, tuple)) else [corpus]
    folder = next((Path(r) / s for r in roots if (Path(r) / s / f"{name}.txt").exists()), Path(roots[0]) / s)
    path = folder / f"{name}.txt"
    printed = next((folder / f"{name}{ext}" for ext in (".pdf", ".png") if (folder / f"{name}{ext}").exists()), None)
    if printed is not None:  # a page read from its PDF or image: the same text, with where every line was printed
        from kexie_gui.core.pages import load_pages

        page = load_pages(printed)[0]
    else:
        page = load_page(path)
    gold = json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8"))
    boxes = {b.line: b for b in page.geometry.lines} if page.geometry else None
    units = split_units(page.text, boxes)
    raw_lines = page.text.split("\n")
    line_start = {}
    pos = 0
    for k, raw in enumerate(raw_lines, 1):
        line_start[k] = pos
        pos += len(raw) + 1
    per_line: dict[int, list] = {}
    label, key, mixed = [], [], []
    last = (-1, 0, 0)
    for i, u in enumerate(units):
        rec = recs.get(u.number)
        if u.number not in per_line:
            per_line[u.number] = char_places(raw_lines[u.number - 1], rec["places"], gold) if rec else []
        chars = per_line[u.number]
        offset = u.start - line_start[u.number]
        first = next((chars[k] for k in range(offset, min(len(chars), offset + len(u.text))) if chars[k]), None)
        lab = _label_of(first[0], first[1]) if first else lb.FURNITURE
        label.append(lab)
        mixed.append(bool(rec and "mixed" in rec["labels"]))
        if first and lab not in (None, lb.FURNITURE):
            last = _key(first[0], first[1])
        key.append(last + (i,))
    height = page.geometry.height if page.geometry else 0.0
    return PageData(s, name, held_out(s, name, n, count), units, label, key, [None] * len(units), mixed, height)
