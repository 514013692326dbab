"""Fit the line labeller (``kexie_gui/core/data/lines.json``): a linear-chain CRF over printed lines.

Why a CRF: each line's part depends on its neighbours' parts (a kicker only
stands above a headline, a wrapped line only goes on from a paragraph line), so
the labels are chosen for the whole page at once; python-crfsuite fits it
quickly and its weights are a plain table the program adds up itself.

Data: the corpus pages with their gold, labelled per line by
``python -m tools.goldlabels`` (see ``dataset.py``), read in gold reading
order with repeats left out, plus any re-laid pages given with ``--extra``
(``python -m tools.relayout compose`` output with its own labels).  The last
quarter of every set is held out and only scored.

    python -m pip install python-crfsuite==0.9.12
    python -m tools.goldlabels ../shared/corpus/{seed,dev,varied,ocr,pdf} --out /tmp/labels.jsonl
    python tools/fit/fit_lines.py --labels /tmp/labels.jsonl --corpus ../shared/corpus
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dataset import ROOT, PageData, load

from kexie_gui.core import labels as lb
from kexie_gui.core.convention import convention_of
from kexie_gui.core.crf import Model, decode
from kexie_gui.core.features import line_features, shapes_of

OUT = ROOT / "kexie_gui" / "core" / "data" / "lines.json"
BODY_OUT = ROOT / "kexie_gui" / "core" / "data" / "body.json"
MIN_WEIGHT = 1e-3  # smaller weights are dropped from the shipped table


def sequences(page: PageData, body: bool = False) -> tuple[list[list[str]], list[str]]:
    """Features and labels of the page's lines in gold reading order; ``body``: furniture left out
    (what the second pass of the labeller reads)."""
    order = page.reading_order()
    if page.set.startswith("r_") and page.name.endswith(("1", "3", "5", "7", "9")):
        # half the re-laid pages lose the furniture at their top and bottom: pages cut from a larger
        # scan often start right at a kicker or a headline
        while order and page.label[order[0]] == lb.FURNITURE:
            order = order[1:]
        while order and page.label[order[-1]] == lb.FURNITURE:
            order = order[:-1]
    if body:
        order = [i for i in order if page.label[i] != lb.FURNITURE]
    units = [page.units[i] for i in order]
    conv = convention_of(page.units)
    shapes = shapes_of(page.units, conv)
    feats = line_features(units, conv, page.height, shapes=[shapes[i] for i in order])
    return feats, [page.label[i] for i in order]


def train(pages: list[PageData], c1: float, c2: float, iterations: int, weights: dict[str, float],
          body: bool = False) -> dict:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for p in pages:
        x, y = sequences(p, body)
        copies = weights.get(p.set, 1.0)
        for _ in range(max(1, round(copies))):
            trainer.append(x, y)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "m.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
    state: dict[str, dict[str, float]] = defaultdict(dict)
    for (attr, label), w in info.state_features.items():
        if abs(w) >= MIN_WEIGHT:
            state[attr][label] = round(w, 4)
    trans = {f"{a} {b}": round(w, 4) for (a, b), w in info.transitions.items()}
    labels = [x for x in lb.LABELS if not (body and x == lb.FURNITURE)]
    return {"labels": labels, "state": dict(state), "trans": trans}


def evaluate(model: Model, pages: list[PageData], body: bool = False) -> dict:
    """Per set: line accuracy, and per label precision/recall of the labels that matter most."""
    out = {}
    by_set: dict[str, list[PageData]] = defaultdict(list)
    for p in pages:
        by_set[p.set].append(p)
    for s, ps in sorted(by_set.items()):
        right = total = 0
        conf: Counter = Counter()
        for p in ps:
            x, y = sequences(p, body)
            pred, _ = decode(model, x)
            for a, b in zip(y, pred, strict=True):
                total += 1
                right += a == b
                conf[(a, b)] += 1
        per = {}
        for lab in lb.LABELS:
            tp = conf[(lab, lab)]
            fp = sum(v for (a, b), v in conf.items() if b == lab and a != lab)
            fn = sum(v for (a, b), v in conf.items() if a == lab and b != lab)
            if tp + fn:
                per[lab] = (round(tp / (tp + fp), 3) if tp + fp else 0.0, round(tp / (tp + fn), 3))
        out[s] = {"pages": len(ps), "accuracy": round(right / max(1, total), 4), "precision_recall": per,
                  "confusions": [f"{a}->{b}:{v}" for (a, b), v in conf.most_common() if a != b][:8]}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", nargs="+", required=True, help="goldlabels JSONL files")
    ap.add_argument("--corpus", type=Path, nargs="+", required=True, help="the corpus folder holding the sets")
    ap.add_argument("--c1", type=float, default=0.1, help="L1 penalty (crfsuite)")
    ap.add_argument("--c2", type=float, default=1.0, help="L2 penalty (crfsuite)")
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--all", action="store_true", help="fit on every page (the held-out figures are then not held out)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    pages = load(args.labels, args.corpus)
    random.Random(0).shuffle(pages)
    fit = [p for p in pages if args.all or not p.held_out]
    test = [p for p in pages if p.held_out]
    # each set counts about equally, whatever its number of lines
    lines = Counter()
    for p in fit:
        lines[p.set] += len(p.units)
    top = max(lines.values())
    weights = {s: (1.0 if s.startswith("r_") else min(4.0, top / n)) for s, n in lines.items()}
    for body, out in ((False, args.out), (True, args.out.with_name(BODY_OUT.name))):
        data = train(fit, args.c1, args.c2, args.iterations, weights, body)
        model = Model.from_dict(data)
        report = {"fit": evaluate(model, fit, body), "held_out": evaluate(model, test, body)}
        data["meta"] = {"fitted_on": sorted({f"{p.set}/{p.name}" for p in fit}),
                        "held_out": sorted({f"{p.set}/{p.name}" for p in test}),
                        "c1": args.c1, "c2": args.c2, "iterations": args.iterations, "set_weights": weights,
                        "without_furniture": body, "report": report}
        out.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
        for part, rep in report.items():
            for s, r in rep.items():
                print(f"{out.stem:5} {part:9} {s:14} pages={r['pages']:3} acc={r['accuracy']:.4f} "
                      f"{r['confusions'][:5]}")
        print(f"-> {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
