"""Sphinx extension: a notebook page re-runs when a data file it reads, or the package code it
runs, changes, and only then.

jupyter-cache matches a page to its stored outputs by the page's code cells alone, so editing
``data/events.csv`` would leave every figure drawn from it stale, and editing a check in
``barneskit/checks.py`` every message it prints. For each notebook page this extension finds the
data files the page reads and the ``barneskit`` modules whose code it runs and, when Sphinx
reads the page:

* notes them as the page's dependencies, so Sphinx re-reads the page when one changes
  (and re-reads no other page);
* writes a digest of their contents into the first code cell's metadata (in memory only,
  never on disk), so the changed page misses jupyter-cache and executes again.

Which files a page reads is found from its code, without running it. Starting from what the
page's code cells use, it follows each ``barneskit`` function, class or constant that is used
into its module, and on through what that uses (imports inside functions included); a module's
import-time code counts whenever the module is used. Every string met on the way that names an
entry of ``data/`` or ``texts/`` (``"events.csv"``, ``"data/events.csv"``, ``"../data/x.csv"``,
``"reply-to-barnes"``) is a file the page reads. Following functions, not whole modules, keeps a
page that calls ``checks.word_count`` from depending on the events file that
``checks.check_timeline`` reads. Docstrings do not count. Code is followed to whole modules:
a page depends on every module it reaches (and the package's ``__init__``), so an edit anywhere
in ``checks.py`` re-runs each page that uses any check. A file name the code builds at run
time cannot be seen this way: declare it in the page's front matter, relative to the page::

    data_files: [../data/events.csv]
"""
from __future__ import annotations

import ast
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from barneskit.paths import ROOT
from barneskit.corpus import yamlio

#: Folders whose entries count as data. Primary texts are checksummed and rarely change,
#: but a page that computes from one must still follow it.
DATA_DIRS = ("data", "texts")

#: The cell-metadata key that carries the digest; jupyter-cache hashes all cell metadata.
DIGEST_KEY = "barneskit-data"

CODE_CELL_RE = re.compile(r"^(?P<fence>`{3,}|~{3,})\{code-cell\}[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$",
                          re.MULTILINE | re.DOTALL)
FIRST_CELL_RE = re.compile(r"^(`{3,}|~{3,})\{code-cell\}[^\n]*\n", re.MULTILINE)
STRING_RE = re.compile(r"""(?P<q>['"])(?P<s>[^'"\n]{1,200})(?P=q)""")
USE_RE = re.compile(r"\bbarneskit\.([\w.]+)|\bfrom[ \t]+barneskit((?:\.\w+)*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]+)")
LEADING_DOTS_RE = re.compile(r"^(?:\.\.?/)+")
FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n---[ \t]*$", re.MULTILINE | re.DOTALL)


def code_cells(source):
    """The code of a MyST notebook's ``{code-cell}`` blocks, without their options."""
    cells = []
    for match in CODE_CELL_RE.finditer(source):
        lines = match.group("body").split("\n")
        if lines and lines[0].strip() == "---":  # options as a YAML block
            end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
            lines = lines[end + 1:]
        while lines and re.match(r"^:[\w-]+:", lines[0]):  # options as :key: value lines
            lines = lines[1:]
        cells.append("\n".join(lines))
    return cells


def front_matter(source):
    match = FRONT_MATTER_RE.match(source)
    if not match:
        return {}
    try:
        data = yamlio.load(match.group(1))
    except yamlio.YAMLError:
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


#: The key of a module's import-time code among its symbols.
INIT = "<import>"


class _Refs:
    """What a piece of code mentions: string constants, and barneskit symbols as (module, name).

    A module is named by its dotted path inside the package ("corpus.events"; "" is the package
    itself); name None means the whole module."""

    def __init__(self):
        self.strings, self.symbols = set(), set()


def module_file(root, module):
    """The file of the barneskit module ``module`` ("corpus.events" or ""), or None if there is none."""
    base = Path(root) / "barneskit"
    parts = module.split(".") if module else []
    if parts:
        plain = base.joinpath(*parts[:-1], parts[-1] + ".py")
        if plain.is_file():
            return plain
    init = base.joinpath(*parts, "__init__.py")
    return init if init.is_file() else None


def _parents(module):
    """The packages that Python imports before ``module``: "corpus.events" -> "corpus", ""."""
    parts = module.split(".") if module else []
    return [".".join(parts[:i]) for i in range(len(parts) - 1, -1, -1)]


