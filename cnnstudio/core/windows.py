"""Sliding-window arithmetic shared by convolutions and pooling.

Output size, padding resolution, input checks, and the formulas that show them.
"""

from __future__ import annotations

import math

from .blocks import Evaluation, Shape, fmt


class ShapeProblem(Exception):
    """An input the block cannot take; the message is shown to the student."""


def image_dims(shape: Shape, title: str) -> tuple[int, int, int]:
    """``(C, H, W)`` of an image-shaped input, or :class:`ShapeProblem` for a flat one."""
    if len(shape) != 3:
        raise ShapeProblem(
            f"{title} needs an image-shaped input (H x W x C) but gets a flat vector of "
            f"{fmt(shape[0])} numbers; move it before the Flatten"
        )
    c, h, w = shape
    return c, h, w


def flat_size(shape: Shape, title: str) -> int:
    """Length of a flat input, or :class:`ShapeProblem` for an image-shaped one."""
    if len(shape) != 1:
        c, h, w = shape
        raise ShapeProblem(
            f"{title} needs a flat input but gets {h}x{w}x{c}; add a Flatten (or a GlobalAvgPool) before it"
        )
    return shape[0]


def resolve_padding(padding: str | int, kernel: int) -> int:
    """Pixels added on each side: ``'valid'`` is 0, ``'same'`` keeps the size at stride 1."""
    if padding == "valid":
        return 0
    if padding == "same":
        if kernel % 2 == 0:
            raise ShapeProblem(
                f"'same' padding needs an odd kernel size, got {kernel}x{kernel}; "
                f"give the padding in pixels instead"
            )
        return (kernel - 1) // 2
    return int(padding)


def window_out(size: int, kernel: int, stride: int, pad: int, ceil_mode: bool = False) -> int:
    """Number of window positions along one axis (PyTorch's rule, ceil mode included)."""
    span = size + 2 * pad - kernel
    if not ceil_mode:
        return span // stride + 1
    out = math.ceil(span / stride) + 1
    if (out - 1) * stride >= size + pad:
        out -= 1  # the last window would start inside the right padding
    return out


def window_formula(
    axis: str, size: int, kernel: int, stride: int, pad: int, out: int, ceil_mode: bool
) -> str:
    """``H_out = floor((28 + 2*2 - 5)/1) + 1 = 28``."""
    rounding = "ceil" if ceil_mode else "floor"
    return f"{axis}_out = {rounding}(({size} + 2*{pad} - {kernel})/{stride}) + 1 = {out}"


def check_window_fits(h: int, w: int, kernel: int, pad: int) -> None:
    """Raise :class:`ShapeProblem` when the kernel is larger than the padded input."""
    if kernel <= min(h, w) + 2 * pad:
        return
    if pad == 0:
        raise ShapeProblem(
            f"kernel {kernel}x{kernel} is larger than the {h}x{w} input; use padding or a smaller kernel"
        )
    ph, pw = h + 2 * pad, w + 2 * pad
    raise ShapeProblem(
        f"kernel {kernel}x{kernel} is larger than the {h}x{w} input even with padding "
        f"({ph}x{pw}); use a smaller kernel"
    )


def sliding_window(
    shape: Shape, kernel: int, stride: int, pad: int, channels_out: int, ceil_mode: bool = False
) -> tuple[Evaluation, int, int]:
    """Output shape, and its formula, of a kernel sliding over an input of *shape*.

    Returns the evaluation (costs still zero) and the output height and width.
    """
    _, h, w = shape
    h_out = window_out(h, kernel, stride, pad, ceil_mode)
    w_out = window_out(w, kernel, stride, pad, ceil_mode)
    if h_out < 1 or w_out < 1:
        # In ceil mode a window may run off the edge, so only an empty output is refused.
        check_window_fits(h, w, kernel, pad)

    def explain_shape() -> str:
        lines = [window_formula("H", h, kernel, stride, pad, h_out, ceil_mode)]
        if (h, h_out) != (w, w_out):
            lines.append(window_formula("W", w, kernel, stride, pad, w_out, ceil_mode))
        else:
            lines[0] = lines[0].replace("H_out", "H_out = W_out", 1)
        return "\n".join(lines)

    evaluation = Evaluation(shape=(channels_out, h_out, w_out))
    evaluation.formulas["output_shape"] = explain_shape
    return evaluation, h_out, w_out


def elements(shape: Shape) -> int:
    """Number of numbers in a tensor of *shape*."""
    count = 1
    for d in shape:
        count *= d
    return count


def elements_formula(shape: Shape) -> str:
    """``28*28*32 = 25,088`` (H*W*C, the lecture's order)."""
    if len(shape) == 3:
        c, h, w = shape
        return f"{h}*{w}*{c} = {fmt(c * h * w)}"
    return f"{fmt(shape[0])}"
