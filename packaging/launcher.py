"""The bundled app's entry point: the same as the ``cnnstudio`` command."""

import multiprocessing
import sys

from cnnstudio.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # torch's data loading may start worker processes
    sys.exit(main())
