#!/bin/sh
# tests/cli/doc_links.sh: no dangling reference in README.md, docs/ and the
# comments of the code: every relative link and every project path named
# (docs/..., tests/..., ledger/..., ...) exists (tests/docs/links.py).
# runs in: plain, fast
. "$TESTS/cli/lib.sh"
need /usr/bin/python3 python3
/usr/bin/python3 "$TESTS/docs/links.py" "$top" || fail "dangling references (above)"
