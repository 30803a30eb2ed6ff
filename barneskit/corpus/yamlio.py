"""YAML reading for the whole package, with libyaml's C loader when PyYAML was built with it.

The C loader gives the same data as PyYAML's pure-Python safe loader about ten times faster; the
pure-Python reads of our data files were 1.4 s of a clean build (26 reads, profiled with cProfile).
"""
from __future__ import annotations

import yaml

YAMLError = yaml.YAMLError
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text):
    """Like ``yaml.safe_load``."""
    return yaml.load(text, Loader=SafeLoader)


def compose(text):
    """Like ``yaml.compose`` with the safe loader: the node tree, with line marks."""
    return yaml.compose(text, Loader=SafeLoader)
