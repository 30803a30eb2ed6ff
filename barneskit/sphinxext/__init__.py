"""The Sphinx extensions that ``_config.yml`` loads, on top of everything else.

May import: every other layer, and Sphinx and its extensions. Each change to a third-party
library's behaviour lives in ``sphinxext.patches``, one module per change, with its upstream
issue, the versions it was written for and a guard.
"""
