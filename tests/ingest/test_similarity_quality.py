"""Overlap quality on the labelled duty pairs (tests/data/duty_pairs.tsv): the weights were fitted on the
odd-numbered pairs (`python -m ingest.train_similarity`); the even-numbered ones are held out here."""

from __future__ import annotations

from ingest.similarity import DEFAULT_THRESHOLD, SimilarityModel
from ingest.train_similarity import corpus_model, load_pairs, precision_recall, split


def test_held_out_precision_and_recall(capsys) -> None:  # type: ignore[no-untyped-def]
    pairs = load_pairs()
    assert len(pairs) >= 300
    training, held_out = split(pairs)
    model: SimilarityModel = corpus_model(pairs)
    precision, recall = precision_recall(model, held_out, DEFAULT_THRESHOLD)
    train_p, train_r = precision_recall(model, training, DEFAULT_THRESHOLD)
    with capsys.disabled():
        print(f"\noverlap quality at threshold {DEFAULT_THRESHOLD}: held out ({len(held_out)} pairs) precision "
              f"{precision:.3f} recall {recall:.3f}; training ({len(training)}) precision {train_p:.3f} "
              f"recall {train_r:.3f}")
    # The target is 0.90 for both; these guard the level reached so far (see README) against regressions.
    assert precision >= 0.73 and recall >= 0.76


def test_score_is_symmetric_and_bounded() -> None:
    model = SimilarityModel.fit([("负责建筑垃圾处置的监督管理。", "甲"), ("负责渣土运输的监督管理。", "乙")])
    a, b = "负责市区建筑垃圾处置的监督管理。", "负责建设工程施工现场渣土排放、运输和消纳的监督管理。"
    assert model.score(a, b) == model.score(b, a)
    assert 0.0 <= model.score(a, b) <= 1.0
    assert model.score("完成市委交办的其他任务。", "负责市区建筑垃圾处置的监督管理。") == 0.0
