"""Build the book the one way the Makefile, the tests and the benchmark all use.

``python -m barneskit.outputs.build [--output DIR] [extra jupyter-book options]`` runs
``jupyter-book build . -W -n --keep-going`` in this environment, with the project's own kernel
first on Jupyter's search path, and prints the output; it exits non-zero on any warning.

A build that fails prints what a reader can act on, not the machinery: a bad input file
(``BadInputError`` from the input checks) comes down to its one message, the file relative to
the repository, the line and what is wrong; other failures keep Sphinx's lines with the
repository's paths made relative and the Python tracebacks of Sphinx and jupyter-book's command
line left out. ``--debug`` (or ``VERBOSE=1`` in the environment) prints the whole output.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from barneskit.paths import ROOT

#: Sphinx's warning form: "path:line: WARNING: ..." (pip's and ipykernel's stderr notes are not warnings).
WARNING_RE = re.compile(r"^(?:\S.*?: )?(?:WARNING|ERROR|CRITICAL): ", re.MULTILINE)


def build_env(root=ROOT):
    """Environment for building: our package importable, our kernel found before any user's."""
    env = dict(os.environ)
    venv = Path(sys.prefix)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(venv / "share" / "jupyter"), env.get("JUPYTER_PATH")]))
    env["PYDEVD_DISABLE_FILE_VALIDATION"] = "1"  # quiets a debugger notice on kernel start
    return env


def build_command(extra=(), root=ROOT):
    jb = Path(sys.prefix) / "bin" / "jupyter-book"
    return [str(jb), "build", str(root), "-W", "-n", "--keep-going", *extra]


def config_problem(root=ROOT):
    """The first problem in the files jupyter-book reads before Sphinx starts (``_config.yml``,
    ``_toc.yml``: YAML that does not parse, or no mapping at the top), as a short message, or None.
    jupyter-book itself would report it without naming the file."""
    from barneskit.corpus import yamlio
    from barneskit.errors import DataError, read_utf8

    for name in ("_config.yml", "_toc.yml"):
        path = Path(root) / name
        if not path.exists():
            continue
        try:
            text = read_utf8(path)
            try:
                data = yamlio.load(text)
            except yamlio.YAMLError as exc:
                mark, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
                where = (f" ({exc.context} that starts on line {context.line + 1})"
                         if context is not None and getattr(exc, "context", None) else "")
                raise DataError(path, f"not valid YAML: {getattr(exc, 'problem', exc)}{where}",
                                line=mark.line + 1 if mark else None) from None
            if not isinstance(data, dict):
                raise DataError(path, "expected a mapping of keys at the top level", line=1)
        except DataError as exc:
            return exc.message(root=root)
    return None


