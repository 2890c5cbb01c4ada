"""Fit the similarity weights on the labelled duty pairs: `python -m ingest.train_similarity`.

The odd-numbered pairs of tests/data/duty_pairs.tsv train a logistic regression over the features of
`ingest.similarity`; the even-numbered pairs are held out for the quality test. Term weights come from
the bundled 三定 corpus plus the pairs' own texts. Prints the weights to paste into WEIGHTS, and the
precision and recall of both halves at thresholds around the default.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

from ingest.readers import read_source
from ingest.sanding import parse_sanding
from ingest.similarity import DEFAULT_THRESHOLD, FEATURES, DutyDoc, SimilarityModel

REPO = Path(__file__).resolve().parent.parent
PAIRS = REPO / "tests" / "data" / "duty_pairs.tsv"
EPOCHS = 4000
LEARNING_RATE = 0.5
L2 = 0.001


def load_pairs(path: Path = PAIRS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def corpus_model(pairs: list[dict[str, str]]) -> SimilarityModel:
    texts: list[tuple[str, str]] = []
    for path in sorted((REPO / "examples" / "sanding").iterdir()):
        document = parse_sanding(read_source(path))
        texts += [(duty.text, document.department) for duty in document.duties]
        texts += [(duty.text, document.department) for office in document.offices for duty in office.duties]
    for pair in pairs:
        texts += [(pair["duty_a"], pair["holder_a"]), (pair["duty_b"], pair["holder_b"])]
    return SimilarityModel.fit(texts)


def split(pairs: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(training, held out): odd and even ids."""
    training = [p for p in pairs if int(p["id"].removeprefix("dp")) % 2 == 1]
    held_out = [p for p in pairs if int(p["id"].removeprefix("dp")) % 2 == 0]
    return training, held_out


def _docs(pair: dict[str, str]) -> tuple[DutyDoc, DutyDoc]:
    return DutyDoc("a", pair["duty_a"], pair["holder_a"]), DutyDoc("b", pair["duty_b"], pair["holder_b"])


def fit(model: SimilarityModel, pairs: list[dict[str, str]]) -> tuple[float, ...]:
    rows = [(model.features(*_docs(p)), 1.0 if p["label"] == "same" else 0.0) for p in pairs]
    weights = [0.0] * (len(FEATURES) + 1)
    for _epoch in range(EPOCHS):
        gradient = [0.0] * len(weights)
        for features, label in rows:
            z = weights[0] + sum(w * x for w, x in zip(weights[1:], features, strict=True))
            error = 1.0 / (1.0 + math.exp(-z)) - label
            gradient[0] += error
            for index, value in enumerate(features, start=1):
                gradient[index] += error * value
        weights = [w - LEARNING_RATE * (g / len(rows) + L2 * w) for w, g in zip(weights, gradient, strict=True)]
    return tuple(round(w, 2) for w in weights)


def precision_recall(model: SimilarityModel, pairs: list[dict[str, str]], threshold: float,
                     weights: tuple[float, ...] | None = None) -> tuple[float, float]:
    tp = fp = fn = 0
    for pair in pairs:
        score = model.score_docs(*_docs(pair)) if weights is None else model.score_docs(*_docs(pair), weights)
        same = pair["label"] == "same"
        tp += score >= threshold and same
        fp += score >= threshold and not same
        fn += score < threshold and same
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def main() -> None:
    pairs = load_pairs()
    training, held_out = split(pairs)
    model = corpus_model(pairs)
    weights = fit(model, training)
    print(f"WEIGHTS = {weights}  # bias, {', '.join(FEATURES)}")
    for threshold in (0.3, 0.4, DEFAULT_THRESHOLD, 0.6):
        for name, part in (("training", training), ("held out", held_out)):
            precision, recall = precision_recall(model, part, threshold, weights)
            print(f"threshold {threshold:.2f} {name:9s} precision {precision:.3f} recall {recall:.3f}")


if __name__ == "__main__":
    main()
