/* out_file.c: see out_file.h. */
#include "out_file.h"

#include "ledger.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static mode_t current_umask(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return mask;
}

static int cannot_write(const char *command, const char *path, int errnum)
{
	error_exit(EXIT_LEDGER, "%s: cannot write '%s': %s", command, path, strerror(errnum));
	return -1;
}

int out_file_open(struct out_file *o, const char *command, const char *path)
{
	int fd;

	o->path = path;
	o->tmp = NULL;
	o->f = NULL;
	if (!strcmp(path, "-")) {
		o->f = stdout;
		return 0;
	}
	if (!(o->tmp = malloc(strlen(path) + sizeof ".tmp-XXXXXX")))
		return cannot_write(command, path, ENOMEM);
	strcpy(o->tmp, path);
	strcat(o->tmp, ".tmp-XXXXXX");
	if ((fd = mkstemp(o->tmp)) < 0 || !(o->f = fdopen(fd, "wb"))) {
		int errnum = errno;
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return cannot_write(command, path, errnum);
	}
	/* mkstemp makes it 0600; an export is an ordinary file. */
	fchmod(fd, 0666 & ~current_umask());
	return 0;
}

int out_file_close(struct out_file *o, const char *command, int ok)
{
	int failed = 0, errnum = 0;

	if (!o->f)
		return 0;
	if (!o->tmp) {
		o->f = NULL;
		if (fflush(stdout) != 0)
			return cannot_write(command, o->path, errno);
		return 0;
	}
	if (fflush(o->f) != 0 || fsync(fileno(o->f)) != 0) {
		failed = 1;
		errnum = errno;
	}
	if (fclose(o->f) != 0 && !failed) {
		failed = 1;
		errnum = errno;
	}
	o->f = NULL;
	if (ok && !failed && rename(o->tmp, o->path) != 0) {
		failed = 1;
		errnum = errno;
	}
	if (!ok || failed)
		unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
	return failed ? cannot_write(command, o->path, errnum) : 0;
}
