"""``python3 -m cpybench ...``: the runner's command line (see runner.py)."""
import sys

from .runner import main

sys.exit(main())
