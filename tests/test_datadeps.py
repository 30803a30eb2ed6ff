"""A data edit re-executes exactly the notebook pages that read that file, and no others; so does
an edit to the package code a page runs.

jupyter-cache keys on code cells only; barneskit.sphinxext.datadeps adds the data files. These tests build a
small book (a copy of the repository with four trial pages in its table of contents) and read
from the build log which pages were executed. Correctness only: nothing here is timed.
"""
import re
import textwrap

import pytest

from barneskit.sphinxext import datadeps
from barneskit.outputs.build import build

BODY = """\
(dd-{name})=
# Trial page {name}

Prose that no code reads.

```{{code-cell}} ipython3
:tags: [hide-input]
{code}
```
"""

#: page -> (extra front matter, code). Each reads its data in a different way.
PAGES = {
    "direct": ("", 'import csv\nwith open("../data/sample.csv", newline="") as f:\n    print(len(list(csv.reader(f))))'),
    "viamodule": ("", "from barneskit import sample\nprint(len(sample.load_sample()))"),
    "declared": ("data_files: [../data/other.csv]\n",
                 'name = "oth" + "er"  # a name built at run time: declared in the front matter\n'
                 'print(open(f"../data/{name}.csv").read())'),
    "nodata": ("", "print(6 * 7)"),
    # A module two folders down, reached three ways: the package layers must not hide its data.
    "nested": ("", "from barneskit.layer import deep\nfrom barneskit.layer.deep import load_deep\n"
                   "import barneskit.layer.deep as again\nprint(len(deep.load_deep()), load_deep() == again.load_deep())"),
}

SAMPLE_MODULE = '''\
import csv

from barneskit.paths import ROOT

SAMPLE_PATH = ROOT / "data" / "sample.csv"


def load_sample(path=SAMPLE_PATH):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_other():
    """Reads other.csv: a page that only calls load_sample does not depend on it."""
    return (ROOT / "data" / "other.csv").read_text(encoding="utf-8")
'''


DEEP_MODULE = '''\
from barneskit.paths import ROOT


def load_deep():
    return (ROOT / "data" / "deep.csv").read_text(encoding="utf-8").splitlines()
'''


@pytest.fixture
def trial_book(repo_copy, notebook_page):
    """A repository copy whose book is an index page and the four trial pages."""
    dest = repo_copy
    (dest / "data").mkdir(exist_ok=True)
    (dest / "data" / "sample.csv").write_text("id,value\na,1\nb,2\n", encoding="utf-8")
    (dest / "data" / "other.csv").write_text("x\n1\n", encoding="utf-8")
    (dest / "barneskit" / "sample.py").write_text(SAMPLE_MODULE, encoding="utf-8")
    (dest / "data" / "deep.csv").write_text("d\n1\n", encoding="utf-8")
    (dest / "barneskit" / "layer").mkdir()
    (dest / "barneskit" / "layer" / "__init__.py").write_text('"""A layer of the package."""\n', encoding="utf-8")
    (dest / "barneskit" / "layer" / "deep.py").write_text(DEEP_MODULE, encoding="utf-8")
    (dest / "trial").mkdir()
    for name, (extra, code) in PAGES.items():
        (dest / "trial" / f"{name}.md").write_text(notebook_page(BODY.format(name=name, code=code), extra), encoding="utf-8")
    (dest / "index.md").write_text("(dd-index)=\n# Trial book\n", encoding="utf-8")
    toc = "format: jb-book\nroot: index\nchapters:\n" + "".join(f"  - file: trial/{n}\n" for n in PAGES)
    (dest / "_toc.yml").write_text(toc, encoding="utf-8")
    return dest


#: The modules that barneskit/__init__.py imports, so every page using the package runs them.
INIT_IMPORTS = ["errors.py", "paths.py"]


def executed_pages(root):
    """Build the book in ``root``; return the trial pages the build executed (by name)."""
    code, output, warnings = build(echo=False, root=root)
    assert code == 0 and warnings == [], output[-3000:]
    return {re.sub(r"\.md$", "", path.rsplit("/", 1)[-1])
            for path in re.findall(r"(\S+\.md): Executing notebook", output)}


def test_data_files_are_found_from_code_modules_and_front_matter(trial_book):
    found = {name: [p.name for p in datadeps.page_data_files(trial_book / "trial" / f"{name}.md", root=trial_book)]
             for name in PAGES}
    assert found == {"direct": ["sample.csv"], "viamodule": ["sample.csv"],
                     "declared": ["other.csv"], "nodata": [], "nested": ["deep.csv"]}


def test_package_code_is_found_from_the_modules_a_page_reaches(trial_book):
    package = trial_book / "barneskit"
    found = {name: [str(p.relative_to(package)) for p in
                    datadeps.page_code_files(trial_book / "trial" / f"{name}.md", root=trial_book)]
             for name in PAGES}
    # Importing any module runs the package's __init__ and what it imports, then the module's
    # own package: a nested module brings its layer's __init__.
    init = sorted(["__init__.py", *INIT_IMPORTS])
    assert found == {"direct": [], "viamodule": sorted(init + ["sample.py"]), "declared": [], "nodata": [],
                     "nested": sorted(init + ["layer/__init__.py", "layer/deep.py"])}


def test_a_data_or_code_edit_reexecutes_exactly_the_pages_that_use_it(trial_book):
    # The first build executes every page; a rebuild with no change executes none.
    assert executed_pages(trial_book) == set(PAGES)
    assert executed_pages(trial_book) == set()

    # One data edit, plus a prose edit on a page that does not read that file: the prose edit
    # re-reads its page but reuses the cached outputs.
    sample = trial_book / "data" / "sample.csv"
    sample.write_text(sample.read_text(encoding="utf-8").replace("b,2", "b,3"), encoding="utf-8")
    page = trial_book / "trial" / "declared.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    assert executed_pages(trial_book) == {"direct", "viamodule"}

    other = trial_book / "data" / "other.csv"
    other.write_text("x\n2\n", encoding="utf-8")
    assert executed_pages(trial_book) == {"declared"}

    # An edit to the package code a page runs re-runs that page only.
    module = trial_book / "barneskit" / "sample.py"
    module.write_text(module.read_text(encoding="utf-8").replace("return list(", "return list(  # edited\n        "),
                      encoding="utf-8")
    assert executed_pages(trial_book) == {"viamodule"}

    # The same for a module two folders down.
    deep = trial_book / "barneskit" / "layer" / "deep.py"
    deep.write_text(deep.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert executed_pages(trial_book) == {"nested"}


def test_digest_goes_into_the_first_code_cell_only():
    source = textwrap.dedent("""\
        # Page

        ```{code-cell} ipython3
        :tags: [hide-input]
        x = 1
        ```

        ```{code-cell} ipython3
        y = 2
        ```
        """)
    marked = datadeps.with_digest(source, "abc123")
    assert marked.count(":barneskit-data: abc123") == 1
    assert marked.index("barneskit-data") < marked.index("x = 1")
    yaml_block = "```{code-cell} ipython3\n---\ntags: [hide-input]\n---\nx = 1\n```\n"
    assert datadeps.with_digest(yaml_block, "abc").startswith("```{code-cell} ipython3\n---\nbarneskit-data: abc\n")
