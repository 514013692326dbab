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
    """The last quarter of a set's pages (in name order) is kept out of every fit."""
    return index >= count - max(1, count // 4)


def _key(gold_start) -> tuple:
    art, field = gold_start[0], gold_start[1]
    if field == "paragraph":
        return (art, RANKS["paragraph"] + gold_start[2], gold_start[3])
    return (art, RANKS.get(field, 5), gold_start[2])


def map_label(rec: dict) -> str | None:
    """The labeller's label for a line from the gold aligner's labels (None: a repeat)."""
    labels = [x for x in rec["labels"] if x != "mixed"]
    if not labels:
        return lb.FURNITURE
    first = labels[0]
    if first == "duplicate":
        return None
    if first in ("furniture", "uncovered"):
        return lb.FURNITURE
    if first == "title":
        start = rec.get("gold_start")
        return lb.TITLE if not start or start[-1] <= 0 else lb.TITLE_MORE
    if first == "kicker":
        return lb.KICKER
    if first == "subtitle":
        return lb.SUBTITLE
    if first == "byline-top":
        return lb.REPORTER
    if first == "byline-trailing":
        return lb.BYLINE
    if first in ("paragraph-start", "paragraph-whole", "subhead"):
        return lb.PARAGRAPH
    if first in ("paragraph-continuation", "paragraph-end"):
        return lb.CONTINUED
    return lb.PARAGRAPH


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

    def reading_order(self) -> list[int]:
        """Indexes of the units in gold reading order, repeats left out."""
        keep = [i for i, lab in enumerate(self.label) if lab is not None]
        return sorted(keep, key=lambda i: self.key[i])


def load(label_files: list[str], corpus: Path) -> list[PageData]:
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
            path = corpus / s / f"{name}.txt"
            page = load_page(path)
            units = split_units(page.text)
            recs = records[(s, name)]
            label, mixed = [], []
            for u in units:
                rec = recs.get(u.number)
                label.append(map_label(rec) if rec else lb.FURNITURE)
                mixed.append(bool(rec and "mixed" in rec["labels"]))
            key: list[tuple] = []
            last = (-1, 0, 0)
            for i, u in enumerate(units):
                rec = recs.get(u.number)
                if rec and rec.get("gold_start") and label[i] is not None:
                    last = _key(rec["gold_start"])
                    key.append(last + (i,))
                else:
                    key.append(last + (i,))
            index_of_line = {u.number: i for i, u in enumerate(units)}
            successor = []
            for u in units:
                rec = recs.get(u.number)
                nxt = rec.get("next_line") if rec else None
                successor.append(index_of_line.get(nxt) if nxt else None)
            out.append(PageData(s, name, held_out(s, name, n, len(names)), units, label, key, successor, mixed))
    return out
