"""Small, exhaustive text measurements for the exercises: every hit can be checked by eye.

The letter is about 150 words and its note about 120, so nothing here is statistical: counts,
keywords in context, word lists, regular expressions for grammatical forms, and the answer keys
the checks in :mod:`barneskit.exercises.feedback` compare against. Every key is computed from the texts in
``texts/`` (through :mod:`barneskit.corpus.texts`) and the data files, never typed.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from barneskit.corpus import teaching, texts
from barneskit.corpus.gazetteer import load_gazetteer
from barneskit.corpus.stance import stance_markers
from barneskit.corpus.texts import split_words, word_count  # the one word count, shared with the data's limits



# --- The texts ---------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def letter():
    """The letter and its note as a :class:`barneskit.corpus.texts.Text` (checked against its checksum)."""
    return texts.text(texts.LETTER_TEXT_ID)


def letter_text():
    """The letter itself, salutation to signature, one paragraph a line (no editors' note)."""
    return "\n".join(seg.text for seg in letter().letter_body)


def note_text():
    """The 1954 editors' note, both paragraphs, one a line."""
    return "\n".join(seg.text for seg in letter().by_role("note"))


def text_of(which):
    """``"letter"`` or ``"note"`` -> its words."""
    return {"letter": letter_text, "note": note_text}[which]()


# --- Counting ----------------------------------------------------------------------------------

def regex_words(text):
    """Words as runs of letters and digits (``\\w+``): "U.S.S.R." becomes four words, U S S R."""
    return re.findall(r"\w+", text)


def count_differences(text):
    """Each whitespace word that ``\\w+`` cuts into more (or fewer) than one piece, with its pieces."""
    return [(word, regex_words(word)) for word in split_words(text) if len(regex_words(word)) != 1]


# --- Keywords in context -----------------------------------------------------------------------

@dataclass(frozen=True)
class KwicLine:
    position: int      # the word's place in the text, counting from 0
    left: str
    keyword: str
    right: str

    def __str__(self):
        return f"{self.left:>40}  [{self.keyword}]  {self.right}"


def glob_to_regex(glob):
    """A concordance wildcard (``law*``: "law" with any ending) as a regular expression."""
    return re.escape(glob).replace(r"\*", r"\w*")


def bare(word):
    """A word without the punctuation around it ("law." -> "law", "Metro-Vickers,1" keeps its inside)."""
    return re.sub(r"^\W+|\W+$", "", word)


def kwic(text, pattern, window=5):
    """Every word whose bare form matches the regular expression ``pattern`` in full (case ignored),
    with ``window`` words each side. For a wildcard such as ``law*`` pass ``glob_to_regex("law*")``."""
    words = split_words(text)
    lines = []
    for i, word in enumerate(words):
        if re.fullmatch(pattern, bare(word), flags=re.IGNORECASE):
            lines.append(KwicLine(i, " ".join(words[max(0, i - window):i]), word,
                                  " ".join(words[i + 1:i + 1 + window])))
    return lines


# --- Attribution and certainty -----------------------------------------------------------------

#: The given word lists (data/stance-markers.yml): phrases that attribute a claim to someone or
#: mark it as opinion, and phrases that present it as settled.
STANCE_LISTS = {kind: markers.phrases for kind, markers in stance_markers().items()}
ATTRIBUTION = STANCE_LISTS["attribution"]
CERTAINTY = STANCE_LISTS["certainty"]


def find_markers(text, markers):
    """The markers found in ``text``, one entry per occurrence, in the order they occur."""
    hits = []
    for marker in markers:
        for match in re.finditer(r"\b" + re.escape(marker) + r"\b", text, flags=re.IGNORECASE):
            hits.append((match.start(), marker))
    return [marker for _, marker in sorted(hits)]


def rate_per_100(count, words):
    return round(100 * count / words, 2)


def stance_rates():
    """Rates per 100 words: ``{"letter": {"attribution": r, "certainty": r}, "note": {...}}``."""
    rates = {}
    for which in ("letter", "note"):
        words = text_of(which)
        rates[which] = {kind: rate_per_100(len(find_markers(words, markers)), word_count(words))
                        for kind, markers in STANCE_LISTS.items()}
    return rates


def stance_table():
    """Rows (kind as the table names it, phrase, times in the letter, times in the note)."""
    letter_words, note_words = letter_text(), note_text()
    return [(markers.label, phrase, len(find_markers(letter_words, [phrase])), len(find_markers(note_words, [phrase])))
            for markers in stance_markers(with_disclaimers=True).values() for phrase in markers.phrases]


# --- Sentences, questions, passives ------------------------------------------------------------

#: Abbreviations whose full stop never ends a sentence here: a title and a single initial ("J. Stalin").
NOT_SENTENCE_ENDS = re.compile(r"(?:\bMr|(?<![.\w])[A-Z])\.$")


def sentences(text):
    """Sentences: each line is cut after . ? ! when a capital letter (or the line's end) follows,
    except after "Mr." or an initial. So "in the U.S.S.R. are" stays whole, "U.S.S.R. Was" is cut."""
    found = []
    for line in text.split("\n"):
        start = 0
        for match in re.finditer(r"[.?!](?=\s+[A-Z]|\s*$)", line):
            piece = line[start:match.end()]
            if match.group(0) == "." and NOT_SENTENCE_ENDS.search(piece):
                continue
            found.append(piece.strip())
            start = match.end()
        if line[start:].strip():
            found.append(line[start:].strip())
    return found


def naive_sentences(text):
    """Sentences split after every full stop, question mark or exclamation mark followed by a space."""
    return [s.strip() for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]


def questions(text):
    return [s for s in sentences(text) if s.endswith("?")]


#: A form of "be", perhaps "not", up to two more words (the subject of a question), then a past
#: participle: "was taken", "were instituted", "Was not legal action taken".
PASSIVE_PATTERN = (r"\b(?:am|is|are|was|were|be|been|being)\b(?:\s+not)?(?:\s+[a-z]+){0,2}?"
                   r"\s+(?:\w+ed|taken|given|made|held|brought|done|known|shown|seen)\b")
#: The first pattern a beginner writes: a form of "be" directly followed by a word ending in -ed or -en.
NAIVE_PASSIVE_PATTERN = r"\b(?:is|are|was|were)\s+\w+(?:ed|en)\b"


def find_pattern(text, pattern):
    """Every match of a regular expression (case ignored), as the matched words."""
    return [m.group(0) for m in re.finditer(pattern, text, flags=re.IGNORECASE)]


def passives(text):
    return find_pattern(text, PASSIVE_PATTERN)


def agentless(text, found):
    """Those passives not followed by "by ..." (the one who acted is not named)."""
    result = []
    for phrase in found:
        after = text[text.index(phrase) + len(phrase):]
        if not re.match(r"(?:\s+\w+){0,3}?\s+by\b", after):
            result.append(phrase)
    return result


# --- Who is named ------------------------------------------------------------------------------

def names_in(text, gazetteer=None):
    """The gazetteer names that ``text`` mentions in one of their written forms, in gazetteer order."""
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
    return [e.name for e in gazetteer
            if any(re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text) for form in e.forms)]


