"""The package's folders are layers, and a module imports only from its own layer or those below.

errors, paths < corpus < analysis < exercises, outputs (side by side, neither imports the other)
< sphinxext. The corpus imports neither Sphinx nor matplotlib, so an exercise runs in any Jupyter.
"""
import ast

import pytest

from barneskit.paths import ROOT

PACKAGE = ROOT / "barneskit"
#: What each layer may import from the package, besides itself.
MAY_IMPORT = {
    "base": set(),
    "corpus": {"base"},
    "analysis": {"base", "corpus"},
    "exercises": {"base", "corpus", "analysis"},
    "outputs": {"base", "corpus", "analysis"},
    "sphinxext": {"base", "corpus", "analysis", "exercises", "outputs"},
}
#: Third-party packages a layer must not import.
MUST_NOT_IMPORT = {"corpus": {"sphinx", "docutils", "matplotlib", "myst_nb"},
                   "analysis": {"sphinx", "docutils", "matplotlib", "myst_nb"},
                   "exercises": {"sphinx", "docutils", "matplotlib", "myst_nb"}}


def layer_of(parts):
    """The layer of a module named by its parts inside the package ("corpus", "events") or a file path."""
    return parts[0] if parts and parts[0] in MAY_IMPORT else "base"


def imports(path):
    """(module name, line) for every import in a file; relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = path.relative_to(ROOT).with_suffix("").parts
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = own[:len(own) - node.level]
                yield ".".join(base + ((node.module,) if node.module else ())), node.lineno
            else:
                yield node.module, node.lineno


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_a_module_imports_only_its_own_layer_and_those_below(path):
    layer = layer_of(path.relative_to(PACKAGE).parts[:-1] or ("base",))
    for name, line in imports(path):
        top, *rest = name.split(".")
        if top == "barneskit":
            target = layer_of(rest)
            assert target == layer or target in MAY_IMPORT[layer], \
                f"{path.relative_to(ROOT)}:{line}: the {layer} layer imports {name} ({target})"
        assert top not in MUST_NOT_IMPORT.get(layer, set()), \
            f"{path.relative_to(ROOT)}:{line}: the {layer} layer imports {name}"


def test_every_layer_says_what_it_may_import():
    for layer in MAY_IMPORT:
        if layer != "base":
            assert "May import" in (PACKAGE / layer / "__init__.py").read_text(encoding="utf-8")
