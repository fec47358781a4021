"""`python -m extract.charts`: see `cli.py`."""

import sys

from extract.charts.cli import main

sys.exit(main())
