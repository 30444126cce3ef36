"""Google's own BigQuery client (google-cloud-bigquery, REST) against rovd, unchanged: datasets,
tables, streaming inserts, GoogleSQL queries with nested and repeated fields, parameters, a dry
run, paging, DML, CREATE TABLE AS SELECT, a Parquet load with autodetect, errors; and BigQuery's
Storage Read API (gRPC) as google-cloud-bigquery-storage calls it, and as google-cloud-bigquery
reads a query's results through it.

Usage: google_bigquery.py ROVD_URL READ_ADDRESS (the token in ROV_TOKEN; READ_ADDRESS: host:port of
the Storage Read API). Prints "bigquery client: every step passed" at the end; any failed step
raises."""

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


def read_client(address, token):
    """A Storage Read client for a plaintext local server: gRPC's local credentials carry the
    token as call credentials (the client's own default is TLS to bigquerystorage.googleapis.com,
    and it has no endpoint variable)."""
    import grpc
    from google.cloud import bigquery_storage
    from google.cloud.bigquery_storage_v1.services.big_query_read.transports.grpc import (
        BigQueryReadGrpcTransport)
    credentials = grpc.composite_channel_credentials(
        grpc.local_channel_credentials(grpc.LocalConnectionType.LOCAL_TCP),
        grpc.access_token_call_credentials(token))
    channel = grpc.secure_channel(address, credentials,
                                  options=[("grpc.max_receive_message_length", -1)])
    return bigquery_storage.BigQueryReadClient(transport=BigQueryReadGrpcTransport(channel=channel))


def storage_read(client, address, token):
    import pyarrow
    from google.cloud.bigquery_storage import types
    read = read_client(address, token)
    job = client.query("SELECT customer, ARRAY_AGG(id ORDER BY id) AS ids, STRUCT(SUM(amount) AS "
                       "total, COUNT(*) AS n) AS summary FROM shop.orders GROUP BY customer "
                       "ORDER BY customer")
    by_rest = [dict(row) for row in job.result()]
    arrow = job.result().to_arrow(bqstorage_client=read)
    check(arrow.num_rows == len(by_rest) >= 3 and
          arrow.column("customer").to_pylist() == [r["customer"] for r in by_rest] and
          arrow.column("ids").to_pylist() == [r["ids"] for r in by_rest] and
          arrow.column("summary").to_pylist()[0]["n"] == by_rest[0]["summary"]["n"] and
          str(arrow.schema.field("summary").type.field("n").type) == "int64",
          "google-cloud-bigquery reads a query's results through the Storage Read API (nested "
          "and repeated fields, INT64 as int64)")
    orders = f"projects/{PROJECT}/datasets/shop/tables/orders"
    session = read.create_read_session(
        parent=f"projects/{PROJECT}",
        read_session=types.ReadSession(
            table=orders, data_format=types.DataFormat.ARROW,
            read_options=types.ReadSession.TableReadOptions(
                selected_fields=["id", "customer"], row_restriction="paid AND id > 3")),
        max_stream_count=4)
    table = pyarrow.concat_tables([read.read_rows(s.name).to_arrow(session)
                                   for s in session.streams])
    expected = [r.id for r in client.query("SELECT id FROM shop.orders WHERE paid AND id > 3 "
                                           "ORDER BY id").result()]
    check(table.column_names == ["id", "customer"] and
          sorted(table.column("id").to_pylist()) == expected and len(expected) > 5,
          "a read session with selected fields and a row restriction")
    stream = session.streams[0].name
    whole = read.read_rows(stream).to_arrow(session).column("id").to_pylist()
    rest = read.read_rows(stream, offset=2).to_arrow(session).column("id").to_pylist()
    check(rest == whole[2:], "ReadRows resumes at an offset")
    split = read.split_read_stream(request={"name": stream, "fraction": 0.5})
    halves = [read.read_rows(s.name).to_arrow(session).column("id").to_pylist()
              for s in (split.primary_stream, split.remainder_stream) if s.name]
    check(sum(halves, []) == whole or not split.primary_stream.name, "SplitReadStream")
    for what, caller, wanted, table_name in [
            ("an unknown table is NOT_FOUND", read, exceptions.NotFound,
             f"projects/{PROJECT}/datasets/shop/tables/nope"),
            ("a token rovd does not know is UNAUTHENTICATED", read_client(address, "nope"),
             exceptions.Unauthenticated, orders)]:
        try:
            caller.create_read_session(parent=f"projects/{PROJECT}", read_session=types.ReadSession(
                table=table_name, data_format=types.DataFormat.ARROW))
            raise AssertionError(what + ": the session was created")
        except wanted:
            check(True, what)
    try:
        read.create_read_session(parent=f"projects/{PROJECT}", read_session=types.ReadSession(
            table=orders, data_format=types.DataFormat.ARROW,
            read_options=types.ReadSession.TableReadOptions(row_restriction="id >")))
        raise AssertionError("a bad row restriction was taken")
    except exceptions.InvalidArgument as error:
        check("row_restriction" in str(error), "a bad row restriction is INVALID_ARGUMENT, "
                                                "saying which field")


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
    storage_read(client, sys.argv[2], os.environ["ROV_TOKEN"])
    cleanup(client)
    print("bigquery client: every step passed", flush=True)


if __name__ == "__main__":
    main()
