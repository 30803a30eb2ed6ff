"""Sphinx extension: the ``primary-text`` directive renders a text from ``texts/`` at build time, so
no page ever holds a pasted copy. Each segment gets a label (``letter-p2``) that ``{ref}`` can reach.

Loaded through ``_config.yml`` (``sphinx: extra_extensions``).
"""
from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from barneskit.errors import DataError


def _text_with_note_link(segment, prefix):
    """The segment's words as inline nodes; the editors' note marker becomes a link to the note."""
    words = segment.text
    if not segment.note_marker:
        return [nodes.Text(words)]
    # The marker is the word followed by the note number ("Metro-Vickers,1"): keep the word,
    # turn only the trailing number into a superscript link, so the visible text stays verbatim.
    marker_start = words.index(segment.note_marker)
    number = segment.note_marker.rstrip().split(",")[-1]
    split_at = marker_start + len(segment.note_marker) - len(number)
    link = nodes.reference("", "", refid=f"{prefix}-{segment.note}", classes=["note-ref"])
    link["reftitle"] = "Go to the editors' note"
    link += nodes.superscript(number, number)
    return [nodes.Text(words[:split_at]), link, nodes.Text(words[split_at + len(number):])]


def _note_with_back_link(segment, prefix, back_to):
    """A note paragraph whose leading number ("1.") links back to the paragraph that cites it."""
    words = segment.text
    head, dot, rest = words.partition(".")
    if not back_to or not dot or not head.isdigit():
        return [nodes.Text(words)]
    link = nodes.reference("", head + dot, refid=f"{prefix}-{back_to}", classes=["note-back"])
    link["reftitle"] = "Back to the paragraph that carries this note"
    return [link, nodes.Text(rest)]


