"""Sphinx extension: what the exercise data says, shown where it is needed, never typed twice.

* ``exercise-facts`` (argument: an exercise label) renders the exercise's level, minutes, the
  exercises it builds on (as checked links) and what it assumes, from ``data/exercise-sets.yml``.
* ``exercise-overview`` renders every exercise set as a table: exercise, level, minutes, builds on,
  with each set's total.
* ``answer-policy`` renders ``data/answer-policy.yml``: the general rules, then each check with the
  answers it accepts and refuses.

:mod:`barneskit.corpus.exercise_sets` is imported by the directives, not at load time.
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


def _strong(words):
    return nodes.strong(words, words)


class _ExerciseData(SphinxDirective):
    def _data(self):
        from barneskit.corpus import exercise_sets
        for path in (exercise_sets.SETS_PATH, exercise_sets.POLICY_PATH, exercise_sets.__file__, __file__):
            self.env.note_dependency(str(path))
        try:
            return exercise_sets.load_exercise_sets(), exercise_sets.load_answer_policy()
        except DataError as exc:
            raise self.error(str(exc))

    def _ref(self, label, title=None):
        xref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=label, refexplicit=bool(title),
                                     refwarn=True, refdoc=self.env.docname)
        words = title or label
        xref += nodes.inline(words, words, classes=["xref", "std", "std-ref"])
        return xref


class ExerciseFactsDirective(_ExerciseData):
    required_arguments = 1

    def run(self):
        sets, _ = self._data()
        try:
            ex = sets.exercise(self.arguments[0])
        except KeyError:
            raise self.error(f"no exercise '{self.arguments[0]}' in data/exercise-sets.yml") from None
        para = _para(_strong("Level: "), ex.level, " \u00b7 ", _strong("Time: "), f"about {ex.minutes} minutes",
                     classes=["exercise-facts"])
        para += nodes.Text(" \u00b7 ")
        para += _strong("Builds on: ")
        if ex.builds_on:
            for i, label in enumerate(ex.builds_on):
                if i:
                    para += nodes.Text(", ")
                para += self._ref(label, sets.exercise(label).title)
        else:
            para += nodes.Text("nothing before it")
        para += nodes.Text(" \u00b7 ")
        para += _strong("You need: ")
        para += nodes.Text(ex.needs)
        return [para]


class ExerciseOverviewDirective(_ExerciseData):
    def run(self):
        sets, _ = self._data()
        out = []
        for s in sets.sets:
            table = nodes.table(classes=["exercise-overview"])
            group = nodes.tgroup(cols=4)
            table += group
            for width in (44, 14, 10, 32):
                group += nodes.colspec(colwidth=width)
            head, body = nodes.thead(), nodes.tbody()
            row = nodes.row()
            for title in ("Exercise", "Level", "Minutes", "Builds on"):
                entry = nodes.entry()
                entry += _para(title)
                row += entry
            head += row
            for ex in s.exercises:
                row = nodes.row()
                cells = [_para(self._ref(ex.label, ex.title)), _para(ex.level), _para(str(ex.minutes)),
                         _para(", ".join(sets.exercise(b).title for b in ex.builds_on) or "\u2014")]
                for cell in cells:
                    entry = nodes.entry()
                    entry += cell
                    row += entry
                body += row
            row = nodes.row()
            for cell in (_para(_strong("Total")), _para(""), _para(_strong(str(sum(e.minutes for e in s.exercises)))),
                         _para("")):
                entry = nodes.entry()
                entry += cell
                row += entry
            body += row
            group += head
            group += body
            title = nodes.title(s.title, s.title)
            table.insert(0, title)
            out.append(table)
        return out


class AnswerPolicyDirective(_ExerciseData):
    def run(self):
        sets, policy = self._data()
        out = [_para(_strong("For every check"))]
        general = nodes.bullet_list(classes=["answer-policy-general"])
        for rule in policy.general:
            item = nodes.list_item()
            item += _para(rule.rule)
            general += item
        out.append(general)
        for check in policy.checks:
            box = nodes.container(classes=["answer-policy-check"], ids=[f"answer-policy-{check.id}"])
            title = _para(_strong(check.name[:1].upper() + check.name[1:]), " (", self._ref(check.exercise), ")")
            box += title
            for heading, rules in (("Accepted", check.accepts), ("Refused, with a message that says why", check.refuses)):
                if not rules:
                    continue
                box += _para(nodes.emphasis(heading, heading))
                listing = nodes.bullet_list()
                for rule in rules:
                    item = nodes.list_item()
                    item += _para(rule.rule)
                    listing += item
                box += listing
            out.append(box)
        return out


def setup(app):
    app.add_directive("exercise-facts", ExerciseFactsDirective)
    app.add_directive("exercise-overview", ExerciseOverviewDirective)
    app.add_directive("answer-policy", AnswerPolicyDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
