/*
 * csv_table.h: a finance CSV table (cmd_export.c, summary_csv.c): cells as
 * text, money as nanos rounded per currency with the remainder allocated so
 * that every money column adds up exactly to its rounded total
 * (csv_out_allocate), and a total row per currency.
 */
#ifndef COSTLEDGER_CSV_TABLE_H
#define COSTLEDGER_CSV_TABLE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Column types: t text, n number as the ledger has it (unit
 * prices too: exact decimal text), m money (allocated;
 * empty where its cells[] entry is set: a project without a budget), d the
 * difference of the two money columns before it, x exact money. */
struct csv_table {
	const char *names[20];
	char types[21];
	size_t columns, rows, cap;
	char **cells;          /* rows x columns; NULL for money columns */
	int64_t *money;        /* rows x columns */
	int total_row;         /* a total row per currency */
	int currency_column;   /* the text column naming each row's currency, or -1 */
	/* The summary's totals of the n columns, as the report has them (n columns
	 * are not summed here), and m columns left empty: total_cells[k * columns
	 * + c] for the currency total_currencies[k]; NULL where there is none. */
	char **total_cells, **total_currencies;
	size_t total_count;
};

/* Appends an empty row (cells NULL, money 0); -1 when out of memory. */
int csv_table_add_row(struct csv_table *t);
void csv_table_free(struct csv_table *t);

/* The header, the rows and, with total_row, a total row per currency, the
 * money columns rounded to decimals and allocated; -1 when out of memory or
 * when the amounts do not fit. */
int csv_table_write(struct csv_table *t, FILE *out, int decimals, const char *eol);

#endif
