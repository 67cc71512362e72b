"""``python -m cnnstudio`` runs the command line (see :mod:`cnnstudio.cli`)."""

import sys

from .cli import main

sys.exit(main())
