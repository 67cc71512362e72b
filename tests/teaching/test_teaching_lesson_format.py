"""The lesson file format a teacher writes: what it gives, and one clear message per mistake."""

import textwrap

import pytest

from cnnstudio.core import preset
from cnnstudio.teaching import (
    Formula,
    LessonError,
    LinkError,
    Text,
    load_catalog,
    load_lesson,
    parse_lesson,
    parse_link,
    unchecked_figures,
    verify_lesson,
)
from cnnstudio.teaching.lessons import MAX_LESSON_BYTES
from cnnstudio.teaching.steps import Step

LESSON = textwrap.dedent(
    """\
    ---
    id: L99
    title: The 5x5 cost{conv5x5-naive macs}
    presets: conv5x5-naive, conv5x5-bottleneck
    ---
    A 5x5 convolution costs 120,422,400{conv5x5-naive macs} MACs.
    [Open it](preset:conv5x5-naive), `[not a link](nowhere)`.

    ```formula
    MACs = 28×28×32 × 5×5×192 = 120,422,400{conv5x5-naive macs}

    a[l+2] = g(z[l+2] + a[l])
    ```

    ```python
    print("code stays in the text")
    ```

    ```try
    goal: Insert a 1x1 convolution with 16 filters,
      before the 5x5 one.
    check: has conv2d kernel=1 filters=16
    check: macs < 13M
    hint: Drop a Conv2d on the edge; the naive cost is 120M{conv5x5-naive macs}.
    ```

    ```try
    preset: conv5x5-bottleneck
    goal: Widen the bottleneck to 32 filters.
    check: has conv2d kernel=1 filters=32
    ```
    """
).replace("The 5x5 cost{conv5x5-naive macs}", "The 5x5 cost")


def test_a_lesson_is_cut_into_text_formula_and_step_blocks():
    lesson = parse_lesson(LESSON, "en", "L99.md")
    assert (lesson.id, lesson.title, lesson.language) == ("L99", "The 5x5 cost", "en")
    assert lesson.presets == ("conv5x5-naive", "conv5x5-bottleneck")
    kinds = [type(block) for block in lesson.blocks]
    assert kinds == [Text, Formula, Text, Step, Step]
    assert lesson.blocks[0].line == 6
    assert lesson.blocks[0].markdown.startswith("A 5x5 convolution costs 120,422,400 MACs.")
    assert lesson.formulas == ["MACs = 28×28×32 × 5×5×192 = 120,422,400", "a[l+2] = g(z[l+2] + a[l])"]
    assert lesson.blocks[1].line_numbers == (10, 12)
    assert 'print("code stays in the text")' in lesson.blocks[2].markdown


def test_steps_read_their_fields_and_continuation_lines():
    first, second = parse_lesson(LESSON, "en").steps
    assert first.number == 1 and second.number == 2
    assert first.goal == "Insert a 1x1 convolution with 16 filters, before the 5x5 one."
    assert [c.text for c in first.conditions] == ["has conv2d kernel=1 filters=16", "macs < 13M"]
    assert first.hint == "Drop a Conv2d on the edge; the naive cost is 120M."
    assert (first.preset, second.preset) == (
        "conv5x5-naive",
        "conv5x5-bottleneck",
    )  # the lesson's first by default
    assert first.line == 20


def test_annotations_are_collected_with_their_lines_and_never_shown():
    lesson = parse_lesson(LESSON, "en")
    assert [(f.shown, f.expression, f.line) for f in lesson.figures] == [
        ("120,422,400", "conv5x5-naive macs", 6),
        ("120,422,400", "conv5x5-naive macs", 10),
        ("120M", "conv5x5-naive macs", 24),
    ]
    assert not any("{" in block.markdown for block in lesson.blocks if isinstance(block, Text))


def test_links_are_collected_outside_code():
    assert [link.url for link in parse_lesson(LESSON, "en").links] == ["preset:conv5x5-naive"]


def test_a_step_checks_the_network_in_the_lessons_language():
    step = parse_lesson(LESSON, "ko").steps[0]
    network = preset("conv5x5-naive")
    result = step.evaluate(network)
    assert not result.passed
    assert result.message == "kernel=1, filters=16인 Conv2d 층이 아직 없습니다"
    assert result.hint == "Drop a Conv2d on the edge; the naive cost is 120M."
    reduce = network.add_node("conv2d", {"kernel": 1, "filters": 16})
    network.insert_between(reduce.id, network.find("input").id, network.find("conv").id)
    assert step.evaluate(network).passed and step.evaluate(network).message == "완료"


def test_windows_line_ends_and_a_byte_order_mark_are_read():
    lesson = parse_lesson("\ufeff" + LESSON.replace("\n", "\r\n"), "en")
    assert lesson.id == "L99" and len(lesson.steps) == 2


