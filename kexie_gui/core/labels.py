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

from .convention import Convention
from .crf import Model, decode, load_model
from .features import line_features
from .lines import Unit

FURNITURE = "F"  # page furniture
TITLE = "T"  # a headline's first line
TITLE_MORE = "TC"  # a further line of the same headline
KICKER = "K"  # 引题 above the headline
SUBTITLE = "S"  # 副题 under the headline
REPORTER = "R"  # reporter line under the headline (the byline)
PARAGRAPH = "P"  # first line of a paragraph (or of a one-line subhead)
CONTINUED = "C"  # the paragraph above goes on here (a wrapped line or a column break)
BYLINE = "B"  # a trailing byline on its own line
LABELS = (FURNITURE, TITLE, TITLE_MORE, KICKER, SUBTITLE, REPORTER, PARAGRAPH, CONTINUED, BYLINE)

MODEL_NAME = "lines"


@dataclass(frozen=True)
class Labelled:
    unit: Unit
    label: str
    confidence: float
    features: tuple[str, ...]


def label_lines(units: list[Unit], convention: Convention, page_height: float = 0.0,
                model: Model | None = None, shapes: list | None = None, sure: bool = True) -> list[Labelled]:
    """The label of each line in ``units`` (reading order, repeats already left out).

    ``sure``: compute how sure each label is (forward–backward); a first look skips it.
    """
    if not units:
        return []
    model = model or load_model(MODEL_NAME)
    feats = line_features(units, convention, page_height, shapes)
    labels, probs = decode(model, feats, marginals=sure)
    return [Labelled(u, lab, p, tuple(f)) for u, lab, p, f in zip(units, labels, probs, feats)]


def alternative(model: Model, item: Labelled, label: str) -> float:
    """How far ``label`` trails the chosen label on the line's own evidence (≥ 0; small: a close call)."""
    scores = model.scores(list(item.features))
    k = model.labels.index(label)
    chosen = model.labels.index(item.label)
    return scores[chosen] - scores[k]
