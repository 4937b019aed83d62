/*
 * out_file.h: a file a command writes (export -o, report --html), written
 * atomically: into a temp file beside it, renamed over it only when all of
 * it is written, so a reader never sees half an export and a failed one
 * leaves what was there. "-" is stdout, written as it goes.
 */
#ifndef COSTLEDGER_OUT_FILE_H
#define COSTLEDGER_OUT_FILE_H

#include <stdio.h>

struct out_file {
	FILE *f;            /* write here */
	const char *path;   /* the name asked for */
	char *tmp;          /* the temp file beside it; NULL for stdout */
};

/* 0, or -1 with a message "COMMAND: cannot write 'PATH': reason" printed. */
int out_file_open(struct out_file *o, const char *command, const char *path);
/* ok != 0: flush, sync and rename into place; else remove the temp file.
 * 0, or -1 with the message printed (the temp file removed). */
int out_file_close(struct out_file *o, const char *command, int ok);

#endif
