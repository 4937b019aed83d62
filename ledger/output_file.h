/*
 * output_file.h: every file a command writes (export -o, report --html) goes
 * through here. The text is written to a temporary file in the same folder,
 * flushed to disk and renamed over the final name: a reader sees the old file
 * or the whole new one, never a part, and a command that fails leaves the old
 * file as it was. An SQLite database (the ledger above all) is never written
 * over. "-" is standard output. The temporary file is named after the target
 * and this process (".<name>.costledger-tmp-<pid>-XXXXXX"), so that opening
 * the same target later removes what a killed writer left (docs/reliability.md).
 */
#ifndef COSTLEDGER_OUTPUT_FILE_H
#define COSTLEDGER_OUTPUT_FILE_H

#include <stdio.h>

struct output_file {
	FILE *f;               /* write here */
	const char *path;      /* the final name; "-" for standard output */
	char *temp;            /* the temporary file, NULL for standard output */
};

/*
 * Opens path for writing through a temporary file; returns EXIT_OK, or the
 * exit code after printing "costledger: COMMAND: ...": EXIT_USAGE when path
 * is the ledger or one of its -wal/-shm files, an existing SQLite database
 * or a folder, EXIT_LEDGER when the temporary file cannot be made.
 */
int output_open(struct output_file *o, const char *path, const char *ledger, const char *command);

/* Flushes, syncs and renames the temporary file over the final name; 0, or
 * -1 with the error printed and the temporary file removed. */
int output_commit(struct output_file *o, const char *command);

/* Removes the temporary file: the final name keeps what it had. */
void output_abort(struct output_file *o);

#endif
