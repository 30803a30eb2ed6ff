"""Run by Python at start-up in every process of a build: Jupyter Book itself and each kernel.

barneskit.build puts this folder on PYTHONPATH for the build only (not for `make lab`, not for
the tests' own Python). It makes two optional imports fail, each of which the importing library
expects may be missing and handles by doing without:

* rfc3987_syntax: jsonschema imports it when installed (jupyterlab's jupyter-events asks for
  it), and it compiles 38 grammars at import, about 1.5 s of CPU. Jupyter Book imports
  jsonschema to check _config.yml, and a kernel does too as soon as a page calls myst_nb's glue
  (through nbformat). Neither ever checks the IRI format it serves; jsonschema then skips it.
* debugpy: ipykernel imports it at start to offer a debugger, about 0.15 s of CPU per kernel,
  one kernel per executed page. Nobody attaches a debugger to a build's kernels.
"""
import sys

for _name in ("rfc3987_syntax", "debugpy"):
    sys.modules.setdefault(_name, None)
