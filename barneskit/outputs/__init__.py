"""What is made from the corpus: timelines and tables for the pages, the book build, the printed
handouts and the student edition.

May import: ``barneskit.analysis``, ``barneskit.corpus`` and below (never ``exercises``: the
outputs show the data; the checks judge answers). The Sphinx extensions are run by the build as a
separate process, never imported here.
"""