def _docstring_ids(tree):
    # Docstrings talk about files; they do not read them.
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def _imported_from(sub, own_module, own_is_package):
    """The barneskit module an ``ImportFrom`` node reads from, as a dotted path, or None."""
    if sub.level:  # relative: from . import x, from ..corpus import y
        if own_module is None:
            return None
        package = own_module.split(".") if own_module else []
        if not own_is_package:
            package = package[:-1]
        package = package[:len(package) - (sub.level - 1)] if sub.level > 1 else package
        return ".".join(package + (sub.module.split(".") if sub.module else []))
    parts = (sub.module or "").split(".")
    if parts[0] != "barneskit":
        return None
    return ".".join(parts[1:])


def _imports(nodes, root, own_module=None, own_is_package=False):
    """Local name -> (module, name) for barneskit imports; name None means the whole module."""
    names = {}
    for node in nodes:
        for sub in ast.walk(node):
            if isinstance(sub, ast.ImportFrom):
                base = _imported_from(sub, own_module, own_is_package)
                if base is None:
                    continue
                for alias in sub.names:
                    local = alias.asname or alias.name
                    inner = f"{base}.{alias.name}" if base else alias.name
                    # "from barneskit.corpus import events" names a module; "from barneskit.corpus.events import x" a symbol
                    names[local] = (inner, None) if module_file(root, inner) else (base, alias.name)
            elif isinstance(sub, ast.Import):
                for alias in sub.names:
                    parts = alias.name.split(".")
                    if parts[0] == "barneskit":
                        if alias.asname:
                            names[alias.asname] = (".".join(parts[1:]), None)
                        else:
                            names["barneskit"] = ("", None)  # "import barneskit.x.y" binds the package
    return names


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return [node.id] + parts[::-1]
    return None


def _resolve(root, module, rest):
    """(module, name) for an attribute chain ``rest`` read from ``module``: submodules are followed
    ("barneskit" + ["corpus", "events", "load_events"] -> ("corpus.events", "load_events"))."""
    rest = list(rest)
    while rest:
        inner = f"{module}.{rest[0]}" if module else rest[0]
        if not module_file(root, inner):
            break
        module = inner
        rest.pop(0)
    return module, (rest[0] if rest else None)


def _collect(nodes, imports, own_module, own_names, docstrings, root):
    """Strings and barneskit symbols that ``nodes`` mention, resolved through ``imports``."""
    refs = _Refs()
    for node in nodes:
        # In "events.load_events" the inner Name "events" is not a use of the whole module.
        inner = {id(sub.value) for sub in ast.walk(node) if isinstance(sub, ast.Attribute)}
        for sub in ast.walk(node):
            if id(sub) in inner:
                continue
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and id(sub) not in docstrings:
                if len(sub.value) <= 200:
                    refs.strings.add(sub.value)
            elif isinstance(sub, (ast.Name, ast.Attribute)):
                chain = _dotted(sub)
                if not chain:
                    continue
                head = chain[0]
                if head in imports:
                    module, name = imports[head]
                    if name is None:
                        module, name = _resolve(root, module, chain[1:])
                    refs.symbols.add((module, name))
                elif own_module is not None and head in own_names and len(chain) == 1:
                    refs.symbols.add((own_module, head))
    return refs


@lru_cache(maxsize=None)
def _module_symbols(path, module, mtime, root):
    """Per top-level symbol of a barneskit module, what it mentions; key INIT is import-time code.

    A function or class counts only where it is used: a page that calls ``textstats.word_count``
    does not read the events file just because a date check does.
    """
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    docstrings = _docstring_ids(tree)
    is_package = Path(path).name == "__init__.py"
    imports = _imports(tree.body, root, module, is_package)
    own = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            own.update(t.id for t in targets if isinstance(t, ast.Name))
    symbols, init = {}, []
    imported = _Refs()
    imported.symbols = {(mod, INIT) for mod, _ in imports.values()}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            local = {**imports, **_imports([node], root, module, is_package)}
            symbols[node.name] = _collect([node], local, module, own, docstrings, root)
            init.extend(node.decorator_list)  # decorators run at import
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            refs = _collect([node.value], imports, module, own, docstrings, root)
            for t in targets:
                if isinstance(t, ast.Name):
                    symbols[t.id] = refs
            if any(isinstance(sub, ast.Call) for sub in ast.walk(node.value)):
                init.append(node.value)  # a call at import time runs whatever it calls
        elif not isinstance(node, (ast.Import, ast.ImportFrom, ast.Expr)) or (
                isinstance(node, ast.Expr) and id(getattr(node, "value", None)) not in docstrings):
            init.append(node)
    symbols[INIT] = _collect(init, imports, module, own, docstrings, root)
    symbols[INIT].symbols |= imported.symbols
    # A name this module imports from another ("from barneskit.paths import ROOT") is that module's symbol.
    for local, (mod, name) in imports.items():
        if local not in symbols:
            symbols[local] = _Refs()
            symbols[local].symbols = {(mod, name)}
    return symbols


