"""Each check answers a blank, a wrong and a right answer in plain words, and never raises on a student's answer."""
import datetime

import pytest
from answer_table import GOOD_CHANGES  # a right adaptation, a student's (tests/answer_table.py)

from barneskit.exercises import dates_and_claims as dates
from barneskit.exercises import feedback
from barneskit.exercises import renderings_and_adaptation as renderings
from barneskit.exercises import sourcing_and_counting as sourcing
from barneskit.exercises import voice_and_agency as voice
from barneskit.analysis import textstats
from barneskit.exercises.feedback import NOT_YET, RIGHT, WRONG, AnswerNotRight

LETTER = textstats.letter_text()
NOTE = textstats.note_text()


def right_names():
    return (set(textstats.names_in(LETTER)), set(textstats.names_in(NOTE)), set(textstats.absent_names()))


# (check, blank answer, wrong answer, words the wrong-answer message must contain, right answer)
CASES = {
    "sourcing card": (
        sourcing.check_sourcing_card,
        ({f: ... for f in sourcing.CARD_FIELDS},),
        (dict(sourcing.sourcing_card_key(), place="Moscow"),), ["guess"],
        (sourcing.sourcing_card_key(),)),
    "first printed is not 1933": (
        sourcing.check_sourcing_card,
        ({f: ... for f in sourcing.CARD_FIELDS},),
        (dict(sourcing.sourcing_card_key(), first_printed=1933),), ["first printed", "1933"],
        (dict(sourcing.sourcing_card_key(), date="1933-03-20", place="not stated"),)),
    "word counts": (
        sourcing.check_word_counts, (..., ..., ...),
        (sourcing.word_counts_key()["regex_count"], sourcing.word_counts_key()["split_count"], "U.S.S.R."), ["swapped"],
        (sourcing.word_counts_key()["split_count"], sourcing.word_counts_key()["regex_count"], "Metro-Vickers,1")),
    "kwic": (
        sourcing.check_kwic_patterns, (..., ...), (r"law", r"foreign\w*"), ["misses", "laws"],
        (r"law\w*", r"foreign\w*")),
    "stance": (
        voice.check_stance_rates, ({"letter": {"attribution": ..., "certainty": ...},
                                     "note": {"attribution": ..., "certainty": ...}},),
        ({w: {k: v / 100 for k, v in d.items()} for w, d in textstats.stance_rates().items()},), ["per 100"],
        (textstats.stance_rates(),)),
    "names": (
        voice.check_names, (..., ..., ...),
        (right_names()[0] - {"Metro-Vickers"}, right_names()[1], right_names()[2]), ["named_in_letter", "Metro-Vickers"],
        right_names()),
    "passives": (
        voice.check_passive_pattern, (...,), (textstats.NAIVE_PASSIVE_PATTERN,), ["misses", "Was not legal action taken"],
        (textstats.PASSIVE_PATTERN,)),
    "question": (
        voice.check_question, (..., ...), (len(textstats.naive_sentences(LETTER)), "R. " + textstats.questions(LETTER)[0]),
        ["full stop", "starts too early"], (len(textstats.sentences(LETTER)), textstats.questions(LETTER)[0])),
    "layers": (
        dates.check_time_layers, ({k: ... for k in textstats.time_layers()},),
        ({k: v + textstats.letter().metadata.date.year for k, v in textstats.time_layers().items()},), ["is a year"],
        (textstats.time_layers(),)),
    "adaptation": (
        renderings.check_adaptation, ([(..., ..., ...)],),
        ([("our investigating authorities assert", "the police proved", "simpler")],), ["lost the key phrase"],
        (GOOD_CHANGES,)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_blank_wrong_and_right(name, capsys):
    check, blank, wrong, words, right = CASES[name]
    result = check(*blank)
    assert result.status == NOT_YET and result.hint, result
    assert capsys.readouterr().out.startswith("Not yet: ")
    result = check(*wrong)
    assert result.status == WRONG and result.hint, result.text
    for word in words:
        assert word in result.text, f"{word!r} not in {result.text!r}"
    assert capsys.readouterr().out.startswith("Not quite: ")
    result = check(*right)
    assert result.status == RIGHT, result.text
    assert capsys.readouterr().out.startswith("Right: ")


@pytest.mark.parametrize("name", sorted(CASES))
def test_strict_raises_only_when_not_right(name, capsys):
    check, blank, wrong, _, right = CASES[name]
    assert check(*right, strict=True).ok
    for answer in (blank, wrong):
        with pytest.raises(AnswerNotRight):
            check(*answer, strict=True)


ODD_ANSWERS = [None, 42, "x", [], {}, [1, 2], {"a": 1}, datetime.date(1933, 3, 20), 3.5, ("a", "b")]


@pytest.mark.parametrize("name", sorted(CASES))
def test_odd_answers_get_a_message_not_a_traceback(name, capsys):
    check, blank, *_ = CASES[name]
    for odd in ODD_ANSWERS:
        result = check(*[odd] * len(blank))
        assert result.status in (NOT_YET, WRONG) and result.message, (odd, result)
        assert capsys.readouterr().out.split(":")[0] in ("Not yet", "Not quite")


def test_place_not_stated_is_accepted_in_words_or_as_none():
    for place in (None, "not stated", "Not stated in the text"):
        assert sourcing.check_sourcing_card(dict(sourcing.sourcing_card_key(), place=place)).ok


def test_the_message_shows_as_html_in_jupyter():
    result = feedback.CheckResult("x", WRONG, "a <b> message", "a hint")
    assert 'role="status"' in result.html() and "&lt;b&gt;" in result.html() and "Hint" in result.html()
    assert repr(result) == "CheckResult('x', 'wrong')"


def test_timeline_check(capsys):
    key = dates.timeline_key()
    assert dates.check_timeline(..., ..., ...).status == NOT_YET
    wrong = dates.check_timeline(list(reversed(key["timeline"])), key["arrests_to_reply"] + 1, key["reply_to_trial"])
    assert wrong.status == WRONG and "date order" in wrong.text and "both" in wrong.text
    assert dates.check_timeline(key["timeline"], key["arrests_to_reply"], key["reply_to_trial"]).ok
    assert dates.check_timeline([e.id for e in key["timeline"]], key["arrests_end_to_reply"],
                                 key["reply_to_trial"]).ok


def test_espionage_claim_can_never_be_consistent(capsys):
    claims = dates.note_claims()
    assert dates.check_claim_verdicts({c.id: ... for c in claims}).status == NOT_YET
    answers = {c.id: c.verdict for c in claims}
    assert dates.check_claim_verdicts(answers).ok
    answers[dates.ESPIONAGE_CLAIM] = "consistent"
    result = dates.check_claim_verdicts(answers)
    assert result.status == WRONG and "established" in result.text
    assert next(c for c in claims if c.id == dates.ESPIONAGE_CLAIM).verdict != "consistent"


def test_renderings_check(capsys):
    key = renderings.renderings_key()
    assert "our" in key["lost_in_authority"]
    args = (key["similarities"], key["omitted"], key["most_changed"], key["lost_in_authority"])
    assert renderings.check_renderings(*args).ok
    wrong = renderings.check_renderings(key["similarities"], key["omitted"], key["most_changed"], ["assert"])
    assert wrong.status == WRONG and "only_in_first" in wrong.text
