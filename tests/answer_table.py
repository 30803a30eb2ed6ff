"""Read the answer table (tests/data/answers.yml): each row's answer is Python literal text, evaluated
safely: literals, ``...``, a few operators and the names below, never ``eval``.

The names stand for what a student computes from the data (the right card, the right counts ...),
so the table never types an answer key: ``card | {"place": "unknown"}`` is the right card with one
field changed, whatever the metadata says.
"""
from __future__ import annotations

import ast
import datetime
import functools
import operator
from pathlib import Path

import yaml

from barneskit.analysis import textstats
from barneskit.paths import ROOT

TABLE = Path(__file__).parent / "data" / "answers.yml"
POLICY = ROOT / "data" / "answer-policy.yml"

VERDICTS = {"right": "right", "not quite": "wrong", "not yet": "not-yet"}


def _nested(d, f):
    return {k: _nested(v, f) if isinstance(v, dict) else f(v) for k, v in d.items()}


def _set_in(d, *path_and_value):
    *path, value = path_and_value
    out = _nested(d, lambda v: v)
    inner = out
    for p in path[:-1]:
        inner = inner[p]
    inner[path[-1]] = value
    return out


def _without(d, key):
    return {k: v for k, v in d.items() if k != key}


@functools.lru_cache(maxsize=1)
def vocabulary():
    from barneskit.corpus.corroboration import load_corroboration
    from barneskit.exercises import corroboration as co
    from barneskit.exercises import dates_and_claims as dc
    from barneskit.exercises import renderings_and_adaptation as ra
    from barneskit.exercises import sourcing_and_counting as sc
    from barneskit.corpus.teaching import load_worksheet
    letter, note = textstats.letter_text(), textstats.note_text()
    body = "\n".join(s.text for s in textstats.letter().by_role("paragraph"))
    counts = sc.word_counts_key()
    rates = textstats.stance_rates()
    exact = {w: {k: 100 * len(textstats.find_markers(textstats.text_of(w), textstats.STANCE_LISTS[k]))
                 / textstats.word_count(textstats.text_of(w)) for k in rates[w]} for w in rates}
    marker_counts = {w: {k: len(textstats.find_markers(textstats.text_of(w), textstats.STANCE_LISTS[k]))
                         for k in rates[w]} for w in rates}
    by_regex = {w: {k: textstats.rate_per_100(marker_counts[w][k], len(textstats.regex_words(textstats.text_of(w))))
                    for k in rates[w]} for w in rates}
    tkey = dc.timeline_key()
    events = {e.id: e for e in dc._events()}
    verdicts = {c.id: c.verdict for c in dc.note_claims()}
    matrix = dc.corroboration_key()
    least = min(len(v) for v in matrix.values())
    rkey = ra.renderings_key()
    sheet = load_worksheet()
    ids = [q.id for step in sheet.steps for q in step.questions]
    full_sheet = {i: "The letter itself says so in its first lines, I think." for i in ids}
    full_sheet.update({"when": "It is dated 20 March 1933; this version was printed in 1954.",
                       "where": "The text does not say where it was written."})
    return {
        # functions a row may call
        "date": datetime.date, "datetime": datetime.datetime, "str": str, "int": int, "float": float,
        "list": list, "set": set, "tuple": tuple, "sorted": sorted, "len": len,
        "reversed": lambda xs: list(reversed(list(xs))),
        "scale": lambda d, f: _nested(d, lambda v: v * f),
        "plus": lambda d, n: _nested(d, lambda v: v + n),
        "strs": lambda d: _nested(d, str), "rounded": lambda d, n: _nested(d, lambda v: round(v, n)),
        "comma": lambda v: str(v).replace(".", ","), "set_in": _set_in, "without": _without,
        "lower": lambda xs: type(xs)(x.lower() for x in xs) if not isinstance(xs, str) else xs.lower(),
        "upper": lambda xs: xs.upper() if isinstance(xs, str) else [x.upper() for x in xs],
        "upper_values": lambda d: {k: v.upper() for k, v in d.items()},
        "listed": lambda d: {k: sorted(v) for k, v in d.items()},
        "counted": lambda d: {k: len(v) for k, v in d.items()},
        "swap_kinds": lambda d: {w: {"attribution": v["certainty"], "certainty": v["attribution"]} for w, v in d.items()},
        "all_verdicts": lambda v: {cid: v for cid in verdicts},
        # what the data says (the right answers, computed)
        "letter": letter, "note": note, "body": body,
        "card": sc.sourcing_card_key(), "blank_card": {f: ... for f in sc.CARD_FIELDS},
        "split": counts["split_count"], "regex": counts["regex_count"], "culprits": counts["culprits"],
        "body_split": textstats.word_count(body),
        "RATES": rates, "EXACT_RATES": exact, "MARKER_COUNTS": marker_counts, "REGEX_RATES": by_regex,
        "BLANK_RATES": _nested(rates, lambda v: ...),
        "LN": set(textstats.names_in(letter)), "NN": set(textstats.names_in(note)), "AB": set(textstats.absent_names()),
        "PASSIVE": textstats.PASSIVE_PATTERN, "NAIVE_PASSIVE": textstats.NAIVE_PASSIVE_PATTERN,
        "N_SENTENCES": len(textstats.sentences(letter)), "N_NAIVE": len(textstats.naive_sentences(letter)),
        "N_BODY": len(textstats.sentences(body)), "Q": textstats.questions(letter)[0],
        "LAYERS": textstats.time_layers(), "BLANK_LAYERS": {k: ... for k in textstats.time_layers()},
        "TRIALS": list(dc.trials_before_note_key()),
        "TRIAL_EVENTS": [events[t] for t in dc.trials_before_note_key()],
        "TL": [e.id for e in tkey["timeline"]], "TL_EVENTS": list(tkey["timeline"]),
        "A2R": tkey["arrests_to_reply"], "A2R_END": tkey["arrests_end_to_reply"], "R2T": tkey["reply_to_trial"],
        "V": verdicts, "BLANK_V": {cid: ... for cid in verdicts},
        "M": matrix, "FEWEST": sorted(c for c, v in matrix.items() if len(v) == least),
        "S": rkey["similarities"], "O": rkey["omitted"], "MC": rkey["most_changed"], "LO": rkey["lost_in_authority"],
        "GOOD_CHANGES": GOOD_CHANGES,
        "FIRST": body.split("\n")[0], "FIRST_WORDS": body.split("\n")[0].split(),
        "LETTER_WORDS": letter.split(), "BODY_WORDS": body.split(),
        "PARA_WORDS": [len(p.split()) for p in body.split("\n")],
        "PARA_WORDS_STR": [str(len(p.split())) for p in body.split("\n")],
        "PARA_CHARS": [len(p) for p in body.split("\n")],
        "FULL_SHEET": full_sheet, "BLANK_SHEET": {i: "" for i in ids},
        "IND": co.independent_of_letter_key(),
        "IND_LETTERS": {load_corroboration().document(d).letter for d in co.independent_of_letter_key()},
        "REL": {r: sorted(docs) for r, docs in co.relations_key().items()},
        "CORR": co.corroboration_key()["corroborated"], "CONTRA": co.corroboration_key()["contradicted"],
    }


