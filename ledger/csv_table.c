/*
 * csv_table.c: the finance CSV table (csv_table.h): rows, the allocation of
 * the money columns per currency, and the writer.
 */
#include "csv_table.h"
#include "csv_out.h"

#include "money.h"

#include <stdlib.h>
#include <string.h>

int csv_table_add_row(struct csv_table *t)
{
	if (t->rows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		char **c = realloc(t->cells, cap * t->columns * sizeof *c);
		int64_t *m;
		if (!c)
			return -1;
		t->cells = c;
		if (!(m = realloc(t->money, cap * t->columns * sizeof *m)))
			return -1;
		t->money = m;
		t->cap = cap;
	}
	memset(t->cells + t->rows * t->columns, 0, t->columns * sizeof *t->cells);
	memset(t->money + t->rows * t->columns, 0, t->columns * sizeof *t->money);
	t->rows++;
	return 0;
}

void csv_table_free(struct csv_table *t)
{
	size_t i;

	for (i = 0; i < t->rows * t->columns; i++)
		free(t->cells[i]);
	for (i = 0; t->total_cells && i < t->total_count * t->columns; i++)
		free(t->total_cells[i]);
	for (i = 0; t->total_currencies && i < t->total_count; i++)
		free(t->total_currencies[i]);
	free(t->cells);
	free(t->money);
	free(t->total_cells);
	free(t->total_currencies);
}

static const char *row_currency(const struct csv_table *t, size_t r)
{
	return t->currency_column < 0 ? "" : t->cells[r * t->columns + (size_t)t->currency_column];
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct currencies of the rows, sorted; one ("") for a table without
 * a currency column or without rows. Returns their number, 0 when out of memory. */
static size_t table_currencies(const struct csv_table *t, const char ***out)
{
	const char **list = malloc((t->rows ? t->rows : 1) * sizeof *list);
	size_t r, n = 0;

	if (!(*out = list))
		return 0;
	for (r = 0; r < t->rows; r++)
		list[r] = row_currency(t, r);
	qsort(list, t->rows, sizeof *list, by_text);
	for (r = 0; r < t->rows; r++)
		if (!n || strcmp(list[n - 1], list[r]))
			list[n++] = list[r];
	if (!n)
		list[n++] = "";
	return n;
}

/* Rounds every money column, each currency on its own, so that its rows add
 * up to its rounded total (csv_out_allocate); totals[k * columns + c] is the
 * total of currency k in column c. */
static int allocate_per_currency(struct csv_table *t, const char **currencies, size_t n, int decimals,
				 int64_t *totals)
{
	int64_t *column = malloc((t->rows ? t->rows : 1) * sizeof *column);
	int64_t *rounded = malloc((t->rows ? t->rows : 1) * sizeof *rounded);
	size_t *index = malloc((t->rows ? t->rows : 1) * sizeof *index);
	size_t k, c, r, m;
	int rc = 0;

	for (k = 0; rc == 0 && column && rounded && index && k < n; k++) {
		for (c = 0; rc == 0 && c < t->columns; c++) {
			if (t->types[c] != 'm')
				continue;
			for (r = m = 0; r < t->rows; r++) {
				if (strcmp(row_currency(t, r), currencies[k]))
					continue;
				column[m] = t->money[r * t->columns + c];
				index[m++] = r;
			}
			if (csv_out_allocate(column, m, decimals, rounded) < 0) {
				rc = -1;
				break;
			}
			for (r = 0; r < m; r++) {
				t->money[index[r] * t->columns + c] = rounded[r];
				totals[k * t->columns + c] += rounded[r];
			}
		}
	}
	if (!column || !rounded || !index)
		rc = -1;
	free(column);
	free(rounded);
	free(index);
	return rc;
}

/* The summary's total cells of currency, or NULL. */
static char *const *total_cells_of(const struct csv_table *t, const char *currency)
{
	size_t k;

	for (k = 0; k < t->total_count; k++)
		if (t->total_currencies[k] && !strcmp(t->total_currencies[k], currency))
			return t->total_cells + k * t->columns;
	return NULL;
}

/* Row r of the table, or with total set the total row of currency. */
static void write_row(const struct csv_table *t, FILE *out, size_t r, const int64_t *total,
		      const char *currency, int decimals, const char *eol)
{
	char *const *total_cells = total ? total_cells_of(t, currency) : NULL;
	size_t c;
	char buf[48];

	for (c = 0; c < t->columns; c++) {
		size_t i = r * t->columns + c;
		int64_t v;
		switch (t->types[c]) {
		case 'm':
		case 'd':
			if (t->types[c] == 'm' && (total ? total_cells && total_cells[c] : t->cells[i] != NULL))
				break;
			if (t->types[c] == 'm')
				v = total ? total[c] : t->money[i];
			else
				v = total ? total[c - 2] - total[c - 1] : t->money[i - 2] - t->money[i - 1];
			money_format(v, decimals, buf, sizeof buf);
			csv_out_number(out, buf);
			break;
		case 'n':
			if (!total)
				csv_out_number(out, t->cells[i]);
			else if (total_cells && total_cells[c])
				csv_out_number(out, total_cells[c]);
			break;
		default:
			if (!total)
				csv_out_text(out, t->cells[i]);
			else if (c == 0)
				csv_out_text(out, "total");
			else if ((int)c == t->currency_column)
				csv_out_text(out, currency);
		}
		fputs(c + 1 < t->columns ? "," : eol, out);
	}
}

int csv_table_write(struct csv_table *t, FILE *out, int decimals, const char *eol)
{
	const char **currencies;
	size_t n = table_currencies(t, &currencies), r, k;
	int64_t *totals = n ? calloc(n * t->columns, sizeof *totals) : NULL;

	if (!totals || allocate_per_currency(t, currencies, n, decimals, totals) < 0) {
		free(currencies);
		free(totals);
		return -1;
	}
	for (r = 0; r < t->columns; r++) {
		csv_out_text(out, t->names[r]);
		fputs(r + 1 < t->columns ? "," : eol, out);
	}
	for (r = 0; r < t->rows; r++)
		write_row(t, out, r, NULL, NULL, decimals, eol);
	for (k = 0; t->total_row && k < n; k++)
		write_row(t, out, 0, totals + k * t->columns, currencies[k], decimals, eol);
	free(currencies);
	free(totals);
	return 0;
}
