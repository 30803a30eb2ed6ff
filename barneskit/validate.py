"""Check every input file the book reads. The build (via barneskit.sphinx_ext) and the tests call this.

Each checker raises barneskit.DataError naming the file, the line and the field. Add a checker
here when you add a data file, so a bad row stops the build instead of a figure going quietly wrong.
"""
from barneskit import claims, events, references, renderings, teaching, texts, witnesses


def check_texts():
    known = references.bib_keys()
    for doc in texts.check_all_texts():
        meta_path = doc.folder / "metadata.yml"
        for index, edition in enumerate(doc.metadata.editions):
            references.check_keys([edition.bibkey], known, meta_path, field=f"editions.{index}.bibkey")
        references.check_keys(doc.metadata.addressee.sources, known, meta_path, field="addressee.sources")


#: Every checker the build runs, in order. Data modules add theirs here.
CHECKERS = [check_texts, events.check_events, claims.check_claims, renderings.check_renderings,
            witnesses.check_witnesses, teaching.check_teaching_data]


def validate_all():
    for checker in CHECKERS:
        checker()


# Registered here, apart from the list above, so parallel branches' one-line additions do not collide.
from barneskit import textstats  # noqa: E402

CHECKERS.append(textstats.check_gazetteer)  # data/gazetteer.yml [exercises]