def build(extra=(), echo=True, root=ROOT):
    """Run the build of the book in ``root``; return (returncode, combined output, warning lines)."""
    problem = config_problem(root)
    if problem is not None:
        output = f"Bad input file:\n{problem}\n"
        if echo:
            sys.stdout.write(output)
        return 1, output, []
    proc = subprocess.run(build_command(extra, root), cwd=root, env=build_env(root),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if echo:
        sys.stdout.write(proc.stdout)
    return proc.returncode, proc.stdout, warning_lines(proc.stdout)


def warning_lines(output):
    """The Sphinx warnings and errors in a build's output, colour codes removed."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", output)
    return [line for line in plain.splitlines() if WARNING_RE.match(line)]


#: The input checks' error, as Sphinx prints it before the traceback: its category, then the message.
BAD_INPUT_RE = re.compile(r"^Bad input file:\n(?P<message>.+?)\n(?=Traceback|\Z)", re.MULTILINE | re.DOTALL)
#: jupyter-book's closing box after any failure ("There was an error in building your book").
BOX_RE = re.compile(r"^=+\n\nThere was an error in building your book\..*?\n\n=+\n?", re.MULTILINE | re.DOTALL)
#: The line Python puts between two chained tracebacks.
CHAINED_RE = re.compile(r"^(The above exception was the direct cause of the following exception:|"
                        r"During handling of the above exception, another exception occurred:)\n", re.MULTILINE)
HINT = "(the full output: VERBOSE=1 make book, or python -m barneskit.outputs.build --debug)"


def plain(output):
    return re.sub(r"\x1b\[[0-9;]*m", "", output)


def bad_input_message(output):
    """The input checks' message in a failed build's output, or None."""
    match = BAD_INPUT_RE.search(plain(output))
    return match.group("message").strip() if match else None


def without_tracebacks(text):
    """``text`` with every Python traceback cut to its last line, and the chaining notes removed."""
    out, lines, i = [], text.split("\n"), 0
    while i < len(lines):
        if lines[i].startswith("Traceback (most recent call last):"):
            i += 1
            while i < len(lines) and (lines[i].startswith(" ") or not lines[i].strip()):
                i += 1
            if i < len(lines) and lines[i].strip() not in ("RuntimeError:", ""):
                out.append(lines[i])  # the exception itself
            i += 1
            continue
        out.append(lines[i])
        i += 1
    return CHAINED_RE.sub("", "\n".join(out))


#: myst-nb's report of a failing cell: the page, then nbclient's message with the cell and its error.
CELL_PAGE_RE = re.compile(r"^(?P<page>\S+?): WARNING: Executing notebook failed", re.MULTILINE)
CELL_RE = re.compile(r"^nbclient\.exceptions\.CellExecutionError: An error occurred while executing the following cell:\n"
                     r"(?P<cell>.*?)\n(?=myst_nb\.core\.execute\.base\.ExecutionError|\Z)", re.MULTILINE | re.DOTALL)


def cell_failure(text):
    """A failing code cell's page, code and error in a (colour-free) build output, or None."""
    match = CELL_RE.search(text)
    if match is None:
        return None
    page = CELL_PAGE_RE.search(text)
    where = f" in {page.group('page')}" if page else ""
    return f"A code cell failed{where}:\n{match.group('cell').strip()}\n"


def short_output(output, root=ROOT):
    """What a failed build comes down to: see the module's docstring."""
    message = bad_input_message(output)
    if message is not None:
        return f"Bad input file: {message}\n"
    text = plain(output)
    for prefix in (f"{Path(root).resolve()}/", f"{root}/"):
        text = text.replace(prefix, "")
    cell = cell_failure(text)
    if cell is not None:
        return cell
    kept = [line for line in warning_lines(text) if "Executing notebook failed" not in line]
    rest = BOX_RE.sub("", without_tracebacks(text))
    if "Exception occurred:" in rest:
        # Sphinx's own crash report: the exception's last line, without the file it was saved in
        after = rest.split("Exception occurred:", 1)[1].splitlines()
        kept += [line for line in after if line and not line.startswith((" ", "The full traceback", "Please also report",
                                                                           "A bug report"))][:1]
    return "\n".join(kept) + "\n" if kept else re.sub(r"\n{3,}", "\n\n", rest)


def report_failure(output, warnings, root=ROOT, stream=None):
    """Print a failed build's short output (see the module's docstring) and the hint for more."""
    stream = stream or sys.stdout
    stream.write(short_output(output, root))
    if warnings and bad_input_message(output) is None and cell_failure(plain(output)) is None:
        stream.write(f"\n{len(warnings)} warning(s): the book must build without any.\n")
    stream.write(f"The build stopped. {HINT}\n")
    stream.flush()


def verbose_wanted(argv):
    return "--debug" in argv or os.environ.get("VERBOSE", "") not in ("", "0")


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    verbose = verbose_wanted(argv)
    argv = [arg for arg in argv if arg != "--debug"]
    code, output, warnings = build(argv, echo=False)
    if verbose or (code == 0 and not warnings):
        sys.stdout.write(output)
        if warnings:
            print(f"\n{len(warnings)} warning(s): the book must build without any.", file=sys.stderr)
    else:
        report_failure(output, warnings)
    if warnings:
        code = code or 1
    return code


if __name__ == "__main__":
    sys.exit(main())
