/* usage_lines.c: unquoted delimited lines, plain or gzip (see usage_lines.h). */
#include "usage_lines.h"

#include "text_source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

struct splitter {
	char *line;
	size_t len, alloc;
	const char **fields;
	size_t *lengths;
	size_t field_alloc;
};

static int emit_line(struct splitter *sp, long line_no, char delimiter, row_callback callback,
		     void *context, struct reader_stats *stats, const char *path,
		     struct import_error *error)
{
	struct csv_row row;
	size_t count = 1, i, start = 0, k = 0;
	char *p = sp->line;
	size_t n = sp->len;

	if (n && p[n - 1] == '\r')
		n--;
	if (line_no == 1 && n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) {
		p += 3;
		n -= 3;
	}
	for (i = 0; i < n && (p[i] == ' ' || p[i] == '\t'); i++)
		;
	if (i == n)
		return 0;               /* blank */
	if (memchr(p, 0, n))
		return import_error_set(error, path, line_no, NULL, "a NUL byte in the line"), -1;
	for (i = 0; i < n; i++)
		count += p[i] == delimiter;
	if (count > sp->field_alloc) {
		const char **f = realloc(sp->fields, count * sizeof *f);
		size_t *l = f ? realloc(sp->lengths, count * sizeof *l) : NULL;
		if (f)
			sp->fields = f;
		if (!f || !l)
			return import_error_set(error, path, line_no, NULL, "out of memory"), -1;
		sp->lengths = l;
		sp->field_alloc = count;
	}
	for (i = 0; i <= n; i++) {
		if (i == n || p[i] == delimiter) {
			p[i] = 0;
			sp->fields[k] = p + start;
			sp->lengths[k++] = i - start;
			start = i + 1;
		}
	}
	row.line = line_no;
	row.count = count;
	row.fields = sp->fields;
	row.lengths = sp->lengths;
	stats->rows++;
	return callback(context, &row);
}

int usage_lines_run(const char *path, char delimiter, row_callback callback, void *context,
		    struct reader_stats *stats, struct import_error *error)
{
	struct splitter sp = {0};
	unsigned char buf[65536];
	struct stat st;
	struct text_source *src;
	long line_no = 1, n;
	int fd, rc = 0;

	memset(stats, 0, sizeof *stats);
	stats->content_crc32 = (uint32_t)crc32(0L, Z_NULL, 0);
	fd = strcmp(path, "-") ? open(path, O_RDONLY) : dup(0);
	if (fd < 0)
		return import_error_set(error, path, 0, NULL, "cannot open: %s", strerror(errno));
	if (strcmp(path, "-") && fstat(fd, &st) == 0)
		stats->file_size = (uint64_t)st.st_size;
	if (!(src = text_source_open(fd, sizeof buf))) {
		close(fd);
		return import_error_set(error, path, 0, NULL, "cannot open: out of memory");
	}
	while ((n = text_source_read(src, buf, sizeof buf)) > 0) {
		long i;
		stats->content_crc32 = (uint32_t)crc32(stats->content_crc32, buf, (unsigned)n);
		stats->content_size += (uint64_t)n;
		for (i = 0; i < n && rc == 0; i++) {
			if (sp.len + 1 >= sp.alloc) {
				size_t size = sp.alloc ? sp.alloc * 2 : 4096;
				char *bigger = realloc(sp.line, size);
				if (!bigger) {
					rc = import_error_set(error, path, line_no, NULL, "out of memory");
					break;
				}
				sp.line = bigger;
				sp.alloc = size;
			}
			if (buf[i] == '\n') {
				sp.line[sp.len] = 0;
				rc = emit_line(&sp, line_no, delimiter, callback, context, stats, path, error);
				sp.len = 0;
				line_no++;
				continue;
			}
			sp.line[sp.len++] = (char)buf[i];
		}
		if (rc)
			break;
	}
	if (!rc && n < 0)
		rc = import_error_set(error, path, 0, NULL, "%s", text_source_error(src));
	if (!rc && sp.len) {
		sp.line[sp.len] = 0;
		rc = emit_line(&sp, line_no, delimiter, callback, context, stats, path, error);
	}
	stats->compressed = text_source_compressed(src);
	stats->lines = line_no;
	text_source_close(src);
	free(sp.line);
	free(sp.fields);
	free(sp.lengths);
	return rc;
}
