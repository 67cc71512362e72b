"""Start-up of the desktop app (until the window lands: prints the network's summary)."""

from __future__ import annotations

from .cli import load_network
from .core import summarize
from .core.report import to_table


def main(argv: list[str]) -> int:
    network = load_network(argv[0] if argv else "lenet5")
    print(to_table(summarize(network)), end="")
    return 0
