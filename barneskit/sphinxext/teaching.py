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
            # The preparation checklist: one line per sheet to print, then the plan's own items.
            order = {"a week before": 0, "the day before": 1, "on the day": 2}
            checklist = nodes.bullet_list(classes=["prep-checklist"])
            for page in session.prints:
                item = nodes.list_item()
                item += _para("\u2610 A week before (print): ", self._link(page),
                              " (for every student, or for those a phase names).")
                checklist += item
            for prep in sorted(session.prepare, key=lambda p: order[p.when]):
                item = nodes.list_item()
                item += _para(f"\u2610 {prep.when.capitalize()} ({prep.kind}): {prep.task}")
                checklist += item
            box += _para(nodes.strong("Preparation checklist", "Preparation checklist"))
            box += checklist
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
        if phase.handouts:
            para += nodes.Text(". Sheets: ")
            for i, sheet in enumerate(phase.handouts):
                if i:
                    para += nodes.Text(", ")
                para += self._link(sheet)
        return para


class AdaptedLetterDirective(_DataDirective):
    """``:student:`` prints only the two versions and the credit (the student sheet)."""
    option_spec = {"student": lambda arg: True}

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
        if "student" in self.options:
            return [box]

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
    """The paper worksheet; ``:tier:`` foundation, core (the default) or advanced. The foundation
    sheet prints each question's sentence starter on its first line."""
    option_spec = {"tier": lambda arg: arg.strip()}

    def run(self):
        from barneskit.corpus import teaching
        sheet = self._load(teaching.load_worksheet, teaching.WORKSHEET_PATH)
        tier = self.options.get("tier", "core")
        if tier not in teaching.TIERS:
            raise self.error(f"unknown tier '{tier}'; use one of {', '.join(teaching.TIERS)}")
        box = nodes.container(classes=["worksheet", f"worksheet-{tier}"])
        for step in sheet.steps:
            questions = [q for q in step.questions if q.on(tier)]
            if not questions:
                continue
            section = nodes.container(classes=["worksheet-step"], ids=[f"worksheet-{step.id}"])
            # The step's title and purpose print on the same page as its first question.
            head = nodes.container(classes=["worksheet-step-head"])
            head += nodes.rubric(step.title, step.title, classes=["worksheet-step-title"])
            head += _para(nodes.emphasis(step.purpose, step.purpose))
            section += head
            for index, question in enumerate(questions):
                q = nodes.container(classes=["worksheet-question"])
                q += _para(question.ask, nodes.inline(f" ({question.skill})", f" ({question.skill})",
                                                      classes=["worksheet-skill"]), classes=["worksheet-ask"])
                if question.hint:
                    q += _para(f"Hint: {question.hint}", classes=["worksheet-hint"])
                if tier == "foundation" and question.starter:
                    q += _para(f"Start: {question.starter}", classes=["worksheet-starter"])
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
    setup_issue17(app)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


# ----------------------------------------------------------------------------- issue 17: the teaching package

def _lines(count):
    """Writing lines for a paper sheet."""
    box = nodes.container(classes=["worksheet-lines", f"worksheet-lines-{count}"])
    box += nodes.raw("", "".join('<div class="write-line"></div>' for _ in range(count)), format="html")
    return box


def _bullets(items, classes=()):
    out = nodes.bullet_list(classes=list(classes))
    for item in items:
        li = nodes.list_item()
        li += item if isinstance(item, nodes.Node) else _para(item)
        out += li
    return out


def _stance_counts():
    """Counts that sample answers may quote, from the stance table (data/stance-markers.yml)."""
    from barneskit.analysis.textstats import stance_table
    rows = stance_table()
    by_kind = {}
    for label, _phrase, in_letter, in_note in rows:
        by_kind.setdefault(label, [0, 0])
        by_kind[label][0] += in_letter
        by_kind[label][1] += in_note
    from barneskit.corpus.stance import stance_markers
    labels = {kind: m.label for kind, m in stance_markers(with_disclaimers=True).items()}
    counts = {}
    for kind, short in (("attribution", "attributes"), ("certainty", "certain"), ("disclaimer", "disclaims")):
        letter, note = by_kind.get(labels.get(kind), [0, 0])
        counts[f"letter_{short}"], counts[f"note_{short}"] = letter, note
    return rows, counts


