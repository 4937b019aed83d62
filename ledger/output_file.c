/* output_file.c: see output_file.h. */
#include "output_file.h"

#include "ledger.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* 1 when a and b name the same existing file. */
static int same_file(const struct stat *a, const char *b)
{
	struct stat st;

	return stat(b, &st) == 0 && st.st_dev == a->st_dev && st.st_ino == a->st_ino;
}

/* 1 when path is the ledger or one of the files SQLite keeps beside it. */
static int is_ledger_file(const struct stat *st, const char *ledger)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	size_t i, len = strlen(ledger);
	char *name = malloc(len + 16);
	int found = 0;

	for (i = 0; name && !found && i < sizeof suffixes / sizeof suffixes[0]; i++) {
		memcpy(name, ledger, len);
		strcpy(name + len, suffixes[i]);
		found = same_file(st, name);
	}
	free(name);
	return found;
}

/* 1 when the file starts with SQLite's header. */
static int is_sqlite_database(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	int fd = open(path, O_RDONLY | O_CLOEXEC), is = 0;

	if (fd >= 0) {
		is = read(fd, head, sizeof head) == (ssize_t)sizeof head && !memcmp(head, magic, sizeof head);
		close(fd);
	}
	return is;
}

/* The temporary files of target are named ".<name>.costledger-tmp-<pid>-XXXXXX"
 * beside it, <name> its file name cut to 200 bytes so that the whole stays
 * under NAME_MAX. */
#define TEMP_NAME_MAX 200
#define TEMP_TAG ".costledger-tmp-"

/* The folder of path ("." for a bare name) and where its file name starts. */
static char *folder_of(const char *path, const char **name)
{
	const char *slash = strrchr(path, '/');

	*name = slash ? slash + 1 : path;
	return slash ? strndup(path, slash > path ? (size_t)(slash - path) : 1) : strdup(".");
}

/* Removes the temporary files of target that a costledger left when it was
 * killed: named as this process names them, with the pid of a process that
 * no longer exists. Best effort: a file that cannot be removed stays. */
static void remove_stale_temps(const char *path)
{
	const char *name;
	char *folder = folder_of(path, &name), prefix[TEMP_NAME_MAX + 32], *stale;
	size_t prefix_len;
	struct dirent *e;
	DIR *dir;

	snprintf(prefix, sizeof prefix, ".%.*s" TEMP_TAG, TEMP_NAME_MAX, name);
	prefix_len = strlen(prefix);
	if (!folder || !(dir = opendir(folder))) {
		free(folder);
		return;
	}
	while ((e = readdir(dir))) {
		const char *p = e->d_name + prefix_len;
		char *end;
		long pid;
		if (strncmp(e->d_name, prefix, prefix_len) || *p < '1' || *p > '9')
			continue;
		errno = 0;
		pid = strtol(p, &end, 10);
		if (errno || pid <= 0 || pid != (pid_t)pid || *end != '-' || strlen(end + 1) != 6 ||
		    pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		if ((stale = malloc(strlen(folder) + strlen(e->d_name) + 2))) {
			sprintf(stale, "%s/%s", folder, e->d_name);
			unlink(stale);
			free(stale);
		}
	}
	closedir(dir);
	free(folder);
}

int output_open(struct output_file *o, const char *path, const char *ledger, const char *command)
{
	const char *slash = strrchr(path, '/');
	struct stat st;
	mode_t mask;
	int fd;

	memset(o, 0, sizeof *o);
	o->path = path;
	if (!strcmp(path, "-")) {
		o->f = stdout;
		return EXIT_OK;
	}
	if (stat(path, &st) == 0) {
		if (is_ledger_file(&st, ledger))
			return error_exit(EXIT_USAGE, "%s: will not write over the ledger '%s'", command,
					  path);
		if (S_ISREG(st.st_mode) && is_sqlite_database(path))
			return error_exit(EXIT_USAGE, "%s: will not write over '%s': it is an SQLite database",
					  command, path);
		if (S_ISDIR(st.st_mode))
			return error_exit(EXIT_USAGE, "%s: cannot write '%s': it is a folder", command, path);
	}
	remove_stale_temps(path);
	/* The temporary file is in the final file's folder, so rename() is atomic. */
	if (!(o->temp = malloc(strlen(path) + 64)))
		return error_exit(EXIT_LEDGER, "%s: out of memory", command);
	sprintf(o->temp, "%.*s.%.*s" TEMP_TAG "%ld-XXXXXX", slash ? (int)(slash - path + 1) : 0, path,
		TEMP_NAME_MAX, slash ? slash + 1 : path, (long)getpid());
	if ((fd = mkstemp(o->temp)) < 0) {
		error_exit(EXIT_LEDGER, "%s: cannot write '%s': %s", command, path, strerror(errno));
		free(o->temp);
		o->temp = NULL;
		return EXIT_LEDGER;
	}
	/* mkstemp makes the file 0600; an output is an ordinary file (umask applies). */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	if (!(o->f = fdopen(fd, "wb"))) {
		close(fd);
		output_abort(o);
		return error_exit(EXIT_LEDGER, "%s: cannot write '%s': out of memory", command, path);
	}
	return EXIT_OK;
}

int output_commit(struct output_file *o, const char *command)
{
	const char *name;
	char *folder;
	int fd;

	if (!o->temp)
		return fflush(o->f) == 0 && !ferror(o->f) ? 0 :
		       (error_exit(EXIT_LEDGER, "%s: cannot write the output", command), -1);
	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) {
		error_exit(EXIT_LEDGER, "%s: cannot write '%s': %s", command, o->path, strerror(errno));
		output_abort(o);
		return -1;
	}
	if (fclose(o->f) != 0 || rename(o->temp, o->path) != 0) {
		error_exit(EXIT_LEDGER, "%s: cannot write '%s': %s", command, o->path, strerror(errno));
		o->f = NULL;
		output_abort(o);
		return -1;
	}
	o->f = NULL;
	/* The new name is durable once the folder is synced (best effort, as SQLite does). */
	folder = folder_of(o->path, &name);
	if (folder && (fd = open(folder, O_RDONLY | O_CLOEXEC)) >= 0) {
		fsync(fd);
		close(fd);
	}
	free(folder);
	free(o->temp);
	o->temp = NULL;
	return 0;
}

void output_abort(struct output_file *o)
{
	if (!o->temp) {
		if (o->f)
			fflush(o->f);
		return;
	}
	if (o->f)
		fclose(o->f);
	o->f = NULL;
	unlink(o->temp);
	free(o->temp);
	o->temp = NULL;
}
