"""The BigQuery Storage Read API (gRPC google.cloud.bigquery.storage.v1.BigQueryRead) on DuckDB.

What ray.data.read_bigquery and BigQuery's own clients call: CreateReadSession (ARROW, selected
fields, a row restriction in GoogleSQL, up to max_stream_count streams), ReadRows (the Arrow schema
in the first response, record batches after it, resumable at an offset) and SplitReadStream.

A stream is a range of the table's DuckDB row ids, read in insertion order, so a stream's rows come
in the same order every time and an offset means the same rows on a retry. Sessions live in memory
for six hours, as BigQuery's do; a restarted service has none (a read then says to create a new
session).

It listens on 127.0.0.1 only, with gRPC's local credentials (so that clients may send their token
as call credentials, which gRPC sends only on a channel it deems secure), and it takes no token on
trust: the first call for a table asks rovd for that table with the caller's token (tables.get
through rovd's own roles), and the answer holds for a minute."""

import hashlib
import http.client
import json
import threading
import time
import traceback
import urllib.parse
import uuid
from concurrent import futures

import grpc
import sqlglot
from google.cloud.bigquery_storage_v1 import types
from google.protobuf import timestamp_pb2
from sqlglot import exp

from . import sql as sqlmod
from .errors import BqError
from .types import quote

SERVICE = "google.cloud.bigquery.storage.v1.BigQueryRead"
SESSION_LIFE_S = 6 * 3600
AUTH_LIFE_S = 60
DEFAULT_STREAMS = 8          # when the caller leaves max_stream_count at 0
MAX_STREAMS = 1000           # BigQuery's own limit
ROWS_PER_STREAM_AT_LEAST = 65536  # a small table is one stream, not a thousand tiny ones
ROWS_PER_BATCH = 65536
# BigQuery's scalar types whose DuckDB column may be wider or narrower than the Arrow type
# BigQuery sends: INTEGER is int64, FLOAT double, STRING utf8.
CASTS = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}

ReadSession = types.ReadSession.pb()
ReadStream = types.ReadStream.pb()
ReadRowsResponse = types.ReadRowsResponse.pb()
SplitReadStreamResponse = types.SplitReadStreamResponse.pb()
ARROW = types.DataFormat.ARROW.value
AVRO = types.DataFormat.AVRO.value


class ReadError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def _table_path(name):
    """(project, dataset, table) of "projects/P/datasets/D/tables/T"."""
    parts = str(name).split("/")
    if len(parts) != 6 or parts[0] != "projects" or parts[2] != "datasets" or \
            parts[4] != "tables" or not all(parts[1::2]):
        raise ReadError(grpc.StatusCode.INVALID_ARGUMENT,
                        f"read_session.table must be projects/PROJECT/datasets/DATASET/tables/"
                        f"TABLE, not \"{str(name)[:200]}\"")
    if "@" in parts[5] or "$" in parts[5]:
        raise ReadError(grpc.StatusCode.INVALID_ARGUMENT,
                        "Table decorators (snapshots, partitions) are not supported by rovd's "
                        "Storage Read API")
    return parts[1], parts[3], parts[5]


def restriction_sql(text):
    """A row restriction (a GoogleSQL boolean expression over the table's columns) in DuckDB's
    dialect. It may name columns and use functions; it may not read other tables."""
    if not text.strip():
        return None
    try:
        tree = sqlglot.parse_one(text, read="bigquery")
    except sqlglot.errors.ParseError as error:
        first = error.errors[0] if error.errors else {}
        words = str(first.get("description", "it does not parse")).split(" for <class")[0]
        raise ReadError(grpc.StatusCode.INVALID_ARGUMENT,
                        f"row_restriction is not a GoogleSQL condition: {words[:200]} at "
                        f"[{first.get('line', 1)}:{first.get('col', 1)}]") from None
    except sqlglot.errors.SqlglotError as error:
        raise ReadError(grpc.StatusCode.INVALID_ARGUMENT,
                        f"row_restriction is not a GoogleSQL condition: {str(error)[:300]}") \
            from None
    if tree is None or tree.find(exp.Select, exp.Table, exp.Query) is not None or \
            isinstance(tree, (exp.Command, exp.DDL, exp.DML)):
        raise ReadError(grpc.StatusCode.INVALID_ARGUMENT,
                        "row_restriction must be a condition on the table's own columns")
    return tree.sql(dialect="duckdb")


