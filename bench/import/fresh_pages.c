/*
 * fresh_pages.c: what it costs this machine to put a file into memory the
 * page cache has not used lately.
 *
 *   cc -O2 -o /tmp/fresh_pages bench/import/fresh_pages.c
 *   /tmp/fresh_pages [MB] [DIR]        (700, /tmp)
 *
 * Writes a file A of MB megabytes, then a file B of the same size, twice:
 * once with A still cached, once after dropping A's pages (it is synced
 * first, so they are clean and can go). With A cached, B takes memory the
 * page cache did not hold before; without, the kernel hands B the pages A
 * just gave back. On bare metal both take about as long. In a VM that
 * returns freed memory to its host, the first costs a host fault per page:
 * that is the difference between this machine's fast and slow import runs
 * (bench/import/README.md, fifth session), since an import writes its rows
 * twice, into the WAL and then into the ledger file.
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Writes mb megabytes in 64 KiB writes, as SQLite's pages; returns the
 * seconds the writes took (the sync after is not counted). */
static double write_file(const char *path, long mb)
{
	static char block[65536];
	double start;
	long i;
	int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);

	if (fd < 0) {
		perror(path);
		exit(1);
	}
	memset(block, 'x', sizeof block);
	start = seconds();
	for (i = 0; i < mb * 16; i++)
		if (write(fd, block, sizeof block) != (ssize_t)sizeof block) {
			perror(path);
			exit(1);
		}
	start = seconds() - start;
	fdatasync(fd);
	close(fd);
	return start;
}

static void drop(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd >= 0) {
		posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
		close(fd);
	}
}

int main(int argc, char **argv)
{
	long mb = argc > 1 ? atol(argv[1]) : 700;
	const char *dir = argc > 2 ? argv[2] : "/tmp";
	char a[4096], b[4096];
	int dropped;

	snprintf(a, sizeof a, "%s/fresh_pages_a.%ld", dir, (long)getpid());
	snprintf(b, sizeof b, "%s/fresh_pages_b.%ld", dir, (long)getpid());
	for (dropped = 0; dropped < 2; dropped++) {
		double first = write_file(a, mb), second;

		if (dropped)
			drop(a);
		second = write_file(b, mb);
		printf("%s: A %ld MB %.2f s, then B %ld MB %.2f s\n",
		       dropped ? "A dropped before B" : "A still cached   ", mb, first, mb, second);
		unlink(a);
		unlink(b);
	}
	return 0;
}
