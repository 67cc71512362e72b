"""Exercise files: the five shipped ones pass with their reference solutions and fail with the
right hint on a wrong attempt; a broken exercise or answers file gives one clear message."""

import json

import pytest

from cnnstudio.core import Network, preset, summarize
from cnnstudio.core.fileformat import to_dict
from cnnstudio.teaching import (
    Answers,
    ExerciseError,
    check_answer,
    grade,
    load_answers,
    load_exercise,
    packaged_exercises,
    save_answers,
)
from cnnstudio.teaching.exercises import MAX_EXERCISE_BYTES, exercise_from_dict
from cnnstudio.teaching.figures import number_tokens
from cnnstudio.teaching.quantities import parse_number, parse_shape

SHIPPED = {path.name.removesuffix(".cnnstudio-exercise.json"): path for path in packaged_exercises()}


def test_the_five_exercises_of_the_course_are_shipped():
    assert sorted(SHIPPED) == [
        "cut-5x5-cost",
        "inception-module",
        "predict-lenet5",
        "rebuild-alexnet-convs",
        "rebuild-lenet5",
    ]


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_each_exercise_loads_with_texts_in_both_languages(name):
    exercise = load_exercise(SHIPPED[name])
    assert exercise.id == name
    assert exercise.title("en") != exercise.title("ko")
    assert exercise.instruction("ko") and exercise.instruction("en")
    assert exercise.lesson in {"L02", "L06"}


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_the_reference_solution_passes(name, reference_solutions):
    exercise = load_exercise(SHIPPED[name])
    for lang in ("en", "ko"):
        verdict = grade(exercise, reference_solutions[name](exercise), lang)
        assert verdict.passed, verdict.message


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_a_wrong_attempt_fails_with_the_hint_that_fits(name, wrong_attempts):
    exercise = load_exercise(SHIPPED[name])
    for attempt, english, korean in wrong_attempts[name]:
        work = attempt(exercise)
        assert grade(exercise, work, "en") == grade(exercise, work, "en")  # no state kept between checks
        assert not grade(exercise, work).passed
        assert grade(exercise, work, "en").message == english
        assert grade(exercise, work, "ko").message == korean


def test_the_start_network_is_a_fresh_copy_each_time():
    exercise = load_exercise(SHIPPED["cut-5x5-cost"])
    first = exercise.start_network()
    first.set_param(first.find("conv").id, "filters", 8)
    assert exercise.start_network().find("conv").params["filters"] == 32


def test_the_passing_messages():
    lenet = load_exercise(SHIPPED["rebuild-lenet5"])
    assert grade(lenet, preset("lenet5")).message == "matches LeNet-5, layer for layer"
    assert grade(lenet, preset("lenet5"), "ko").message == "LeNet-5: 모든 층이 일치합니다"
    cut = load_exercise(SHIPPED["cut-5x5-cost"])
    assert grade(cut, preset("conv5x5-bottleneck")).message == "every goal is met"


def test_a_rebuild_ignores_names_but_not_wiring_extra_layers_or_errors():
    lenet = load_exercise(SHIPPED["rebuild-lenet5"])
    extra = preset("lenet5")
    extra.add_node("relu", name="extra", inputs=[extra.find("softmax").id])
    assert grade(lenet, extra).message == "your network goes on after softmax with extra; LeNet-5 ends there"
    swapped = preset("lenet5")
    swapped.set_param(swapped.find("pool1").id, "stride", 1)
    assert grade(lenet, swapped).message == "your pool1 gives 27x27x6; LeNet-5's has stride 2"
    tanh = preset("lenet5")
    relu = tanh.add_node("relu")
    tanh.insert_between(relu.id, tanh.find("pool1").id, tanh.find("tanh1").id)
    tanh.remove_node(tanh.find("tanh1").id, bridge=True)
    assert grade(lenet, tanh).message == "your relu is a ReLU; here LeNet-5 has a Tanh (tanh1)"


def test_a_rebuild_compares_the_input_and_the_wiring():
    alex = load_exercise(SHIPPED["rebuild-alexnet-convs"])
    small = alex.start_network()
    small.set_param(small.find("input").id, "height", 224)
    small.set_param(small.find("input").id, "width", 224)
    assert grade(alex, small).message == "your input gives 224x224x3; AlexNet's has an input of 227x227x3"
    inception = load_exercise(SHIPPED["inception-module"])
    net = preset("inception-naive")  # the same module, but as one block: the exercise asks for single layers
    assert grade(inception, net).message == "no Conv2d with kernel=1 yet"


def residual_by_hand(shortcut_from_input: bool = True) -> Network:
    net = Network("Residual by hand")
    src = net.add_node("input", {"channels": 16, "height": 8, "width": 8}, "input").id
    conv1 = net.add_node("conv2d", {"filters": 16}, "conv1", [src]).id
    relu1 = net.add_node("relu", {}, "relu1", [conv1]).id
    conv2 = net.add_node("conv2d", {"filters": 16}, "conv2", [relu1]).id
    add = net.add_node("add", {}, "add", [conv2, src if shortcut_from_input else relu1]).id
    net.add_node("relu", {}, "relu2", [add])
    return net


