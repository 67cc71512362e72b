"""The loader against any JSON value in any field: only FileFormatError ever escapes, its message
is one short line, and whatever loads saves and loads back exactly."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
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


BASE = json.loads(dumps(preset("resnet20")))
PLACES = list(places(BASE))


def replaced(path, value):
    if not path:
        return value
    data = json.loads(json.dumps(BASE))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def assert_refused_or_round_trips(load):
    try:
        network = load()
    except FileFormatError as error:
        message = str(error)
        assert message and "\n" not in message and len(message) < MESSAGE_LIMIT, message
        return
    text = dumps(network)
    assert dumps(loads(text)) == text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(PLACES), value=values)
def test_any_value_in_any_field_is_refused_by_name_or_loads_exactly(path, value):
    assert_refused_or_round_trips(lambda: from_dict(replaced(path, value)))


@settings(max_examples=200, deadline=None)
@given(path=st.sampled_from(PLACES), key=st.text(max_size=8), value=values)
def test_any_extra_key_is_refused_by_name_or_loads_exactly(path, key, value):
    data = replaced((), json.loads(json.dumps(BASE)))
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
