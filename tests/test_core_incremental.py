"""Re-analysing after edits reuses earlier work, and gives exactly what a fresh analysis gives."""

import random

from cnnstudio.core import preset, summarize
from cnnstudio.core.analysis import clear_caches
from cnnstudio.core.report import to_json


def fresh(net):
    clear_caches()
    return to_json(summarize(net))


def test_edits_then_reanalysis_match_a_fresh_analysis():
    rng = random.Random(7)
    net = preset("googlenet")
    summarize(net)
    layers = {"input": "height", "conv2": "filters", "inception_4c": "c5x5_reduce", "fc": "units"}
    for _ in range(25):
        name, key = rng.choice(list(layers.items()))
        net.set_param(net.find(name).id, key, rng.randint(1, 300))
        assert to_json(summarize(net)) == fresh(net)


def test_rows_above_an_edit_are_reused_and_the_edited_row_is_new():
    net = preset("resnet50")
    before = {row.path: row for row in summarize(net).rows}
    net.set_param(net.find("fc").id, "units", 10)
    after = {row.path: row for row in summarize(net).rows}
    assert after["layer4.2"] is before["layer4.2"]
    assert after["fc"] is not before["fc"] and after["fc"].shape == (10,)


def test_renaming_a_layer_gives_its_row_the_new_name():
    net = preset("lenet5")
    summarize(net)
    net.rename(net.find("conv1").id, "C1")
    assert [row.path for row in summarize(net).rows][1] == "C1"
