"""Fit the reading-order link scorer (``kexie_gui/core/data/order.json``): logistic regression on line pairs.

For every line and every candidate successor the scorer looks at (``core.order``),
the example is positive when the candidate is the line that truly follows in
gold reading order.  scikit-learn fits an L2-regularised logistic regression
over the named pair features; the weights are stored as a table the program
adds up itself.  The held-out quarter of every set is only scored: how often the
best-scored candidate is the true successor, and how often the linker's
chains put every line after its true predecessor.

    python -m pip install scikit-learn
    python tools/fit/fit_order.py --labels /tmp/labels.jsonl --corpus ../shared/corpus
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import ROOT, PageData, load

from kexie_gui.core import order as od
from kexie_gui.core.convention import convention_of
from kexie_gui.core.features import local_widths

OUT = ROOT / "kexie_gui" / "core" / "data" / "order.json"


def page_context(page: PageData, period: od.PeriodModel | None = None,
                 model: od.OrderModel | None = None) -> tuple[od.Context, list[int], list[int | None]]:
    """The scorer's context over the page's lines without repeats, and each line's true successor."""
    keep = [i for i, lab in enumerate(page.label) if lab is not None]
    units = [page.units[i] for i in keep]
    conv = convention_of(page.units)
    all_shapes = od.shapes_for(page.units, conv)
    shapes = [all_shapes[i] for i in keep]
    fallback = local_widths(units, conv.stats.width if conv.stats else 0.0)
    from kexie_gui.core import labels as lb

    look = lb.first_look(page.units, conv, page.height, all_shapes)
    columns = [s.column or c for s, c in zip(shapes, fallback, strict=True)]
    ctx = od.Context(units, shapes, columns, conv.wrapped, period, [look[i].label for i in keep], model)
    pos = {i: k for k, i in enumerate(keep)}
    gold = [i for i in page.reading_order()]
    true_next: list[int | None] = [None] * len(units)
    for a, b in pairwise(gold):
        true_next[pos[a]] = pos[b]
    return ctx, keep, true_next


def examples(page: PageData, period: od.PeriodModel | None, model: od.OrderModel | None = None):
    ctx, _, true_next = page_context(page, period, model)
    for a in range(len(ctx.units)):
        if true_next[a] is None:
            continue
        for b in od._candidates(ctx, a):
            yield ctx.features(a, b), int(b == true_next[a])


def fit_period(pages: list[PageData]) -> od.PeriodModel:
    """The interleaving model's numbers, counted on the pages: how often a junction shows words carried
    on for true successors and for other lines up to four lines on, how often the distance to the true
    successor changes from one line that stops mid-sentence to the next, how often a page starts off
    interleaved."""
    hit = {True: [0, 0], False: [0, 0]}
    switches = steps = starts = first = 0
    for p in pages:
        ctx, _, true_next = page_context(p, od.PeriodModel(switch=0.5, start_other=0.5))
        last = None
        for a in range(len(ctx.units)):
            if true_next[a] is None or ctx.shapes[a].end not in ("none", "clause"):
                continue
            for k in od.PERIODS:
                if a + k < len(ctx.units):
                    t = a + k == true_next[a]
                    hit[t][0] += ctx.carries_on(a, a + k)
                    hit[t][1] += 1
            d = true_next[a] - a
            d = d if d in od.PERIODS else 1
            if last is None:
                first += 1
                starts += d != 1
            else:
                steps += 1
                switches += d != last
            last = d
    ratio = lambda h: (h[0] + 1) / (h[1] + 2)  # noqa: E731
    return od.PeriodModel(hit_true=round(ratio(hit[True]), 4), hit_false=round(ratio(hit[False]), 4),
                          switch=round((switches + 1) / (steps + 2), 4),
                          start_other=round((starts + 1) / (first + 2), 4))


def fit(pages: list[PageData], period: od.PeriodModel | None, c: float,
        scorer: od.OrderModel | None = None) -> od.OrderModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    xs, ys = [], []
    for p in pages:
        for f, y in examples(p, period, scorer):
            xs.append({n: 1.0 for n in f})
            ys.append(y)
    vec = DictVectorizer()
    X = vec.fit_transform(xs)
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(X, ys)
    weights = {name: round(float(w), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True)
               if abs(w) >= 1e-3}
    return od.OrderModel(round(float(clf.intercept_[0]), 4), weights, period)


SHARPNESS = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)


def fit_sharpness(pages: list[PageData], scorer: od.OrderModel, period: od.PeriodModel) -> od.PeriodModel:
    """The weight of the pair scorer's log-odds in the interleaving model's votes: the one of ``SHARPNESS``
    under which ``scorer`` links most lines to their true successors on the fitting pages."""
    best, best_right = period, -1
    for sharp in SHARPNESS:
        candidate = dataclasses.replace(period, sharpness=sharp)
        trial = od.OrderModel(scorer.bias, scorer.weights, candidate)
        right = 0
        for p in pages:
            ctx, _, true_next = page_context(p, candidate, trial)
            succ, _ = od.link(ctx, trial)
            right += sum(1 for a, t in enumerate(true_next) if t is not None and succ[a] == t)
        print(f"sharpness {sharp}: {right} links right", flush=True)
        if right > best_right:
            best, best_right = candidate, right
    return best


def evaluate(model: od.OrderModel, pages: list[PageData]) -> dict:
    out = {}
    by_set = defaultdict(list)
    for p in pages:
        by_set[p.set].append(p)
    for s, ps in sorted(by_set.items()):
        right = total = 0
        chain_right = 0
        for p in ps:
            ctx, _, true_next = page_context(p, model.period, model)
            succ, _ = od.link(ctx, model)
            order = [i for ch in od.chains(succ) for i in ch]
            after = {b: a for a, b in pairwise(order)}
            for a in range(len(ctx.units)):
                if true_next[a] is None:
                    continue
                total += 1
                right += succ[a] == true_next[a]
                chain_right += after.get(true_next[a]) == a
        out[s] = {"pages": len(ps), "links": total, "link_accuracy": round(right / max(1, total), 4),
                  "order_accuracy": round(chain_right / max(1, total), 4)}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", nargs="+", required=True)
    ap.add_argument("--corpus", type=Path, nargs="+", required=True)
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    pages = load(args.labels, args.corpus)
    fit_pages = [p for p in pages if not p.held_out]
    test = [p for p in pages if p.held_out]
    period = fit_period(fit_pages)
    first = fit(fit_pages, period, args.c)  # periods from junction votes
    period = fit_sharpness(fit_pages, first, period)
    model = fit(fit_pages, period, args.c, first)  # periods from the first scorer's votes, as at run time
    model = od.OrderModel(model.bias, model.weights, period)
    report = {"fit": evaluate(model, fit_pages), "held_out": evaluate(model, test)}
    data = {"bias": model.bias, "weights": dict(sorted(model.weights.items())), "period": dataclasses.asdict(period),
            "meta": {"c": args.c, "fitted_on": sorted(f"{p.set}/{p.name}" for p in fit_pages),
                     "held_out": sorted(f"{p.set}/{p.name}" for p in test), "report": report}}
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    for part, rep in report.items():
        for s, r in rep.items():
            print(f"{part:9} {s:7} pages={r['pages']:3} links={r['links']:5} best={r['link_accuracy']:.4f} "
                  f"order={r['order_accuracy']:.4f}")
    print(f"-> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
