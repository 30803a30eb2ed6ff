"""Every paragraph of a context chapter that states a year or a number carries a citation.

The rule, applied to the MyST source of each context chapter:

* A *paragraph* is a run of lines between blank lines. Headings (``#``), labels (``(name)=``),
  comments (``%``), YAML front matter and fence lines (```` ``` ```` or ``:::``) are not prose.
* Code cells, ``primary-text`` blocks (the letter itself, whose numbers are its own), plain code
  blocks and the ``bibliography`` directive are skipped whole. Inside other directives
  (admonitions, ``glossary``, ``figure``) the option lines (``:class: ...`` or a ``---`` YAML
  block) are skipped and the body is prose like any other.
* A Markdown table is checked row by row: each ``|`` row is its own paragraph.
* What is not a statement of ours is removed before looking for numbers: cross-reference roles
  (``{ref}``, ``{numref}``, ``{doc}``, ``{term}``, ``{download}``), the citation roles themselves,
  inline code, link targets, list markers ("1. "), and, when the paragraph points at a segment of
  the letter with ``{ref}`letter-...```, text in quotation marks (the letter's own words).
* If a digit remains, the paragraph must contain a ``{cite...}`` role.
"""
import re

import pytest

from barneskit.paths import ROOT

CONTEXT_PAGES = ["who-asked", "metro-vickers", "americans", "wrecking-trials", "other-evidence",
                 "reading-the-notes", "people"]
CHAPTERS = ROOT / "chapters"

SKIPPED_BLOCKS = ("code-cell", "primary-text", "bibliography", "raw", "code", "code-block")
FENCE = re.compile(r"^(\s*)(`{3,}|:{3,})\s*(\{([^}]+)\})?")
NOT_PROSE = re.compile(r"^\s*(#{1,6}\s|\([\w-]+\)=\s*$|%)")
REF_ROLES = re.compile(r"\{(ref|numref|doc|term|download|eq)\}`[^`]*`")
CITE_ROLE = re.compile(r"\{cite(:[a-z]+)?\}`[^`]*`")
INLINE_CODE = re.compile(r"`[^`]*`")
LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>")
LIST_MARKER = re.compile(r"^\s*(\d+[.)]|[-*+])\s+", re.MULTILINE)
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|'[^']*'")
LETTER_REF = re.compile(r"\{ref\}`letter-[\w-]+`")


def paragraphs(text):
    """Yield (line number, paragraph text) for every prose block of a MyST page."""
    lines = text.split("\n")
    i = 0
    if lines and lines[0].strip() == "---":  # YAML front matter
        i = lines.index("---", 1) + 1 if "---" in lines[1:] else len(lines)
    fences = []  # stack of (marker, skip_contents)
    block, start = [], None
    in_options = False

    def flush():
        nonlocal block, start
        if block:
            yield start, "\n".join(block)
        block, start = [], None

    while i < len(lines):
        line = lines[i]
        number = i + 1
        i += 1
        fence = FENCE.match(line)
        if fence:
            marker, name = fence.group(2), (fence.group(4) or "").strip()
            closing = fences and marker.startswith(fences[-1][0][0]) and len(marker) >= len(fences[-1][0]) \
                and not fence.group(3) and line.strip() == marker
            yield from flush()
            if closing:
                fences.pop()
            else:
                skip = bool(fences and fences[-1][1]) or marker.startswith("`") and (
                    not name or name.split()[0] in SKIPPED_BLOCKS)
                fences.append((marker, skip))
                in_options = True
            continue
        if fences and fences[-1][1]:
            continue  # inside code or the letter: not our prose
        if in_options:  # directive options directly after the fence
            if re.match(r"^\s*:[\w-]+:", line):
                continue
            if line.strip() == "---":
                end = next((j for j in range(i, len(lines)) if lines[j].strip() == "---"), len(lines) - 1)
                i = end + 1
                continue
            in_options = False
        if not line.strip():
            yield from flush()
            continue
        if NOT_PROSE.match(line):
            yield from flush()
            continue
        if line.lstrip().startswith("|"):  # a table row is checked on its own
            yield from flush()
            if not re.match(r"^\s*\|[\s:|-]+\|\s*$", line):  # not the |---| separator
                yield number, line
            continue
        if start is None:
            start = number
        block.append(line)
    yield from flush()


