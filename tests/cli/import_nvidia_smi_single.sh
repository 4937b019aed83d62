#!/bin/sh
# tests/cli/import_nvidia_smi_single.sh: an nvidia-smi log with one sample
# per GPU has no interval to record (a sample covers the gap to the next one
# of its GPU): refused with exit 2 and why, not "0 new intervals" and exit 0.
# One GPU with two samples gives the others that gap.
. "$TESTS/cli/lib.sh"
cl init >/dev/null || fail init
head='timestamp, index, name, utilization.gpu [%], memory.used [MiB], power.draw [W]'
printf '%s\n' "$head" '2026/10/01 10:00:00.000, 0, A100, 92 %, 25073 MiB, 310.50 W' \
	'2026/10/01 10:00:00.001, 1, A100, 0 %, 4 MiB, 55.12 W' > once.csv
cl import --resource node once.csv > out.txt 2> err.txt
expect "one sample per GPU: exit" "$?" 2
grep -qF "costledger: once.csv: 2 sample(s), none of them a second sample of its GPU at a later time" err.txt ||
	fail "one sample per GPU: $(cat err.txt)"
expect "nothing stored" "$(q 'SELECT count(*) FROM usage')" 0
printf '%s\n' '2026/10/01 10:00:10.000, 0, A100, 90 %, 25073 MiB, 310.50 W' >> once.csv
cl import --resource node once.csv > out.txt 2> err.txt || fail "two samples of GPU 0: $(cat err.txt)"
grep -q '3 rows (0 skipped): 2 new intervals' out.txt || fail "two samples of GPU 0: $(cat out.txt)"
# GPU 0: 10:00:00 to 10:00:10 and one median gap (10 s) after its last sample; GPU 1 that gap too.
expect "intervals" "$(q "SELECT group_concat(resource_id || ' ' || (unixepoch(usage_end) - unixepoch(usage_start)), ';') FROM (SELECT * FROM usage ORDER BY resource_id)")" \
	"node:gpu0 20;node:gpu1 10"
echo "import_nvidia_smi_single: ok"
