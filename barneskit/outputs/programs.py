"""Debian programs the module drives (Chromium prints and tests pages; poppler reads PDFs; Java
runs the Nu HTML Checker in the tests).

They are not Python packages, so `make` cannot pin them in requirements.txt. On a fresh machine
the first command that needs one installs it with apt-get when running as root (as CI does);
anyone else gets a message saying what to install.
"""
from __future__ import annotations

import os
import shutil
import subprocess

#: Program -> the Debian package that provides it.
PROGRAMS = {
    "chromium": "chromium",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "java": "default-jre-headless",
}


def ensure_programs(*names):
    """Return {name: path} for the programs, installing their Debian packages where missing."""
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        packages = sorted({PROGRAMS[name] for name in missing})
        if os.geteuid() != 0:
            raise RuntimeError(f"missing {', '.join(missing)}: install the Debian package(s) "
                               f"{' '.join(packages)} (apt-get install {' '.join(packages)}), then try again")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *packages], check=True, env=env)
    return {name: shutil.which(name) for name in names}
