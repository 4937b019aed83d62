/*
 * term_text.h: text from the ledger made safe for a terminal. Table output
 * (report, reconcile, sql) prints values that came from input files; an
 * escape sequence in a resource id could erase or hide lines on the screen
 * ("r1\e[2K\rall good: 0 findings"). Control characters are shown instead:
 * C0 and DEL as \xHH, C1 (U+0080-U+009F) as \u00HH.
 * JSON and CSV outputs escape in their own way and do not use this.
 */
#ifndef COSTLEDGER_TERM_TEXT_H
#define COSTLEDGER_TERM_TEXT_H

/* A copy of s (NULL: "") with control characters shown; free() it. NULL: out of memory. */
char *term_text(const char *s);

#endif
