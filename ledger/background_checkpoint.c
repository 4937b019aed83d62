/* background_checkpoint.c: see background_checkpoint.h. */
#include "background_checkpoint.h"

#include "ledger.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

struct background_checkpoint {
	pthread_t thread;
	int started;
	char *path;
	int synced;            /* 0, or the errno of syncing the WAL */
};

static void *run(void *arg)
{
	struct background_checkpoint *c = arg;
	sqlite3 *db = NULL;

	c->synced = ledger_sync_wal(c->path);
	if (sqlite3_open_v2(c->path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(db, 10000);
		/* A connection learns that the file is in WAL mode when it first
		 * reads it; before that a checkpoint is a no-op. */
		sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
		sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		/* The writer's connection stays open; this one must not try to
		 * checkpoint and delete the WAL as the last one out. */
		sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	}
	sqlite3_close(db);
	return NULL;
}

struct background_checkpoint *background_checkpoint_start(const char *path)
{
	struct background_checkpoint *c = calloc(1, sizeof *c);

	if (!c || !(c->path = strdup(path))) {
		free(c);
		return NULL;
	}
	c->started = pthread_create(&c->thread, NULL, run, c) == 0;
	if (!c->started)
		c->synced = ledger_sync_wal(c->path);
	return c;
}

int background_checkpoint_wait(struct background_checkpoint *c)
{
	int synced;

	if (!c)
		return -1;
	if (c->started)
		pthread_join(c->thread, NULL);
	synced = c->synced;
	free(c->path);
	free(c);
	return synced;
}