def _page_refs(code, root):
    """What the page's code mentions; lines of IPython magics and shell escapes are left out."""
    plain = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in code.split("\n"))
    try:
        tree = ast.parse(plain)
    except SyntaxError:
        return None
    return _collect([tree], _imports([tree], root), None, set(), _docstring_ids(tree), root)


def _page_refs_by_pattern(code, root):
    """For code that is not Python we can read: every string, every symbol of each module named."""
    refs = _Refs()
    refs.strings = {m.group("s") for m in STRING_RE.finditer(code)}
    for dotted, base, names in USE_RE.findall(code):
        if dotted:
            refs.symbols.add(_resolve(root, "", dotted.split(".")))
            continue
        base = base.lstrip(".")
        for name in names.replace("(", " ").replace(")", " ").replace(",", " ").split():
            inner = f"{base}.{name}" if base else name
            refs.symbols.add((inner, None) if module_file(root, inner) else (base, None))
    return refs


def _reach(cells, root):
    """(strings, module files): the strings in the page's code cells and in every barneskit symbol
    they reach, directly or not, and the files of the barneskit modules those symbols live in."""
    # Cells are parsed one by one, but imports carry over: a later cell uses an earlier import.
    page = _page_refs("\n".join(cells), root)
    if page is None:
        page = _Refs()
        for cell in cells:
            refs = _page_refs(cell, root) or _page_refs_by_pattern(cell, root)
            page.strings |= refs.strings
            page.symbols |= refs.symbols
    strings, todo, seen, modules = set(page.strings), set(page.symbols), set(), set()
    while todo:
        module, name = todo.pop()
        if (module, name) in seen:
            continue
        seen.add((module, name))
        path = module_file(root, module)
        if path is None:
            continue  # not part of the package (a name the code built, a removed module)
        modules.add(path.resolve())
        symbols = _module_symbols(str(path), module, path.stat().st_mtime_ns, str(root))
        # Using any part of a module runs its import-time code, and its packages' before it;
        # the module itself means all of it.
        todo |= {(parent, INIT) for parent in _parents(module)} - seen
        if name is None:
            wanted = list(symbols)
        else:
            wanted = [INIT] + ([name] if name != INIT else [])
        for key in wanted:
            refs = symbols.get(key)
            if refs is not None:
                strings |= refs.strings
                todo |= refs.symbols - seen
    return strings, modules


def page_files(page_path, source=None, root=ROOT):
    """(data files it reads, barneskit module files it runs), each sorted and absolute, for the
    notebook page at ``page_path``: one walk through its code gives both."""
    page_path = Path(page_path)
    if source is None:
        source = page_path.read_text(encoding="utf-8")
    cells = code_cells(source)
    if not cells:
        return [], []
    entries = data_entries(root)
    found = set()
    strings, modules = _reach(cells, root)
    for string in strings:
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
    return sorted(p.resolve() for p in files), sorted(modules)


def page_data_files(page_path, source=None, root=ROOT):
    """The data files (sorted, absolute) that the notebook page at ``page_path`` reads."""
    return page_files(page_path, source, root)[0]


def page_code_files(page_path, source=None, root=ROOT):
    """The barneskit module files (sorted, absolute) whose code the notebook page at ``page_path`` runs."""
    return page_files(page_path, source, root)[1]


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


def page_source(page, text, root=ROOT):
    """(files the page depends on, its source as the build sees it: with their digest in the first cell).

    The files are the data it reads and the barneskit modules it runs, so an edited check or figure
    function re-runs the pages that use it, as an edited data file does."""
    if "{code-cell}" not in text:
        return [], text
    data_files, code_files = page_files(page, text, root=root)
    files = data_files + code_files
    if not files:
        return [], text
    return files, with_digest(text, digest(files, root=root))


def _on_source_read(app, docname, source):
    files, source[0] = page_source(Path(app.env.doc2path(docname)), source[0], root=Path(app.srcdir))
    for path in files:
        app.env.note_dependency(str(path))


def setup(app):
    app.connect("source-read", _on_source_read)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