def absent_names(gazetteer=None):
    """The gazetteer names that neither the letter nor the note mentions."""
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
    present = set(names_in(letter_text(), gazetteer)) | set(names_in(note_text(), gazetteer))
    return [e.name for e in gazetteer if e.name not in present]


# --- Layers of time ----------------------------------------------------------------------------

def time_layers():
    """Years from the letter to each later printing of it: ``{bibkey or "transcription": years}``."""
    meta = letter().metadata
    layers = {ed.bibkey: ed.year - meta.date.year for ed in meta.editions}
    layers["transcription"] = meta.transcription.year - meta.date.year
    return layers


# --- Comparing renderings ----------------------------------------------------------------------

def word_tokens(phrase):
    """Lower-case words for comparing two renderings (punctuation and the note number ignored)."""
    return re.findall(r"[a-z]+(?:['.-][a-z]+)*", phrase.lower())


def similarity(a, b):
    """difflib's ratio between two phrases, word by word: 1.0 the same words in order, 0.0 none shared."""
    return round(difflib.SequenceMatcher(None, word_tokens(a), word_tokens(b), autojunk=False).ratio(), 2)


def only_in_first(a, b):
    """The words of ``a`` that difflib finds no partner for in ``b``, in order."""
    wa, wb = word_tokens(a), word_tokens(b)
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    return [w for tag, i1, i2, _, _ in matcher.get_opcodes() if tag in ("replace", "delete") for w in wa[i1:i2]]


# --- Adapting the letter -----------------------------------------------------------------------

def key_phrases():
    """{phrase: why}: the phrases the students' adaptation must keep word for word (they are the
    evidence a reader weighs), from ``data/adapted-letter.yml``."""
    return teaching.exercise_key_phrases()


@dataclass(frozen=True)
class Change:
    old: str
    new: str
    why: str


def adapt(original, changes):
    """Apply ``(old, new, why)`` changes in order; return the adapted text and the change log.

    Each ``old`` must occur in the text as it stands when its turn comes; a change that does not
    apply raises ValueError naming it, so a change log can never describe an edit that was not made.
    """
    textnow, log = original, []
    for item in changes:
        change = item if isinstance(item, Change) else Change(*item)
        if change.old not in textnow:
            raise ValueError(f"this change does not apply, its old words are not in the text: {change.old!r}")
        textnow = textnow.replace(change.old, change.new, 1)
        log.append(change)
    return textnow, log


def adaptation_problems(adapted, log, limit=teaching.ADAPTED_MAX_WORDS):
    """Why an adaptation is not acceptable yet, as sentences (empty list: acceptable)."""
    problems = []
    if word_count(adapted) > limit:
        problems.append(f"it has {word_count(adapted)} words; the limit is {limit}")
    for phrase, why in key_phrases().items():
        if phrase not in adapted:
            problems.append(f"it has lost the key phrase \"{phrase}\" ({why})")
    if not log:
        problems.append("its change log is empty")
    return problems


def words_per_sentence(text):
    found = sentences(text)
    return round(word_count(text) / len(found), 1) if found else 0.0
