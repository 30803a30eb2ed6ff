"""The corpus: primary texts, data files, their schemas, the bibliography and the table of contents.

May import: ``barneskit.errors``, ``barneskit.paths``, and data libraries (pydantic, PyYAML, pybtex).
Never Sphinx or matplotlib: the corpus is read by exercises in any Jupyter, and by the build.
"""
