#!/bin/sh
# tests/cli/usage_timeline.sh: the events of one job split across the files
# of one command form one timeline (the usage CSV's event form). Intervals
# name the file and line of the event that opened them; a bad transition
# names the offending event's file:line and the earlier one's. Across two
# commands: a grown log adds only its new intervals, a corrected log
# replaces the job's older intervals in the span it covers (usage_history),
# and a continuation without the job's start is refused, saying why.
. "$TESTS/cli/lib.sh"

H='timestamp,event,job_id,project,provider,account,resource_id,instance_type,pricing,gpus'
row() { echo "2026-10-01T$1:00:00Z,$2,$3,vision,gpucloud,acct-1,vm-1,a100x1,on-demand,1"; }
intervals() {
	q "SELECT job_id, state, usage_start, usage_end, source_file || ':' || source_line FROM usage
	   ORDER BY job_id, usage_start"
}
imp() { cl import "$@" > out.txt 2> err.txt || fail "import $*: $(cat err.txt)"; }

# j1 starts in day1.csv and ends in day2.csv; j2 lives in day2.csv only.
{ echo "$H"; row 00 start j1; row 02 pause j1; } > day1.csv
{ echo "$H"; row 03 resume j1; row 04 start j2; row 05 stop j1; row 06 stop j2; } > day2.csv
{ echo "$H"; row 00 start j1; row 02 pause j1; row 03 resume j1; row 04 start j2
  row 05 stop j1; row 06 stop j2; } > whole.csv

cl init > /dev/null || fail init
imp day1.csv day2.csv
grep -q 'never stopped' err.txt && fail "a job stopped in the next file reported as never stopped: $(cat err.txt)"
intervals > split.txt
expect "split files: intervals" "$(cat split.txt)" "j1|running|2026-10-01T00:00:00Z|2026-10-01T02:00:00Z|day1.csv:2
j1|paused|2026-10-01T02:00:00Z|2026-10-01T03:00:00Z|day1.csv:3
j1|running|2026-10-01T03:00:00Z|2026-10-01T05:00:00Z|day2.csv:2
j2|running|2026-10-01T04:00:00Z|2026-10-01T06:00:00Z|day2.csv:3"
# the same hours as the whole log in one file
L2="$work/whole.db"
"$COSTLEDGER" --ledger "$L2" init > /dev/null && "$COSTLEDGER" --ledger "$L2" import whole.csv > /dev/null ||
	fail "whole log"
expect "split files: gpu hours" "$(q "SELECT sum(running_hours) || ' ' || sum(paused_hours) FROM gpu_hours")" \
	"$(LD_PRELOAD="${SQLITE_PRELOAD:-}" sqlite3 "$L2" ".load $COSTLEDGER_SO" "SELECT sum(running_hours) || ' ' || sum(paused_hours) FROM gpu_hours")"
# the interval that spans the files belongs to the import that closed it
expect "spanning interval: its import" "$(q "SELECT i.file_name FROM usage u JOIN imports i USING (import_id)
	WHERE u.state = 'paused'")" day2.csv
# the same two files again add nothing
imp day1.csv day2.csv
expect "again: intervals" "$(intervals)" "$(cat split.txt)"
expect "again: history" "$(q "SELECT count(*) FROM usage_history")" 0

# --- errors name the offending event and the earlier one ------------------------
{ echo "$H"; row 03 pause j3; } > pause_again.csv
{ echo "$H"; row 00 start j3; row 02 pause j3; } > j3.csv
import_refused '^costledger: pause_again.csv:2: column .event.: pause for job .j3., which is paused since j3.csv:3$' \
	j3.csv pause_again.csv
{ echo "$H"; row 01 stop j3; } > stop_early.csv
import_refused '^costledger: stop_early.csv:2: column .timestamp.: earlier than the job.s previous event \(j3.csv:3; give each event once, the files in time order\)' \
	j3.csv stop_early.csv
# (the same log twice in one command: its events repeat, usage_timeline_repeat.sh)
# a continuation alone: its job has not started in this command
{ echo "$H"; row 09 resume j1; row 10 stop j1; } > day3.csv
import_refused "^costledger: day3.csv:2: column .event.: resume for job .j1., which has not started \(a job's earlier events come in the same command, in an earlier file\)$" \
	day3.csv

# --- across commands ------------------------------------------------------------
# a job left open at the end of a delivery: not guessed, reported; the grown
# log (or its earlier files again with the new one) adds only what is new
fresh() { L="$work/$1.db"; cl init > /dev/null || fail "init $1"; }
fresh open
imp day1.csv
grep -q '^costledger: day1.csv: 1 job(s) never stopped' err.txt || fail "open job not warned: $(cat err.txt)"
expect "open job: stored" "$(q "SELECT count(*) FROM usage")" 1
imp day1.csv day2.csv
expect "continued: intervals" "$(intervals)" "$(cat split.txt)"
expect "continued: history" "$(q "SELECT count(*) FROM usage_history")" 0
fresh grown
imp day1.csv
imp whole.csv
expect "grown log: intervals" "$(intervals | sed "s/|[^|]*$//")" "$(sed "s/|[^|]*$//" split.txt)"
expect "grown log: history" "$(q "SELECT count(*) FROM usage_history")" 0
# a corrected log: j1 did not pause after all; its older intervals in the
# span move to usage_history, j2's stay
{ echo "$H"; row 00 start j1; row 05 stop j1; } > corrected.csv
imp corrected.csv
grep -q '3 usage intervals of earlier deliveries replaced' out.txt || fail "corrected: $(cat out.txt)"
expect "corrected: intervals" "$(intervals)" "j1|running|2026-10-01T00:00:00Z|2026-10-01T05:00:00Z|corrected.csv:2
j2|running|2026-10-01T04:00:00Z|2026-10-01T06:00:00Z|whole.csv:5"
expect "corrected: history" "$(q "SELECT group_concat(state || ' ' || usage_start, ', ') FROM (SELECT * FROM usage_history ORDER BY usage_start)")" \
	"running 2026-10-01T00:00:00Z, paused 2026-10-01T02:00:00Z, running 2026-10-01T03:00:00Z"
