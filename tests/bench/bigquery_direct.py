"""The same GoogleSQL queries straight on DuckDB, for scripts/bench.sh bigquery: the bench's
tables made again in a DuckDB of this process (same rows, same engine settings as rovd's BigQuery
service), each query translated by the service's own code before the clock starts. Reads query
numbers on stdin and answers each with its milliseconds (execute and fetch every row).

Usage: bigquery_direct.py SERVICE_DIR QUERIES_FILE ROWS, or --setup ROWS (the statements that
make the tables, one a line, which the bench sends to rovd)."""

import sys
import time

import duckdb

PROJECT = "bench-project"


def main():
    sys.path.insert(0, sys.argv[1])
    from rovbq import sql as sqlmod
    queries = [line.rstrip("\n") for line in open(sys.argv[2]) if line.strip()]
    rows = int(sys.argv[3])
    db = duckdb.connect(config={"threads": 2})
    db.execute("SET TimeZone = 'UTC'")
    db.execute(f'CREATE SCHEMA "{PROJECT}.bench"')
    for statement in (setup_sql(rows)):
        db.execute(sqlmod.translate(statement, PROJECT).duck_sql)
    translated = [sqlmod.translate(query, PROJECT).duck_sql for query in queries]
    print("ready", flush=True)
    for line in sys.stdin:
        index = int(line)
        started = time.perf_counter()
        db.execute(translated[index]).fetchall()
        print(f"{(time.perf_counter() - started) * 1000:.3f}", flush=True)


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
