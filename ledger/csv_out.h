/*
 * csv_out.h: CSV for spreadsheets and finance (docs/exports.md): RFC 4180
 * fields through libcsv's csv_fwrite, text cells neutralised against formula
 * injection, and amounts rounded to the cent so that rows add up exactly to
 * the rounded total (largest remainder).
 */
#ifndef COSTLEDGER_CSV_OUT_H
#define COSTLEDGER_CSV_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A text cell: a value starting with = + - @ tab or CR gets a leading
 * single quote (OWASP CSV injection); then quoted where RFC 4180 needs it. */
void csv_out_text(FILE *out, const char *s);

/* A number cell, written as is (never neutralised, never quoted). */
void csv_out_number(FILE *out, const char *s);

/*
 * Rounds values[0..n) (nanos) to `decimals` places so that the rounded
 * values sum exactly to the total rounded half-even: each value is first
 * truncated toward minus infinity to a multiple of the unit; the units still
 * missing go, one each, to the values with the largest remainders (ties: the
 * earlier row). rounded[] receives nanos. Returns 0, or -1 when decimals is
 * not 0..9 or the total does not fit.
 */
int csv_out_allocate(const int64_t *values, size_t n, int decimals, int64_t *rounded);

#endif