class StanceTableDirective(_DataDirective):
    """The table of stance phrases, counted in the letter and the note (data/stance-markers.yml)."""

    def run(self):
        from barneskit.corpus.stance import STANCE_PATH
        self.env.note_dependency(str(STANCE_PATH))
        rows, _ = self._load(_stance_counts)
        table = _table(["The phrase ...", "wording counted", "in the letter", "in the note"],
                       [[[_para(label)], [_para(f"\u201c{phrase}\u201d")], [_para(str(a))], [_para(str(b))]]
                        for label, phrase, a, b in rows], [34, 30, 18, 18], classes=["stance-table"])
        return [table]


class AssessmentTaskDirective(_DataDirective):
    """A written task: prompt, what it requires, its tiers (``:tier:`` shows one tier only)."""
    required_arguments = 1
    option_spec = {"tier": lambda arg: arg.strip(), "lines": int}

    def run(self):
        from barneskit.corpus import teaching
        data = self._load(teaching.load_assessment, teaching.ASSESSMENT_PATH)
        try:
            task = data.task(self.arguments[0])
        except StopIteration:
            raise self.error(f"no task '{self.arguments[0]}' in {teaching.ASSESSMENT_PATH}")
        box = nodes.container(classes=["assessment-task-box"])
        box += _para(nodes.strong(f"{task.title}: about {task.minutes} minutes, {task.words} words",
                                  f"{task.title}: about {task.minutes} minutes, {task.words} words"))
        box += _para(task.prompt, classes=["task-prompt"])
        box += _para("Your answer must use:")
        box += _bullets(task.requires)
        tier = self.options.get("tier")
        for t in task.tiers:
            if tier and t.tier != tier:
                continue
            head = "Foundation" if t.tier == "foundation" else "Advanced"
            box += _para(nodes.strong(f"{head} version. ", f"{head} version. "), t.change)
            if t.starters:
                box += _bullets(t.starters, classes=["sentence-starters"])
        if self.options.get("lines"):
            box += _lines(self.options["lines"])
        return [box]


class AssessmentRubricDirective(_DataDirective):
    required_arguments = 1

    def run(self):
        from barneskit.corpus import teaching
        data = self._load(teaching.load_assessment, teaching.ASSESSMENT_PATH)
        task = data.task(self.arguments[0])
        rows = []
        for cid in task.criteria:
            c = data.criterion(cid)
            rows.append([[_para(nodes.strong(c.name, c.name))]] + [[_para(c.levels[level])] for level in (1, 2, 3)])
        top = 3 * len(task.criteria)
        out = [_para(f"Score each row from 1 to 3 ({len(task.criteria)} to {top} in all).")]
        out.append(_table(["Criterion", "1: beginning", "2: developing", "3: secure"], rows, [16, 28, 28, 28],
                          classes=["rubric-table"]))
        return out


class AssessmentSamplesDirective(_DataDirective):
    required_arguments = 1

    def run(self):
        from barneskit.corpus import teaching
        data = self._load(teaching.load_assessment, teaching.ASSESSMENT_PATH)
        _, counts = _stance_counts()
        task = data.task(self.arguments[0])
        out = []
        for sample in (s for s in data.samples if s.task == task.id):
            total = sum(sample.scores.values())
            title = f"Sample {sample.id}: {sample.profile} (total {total} of {3 * len(task.criteria)})"
            box = nodes.admonition(classes=["sample-answer"])
            box += nodes.title(title, title)
            try:
                words = sample.text.format(**counts)
            except KeyError as exc:
                raise self.error(f"{teaching.ASSESSMENT_PATH}: sample {sample.id} uses an unknown count {exc}")
            box += _para(words)
            out.append(box)
            scores = "; ".join(f"{data.criterion(cid).name.lower()} {sample.scores[cid]}" for cid in task.criteria)
            out.append(_para(nodes.strong("Scores: ", "Scores: "), scores + ". ", sample.comment,
                             classes=["sample-scores"]))
        return out


