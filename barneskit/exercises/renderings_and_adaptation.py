"""Checks and keys for the exercise set "Renderings and adaptation" (``exercises/renderings-and-adaptation.md``).

Each check answers in plain words (see :mod:`barneskit.exercises.feedback`); each key is computed
from the texts and data when the check runs.
"""
from __future__ import annotations

from barneskit.analysis import textstats
from barneskit.corpus.renderings import load_renderings
from barneskit.corpus.teaching import ADAPTED_MAX_WORDS
from barneskit.exercises.feedback import (
    RIGHT, WRONG, as_number, finish, is_blank, never_raises, not_yet,
    quoted_list)


# --- Two renderings ------------------------------------------------------------------------------

def _renderings():
    return load_renderings()


def renderings_key():
    rows = _renderings()
    compared = {r.id: textstats.similarity(r.works_phrase, r.other_phrase) for r in rows if r.other_phrase.strip()}
    authority = next(r for r in rows if "investigating authorities assert" in r.works_phrase)
    return {"similarities": compared, "omitted": sorted(r.id for r in rows if not r.other_phrase.strip()),
            "most_changed": sorted(k for k, v in compared.items() if v == min(compared.values())),
            "lost_in_authority": textstats.only_in_first(authority.works_phrase, authority.other_phrase),
            "authority": authority}


@never_raises("two renderings")
def check_renderings(similarities, omitted, most_changed, lost_in_authority, strict=False):
    ex = "two renderings"
    early = not_yet(ex, {"similarities": similarities, "omitted": omitted, "most_changed": most_changed,
                          "lost_in_authority": lost_in_authority},
                     "`textstats.similarity(row.works_phrase, row.other_phrase)` for every row whose other phrase "
                     "is not empty; `textstats.only_in_first(...)` for the words only Works has.", strict)
    if early:
        return early
    key = renderings_key()
    problems, hints = [], []
    if not isinstance(similarities, dict) or set(similarities) != set(key["similarities"]):
        problems.append("`similarities` should have one entry per passage that both renderings have")
        hints.append("skip the rows whose `other_phrase` is empty: those the other rendering leaves out")
    else:
        off = [k for k, v in key["similarities"].items()
               if as_number(similarities[k]) is None or abs(as_number(similarities[k]) - v) > 0.01]
        if off:
            problems.append(f"the similarity of {quoted_list(off[:3])} is off")
            hints.append("compare word by word with `textstats.similarity`, which lower-cases and drops punctuation")
    got_omitted = sorted([omitted] if isinstance(omitted, str) else list(omitted))
    if got_omitted != key["omitted"]:
        problems.append("`omitted` should list the passages the other rendering leaves out")
    got_changed = sorted([most_changed] if isinstance(most_changed, str) else list(most_changed))
    if got_changed != key["most_changed"]:
        problems.append(f"the passage that changed most (lowest similarity) is not {quoted_list(got_changed)}")
        hints.append("`min(similarities, key=similarities.get)`")
    lost = [str(w).lower() for w in (lost_in_authority if isinstance(lost_in_authority, (list, tuple)) else [lost_in_authority])]
    if lost != key["lost_in_authority"]:
        problems.append(f"in \"{key['authority'].works_phrase}\" the words with no partner in the other rendering "
                        f"are not {quoted_list(lost)}")
        hints.append("`textstats.only_in_first(row.works_phrase, row.other_phrase)` for that row")
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".", "; ".join(hints) + "." if hints else
                       "compare your list with the table of renderings above.", strict)
    return finish(ex, RIGHT, f"{len(key['similarities'])} passages compared; most changed: "
                   f"{quoted_list(key['most_changed'])}; left out: {quoted_list(key['omitted'])}; only Works says "
                   f"{quoted_list(key['lost_in_authority'])} in the authority passage.", "", strict)


# --- Adapting the letter -----------------------------------------------------------------------

@never_raises("adapted letter")
def check_adaptation(changes, strict=False, limit=ADAPTED_MAX_WORDS):
    """``changes``: a list of ``(old words, new words, why)``; the adaptation is the letter with them applied."""
    ex = "adapted letter"
    # Only the scaffold's `...` counts as blank here: "" is a real answer (a cut), and "[...]" marks one.
    placeholder = changes is Ellipsis or (isinstance(changes, (list, tuple)) and (
        not changes or any(c is Ellipsis or (isinstance(c, tuple) and Ellipsis in c) for c in changes)))
    early = placeholder and not_yet(ex, {"changes": ...},
                     "each change is a tuple (\"old words\", \"new words\", \"why\"); cut whole sentences "
                     "with new words \"\" and keep every key phrase.", strict)
    if early:
        return early
    original = textstats.letter_text()
    try:
        adapted, log = textstats.adapt(original, changes)
    except (TypeError, ValueError) as exc:
        message = str(exc) if isinstance(exc, ValueError) else "each change must be a tuple of three strings"
        return finish(ex, WRONG, message + ".", "copy the old words exactly from `letter` (print it), "
                       "and remember that an earlier change may already have altered them.", strict)
    problems = textstats.adaptation_problems(adapted, log, limit)
    no_reason = [c.old[:30] for c in log if is_blank(c.why) or not str(c.why).strip()]
    if no_reason:
        problems.append(f"the change(s) to {quoted_list(no_reason)} give no reason")
    if problems:
        lost = any("key phrase" in p for p in problems)
        return finish(ex, WRONG, "the adaptation is not ready: " + "; ".join(problems) + ".",
                       "a shorter letter keeps the evidence: replace long words and cut sentences around "
                       "the key phrases, never inside them." if lost else
                       f"cut or shorten more: `textstats.word_count(adapted)` must be at most {limit}.", strict)
    return finish(ex, RIGHT, f"{textstats.word_count(adapted)} words (the letter has "
                   f"{textstats.word_count(original)}), every key phrase kept, {len(log)} change(s) logged with "
                   "a reason.", "", strict)
