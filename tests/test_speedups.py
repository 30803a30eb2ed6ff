"""The remembered bibliography formatting gives back a stored result only for the very same entry."""
from types import SimpleNamespace

from pybtex.database import Entry, Person
from pybtex.plugin import find_plugin

from barneskit import speedups


def new_build(env):
    """What happens between two builds: the environment is kept, this build's memory starts empty."""
    speedups._keep(None, env)
    speedups._recall(SimpleNamespace(env=env))


def test_an_unchanged_entry_is_recalled_and_a_changed_one_formatted_again():
    speedups._format_each_entry_once()
    style = find_plugin("pybtex.style.formatting", "plain")()
    entry = Entry("book", fields={"title": "Moscow Carrousel", "year": "1935", "publisher": "Knopf"},
                  persons={"author": [Person("Lyons, Eugene")]})
    entry.key = "lyons1935"
    env = SimpleNamespace()
    speedups._recall(SimpleNamespace(env=env))
    first = style.format_entry("1", entry)

    new_build(env)
    assert style.format_entry("1", entry) is first  # remembered across builds

    entry.fields["year"] = "1936"
    new_build(env)
    changed = style.format_entry("1", entry)
    assert changed is not first and "1936" in changed.text.render_as("text")
    assert style.format_entry("2", entry) is not changed  # another label is another result

    new_build(env)
    assert len(getattr(env, speedups.ENV_KEY)) == 2  # entries not formatted in a build are dropped
