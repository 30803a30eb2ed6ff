"""Checks and keys for the exercise set "Renderings and adaptation" (``exercises/renderings-and-adaptation.md``).

Each check answers in plain words (see :mod:`barneskit.exercises.feedback`); each key is computed
from the texts and data when the check runs.
"""
from __future__ import annotations

from barneskit.analysis import textstats
from barneskit.corpus.renderings import load_renderings
from barneskit.corpus.teaching import ADAPTED_MAX_WORDS
from barneskit.corpus.exercise_sets import load_answer_policy
from barneskit.exercises.feedback import (
    RIGHT, WRONG, as_ids, as_items, as_number, finish, is_blank, kind, never_raises, normal, normal_id, not_yet,
    plural, quoted_list, sentences, shorten)


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
                     "first the idea: score each passage that both renderings have, then look for the lowest; the "
                     "second hint under the exercise names the functions", strict)
    if early:
        return early
    key = renderings_key()
    problems, hints, note = [], [], ""
    want_sim = key["similarities"]
    if not isinstance(similarities, dict):
        problems.append(f"`similarities` is {kind(similarities)}; it should be a dictionary, one entry per passage "
                        "that both renderings have, {passage id: similarity}")
        hints.append("`{row.id: textstats.similarity(...) for row in rows if row.other_phrase.strip()}`")
    else:
        got_sim = {normal_id(k): v for k, v in similarities.items()}
        stray = sorted(k for k in got_sim if k in key["omitted"])
        lost, extra = sorted(set(want_sim) - set(got_sim)), sorted(set(got_sim) - set(want_sim) - set(stray))
        if stray:
            problems.append(f"`similarities` includes {quoted_list(stray)}, which the other rendering leaves out, "
                            "so there is nothing to compare")
            hints.append("skip the rows whose `other_phrase` is empty")
        if lost:
            problems.append(f"`similarities` lacks {quoted_list(lost[:3])}")
            hints.append("one entry for every row whose `other_phrase` is not empty")
        if extra:
            problems.append(f"{quoted_list([str(e) for e in extra[:3]])} "
                            f"{'is not a passage' if len(extra) == 1 else 'are not passages'} of the table")
        if not (stray or lost or extra):
            numbers = {k: as_number(v) for k, v in got_sim.items()}
            if all(n is not None for n in numbers.values()) and any(n > 1 for n in numbers.values()) and all(
                    abs(numbers[k] - 100 * v) <= 1 for k, v in want_sim.items()):
                problems.append("the similarities look like per cent; give each as a ratio between 0 and 1, as "
                                "`textstats.similarity` does")
                hints.append("divide by 100, or use the value `textstats.similarity` returns")
            else:
                off = [k for k, v in want_sim.items() if numbers[k] is None or abs(numbers[k] - v) > 0.01]
                if off:
                    problems.append(f"the similarity of {quoted_list(off[:3])} is off")
                    hints.append("compare word by word with `textstats.similarity`, which lower-cases and drops "
                                 "punctuation, and keep two decimals")
    got_omitted = as_ids(omitted)
    if got_omitted is None or sorted(set(got_omitted)) != key["omitted"]:
        problems.append("`omitted` should list the passages the other rendering leaves out")
        hints.append("the rows whose `other_phrase` is empty")
    changed = as_ids(most_changed)
    got_changed = set(changed) if changed is not None else set()
    lowest = set(key["most_changed"])
    if changed is None:
        problems.append(f"`most_changed` is {kind(most_changed)}; it should be a list of passage ids")
        hints.append("find the smallest value in `similarities`, then every passage that has it")
    elif not got_changed or not got_changed <= lowest:
        higher = sorted(c for c in got_changed if c in want_sim and c not in lowest)
        problems.append(f"the passage that changed most (lowest similarity) is not {quoted_list(sorted(got_changed)) or 'given'}"
                        + (f": {quoted_list(higher)} {'has' if len(higher) == 1 else 'have'} a higher similarity "
                           "than the lowest" if higher else ""))
        hints.append("find the smallest value in `similarities`, then every passage that has it")
    elif len(lowest) > 1:
        note = (f" {quoted_list(sorted(lowest))} tie for the lowest similarity"
                + (", and you name both." if got_changed == lowest else "; naming one of them is right, and so is "
                   "naming both."))
    lost_words = as_items(lost_in_authority)
    if isinstance(lost_in_authority, str):
        lost_words = lost_in_authority.replace(",", " ").split()
    want_lost = sorted(key["lost_in_authority"])
    got_lost = sorted(normal(w) for w in lost_words) if lost_words is not None and all(
        isinstance(w, str) for w in lost_words) else None
    if got_lost != want_lost:
        phrase = key['authority'].works_phrase
        if got_lost and set(got_lost) < set(want_lost):
            problems.append(f"in \"{phrase}\" you have {len(got_lost)} of the {len(want_lost)} words with no partner "
                            "in the other rendering")
        else:
            shown = quoted_list(got_lost) if got_lost else "given"
            problems.append(f"in \"{phrase}\" the words with no partner in the other rendering are not {shown}")
        hints.append("`textstats.only_in_first(row.works_phrase, row.other_phrase)` for that row")
    if problems:
        return finish(ex, WRONG, sentences(problems), sentences(dict.fromkeys(hints)) if hints else
                       "compare your list with the table of renderings above", strict)
    return finish(ex, RIGHT, f"{len(want_sim)} passages compared; most changed: "
                   f"{quoted_list(sorted(got_changed))}; left out: {quoted_list(key['omitted'])}; only Works says "
                   f"{quoted_list(key['lost_in_authority'])} in the authority passage.{note}", "", strict)


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
    if not isinstance(changes, (list, tuple)):
        return finish(ex, WRONG, f"`changes` is {kind(changes)}; it should be a list of changes, each a tuple "
                       "(\"old words\", \"new words\", \"why\")", "keep the scaffold's square brackets", strict)
    shapeless = [c for c in changes if not (isinstance(c, (tuple, list)) and len(c) == 3
                                            and all(isinstance(part, str) for part in c))]
    if shapeless:
        bad = shapeless[0]
        size = f" it has {plural(len(bad), 'part')}" if isinstance(bad, (tuple, list)) else ""
        return finish(ex, WRONG, f"each change must be a tuple of three strings (old words, new words, why);{size}"
                       if size else "each change must be a tuple of three strings (old words, new words, why)",
                       "write each change as (\"old words\", \"new words\", \"why\"), with commas between", strict)
    textnow = original
    for number, (old, new, _) in enumerate(changes, start=1):
        if old not in textnow:
            return finish(ex, WRONG, f"change {number} does not apply: its old words, \"{shorten(old, 50)}\", are "
                          "not in the text as it stands by then", "copy the old words exactly from `letter` (print it), "
                       "and remember that an earlier change may already have altered them", strict)
        textnow = textnow.replace(old, new, 1)
    adapted, log = textstats.adapt(original, changes)
    problems = textstats.adaptation_problems(adapted, log, limit)
    for claim in load_answer_policy().vocabulary.adaptation_claims:
        if not any(stem.lower() in adapted.lower() for stem in claim.any_of):
            problems.append(f"it no longer says what the letter says in {claim.paragraph.replace('p', '¶')}: "
                            f"that {claim.says} (keep a word such as "
                            f"{quoted_list([s + '...' if len(s) < 6 else s for s in claim.any_of])})")
    no_reason = [shorten(c.old, 30) for c in log if is_blank(c.why) or not str(c.why).strip()]
    if no_reason:
        problems.append(f"{'the change' if len(no_reason) == 1 else 'the changes'} to {quoted_list(no_reason)} "
                        f"{'gives' if len(no_reason) == 1 else 'give'} no reason")
    if problems:
        lost = any("key phrase" in p or "no longer says" in p for p in problems)
        return finish(ex, WRONG, "the adaptation is not ready: " + sentences(problems),
                       "a shorter letter keeps the evidence and the claims: replace long words and cut around "
                       "the key phrases, never inside them, and say each claim in plainer words rather than "
                       "cutting it" if lost else
                       f"cut or shorten more: `textstats.word_count(adapted)` must be at most {limit}"
                       if any("the limit" in p for p in problems) else "give every change a reason", strict)
    return finish(ex, RIGHT, f"{textstats.word_count(adapted)} words (the letter has "
                   f"{textstats.word_count(original)}), every key phrase and every claim kept, "
                   f"{plural(len(log), 'change')} logged with a reason", "", strict)
