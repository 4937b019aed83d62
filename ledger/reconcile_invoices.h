/*
 * reconcile_invoices.h: the invoice side of a month's reconciliation: the
 * findings of the view invoice_check, and whether the month is final (every
 * charge has an invoice id, view month_status) or still estimated.
 */
#ifndef COSTLEDGER_RECONCILE_INVOICES_H
#define COSTLEDGER_RECONCILE_INVOICES_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Stores run_id's invoice findings for month ("YYYY-MM", the invoices'
 * billing period) and provider (NULL: all) whose |difference| is above
 * tolerance; adds how many to *stored.
 */
int reconcile_invoices(sqlite3 *db, sqlite3_int64 run_id, const char *month, const char *provider,
		       int64_t tolerance, long *stored);

/*
 * "final", "estimated: N of M charges have no invoice id" or "no charges",
 * for month and provider (NULL: all). Returns SQLITE_OK.
 */
int month_status_text(sqlite3 *db, const char *month, const char *provider, char *buf, size_t size);

#endif
