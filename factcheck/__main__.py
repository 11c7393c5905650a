"""`python -m factcheck` runs the command line, as the `factcheck` script does."""

import sys

from factcheck.cli import main

sys.exit(main())
