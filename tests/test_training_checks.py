"""Which networks can be trained on which datasets, and the sentence the Train button shows."""

from __future__ import annotations

import pytest
from support.training import blob_split, small_net

import cnnstudio
from cnnstudio.core.presets import Chain
from cnnstudio.training import NotTrainableError, Trainer, open_training_data, training_problem

pytestmark = pytest.mark.usefixtures("one_torch_thread")


def test_a_matching_network_can_be_trained():
    assert training_problem(cnnstudio.load("lenet5"), 10, "digits") is None
    assert training_problem(cnnstudio.load("resnet20"), 10, "shapes") is None


def test_too_many_outputs_names_the_layer_and_the_fix():
    problem = training_problem(cnnstudio.load("alexnet"), 10, "digits")
    assert problem == "the last layer has 1000 outputs but digits has 10 classes: set fc8's units to 10"
    problem = training_problem(cnnstudio.load("lenet5"), 4, "shapes")
    assert problem == "the last layer has 10 outputs but shapes has 4 classes: set fc3's units to 4"


def test_a_network_ending_in_conv_and_global_pooling_names_the_conv_filters():
    c = Chain("All-conv", 1, 8, 8)
    c.conv("conv1", 8, 3)
    c.add("relu", "relu1")
    c.conv("classifier", 5, 1)
    c.add("globalavgpool", "gap")
    c.add("softmax", "softmax")
    problem = training_problem(c.net, 3, "blobs")
    assert problem == "the last layer has 5 outputs but blobs has 3 classes: set classifier's filters to 3"


def test_a_network_ending_in_a_feature_map_is_refused():
    problem = training_problem(cnnstudio.load("conv1x1"), 10, "digits")
    assert problem.startswith("the network ends with a 28x28x32 map, not one score per class")
    assert "a linear layer with 10 units" in problem


def test_a_network_with_nothing_to_learn_is_refused():
    c = Chain("Pool only", 1, 8, 8)
    c.add("maxpool2d", "pool", kernel=8, stride=8)
    c.add("flatten", "flatten")
    assert training_problem(c.net, 1, "x") == (
        "the network has no weights to learn: add a convolution or a linear layer"
    )


def test_an_invalid_network_is_refused_with_its_first_error():
    net = cnnstudio.load("lenet5")
    net.set_param(net.find("conv1").id, "kernel", 40)  # larger than the 32x32 input
    problem = training_problem(net, 10, "digits")
    assert problem.startswith("fix the network's errors first: ")
    assert "conv1" in problem


def test_the_trainer_raises_the_same_sentence():
    with pytest.raises(NotTrainableError) as caught:
        Trainer(small_net(classes=7), blob_split(classes=4))
    assert str(caught.value) == ("the last layer has 7 outputs but blobs has 4 classes: set fc's units to 4")


def test_the_trainer_refuses_data_opened_for_another_input_shape():
    with pytest.raises(NotTrainableError, match="opened for"):
        Trainer(small_net(shape=(1, 8, 8)), blob_split(shape=(1, 10, 10)))


def test_the_trainer_copies_the_network():
    net = small_net()
    trainer = Trainer(net, blob_split())
    net.set_param(net.find("fc").id, "units", 9)
    assert trainer.network.node(trainer.network.find("fc").id).params["units"] == 4


def test_an_input_no_image_can_be_adapted_to_is_refused_by_the_dataset():
    from cnnstudio.data import DatasetError

    c = Chain("Two channels", 2, 8, 8)
    c.conv("conv1", 4, 3)
    c.add("flatten", "flatten")
    c.add("linear", "fc", units=10)
    with pytest.raises(DatasetError, match=r"1 \(gray\) or 3 \(RGB\) input channels, not 2"):
        open_training_data(c.net, "digits")


def test_open_training_data_checks_the_class_count():
    with pytest.raises(NotTrainableError, match="set fc8's units to 10"):
        open_training_data(cnnstudio.load("alexnet"), "digits")
