#!/bin/sh
# tests/cli/usage_timeline_repeat.sh: the usage CSV's event form, an event
# given again in one command. An event that repeats exactly one already read
# for its job (same time, kind and values) adds nothing and is counted in the
# report; the same log twice, or an older copy with the grown log, gives the
# intervals of the grown log alone, as does the grown log in a later command.
# An event at the time of an earlier one of the same kind with other values,
# or going back in time without repeating anything, is refused with both
# file:line positions and nothing written.
. "$TESTS/cli/lib.sh"

H='timestamp,event,job_id,project,provider,account,resource_id,instance_type,pricing,gpus'
row() { echo "2026-10-01T$1:00:00Z,$2,$3,${4:-vision},gpucloud,acct-1,vm-1,a100x1,on-demand,${5:-1}"; }
# the usage rows without provenance (import_id, source_file, source_line)
rows() {
	q "SELECT job_id, state, usage_start, usage_end, project, resource_id, gpus, epoch, attributes
	   FROM usage ORDER BY job_id, usage_start"
}
fresh() { L="$work/$1.db"; cl init > /dev/null || fail "init $1"; }
imp() { cl import "$@" > out.txt 2> err.txt || fail "import $*: $(cat err.txt)"; }

# old.csv: j1 paused at its end, j2 stopped; grown.csv = old.csv + more events
# (j1 resumes and stops, j3 starts, is interrupted and restarts at the same time)
{ echo "$H"; row 00 start j1; row 01 start j2; row 02 pause j1; row 03 stop j2; } > old.csv
{ cat old.csv; row 04 resume j1; row 05 start j3; row 06 interrupt j3; row 06 start j3
  row 07 stop j1; row 08 stop j3; } > grown.csv

fresh alone
imp grown.csv
rows > alone.txt
expect "grown alone: intervals" "$(q "SELECT count(*) FROM usage")" 6

fresh twice
imp grown.csv grown.csv
expect "the same log twice: rows" "$(rows)" "$(cat alone.txt)"
grep -q '"repeated_events_skipped":10' out.txt || fail "the same log twice: skipped events not reported: $(cat out.txt)"

fresh old_grown
imp old.csv grown.csv
expect "old then grown in one command: rows" "$(rows)" "$(cat alone.txt)"
grep -q '"repeated_events_skipped":4' out.txt || fail "old + grown: skipped events not reported: $(cat out.txt)"
# the interval from old.csv's pause to grown.csv's resume opened in old.csv
expect "old then grown: the spanning interval's source" \
	"$(q "SELECT source_file || ':' || source_line FROM usage WHERE state = 'paused'")" old.csv:4

fresh later
imp old.csv
imp grown.csv
expect "grown in a later command: rows" "$(rows)" "$(cat alone.txt)"
expect "grown in a later command: history" "$(q "SELECT count(*) FROM usage_history")" 0
imp old.csv grown.csv
expect "both again: rows" "$(rows)" "$(cat alone.txt)"

# --- refused: a conflict at the same time, a step back that repeats nothing ---
fresh refused
{ echo "$H"; row 00 start j1; row 02 pause j1 other; } > other_project.csv
import_refused '^costledger: other_project.csv:3: column .event.: pause for job .j1. at "2026-10-01T02:00:00Z" conflicts with its pause at the same time \(old.csv:4\)' \
	old.csv other_project.csv
{ echo "$H"; row 00 start j1 vision 2; } > other_gpus.csv
import_refused '^costledger: other_gpus.csv:2: column .event.: start for job .j1. at "2026-10-01T00:00:00Z" conflicts with its start at the same time \(old.csv:2\)' \
	old.csv other_gpus.csv
{ echo "$H"; row 00 start j1; row 02 stop j1; } > other_kind.csv
import_refused '^costledger: other_kind.csv:3: column .event.: stop for job .j1. at "2026-10-01T02:00:00Z" conflicts with its event at the same time \(grown.csv:4\)' \
	grown.csv other_kind.csv
{ echo "$H"; row 01 pause j1; } > back.csv
import_refused '^costledger: back.csv:2: column .timestamp.: earlier than the job.s previous event \(old.csv:4; give each event once, the files in time order\)' \
	old.csv back.csv
# within one file: a step back is refused as before, a line written twice is a repeat
{ echo "$H"; row 00 start j1; row 02 pause j1; row 01 resume j1; } > back_in_file.csv
import_refused '^costledger: back_in_file.csv:4: column .timestamp.: earlier than the job.s previous event: "2026-10-01T01:00:00Z"$' \
	back_in_file.csv
{ echo "$H"; row 00 start j1; row 02 pause j1; row 02 pause j1; row 04 resume j1; row 07 stop j1; } > line_twice.csv
imp line_twice.csv
expect "a line written twice: intervals" "$(q "SELECT group_concat(state, ' ') FROM (SELECT state FROM usage ORDER BY usage_start)")" \
	"running paused running"
grep -q '"repeated_events_skipped":1' out.txt || fail "a line written twice: not reported: $(cat out.txt)"
# ... but in its own file only the line right before it: pause, resume, pause at
# one instant is a zero-length cycle that leaves the job paused
{ echo "$H"; row 00 start j1; row 02 pause j1; row 02 resume j1; row 02 pause j1; row 04 resume j1
  row 07 stop j1; } > cycle.csv
fresh cycle
imp cycle.csv
expect "a zero-length cycle: intervals" "$(q "SELECT group_concat(state || ' ' || substr(usage_start, 12, 2) || '-' || substr(usage_end, 12, 2), ', ') FROM (SELECT * FROM usage ORDER BY usage_start)")" \
	"running 00-02, paused 02-04, running 04-07"
grep -q 'repeated_events_skipped' out.txt && fail "a zero-length cycle: counted as repeats: $(cat out.txt)"
imp cycle.csv cycle.csv
expect "a zero-length cycle twice: intervals" "$(q "SELECT count(*) FROM usage")" 3
exit 0
