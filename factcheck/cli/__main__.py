"""`python -m factcheck.cli` runs the command line."""

import sys

from factcheck.cli import main

sys.exit(main())
