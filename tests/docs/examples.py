#!/usr/bin/python3
"""tests/docs/examples.py ROOT CLONE: runs the examples of README.md and
docs/*.md and compares what they print with what the page says.

Each page gets a fresh copy of the project (README.md, docs/, samples/, sql/,
tests/data/, tests/amortized/, tests/validate/ and the built costledger and
costledger.so) under CLONE, in which samples/demo.sh (what `make demo` runs)
has been run: the demo runs once, and each page starts from a copy of what it
left. The page's examples then run there in order, so an example may use what
an earlier one made.

The convention, for whoever writes a page:

  ```sh                      a shell session, run from the project root:
  $ ./costledger ...         a command ("$ " first; a line ending in "\\"
  what it prints             continues it), then what it prints: stdout,
  ...                        then stderr; "..." stands for any lines.
  $ ./costledger reconcile --month 2026-10   # exit 1
  ```                        "# exit N": the exit status it must have (else 0).
                             A command followed by no lines must exit 0 only.

  ```sql                     statements for the sqlite3 shell with the
  SELECT ...;                extension loaded; each ends with ";" on its
  -- what it prints          last line and is followed directly by its
  -- error: MESSAGE          result as "-- " lines, or "-- error: MESSAGE"
  ```                        (the statement fails saying MESSAGE); without
                             them it only has to run. A comment that is not
                             a result follows a blank line.
  ```sql db=out/demo.db
  db=FILE: run on that ledger (default :memory:). Results are as the sqlite3
  shell prints them (list mode: columns joined by '|'), NULL as NULL
  (.nullvalue NULL); mode=csv or another sqlite3 .mode changes that.

Any other block (```text, ```csv, an indented block) is not run: use them for
synopses, file contents and output that is shown but not checked.
Trailing spaces are ignored. Exit status 1 and a line per mismatch.
"""
import os
import re
import shutil
import subprocess
import sys

root, clone_base = sys.argv[1], sys.argv[2]
pages = ["README.md"] + sorted("docs/" + f for f in os.listdir(os.path.join(root, "docs")) if f.endswith(".md"))
failures = []
checked = 0


def blocks(text):
    """(info, first line number, lines) of every fenced block."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^```(\S*)(.*)$", lines[i])
        if m and m.group(1):
            info = (m.group(1), m.group(2).split())
            start = i + 1
            j = start
            while j < len(lines) and lines[j] != "```":
                j += 1
            yield info, start + 1, lines[start:j]
            i = j + 1
        elif m:
            j = i + 1
            while j < len(lines) and lines[j] != "```":
                j += 1
            i = j + 1
        else:
            i += 1


def matches(want, got):
    """want lines, with "..." for any lines, against got lines."""
    if not want:
        return not got
    if want[0] == "...":
        return any(matches(want[1:], got[k:]) for k in range(len(got) + 1))
    return bool(got) and want[0] == got[0] and matches(want[1:], got[1:])


def clean(text):
    return [line.rstrip() for line in text.rstrip("\n").split("\n")] if text.strip("\n") else []


def fail(page, line, what, want, got):
    failures.append("%s:%d: %s\n  want: %s\n  got:  %s" % (page, line, what, "\n        ".join(want), "\n        ".join(got)))


def run_sh(page, line, lines, cwd):
    global checked
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            failures.append("%s:%d: a line of a sh block that belongs to no command: %s" % (page, line + i, lines[i]))
            i += 1
            continue
        at = line + i
        command = lines[i][2:]
        while command.endswith("\\") and i + 1 < len(lines):
            i += 1
            command = command + "\n" + lines[i]
        i += 1
        want = []
        while i < len(lines) and not lines[i].startswith("$ "):
            want.append(lines[i].rstrip())
            i += 1
        m = re.search(r"#\s*exit (\d+)\s*$", command)
        want_rc = int(m.group(1)) if m else 0
        p = subprocess.run(["sh", "-c", command], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        got = clean(p.stdout.decode("utf-8", "replace")) + clean(p.stderr.decode("utf-8", "replace"))
        checked += 1
        if p.returncode != want_rc:
            fail(page, at, "'%s' exited %d, not %d" % (command, p.returncode, want_rc), want, got)
        elif want and not matches(want, got):
            fail(page, at, "'%s' printed something else" % command, want, got)


def run_sql(page, line, lines, options, cwd):
    global checked
    db, mode = ":memory:", "list"
    for o in options:
        key, _, value = o.partition("=")
        if key == "db":
            db = value
        elif key == "mode":
            mode = value
    i = 0
    while i < len(lines):
        if not lines[i].strip() or (lines[i].startswith("--") and not lines[i].startswith("-- error:")):
            i += 1
            continue
        at = line + i
        statement = []
        while i < len(lines):
            statement.append(lines[i])
            i += 1
            if lines[i - 1].rstrip().endswith(";"):
                break
        want = []
        while i < len(lines) and lines[i].startswith("--"):
            want.append(lines[i][3:].rstrip() if lines[i].startswith("-- ") else "")
            i += 1
        sql = "\n".join(statement)
        args = ["sqlite3", "-bail", db, ".load ./costledger", ".mode " + mode, ".nullvalue NULL", sql]
        p = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out = clean(p.stdout.decode("utf-8", "replace"))
        err = p.stderr.decode("utf-8", "replace")
        checked += 1
        if want and want[0].startswith("error: "):
            if p.returncode == 0 or want[0][7:] not in err:
                fail(page, at, "'%s' did not fail as documented" % sql, want, clean(err) or out)
        elif p.returncode != 0:
            fail(page, at, "'%s' failed" % sql, want, clean(err))
        elif want and not matches(want, out):
            fail(page, at, "'%s' printed something else" % sql, want, out)


def fresh_clone():
    """CLONE/clone as samples/demo.sh leaves it. The demo runs once, in that
    very folder (the ledger keeps the paths it imported from); each later page
    gets a copy of what it left, put back at the same path."""
    clone = os.path.join(clone_base, "clone")
    pristine = os.path.join(clone_base, "after-demo")
    if os.path.isdir(pristine):
        shutil.rmtree(clone)
        shutil.copytree(pristine, clone, symlinks=True)
        return clone
    os.makedirs(os.path.join(clone, "tests"))
    for name in ["README.md", "Makefile"]:
        shutil.copy(os.path.join(root, name), clone)
    for name in ["docs", "samples", "sql"]:
        shutil.copytree(os.path.join(root, name), os.path.join(clone, name))
    for name in ["data", "amortized", "validate"]:
        shutil.copytree(os.path.join(root, "tests", name), os.path.join(clone, "tests", name))
    shutil.copy(os.environ["COSTLEDGER"], os.path.join(clone, "costledger"))
    shutil.copy(os.environ["COSTLEDGER_SO"], os.path.join(clone, "costledger.so"))
    demo = subprocess.run(["sh", "samples/demo.sh"], cwd=clone, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if demo.returncode != 0:
        sys.exit("the demo failed:\n" + demo.stdout.decode())
    shutil.copytree(clone, pristine, symlinks=True)
    return clone


for page in pages:
    text = open(os.path.join(root, page), encoding="utf-8").read()
    found = [b for b in blocks(text) if b[0][0] in ("sh", "sql")]
    if not found:
        continue
    clone = fresh_clone()
    for (kind, options), line, lines in found:
        if kind == "sh":
            run_sh(page, line, lines, clone)
        else:
            run_sql(page, line, lines, options, clone)

for f in failures:
    print(f)
print("doc examples: %d commands and statements, %d differ from their page" % (checked, len(failures)))
sys.exit(1 if failures or not checked else 0)