class PrimaryTextDirective(SphinxDirective):
    """Render part of a text from ``texts/<id>/``: ``:part:`` is letter, note, source or card."""

    required_arguments = 1
    option_spec = {
        "part": lambda arg: directives.choice(arg, ("letter", "note", "source", "card")),
        "label-prefix": directives.unchanged,
        # After each paragraph, a closed <details> with its phrases beside the Russian of 1951
        # (data/letter-russian.yml): a layer the reader opens, not a second text.
        "russian": directives.flag,
    }

    def run(self):
        from barneskit.corpus import texts  # here, not at the top: a build that reads no page needs no pydantic

        try:
            doc = texts.text(self.arguments[0])
        except (DataError, FileNotFoundError) as exc:
            raise self.error(str(exc))
        self.env.note_dependency(str(doc.folder / "metadata.yml"))
        self.env.note_dependency(str(doc.folder / doc.metadata.source_file))
        part = self.options.get("part", "letter")
        prefix = self.options.get("label-prefix", "letter")
        if part == "card":
            return [self._card(doc)]
        if part == "source":
            return [self._source(doc)]
        roles = ("note",) if part == "note" else ("salutation", "heading", "speaker", "paragraph", "closing",
                                                  "signature", "publication-line")
        return [self._segments(doc, roles, prefix, part)]

    def _russian_layer(self, seg, russian):
        from barneskit.outputs.tables import russian_wording_html

        table = russian_wording_html(seg.id, russian, with_english=False, id_prefix="letter-ru-")
        return nodes.raw("", f'<details class="russian-layer"><summary>{seg.label} in the Russian of 1951, '
                             f"phrase by phrase</summary>\n{table}\n</details>", format="html")

    def _segments(self, doc, roles, prefix, part):
        russian = None
        if "russian" in self.options:
            from barneskit.corpus.russian_wording import RUSSIAN_PATH, load_russian_wording

            self.env.note_dependency(str(RUSSIAN_PATH))
            try:
                russian = load_russian_wording()
            except DataError as exc:
                raise self.error(str(exc))
        box = nodes.container(classes=["primary-text", f"primary-text-{part}"])
        box["lang"] = "en"
        box["support_smartquotes"] = False  # verbatim: no curly quotes put in by Sphinx
        cited_by = {seg.note: seg.id for seg in doc.segments if seg.note}
        std = self.env.get_domain("std")
        if part != "note":
            box.extend(_omission_marks(doc.omissions_after(None)))
        for seg in doc.by_role(*roles):
            node_id = f"{prefix}-{seg.id}"
            row = nodes.container(classes=["text-seg", f"text-seg-{seg.role}"], ids=[node_id])
            number = nodes.paragraph(classes=["seg-label"])
            anchor = nodes.reference("", seg.label, refid=node_id, classes=["seg-anchor"])
            anchor["reftitle"] = f"Link to {seg.label}"
            number += anchor
            words = nodes.paragraph(classes=["seg-text"])
            if seg.role == "note":
                words.extend(_note_with_back_link(seg, prefix, cited_by.get(seg.id)))
            else:
                words.extend(_text_with_note_link(seg, prefix))
            row += [number, words]
            box += row
            if russian is not None and any(p.segment == seg.id for p in russian.pairs):
                box += self._russian_layer(seg, russian)
            box.extend(_omission_marks(doc.omissions_after(seg.id)))
            std.note_hyperlink_target(node_id, self.env.docname, node_id, seg.label)
        return box

    def _card(self, doc):
        meta = doc.metadata
        first = min(meta.editions, key=lambda e: e.year or 10_000)
        this = [e for e in meta.editions if e.language == "English"] or [first]
        place = meta.place.value if meta.place.stated_in_text else f"not stated. {meta.place.note}"
        to_whom = f"{meta.addressee.name}, {meta.addressee.identified_as}"
        rows = [
            ("Who wrote", meta.author),
            ("To whom", to_whom + (f" ({meta.addressee.card_note})" if meta.addressee.card_note else "")),
            ("When", meta.date_as_printed + (f" ({meta.date_note})" if meta.date_note else "")),
            ("Where", place),
            ("Original language", meta.language_of_original),
        ]
        if this[0] is not first and meta.language_of_original != this[0].language:
            rows += [("First printed", _edition_line(first)), ("This translation", _edition_line(this[0]))]
        else:
            rows.append(("Printed in", "; ".join(_edition_line(e) for e in meta.editions)))
        if meta.publication_line:
            with_note = " and an editors' note" if doc.by_role("note") else ""
            rows.append(("Printed with", f"the line \"{meta.publication_line}\"{with_note}"))
        if meta.excerpt:
            rows.append(("Excerpt", f"part of {meta.excerpt.of}; every place where text is left out "
                                    "is marked [\u2026] in the text"))
        field_list = nodes.field_list(classes=["source-card"])
        for name, value in rows:
            field = nodes.field()
            field += nodes.field_name(name, name)
            body = nodes.field_body()
            body += nodes.paragraph(value, value)
            field += body
            field_list += field
        return field_list

    def _source(self, doc):
        meta = doc.metadata
        t = meta.transcription
        english = [e for e in meta.editions if e.language == "English"][0]
        para = nodes.paragraph(classes=["source-credit"])
        year = f", {t.year}" if t.year else ""
        para += nodes.Text(f"Source: {_edition_line(english)}. Transcription: {t.by} for the {t.for_}{year} (")
        para += nodes.reference(t.url, t.url, refuri=t.url)
        made = f" {t.note}" if t.note else ""
        para += nodes.Text(f").{made} {meta.licence} Credit: {meta.credit}.")
        return para


def _omission_marks(cuts):
    """A visible mark where an excerpt leaves out part of the document, saying what is left out."""
    marks = []
    for cut in cuts:
        row = nodes.container(classes=["text-seg", "text-omission"])
        row += nodes.paragraph("", f"[\u2026] Left out here: {cut.what}", classes=["seg-text"])
        marks.append(row)
    return marks


def _edition_line(ed):
    page = ("pp." if ed.page and "-" in ed.page else "p.", ed.page)
    column = ("cols." if ed.column and "-" in ed.column else "col.", ed.column)
    where = "".join(f", {name} {value}" for name, value in (page, column, ("document", ed.document)) if value)
    volume = f", vol. {ed.volume}" if ed.volume else ""
    year = ed.year or "year of printing not confirmed"
    imprint = f"{ed.place}: {ed.publisher}, {year}" if ed.publisher else f"{ed.place}, {year}"
    return f"{ed.title}{volume} ({ed.language}; {imprint}){where}"


def setup(app):
    app.add_directive("primary-text", PrimaryTextDirective)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
