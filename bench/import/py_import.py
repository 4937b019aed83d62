#!/usr/bin/python3
"""py_import.py DB FILE.csv: the plain-Python baseline for bench/import.sh.

csv.reader + sqlite3: a fresh table with every header column as TEXT,
executemany of all rows in one transaction. No parsing, keys or indexes.
"""
import csv
import sqlite3
import sys


def main():
    db_path, csv_path = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(db_path, isolation_level=None)
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        header = next(rows)
        cols = ", ".join('"%s" TEXT' % h.replace('"', '""') for h in header)
        db.execute("CREATE TABLE t (%s)" % cols)
        insert = "INSERT INTO t VALUES (%s)" % ", ".join("?" * len(header))
        db.execute("BEGIN")
        db.executemany(insert, rows)
        db.execute("COMMIT")
    db.close()


if __name__ == "__main__":
    main()
