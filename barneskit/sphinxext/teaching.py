"""Sphinx extension for the teacher pages: render session plans, the adapted letter and the worksheet
from their data files, so no page holds a typed copy.

* ``session-plans`` (optional argument: a session id) renders ``data/sessions.yml``: one table per
  session, each phase with its minutes and a checked link to the page it uses.
* ``adapted-letter`` renders the original (from ``texts/``) beside the adaptation computed from
  ``data/adapted-letter.yml``, then the numbered list of every change and the word bank.
* ``worksheet`` renders ``data/worksheet.yml`` as a paper worksheet with writing lines.

Links are ``pending_xref`` nodes, so ``-n`` reports a phase whose page or label does not exist.
:mod:`barneskit.corpus.teaching` (and with it pydantic) is imported by the directives, not at load time,
so a rebuild that reads no teacher page does not pay for it.
"""
from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from barneskit.errors import DataError


def _para(*children, classes=()):
    para = nodes.paragraph(classes=list(classes))
    for child in children:
        para += nodes.Text(child) if isinstance(child, str) else child
    return para


def _table(headers, rows, widths, classes=()):
    """A plain docutils table: ``rows`` are lists of cells, each cell a list of body nodes."""
    table = nodes.table(classes=list(classes))
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    row = nodes.row()
    for title in headers:
        entry = nodes.entry()
        entry += _para(title)
        row += entry
    head += row
    group += head
    body = nodes.tbody()
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            entry.extend(cell)
            row += entry
        body += row
    group += body
    return table


class _DataDirective(SphinxDirective):
    def _load(self, loader, *paths):
        from barneskit.corpus import teaching
        # The page depends on its data and on the code that renders it: re-read when either changes.
        for path in (*paths, teaching.__file__, __file__):
            self.env.note_dependency(str(path))
        try:
            return loader()
        except DataError as exc:
            raise self.error(str(exc))

    def _link(self, page, anchor=None, title=None):
        """A checked link: to a label on a page when ``anchor`` is given, else to the page itself."""
        if anchor:
            xref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=anchor,
                                         refexplicit=bool(title), refwarn=True, refdoc=self.env.docname)
        else:
            xref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/" + page,
                                         refexplicit=bool(title), refwarn=True, refdoc=self.env.docname)
        label = title or anchor or page
        xref += nodes.inline(label, label, classes=["xref", "std", "std-ref" if anchor else "std-doc"])
        return xref


class SessionPlansDirective(_DataDirective):
    optional_arguments = 1

    def run(self):
        from barneskit.corpus import teaching
        sessions = self._load(teaching.load_sessions, teaching.SESSIONS_PATH, teaching.TOC_PATH)
        if self.arguments:
            sessions = [s for s in sessions if s.id == self.arguments[0]]
            if not sessions:
                raise self.error(f"no session '{self.arguments[0]}' in {teaching.SESSIONS_PATH}")
        out = []
        for session in sessions:
            box = nodes.container(classes=["session-plan"], ids=[f"session-{session.id}"])
            facts = nodes.bullet_list(classes=["session-facts"])
            for name, value in (("Length", f"{session.minutes} minutes in {session.meetings} "
                                           f"meeting{'s' if session.meetings > 1 else ''}"),
                                ("Computers", session.computers),
                                ("Pick this plan when", session.pick_when)):
                item = nodes.list_item()
                item += _para(nodes.strong(name + ": ", name + ": "), value)
                facts += item
            if session.prints:
                item = nodes.list_item()
                para = _para(nodes.strong("Print: ", "Print: "))
                for i, page in enumerate(session.prints):
                    if i:
                        para += nodes.Text(", ")
                    para += self._link(page)
                item += para
                facts += item
            box += facts
            rows, clock, meeting = [], 0, 0
            for phase in session.phases:
                if session.meetings > 1 and phase.meeting != meeting:
                    meeting, clock = phase.meeting, 0
                    rows.append([[], [], [_para(nodes.strong(f"Meeting {meeting}", f"Meeting {meeting}"))], []])
                start = clock
                clock += phase.minutes
                rows.append([
                    [_para(f"{start}\u2013{clock}")],
                    [_para(str(phase.minutes))],
                    [_para(nodes.strong(phase.title, phase.title)), _para(phase.activity),
                     _para(nodes.emphasis(phase.grouping, phase.grouping), classes=["phase-grouping"])],
                    [self._uses(phase)],
                ])
            total = sum(phase.minutes for phase in session.phases)
            rows.append([[_para("Total")], [_para(nodes.strong(str(total), str(total)))], [], []])
            box += _table(["Clock (min)", "Minutes", "What happens", "Uses"], rows, [10, 8, 58, 24],
                          classes=["session-table"])
            out.append(box)
        return out


    def _uses(self, phase):
        """The page, and the section on it when the phase names one."""
        para = _para(self._link(phase.page))
        if phase.anchor:
            para += nodes.Text(", section ")
            para += self._link(phase.page, phase.anchor)
        return para


