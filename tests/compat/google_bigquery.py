"""Google's own BigQuery client (google-cloud-bigquery, REST) against rovd, unchanged: datasets,
tables, streaming inserts, GoogleSQL queries with nested and repeated fields, parameters, a dry
run, paging, DML, CREATE TABLE AS SELECT, a Parquet load with autodetect, errors.

Usage: google_bigquery.py ROVD_URL (the token in ROV_TOKEN). Prints "bigquery client: every step
passed" at the end; any failed step raises."""

import datetime
import decimal
import io
import os
import sys

from google.api_core import exceptions
from google.cloud import bigquery
from google.oauth2.credentials import Credentials

PROJECT = "local-project"


def client_for(url, token):
    return bigquery.Client(project=PROJECT, credentials=Credentials(token=token),
                           client_options={"api_endpoint": url})


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok:", what, flush=True)


def datasets_and_tables(client):
    dataset = bigquery.Dataset(f"{PROJECT}.shop")
    dataset.labels = {"team": "analytics"}
    dataset.description = "orders"
    made = client.create_dataset(dataset)
    check(made.dataset_id == "shop" and made.labels == {"team": "analytics"}, "create a dataset")
    try:
        client.create_dataset(dataset)
        raise AssertionError("a second create_dataset succeeded")
    except exceptions.Conflict as error:
        check("Already Exists" in str(error), "a duplicate dataset is 409 Already Exists")
    client.create_dataset(dataset, exists_ok=True)
    check("shop" in [d.dataset_id for d in client.list_datasets()], "list datasets")
    made.description = "all orders"
    client.update_dataset(made, ["description"])
    check(client.get_dataset("shop").description == "all orders", "patch a dataset")
    made = client.get_dataset("shop")
    made.labels["team"] = None
    made.labels["stage"] = "test"
    client.update_dataset(made, ["labels"])
    check(client.get_dataset("shop").labels == {"stage": "test"},
          "a label patched to null is removed, a new one added")
    schema = [
        bigquery.SchemaField("id", "INT64", mode="REQUIRED", description="the order"),
        bigquery.SchemaField("customer", "STRING"),
        bigquery.SchemaField("amount", "NUMERIC"),
        bigquery.SchemaField("price", "FLOAT64"),
        bigquery.SchemaField("paid", "BOOL"),
        bigquery.SchemaField("placed", "TIMESTAMP"),
        bigquery.SchemaField("day", "DATE"),
        bigquery.SchemaField("tags", "STRING", mode="REPEATED"),
        bigquery.SchemaField("address", "RECORD", fields=[
            bigquery.SchemaField("city", "STRING"), bigquery.SchemaField("zip", "INT64")]),
    ]
    table = client.create_table(bigquery.Table(f"{PROJECT}.shop.orders", schema=schema))
    got = client.get_table("shop.orders")
    check([f.name for f in got.schema] == [f.name for f in schema] and
          got.schema[0].mode == "REQUIRED" and got.schema[0].description == "the order" and
          got.schema[7].mode == "REPEATED" and got.schema[8].field_type == "RECORD",
          "create a table; its schema comes back with modes, descriptions and a RECORD")
    return table