class WorksheetKeyDirective(_DataDirective):
    """The example answers of the worksheet's interpretive questions, for the teacher."""

    def run(self):
        from barneskit.corpus import teaching
        sheet = self._load(teaching.load_worksheet, teaching.WORKSHEET_PATH)
        items = nodes.definition_list(classes=["worksheet-key"])
        for q in sheet.questions():
            if q.kind != "interpretive":
                continue
            item = nodes.definition_list_item()
            item += nodes.term(q.ask, q.ask)
            d = nodes.definition()
            d += _para(nodes.emphasis(f"{q.skill}; {q.tier if q.tier != 'all' else 'every'} sheet. ",
                                      f"{q.skill}; {q.tier if q.tier != 'all' else 'every'} sheet. "), q.example)
            item += d
            items += item
        return [items]


class ThinkingChartDirective(_DataDirective):
    def run(self):
        from barneskit.corpus import teaching
        sheet = self._load(teaching.load_worksheet, teaching.WORKSHEET_PATH)
        rows = [[[_para(nodes.strong(s.id.capitalize(), s.id.capitalize()))],
                 [_bullets(s.ask)], [_para(f"I can {s.can_do}.")], [_bullets(s.starters)]] for s in sheet.skills]
        return [_table(["Skill", "Questions to ask", "What you can do", "Sentence starters"], rows,
                       [14, 34, 22, 30], classes=["thinking-chart"])]


class ComparisonDirective(_DataDirective):
    """The letter against the note: ``:key:`` fills the cells with the teacher's example answers."""
    option_spec = {"key": lambda arg: True}

    def run(self):
        from barneskit.corpus import teaching
        sheet = self._load(teaching.load_worksheet, teaching.WORKSHEET_PATH)
        key = "key" in self.options
        rows = []
        for row in sheet.comparison:
            cells = ([_para(row.letter)], [_para(row.note)]) if key else ([_lines(2)], [_lines(2)])
            rows.append([[_para(nodes.strong(row.aspect, row.aspect)), _para(row.ask)], *cells])
        return [_table(["Aspect", "The letter (20 March 1933)", "The editors' note (1951/1954)"], rows, [30, 35, 35],
                       classes=["comparison-grid"])]


class OrganizerDirective(_DataDirective):
    """The corroboration organizer: one row per document of the set (data/corroboration.yml)."""

    def run(self):
        from barneskit.corpus import teaching
        rows = self._load(teaching.organizer_rows, teaching.CORROBORATION_PATH)
        body = [[[_para(nodes.strong(r.letter, r.letter)), _para(r.title, classes=["organizer-title"]),
                  _para(r.date, classes=["organizer-date"])], [_lines(2)], [_lines(2)], [_lines(2)], [_lines(2)]]
                for r in rows]
        return [_table(["Document", "Sourcing: who, for whom, when, relying on whom?",
                        "Context: what had happened by then?", "Claim: what does it say about the case?",
                        "Corroborates? confirms / contradicts / leaves open, and which claim"],
                       body, [20, 20, 20, 20, 20], classes=["organizer"])]


