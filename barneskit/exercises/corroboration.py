"""Checks and keys for the exercise set "Corroboration" (``exercises/corroboration.md``).

Each check answers in plain words (see :mod:`barneskit.exercises.feedback`); each key is computed
from ``data/corroboration.yml`` and ``data/claims.csv`` when the check runs. A document may be
named by its id (``hansard-1933-04-25``) or by its letter in the chapter ("E").
"""
from __future__ import annotations

from barneskit.corpus.claims import load_claims
from barneskit.corpus.corroboration import RELATIONS, load_corroboration
from barneskit.exercises.feedback import (NOT_YET, RIGHT, WRONG, as_ids, finish, never_raises, normal_id, not_yet,
                                          plural, quoted_list)


def _data():
    return load_corroboration()


def _names():
    """Every way of naming a document (id or letter, any case) -> its id."""
    names = {}
    for doc in _data().documents:
        names[normal_id(doc.id)] = doc.id
        names[normal_id(doc.letter)] = doc.id
        names[normal_id(f"document {doc.letter}")] = doc.id
    return names


def _listing(items):
    """"a", "a and b", "a, b and c"."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _as_documents(answer):
    """(ids, names not understood) from a student's list, set or single name of documents (ids or
    letters, in any case, or several in one string separated by commas); None for another shape."""
    items = as_ids(answer)
    if items is None:
        return None
    names, ids, unknown = _names(), set(), []
    for item in items:
        if item in names:
            ids.add(names[item])
        else:
            unknown.append(item)
    return ids, unknown


def _in_order(doc_ids):
    """Document ids in the chapter's order (A, B, C ...)."""
    order = [d.id for d in _data().documents]
    return sorted(doc_ids, key=order.index)


def _differences(name, lost, extra, show):
    """The two findings every comparison of sets makes here: what the answer lacks, what it should not hold."""
    problems = []
    if lost:
        problems.append(f"{name} lacks {show(lost)}")
    if extra:
        problems.append(f"{name} should not hold {show(extra)}")
    return problems


def _label(doc_id):
    doc = _data().document(doc_id)
    return f"Document {doc.letter} ({doc.id})" if doc.id not in ("letter", "note") else f"the {doc.id}"


def _shared(a, b):
    """The labels of the channels documents ``a`` and ``b`` both rely on."""
    data = _data()
    labels = {c.id: c.label for c in data.channels}
    return [labels[c] for c in data.document(a).relies_on if c in data.document(b).relies_on]


# --- 1. Independent of the letter -------------------------------------------------------------

def independent_of_letter_key():
    return set(_data().independent_of("letter"))


@never_raises("independent of the letter")
def check_independent_of_letter(independent, strict=False):
    ex = "independent of the letter"
    early = not_yet(ex, {"independent_of_letter": independent},
                    "for each document, compare `set(doc.relies_on)` with `set(letter.relies_on)`: "
                    "independent means no channel in common.", strict)
    if early:
        return early
    read = _as_documents(independent)
    if read is None:
        return finish(ex, WRONG, "`independent_of_letter` should be a set of document ids, such as "
                      "{\"hansard-1933-03-15\"}.", "start from the scaffold's `...` and put the ids in curly "
                      "brackets.", strict)
    got, unknown = read
    if unknown:
        return finish(ex, WRONG, f"{quoted_list(unknown)} {'is' if len(unknown) == 1 else 'are'} not the "
                      "id or letter of a document of the set.", "use the ids printed above, or the letters "
                      "B to G.", strict)
    want = independent_of_letter_key()
    problems = []
    for doc_id in _in_order(got - want):
        if doc_id == "letter":
            problems.append("the letter cannot be independent of itself")
        else:
            shared = _shared("letter", doc_id)
            problems.append(f"{_label(doc_id)} relies, like the letter, on {_listing(shared)}")
    missing = _in_order(want - got)
    if missing:
        problems.append(f"{_listing([_label(d) for d in missing])} "
                        f"{'shares' if len(missing) == 1 else 'share'} no channel with the letter")
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".",
                      "two documents that repeat the same channel are one witness, not two: keep only the "
                      "documents with no channel in common with the letter.", strict)
    return finish(ex, RIGHT, f"{len(want)} documents draw on none of the letter's channels (Stalin himself and "
                  "the investigators), so each can test it from outside.", "", strict)


# --- 2. What the documents say about one claim --------------------------------------------------

ESPIONAGE_CLAIM = "note-espionage-established"


def relations_key(claim_id=ESPIONAGE_CLAIM):
    return {relation: set(docs) for relation, docs in _data().relations(claim_id).items()}