def test_a_rebuild_of_a_branching_network_checks_what_feeds_each_layer():
    exercise = exercise_from_dict(
        {
            "format": "cnnstudio-exercise",
            "version": 1,
            "id": "residual",
            "title": {"en": "t"},
            "instructions": {"en": "i"},
            "target": {"rebuild": {"network": to_dict(residual_by_hand())}},
        }
    )
    assert grade(exercise, residual_by_hand()).passed
    assert grade(exercise, residual_by_hand(shortcut_from_input=False)).message == (
        "your add reads from conv2, relu1; Residual by hand's reads from conv2, input"
    )


def test_a_rebuild_reports_a_students_error_where_it_happens():
    lenet = load_exercise(SHIPPED["rebuild-lenet5"])
    net = preset("lenet5")
    net.disconnect(net.find("flatten").id, net.find("fc1").id)
    assert grade(lenet, net).message == "your fc1 reads from nothing; LeNet-5's reads from flatten"


def test_a_prediction_is_checked_and_its_arithmetic_revealed():
    exercise = load_exercise(SHIPPED["predict-lenet5"])
    right = check_answer(exercise, "conv1", "macs", " 117,600 ")
    assert right.correct and right.expected == "117,600"
    assert right.formula == "MACs = 28*28*6 * 5*5*1 = 117,600"
    shape = check_answer(exercise, "pool1", "shape", "14 x 14 x 6")
    assert shape.correct and shape.message == "pool1's output shape: right, 14x14x6"
    wrong = check_answer(exercise, "conv1", "params", "150", "ko")
    assert not wrong.correct and wrong.message == "conv1 층의 파라미터 수: 답 150, 정답 156"
    for text in ("about 100k", "117.6k", ""):
        unreadable = check_answer(exercise, "conv1", "macs", text)
        assert not unreadable.correct and "cannot read" in unreadable.message
    assert not check_answer(exercise, "conv1", "shape", "6x28x28").correct


def test_answers_for_another_exercise_or_missing_ones_do_not_pass():
    exercise = load_exercise(SHIPPED["predict-lenet5"])
    assert grade(exercise, Answers("rebuild-lenet5", {})).message == (
        "these answers are for the exercise rebuild-lenet5, not predict-lenet5"
    )
    verdict = grade(exercise, Answers("predict-lenet5", {"conv1": {"shape": "28x28x6"}}))
    assert not verdict.passed and len(verdict.details) == 10
    assert verdict.message == "1 of 10 answers right; no answer for conv1's parameters"


def test_grading_the_wrong_kind_of_work_is_a_programming_error():
    with pytest.raises(TypeError):
        grade(load_exercise(SHIPPED["predict-lenet5"]), preset("lenet5"))
    with pytest.raises(TypeError):
        grade(load_exercise(SHIPPED["rebuild-lenet5"]), Answers("rebuild-lenet5", {}))


# -- broken files ---------------------------------------------------------------------------

GOOD = {
    "format": "cnnstudio-exercise",
    "version": 1,
    "id": "x",
    "title": {"en": "Title", "ko": "제목"},
    "instructions": {"en": "Do it."},
    "start": {"preset": "conv5x5-naive"},
    "locked": ["conv"],
    "target": {"conditions": ["macs < 15M"]},
}


