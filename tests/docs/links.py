#!/usr/bin/python3
"""tests/docs/links.py ROOT: every relative link of README.md and docs/*.md
leads to a file that exists (and to a heading of it, for #anchor), and every
project path that README, the docs, and the comments and strings of the
sources, SQL, scripts and Makefiles mention (docs/model.md, tests/cli/lib.sh,
ledger/ledger.c, ...) exists; paths under the folders the build and the
benchmarks make (build/, out/, bench/data/) are not checked. A path with '*' must match a file; a path
with a placeholder in capitals or <angle brackets> (tests/cli/NAME.sh) only
needs its folder. Exit status 1 and a line per dangling reference.
"""
import glob
import os
import re
import sys

root = sys.argv[1]
TOP = ("docs", "tests", "sql", "ledger", "extension", "import", "samples", "bench")
SKIP = {".git", "build", "build-san", "build-fuzz", "out", "data", "bad", "seeds", "__pycache__"}
TEXT = (".md", ".c", ".h", ".sql", ".sh", ".py", "Makefile", ".1")
PATH = re.compile(r"(?<![\w./-])((?:%s)/[\w./*<>-]*[\w*>])" % "|".join(TOP))
LINK = re.compile(r"\]\(([^)\s]+)\)")
GENERATED = ("bench/data", "build/", "out/")
bad = []


def slug(heading):
    s = heading.strip().lower()
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")


def anchors(path):
    found = set()
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^#+\s+(.*)$", line)
        if m:
            found.add(slug(re.sub(r"`", "", m.group(1))))
    return found


def files():
    for top, dirs, names in os.walk(root):
        rel = os.path.relpath(top, root)
        dirs[:] = [d for d in dirs if d not in SKIP or (rel == "." and d == "data")]
        dirs[:] = [d for d in dirs if not (rel == "." and d in ("out", "build", "build-san", "build-fuzz"))]
        if rel.startswith(("tests/data", "tests/bad", "tests/fuzz/seeds", "bench/data")):
            continue
        for name in names:
            if name.endswith(TEXT):
                yield os.path.join(top, name)


def exists(path):
    path = path.rstrip(".")
    if path.startswith(GENERATED):
        return True
    if "*" in path:
        return bool(glob.glob(os.path.join(root, path)))
    parts = path.split("/")
    if any(re.search(r"<|[A-Z]{3,}", p) and not os.path.exists(os.path.join(root, *parts[: i + 1]))
           for i, p in enumerate(parts)):
        # a placeholder: the folder before it must exist
        i = next(i for i, p in enumerate(parts) if re.search(r"<|[A-Z]{3,}", p))
        return os.path.isdir(os.path.join(root, *parts[:i]))
    return os.path.exists(os.path.join(root, path))


checked = 0
for f in sorted(files()):
    rel = os.path.relpath(f, root)
    text = open(f, encoding="utf-8", errors="replace").read()
    for n, line in enumerate(text.split("\n"), 1):
        for path in PATH.findall(line):
            checked += 1
            if not exists(path):
                bad.append("%s:%d: '%s' does not exist" % (rel, n, path))
        if not rel.endswith(".md"):
            continue
        for target in LINK.findall(line):
            if re.match(r"^[a-z]+:", target):
                continue
            checked += 1
            file, _, anchor = target.partition("#")
            dest = os.path.normpath(os.path.join(os.path.dirname(f), file)) if file else f
            if not os.path.exists(dest):
                bad.append("%s:%d: link '%s': no such file" % (rel, n, target))
            elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
                bad.append("%s:%d: link '%s': no heading '#%s' in %s" % (rel, n, target, anchor, file or rel))
for b in bad:
    print(b)
print("links: %d references, %d dangling" % (checked, len(bad)))
sys.exit(1 if bad or not checked else 0)
