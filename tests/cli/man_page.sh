#!/bin/sh
# tests/cli/man_page.sh: docs/costledger.1 is what docs/man.sh makes of this
# build's -h texts (run `make man` after changing a command's help), it has
# a section for every command `costledger -h` lists, and `make install`
# puts it where man finds it. Plain passes only (install relinks OUT):
# runs in: plain, fast
. "$TESTS/cli/lib.sh"
sh "$top/docs/man.sh" "$COSTLEDGER" > costledger.1 || fail "docs/man.sh"
cmp -s costledger.1 "$top/docs/costledger.1" ||
	{ diff "$top/docs/costledger.1" costledger.1 | head -20; fail "docs/costledger.1 is not the -h text: run make man"; }
for command in init import sql reconcile report export; do
	grep -qx ".SS $command" costledger.1 || fail "no section for $command"
	"$COSTLEDGER" "$command" -h | head -1 | sed 's/-/\\-/g' > first.txt
	grep -qxF -f first.txt costledger.1 || fail "$command: its -h is not in the page"
done
if command -v groff >/dev/null 2>&1; then
	groff -man -Tutf8 -ww -z costledger.1 2> groff.txt || fail "groff: $(cat groff.txt)"
	[ ! -s groff.txt ] || fail "groff warns: $(cat groff.txt)"
fi
make --no-print-directory -C "$top" install PREFIX=/usr DESTDIR="$work/root" OUT="$(dirname "$COSTLEDGER")" \
	>install.txt 2>&1 || { tail -5 install.txt; fail "make install"; }
cmp -s "$work/root/usr/share/man/man1/costledger.1" "$top/docs/costledger.1" || fail "make install: no man page"
echo "man_page: ok"
