"""The message catalog: templates with typed fields matched against finished English messages,
nesting, sentences and lines, joined messages, and one lazily compiled catalog per language
shared by threads."""

from __future__ import annotations

import threading

import pytest

import cnnstudio.i18n as i18n
from cnnstudio.i18n import translate
from cnnstudio.i18n.catalog import Catalog
from cnnstudio.i18n.templates import TemplateError, parse

SMALL = Catalog.build(
    "ko",
    [
        ("{what:m} needs a name", "{what}에 이름이 필요합니다"),
        ("a layer", "층"),
        ("kernel {kernel:s} is larger than the {size:s} input", "커널({kernel})이 입력({size})보다 큽니다"),
        ("{count:n} blocks", "블록 {count}개"),
        ("{field:q} is missing", "{field} 항목이 없습니다"),
        ("{where}: {message:m}", "{where}: {message}"),
        ("cannot open {name}: {error:m}", "{name}을(를) 열 수 없습니다: {error}"),
        ("use padding", "패딩을 넣으세요"),
    ],
)


def test_fields_take_only_text_of_their_kind():
    assert SMALL.translate("61,706 blocks") == "블록 61,706개"
    assert SMALL.translate("many blocks") == "many blocks"  # not a number
    assert SMALL.translate("kernel 5x5 is larger than the 3x3 input") == "커널(5x5)이 입력(3x3)보다 큽니다"
    assert (
        SMALL.translate("kernel big is larger than the 3x3 input")
        == "kernel big is larger than the 3x3 input"
    )
    assert SMALL.translate("'nodes[0].name' is missing") == "'nodes[0].name' 항목이 없습니다"
    assert SMALL.translate("nodes is missing") == "nodes is missing"  # a q field needs its quotes


def test_a_message_field_is_translated_in_turn_and_nests():
    assert SMALL.translate("a layer needs a name") == "층에 이름이 필요합니다"
    assert SMALL.translate("an unknown thing needs a name") == "an unknown thing에 이름이 필요합니다"
    nested = "cannot open 'f.json': 'nodes[3]': conv1: a layer needs a name"
    assert (
        SMALL.translate(nested) == "'f.json'을(를) 열 수 없습니다: 'nodes[3]': conv1: 층에 이름이 필요합니다"
    )


def test_sentences_lines_and_unknown_text():
    assert SMALL.translate("A layer needs a name.") == "층에 이름이 필요합니다."
    assert SMALL.translate("12 blocks\n  a layer needs a name\n\nnothing known") == (
        "블록 12개\n  층에 이름이 필요합니다\n\nnothing known"
    )
    assert SMALL.translate("") == ""
    assert SMALL.translate("no entry matches this") == "no entry matches this"


def test_messages_joined_with_semicolons_are_translated_part_by_part():
    assert SMALL.translate("a layer needs a name; 3 blocks") == "층에 이름이 필요합니다; 블록 3개"
    assert SMALL.translate("a layer needs a name; something else; use padding") == (
        "층에 이름이 필요합니다; something else; 패딩을 넣으세요"
    )
    # a message ending a template may hold "; " itself
    assert SMALL.translate("cannot open x: a layer needs a name; use padding") == (
        "x을(를) 열 수 없습니다: 층에 이름이 필요합니다; 패딩을 넣으세요"
    )


def test_a_name_holding_the_literal_after_it_still_matches():
    # a Korean preset title holds " (", the literal that follows the name in the template
    template = parse("{name} has {count:n} more than {baseline} ({value:n} against {base:n}).")
    values = template.match("A has 1 more than 5x5 합성곱 (그대로) (2 against 1).")
    assert values == {"name": "A", "count": "1", "baseline": "5x5 합성곱 (그대로)", "value": "2", "base": "1"}
    text = "1x1 병목층을 둔 5x5 합성곱 has 1 more weight layer than 5x5 합성곱 (그대로) (2 against 1)."
    assert (
        translate(text, "ko")
        == "1x1 병목층을 둔 5x5 합성곱의 가중치 층은 5x5 합성곱 (그대로)보다 1개 많습니다 (2 대 1)."
    )