def streaming(client, table):
    rows = [{"id": i, "customer": f"c{i % 3}", "amount": str(decimal.Decimal(i) / 4),
             "price": i * 1.5, "paid": i % 2 == 0, "placed": f"2026-01-0{1 + i % 9}T10:00:00Z",
             "day": f"2026-01-0{1 + i % 9}", "tags": ["a", "b"][: i % 3],
             "address": {"city": "Paris" if i % 2 else "Lyon", "zip": 75000 + i}}
            for i in range(1, 31)]
    errors = client.insert_rows_json(table, rows, row_ids=[f"r{r['id']}" for r in rows])
    check(errors == [], "insertAll of 30 rows")
    client.insert_rows_json(table, rows[:5], row_ids=[f"r{r['id']}" for r in rows[:5]])
    check(client.get_table(table).num_rows == 30, "a retried insertAll (same insertIds) adds "
                                                   "nothing")
    bad = client.insert_rows_json(table, [{"id": 99}, {"id": "x"}, {"nope": 1, "id": 100}])
    check(len(bad) == 3 and bad[1]["errors"][0]["reason"] == "invalid" and
          bad[0]["errors"][0]["reason"] == "stopped" and client.get_table(table).num_rows == 30,
          "insertAll with bad rows: errors per row, nothing inserted")
    partial = client.insert_rows_json(table, [{"id": 31}, {"id": "y"}], skip_invalid_rows=True)
    check(len(partial) == 1 and partial[0]["index"] == 1 and
          client.get_table(table).num_rows == 31, "skipInvalidRows inserts the good rows")
    listed = list(client.list_rows(table, max_results=5))
    check(len(listed) == 5 and listed[0]["id"] == 1 and listed[0]["address"]["city"] == "Paris"
          and isinstance(listed[0]["placed"], datetime.datetime), "tabledata.list")
    pages = client.list_rows(table, page_size=7)
    check(sum(1 for _ in pages) == 31 and pages.num_results == 31, "tabledata.list in pages")


def queries(client):
    job = client.query("SELECT customer, COUNT(*) AS n, SUM(amount) AS total, "
                       "ARRAY_AGG(id ORDER BY id LIMIT 2) AS first_ids, "
                       "STRUCT(MIN(day) AS first, MAX(day) AS last) AS days "
                       "FROM shop.orders WHERE paid GROUP BY customer ORDER BY customer")
    rows = list(job.result())
    check(len(rows) == 3 and rows[0]["customer"] == "c0" and rows[0]["first_ids"] == [6, 12] and
          isinstance(rows[0]["total"], decimal.Decimal) and
          isinstance(rows[0]["days"]["first"], datetime.date),
          "a GoogleSQL query with ARRAY_AGG and STRUCT")
    check(job.total_bytes_processed > 0 and job.statement_type == "SELECT", "job statistics")
    params = client.query(
        "SELECT id FROM `local-project.shop.orders` WHERE customer = @who AND id > @low "
        "AND id IN UNNEST(@ids) ORDER BY id",
        job_config=bigquery.QueryJobConfig(query_parameters=[
            bigquery.ScalarQueryParameter("who", "STRING", "c1"),
            bigquery.ScalarQueryParameter("low", "INT64", 3),
            bigquery.ArrayQueryParameter("ids", "INT64", [4, 7, 10, 13])])).result()
    check([r.id for r in params] == [4, 7, 10, 13], "named and array parameters")
    positional = client.query("SELECT COUNT(*) AS n FROM shop.orders WHERE id < ?",
                              job_config=bigquery.QueryJobConfig(query_parameters=[
                                  bigquery.ScalarQueryParameter(None, "INT64", 10)])).result()
    check(next(iter(positional)).n == 9, "a positional parameter")
    dry = client.query("SELECT id FROM shop.orders",
                       job_config=bigquery.QueryJobConfig(dry_run=True))
    wide = client.query("SELECT * FROM shop.orders",
                        job_config=bigquery.QueryJobConfig(dry_run=True))
    check(dry.total_bytes_processed == 31 * 8 and
          wide.total_bytes_processed > dry.total_bytes_processed,
          "a dry run counts the columns the query reads (id alone: 31 x 8 bytes)")
    page = client.query("SELECT id FROM shop.orders ORDER BY id").result(page_size=10)
    check([r.id for r in page] == list(range(1, 32)), "query results in pages")
    waited = client.query_and_wait("SELECT 1 + 1 AS two")
    check(next(iter(waited)).two == 2, "jobs.query (query_and_wait)")
    dml = client.query("UPDATE shop.orders SET paid = TRUE WHERE id <= 4")
    dml.result()
    check(dml.num_dml_affected_rows == 4, "DML: numDmlAffectedRows")
    ctas = client.query("CREATE TABLE shop.by_city AS SELECT address.city AS city, COUNT(*) AS n "
                        "FROM shop.orders GROUP BY city")
    ctas.result()
    # The row streamed without an address groups under a NULL city.
    check(client.get_table("shop.by_city").num_rows == 3, "CREATE TABLE AS SELECT")
    unnamed = client.query("SELECT COUNT(*), MAX(id) AS top, 1 + 1 FROM shop.orders").result()
    check([f.name for f in unnamed.schema] == ["f0_", "top", "f1_"],
          "unnamed result columns are f0_, f1_ as in BigQuery")
    destination = bigquery.QueryJobConfig(destination=f"{PROJECT}.shop.top",
                                          write_disposition="WRITE_TRUNCATE")
    client.query("SELECT id FROM shop.orders WHERE id > 25", job_config=destination).result()
    check(client.get_table("shop.top").num_rows == 6, "a query with a destination table")
    try:
        client.query("SELECT id FROM shop.orders WHERE").result()
        raise AssertionError("a bad query succeeded")
    except exceptions.BadRequest as error:
        check("Syntax error" in str(error) and "[1:" in str(error), "a bad query is 400 with "
                                                                    "its line and column")
    try:
        client.query("SELECT nope FROM shop.orders").result()
        raise AssertionError("a query of a missing column succeeded")
    except exceptions.BadRequest as error:
        check("nope" in str(error), "a missing column is a 400 that names it")
    try:
        client.query("SELECT 1 FROM shop.missing").result()
        raise AssertionError("a query of a missing table succeeded")
    except exceptions.NotFound as error:
        check("shop.missing" in str(error), "a missing table is 404")
    jobs = list(client.list_jobs(max_results=5))
    check(len(jobs) == 5, "jobs.list")