class AdaptedLetterDirective(_DataDirective):
    def run(self):
        from barneskit.corpus import teaching
        adaptation = self._load(teaching.load_adapted_letter, teaching.ADAPTED_PATH)
        doc_folder = teaching.text(adaptation.spec.text).folder
        self.env.note_dependency(str(doc_folder / "metadata.yml"))
        box = nodes.container(classes=["adapted-letter"])
        rows = [[[_para(seg.label, classes=["seg-label"])],
                 [_para(seg.original, classes=["seg-text"])],
                 [_para(seg.adapted, classes=["seg-text"])]] for seg in adaptation.segments]
        rows.append([[_para("Words")], [_para(str(adaptation.original_words))],
                     [_para(str(adaptation.adapted_words))]])
        box += _table(["Part", "Original (Works, 1954, as transcribed by the MIA)", "Adapted for this module"],
                      rows, [10, 45, 45], classes=["adapted-table"])
        box += _para(nodes.emphasis(adaptation.spec.credit, adaptation.spec.credit), classes=["source-credit"])

        changes = nodes.enumerated_list(classes=["change-log"], ids=["adapted-letter-changes"])
        labels = {seg.id: seg.label for seg in adaptation.segments}
        for change in adaptation.spec.changes:
            item = nodes.list_item()
            after = change.adapted or "(cut)"
            item += _para(f"{labels[change.segment]}: \u201c",
                          nodes.inline(change.original, change.original, classes=["change-from"]),
                          "\u201d became \u201c",
                          nodes.inline(after, after, classes=["change-to"]), f"\u201d. Why: {change.why}")
            changes += item
        box += _para(nodes.strong("Every change, in order", "Every change, in order"),
                     f" ({len(adaptation.spec.changes)} changes; every other word is the original's):")
        box += changes

        kept = nodes.bullet_list(classes=["kept-phrases"])
        for phrase in adaptation.spec.keep:
            item = nodes.list_item()
            item += _para("\u201c", nodes.inline(phrase.phrase, phrase.phrase, classes=["kept-phrase"]),
                          f"\u201d: {phrase.why}")
            kept += item
        box += _para(nodes.strong("Key phrases kept word for word", "Key phrases kept word for word"),
                     " (the build checks each one in both versions):")
        box += kept
        return [box]


class VocabularyDirective(_DataDirective):
    def run(self):
        from barneskit.corpus import teaching
        adaptation = self._load(teaching.load_adapted_letter, teaching.ADAPTED_PATH)
        labels = {seg.id: seg.label for seg in adaptation.segments}
        items = nodes.definition_list(classes=["word-bank"])
        for entry in adaptation.spec.vocabulary:
            item = nodes.definition_list_item()
            item += nodes.term(entry.word, entry.word)
            definition = nodes.definition()
            para = _para(f"{entry.meaning} ({labels[entry.segment]})")
            if entry.glossary:
                xref = addnodes.pending_xref("", refdomain="std", reftype="term", reftarget=entry.glossary,
                                             refexplicit=True, refwarn=True, refdoc=self.env.docname)
                xref += nodes.inline("glossary", "glossary", classes=["xref", "std", "std-term"])
                para += nodes.Text(". See the ")
                para += xref
                para += nodes.Text(f": {entry.glossary}.")
            definition += para
            item += definition
            items += item
        return [items]


class WorksheetDirective(_DataDirective):
    option_spec = {}

    def run(self):
        from barneskit.corpus import teaching
        sheet = self._load(teaching.load_worksheet, teaching.WORKSHEET_PATH)
        box = nodes.container(classes=["worksheet"])
        for step in sheet.steps:
            section = nodes.container(classes=["worksheet-step"], ids=[f"worksheet-{step.id}"])
            # The step's title and purpose print on the same page as its first question.
            head = nodes.container(classes=["worksheet-step-head"])
            head += nodes.rubric(step.title, step.title, classes=["worksheet-step-title"])
            head += _para(nodes.emphasis(step.purpose, step.purpose))
            section += head
            for index, question in enumerate(step.questions):
                q = nodes.container(classes=["worksheet-question"])
                q += _para(question.ask, classes=["worksheet-ask"])
                if question.hint:
                    q += _para(f"Hint: {question.hint}", classes=["worksheet-hint"])
                lines = nodes.container(classes=["worksheet-lines", f"worksheet-lines-{question.lines}"])
                lines += nodes.raw("", "".join('<div class="write-line"></div>' for _ in range(question.lines)),
                                   format="html")
                q += lines
                (head if index == 0 else section).append(q)
            box += section
        return [box]


def setup(app):
    app.add_directive("session-plans", SessionPlansDirective)
    app.add_directive("adapted-letter", AdaptedLetterDirective)
    app.add_directive("adapted-vocabulary", VocabularyDirective)
    app.add_directive("worksheet", WorksheetDirective)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
