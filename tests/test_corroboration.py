"""The corroboration data (data/corroboration.yml) is checked like every data file, independence is
computed from it, and the exercise checks built on it answer blank, wrong and right answers."""
import shutil

import pytest

from barneskit import DataError
from barneskit.corpus import corroboration
from barneskit.exercises import corroboration as checks
from barneskit.exercises.feedback import NOT_YET, RIGHT, WRONG, AnswerNotRight

DATA = corroboration.load_corroboration()


@pytest.fixture
def data_copy(tmp_path):
    dest = tmp_path / "corroboration.yml"
    shutil.copy(corroboration.CORROBORATION_PATH, dest)
    return dest


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_quote_not_in_its_segment_is_refused_with_its_line(data_copy):
    _edit(data_copy, 'quote: "In all six Englishmen and 25 Russians were arrested"',
          'quote: "In all seven Englishmen and 25 Russians were arrested"')
    with pytest.raises(DataError) as caught:
        corroboration.load_corroboration(data_copy)
    assert caught.value.field.endswith(".quote") and caught.value.line and "not in segment" in str(caught.value)


def test_an_unknown_claim_or_channel_is_refused(data_copy):
    _edit(data_copy, "  - claim: letter-few-british\n", "  - claim: letter-many-british\n")
    with pytest.raises(DataError) as caught:
        corroboration.load_corroboration(data_copy)
    assert "letter-many-british" in str(caught.value) and "claims.csv" in str(caught.value)


def test_a_second_row_for_the_same_claim_and_document_is_refused(data_copy):
    text = data_copy.read_text(encoding="utf-8")
    first = text.index("  - claim: letter-few-british")
    row = text[first:text.index("  - claim:", first + 5)]
    data_copy.write_text(text + row, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        corroboration.load_corroboration(data_copy)
    assert "a second row" in str(caught.value)


def test_independence_is_symmetric_and_means_no_common_channel():
    ids = [d.id for d in DATA.documents]
    for a in ids:
        for b in ids:
            assert DATA.independent(a, b) == DATA.independent(b, a)
            if a != b and set(DATA.document(a).relies_on) & set(DATA.document(b).relies_on):
                assert not DATA.independent(a, b)
    # Document B quotes the police statement: the same channel as the letter's "investigating authorities".
    assert not DATA.independent("letter", "cable-arrests-1933-03-14")
    assert DATA.independent("letter", "hansard-1933-03-15")


def test_a_claim_confirmed_only_by_its_own_source_is_not_corroborated():
    key = checks.corroboration_key()
    assert "note-march-proceedings" not in key["corroborated"]   # only Document B, which shares the OGPU
    assert "note-six-britishers" in key["corroborated"]          # Documents C and E, through the Embassy
    assert key["corroborated"].isdisjoint({"note-espionage-established", "note-sabotage-organised"})


CASES = {
    "independent": (checks.check_independent_of_letter, (...,), ({"B", "C"},), ["Document B", "OGPU"],
                    (checks.independent_of_letter_key(),)),
    "relations": (checks.check_relations, ({"confirms": ..., "contradicts": ..., "leaves-open": ...},),
                  ({"confirms": ["D"], "contradicts": ["E", "G"], "leaves-open": []},), ["should not hold", "lacks"],
                  ({relation: sorted(docs) for relation, docs in checks.relations_key().items()},)),
    "corroborated": (checks.check_corroborated, (..., ...),
                     (checks.corroboration_key()["corroborated"] | {"note-march-proceedings"},
                      checks.corroboration_key()["contradicted"]), ["note-march-proceedings", "repeat its source"],
                     (checks.corroboration_key()["corroborated"], checks.corroboration_key()["contradicted"])),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_blank_wrong_and_right(name, capsys):
    check, blank, wrong, words, right = CASES[name]
    assert check(*blank).status == NOT_YET
    result = check(*wrong)
    assert result.status == WRONG and result.hint, result.text
    for word in words:
        assert word in result.text + result.hint, (word, result.text, result.hint)
    assert check(*right).status == RIGHT
    assert check(*right, strict=True).ok
    with pytest.raises(AnswerNotRight):
        check(*wrong, strict=True)


@pytest.mark.parametrize("name", sorted(CASES))
def test_odd_answers_get_words_not_python_errors(name, capsys):
    check, blank, *_ = CASES[name]
    for odd in (None, 42, 3.5, {"a": 1}, [1, 2]):
        result = check(*[odd] * len(blank))
        assert result.status in (NOT_YET, WRONG)
        assert "Error" not in result.text, result.text


def test_documents_may_be_named_by_letter_or_id_in_any_case(capsys):
    ids = checks.independent_of_letter_key()
    letters = {DATA.document(i).letter.lower() for i in ids}
    assert checks.check_independent_of_letter(letters).status == RIGHT
    assert checks.check_independent_of_letter(sorted(ids)).status == RIGHT
