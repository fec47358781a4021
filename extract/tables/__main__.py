"""`python -m extract.tables`: see `cli.py`."""

import sys

from extract.tables.cli import main

sys.exit(main())