def numbers_left(paragraph):
    """The paragraph with everything that is not our own statement removed (see module docstring)."""
    words = paragraph
    letter_quoted = bool(LETTER_REF.search(words))
    for pattern in (REF_ROLES, CITE_ROLE, INLINE_CODE, LINK_TARGET, LIST_MARKER):
        words = pattern.sub(" ", words)
    if letter_quoted:
        words = QUOTED.sub(" ", words)
    return re.findall(r"\d+", words)


def uncited_paragraphs(text):
    """(line, first words) of every paragraph that states a number and cites nothing."""
    problems = []
    for line, para in paragraphs(text):
        if numbers_left(para) and not CITE_ROLE.search(para):
            problems.append((line, " ".join(para.split())[:90]))
    return problems


def present_pages():
    return [CHAPTERS / f"{name}.md" for name in CONTEXT_PAGES if (CHAPTERS / f"{name}.md").exists()]


def test_at_least_one_context_chapter_exists():
    assert present_pages(), f"none of the context chapters {CONTEXT_PAGES} is in chapters/"


@pytest.mark.parametrize("page", present_pages(), ids=lambda p: p.stem)
def test_every_numeric_paragraph_is_cited(page):
    problems = uncited_paragraphs(page.read_text(encoding="utf-8"))
    assert not problems, f"{page.name}: paragraphs with a year or number but no citation:\n" + \
        "\n".join(f"  line {line}: {words}" for line, words in problems)


BROKEN_SAMPLE = """\
(sample)=
# A sample chapter

The trial opened on 12 April 1933 in the House of Trade Unions.

The court sat for a week {cite:p}`trialreport1933`.
"""


def test_the_rule_catches_an_uncited_number():
    problems = uncited_paragraphs(BROKEN_SAMPLE)
    assert [line for line, _ in problems] == [4]
    assert "12 April 1933" in problems[0][1]


def test_the_rule_catches_an_uncited_table_row_and_admonition_body():
    sample = (
        "| year | event |\n|---|---|\n| 1928 | Shakhty {cite:p}`dewar1953` |\n| 1930 | Industrial Party |\n\n"
        ":::{admonition} Note\n:class: note\n\nSix Britons were arrested.\n\nThere were 6 of them.\n:::\n"
    )
    assert [line for line, _ in uncited_paragraphs(sample)] == [4, 11]


def test_code_cells_letter_blocks_and_directive_options_are_not_prose():
    sample = (
        "```{code-cell} ipython3\n:tags: [hide-input]\nx = 1933\n```\n\n"
        "```{primary-text} reply-to-barnes\n:part: note\n```\n\n"
        "```{code-cell} ipython3\n---\nmystnb:\n  figure:\n    caption: 1954\n---\nfig = draw(2008)\n```\n"
    )
    assert uncited_paragraphs(sample) == []
    assert list(paragraphs(sample)) == []


def test_references_list_numbers_and_quoted_letter_words_are_not_claims():
    sample = (
        "1. Reread {ref}`letter-p3` and {ref}`letter-n1-p2`.\n"
        "2. See {numref}`rn-fig-witnesses`.\n\n"
        "The note says \"April 12-19, 1933\" ({ref}`letter-n1-p2`).\n\n"
        "Lyons wrote \"in 1937\" without a letter reference.\n"
    )
    problems = uncited_paragraphs(sample)
    assert [line for line, _ in problems] == [6]


def test_a_cited_paragraph_passes_and_digits_inside_the_citation_do_not_count():
    assert uncited_paragraphs("The trial opened on 12 April 1933 {cite:p}`trialreport1933`.\n") == []
    assert uncited_paragraphs("Morrell's study {cite:p}`morrell1995` is the main one.\n") == []
    assert numbers_left("Morrell's study {cite:p}`morrell1995` is the main one.") == []
