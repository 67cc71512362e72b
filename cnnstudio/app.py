"""Start-up of the desktop app: ``cnnstudio [NET] [--lang en|ko] [--screenshot PATH]``.

The window speaks the language ``--lang`` gives (for this run only), else the one chosen under
View > Language, else the system's (see :mod:`cnnstudio.ui.language`).

Without a screen the app cannot open a window; it then says so in one line and exits with
status 1, unless it is only asked for a screenshot, which it draws offscreen. A NET that is
neither a preset nor a readable network file exits with status 2 (see :mod:`cnnstudio.cli`).
"""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path

from .cli import UsageError, _Parser, is_whole_number, load_network
from .comparing import READY_MADE
from .core import PRESETS, Network
from .core.analysis import COLUMNS
from .core.atomic import atomic_write
from .core.jsonfile import printable
from .teaching.messages import LANGUAGES

EXIT_NO_DISPLAY = 1
SCREENSHOT_SIZE = (1600, 1000)
TABLE_COLUMNS = ("layer", "type", *COLUMNS, "macs_share")


def parse_args(argv: list[str]):
    parser = _Parser(
        prog="cnnstudio",
        description="Open CNN Studio's window (other commands: presets, summary, train, export, compare).",
    )
    parser.add_argument(
        "net",
        nargs="?",
        help="a preset id (see 'cnnstudio presets'), a .cnnstudio.json file or an .onnx model",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="the language of the window for this run (en or ko); "
        "without it, the one chosen under View > Language, else the system's",
    )
    parser.add_argument(
        "--screenshot", metavar="PATH", help="save a PNG of the window (1600x1000 unless --size) and exit"
    )
    parser.add_argument("--select", metavar="LAYER", help="select a layer (inner layers: block.layer)")
    parser.add_argument(
        "--column", choices=TABLE_COLUMNS, default="macs", help="the table cell whose formula to show"
    )
    parser.add_argument("--open-block", metavar="BLOCK", help="open a residual or inception block")
    parser.add_argument("--start-page", action="store_true", help="show the case-study cards at start")
    parser.add_argument(
        "--compare",
        metavar="ID",
        choices=list(READY_MADE),
        help="show a ready-made comparison: " + ", ".join(READY_MADE),
    )
    parser.add_argument("--size", metavar="WxH", type=window_size, help="the window's size, e.g. 1600x1000")
    parser.add_argument("--lesson", metavar="ID", help="show a lesson beside the network (L01 to L07)")
    parser.add_argument(
        "--lesson-language", choices=LANGUAGES, help="the language of lessons and exercises (en or ko)"
    )
    parser.add_argument(
        "--exercise",
        metavar="FILE",
        help="open an exercise (*.cnnstudio-exercise.json); with NET, check NET as the work on it",
    )
    return parser.parse_args(argv)


def window_size(text: str) -> tuple[int, int]:
    """``"1600x1000"`` -> ``(1600, 1000)``."""
    width, _, height = text.partition("x")
    if (
        not (is_whole_number(width, 5) and is_whole_number(height, 5))
        or int(width) < 400
        or int(height) < 300
    ):
        raise UsageError(
            f"--size must look like 1600x1000 (at least 400x300, at most 99999), got {printable(text)}"
        )
    return int(width), int(height)


def open_network(name: str | None) -> tuple[Network | None, Path | None]:
    """The network NET names and its file (None for a preset); UsageError if it cannot open."""
    if name is None:
        return None, None
    network = load_network(name)
    imported = name.lower().endswith(".onnx")  # a new network: Save must not write over the model
    return network, (None if name in PRESETS or imported else Path(name))


def display_problem() -> str | None:
    """Why no window can be shown here (None when a screen is available)."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return None
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    display = os.environ.get("DISPLAY")
    if not display:
        return "no display found (DISPLAY is not set)"
    if not _x_server_answers(display):
        return f"no display found (nothing answers at DISPLAY={display})"
    return None


def _x_server_answers(display: str) -> bool:
    """Whether a local X server listens at *display* (remote displays are trusted)."""
    host, _, number = display.rpartition(":")
    number = number.split(".")[0]
    if host not in ("", "unix") or not number.isdigit():
        return True
    for address in (f"\0/tmp/.X11-unix/X{number}", f"/tmp/.X11-unix/X{number}"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(address)
            except OSError:
                continue
            return True
    return False


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    network, path = open_network(args.net)
    args.exercise = load_exercise_arg(args.exercise)
    problem = display_problem()
    if problem and not args.screenshot:
        print(
            f"cnnstudio: {problem}: run it on a desktop, under a virtual screen (xvfb-run cnnstudio), "
            "or save a picture with cnnstudio --screenshot out.png",
            file=sys.stderr,
        )
        return EXIT_NO_DISPLAY
    if problem:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        _hide_offscreen_noise()
    return _run(args, network, path)


def _hide_offscreen_noise() -> None:
    """The offscreen platform warns each time a window lays out its docks; nobody can act on it."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _run(args, network: Network | None, path: Path | None) -> int:
    import shiboken6
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = make_window(app, args, network, path)
    try:
        if args.screenshot or args.size:
            window.resize(*(args.size or SCREENSHOT_SIZE))
            window.default_dock_sizes()  # shares of the size asked for
        _arrange(window, args)
        if args.screenshot:
            return _save_screenshot(app, window, Path(args.screenshot), args.start_page)
        window.first_painted.connect(lambda: _greet(window, args))
        window.show()
        return app.exec()
    finally:
        if args.screenshot:
            window.files.close()  # a picture leaves no recovery file behind, whatever happened
        shiboken6.delete(window)  # now, while the application exists: its parts talk to it as they go


