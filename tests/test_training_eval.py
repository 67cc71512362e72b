"""Evaluation helpers: predictions per image and the confusion matrix."""

from __future__ import annotations

import math

import pytest
import torch
from support.training import BlobImages
from torch import nn

from cnnstudio.training import Predictions, confusion_matrix, predict

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def test_confusion_matrix_counts_true_classes_in_rows_and_guesses_in_columns():
    labels = torch.tensor([0, 0, 1, 2, 2, 2])
    guessed = torch.tensor([0, 1, 1, 2, 0, 2])
    expected = torch.tensor([[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert torch.equal(confusion_matrix(labels, guessed, 3), expected)


def test_predictions_know_which_images_are_right():
    p = Predictions(torch.tensor([0, 1, 2, 1]), torch.tensor([0, 2, 2, 1]), torch.ones(4), 0.5)
    assert p.correct.tolist() == [True, False, True, True]
    assert p.accuracy == 0.75
    assert p.confusion_matrix(3)[1].tolist() == [0, 1, 1]


class FixedScores(nn.Module):
    """Scores that depend only on the label hidden in the image's first pixel."""

    def __init__(self, table: torch.Tensor) -> None:
        super().__init__()
        self.table = table

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.table[x[:, 0, 0, 0].long()]


class LabelImages(BlobImages):
    def __init__(self, labels: list[int]) -> None:
        self._labels = torch.tensor(labels)
        self._images = self._labels.float().view(-1, 1, 1, 1).expand(-1, 1, 2, 2).clone()
        self.input_shape, self.classes = (1, 2, 2), ["a", "b"]


def test_predict_gives_each_guess_its_softmax_confidence_and_the_mean_loss():
    # class 0 images get scores (2, 0): right with p = e^2 / (e^2 + 1); class 1 get (1, 1): a tie
    table = torch.tensor([[2.0, 0.0], [1.0, 1.0]])
    images = LabelImages([0, 1, 0, 0, 1])
    result = predict(FixedScores(table), images, batch_size=2)
    p_right = math.exp(2) / (math.exp(2) + 1)
    assert result.labels.tolist() == [0, 1, 0, 0, 1]
    assert result.predicted.tolist() == [0, 0, 0, 0, 0]  # argmax of a tie is the first class
    assert result.confidence.tolist() == pytest.approx([p_right, 0.5, p_right, p_right, 0.5])
    expected_loss = (3 * -math.log(p_right) + 2 * -math.log(0.5)) / 5
    assert result.loss == pytest.approx(expected_loss)
    assert result.accuracy == pytest.approx(3 / 5)


def test_predict_stops_between_batches_when_asked_and_restores_training_mode():
    module = FixedScores(torch.eye(2))
    module.train()
    assert predict(module, LabelImages([0, 1, 1]), batch_size=1, should_stop=lambda: True) is None
    assert module.training
