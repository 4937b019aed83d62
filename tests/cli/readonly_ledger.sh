#!/bin/sh
# tests/cli/readonly_ledger.sh: a ledger that cannot be written stays readable.
# A WAL ledger needs its -shm file; where that cannot be created (a folder
# the user may not write, a read-only mount) the reading commands (sql,
# report, export) still read it, and the writing ones (import, reconcile,
# init) exit 3 with "cannot write ledger 'PATH': ..." and change nothing.
#  1. As an unprivileged user (root runs the commands as nobody through
#     setpriv, since root ignores permissions): a read-only file in a
#     read-only folder, named with '%', '?', '#' and a space so the
#     immutable URI must escape them; a writable file in a read-only folder;
#     a read-only file in a writable folder.
#  2. A -wal file with committed changes but no -shm in a read-only folder:
#     reading it as immutable would leave the changes out, so it is an error;
#     so is a -shm file that cannot be opened (a writer may be at work).
#  3. As root, where the kernel can deny root too: a folder with the
#     immutable attribute (chattr +i) and a read-only bind mount (unshare -m).
#     Each is skipped with a note where this machine does not allow it.
. "$TESTS/cli/lib.sh"
# chattr +i and chmod below: the folder must be writable again to be removed.
on_exit='[ -d "$work/immutable" ] && chattr -i "$work/immutable" 2>/dev/null; chmod -R u+w "$work" 2>/dev/null'

# reads LEDGER [RUNNER]: sql, report and export read it, with the right numbers.
reads() {
	$2 "$COSTLEDGER" --ledger "$1" sql --csv 'SELECT count(*), money_text(money_total(billed_cost), 9) FROM charges' \
		>out.txt 2>err.txt || fail "sql cannot read '$1': $(cat err.txt)"
	[ "$(tail -1 out.txt)" = '"2","12.005000001"' ] || fail "sql on '$1': $(cat out.txt)"
	$2 "$COSTLEDGER" --ledger "$1" report --month 2026-10 --format csv >out.txt 2>err.txt ||
		fail "report cannot read '$1': $(cat err.txt)"
	tail -1 out.txt | grep -q '^total,,12.01,12.01,0.00,' || fail "report on '$1': $(cat out.txt)"
	$2 "$COSTLEDGER" --ledger "$1" export --month 2026-10 --what charges -o - >out.txt 2>err.txt ||
		fail "export cannot read '$1': $(cat err.txt)"
	[ "$(wc -l < out.txt)" = 3 ] || fail "export of '$1': $(cat out.txt)"
}

# refuses LEDGER WHY [RUNNER]: import, reconcile and init exit 3, name the
# ledger and say WHY; the file is unchanged and still readable.
refuses() {
	cp "$1" before.db
	for cmd in "import $work/seed.csv" "reconcile --month 2026-10" "init"; do
		# shellcheck disable=SC2086
		$3 "$COSTLEDGER" --ledger "$1" $cmd >out.txt 2>err.txt
		rc=$?
		[ "$rc" = 3 ] || fail "$cmd on '$1': exit status $rc, not 3 ($(cat err.txt))"
		grep -qF "costledger: cannot write ledger '$1': $2" err.txt ||
			fail "$cmd on '$1': unclear error: $(cat err.txt)"
	done
	head -1 err.txt
	cmp -s before.db "$1" || fail "'$1' changed"
	[ ! -e "$1-wal" ] && [ ! -e "$1-shm" ] || fail "'$1' got a -wal or -shm file"
	reads "$1" "$3"
}

# Run by this script inside a new mount namespace (unshare -m), in its
# work folder: mnt/ becomes a read-only bind mount of itself.
if [ "${1:-}" = --read-only-mount ]; then
	# The parent's folder, which the parent removes: not lib.sh's new one.
	trap - EXIT
	rmdir "$work"
	work=$2
	cd "$work" || exit 1
	mount --bind mnt mnt && mount -o remount,bind,ro mnt || fail "cannot mount mnt read-only"
	refuses mnt/l.db "it is on a read-only file system" ""
	exit 0
fi

chmod 755 "$work"

# The commands run as nobody when we are root.
as_user=""
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null || { echo "SKIP: root without setpriv; apt-get install -y util-linux"; exit 77; }
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi

"$COSTLEDGER" --ledger seed.db init >/dev/null || fail init
printf '%s\n' 'BillingAccountId,ChargePeriodStart,ChargePeriodEnd,BilledCost,ProviderName' \
	'a,2026-10-01T00:00:00Z,2026-10-01T01:00:00Z,5.000000001,P' \
	'a,2026-10-02T00:00:00Z,2026-10-02T01:00:00Z,7.005,P' > seed.csv