class CurriculumDirective(_DataDirective):
    def run(self):
        from barneskit.corpus import teaching
        data = self._load(lambda: teaching.load_curriculum(check_pages=teaching.SESSIONS_PAGE in teaching.toc_docnames()),
                          teaching.CURRICULUM_PATH)
        out = []
        for fw in data.frameworks:
            section = nodes.container(classes=["curriculum-framework"], ids=[f"curriculum-{fw.id}"])
            section += nodes.rubric(fw.name, fw.name)
            section += _para(f"For {fw.level}. Checked against {fw.checked}.")
            section.extend(self.parse_text_to_nodes(f"Source: {{cite:p}}`{fw.source}`."))
            rows = []
            for fit in fw.fits:
                uses = _para()
                for i, link in enumerate(fit.serves):
                    if i:
                        uses += nodes.Text("; ")
                    uses += self._link(link.page, link.anchor)
                rows.append([[_para(nodes.strong(fit.unit, fit.unit))], [_para(fit.requirement)],
                             [_para(f"Fits: {fit.how}.")], [uses]])
            section += _table(["Unit or indicator", "What it asks (our words)", "How the module fits", "Where"],
                              rows, [22, 26, 30, 22], classes=["curriculum-table"])
            out.append(section)
        if data.not_mapped:
            out.append(_para(nodes.strong("Not mapped, and why", "Not mapped, and why")))
            out.append(_bullets([_para(nodes.strong(n.name + ": ", n.name + ": "), n.why) for n in data.not_mapped]))
        return out


class TermsDirective(_DataDirective):
    option_spec = {"kind": lambda arg: arg.strip()}

    def run(self):
        from barneskit.corpus import teaching
        data = self._load(lambda: teaching.load_terms(check_pages=teaching.SESSIONS_PAGE in teaching.toc_docnames()),
                          teaching.TERMS_PATH)
        kind = self.options.get("kind")
        items = nodes.definition_list(classes=["terms-list"])
        for term in data.terms:
            if kind and term.kind != kind:
                continue
            item = nodes.definition_list_item()
            item += nodes.term(term.term, term.term)
            d = nodes.definition()
            para = _para(term.plain[0].upper() + term.plain[1:] + ". ", nodes.emphasis("In this module: ", "In this module: "),
                         term.example + ".")
            if term.page:
                para += nodes.Text(" See ")
                para += self._link(term.page, term.anchor)
                para += nodes.Text(".")
            d += para
            item += d
            items += item
        return [items]


#: Where the letter's own note is shown; a page that shows the letter without its note links there.
LETTER_PAGE, LETTER_NOTE_PREFIX = "chapters/letter", "letter"


def _note_links_to_the_letter_page(app, doctree, docname):
    """A page that shows the letter without its note (the projector view, the letter sheet) would
    keep a note number linking to an anchor that is not on it: point it to the note on the letter page."""
    if docname == LETTER_PAGE or not hasattr(app.builder, "get_relative_uri"):
        return
    on_page = {i for node in doctree.findall(nodes.Element) for i in node.get("ids", [])}
    for ref in list(doctree.findall(nodes.reference)):
        refid = ref.get("refid")
        if "note-ref" not in ref.get("classes", []) or not refid or refid in on_page:
            continue
        note = refid.rsplit("-", 1)[-1]
        del ref["refid"]
        ref["refuri"] = app.builder.get_relative_uri(docname, LETTER_PAGE) + f"#{LETTER_NOTE_PREFIX}-{note}"
        ref["internal"] = True


def setup_issue17(app):
    app.connect("doctree-resolved", _note_links_to_the_letter_page)
    app.add_directive("stance-table", StanceTableDirective)
    app.add_directive("assessment-task", AssessmentTaskDirective)
    app.add_directive("assessment-rubric", AssessmentRubricDirective)
    app.add_directive("assessment-samples", AssessmentSamplesDirective)
    app.add_directive("worksheet-key", WorksheetKeyDirective)
    app.add_directive("thinking-chart", ThinkingChartDirective)
    app.add_directive("letter-note-comparison", ComparisonDirective)
    app.add_directive("corroboration-organizer", OrganizerDirective)
    app.add_directive("curriculum-map", CurriculumDirective)
    app.add_directive("teaching-terms", TermsDirective)