def loads(client):
    import duckdb
    buffer = io.BytesIO()
    path = "/tmp/rov-bq-load-%d.parquet" % os.getpid()
    duckdb.sql("COPY (SELECT range AS n, 'x' || range AS label FROM range(1000)) TO "
               f"'{path}' (FORMAT parquet)")
    with open(path, "rb") as stream:
        buffer.write(stream.read())
    os.unlink(path)
    buffer.seek(0)
    config = bigquery.LoadJobConfig(source_format=bigquery.SourceFormat.PARQUET, autodetect=True)
    job = client.load_table_from_file(buffer, f"{PROJECT}.shop.loaded", job_config=config)
    job.result()
    table = client.get_table("shop.loaded")
    check(table.num_rows == 1000 and [f.name for f in table.schema] == ["n", "label"],
          "a Parquet load with autodetect (resumable upload) makes a new table")
    csv = io.BytesIO(b"name,score\nann,3\nbob,5\n")
    config = bigquery.LoadJobConfig(source_format=bigquery.SourceFormat.CSV, skip_leading_rows=1,
                                    schema=[bigquery.SchemaField("name", "STRING"),
                                            bigquery.SchemaField("score", "INT64")])
    client.load_table_from_file(csv, f"{PROJECT}.shop.scores", job_config=config).result()
    check(client.get_table("shop.scores").num_rows == 2, "a CSV load with a schema")


def cleanup(client):
    try:
        client.delete_dataset("shop")
        raise AssertionError("deleting a dataset with tables succeeded")
    except exceptions.BadRequest as error:
        check("deleteContents" in str(error), "a dataset with tables is kept without "
                                              "deleteContents")
    client.delete_table("shop.top")
    check("top" not in [t.table_id for t in client.list_tables("shop")], "delete a table")
    client.delete_dataset("shop", delete_contents=True)
    try:
        client.get_dataset("shop")
        raise AssertionError("a deleted dataset was found")
    except exceptions.NotFound:
        check(True, "delete a dataset with its contents")


def main():
    client = client_for(sys.argv[1], os.environ["ROV_TOKEN"])
    table = datasets_and_tables(client)
    streaming(client, table)
    queries(client)
    loads(client)
    cleanup(client)
    print("bigquery client: every step passed", flush=True)


if __name__ == "__main__":
    main()
