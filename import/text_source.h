/*
 * text_source.h: the bytes of a file, plain or gzip (told apart by the gzip
 * magic bytes), decompressed. One or more gzip members one after another are
 * read as one text, as gzip does; anything else after the last member
 * (trailing bytes, a second member whose magic is damaged) is an error, where
 * zlib's gzread() drops it silently and a file would import in part.
 * Used by every reader of import/ (reader.c, usage_lines.c).
 */
#ifndef COSTLEDGER_TEXT_SOURCE_H
#define COSTLEDGER_TEXT_SOURCE_H

#include <stddef.h>
#include <stdint.h>

struct text_source;

/* Takes fd (closed by text_source_close); raw reads of raw_size bytes. NULL: out of memory. */
struct text_source *text_source_open(int fd, size_t raw_size);

/*
 * Fills buf with up to len bytes of text; returns how many (len, except
 * near the end), 0 at the end, -1 on an error: text_source_error() says
 * which, e.g. "truncated gzip file: unexpected end of file", "corrupt gzip
 * file: incorrect data check", "corrupt gzip file: N bytes after the gzip
 * data at byte M", "read error: ...".
 */
long text_source_read(struct text_source *s, void *buf, size_t len);

int text_source_compressed(const struct text_source *s);     /* valid after the first read */
uint64_t text_source_offset(const struct text_source *s);    /* file bytes consumed */
const char *text_source_error(const struct text_source *s);
void text_source_close(struct text_source *s);

#endif
