"""The book's table of contents (_toc.yml), read once for everyone who needs the pages in order."""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from barneskit.corpus import yamlio
from barneskit.errors import DataError, read_utf8
from barneskit.paths import TOC_PATH

#: What a page of the table of contents may be, as sphinx-external-toc finds it.
PAGE_SUFFIXES = (".md", ".ipynb")


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


def _page_entries(node, field=""):
    """Yield ``(field, line, docname)`` for the root and every ``file:`` entry of the node tree."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = f"{field}.{key.value}" if field else key.value
            if key.value in ("root", "file") and isinstance(value, yaml.ScalarNode):
                yield name, value.start_mark.line + 1, value.value
            else:
                yield from _page_entries(value, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _page_entries(item, f"{field}.{index}")


def validate_toc(toc_path=TOC_PATH):
    """Every page that _toc.yml names exists (as .md or .ipynb next to _toc.yml); the first one
    that does not raises DataError with its line, before Sphinx reports it against another page."""
    toc_path = Path(toc_path)
    if not toc_path.exists():
        raise DataError(toc_path, "file is missing: the book needs its table of contents")
    text = read_utf8(toc_path)
    tree = yamlio.parse(toc_path, text, compose_only=True)
    if not isinstance(tree, yaml.MappingNode) or "root" not in {key.value for key, _ in tree.value}:
        raise DataError(toc_path, "the table of contents needs a 'root:' page", line=1, field="root")
    root = toc_path.parent
    for field, line, name in _page_entries(tree):
        stem = re.sub(r"\.(md|ipynb)$", "", name)
        if not any((root / f"{stem}{suffix}").is_file() for suffix in PAGE_SUFFIXES):
            pages = [p.relative_to(root).with_suffix("").as_posix()
                     for p in (root / stem).parent.glob("*") if p.suffix in PAGE_SUFFIXES]
            near = difflib.get_close_matches(stem, pages, n=1)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            raise DataError(toc_path, f"no page '{name}' (looked for {stem}.md and {stem}.ipynb){hint}",
                            line=line, field=field)
