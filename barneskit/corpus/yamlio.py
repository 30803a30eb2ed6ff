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


def parse(path, text, compose_only=False):
    """``text`` (of the file at ``path``) loaded, or composed into nodes with line marks; a YAML
    error raises DataError with the file and the line, in the same words wherever a file is read."""
    from barneskit.errors import DataError

    try:
        return compose(text) if compose_only else load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError(path, f"not valid YAML: {getattr(exc, 'problem', exc)}",
                        line=mark.line + 1 if mark else None) from None