def test_later_occurrences_are_tried_a_bounded_number_of_times():
    template = parse("{name} ({value:n}).")
    assert template.match("x" + " (y" * 5 + " (3).") is not None
    assert template.match("x" + " (y" * 50 + " (3).") is None  # past the bound: left as it is


def test_bad_templates_are_refused():
    with pytest.raises(TemplateError, match="touch"):
        parse("{a}{b}")
    with pytest.raises(TemplateError, match="unknown field kind"):
        parse("{a:z} x")
    with pytest.raises(TemplateError, match="leaves out"):
        Catalog.build("ko", [("{a} x {b}", "{a}")])
    with pytest.raises(TemplateError, match="not a field"):
        Catalog.build("ko", [("{a} x", "{a} {c}")])
    with pytest.raises(TemplateError, match="twice"):
        Catalog.build("ko", [("x", "가"), ("x", "나")])


def test_translate_english_unknown_languages_and_locale_names():
    text = "kernel 5x5 is larger than the 3x3 input; use padding or a smaller kernel"
    assert translate(text, "en") is text
    assert translate(text, "fr") is text
    assert translate(text, "ko_KR.UTF-8") == translate(text, "ko") != text
    assert translate("unknown words", "ko") == "unknown words"


def test_numbers_units_and_layer_types_stay_as_they_are():
    korean = translate("a linear layer to 10 classes", "ko")  # not a whole message: unchanged
    assert korean == "a linear layer to 10 classes"
    line = translate("conv1 (Conv2d) takes one input, has 2; merge them with Add or Concat", "ko")
    assert "Conv2d" in line and "Add" in line and "Concat" in line


def test_the_locale_decides_when_nothing_is_given():
    assert i18n.locale_language({"LANG": "ko_KR.UTF-8"}) == "ko"
    assert i18n.locale_language({"LC_ALL": "C", "LANG": "ko_KR.UTF-8"}) == "en"
    assert i18n.locale_language({"LC_MESSAGES": "ko_KR", "LANG": "en_US.UTF-8"}) == "ko"
    assert i18n.locale_language({}) == "en"


class _WatchedLock:
    """The module's lock, telling the test when a second thread asks for it."""

    def __init__(self, first: threading.Thread | None, arrived: threading.Event) -> None:
        self.lock = threading.Lock()
        self.first = first
        self.arrived = arrived

    def __enter__(self):
        if threading.current_thread() is not self.first:
            self.arrived.set()
        return self.lock.__enter__()

    def __exit__(self, *exc):
        return self.lock.__exit__(*exc)


def test_two_threads_compile_one_catalog_once(monkeypatch):
    monkeypatch.setattr(i18n, "_catalogs", {})
    arrived = threading.Event()
    lock = _WatchedLock(None, arrived)
    monkeypatch.setattr(i18n, "_lock", lock)
    compiled = []
    real_entries = i18n._entries

    def entries(lang):
        compiled.append(threading.current_thread())
        if len(compiled) == 1:
            second.start()
            # the first compile waits until the second thread asks for the catalog too: it is
            # then blocked on the lock (or, without one, compiling a second catalog)
            assert arrived.wait(30)
        return real_entries(lang)

    monkeypatch.setattr(i18n, "_entries", entries)
    found = {}

    def ask(name):
        found[name] = i18n.catalog("ko")

    first = threading.Thread(target=ask, args=("first",))
    second = threading.Thread(target=ask, args=("second",))
    lock.first = first
    first.start()
    first.join(60)
    second.join(60)
    assert len(compiled) == 1
    assert found["first"] is found["second"] is i18n.catalog("ko")


@pytest.mark.parametrize(
    ("english", "korean"),
    [
        ("3 more weight layers", "가중치 층 3개 많음"),  # was "가중치 층 3 많음": a share's template matched
        ("2 fewer weight layers", "가중치 층 2개 적음"),
        ("0.8% more parameters", "파라미터 0.8% 많음"),
        (
            "A has 0.8% more parameters than B (10 against 9).",
            "A의 파라미터 수는 B보다 0.8% 많습니다 (10 대 9).",
        ),
    ],
)
def test_a_comparison_counts_weight_layers_and_gives_shares_in_percent(english, korean):
    from cnnstudio.i18n import translate

    assert translate(english, "ko") == korean