def make_window(app, args, network: Network | None, path: Path | None):
    """The main window of *network* (saved at *path*), in the language of this run: fonts
    registered and translations installed before it is built."""
    from .ui import MainWindow
    from .ui.fonts import install_fonts
    from .ui.language import current_language, install_translators, set_session_language

    app.setApplicationName("cnnstudio")
    app.setApplicationDisplayName("CNN Studio")
    install_fonts(app)  # Korean renders even where the system has no Korean font
    set_session_language(args.lang)
    install_translators(current_language(), app)
    return MainWindow(network, path, remember_layout=not args.screenshot)


def _greet(window, args) -> None:
    """Once the window is on screen: offer back work a crash left unsaved, else the start page."""
    recovered = window.files.offer_recovery()
    if args.start_page or (args.net is None and not recovered and window.settings.show_start_page()):
        window.show_start_page()


def _arrange(window, args) -> None:
    """Apply the screenshot options: open a block, select a layer, show a formula, compare."""
    if args.open_block:
        node = window.document.network.find(args.open_block)
        if node is None:
            raise UsageError(f"--open-block: there is no block called '{args.open_block}'")
        window.canvas.open_block(node.id)
    if args.select and not window.select_layer(args.select, args.column):
        raise UsageError(f"--select: there is no layer called '{args.select}'")
    if args.compare:
        window.compare.show_comparison(args.compare)
    _open_teaching(window, args)


def _open_teaching(window, args) -> None:
    """Apply --lesson-language, --lesson and --exercise."""
    if args.lesson_language:
        window.lessons.panel.set_language(args.lesson_language)
    if args.lesson and not window.lessons.show_lesson(args.lesson):
        ids = ", ".join(window.lessons.panel.catalog().ids)
        raise UsageError(f"--lesson: there is no lesson {printable(args.lesson)} (lessons: {ids})")
    if args.exercise:
        work = window.document.network.copy() if args.net else None
        window.exercises.start(args.exercise, work, check=work is not None, work_path=window.document.path)


def load_exercise_arg(path: str | None):
    """The exercise --exercise names (None without one); UsageError if it cannot be read."""
    if path is None:
        return None
    from .teaching import ExerciseError, load_exercise

    try:
        return load_exercise(path)
    except ExerciseError as error:
        raise UsageError(f"--exercise: {error}") from None


def _save_screenshot(app, window, path: Path, start_page: bool = False) -> int:
    """Lay the window out, draw it (with the start page over it if asked) into a PNG of exactly
    the window's size, and quit."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    window.show()
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline or window.canvas.diagram_scene.building:
        app.processEvents()  # a long network is drawn a slice per turn of the event loop
        time.sleep(0.02)
    image = window_picture(window, start_page)
    window.hide()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    try:
        atomic_write(path, bytes(data))
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or "the name holds a character no file name can hold"
        raise UsageError(f"--screenshot: cannot write {printable(str(path), 200)}: {reason}") from None
    return 0


def window_picture(window, start_page: bool = False):
    """The window as a QImage of its size; with *start_page*, the case-study cards are drawn
    over its middle, where the dialog opens on a screen."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication

    image = QImage(window.size(), QImage.Format.Format_RGB32)
    window.render(image)
    if not start_page:
        return image
    page = window.show_start_page()
    page.blockSignals(True)  # a picture changes no setting (the page's "show at start" box)
    QApplication.processEvents()
    picture = page.grab()
    painter = QPainter(image)
    painter.drawPixmap(
        QPoint((image.width() - picture.width()) // 2, (image.height() - picture.height()) // 2), picture
    )
    painter.end()
    page.close()
    page.deleteLater()
    return image


__all__ = ["display_problem", "main", "make_window", "open_network", "parse_args", "window_picture"]