def broken(old, new):
    assert old in LESSON
    return LESSON.replace(old, new, 1)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("no header\n", 1, "a lesson starts with a header"),
        ("---\nid: L1\ntitle: t\n", 1, "the header is not closed"),
        (broken("id: L99", "id: L99\nauthor: me"), 3, "the header takes id, title, presets"),
        (broken("id: L99", "id: L99\nid: L98"), 3, "'id' is given twice"),
        (broken("title: The 5x5 cost\n", ""), 1, "the header needs 'title: ...'"),
        (broken("id: L99", "id: L 99"), 2, "the id 'L 99' may hold only"),
        (broken("presets: conv5x5-naive", "presets: conv5x5-naïve"), 4, "'conv5x5-naïve' is not a preset"),
        (
            LESSON + "```try\ngoal: never closed\n",
            LESSON.count("\n") + 1,
            "the block opened here is not closed",
        ),
        (
            broken(
                "```formula\nMACs = 28×28×32 × 5×5×192 = 120,422,400{conv5x5-naive macs}\n\na[l+2] = g(z[l+2] + a[l])\n",
                "```formula\n",
            ),
            9,
            "the formula block is empty",
        ),
        (broken("check: macs < 13M", "check: macs < lots"), 23, "'lots' is not a number"),
        (broken("check: macs < 13M", "chek: macs < 13M"), 23, "a step's lines are preset, goal, check, hint"),
        (broken("goal: Widen", "check: valid\nnot-a-goal: Widen"), 30, "a step's lines are"),
        (broken("goal: Widen the bottleneck to 32 filters.\n", ""), 27, "a step needs a 'goal:' line"),
        (
            broken("check: has conv2d kernel=1 filters=32\n", ""),
            27,
            "a step needs at least one 'check:' line",
        ),
        (broken("goal: Widen", "goal: once\ngoal: Widen"), 30, "a step has one 'goal:'"),
        (broken("preset: conv5x5-bottleneck", "preset: conv5x5-wide"), 28, "'conv5x5-wide' is not a preset"),
        (broken("(preset:conv5x5-naive)", "(preset:lenet6)"), 7, "'lenet6' is not a preset"),
        (broken("(preset:conv5x5-naive)", "(file:///etc/passwd)"), 7, "is not a link CNN Studio can follow"),
        (
            broken("{conv5x5-naive macs} MACs.", "{conv5x5-wide macs} MACs."),
            6,
            "'conv5x5-wide' is not a preset id",
        ),
        (broken("{conv5x5-naive macs} MACs.", "{conv5x5-naive} MACs."), 6, "is not PRESET QUANTITY"),
        (
            broken("costs 120,422,400{conv5x5-naive macs}", "costs a lot {conv5x5-naive macs}"),
            6,
            "must follow a number",
        ),
    ],
)
def test_a_mistake_in_a_lesson_file_names_the_file_and_the_line(text, line, message):
    with pytest.raises(LessonError) as caught:
        parse_lesson(text, "en", "mine.md")
    assert str(caught.value).startswith(f"mine.md, line {line}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: path.mkdir(), "it is a folder, not a file"),
        (lambda path: None, "no such file or directory"),
        (lambda path: path.write_bytes(b"---\xff\xfe"), "not UTF-8"),
        (lambda path: path.write_bytes(b" " * (MAX_LESSON_BYTES + 1)), "larger than"),
    ],
)
def test_a_lesson_file_that_cannot_be_read_gives_one_message(tmp_path, make, message):
    path = tmp_path / "L01-x.md"
    make(path)
    with pytest.raises(LessonError, match=message) as caught:
        load_lesson(path, "en")
    assert str(caught.value).startswith(f"{path}: cannot read the lesson: ")


@pytest.mark.parametrize(
    ("url", "kind", "targets"),
    [
        ("preset:lenet5", "preset", ("lenet5",)),
        ("compare:conv5x5-naive,conv5x5-bottleneck", "compare", ("conv5x5-naive", "conv5x5-bottleneck")),
        ("experiment:depth", "experiment", ("depth",)),
        ("experiment:identity", "experiment", ("identity",)),
        ("lesson:L04", "lesson", ("L04",)),
        ("https://arxiv.org/abs/1512.03385", "web", ("https://arxiv.org/abs/1512.03385",)),
    ],
)
def test_the_links_a_lesson_may_hold(url, kind, targets):
    link = parse_link(url)
    assert (link.kind, link.targets, link.url) == (kind, targets, url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("preset:lenet5,alexnet", "preset: takes one preset"),
        ("compare:lenet5", "compare: takes two or more presets"),
        ("compare:lenet5,lenet6", "'lenet6' is not a preset"),
        ("experiment:speed", "the experiments are depth, identity"),
        ("lesson:", "lesson: takes one lesson id"),
        ("javascript:alert(1)", "is not a link CNN Studio can follow"),
        ("L04.md", "is not a link CNN Studio can follow"),
    ],
)
def test_a_link_outside_the_set_is_refused(url, message):
    with pytest.raises(LinkError, match=message):
        parse_link(url)


def write(folder, name, lesson_id, title, extra=""):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"---\nid: {lesson_id}\ntitle: {title}\n---\nText.{extra}\n", encoding="utf-8")


