#!/bin/sh
# tests/cli/doc_examples.sh: every example of README.md and docs/*.md (the
# ```sh and ```sql blocks; the convention is in tests/docs/examples.py) runs
# as written in a fresh copy of the project after samples/demo.sh, and
# prints what the page says. Not in the sanitized pass (the sqlite3 shell
# would need the ASan runtime; the commands are run plain and sanitized by
# the other tests):
# runs in: plain, fast
. "$TESTS/cli/lib.sh"
need /usr/bin/python3 python3
/usr/bin/python3 "$TESTS/docs/examples.py" "$top" "$work" || fail "examples differ from their page (above)"
