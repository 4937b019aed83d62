/*
 * background_checkpoint.h: makes a commit durable and checkpoints it, on a
 * thread of its own.
 *
 * After a large import commits, its pages are in the WAL and must be copied
 * into the ledger file; the copy takes as long as building the indexes the
 * import deferred (bulk_index.c). A PASSIVE checkpoint from a second
 * connection runs beside the writer, so the two overlap. It copies what was
 * committed when it started and never waits for, or blocks, the writer.
 *
 * The import commits its rows with synchronous=NORMAL, which leaves the
 * WAL's fsync to whoever wants durability; this thread does it first,
 * beside the index build too, and background_checkpoint_wait() reports it.
 */
#ifndef COSTLEDGER_BACKGROUND_CHECKPOINT_H
#define COSTLEDGER_BACKGROUND_CHECKPOINT_H

struct background_checkpoint;

/* Starts syncing and checkpointing the WAL of the ledger at `path`. When no
 * thread can be had, syncs here and leaves the copy to the writer's own
 * checkpoint. NULL only when out of memory (then nothing was synced). */
struct background_checkpoint *background_checkpoint_start(const char *path);

/* Waits for the thread and frees it. Returns 0 when the WAL reached the
 * disk, else an errno value (and -1 for NULL). The checkpoint's own errors
 * are not reported: a copy it did not make stays in the WAL for the next
 * checkpoint, which is all a PASSIVE one promises. */
int background_checkpoint_wait(struct background_checkpoint *checkpoint);

#endif