def test_a_language_falls_back_to_english_lesson_by_lesson(tmp_path):
    write(tmp_path / "en", "L1.md", "L1", "One")
    write(tmp_path / "en", "L2.md", "L2", "Two")
    write(tmp_path / "ko", "L2.md", "L2", "둘")
    write(tmp_path / "ko", "L3.md", "L3", "셋")
    catalog = load_catalog("ko", [tmp_path])
    assert [(lesson.id, lesson.title, lesson.language) for lesson in catalog.lessons] == [
        ("L1", "One", "en"),
        ("L2", "둘", "ko"),
        ("L3", "셋", "ko"),
    ]
    assert load_catalog("ko_KR", [tmp_path]).language == "ko"
    assert [lesson.title for lesson in load_catalog("fr", [tmp_path]).lessons] == ["One", "Two"]


def test_lessons_are_in_natural_order_and_a_teachers_folder_adds_and_replaces(tmp_path):
    app, mine = tmp_path / "app", tmp_path / "mine"
    write(app / "en", "a.md", "L2", "Two")
    write(app / "en", "b.md", "L10", "Ten")
    write(mine / "en", "c.md", "L2", "My two")
    write(mine / "en", "d.md", "L3", "My three")
    catalog = load_catalog("en", [app, mine])
    assert [(lesson.id, lesson.title) for lesson in catalog.lessons] == [
        ("L2", "My two"),
        ("L3", "My three"),
        ("L10", "Ten"),
    ]
    assert catalog.lesson("L10").title == "Ten"
    with pytest.raises(KeyError):
        catalog.lesson("L4")


def test_a_broken_lesson_is_left_out_and_reported_while_the_others_load(tmp_path):
    write(tmp_path / "en", "L1.md", "L1", "One", " See [L9](lesson:L9).")
    write(tmp_path / "en", "L2.md", "L2", "Two")
    write(tmp_path / "en", "L2-copy.md", "L2", "Two again")
    (tmp_path / "en" / "L3.md").write_text("no header", encoding="utf-8")
    catalog = load_catalog("en", [tmp_path])
    assert catalog.ids == ["L1", "L2"]
    problems = "\n".join(catalog.problems)
    assert f"{tmp_path / 'en' / 'L3.md'}, line 1: a lesson starts with a header" in problems
    assert "the id 'L2' is already used by" in problems
    assert "the link lesson:L9 names no lesson" in problems


def test_verify_lesson_finds_a_figure_or_a_formula_the_app_contradicts():
    text = broken("120,422,400{conv5x5-naive macs} MACs.", "120,422,401{conv5x5-naive macs} MACs.")
    text = text.replace("a[l+2] = g(z[l+2] + a[l])", "2 + 2 = 5")
    problems = verify_lesson(parse_lesson(text, "en", "mine.md"))
    assert problems == [
        "mine.md, line 6: 120,422,401 does not match {conv5x5-naive macs}, which is 120,422,400",
        "mine.md, line 12: 5 is not 2 + 2 (which is 4)",
    ]
    assert verify_lesson(parse_lesson(LESSON, "en")) == []


def test_unchecked_figures_are_numbers_nothing_vouches_for():
    text = broken(
        "A 5x5 convolution",
        "In 1998 a 5x5 convolution (LeCun et al., 1998) in VGG-16 with 7 layers:\n\n1. first\n",
    )
    text = text.replace("Drop a Conv2d on the edge;", "Use 16 filters and 4 tries;")
    found = unchecked_figures(parse_lesson(text, "en", "mine.md"))
    assert found == ["mine.md, line 6: 1998", "mine.md, line 6: 7", "mine.md, line 27: 4"]


HOSTILE = {
    "a run of digits": "1" * 300_000,
    "brackets that never close": "[" * 200_000,
    "link labels that never close": "[a](" * 100_000,
    "links": "[a](preset:lenet5) " * 50_000,
    "annotations": "1{lenet5 conv1 stride} " * 20_000,
    "annotations on many lines": "1{lenet5 conv1 stride}\n" * 20_000,
    "a deeply nested formula": "```formula\n"
    + "(" * 600
    + "1"
    + ")" * 600
    + " = 1{lenet5 conv1 stride}\n```\n",
    "a long product": "```formula\n" + "9 × " * 450 + "9 = 1{lenet5 conv1 stride}\n```\n",
    "a shape torn by spaces": "1x" + " " * 300_000 + "1",
    "fences": "```\n" * 50_000,
    "commas": "1," * 150_000,
}


@pytest.mark.parametrize("body", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_lesson_is_read_and_checked_in_time_linear_in_its_size(body):
    """Each of these took minutes to hours with a quadratic scan; read linearly they take well
    under a second, so the test finishing is the check."""
    try:
        lesson = parse_lesson("---\nid: X\ntitle: t\n---\n" + body, "en", "x.md")
    except LessonError as error:
        assert str(error).startswith("x.md, line ")
        return
    assert isinstance(verify_lesson(lesson), list)
    assert isinstance(unchecked_figures(lesson), list)
