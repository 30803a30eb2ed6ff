"""Teaching data: session plans add up and link to real pages; the adapted letter is short, keeps
its key phrases and lists every change; bad rows stop with a DataError naming file and field."""
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from barneskit import DataError
from barneskit.outputs.build import build
from barneskit.corpus.teaching import (ADAPTED_MAX_WORDS, ADAPTED_PATH, SESSIONS_PATH, WORKSHEET_PATH,
                                exercise_key_phrases, load_adapted_letter, load_sessions, load_worksheet,
                                toc_docnames)
from barneskit.corpus.texts import text
from barneskit.analysis import textstats
from barneskit.corpus import teaching as teaching_data


# ----------------------------------------------------------------------------- session plans

def test_each_session_plan_adds_up_to_its_length():
    raw = yaml.safe_load(SESSIONS_PATH.read_text(encoding="utf-8"))["sessions"]
    assert {s["id"] for s in raw} >= {"one-45", "two-45", "one-90", "no-computer"}
    for session in raw:
        minutes = [phase["minutes"] for phase in session["phases"]]
        assert sum(minutes) == session["minutes"], session["id"]
        meetings = {}
        for phase in session["phases"]:
            meetings.setdefault(phase.get("meeting", 1), []).append(phase["minutes"])
        assert len(meetings) == session["meetings"], session["id"]
        assert {sum(m) for m in meetings.values()} == {session["minutes"] // session["meetings"]}, session["id"]


def test_the_no_computer_plan_needs_no_computer():
    plans = {s.id: s for s in load_sessions()}
    assert plans["no-computer"].computers == "none"
    assert all("notebook" not in phase.page and not phase.page.startswith("exercises/")
               for phase in plans["no-computer"].phases)


def test_every_phase_links_to_a_page_of_the_built_book(built_book):
    pages = toc_docnames()
    sessions = load_sessions()
    html = built_book["html"]
    for session in sessions:
        for phase in session.phases:
            assert phase.page in pages
            assert (html / f"{phase.page}.html").exists(), phase.page
    soup = BeautifulSoup((html / "teacher" / "sessions.html").read_text(encoding="utf-8"), "html.parser")
    for session in sessions:
        table = soup.find(id=f"session-{session.id}").find("table")
        links = [a["href"] for a in table.find_all("a", href=True)]
        targets = {urlparse(h).path for h in links}
        for phase in session.phases:
            assert f"../{phase.page}.html" in targets or (
                phase.page.startswith("teacher/") and f"{Path(phase.page).name}.html" in targets), phase
        for href in links:
            path = (html / "teacher" / urlparse(href).path).resolve()
            assert path.exists(), href
            anchor = urlparse(href).fragment
            if anchor:
                assert BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find(id=anchor), href


@pytest.fixture
def sessions_copy(tmp_path):
    dest = tmp_path / "sessions.yml"
    shutil.copyfile(SESSIONS_PATH, dest)
    return dest


def _edit(path, old, new, count=1):
    raw = path.read_text(encoding="utf-8")
    assert old in raw, old
    path.write_text(raw.replace(old, new, count), encoding="utf-8")


def test_minutes_that_do_not_add_up_are_refused(sessions_copy):
    _edit(sessions_copy, "      - minutes: 4\n", "      - minutes: 5\n")  # the first phase of one-45
    with pytest.raises(DataError) as caught:
        load_sessions(sessions_copy)
    message = str(caught.value)
    assert "sessions.yml" in message and "field 'sessions.0.minutes'" in message and "add up to 46" in message
    assert re.search(r"line \d+", message)


def test_an_exercise_given_fewer_minutes_than_its_level_needs_is_refused(sessions_copy):
    # The sourcing card takes 12 minutes for a novice (data/exercise-sets.yml); one-45 gives it 14.
    _edit(sessions_copy, "      - minutes: 14\n        title: The letter's card, in code\n",
          "      - minutes: 8\n        title: The letter's card, in code\n")
    _edit(sessions_copy, "      - minutes: 12\n        title: Exit task\n", "      - minutes: 18\n        title: Exit task\n")
    with pytest.raises(DataError) as caught:
        load_sessions(sessions_copy)
    message = str(caught.value)
    assert "field 'sessions.0.phases.4.minutes'" in message and "8 minutes" in message
    assert "'A sourcing card', which takes 12" in message


def test_a_phase_linking_nowhere_is_refused(sessions_copy):
    _edit(sessions_copy, "page: chapters/letter", "page: chapters/nowhere")
    with pytest.raises(DataError) as caught:
        load_sessions(sessions_copy)
    assert "field 'sessions.0.phases.1.page'" in str(caught.value) and "chapters/nowhere" in str(caught.value)


def test_a_missing_field_is_named(sessions_copy):
    data = yaml.safe_load(sessions_copy.read_text(encoding="utf-8"))
    del data["sessions"][1]["phases"][2]["activity"]
    sessions_copy.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_sessions(sessions_copy)
    assert "field 'sessions.1.phases.2.activity'" in str(caught.value) and "missing" in str(caught.value)


def test_a_bad_sessions_file_stops_the_build(repo_copy):
    _edit(repo_copy / "data" / "sessions.yml", "      - minutes: 4\n", "      - minutes: 7\n")
    code, output, _ = build(echo=False, root=repo_copy)
    assert code != 0
    assert "Bad input file" in output and "sessions.yml" in output and "sessions.0.minutes" in output


# ----------------------------------------------------------------------------- adapted letter

def _words(s):
    return s.split()


def test_adapted_letter_is_short_and_keeps_the_key_phrases():
    adaptation = load_adapted_letter()
    adapted = " ".join(seg.adapted for seg in adaptation.segments)
    doc = text("reply-to-barnes")
    original = " ".join(doc.segment(seg.id).text for seg in adaptation.segments)
    assert len(_words(adapted)) <= ADAPTED_MAX_WORDS < len(_words(original))
    assert adaptation.spec.keep
    for kept in adaptation.spec.keep:
        assert kept.phrase in original and kept.phrase in adapted, kept.phrase


def test_every_difference_is_in_the_change_list():
    """Cut each change's words out of both versions: what is left must be identical."""
    adaptation = load_adapted_letter()
    for seg in adaptation.segments:
        original, adapted = seg.original, seg.adapted
        changes = [c for c in adaptation.spec.changes if c.segment == seg.id]
        for change in changes:
            original = original.replace(change.original, " ", 1)
            if change.adapted:
                adapted = adapted.replace(change.adapted, " ", 1)
        assert _words(original) == _words(adapted), seg.id
        assert (seg.original != seg.adapted) == bool(changes), seg.id


def test_adapted_letter_page_shows_original_adaptation_and_changes(built_book):
    soup = BeautifulSoup((built_book["html"] / "teacher" / "differentiation.html").read_text(encoding="utf-8"),
                         "html.parser")
    page = " ".join(soup.find("main").get_text(" ").split())
    adaptation = load_adapted_letter()
    for seg in adaptation.segments:
        assert " ".join(seg.original.split()) in page and " ".join(seg.adapted.split()) in page
    assert len(soup.find(class_="change-log").find_all("li", recursive=False)) == len(adaptation.spec.changes)
    assert "Marxists Internet Archive" in page
    assert len(soup.find(class_="word-bank").find_all("dt")) == len(adaptation.spec.vocabulary)


@pytest.fixture
def adapted_copy(tmp_path):
    dest = tmp_path / "adapted-letter.yml"
    shutil.copyfile(ADAPTED_PATH, dest)
    return dest


def test_a_change_naming_words_not_in_the_letter_is_refused(adapted_copy):
    _edit(adapted_copy, "    original: as to\n", "    original: as regards\n")
    with pytest.raises(DataError) as caught:
        load_adapted_letter(adapted_copy)
    assert "adapted-letter.yml" in str(caught.value) and "field 'changes.0.original'" in str(caught.value)


def test_losing_a_key_phrase_is_refused(adapted_copy):
    _edit(adapted_copy, "\nvocabulary:\n",
          "\n  - segment: p1\n    original: quite groundless\n"
          "    adapted: wrong\n    why: a test that drops a key phrase\nvocabulary:\n")
    with pytest.raises(DataError) as caught:
        load_adapted_letter(adapted_copy)
    assert "field 'keep.0.phrase'" in str(caught.value) and "quite groundless" in str(caught.value)


def test_the_students_key_phrases_are_the_ones_marked_in_the_data(adapted_copy):
    phrases = exercise_key_phrases(adapted_copy)
    assert "quite groundless" in phrases and "national origin" not in phrases
    assert all(len(why) >= 5 for why in phrases.values())
    adapted_copy.write_text(adapted_copy.read_text(encoding="utf-8").replace("    exercise: true\n", ""),
                            encoding="utf-8")
    with pytest.raises(DataError) as caught:
        exercise_key_phrases(adapted_copy)
    assert "adapted-letter.yml" in str(caught.value) and "field 'keep'" in str(caught.value)


def test_a_long_adaptation_is_refused(adapted_copy):
    _edit(adapted_copy, "    adapted: about\n", "    adapted: " + "about " * 30 + "\n")
    with pytest.raises(DataError) as caught:
        load_adapted_letter(adapted_copy)
    assert f"at most {ADAPTED_MAX_WORDS}" in str(caught.value) and "field 'changes'" in str(caught.value)


# ----------------------------------------------------------------------------- worksheet

def test_paper_worksheet_and_notebook_form_ask_the_same_questions(built_book):
    sheet = load_worksheet()
    paper = BeautifulSoup((built_book["html"] / "teacher" / "worksheet.html").read_text(encoding="utf-8"),
                          "html.parser").find("main").get_text(" ")
    paper = " ".join(paper.split()).replace("\u2026", "...").replace("\u2019", "'")
    paper = paper.replace("\u201c", '"').replace("\u201d", '"')
    form = (WORKSHEET_PATH.parent.parent / "teacher" / "worksheet-form.md").read_text(encoding="utf-8")
    for question in sheet.questions():
        if question.on("core"):  # the teacher page prints the core sheet; the tiers are student sheets
            assert " ".join(question.ask.split()) in paper, question.id
        assert f'"{question.id}": ""' in form, question.id


def test_a_worksheet_without_four_steps_is_refused(tmp_path):
    data = yaml.safe_load(WORKSHEET_PATH.read_text(encoding="utf-8"))
    data["steps"] = data["steps"][:3]
    bad = tmp_path / "worksheet.yml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_worksheet(bad)
    assert "worksheet.yml" in str(caught.value) and "field 'steps'" in str(caught.value)


# ----------------------------------------------------------------------------- issue 17



def test_i_do_not_know_is_a_disclaimer_not_an_attribution():
    assert "I do not know" not in textstats.ATTRIBUTION and "I do not know" not in textstats.CERTAINTY
    rows = {phrase: label for label, phrase, _, _ in textstats.stance_table()}
    assert rows["I do not know"] == "disclaims knowledge"
    assert rows["assert"] == "attributes the claim"
    # The exercise's answer still has exactly the two kinds.
    assert set(textstats.stance_rates()["letter"]) == {"attribution", "certainty"}


def test_samples_can_calibrate_a_marker():
    data = teaching_data.load_assessment()
    exit_samples = [s for s in data.samples if s.task == "exit"]
    assert len(exit_samples) >= 4
    assert sum(len(set(s.scores.values())) == 1 for s in exit_samples) <= 1
    for cid in data.task("exit").criteria:
        assert len({s.scores[cid] for s in exit_samples}) >= 2, cid
    assert data.task("summative").minutes > data.task("exit").minutes


def test_flat_samples_are_refused(tmp_path):
    raw = yaml.safe_load(teaching_data.ASSESSMENT_PATH.read_text(encoding="utf-8"))
    for sample in raw["samples"][:2]:
        sample["scores"] = {k: 2 for k in sample["scores"]}
    bad = tmp_path / "assessment.yml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        teaching_data.load_assessment(bad)
    assert "same in every row" in str(caught.value) and "field 'samples'" in str(caught.value)


def test_a_phase_handing_out_an_unprinted_sheet_is_refused(sessions_copy):
    _edit(sessions_copy, "        handouts: [sheets/exit-task]\n", "        handouts: [sheets/organizer]\n")
    with pytest.raises(DataError) as caught:
        load_sessions(sessions_copy)
    assert "does not print" in str(caught.value) and "handouts" in str(caught.value)


def test_every_plan_has_a_checklist_and_realistic_minutes_for_code_and_the_exit_task():
    for session in load_sessions():
        assert session.prepare
        for phase in session.phases:
            if phase.page.startswith("exercises/"):
                assert phase.minutes >= 12, (session.id, phase.title)
            if phase.anchor == "teacher-assessment-task":
                assert phase.minutes >= 12, (session.id, phase.title)


def test_worksheet_tiers_starters_and_examples():
    sheet = load_worksheet()
    assert {s.id for s in sheet.skills} == set(teaching_data.SKILLS)
    foundation, core, advanced = (sheet.questions(t) for t in teaching_data.TIERS)
    assert set(q.id for q in foundation) < set(q.id for q in core) < set(q.id for q in advanced)
    assert all(q.starter for q in foundation)
    assert all(q.example for q in sheet.questions() if q.kind == "interpretive")
    assert len(sheet.comparison) >= 4


def test_an_interpretive_question_without_an_example_is_refused(tmp_path):
    raw = yaml.safe_load(WORKSHEET_PATH.read_text(encoding="utf-8"))
    raw["steps"][2]["questions"][0].pop("example")
    bad = tmp_path / "worksheet.yml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_worksheet(bad)
    assert "no example answer" in str(caught.value)


def test_the_adapted_letter_is_plainer_where_the_issue_asked():
    adapted = load_adapted_letter().adapted_text
    assert "Britishers" not in adapted and "as such" not in adapted


def test_curriculum_rows_cite_the_bibliography_and_an_unknown_source_is_refused(tmp_path):
    data = teaching_data.load_curriculum()
    assert {fw.id for fw in data.frameworks} >= {"c3", "england-ks3", "aqa-a-level", "ib-dp"}
    raw = yaml.safe_load(teaching_data.CURRICULUM_PATH.read_text(encoding="utf-8"))
    raw["frameworks"][0]["source"] = "nosuch2099"
    bad = tmp_path / "curriculum.yml"
    bad.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        teaching_data.load_curriculum(bad)
    assert "nosuch2099" in str(caught.value) and "source" in str(caught.value)


def test_the_teacher_pages_render_the_new_parts(built_book):
    html = built_book["html"]
    def text(page):
        return " ".join(BeautifulSoup((html / page).read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
    sessions = text("teacher/sessions.html")
    assert "Preparation checklist" in sessions and "Sheets:" in sessions
    assessment = text("teacher/assessment.html")
    assert "disclaims knowledge" in assessment and "Sample E" in assessment and "Argued essay" in assessment
    assert "{letter_attributes}" not in assessment
    assert "Fits:" in text("teacher/curriculum.html")
    assert "Tagged" not in text("teacher/curriculum.html")
    assert "corroboration" in text("chapters/glossary.html").lower()
    projector = (html / "sheets" / "projector.html").read_text(encoding="utf-8")
    assert "projector-view" in projector and "<img" in projector


IN_BRIEF = re.compile(r":::\{admonition\} In brief\n:class: in-brief\n\n(.*?)\n:::", re.S)


def test_each_context_chapter_opens_with_a_short_cited_in_brief_box():
    from barneskit.corpus.toc import toc_order
    context = ["chapters/who-asked", "chapters/metro-vickers", "chapters/americans",
               "chapters/wrecking-trials", "chapters/other-evidence"]
    assert set(context) <= set(toc_order())
    for page in context:
        source = (WORKSHEET_PATH.parent.parent / f"{page}.md").read_text(encoding="utf-8")
        boxes = IN_BRIEF.findall(source)
        assert len(boxes) == 1, page
        assert "{cite:p}" in boxes[0], page
        words = re.sub(r"\{cite:[pt]\}`[^`]*`", "", boxes[0]).split()
        assert len(words) <= 120, (page, len(words))
        assert source.index(":::{admonition} In brief") < source.index("\n## "), f"{page}: the box is not at the top"


def test_a_page_with_the_letter_but_not_its_note_links_the_note_number_to_the_letter_page(built_book):
    html = built_book["html"]
    for page in ("sheets/projector.html", "sheets/letter.html"):
        soup = BeautifulSoup((html / page).read_text(encoding="utf-8"), "html.parser")
        hrefs = [a["href"] for a in soup.select("a.note-ref")]
        assert hrefs == ["../chapters/letter.html#letter-n1"], (page, hrefs)
    soup = BeautifulSoup((html / "teacher" / "letter-handout.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in soup.select("a.note-ref")] == ["#handout-n1"]