class Authorizer:
    """Asks rovd whether a token may read a table (tables.get through rovd's roles)."""

    def __init__(self, rovd_base):
        self.base = urllib.parse.urlsplit(rovd_base) if rovd_base else None
        self.lock = threading.Lock()
        self.granted = {}  # (sha256 of the token, project, dataset, table) -> until

    def check(self, token, project, dataset, table):
        if not token:
            raise ReadError(grpc.StatusCode.UNAUTHENTICATED,
                            "Send rovd's token as the call's authorization metadata "
                            "(authorization: Bearer TOKEN)")
        key = (hashlib.sha256(token.encode()).hexdigest(), project, dataset, table)
        with self.lock:
            if self.granted.get(key, 0) > time.monotonic():
                return
        status, reason = self._ask(token, project, dataset, table)
        if status == 200:
            with self.lock:
                self.granted[key] = time.monotonic() + AUTH_LIFE_S
            return
        codes = {401: grpc.StatusCode.UNAUTHENTICATED, 403: grpc.StatusCode.PERMISSION_DENIED,
                 404: grpc.StatusCode.NOT_FOUND, 400: grpc.StatusCode.INVALID_ARGUMENT}
        raise ReadError(codes.get(status, grpc.StatusCode.UNAVAILABLE), reason)

    def _ask(self, token, project, dataset, table):
        if self.base is None:
            return 503, "rovd's address is not known to its BigQuery service"
        path = "/bigquery/v2/projects/{}/datasets/{}/tables/{}?fields=id".format(
            *(urllib.parse.quote(p, safe="") for p in (project, dataset, table)))
        connection = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=30)
        try:
            connection.request("GET", path, headers={"Authorization": f"Bearer {token}"})
            answer = connection.getresponse()
            body = answer.read()
        except OSError as error:
            return 503, f"rovd did not answer ({error}); try again"
        finally:
            connection.close()
        try:
            message = json.loads(body)["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = f"rovd answered HTTP {answer.status}"
        return answer.status, message


class Session:
    def __init__(self, name, target, columns, where, schema, expire):
        self.name = name
        self.target = target
        self.columns = columns
        self.where = where
        self.schema = schema          # the Arrow schema, serialized (IPC)
        self.expire = expire
        self.streams = {}             # stream name -> [first row id, end row id)


class ReadApi:
    def __init__(self, db, catalog, rovd_base):
        self.db = db
        self.catalog = catalog
        self.auth = Authorizer(rovd_base)
        self.lock = threading.Lock()  # guards the sessions dict; never held across a read
        self.sessions = {}

    # ---- the three calls ----

    def create_read_session(self, request, context):
        token = _token(context)
        wanted = request.read_session
        if wanted.data_format == AVRO:
            raise ReadError(grpc.StatusCode.INVALID_ARGUMENT,
                            "rovd's Storage Read API serves ARROW; set data_format to ARROW")
        project, dataset, table = _table_path(wanted.table)
        if request.parent and request.parent != f"projects/{project}" and \
                not request.parent.startswith("projects/"):
            raise ReadError(grpc.StatusCode.INVALID_ARGUMENT, "parent must be projects/PROJECT")
        self.auth.check(token, project, dataset, table)
        cur = self.db.cursor()
        kind = self._kind(cur, project, dataset, table)
        if kind != "TABLE":
            raise ReadError(grpc.StatusCode.INVALID_ARGUMENT,
                            f"{project}:{dataset}.{table} is a view; the Storage Read API reads "
                            f"tables (query the view into a table first)")
        name = sqlmod.duck_quote_table(project, dataset, table)
        fields = self.catalog.fields(cur, project, dataset, table)
        duck_types = {column[0]: str(column[1]).upper() for column in
                      cur.execute(f"SELECT * FROM {name} LIMIT 0").description}
        columns = self._columns(fields, duck_types, list(wanted.read_options.selected_fields))
        where = restriction_sql(wanted.read_options.row_restriction)
        try:
            schema = cur.execute(f"SELECT {columns} FROM {name} {_where(where)} LIMIT 0") \
                .arrow().schema
            low, high, rows = cur.execute(
                f"SELECT min(rowid), max(rowid), count(*) FROM {name} {_where(where)}").fetchone()
        except Exception as error:  # a restriction that names no column, or types that clash
            raise ReadError(grpc.StatusCode.INVALID_ARGUMENT,
                            f"row_restriction: {str(error).splitlines()[0][:300]}") from None
        expire = time.time() + SESSION_LIFE_S
        session = Session(f"projects/{project}/locations/US/sessions/{uuid.uuid4().hex}",
                          (project, dataset, table), columns, where,
                          schema.serialize().to_pybytes(), expire)
        count = request.max_stream_count or DEFAULT_STREAMS
        count = max(1, min(count, MAX_STREAMS, -(-rows // ROWS_PER_STREAM_AT_LEAST)))
        low, high = (low or 0), (high + 1 if high is not None else 0)
        step = -(-(high - low) // count) if high > low else 1
        for index in range(count):
            start = low + index * step
            session.streams[f"{session.name}/streams/{index}"] = [start,
                                                                  min(high, start + step)]
        with self.lock:
            now = time.time()
            self.sessions = {k: v for k, v in self.sessions.items() if v.expire > now}
            self.sessions[session.name] = session
        answer = ReadSession()
        answer.name = session.name
        answer.expire_time.CopyFrom(timestamp_pb2.Timestamp(seconds=int(expire)))
        answer.data_format = ARROW
        answer.arrow_schema.serialized_schema = session.schema
        answer.table = wanted.table
        answer.read_options.CopyFrom(wanted.read_options)
        for stream in session.streams:
            answer.streams.add().name = stream
        answer.estimated_row_count = rows
        answer.estimated_total_bytes_scanned = self._bytes(cur, session)
        return answer

    def read_rows(self, request, context):
        token = _token(context)
        session, first, end = self._stream(request.read_stream)
        self.auth.check(token, *session.target)
        if request.offset < 0:
            raise ReadError(grpc.StatusCode.INVALID_ARGUMENT, "offset must not be negative")
        cur = self.db.cursor()
        name = sqlmod.duck_quote_table(*session.target)
        condition = f"rowid >= {int(first)} AND rowid < {int(end)}"
        if session.where:
            condition += f" AND ({session.where})"
        # Progress is measured against the stream's row-id range: exact for a table read whole
        # (counting the rows first would read the stream twice), an estimate under a
        # row_restriction, as BigQuery's own progress is.
        total = max(0, int(end) - int(first))
        try:
            # No ORDER BY: DuckDB keeps insertion order (preserve_insertion_order), so an
            # offset names the same rows on every read without sorting the stream.
            reader = cur.execute(f"SELECT {session.columns} FROM {name} WHERE {condition} "
                                 f"OFFSET {int(request.offset)}").to_arrow_reader(ROWS_PER_BATCH)
        except Exception as error:  # the table was dropped or changed since the session began
            raise ReadError(grpc.StatusCode.FAILED_PRECONDITION,
                            f"The table changed since the read session was created: "
                            f"{str(error).splitlines()[0][:300]}") from None
        done = int(request.offset)
        sent_schema = False
        for batch in reader:
            if not context.is_active():
                return
            yield self._response(batch.num_rows, batch.serialize(), done,
                                 total, None if sent_schema else session.schema)
            done += batch.num_rows
            sent_schema = True
        if not sent_schema:  # an empty stream still says its schema
            yield self._response(0, b"", done, total, session.schema)

    def split_read_stream(self, request, context):
        _token(context)
        session, first, end = self._stream(request.name)
        answer = SplitReadStreamResponse()
        if not 0.0 < request.fraction < 1.0:
            raise ReadError(grpc.StatusCode.INVALID_ARGUMENT,
                            "fraction must be between 0 and 1, both excluded")
        middle = first + int((end - first) * request.fraction)
        if middle <= first or middle >= end:
            return answer  # too small to split: no streams, as BigQuery answers
        primary, remainder = f"{request.name}.0", f"{request.name}.1"
        with self.lock:
            session.streams[request.name] = [first, middle]
            session.streams[primary] = [first, middle]
            session.streams[remainder] = [middle, end]
        answer.primary_stream.name = primary
        answer.remainder_stream.name = remainder
        return answer

    # ---- helpers ----

    def _kind(self, cur, project, dataset, table):
        try:
            return self.catalog.require_table(cur, project, dataset, table)
        except BqError as error:
            raise ReadError(grpc.StatusCode.NOT_FOUND, error.message) from None

    @staticmethod
    def _columns(fields, duck_types, selected):
        """The SELECT list: the chosen columns, each in the Arrow type BigQuery gives its type
        (a SUM of INT64 is DuckDB's HUGEINT, which Arrow would carry as a DECIMAL)."""
        kinds = {f["name"]: f["type"] for f in fields if f.get("mode") != "REPEATED"}

        def expression(column):
            wanted = CASTS.get(kinds.get(column))
            if wanted and duck_types.get(column) != wanted:
                return f"CAST({quote(column)} AS {wanted}) AS {quote(column)}"
            return quote(column)

        names = [f["name"] for f in fields]
        if not selected:
            return ", ".join(expression(f) for f in names)
        known = {f.lower(): f for f in names}
        chosen = []
        for name in selected:
            top = known.get(name.split(".")[0].lower())
            if top is None:
                raise ReadError(grpc.StatusCode.INVALID_ARGUMENT,
                                f"selected_fields: the table has no field \"{name[:200]}\"")
            if "." in name:
                raise ReadError(grpc.StatusCode.INVALID_ARGUMENT,
                                f"selected_fields: \"{name[:200]}\" names a nested field; select "
                                f"its top-level field")
            if top not in chosen:
                chosen.append(top)
        return ", ".join(expression(f) for f in chosen)

    def _bytes(self, cur, session):
        sizes = self.catalog.column_bytes(cur, *session.target)
        return sum(size for column, size in sizes.items()
                   if quote(column) in session.columns)

    def _stream(self, name):
        with self.lock:
            session = self.sessions.get(str(name).rsplit("/streams/", 1)[0])
            bounds = session.streams.get(name) if session else None
        if session is None or session.expire < time.time():
            raise ReadError(grpc.StatusCode.NOT_FOUND,
                            f"No read session has the stream \"{str(name)[:200]}\": it expired or "
                            f"rovd's BigQuery service restarted since; create a new read session")
        if bounds is None:
            raise ReadError(grpc.StatusCode.NOT_FOUND, f"No stream \"{str(name)[:200]}\"")
        return session, bounds[0], bounds[1]

    @staticmethod
    def _response(rows, batch, done, total, schema):
        """A ReadRowsResponse, encoded. The record batch (megabytes) is written into the answer
        once, from Arrow's own buffer: a protobuf message would copy it in and copy it out again.
        A message is the concatenation of its fields, so the rest is encoded by protobuf and the
        batch's field (arrow_record_batch = 4: serialized_record_batch = 1, row_count = 2) added
        after it."""
        response = ReadRowsResponse()
        response.row_count = rows
        if total:
            response.stats.progress.at_response_start = min(1.0, done / total)
            response.stats.progress.at_response_end = min(1.0, (done + rows) / total)
        if schema is not None:
            response.arrow_schema.serialized_schema = schema
        inner_head = b"\x0a" + _varint(len(batch))
        inner_tail = b"\x10" + _varint(rows)
        size = len(inner_head) + len(batch) + len(inner_tail)
        return b"".join((response.SerializeToString(), b"\x22", _varint(size), inner_head,
                         memoryview(batch), inner_tail))


def _varint(number):
    out = bytearray()
    while True:
        low = number & 0x7F
        number >>= 7
        if number:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def _where(condition):
    return f"WHERE {condition}" if condition else ""


def _token(context):
    for key, value in context.invocation_metadata():
        if key == "authorization" and value.startswith("Bearer "):
            return value[len("Bearer "):].strip()
    return ""


GRPC_CODES = {400: grpc.StatusCode.INVALID_ARGUMENT, 401: grpc.StatusCode.UNAUTHENTICATED,
              403: grpc.StatusCode.PERMISSION_DENIED, 404: grpc.StatusCode.NOT_FOUND,
              409: grpc.StatusCode.ALREADY_EXISTS, 503: grpc.StatusCode.UNAVAILABLE}


def _abort(context, error):
    """Every failure ends the call with a status and words (never gRPC's bare UNKNOWN)."""
    if isinstance(error, ReadError):
        context.abort(error.code, error.message)
    if isinstance(error, BqError):
        context.abort(GRPC_CODES.get(error.status, grpc.StatusCode.INTERNAL), error.message)
    traceback.print_exc()
    context.abort(grpc.StatusCode.INTERNAL, f"rovd's Storage Read API failed: {error}"[:1000])


def _unary(method):
    def call(request, context):
        try:
            return method(request, context)
        except Exception as error:  # noqa: BLE001 — said to the caller, see _abort
            _abort(context, error)
    return call


def _streaming(method):
    def call(request, context):
        try:
            yield from method(request, context)
        except Exception as error:  # noqa: BLE001 — said to the caller, see _abort
            _abort(context, error)
    return call


def serve(api, port):
    """Starts the gRPC server on 127.0.0.1:port; returns it (stop it with .stop(grace))."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16, thread_name_prefix="read"),
                         options=[("grpc.max_send_message_length", -1)])
    pb = {"CreateReadSession": types.CreateReadSessionRequest.pb(),
          "ReadRows": types.ReadRowsRequest.pb(),
          "SplitReadStream": types.SplitReadStreamRequest.pb()}
    handlers = {
        "CreateReadSession": grpc.unary_unary_rpc_method_handler(
            _unary(api.create_read_session), pb["CreateReadSession"].FromString,
            ReadSession.SerializeToString),
        "ReadRows": grpc.unary_stream_rpc_method_handler(
            _streaming(api.read_rows), pb["ReadRows"].FromString,
            bytes),  # read_rows answers with its responses encoded (see _response)
        "SplitReadStream": grpc.unary_unary_rpc_method_handler(
            _unary(api.split_read_stream), pb["SplitReadStream"].FromString,
            SplitReadStreamResponse.SerializeToString),
    }
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SERVICE, handlers),))
    credentials = grpc.local_server_credentials(grpc.LocalConnectionType.LOCAL_TCP)
    if server.add_secure_port(f"127.0.0.1:{port}", credentials) == 0:
        raise OSError(f"cannot listen on 127.0.0.1:{port}")
    server.start()
    return server
