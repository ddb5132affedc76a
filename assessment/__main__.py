"""Run the assessment from a terminal: ``python -m assessment --help``."""

import sys

from assessment.cli import main

sys.exit(main())