#: A right adaptation (a student's: the check judges it, nothing here is the module's own).
GOOD_CHANGES = [
    ("Dear Mr. Barnes,\n", "", "salutation cut"),
    ("Your fears as to the safety of American citizens in the U.S.S.R. are quite groundless.",
     "Fears for Americans are quite groundless.", "shorter"),
    ("The U.S.S.R. is one of the few countries in the world where a display of national hatred or an "
     "unfriendly attitude towards foreigners as such is punishable by law.",
     "Hatred of foreigners is punishable by law.", "shorter"),
    (" That is particularly true with regard to foreign specialists in the U.S.S.R., including American "
     "specialists, whose work in my opinion deserves our thanks.", "", "cut"),
]

_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
           ast.BitOr: operator.or_}


def evaluate(text, names=None):
    """The value of a row's answer text: literals, names from the vocabulary, calls to its functions,
    + - * / |, unary minus, subscripts and slices. Anything else is refused."""
    names = vocabulary() if names is None else names

    def ev(node):
        if isinstance(node, ast.Expression):
            return ev(node.body)
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in names:
                raise ValueError(f"unknown name {node.id!r} in answer {text!r}")
            return names[node.id]
        if isinstance(node, ast.List):
            return [ev(e) for e in node.elts]
        if isinstance(node, ast.Tuple):
            return tuple(ev(e) for e in node.elts)
        if isinstance(node, ast.Set):
            return {ev(e) for e in node.elts}
        if isinstance(node, ast.Dict):
            return {ev(k): ev(v) for k, v in zip(node.keys, node.values)}
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -ev(node.operand)
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            return _BINOPS[type(node.op)](ev(node.left), ev(node.right))
        if isinstance(node, ast.Subscript):
            return ev(node.value)[ev(node.slice)]
        if isinstance(node, ast.Slice):
            return slice(*(ev(p) if p is not None else None for p in (node.lower, node.upper, node.step)))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and callable(names.get(node.func.id)):
            return names[node.func.id](*[ev(a) for a in node.args], **{k.arg: ev(k.value) for k in node.keywords})
        raise ValueError(f"not allowed in an answer: {ast.dump(node)[:60]} in {text!r}")

    return ev(ast.parse(text, mode="eval"))


def load_table():
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def load_policy_checks():
    return {c["id"]: c for c in yaml.safe_load(POLICY.read_text(encoding="utf-8"))["checks"]}
