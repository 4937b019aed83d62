# tests/cli/lib.sh: the preamble of every CLI test. A test starts with
#   #!/bin/sh
#   # tests/cli/NAME.sh: what it checks
#   . "$TESTS/cli/lib.sh"
# and then has:
#   $top   the project root        $work  a temp folder, the current directory,
#   $L     a ledger path in $work         removed on exit (a test that needs
#          (not yet created)              more cleanup sets on_exit='...')
#   cl ARGS...           the CLI on $L
#   python3 ARGS...      /usr/bin/python3
#   q SQL                sqlite3 on $L with the extension loaded (list mode, '|')
#   fail MESSAGE         prints "FAIL: NAME: MESSAGE" and exits 1
#   expect WHAT GOT WANT fails unless GOT is WANT
#   skip REASON          the test cannot run here: exit 77, counted as skipped
#   need TOOL PACKAGE    skip unless TOOL is on PATH; with CI=true a failure
#                        when PACKAGE is one `make deps` installs
# Environment (set by tests/run.sh): COSTLEDGER, COSTLEDGER_SO, TESTS; SAN=1
# in the sanitized pass; FAST=1 in `make test` (a test may do less then).
set -u
: "${COSTLEDGER:?COSTLEDGER must name the costledger CLI}" "${TESTS:?TESTS must be the absolute path of tests/}"
test_name=$(basename "$0" .sh)
top=$(cd "$TESTS/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/costledger-$test_name.XXXXXX") || exit 1
on_exit=""
trap 'eval "$on_exit"; rm -rf "$work"' EXIT
trap 'exit 2' HUP INT TERM
cd "$work" || exit 1
L="$work/ledger.db"

fail() { echo "FAIL: $test_name: $*"; exit 1; }
expect() { # expect WHAT GOT WANT
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}
cl() { "$COSTLEDGER" --ledger "$L" "$@"; }
# python3 is Debian's (what `make deps` installs), whatever else is first on
# PATH: a version manager's shim costs a quarter of a second a call.
python3() { /usr/bin/python3 "$@"; }
# The sanitized extension needs the ASan runtime preloaded into sqlite3.
q() { LD_PRELOAD="${SQLITE_PRELOAD:-}" sqlite3 -bail "$L" ".load ${COSTLEDGER_SO:?}" "$1"; }
skip() { echo "SKIP: $*"; exit 77; }
import_refused() { # import_refused REGEX FILE...: exit 2, the message, the ledger unchanged
	regex=$1
	shift
	sqlite3 "$L" .dump > before.sql
	cl import "$@" > out.txt 2> err.txt
	rc=$?
	[ "$rc" = 2 ] || fail "import $*: exit $rc, not 2 ($(cat err.txt))"
	grep -Eq -- "$regex" err.txt || fail "import $*: message $(cat err.txt) does not match /$regex/"
	sqlite3 "$L" .dump > after.sql
	cmp -s before.sql after.sql || fail "import $*: the ledger changed"
}
need() { # need TOOL PACKAGE
	command -v "$1" >/dev/null 2>&1 && return 0
	case " ${DEB_PACKAGES:-} " in
	*" $2 "*) [ "${CI:-}" = true ] &&
		fail "$1 is missing under CI=true, yet make deps installs it (package $2)" ;;
	esac
	skip "$1 is not installed; apt-get install -y $2"
}
