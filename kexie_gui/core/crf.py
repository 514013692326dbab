"""A linear-chain CRF over lines, decoded in pure Python.

The weights are fitted offline (``tools/fit/fit_lines.py``, python-crfsuite)
and stored as a plain JSON table in ``kexie_gui/core/data/``; the program
itself only adds up weights, so it needs no numerical library at run time.

A model maps each feature name to a weight per label, and each pair of
labels to a transition weight.  ``decode`` returns the best label sequence and
each chosen label's probability (from forward–backward), which becomes the
confidence of the suggestion made from it; ``evidence`` names the features
that weighed most for a label, for the explanation.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import add, mul

PREFIX = 12  # features whose sum a line shares with others (see ``Model.scores``) …
MAX_PREFIXES = 100_000  # … kept for this many prefixes at most (a few thousand on a page)
MAX_SCORED = 8_000  # whole feature lists whose scores are kept (the readings of a window of lines)


@dataclass(frozen=True)
class Model:
    labels: tuple[str, ...]
    state: dict  # feature name -> tuple of (label index, weight)
    trans: tuple[tuple[float, ...], ...]  # [from][to]
    meta: dict

    @classmethod
    def from_dict(cls, data: dict) -> Model:
        labels = tuple(data["labels"])
        index = {lab: k for k, lab in enumerate(labels)}
        state = {attr: tuple((index[lab], float(w)) for lab, w in by_label.items() if lab in index)
                 for attr, by_label in data["state"].items()}
        trans = [[0.0] * len(labels) for _ in labels]
        for key, w in data["trans"].items():
            a, b = key.split(" ")
            if a in index and b in index:
                trans[index[a]][index[b]] = float(w)
        return cls(labels, state, tuple(tuple(r) for r in trans), data.get("meta", {}))

    def scores(self, features: list[str]) -> list[float]:
        """The state score of each label for one line.

        Lines share the first features (the line's own shape, ``b``, ``conv=…``, ``wa=…``): the sums of
        those are kept and carried on (the same additions in the same order, so the same scores)."""
        if len(features) <= PREFIX:
            return self._added([0.0] * len(self.labels), features)
        prefixes = self.__dict__.get("_prefixes")
        if prefixes is None or len(prefixes) > MAX_PREFIXES:
            prefixes = {}
            object.__setattr__(self, "_prefixes", prefixes)
        key = tuple(features[:PREFIX])
        base = prefixes.get(key)
        if base is None:
            base = prefixes[key] = self._added([0.0] * len(self.labels), key)
        return self._added(list(base), features[PREFIX:])

    def _added(self, out: list[float], features) -> list[float]:
        """``out`` with each feature's weights added, feature by feature."""
        get = self.state.get
        for name in features:
            for k, w in get(name, ()):
                out[k] += w
        return out

    def evidence(self, features: list[str], label: str, n: int = 3) -> list[tuple[str, float]]:
        """The features that weighed most for ``label`` against the runner-up labels."""
        margins = self._margins().get(label, {})
        weights = [(name, margins[name]) for name in features if name in margins]
        weights.sort(key=lambda t: -t[1])
        return weights[:n]

    def _margins(self) -> dict:
        """Per label, each feature's weight for it over its best weight for another label (when positive)."""
        cache = self.__dict__.get("_margin_table")
        if cache is None:
            cache = {lab: {} for lab in self.labels}
            for name, pairs in self.state.items():
                by = dict(pairs)
                for k, w in by.items():
                    others = [v for j, v in by.items() if j != k]
                    margin = w - (max(others) if others else 0.0)
                    if margin > 0:
                        cache[self.labels[k]][name] = margin
            object.__setattr__(self, "_margin_table", cache)
        return cache


@lru_cache(maxsize=4)
def load_model(name: str) -> Model:
    """A fitted model shipped in ``kexie_gui/core/data/NAME.json``."""
    text = resources.files("kexie_gui.core").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    return Model.from_dict(json.loads(text))


_KEEPING: list[Model] = []  # the models that keep scores (see ``_emissions``)


def forget_scores() -> None:
    """Let go of the feature lists' scores kept across readings (see ``_emissions``)."""
    for model in list(_KEEPING):
        model.__dict__.pop("_scored", None)


def _logsumexp(xs) -> float:
    m = max(xs)
    if m == -math.inf:
        return m
    return m + math.log(sum(math.exp(x - m) for x in xs))


def decode(model: Model, features: list[list[str]], allowed: list[tuple[int, ...] | None] | None = None,
           marginals: bool = True) -> tuple[list[str], list[float]]:
    """Best labels for a sequence of lines, and the probability of each chosen label.

    ``allowed[i]`` may restrict line ``i`` to some label indexes (a decision the
    editor made by hand, or a line another stage already settled).
    """
    n = len(features)
    if n == 0:
        return [], []
    emit = _emissions(model, features, allowed)
    path = _viterbi(model.trans, emit)
    probs = _marginals(model.trans, emit, path) if marginals else [1.0] * n
    return [model.labels[k] for k in path], probs


def _emissions(model: Model, features: list[list[str]], allowed) -> list[list[float]]:
    """Each line's label scores, labels it may not take at minus infinity."""
    emit = []
    # lines share whole feature lists (body text), and a page's lines are read again in a new order, most
    # with the same lines around them: their scores are kept from one reading to the next
    seen = model.__dict__.get("_scored")
    if seen is None or len(seen) > MAX_SCORED:
        seen = {}
        object.__setattr__(model, "_scored", seen)
        if not any(m is model for m in _KEEPING):
            _KEEPING.append(model)
    for i, f in enumerate(features):
        key = tuple(f)
        s = seen.get(key)
        if s is None:
            s = seen[key] = model.scores(f)
        if allowed and allowed[i] is not None:
            keep = set(allowed[i])
            s = [v if k in keep else -math.inf for k, v in enumerate(s)]
        emit.append(s)
    return emit


def _viterbi(trans, emit: list[list[float]]) -> list[int]:
    """The best label path (label indexes) through the emission and transition scores."""
    neg, L = -math.inf, len(emit[0])
    into = [[trans[a][b] for a in range(L)] for b in range(L)]  # into[b][a]: the column of ``b``
    best = [emit[0][:]]
    back = []
    for e in emit[1:]:
        prev = best[-1]
        row, ptr = [], []
        for b in range(L):
            if e[b] == neg:
                row.append(neg)
                ptr.append(0)
                continue
            vals = list(map(add, prev, into[b]))
            top = max(vals)
            row.append(top + e[b])
            ptr.append(vals.index(top))  # the first best, as a scan keeping strict improvements finds
        best.append(row)
        back.append(ptr)
    k = max(range(L), key=lambda b: best[-1][b])
    path = [k]
    for ptr in reversed(back):
        k = ptr[k]
        path.append(k)
    path.reverse()
    return path


def _marginals(trans, emit: list[list[float]], path: list[int]) -> list[float]:
    """Forward–backward: the marginal probability of each chosen label, in scaled probabilities (no
    logarithms per cell: a 10 MB page has a few hundred thousand lines)."""
    neg, n, L = -math.inf, len(emit), len(emit[0])
    etrans = [[math.exp(t) for t in row] for row in trans]
    ems = []
    for e in emit:
        top = max(e)
        ems.append([math.exp(v - top) if v != neg else 0.0 for v in e])
    fwd = [ems[0][:]]
    scale = [sum(fwd[0]) or 1.0]
    fwd[0] = [v / scale[0] for v in fwd[0]]
    into = [[etrans[a][b] for a in range(L)] for b in range(L)]
    prev = fwd[0]
    for i in range(1, n):
        row = [eb * sum(map(mul, prev, col)) if eb else 0.0 for eb, col in zip(ems[i], into, strict=True)]
        c = sum(row) or 1.0
        scale.append(c)
        prev = [v / c for v in row]
        fwd.append(prev)
    bwd = [[1.0] * L for _ in range(n)]
    for i in range(n - 2, -1, -1):
        c = scale[i + 1]
        w = list(map(mul, ems[i + 1], bwd[i + 1]))
        bwd[i] = [sum(map(mul, row, w)) / c for row in etrans]
    return [fwd[i][k] * bwd[i][k] for i, k in enumerate(path)]
