"""Run by Python at start-up in every process of a build: Jupyter Book itself and each kernel.

barneskit.build puts this folder on PYTHONPATH for the build only. It makes one optional import
fail: jsonschema imports rfc3987_syntax when it is installed (jupyterlab's jupyter-events asks
for it), and that module compiles 38 grammars at import, about 1.5 s of CPU. Jupyter Book
imports jsonschema to check _config.yml, and a kernel does too as soon as a page calls
myst_nb's glue (through nbformat). Neither ever checks the IRI format that module serves, and
jsonschema expects the import to fail when the module is absent: it then skips that format.
"""
import sys

sys.modules.setdefault("rfc3987_syntax", None)
