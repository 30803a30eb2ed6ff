"""The exercises' checks: one module per exercise set, named after its page in ``exercises/``
(``sourcing_and_counting`` for ``exercises/sourcing-and-counting.md``), each check beside its key.
``feedback`` holds what every check shares: blank detection, the never-raise guard, the message.

May import: ``barneskit.analysis``, ``barneskit.corpus`` and below.
"""
