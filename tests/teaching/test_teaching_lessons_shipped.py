"""The seven lessons CNN Studio ships, in English and Korean: complete, correct to the digit,
and every "Try it" step completable with the edits the canvas allows and detected when done."""

import re
import subprocess
import sys

import pytest

from cnnstudio.core import Network, preset
from cnnstudio.core.presets import PRESETS
from cnnstudio.teaching import load_catalog, unchecked_figures, verify_lesson

LESSON_IDS = ["L01", "L02", "L03", "L04", "L05", "L06", "L07"]
LANGUAGES = ["en", "ko"]
CATALOGS = {lang: load_catalog(lang) for lang in LANGUAGES}
HANGUL = re.compile("[\uac00-\ud7a3]")


def lessons():
    return [
        pytest.param(lang, lesson_id, id=f"{lang}-{lesson_id}")
        for lang in LANGUAGES
        for lesson_id in LESSON_IDS
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lesson_exists_in_both_languages_with_nothing_left_out(lang):
    catalog = CATALOGS[lang]
    assert catalog.problems == ()
    assert catalog.ids == LESSON_IDS
    assert all(lesson.language == lang for lesson in catalog.lessons)


@pytest.mark.parametrize(("lang", "lesson_id"), lessons())
def test_every_number_in_a_lesson_agrees_with_the_apps_computation(lang, lesson_id):
    lesson = CATALOGS[lang].lesson(lesson_id)
    assert lesson.figures, "a lesson about networks shows their numbers"
    assert verify_lesson(lesson) == []


@pytest.mark.parametrize(("lang", "lesson_id"), lessons())
def test_no_number_in_a_lesson_goes_unchecked(lang, lesson_id):
    assert unchecked_figures(CATALOGS[lang].lesson(lesson_id)) == []


@pytest.mark.parametrize("lesson_id", LESSON_IDS)
def test_the_korean_lesson_has_the_english_ones_presets_links_and_steps(lesson_id):
    english, korean = (CATALOGS[lang].lesson(lesson_id) for lang in LANGUAGES)
    assert korean.presets == english.presets
    assert sorted(link.url for link in korean.links) == sorted(link.url for link in english.links)
    assert [(s.preset, [c.text for c in s.conditions]) for s in korean.steps] == [
        (s.preset, [c.text for c in s.conditions]) for s in english.steps
    ]
    assert HANGUL.search(korean.title) and not HANGUL.search(english.title)


@pytest.mark.parametrize(("lang", "lesson_id"), lessons())
def test_every_link_opens_something_that_exists(lang, lesson_id):
    lesson = CATALOGS[lang].lesson(lesson_id)
    for link in lesson.links:
        if link.kind in ("preset", "compare"):
            assert all(target in PRESETS for target in link.targets)
        elif link.kind == "lesson":
            CATALOGS[lang].lesson(link.targets[0])
    assert any(link.kind == "preset" for link in lesson.links)
    assert lesson.presets and all(p in PRESETS for p in lesson.presets)


def test_the_lessons_link_to_the_compare_view_and_both_experiments():
    urls = {link.url for lesson in CATALOGS["en"].lessons for link in lesson.links}
    assert {"compare:conv5x5-naive,conv5x5-bottleneck", "experiment:depth", "experiment:identity"} <= urls


# -- what the lessons must explain, in both languages ----------------------------------------

EXPLAINED = {
    # the lecture's round numbers against the app's exact ones
    "L02": {
        ("60k", "lenet5 params"),
        ("61,706", "lenet5 params"),
        ("60M", "alexnet params"),
        ("62.4M", "alexnet params"),
        ("61.0M", "alexnet-2gpu params"),
        ("62,378,344", "alexnet params"),
        ("60,965,224", "alexnet-2gpu params"),
        ("16", "vgg16 depth"),
        ("41", "vgg16 nodes"),
    },
    # what 152 counts, and the inspector's 58
    "L03": {("152", "resnet152 depth"), ("58", "resnet152 nodes"), ("156", "resnet152 weights")},
    # the pool's 192 channels and the 1x1 projection to 32; "about a tenth" is 9.68x
    "L06": {
        ("28x28x192", "inception-naive inception.pool shape"),
        ("32", "inception-naive inception.pool_proj channels"),
        ("256", "inception-naive inception channels"),
        ("120,422,400", "conv5x5-naive conv macs"),
        ("12,443,648", "conv5x5-bottleneck macs"),
        ("9.68", "conv5x5-naive macs / conv5x5-bottleneck macs"),
        ("120M", "conv5x5-naive macs"),
        ("12.4M", "conv5x5-bottleneck macs"),
    },
    "L07": {
        ("22", "googlenet depth"),
        ("26", "googlenet nodes"),
        ("2.41", "inception-naive macs / inception-bottleneck macs"),
    },
}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("lesson_id", sorted(EXPLAINED))
def test_the_lessons_explain_where_the_apps_numbers_differ_from_the_lectures(lang, lesson_id):
    lesson = CATALOGS[lang].lesson(lesson_id)
    shown = {(figure.shown, figure.expression) for figure in lesson.figures}
    assert EXPLAINED[lesson_id] <= shown


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_residual_formula_is_shown(lang):
    formulas = CATALOGS[lang].lesson("L03").formulas + CATALOGS[lang].lesson("L04").formulas
    assert "a[l+2] = g(z[l+2] + a[l])" in formulas
    assert "a[l+2] = g(a[l]) = a[l]" in formulas


# -- "Try it": each step, false on the network the lesson opens, true after the student's edits


def node_id(net: Network, name: str) -> str:
    node = net.find(name)
    assert node is not None, f"{net.name} has no layer {name}"
    return node.id


def set_params(net: Network, name: str, **params) -> None:
    for key, value in params.items():
        net.set_param(node_id(net, name), key, value)


def insert_after(net: Network, name: str, type_id: str, **params) -> None:
    """Drop a block on the edge leaving *name* (the canvas's drop-on-edge), then set it."""
    node = net.add_node(type_id)
    net.insert_between(node.id, node_id(net, name), net.consumers(node_id(net, name))[0][0])
    set_params(net, node.name, **params)


def append_after(net: Network, name: str, type_id: str, **params) -> None:
    """Add a block fed by *name* (the palette's double-click with *name* selected), then set it."""
    node = net.add_node(type_id, inputs=[node_id(net, name)])
    set_params(net, node.name, **params)


STEP_EDITS = {
    ("L01", 1): lambda net: set_params(net, "input", channels=3),
    ("L01", 2): lambda net: set_params(net, "fc3", units=2),
    ("L01", 3): lambda net: set_params(net, "input", height=64, width=64),
    ("L02", 1): lambda net: set_params(net, "conv2", groups=2),
    ("L02", 2): lambda net: set_params(net, "conv1", padding="same"),
    ("L02", 3): lambda net: set_params(net, "input", height=32, width=32),
    ("L03", 1): lambda net: set_params(net, "layer1.0", shortcut="none"),
    ("L03", 2): lambda net: insert_after(net, "layer2.3", "residual", filters=128),
    ("L03", 3): lambda net: set_params(net, "layer2.0", shortcut="zero-pad"),
    ("L04", 1): lambda net: set_params(net, "layer1.0", shortcut="zero-pad"),
    ("L04", 2): lambda net: insert_after(net, "layer3.2", "residual", filters=64, stride=1),
    ("L04", 3): lambda net: set_params(net, "layer1.1", shortcut="projection"),
    ("L05", 1): lambda net: set_params(net, "conv", filters=16),
    ("L05", 2): lambda net: set_params(net, "conv", filters=192),
    ("L05", 3): lambda net: append_after(net, "relu", "maxpool2d", kernel=2, stride=2),
    ("L06", 1): lambda net: insert_after(net, "input", "conv2d", kernel=1, filters=16),
    ("L06", 2): lambda net: set_params(net, "conv_reduce", filters=32),
    ("L06", 3): lambda net: set_params(net, "inception", pool_proj=0),
    ("L07", 1): lambda net: set_params(net, "inception", reductions=True),
    ("L07", 2): lambda net: set_params(
        net, "inception", c1x1=128, c3x3_reduce=128, c3x3=192, c5x5_reduce=32, c5x5=96, pool_proj=64
    ),
    ("L07", 3): lambda net: insert_after(net, "inception_5b", "inception"),
}


def steps():
    return [
        pytest.param(lang, lesson.id, step.number, id=f"{lang}-{lesson.id}.{step.number}")
        for lang in LANGUAGES
        for lesson in CATALOGS[lang].lessons
        for step in lesson.steps
    ]


def test_every_lesson_has_two_to_four_steps_and_each_has_a_proof_below():
    for lesson in CATALOGS["en"].lessons:
        assert 2 <= len(lesson.steps) <= 4, lesson.id
    assert {(lesson.id, step.number) for lesson in CATALOGS["en"].lessons for step in lesson.steps} == set(
        STEP_EDITS
    )


@pytest.mark.parametrize(("lang", "lesson_id", "number"), steps())
def test_a_step_is_reached_by_the_edits_it_asks_for_and_not_before(lang, lesson_id, number):
    lesson = CATALOGS[lang].lesson(lesson_id)
    step = lesson.steps[number - 1]
    network = preset(step.preset)
    before = step.evaluate(network)
    assert not before.passed
    assert bool(HANGUL.search(before.message)) == (lang == "ko")
    assert before.hint
    STEP_EDITS[lesson_id, number](network)
    after = step.evaluate(network)
    assert after.passed, after.message


def test_the_teaching_package_pulls_in_no_heavy_library():
    code = "import sys, cnnstudio.teaching; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = {name.split(".")[0] for name in out.split()}
    assert not loaded & {"torch", "PySide6", "pyqtgraph", "numpy"}
