"""The linear-chain CRF decoded in pure Python (``core.crf``): Viterbi finds the best sequence, the
marginals are the probabilities of the chosen labels, a line may be pinned to some labels."""
import itertools
import math
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kexie_gui.core.crf import Model, decode, load_model
from kexie_gui.core.labels import BODY_MODEL_NAME, LABELS, MODEL_NAME

TOY = {
    "labels": ["T", "P", "C"],
    "state": {"head": {"T": 2.0, "P": -1.0}, "agency": {"P": 2.5}, "open_above": {"C": 3.0, "P": -0.5},
              "end=sent": {"P": 0.5, "C": 0.5, "T": -2.0}, "ghost": {"X": 9.0}},
    "trans": {"T P": 1.0, "P C": 1.0, "C C": 0.5, "C T": 0.2, "T T": -2.0, "T C": -3.0, "X T": 5.0},
}
FEATURES = ["head", "agency", "open_above", "end=sent"]


def toy() -> Model:
    return Model.from_dict(TOY)


def score(model: Model, feats: list[list[str]], path: tuple[int, ...]) -> float:
    s = sum(model.scores(f)[k] for f, k in zip(feats, path, strict=True))
    return s + sum(model.trans[a][b] for a, b in pairwise(path))


def test_labels_and_transitions_unknown_to_the_model_are_ignored():
    model = toy()
    assert model.labels == ("T", "P", "C")
    assert model.scores(["ghost", "never-seen"]) == [0.0, 0.0, 0.0]


def test_a_headline_over_a_lead_over_a_continued_line():
    labels, probs = decode(toy(), [["head"], ["agency", "end=sent"], ["open_above"]])
    assert labels == ["T", "P", "C"]
    assert all(0.5 < p <= 1.0 for p in probs)


def test_a_line_pinned_by_the_editor_takes_the_pinned_label_and_the_rest_follow():
    model = toy()
    labels, _ = decode(model, [["head"], ["agency"], ["open_above"]], allowed=[None, (0,), None])
    assert labels[1] == "T"


def test_an_empty_page_decodes_to_nothing():
    assert decode(toy(), []) == ([], [])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(FEATURES), max_size=3), min_size=1, max_size=5))
def test_viterbi_and_marginals_agree_with_brute_force(feats):
    model = toy()
    labels, probs = decode(model, feats)
    paths = list(itertools.product(range(3), repeat=len(feats)))
    scores = {p: score(model, feats, p) for p in paths}
    best = max(scores.values())
    chosen = tuple(model.labels.index(lab) for lab in labels)
    assert scores[chosen] == pytest.approx(best)
    z = sum(math.exp(s - best) for s in scores.values())
    for i, k in enumerate(chosen):
        marginal = sum(math.exp(s - best) for p, s in scores.items() if p[i] == k) / z
        assert probs[i] == pytest.approx(marginal, rel=1e-6, abs=1e-9)


def test_without_marginals_every_probability_is_one():
    _, probs = decode(toy(), [["head"], ["agency"]], marginals=False)
    assert probs == [1.0, 1.0]


def test_evidence_names_the_features_that_weighed_most_for_the_label_against_the_others():
    model = toy()
    assert [n for n, _ in model.evidence(["head", "agency", "end=sent"], "T")] == ["head"]
    assert model.evidence(["head", "agency", "end=sent"], "P")[0][0] == "agency"


def test_the_shipped_models_label_every_line_part():
    assert set(load_model(MODEL_NAME).labels) == set(LABELS)
    assert set(load_model(BODY_MODEL_NAME).labels) <= set(LABELS)
