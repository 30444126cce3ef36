"""One transaction: committed when its block ends, rolled back when the block raises."""

import contextlib


@contextlib.contextmanager
def transaction(cur, writer=None):
    """BEGIN on `cur` (under the writer lock when one is given), COMMIT at the end of the block,
    ROLLBACK when it raises, the block's error then going on as it was."""
    with writer if writer is not None else contextlib.nullcontext():
        cur.execute("BEGIN")
        try:
            yield cur
        except BaseException:
            try:
                cur.execute("ROLLBACK")
            except Exception:  # an interrupted connection has rolled back already
                pass
            raise
        cur.execute("COMMIT")
