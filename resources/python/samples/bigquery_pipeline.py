"""BigQuery -> Ray -> BigQuery: makes a table of taxi trips with a query, reads it into Ray Data
(ray.data.read_bigquery, through the Storage Read API), works out each zone's trips, distance and
average fare per mile on the cluster's workers, and writes the summary to a new table
(Dataset.write_bigquery), which the Data page then shows under ray_samples.

The code is Ray on Vertex AI's: the project and the credentials come from the cluster (its
metadata server), BigQuery's address from the cluster's environment."""

import google.auth
import ray
from google.cloud import bigquery

DATASET = "ray_samples"
TRIPS = 200_000


def per_zone(batch):
    """One batch's trips per pickup zone: how many, how far, what they paid."""
    import pandas as pd

    frame = pd.DataFrame(batch)
    grouped = frame.groupby("zone").agg(trips=("miles", "size"), miles=("miles", "sum"),
                                        fares=("fare", "sum")).reset_index()
    return grouped


def main():
    ray.init()
    _, project = google.auth.default()
    client = bigquery.Client(project=project)
    client.create_dataset(DATASET, exists_ok=True)
    print(f"making {DATASET}.trips ({TRIPS:,} trips) in project {project}", flush=True)
    client.query(
        f"CREATE OR REPLACE TABLE {DATASET}.trips AS "
        f"SELECT x AS trip_id, CONCAT('zone-', CAST(MOD(x * 7, 12) AS STRING)) AS zone, "
        f"ROUND(0.5 + MOD(x * 13, 97) / 10, 1) AS miles, "
        f"ROUND(3 + MOD(x * 13, 97) / 10 * 2.5 + MOD(x, 5), 2) AS fare "
        f"FROM UNNEST(GENERATE_ARRAY(1, {TRIPS})) AS x").result()

    trips = ray.data.read_bigquery(project_id=project, dataset=f"{DATASET}.trips")
    partial = trips.map_batches(per_zone, batch_format="pandas")
    summary = partial.groupby("zone").sum(["trips", "miles", "fares"]).map(
        lambda row: {"zone": row["zone"], "trips": int(row["sum(trips)"]),
                     "miles": round(float(row["sum(miles)"]), 1),
                     "fare_per_mile": round(float(row["sum(fares)"]) / float(row["sum(miles)"]),
                                            3)})
    summary.repartition(1).write_bigquery(project_id=project,
                                          dataset=f"{DATASET}.zone_summary")

    rows = list(client.query(f"SELECT zone, trips, miles, fare_per_mile FROM "
                             f"{DATASET}.zone_summary ORDER BY zone").result())
    for row in rows:
        print(f"{row['zone']:>8}: {row['trips']:>6} trips, {row['miles']:>9} miles, "
              f"${row['fare_per_mile']:.3f} a mile")
    total = sum(row["trips"] for row in rows)
    print(f"wrote {DATASET}.zone_summary: {len(rows)} zones, {total:,} trips", flush=True)


if __name__ == "__main__":
    main()
