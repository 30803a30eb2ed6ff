"""Measuring texts: word counts, keywords in context, stance markers, sentences, patterns, similarity.

May import: ``barneskit.corpus`` and below. Every answer key of the exercises is computed here or
in the corpus, never typed.
"""
