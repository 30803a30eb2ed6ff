"""Sphinx extension: a notebook page re-runs when a data file it reads changes, and only then.

jupyter-cache matches a page to its stored outputs by the page's code cells alone, so editing
``data/events.csv`` would leave every figure drawn from it stale. For each notebook page this
extension finds the data files the page reads and, when Sphinx reads the page:

* notes them as the page's dependencies, so Sphinx re-reads the page when one changes
  (and re-reads no other page);
* writes a digest of their contents into the first code cell's metadata (in memory only,
  never on disk), so the changed page misses jupyter-cache and executes again.

Which files a page reads is found from its code, without running it: every string in the
page's code cells, and in the ``barneskit`` modules it uses (followed through their own
``barneskit`` imports), that names an entry of ``data/`` or ``texts/`` (``"events.csv"``,
``"data/events.csv"``, ``"reply-to-barnes"``). A file name the code builds at run time cannot
be seen this way: declare it in the page's front matter, relative to the page::

    data_files: [../data/events.csv]
"""
from __future__ import annotations

import ast
import hashlib
import re
from functools import lru_cache
from pathlib import Path

import yaml

from barneskit import ROOT

#: Folders whose entries count as data. Primary texts are checksummed and rarely change,
#: but a page that computes from one must still follow it.
DATA_DIRS = ("data", "texts")

#: The cell-metadata key that carries the digest; jupyter-cache hashes all cell metadata.
DIGEST_KEY = "barneskit-data"

CODE_CELL_RE = re.compile(r"^(?P<fence>`{3,}|~{3,})\{code-cell\}[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$",
                          re.MULTILINE | re.DOTALL)
FIRST_CELL_RE = re.compile(r"^(`{3,}|~{3,})\{code-cell\}[^\n]*\n", re.MULTILINE)
STRING_RE = re.compile(r"""(?P<q>['"])(?P<s>[^'"\n]{1,200})(?P=q)""")
USE_RE = re.compile(r"\bbarneskit\.(\w+)|\bfrom[ \t]+barneskit[ \t]+import[ \t]+(\([^)]*\)|[^\n]+)")
LEADING_DOTS_RE = re.compile(r"^(?:\.\.?/)+")
FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n---[ \t]*$", re.MULTILINE | re.DOTALL)


def code_cells(source):
    """The bodies of a MyST notebook's ``{code-cell}`` blocks."""
    return [m.group("body") for m in CODE_CELL_RE.finditer(source)]


def front_matter(source):
    match = FRONT_MATTER_RE.match(source)
    if not match:
        return {}
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}  # myst-nb reports a broken front matter itself
    return data if isinstance(data, dict) else {}


def data_entries(root=ROOT):
    """Names that refer to data: each entry of data/ and texts/ by name and by root-relative path."""
    names = {}
    for folder in DATA_DIRS:
        base = Path(root) / folder
        if not base.is_dir():
            continue
        for entry in base.iterdir():
            if entry.name.startswith((".", "_")):
                continue
            names[entry.name] = entry
            names[f"{folder}/{entry.name}"] = entry
    return names


def _strings_and_uses(code):
    strings = {m.group("s") for m in STRING_RE.finditer(code)}
    modules = set()
    for attr, names in USE_RE.findall(code):
        if attr:
            modules.add(attr)
        for name in names.replace("(", " ").replace(",", " ").split():
            modules.add(name)
    return strings, modules


@lru_cache(maxsize=None)
def _module_refs(module_file, mtime):
    """Strings and barneskit modules one module refers to (cached per file version)."""
    tree = ast.parse(Path(module_file).read_text(encoding="utf-8"))
    # Docstrings talk about files; they do not read them.
    docstrings = {id(body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and (body := node.body) and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)}
    strings, modules = set(), set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) <= 200
                and id(node) not in docstrings):
            strings.add(node.value)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "barneskit":
            parts = node.module.split(".")
            if len(parts) > 1:
                modules.add(parts[1])
            else:
                modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "barneskit" and len(parts) > 1:
                    modules.add(parts[1])
    return frozenset(strings), frozenset(modules)


def _used_strings(code, root):
    """Strings in the code and in every barneskit module it uses, directly or through other modules."""
    strings, todo = _strings_and_uses(code)
    seen = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        module_file = Path(root) / "barneskit" / f"{name}.py"
        if not module_file.is_file():
            continue
        more_strings, more_modules = _module_refs(str(module_file), module_file.stat().st_mtime_ns)
        strings |= more_strings
        todo |= more_modules - seen
    return strings


def page_data_files(page_path, source=None, root=ROOT):
    """The data files (sorted, absolute) that the notebook page at ``page_path`` reads."""
    page_path = Path(page_path)
    if source is None:
        source = page_path.read_text(encoding="utf-8")
    cells = code_cells(source)
    if not cells:
        return []
    entries = data_entries(root)
    found = set()
    for string in _used_strings("\n".join(cells), root):
        # "events.csv", "data/events.csv", "../data/events.csv", "texts/reply-to-barnes/x.txt"
        parts = LEADING_DOTS_RE.sub("", string).split("/")
        key = "/".join(parts[:2]) if parts[0] in DATA_DIRS else string
        if key in entries:
            found.add(entries[key])
    declared = front_matter(source).get("data_files") or []
    if isinstance(declared, str):
        declared = [declared]
    found |= {(page_path.parent / item).resolve() for item in declared}
    files = set()
    for entry in found:
        if entry.is_dir():
            files |= {p for p in entry.rglob("*") if p.is_file() and not p.name.startswith(".")
                      and "__pycache__" not in p.parts}
        else:
            files.add(entry)  # a declared file that does not exist still counts: its digest says "missing"
    return sorted(p.resolve() for p in files)


def digest(files, root=ROOT):
    """One hash of the files' names and contents; a missing file hashes as missing."""
    h = hashlib.sha256()
    for path in files:
        try:
            rel = path.relative_to(Path(root).resolve())
        except ValueError:
            rel = path
        h.update(str(rel).encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
        h.update(b"\0")
    return h.hexdigest()[:16]


def with_digest(source, value):
    """The page source with ``value`` in the first code cell's metadata (as a directive option)."""
    match = FIRST_CELL_RE.search(source)
    if not match:
        return source
    at = match.end()
    rest = source[at:]
    if rest.startswith("---\n"):  # options given as a YAML block
        at += 4
        line = f"{DIGEST_KEY}: {value}\n"
    else:
        line = f":{DIGEST_KEY}: {value}\n"
    return source[:at] + line + source[at:]


def _on_source_read(app, docname, source):
    if "{code-cell}" not in source[0]:
        return
    page = Path(app.env.doc2path(docname))
    root = Path(app.srcdir)
    files = page_data_files(page, source[0], root=root)
    if not files:
        return
    for path in files:
        app.env.note_dependency(str(path))
    source[0] = with_digest(source[0], digest(files, root=root))


def setup(app):
    app.connect("source-read", _on_source_read)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
