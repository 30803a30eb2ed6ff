"""Wheel build hook (hatchling): copy what the exercises read into the wheel, under barneskit/_data/.

The list is barneskit/paths.py's (PACKAGE_DATA less teacher_only_data()), read from that file so that
it is written once. An editable install (``pip install -e .``) gets nothing copied: it reads the
repository's own files.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _paths_module(root):
    spec = importlib.util.spec_from_file_location("_barneskit_paths", Path(root) / "barneskit" / "paths.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class PackageDataHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        if self.target_name != "wheel" or version == "editable":
            return
        paths = _paths_module(self.root)
        for rel in paths.package_data_files(Path(self.root)):
            build_data["force_include"][str(Path(self.root) / rel)] = f"barneskit/{paths.INSTALLED_DATA}/{rel}"
