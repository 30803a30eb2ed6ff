"""The book's table of contents (_toc.yml), read once for everyone who needs the pages in order."""
from __future__ import annotations

import re
from pathlib import Path

from barneskit.paths import TOC_PATH
from barneskit.corpus import yamlio



def toc_order(toc_path=TOC_PATH):
    """Every page named in _toc.yml (root, chapters and sections), in reading order, as docnames."""
    data = yamlio.load(Path(toc_path).read_text(encoding="utf-8"))
    names = [data["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                names.append(re.sub(r"\.(md|ipynb)$", "", entry["file"]))
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    for part in data.get("parts", []):
        walk(part.get("chapters"))
    walk(data.get("chapters"))
    return names
