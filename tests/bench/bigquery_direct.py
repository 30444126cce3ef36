"""The same GoogleSQL queries straight on DuckDB, for scripts/bench.sh bigquery: the bench's
tables made again in a DuckDB database file of this process (same rows, same storage and engine
settings as rovd's BigQuery service), each query translated by the service's own code before the clock starts. Reads query
numbers on stdin and answers each with its milliseconds (execute and fetch every row). Two more
lines it answers with milliseconds: "read" (the events table through DuckDB's own Arrow export,
every record batch taken) and "storage ADDRESS TOKEN STREAMS" (the same table through rovd's
Storage Read API with Google's client: a session of up to STREAMS streams, read at once into
Arrow tables, as ray.data.read_bigquery's tasks do).

Usage: bigquery_direct.py SERVICE_DIR QUERIES_FILE ROWS, or --setup ROWS (the statements that
make the tables, one a line, which the bench sends to rovd)."""

import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import duckdb

PROJECT = "bench-project"


def main():
    sys.path.insert(0, sys.argv[1])
    from rovbq import sql as sqlmod
    queries = [line.rstrip("\n") for line in open(sys.argv[2]) if line.strip()]
    rows = int(sys.argv[3])
    # A database file, as the service keeps its tables: the same storage (compressed column
    # segments read through the buffer manager), so that the comparison is of what rovd adds,
    # not of an in-memory table against one on disk.
    scratch = tempfile.TemporaryDirectory(prefix="bigquery-direct-")
    db = duckdb.connect(os.path.join(scratch.name, "direct.duckdb"), config={"threads": 2})
    db.execute("SET TimeZone = 'UTC'")
    db.execute(f'CREATE SCHEMA "{PROJECT}.bench"')
    for statement in (setup_sql(rows)):
        db.execute(sqlmod.translate(statement, PROJECT).duck_sql)
    db.execute("CHECKPOINT")
    translated = [sqlmod.translate(query, PROJECT).duck_sql for query in queries]
    print("ready", flush=True)
    for line in sys.stdin:
        words = line.split()
        started = time.perf_counter()
        if words[0] == "read":
            rows = sum(batch.num_rows for batch in
                       db.execute(f'SELECT * FROM "{PROJECT}.bench".events').to_arrow_reader(65536))
        elif words[0] == "storage":
            rows = storage_read(*words[1:])
        else:
            db.execute(translated[int(words[0])]).fetchall()
            rows = 0
        print(f"{(time.perf_counter() - started) * 1000:.3f} {rows}", flush=True)


def storage_read(address, token, streams):
    from google.cloud import bigquery_storage
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "compat"))
    from google_bigquery import read_client  # the compatibility test's client, as a user writes it
    client = read_client(address, token)
    session = client.create_read_session(
        parent=f"projects/{PROJECT}",
        read_session=bigquery_storage.types.ReadSession(
            table=f"projects/{PROJECT}/datasets/bench/tables/events",
            data_format=bigquery_storage.types.DataFormat.ARROW),
        max_stream_count=int(streams))
    # One reader a stream at once, as Ray's read tasks take them.
    with ThreadPoolExecutor(max_workers=len(session.streams)) as pool:
        return sum(pool.map(lambda stream: client.read_rows(stream.name).to_arrow(session).num_rows,
                            session.streams))


def setup_sql(rows):
    return [
        "CREATE TABLE bench.events AS SELECT x AS id, MOD(x, 1000) AS user_id, MOD(x, 97) AS "
        "category, x * 0.5 AS amount, CONCAT('u', CAST(MOD(x, 5000) AS STRING)) AS name, "
        f"TIMESTAMP_SECONDS(1700000000 + x) AS ts FROM UNNEST(GENERATE_ARRAY(1, {rows})) AS x",
        "CREATE TABLE bench.users AS SELECT x AS user_id, CONCAT('r', CAST(MOD(x, 12) AS "
        "STRING)) AS region, IF(MOD(x, 5) = 0, 'gold', 'basic') AS tier FROM "
        "UNNEST(GENERATE_ARRAY(0, 999)) AS x",
    ]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--setup":  # the statements that make the tables
        print("\n".join(setup_sql(int(sys.argv[2]))))
    else:
        main()