@never_raises("one claim, several documents")
def check_relations(espionage, strict=False):
    ex = "one claim, several documents"
    if not isinstance(espionage, dict) or set(espionage) != set(RELATIONS):
        return finish(ex, WRONG, "the answer should keep the scaffold's shape: a dictionary with the keys "
                      + quoted_list(RELATIONS) + ".", "start again from the scaffold.", strict)
    blank = [relation for relation, docs in espionage.items() if docs is Ellipsis]
    if blank:
        return finish(ex, NOT_YET, "still to fill in: " + ", ".join(f"`{b}`" for b in blank) + ".",
                      "loop over `data.pairs`, keep the pairs whose `claim` is the espionage claim, and put each "
                      "`document` under its `relation`.", strict)
    want = relations_key()
    problems = []
    for relation in RELATIONS:
        read = _as_documents(espionage[relation] or [])
        if read is None:
            problems.append(f"under \"{relation}\", give a list of documents (an empty list, [], if there are none)")
            continue
        got, unknown = read
        if unknown:
            problems.append(f"under \"{relation}\", {quoted_list(unknown)} is not a document of the set")
            continue
        problems += _differences(f"\"{relation}\"", _in_order(want[relation] - got), _in_order(got - want[relation]),
                                 lambda docs: _listing([_label(d) for d in docs]))
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".",
                      "each pair of `data.pairs` is one document's relation to one claim: print the pairs of "
                      f"\"{ESPIONAGE_CLAIM}\" and sort them by `relation`.", strict)
    counts = {relation: len(docs) for relation, docs in want.items()}
    confirms = (f"{plural(counts['confirms'], 'document')} {'confirms' if counts['confirms'] == 1 else 'confirm'}"
                if counts["confirms"] else "no document confirms")
    return finish(ex, RIGHT, f"{confirms} the espionage claim, {plural(counts['contradicts'], 'document')} "
                  f"{'contradicts' if counts['contradicts'] == 1 else 'contradict'} it and "
                  f"{plural(counts['leaves-open'], 'document')} cannot settle it.", "", strict)


# --- 3. Corroborated, or only repeated? ---------------------------------------------------------

def corroboration_key():
    """The claims that at least one independent document confirms, and those one contradicts.

    Independent of a claim means independent of the layer it comes from (the letter or the note)."""
    data = _data()
    claims = {c.id: c for c in load_claims()}
    corroborated, contradicted = set(), set()
    for claim_id in {pair.claim for pair in data.pairs}:
        outside = set(data.independent_of(claims[claim_id].source_text))
        relations = data.relations(claim_id)
        if outside & set(relations["confirms"]):
            corroborated.add(claim_id)
        if outside & set(relations["contradicts"]):
            contradicted.add(claim_id)
    return {"corroborated": corroborated, "contradicted": contradicted}


def _as_claims(answer):
    """Claim ids from a set, list or one string (several separated by commas); None for another shape."""
    ids = as_ids(answer)
    return None if ids is None else set(ids)


@never_raises("corroborated or repeated")
def check_corroborated(corroborated, contradicted, strict=False):
    ex = "corroborated or repeated"
    early = not_yet(ex, {"corroborated": corroborated, "contradicted": contradicted},
                    "for each claim, take the documents independent of its layer (`claim.source_text`), then "
                    "ask whether one of them confirms it, and whether one contradicts it.", strict)
    if early:
        return early
    answers = {"corroborated": _as_claims(corroborated), "contradicted": _as_claims(contradicted)}
    if None in answers.values():
        return finish(ex, WRONG, "`corroborated` and `contradicted` should each be a set of claim ids, such as "
                      "{\"note-six-britishers\"}.", "start from the scaffold's `...`.", strict)
    key = corroboration_key()
    known = {pair.claim for pair in _data().pairs}
    problems, hint = [], ""
    for name, got in answers.items():
        unknown = sorted(got - known)
        if unknown:
            problems.append(f"`{name}` names {quoted_list(unknown)}, which no document of the set discusses")
            continue
        extra = sorted(got - key[name])
        problems += _differences(f"`{name}`", sorted(key[name] - got), extra, quoted_list)
        if extra:
            repeats = [c for c in extra if c in {p.claim for p in _data().pairs if p.relation == (
                "confirms" if name == "corroborated" else "contradicts")}]
            if repeats:
                hint = (f"{quoted_list(repeats[:2])}: the only documents that "
                        f"{'confirm' if name == 'corroborated' else 'contradict'} it share a channel with the text "
                        "that makes the claim, so they repeat its source rather than test it.")
    if problems:
        return finish(ex, WRONG, "; ".join(problems) + ".", hint or "a confirmation counts only when it comes "
                      "from a document independent of the claim's own layer.", strict)
    return finish(ex, RIGHT, f"{len(key['corroborated'])} claims are confirmed from outside and "
                  f"{len(key['contradicted'])} contradicted from outside; the rest are only repeated, or left open.",
                  "", strict)

