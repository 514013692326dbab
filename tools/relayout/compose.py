"""Compose one page in one convention: raw text, raw bytes and gold, from a seed.

Deterministic: the damage drawn for a page depends only on (seed, page, rate),
so every convention of one seed shows the same damaged page; the layout's
own choices (blank-line runs, column height, lines read twice) depend on the
convention too.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from tools.goldlabels.pages import Page

from .conventions import Convention, parse
from .damage import apply_damage
from .layout import LayoutLog, PLine, columns, interleave, lay_out, reread_lines, side_by_side
from .units import SourcePage, source_units


@dataclass
class Composed:
    name: str                  # NAME (the page is NAME.txt, its gold NAME.gold.json)
    text: str                  # raw text with ``\n`` line ends
    data: bytes                # what goes to NAME.txt (line ends and encoding of the convention)
    gold: dict
    provenance: dict[int, tuple] = field(default_factory=dict)  # text offset → (slot, offset in gold string)
    entries: dict[tuple, tuple] = field(default_factory=dict)    # ("duplicate"|"furniture", i) → slot
    problems: list[str] = field(default_factory=list)
    convention: Convention | None = None
    in_order: bool = True      # raw prints every gold string in reading order (else it is made of raw runs)


def compose(source: SourcePage | Page, convention: str | Convention, seed: int = 0,
            damage: float = 0.0) -> Composed:
    """Re-lay a gold page (see the package docstring)."""
    if isinstance(source, Page):
        source = source_units(source)
    conv = parse(convention) if isinstance(convention, str) else convention
    damage_rng = random.Random(f"damage|{seed}|{source.name}|{damage}")
    layout_rng = random.Random(f"layout|{seed}|{source.name}|{damage}|{conv.name}")
    units, dlog = apply_damage(source.units, damage, damage_rng)
    llog = LayoutLog()
    lines = lay_out(units, conv, layout_rng, llog)
    counter = iter(range(10 ** 6))

    def next_key():
        return f"reread-{next(counter)}"

    if conv.printed_lines:
        height = layout_rng.randint(18, 32)
        cols = columns(lines, height)
        reread_lines(cols, damage, layout_rng, llog, next_key)
        _stamp_reading_order(line for col in cols for line in col)
        if conv.layout in ("interleave", "side-by-side"):
            gutter = layout_rng.randint(2, 5)
            lines = []
            for i in range(0, len(cols), 2):
                left, right = cols[i], cols[i + 1] if i + 1 < len(cols) else []
                lines += interleave(left, right) if conv.layout == "interleave" else side_by_side(left, right, gutter)
        else:
            lines = [line for col in cols for line in col]
        if conv.layout == "pdfminer":
            spaced: list[PLine] = []
            for line in lines:
                spaced += [line, PLine()]
            lines = spaced
    text, gold, provenance, entries, problems = _assemble(lines, source, conv, seed, damage, dlog, llog)
    data = text.replace("\n", conv.newline).encode(conv.encoding)
    name = f"{source.name}.s{seed}"
    gold["source"] = name + ".txt"
    in_order = conv.layout not in ("interleave", "side-by-side") and _units_in_order(units)
    return Composed(name, text, data, gold, provenance, entries, source.problems + problems, conv, in_order)


def _stamp_reading_order(lines) -> None:
    """Number the spans in column order before two columns are interleaved or set side by side."""
    k = 0
    for line in lines:
        for span in line.spans:
            span.seq = k
            k += 1


def _units_in_order(units) -> bool:
    """Every article string's pieces come in reading order (false for out-of-order source pages)."""
    last: dict[tuple, int] = {}
    for u in units:
        if u.slot[0] in ("title", "subtitle", "paragraph", "byline"):
            if u.start < last.get(u.slot, -1):
                return False
            last[u.slot] = u.start
    return True


def _assemble(lines: list[PLine], source: SourcePage, conv: Convention, seed: int, damage: float,
              dlog, llog) -> tuple[str, dict, dict, dict, list[str]]:
    """Raw text from the printed lines, and the gold read off their spans."""
    parts, pos = [], 0
    spans_at: list[tuple[int, object]] = []   # (text offset, span) of every span with a slot
    for k, line in enumerate(lines):
        if k:
            parts.append("\n")
            pos += 1
        if line.indent:
            parts.append(line.indent)
            pos += len(line.indent)
        for s in line.spans:
            if s.slot is not None:
                spans_at.append((pos, s))
            parts.append(s.text)
            pos += len(s.text)
    text = "".join(parts).rstrip() + "\n"
    by_slot: dict[tuple, list[tuple[tuple, int, str]]] = {}
    for raw_at, s in spans_at:
        # article strings by where each piece sits in the source string; repeated blocks and
        # furniture lines in the order they were printed (column by column), else raw order
        order = s.order if s.slot[0] in ("title", "subtitle", "paragraph", "byline") else (s.seq, raw_at)
        by_slot.setdefault(s.slot, []).append((order, raw_at, s.text))
    strings: dict[tuple, str] = {}
    provenance: dict[int, tuple] = {}
    for slot, pieces in by_slot.items():
        pieces.sort()
        out, at = [], 0
        for _, raw_at, piece in pieces:
            for i, ch in enumerate(piece):
                if not ch.isspace():
                    provenance[raw_at + i] = (slot, at + i)
            out.append(piece)
            at += len(piece)
        strings[slot] = "".join(out)
    problems = []
    src = source.gold
    articles = []
    for a, art in enumerate(src.get("articles") or []):
        new = {"title": strings.get(("title", a), "")}
        if "subtitle" in art or ("subtitle", a) in strings:
            new["subtitle"] = strings.get(("subtitle", a)) if art.get("subtitle") else None
        new["paragraphs"] = [strings.get(("paragraph", a, j), "") for j in range(len(art.get("paragraphs") or []))]
        new["byline"] = strings.get(("byline", a)) if art.get("byline") else None
        for key in ("title", "subtitle", "byline"):
            if art.get(key) and not new.get(key):
                problems.append(f"article {a}: the {key} was not printed")
        if any(not p for p in new["paragraphs"]):
            problems.append(f"article {a}: a paragraph was not printed")
        articles.append(new)
    first_at = {slot: min(raw_at for _, raw_at, _ in pieces) for slot, pieces in by_slot.items()}
    dups = sorted((s for s in by_slot if s[0] == "duplicate"), key=first_at.get)
    furn = sorted((s for s in by_slot if s[0] == "furniture"), key=first_at.get)
    entry_slots = {("duplicate", i): s for i, s in enumerate(dups)}
    entry_slots.update({("furniture", i): s for i, s in enumerate(furn)})
    tags = src.get("notes", "").split(".")[0].replace("damage:", "").strip()
    added = dlog.as_dict()
    gold = {
        "source": "",
        "notes": (f"damage: relayout, {conv.name}{', ' + tags if tags else ''}. Re-laid by tools/relayout from "
                  f"{source.name} (seed {seed}, damage rate {damage:g}): added {added['column_breaks']} column "
                  f"break(s), {added['captions']} caption(s), repeats {added['repeats']}, "
                  f"{llog.reread} run(s) of lines read twice; {llog.squeezed} squeezed line(s), "
                  f"{llog.ambiguous_ends} paragraph end(s) on an exactly full line."),
        "articles": articles,
        "removed": {"duplicates": [strings[s] for s in dups], "furniture": [strings[s].strip() for s in furn]},
        "relayout": {"convention": conv.name, "seed": seed, "damage": damage, "from": source.name,
                     "added": added, **llog.as_dict()},
    }
    return text, gold, provenance, entry_slots, problems
