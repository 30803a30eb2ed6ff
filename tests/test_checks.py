"""Each check answers a blank, a wrong and a right answer in plain words, and never raises on a student's answer."""
import datetime

import pytest

from barneskit import checks, textstats
from barneskit.checks import NOT_YET, RIGHT, WRONG, AnswerNotRight

LETTER = textstats.letter_text()
NOTE = textstats.note_text()


def right_names():
    return (set(textstats.names_in(LETTER)), set(textstats.names_in(NOTE)), set(textstats.absent_names()))


# (check, blank answer, wrong answer, words the wrong-answer message must contain, right answer)
CASES = {
    "sourcing card": (
        checks.check_sourcing_card,
        ({f: ... for f in checks.CARD_FIELDS},),
        (dict(checks.sourcing_card_key(), place="Moscow"),), ["guess"],
        (checks.sourcing_card_key(),)),
    "first printed is not 1933": (
        checks.check_sourcing_card,
        ({f: ... for f in checks.CARD_FIELDS},),
        (dict(checks.sourcing_card_key(), first_printed=1933),), ["first printed", "1933"],
        (dict(checks.sourcing_card_key(), date="1933-03-20", place="not stated"),)),
    "word counts": (
        checks.check_word_counts, (..., ..., ...),
        (checks.word_counts_key()["regex_count"], checks.word_counts_key()["split_count"], "U.S.S.R."), ["swapped"],
        (checks.word_counts_key()["split_count"], checks.word_counts_key()["regex_count"], "Metro-Vickers,1")),
    "kwic": (
        checks.check_kwic_patterns, (..., ...), (r"law", r"foreign\w*"), ["misses", "laws"],
        (r"law\w*", r"foreign\w*")),
    "stance": (
        checks.check_stance_rates, ({"letter": {"attribution": ..., "certainty": ...},
                                     "note": {"attribution": ..., "certainty": ...}},),
        ({w: {k: v / 100 for k, v in d.items()} for w, d in textstats.stance_rates().items()},), ["per 100"],
        (textstats.stance_rates(),)),
    "names": (
        checks.check_names, (..., ..., ...),
        (right_names()[0] - {"Metro-Vickers"}, right_names()[1], right_names()[2]), ["named_in_letter", "Metro-Vickers"],
        right_names()),
    "passives": (
        checks.check_passive_pattern, (...,), (textstats.NAIVE_PASSIVE_PATTERN,), ["misses", "Was not legal action taken"],
        (textstats.PASSIVE_PATTERN,)),
    "question": (
        checks.check_question, (..., ...), (len(textstats.naive_sentences(LETTER)), "R. " + textstats.questions(LETTER)[0]),
        ["full stop", "starts too early"], (len(textstats.sentences(LETTER)), textstats.questions(LETTER)[0])),
    "layers": (
        checks.check_time_layers, ({k: ... for k in textstats.time_layers()},),
        ({k: v + textstats.letter().metadata.date.year for k, v in textstats.time_layers().items()},), ["is a year"],
        (textstats.time_layers(),)),
    "adaptation": (
        checks.check_adaptation, ([(..., ..., ...)],),
        ([("our investigating authorities assert", "the police proved", "simpler")],), ["lost the key phrase"],
        ([("Dear Mr. Barnes,\n", "", "salutation cut"),
          ("Your fears as to the safety of American citizens in the U.S.S.R. are quite groundless.",
           "Fears for Americans are quite groundless.", "shorter"),
          ("The U.S.S.R. is one of the few countries in the world where a display of national hatred or an "
           "unfriendly attitude towards foreigners as such is punishable by law.",
           "Hatred of foreigners is punishable by law.", "shorter"),
          (" That is particularly true with regard to foreign specialists in the U.S.S.R., including American "
           "specialists, whose work in my opinion deserves our thanks.", "", "cut")],)),
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
        assert checks.check_sourcing_card(dict(checks.sourcing_card_key(), place=place)).ok


def test_the_message_shows_as_html_in_jupyter():
    result = checks.CheckResult("x", WRONG, "a <b> message", "a hint")
    assert 'role="status"' in result.html() and "&lt;b&gt;" in result.html() and "Hint" in result.html()
    assert repr(result) == "CheckResult('x', 'wrong')"


@pytest.fixture
def events_module():
    return pytest.importorskip("barneskit.events", reason="the events data has not been merged yet")


def test_timeline_check(events_module, capsys):
    key = checks.timeline_key()
    assert checks.check_timeline(..., ..., ...).status == NOT_YET
    wrong = checks.check_timeline(list(reversed(key["timeline"])), key["arrests_to_reply"] + 1, key["reply_to_trial"])
    assert wrong.status == WRONG and "date order" in wrong.text and "both" in wrong.text
    assert checks.check_timeline(key["timeline"], key["arrests_to_reply"], key["reply_to_trial"]).ok
    assert checks.check_timeline([e.id for e in key["timeline"]], key["arrests_end_to_reply"],
                                 key["reply_to_trial"]).ok


def test_espionage_claim_can_never_be_consistent(events_module, capsys):
    pytest.importorskip("barneskit.claims", reason="the claims data has not been merged yet")
    claims = checks.note_claims()
    assert checks.check_claim_verdicts({c.id: ... for c in claims}).status == NOT_YET
    answers = {c.id: c.verdict for c in claims}
    assert checks.check_claim_verdicts(answers).ok
    answers[checks.ESPIONAGE_CLAIM] = "consistent"
    result = checks.check_claim_verdicts(answers)
    assert result.status == WRONG and "established" in result.text
    assert next(c for c in claims if c.id == checks.ESPIONAGE_CLAIM).verdict != "consistent"


def test_renderings_check(capsys):
    pytest.importorskip("barneskit.renderings", reason="the renderings data has not been merged yet")
    key = checks.renderings_key()
    assert "our" in key["lost_in_authority"]
    args = (key["similarities"], key["omitted"], key["most_changed"], key["lost_in_authority"])
    assert checks.check_renderings(*args).ok
    wrong = checks.check_renderings(key["similarities"], key["omitted"], key["most_changed"], ["assert"])
    assert wrong.status == WRONG and "only_in_first" in wrong.text
