"""Re-analysing after edits reuses earlier work, and gives exactly what a fresh analysis gives."""

import random
import threading

from cnnstudio.core import Analyzer, preset, summarize
from cnnstudio.core.report import to_json


def fresh(net):
    return to_json(Analyzer().summarize(net))


def test_edits_then_reanalysis_match_a_fresh_analysis():
    rng = random.Random(7)
    net = preset("googlenet")
    analyzer = Analyzer()
    analyzer.summarize(net)
    layers = {"input": "height", "conv2": "filters", "inception_4c": "c5x5_reduce", "fc": "units"}
    for _ in range(25):
        name, key = rng.choice(list(layers.items()))
        net.set_param(net.find(name).id, key, rng.randint(1, 300))
        assert to_json(analyzer.summarize(net)) == fresh(net)


def test_rows_above_an_edit_are_reused_and_the_edited_row_is_new():
    net = preset("resnet50")
    analyzer = Analyzer()
    before = {row.path: row for row in analyzer.summarize(net).rows}
    net.set_param(net.find("fc").id, "units", 10)
    after = {row.path: row for row in analyzer.summarize(net).rows}
    assert after["layer4.2"] is before["layer4.2"]
    assert after["fc"] is not before["fc"] and after["fc"].shape == (10,)


def test_renaming_a_layer_gives_its_row_the_new_name():
    net = preset("lenet5")
    analyzer = Analyzer()
    analyzer.summarize(net)
    net.rename(net.find("conv1").id, "C1")
    assert [row.path for row in analyzer.summarize(net).rows][1] == "C1"


def test_analyzers_share_nothing():
    """Two analyzers of differently edited copies never see each other's rows."""
    one, other = preset("lenet5"), preset("lenet5")
    other.set_param(other.find("conv1").id, "filters", 7)
    first, second = Analyzer(), Analyzer()
    assert first.summarize(one).row(one.find("conv1").id).shape == (6, 28, 28)
    assert second.summarize(other).row(other.find("conv1").id).shape == (7, 28, 28)
    assert first.summarize(one).row(one.find("conv1").id).shape == (6, 28, 28)


def test_summarize_from_two_threads_at_once_matches_fresh_results():
    """The GUI and the training worker both call summarize; nothing they share can mix them up."""
    networks = {"resnet50": preset("resnet50"), "googlenet": preset("googlenet")}
    expected = {name: fresh(net) for name, net in networks.items()}
    failures: list[str] = []
    start = threading.Barrier(2)

    def hammer(name: str, heights: range) -> None:
        net = networks[name].copy()
        start.wait()
        for height in heights:
            summary = to_json(summarize(net, (3, height, height)))
            if summary != to_json(Analyzer().summarize(net, (3, height, height))):
                failures.append(f"{name} at {height}")
        if to_json(summarize(net)) != expected[name]:
            failures.append(f"{name} after the run")

    threads = [
        threading.Thread(target=hammer, args=("resnet50", range(200, 232))),
        threading.Thread(target=hammer, args=("googlenet", range(200, 232))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_one_analyzer_read_from_two_threads_gives_consistent_rows():
    """Rows are immutable and formulas are pure, so even a shared analyzer's results stay right."""
    net = preset("resnet50")
    analyzer = Analyzer()
    expected = fresh(net)
    results: list[str] = []
    start = threading.Barrier(2)

    def read() -> None:
        start.wait()
        for _ in range(10):
            results.append(to_json(analyzer.summarize(net)))

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 20