"$COSTLEDGER" --ledger seed.db import seed.csv >/dev/null || fail "seed import"
[ ! -e seed.db-wal ] && [ ! -e seed.db-shm ] || fail "the seed ledger kept its -wal or -shm"

# 1. Read-only file, read-only folder; the name needs URI escaping.
mkdir ro
odd='ro/a%20b?c#d %.db'
cp seed.db "$odd" && chmod 444 "$odd" && chmod 555 ro
refuses "$odd" "the file is read-only" "$as_user"
# The folder alone not writable: the file belongs to the user.
mkdir ro2 && cp seed.db ro2/l.db
[ -n "$as_user" ] && chown 65534 ro2/l.db
chmod 555 ro2
refuses ro2/l.db "its folder 'ro2' is not writable" "$as_user"
# The file alone read-only: SQLite creates -shm in the folder, reads work.
mkdir rw && chmod 1777 rw && cp seed.db rw/l.db && chmod 444 rw/l.db
cp rw/l.db before.db
$as_user "$COSTLEDGER" --ledger rw/l.db import seed.csv >out.txt 2>err.txt
[ $? = 3 ] || fail "read-only file: not exit 3"
grep -qF "costledger: cannot write ledger 'rw/l.db': the file is read-only" err.txt || fail "read-only file: $(cat err.txt)"
cmp -s before.db rw/l.db || fail "read-only file: changed"
reads rw/l.db "$as_user"
echo "read-only file, folder, both: reads work, writes exit 3"

# 2. Committed changes in a -wal file and no -shm: an error, not stale numbers.
mkdir walro
/usr/bin/python3 - <<'PY' || fail "cannot make a ledger with changes in its -wal file"
import shutil, sqlite3
db = sqlite3.connect("seed.db")
db.execute("PRAGMA wal_autocheckpoint = 0")
db.execute("UPDATE charges SET billed_cost = billed_cost + 1")
db.commit()
# While the connection is open the change is in seed.db-wal only.
shutil.copy("seed.db", "walro/l.db")
shutil.copy("seed.db-wal", "walro/l.db-wal")
db.execute("UPDATE charges SET billed_cost = billed_cost - 1")
db.commit()
db.close()
PY
[ -s walro/l.db-wal ] || fail "walro/l.db-wal is empty"
chmod 444 walro/l.db walro/l.db-wal && chmod 555 walro
$as_user "$COSTLEDGER" --ledger walro/l.db sql 'SELECT 1' >out.txt 2>err.txt
[ $? = 3 ] || fail "-wal with changes and no -shm: not exit 3 ($(cat out.txt))"
grep -qF "cannot read ledger 'walro/l.db': 'walro/l.db-wal' holds changes" err.txt ||
	fail "-wal with changes: $(cat err.txt)"
echo "-wal with changes, no -shm: $(cat err.txt)"
# A -shm file SQLite cannot open (a writer may be at work): an error too.
if [ -n "$as_user" ]; then
	mkdir shmro && cp seed.db shmro/l.db && : > shmro/l.db-shm && chmod 600 shmro/l.db-shm && chmod 555 shmro
	$as_user "$COSTLEDGER" --ledger shmro/l.db sql 'SELECT 1' >out.txt 2>err.txt
	[ $? = 3 ] || fail "an unreadable -shm: not exit 3 ($(cat out.txt))"
	grep -qF "cannot read ledger 'shmro/l.db': 'shmro/l.db-shm' exists but cannot be opened" err.txt ||
		fail "an unreadable -shm: $(cat err.txt)"
	echo "unreadable -shm: $(cat err.txt)"
fi

# 3. Denied to root as well.
if [ "$(id -u)" != 0 ]; then
	echo "note: not root: the immutable folder and the read-only mount are not tested"
	exit 0
fi
mkdir immutable && cp seed.db immutable/l.db
if chattr +i immutable 2>/dev/null; then
	refuses immutable/l.db "its folder 'immutable' is not writable" ""
	chattr -i immutable
	echo "immutable folder (chattr +i), as root: reads work, writes exit 3"
else
	echo "note: chattr +i is not allowed here: the immutable folder is not tested"
fi
mkdir mnt && cp seed.db mnt/l.db
if unshare -m true 2>/dev/null && unshare -m sh -c 'mount --bind mnt mnt && mount -o remount,bind,ro mnt' 2>/dev/null; then
	unshare -m sh "$TESTS/cli/readonly_ledger.sh" --read-only-mount "$work" || exit 1
	echo "read-only bind mount, as root: reads work, writes exit 3"
else
	echo "note: no read-only bind mount allowed here (unshare -m): the read-only mount is not tested"
fi
exit 0
