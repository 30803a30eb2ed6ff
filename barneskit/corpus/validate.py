"""Check every input file the book reads. The build (via barneskit.sphinxext.input_checks) and the tests call this.

Each checker raises barneskit.DataError naming the file, the line and the field. Add a checker
here when you add a data file, so a bad row stops the build instead of a figure going quietly wrong.
"""
from barneskit.corpus import (claims, corroboration, events, exercise_sets, gazetteer, references, renderings,
                              russian_wording, stance, teaching, texts, toc, witnesses)


def validate_texts():
    known = references.bib_keys()
    for doc in texts.validate_all_texts():
        meta_path = doc.folder / "metadata.yml"
        for index, edition in enumerate(doc.metadata.editions):
            references.check_keys([edition.bibkey], known, meta_path, field=f"editions.{index}.bibkey")
        references.check_keys(doc.metadata.addressee.sources, known, meta_path, field="addressee.sources")


#: Every checker the build runs, in order. Data modules add theirs here.
CHECKERS = [toc.validate_toc, validate_texts, events.validate_events, claims.validate_claims, renderings.validate_renderings,
            witnesses.validate_witnesses, teaching.validate_teaching_data, gazetteer.validate_gazetteer,
            stance.validate_stance_markers, russian_wording.validate_russian_wording,
            corroboration.validate_corroboration, exercise_sets.validate_exercise_data]


def validate_all():
    for checker in CHECKERS:
        checker()
