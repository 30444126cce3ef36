"""A Ray job for a local cluster, written as Google's documentation writes it for Ray on Vertex AI:
nothing in it names rovd. BigQuery's client finds its endpoint and credentials the way a Vertex
node does (the environment and the metadata server); Ray's and Vertex's read_bigquery read through
the Storage Read API, and write_bigquery loads Parquet into a new table.

Usage (as the entrypoint of a Ray job): ray_bigquery_job.py PROJECT. Prints "ray bigquery job:
every step passed" at the end; any failed step raises."""

import sys

import ray
from google.cloud import bigquery
from google.cloud.aiplatform import vertex_ray

PROJECT = sys.argv[1]
ROWS = 100000


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok:", what, flush=True)


def main():
    ray.init()
    client = bigquery.Client(project=PROJECT)
    client.create_dataset("raysrc", exists_ok=True)
    client.query(f"CREATE OR REPLACE TABLE raysrc.numbers AS SELECT x AS n, MOD(x, 7) AS k "
                 f"FROM UNNEST(GENERATE_ARRAY(1, {ROWS})) AS x").result()

    table = ray.data.read_bigquery(project_id=PROJECT, dataset="raysrc.numbers")
    check(table.count() == ROWS, "ray.data.read_bigquery reads a table")
    sums = vertex_ray.data.read_bigquery(
        project_id=PROJECT, query="SELECT k, SUM(n) AS total FROM raysrc.numbers GROUP BY k")
    rows = sorted(sums.take_all(), key=lambda row: row["k"])
    expected = [sum(x for x in range(1, ROWS + 1) if x % 7 == k) for k in range(7)]
    check([row["total"] for row in rows] == expected and isinstance(rows[0]["total"], int),
          "vertex_ray.data.read_bigquery reads a query's results")

    # Fewer, larger blocks: each block is one load job.
    threes = table.filter(lambda row: row["k"] == 3).map_batches(
        lambda batch: {"n": batch["n"] * 2, "k": batch["k"]}, batch_format="numpy").repartition(2)
    threes.write_bigquery(project_id=PROJECT, dataset="rayout.doubled")
    vertex_ray.data.write_bigquery(sums.repartition(1), project_id=PROJECT,
                                   dataset="rayout.by_k")
    back = list(client.query("SELECT COUNT(*) AS c, SUM(n) AS s FROM rayout.doubled").result())[0]
    check(back["c"] == len([x for x in range(1, ROWS + 1) if x % 7 == 3]) and
          back["s"] == 2 * expected[3], "Dataset.write_bigquery writes a table read back")
    check(client.get_table("rayout.by_k").num_rows == 7, "vertex_ray.data.write_bigquery")
    print("ray bigquery job: every step passed", flush=True)


if __name__ == "__main__":
    main()
