"""The loader against any JSON value in any field: only FileFormatError ever escapes, its message
is one short line, and whatever loads saves and loads back exactly."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from cnnstudio.core import preset
from cnnstudio.core.fileformat import FileFormatError, dumps, from_dict, loads

MESSAGE_LIMIT = 400

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(
        ["same", "valid", "²", "٣", " 7 ", "0" * 50 + "1", "n1", "n2", "", " ", "\ud800", "conv"]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)


def places(data, prefix=()):
    """Every path to a value inside *data* (JSON-ready), the root included."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from places(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from places(value, (*prefix, i))


BASES = [json.loads(dumps(preset(name))) for name in ("lenet5", "alexnet", "resnet20", "googlenet")]
"""Between them every block type and every kind of setting: whole numbers, padding, real numbers
(LRN, dropout), true/false, choices (residual blocks), and nodes with several inputs."""


def replaced(base, path, value):
    if not path:
        return value
    data = json.loads(json.dumps(base))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@st.composite
def a_place(draw):
    """A base network and the path to one value in it (the root included)."""
    base = draw(st.sampled_from(BASES))
    node = draw(st.integers(0, len(base["nodes"]) - 1))
    inside = list(places(base["nodes"][node], ("nodes", node)))
    header = [(), ("format",), ("version",), ("name",), ("nodes",)]
    return base, draw(st.sampled_from(header + inside))


def assert_refused_or_round_trips(load):
    try:
        network = load()
    except FileFormatError as error:
        event("refused")
        message = str(error)
        assert message and "\n" not in message and len(message) < MESSAGE_LIMIT, message
        return
    event("loaded")
    text = dumps(network)
    assert dumps(loads(text)) == text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=a_place(), value=values)
def test_any_value_in_any_field_is_refused_by_name_or_loads_exactly(place, value):
    base, path = place
    assert_refused_or_round_trips(lambda: from_dict(replaced(base, path, value)))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=a_place(), key=st.text(max_size=8), value=values)
def test_any_extra_key_or_entry_is_refused_by_name_or_loads_exactly(place, key, value):
    base, path = place
    data = json.loads(json.dumps(base))
    target = data
    for step in path:
        target = target[step]
    if isinstance(target, dict):
        target[key] = value
    elif isinstance(target, list):
        target.append(value)
    assert_refused_or_round_trips(lambda: from_dict(data))


TEXT = dumps(preset("lenet5"))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_edit_of_the_text_is_refused_or_loads_exactly(data):
    start = data.draw(st.integers(0, len(TEXT)))
    end = data.draw(st.integers(start, min(len(TEXT), start + 40)))
    insert = data.draw(
        st.text(max_size=12) | st.sampled_from(["[" * 5000, "9" * 5000, "NaN", "1e999", "\\ud800", '"', "}"])
    )
    assert_refused_or_round_trips(lambda: loads(TEXT[:start] + insert + TEXT[end:]))
