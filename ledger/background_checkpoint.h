/*
 * background_checkpoint.h: a WAL checkpoint on a thread of its own.
 *
 * After a large import commits, its pages are in the WAL and must be copied
 * into the ledger file; the copy takes as long as building the indexes the
 * import deferred (bulk_index.c). A PASSIVE checkpoint from a second
 * connection runs beside the writer, so the two overlap. It copies what was
 * committed when it started and never waits for, or blocks, the writer.
 */
#ifndef COSTLEDGER_BACKGROUND_CHECKPOINT_H
#define COSTLEDGER_BACKGROUND_CHECKPOINT_H

struct background_checkpoint;

/* Starts checkpointing the WAL of the ledger at `path`. NULL when no thread
 * could be started: the writer's own checkpoint then does the copy. */
struct background_checkpoint *background_checkpoint_start(const char *path);

/* Waits for the checkpoint to end and frees it; NULL does nothing. The
 * checkpoint's own errors are not reported: a copy it did not make stays in
 * the WAL for the next checkpoint, which is all a PASSIVE one promises. */
void background_checkpoint_wait(struct background_checkpoint *checkpoint);

#endif
