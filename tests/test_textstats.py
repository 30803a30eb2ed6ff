"""The measurements behind the answer keys agree with the text, checked by properties anyone can verify."""
from barneskit.analysis import textstats
from barneskit.corpus.gazetteer import Entity

LETTER = textstats.letter_text()
NOTE = textstats.note_text()


def test_the_two_counts_differ_exactly_by_the_split_words():
    extra = sum(len(pieces) - 1 for _, pieces in textstats.count_differences(LETTER))
    assert len(textstats.regex_words(LETTER)) - textstats.word_count(LETTER) == extra > 0
    assert "U.S.S.R." in {word.rstrip(",") for word, _ in textstats.count_differences(LETTER)}


def test_kwic_finds_every_law_and_foreign_word_and_nothing_else():
    for glob, stem in (("law*", "law"), ("foreign*", "foreign")):
        lines = textstats.kwic(LETTER, textstats.glob_to_regex(glob))
        assert [line.keyword for line in lines] == [w for w in LETTER.split() if textstats.bare(w).lower().startswith(stem)]
        for line in lines:
            assert LETTER.split()[line.position] == line.keyword


def test_stance_markers_show_the_shift_from_assert_to_established():
    assert "assert" in textstats.find_markers(LETTER, textstats.ATTRIBUTION)
    assert textstats.find_markers(NOTE, textstats.CERTAINTY) == ["established"]
    assert textstats.stance_rates()["note"]["attribution"] == 0


def test_sentences_keep_abbreviations_and_find_the_one_question():
    found = textstats.sentences(LETTER)
    assert "".join(found).replace(" ", "") == LETTER.replace("\n", "").replace(" ", "")
    assert not any(s in ("Mr.", "U.S.S.R.", "J.") for s in found)
    assert len(textstats.questions(LETTER)) == 1 and textstats.questions(LETTER)[0] in LETTER
    assert len(textstats.naive_sentences(LETTER)) > len(found)


def test_naive_passive_pattern_misses_the_question_form_and_the_robust_one_does_not():
    naive = textstats.find_pattern(LETTER, textstats.NAIVE_PASSIVE_PATTERN)
    robust = textstats.passives(LETTER)
    question = textstats.questions(LETTER)[0]
    assert not any(p in question for p in naive)
    assert any(p in question for p in robust) and len(robust) == len(naive) + 1
    assert textstats.agentless(LETTER, robust) == robust


def test_gazetteer_names_are_found_as_written():
    # Read off the texts by eye: who the letter and the note name, in the gazetteer's words.
    assert textstats.names_in(LETTER) == ["J. V. Stalin", "Ralph W. Barnes", "the U.S.S.R.", "Metro-Vickers",
                                          "American citizens and specialists", "the British employees", "Russians",
                                          "the investigating authorities"]
    assert textstats.names_in(NOTE) == ["the U.S.S.R.", "Metro-Vickers", "the British employees",
                                        "the investigating authorities"]
    assert "A. W. Gregory" in textstats.absent_names() and "J. V. Stalin" not in textstats.absent_names()


def test_a_name_is_matched_as_a_whole_word_and_with_its_case():
    ra = Entity(name="Ra", kind="person", forms=["Ra"], role="a test", sources=["x"])
    assert textstats.names_in("Ralph wrote.", [ra]) == [] and textstats.names_in("ra wrote.", [ra]) == []
    assert textstats.names_in("As Ra wrote.", [ra]) == ["Ra"]


def test_time_layers_follow_the_metadata():
    meta = textstats.letter().metadata
    layers = textstats.time_layers()
    assert layers["transcription"] == meta.transcription.year - meta.date.year
    assert all(layers[e.bibkey] == e.year - meta.date.year for e in meta.editions)


def test_key_phrases_are_in_the_letter_and_adapt_logs_every_change():
    assert all(phrase in LETTER for phrase in textstats.key_phrases())
    adapted, log = textstats.adapt(LETTER, [("Dear Mr. Barnes,", "Dear Mr Barnes,", "house style")])
    assert adapted.startswith("Dear Mr Barnes,") and len(log) == 1
    try:
        textstats.adapt(LETTER, [("words not in the letter", "", "x")])
    except ValueError as exc:
        assert "does not apply" in str(exc)
    else:
        raise AssertionError("a change that does not apply was accepted")