def changed(**fields):
    data = json.loads(json.dumps(GOOD))
    for key, value in fields.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "the file must hold a JSON object, not a list"),
        (changed(format="cnnstudio-network"), "'format' must be \"cnnstudio-exercise\""),
        (changed(version=2), "'version' is 2, newer than this CNN Studio reads"),
        (changed(version=True), "'version' must be a whole number"),
        (changed(extra=1), "unknown fields: 'extra'"),
        (changed(id=None), "'id' is missing"),
        (changed(id="a\nb"), "'id' must be a short name on one line"),
        (changed(title={"ko": "제목"}), "'title.en' is missing"),
        (changed(title={"en": "t", "fr": "t"}), "'title' has texts in en, ko only"),
        (changed(instructions={"en": 3}), "'instructions.en' is missing"),
        (changed(title={"en": "two\nlines"}), "'title.en' must be a short text on one line"),
        (changed(start={"preset": "lenet6"}), "'start.preset': 'lenet6' is not a preset"),
        (changed(start={"input": "32x32"}), "'start.input' must be a shape H x W x C"),
        (changed(start={"input": "0x32x1"}, locked=None), "'start.input': height must be at least 1"),
        (changed(start={"network": {"format": "x"}}), "'start.network': 'format' must be"),
        (changed(start=[1]), "'start' must be"),
        (changed(locked=["conv9"]), "'locked[0]': the start network has no layer 'conv9'"),
        (changed(locked="conv"), "'locked' must be a list, got text"),
        (changed(target={}), "'target' must hold exactly one of rebuild, conditions, predict"),
        (
            changed(target={"conditions": ["macs < lots"]}),
            "'target.conditions[0]': 'macs < lots': 'lots' is not a number",
        ),
        (changed(target={"conditions": [3]}), "'target.conditions[0]' must be text"),
        (changed(target={"rebuild": {"preset": "lenet5", "until": "pool9"}}), "LeNet-5 has no layer 'pool9'"),
        (
            changed(target={"rebuild": {"preset": "lenet5", "network": {}}}),
            "'target.rebuild' takes a 'preset' or a 'network'",
        ),
        (
            changed(target={"predict": [{"layer": "conv9", "ask": ["shape"]}]}),
            "the start network has no layer 'conv9'",
        ),
        (
            changed(target={"predict": [{"layer": "conv", "ask": ["flops"]}]}),
            "must list some of shape, params, macs",
        ),
        (changed(target={"conditions": ["valid"] * 1001}), "at most 1,000 are allowed"),
    ],
)
def test_a_broken_exercise_file_gives_one_message_naming_the_field(tmp_path, data, message):
    path = tmp_path / "x.cnnstudio-exercise.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ExerciseError) as caught:
        load_exercise(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read the exercise: no such file or directory"),
        (b"{", "cannot read the exercise: not valid JSON at line 1"),
        (b"\xff\xfe{}", "cannot read the exercise: it is UTF-16"),
        (b'{"a": 1, "a": 2}', "the key 'a' appears twice"),
        (b"[" * 100_000 + b"]" * 100_000, "nested hundreds of levels deep"),
        (b" " * (MAX_EXERCISE_BYTES + 1), "larger than 5,000,000 bytes"),
    ],
)
def test_an_unreadable_exercise_file_gives_one_message(tmp_path, content, message):
    path = tmp_path / "x.cnnstudio-exercise.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ExerciseError, match=message):
        load_exercise(path)


def test_an_exercise_folder_is_not_read(tmp_path):
    with pytest.raises(ExerciseError, match="it is a folder, not a file"):
        load_exercise(tmp_path)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"format": "cnnstudio-answers", "version": 1, "exercise": "p", "answers": {}}, None),
        ({"format": "cnnstudio-answers", "version": 1, "answers": {}}, "'exercise' is missing"),
        (
            {"format": "cnnstudio-answers", "version": 1, "exercise": "p", "answers": []},
            "'answers' must be an object",
        ),
        (
            {"format": "cnnstudio-answers", "version": 1, "exercise": "p", "answers": {"c": {"flops": 1}}},
            "'answers.c' must be an object of shape, params, macs",
        ),
        (
            {"format": "cnnstudio-answers", "version": 1, "exercise": "p", "answers": {"c": {"macs": 1.5}}},
            "'answers.c.macs' must be text or a whole number",
        ),
        (
            {
                "format": "cnnstudio-answers",
                "version": 1,
                "exercise": "p",
                "answers": {"c": {"macs": "1\n2"}},
            },
            "'answers.c.macs' is not an answer one line can show",
        ),
        ({"format": "cnnstudio-exercise", "version": 1}, "this is not an answers file"),
    ],
)
def test_answers_files_are_checked_field_by_field(tmp_path, data, message):
    path = tmp_path / "a.cnnstudio-answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    if message is None:
        assert load_answers(path).exercise == "p"
        return
    with pytest.raises(ExerciseError, match=message):
        load_answers(path)


def exercise_facts(exercise):
    """Every number the exercise's own networks and conditions hold."""
    facts = set()
    for network in filter(None, (exercise.start, exercise.target)):
        summary = summarize(network)
        facts |= {summary.totals.params, summary.totals.macs}
        for node in network.nodes:
            facts |= {v for v in node.params.values() if isinstance(v, int) and not isinstance(v, bool)}
        for row in summary.all_rows():
            facts |= set(row.shape or ())
    for condition in exercise.conditions:
        facts |= {int(number.value) for number in condition.numbers()}
    return facts


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_every_number_in_the_instructions_comes_from_the_exercise(name, lang):
    exercise = load_exercise(SHIPPED[name])
    facts = exercise_facts(exercise)
    for _, _, token in number_tokens(exercise.instruction(lang)):
        shape = parse_shape(token)
        values = shape if shape else (int(parse_number(token).value),)
        assert set(values) <= facts, token


def test_answers_are_saved_and_read_back(tmp_path):
    answers = Answers("predict-lenet5", {"conv1": {"shape": "28x28x6", "params": "156"}, "층": {"macs": "1"}})
    path = tmp_path / "mine.cnnstudio-answers.json"
    save_answers(answers, path)
    again = load_answers(path)
    assert (again.exercise, again.answers) == (answers.exercise, answers.answers)
    assert "층" in path.read_text(encoding="utf-8")
