"""Numbers and shapes as people write them, and rounded figures checked at their precision."""

from decimal import Decimal
from fractions import Fraction

import pytest

from cnnstudio.teaching.quantities import (
    number_text,
    parse_number,
    parse_shape,
    round_to_figures,
    shape_text,
    significant_figures,
)


@pytest.mark.parametrize(
    ("text", "value", "rounded"),
    [
        ("61,706", 61706, False),
        ("4096", 4096, False),
        ("13M", 13_000_000, True),
        ("12.4M", 12_400_000, True),
        ("60k", 60_000, True),
        ("1.58G", 1_580_000_000, True),
        ("6만", 60_000, True),
        ("1억", 100_000_000, True),
        ("9.68", Decimal("9.68"), True),
    ],
)
def test_numbers_are_read_with_commas_units_and_decimals(text, value, rounded):
    number = parse_number(text)
    assert number.value == value and number.rounded is rounded


@pytest.mark.parametrize("text", ["", "abc", "6,17,06", "1,2345", "12.4MB", "--3", "1e6"])
def test_what_is_not_a_number_is_refused(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("mantissa", "figures"), [("60", 1), ("120", 2), ("138", 3), ("10.0", 3), ("0.5", 1)]
)
def test_trailing_zeros_of_a_whole_number_are_placeholders(mantissa, figures):
    assert significant_figures(mantissa) == figures


@pytest.mark.parametrize(
    ("shown", "actual"),
    [
        ("60k", 61_706),  # the lecture's LeNet-5
        ("60M", 62_378_344),  # the lecture's AlexNet, one GPU
        ("60M", 60_965_224),  # ... and two
        ("62.4M", 62_378_344),
        ("61.0M", 60_965_224),
        ("120M", 120_422_400),
        ("12.4M", 12_443_648),
        ("10.0M", 10_035_200),
        ("9.68", Fraction(120_422_400, 12_443_648)),
        ("61,706", 61_706),
    ],
)
def test_a_rounded_figure_matches_the_exact_value_it_rounds(shown, actual):
    assert parse_number(shown).matches(actual)


@pytest.mark.parametrize(
    ("shown", "actual"),
    [
        ("61,705", 61_706),
        ("62M", 62_578_344),
        ("61.1M", 60_965_224),
        ("9.67", Fraction(120_422_400, 12_443_648)),
    ],
)
def test_a_figure_that_does_not_round_to_it_does_not_match(shown, actual):
    assert not parse_number(shown).matches(actual)


def test_rounding_keeps_the_significant_figures():
    assert round_to_figures(Decimal(61_706), 1) == 60_000
    assert round_to_figures(Decimal(12_443_648), 3) == 12_400_000
    assert round_to_figures(Decimal(0), 2) == 0


@pytest.mark.parametrize(
    ("text", "shape"),
    [("28x28x256", (256, 28, 28)), ("28 × 28 × 32", (32, 28, 28)), ("9216", (9216,)), ("9,216", (9216,))],
)
def test_shapes_are_height_width_channels(text, shape):
    assert parse_shape(text) == shape
    assert parse_shape(shape_text(shape)) == shape


@pytest.mark.parametrize("text", ["28x28", "28x28x", "a x b x c", "1.5", "12k", "1x2x3x4"])
def test_what_is_not_a_shape_is_refused(text):
    assert parse_shape(text) is None


def test_numbers_are_shown_with_thousands_separators():
    assert number_text(120_422_400) == "120,422,400"
    assert shape_text(None) == "?"
