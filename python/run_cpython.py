#!/usr/bin/env python3
"""Runs the suite's batches and convoy through this CPython; see cpybench/runner.py and docs/cpython.md."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from cpybench import die_with_parent  # noqa: E402
from cpybench.runner import main  # noqa: E402

if __name__ == "__main__":
    die_with_parent()
    sys.exit(main())
