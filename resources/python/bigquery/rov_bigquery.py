"""rovd's BigQuery service: BigQuery's REST API v2 on DuckDB, with sqlglot reading GoogleSQL.

rovd starts it (on 127.0.0.1, at a port rovd picks) and passes it every BigQuery request that
passed rovd's tokens and roles, with a secret of the run in X-Rov-Secret (the service answers
nothing without it), the caller's role in X-Rov-Role, and rovd's own address in X-Rov-Base
(where clients send an upload's chunks). Its data is one DuckDB database under DIR/bigquery."""

import argparse
import hmac
import importlib.util
import json
import os
import re
import signal
import socket
import sys
import threading
import traceback
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rovbq.errors import BqError, invalid  # noqa: E402
from rovbq.service import Service  # noqa: E402

NAME = r"([^/]+)"
ROUTES = [
    (re.compile(r"^/bigquery/v2/projects$"), "projects"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/datasets$"), "datasets"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/datasets/{NAME}$"), "dataset"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/datasets/{NAME}/tables$"), "tables"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/datasets/{NAME}/tables/{NAME}$"), "table"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/datasets/{NAME}/tables/{NAME}/data$"), "data"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/datasets/{NAME}/tables/{NAME}/insertAll$"),
     "insertAll"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/jobs$"), "jobs"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/jobs/{NAME}$"), "job"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/jobs/{NAME}/cancel$"), "cancel"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/jobs/{NAME}/delete$"), "delete"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/queries$"), "queries"),
    (re.compile(rf"^/bigquery/v2/projects/{NAME}/queries/{NAME}$"), "results"),
    (re.compile(rf"^/upload/bigquery/v2/projects/{NAME}/jobs$"), "upload"),
]


def dispatch(service, method, route, parts, query, multi, headers, body, role, base):
    if route == "projects":
        return (*service.projects_list(query), {})
    project = parts[0]
    if route == "upload":
        return service.upload(method, project, query, headers, body, role, base)
    document = None
    if method in ("POST", "PATCH", "PUT") and route not in ("cancel",):
        try:
            document = json.loads(body) if body.strip() else {}
        except ValueError:
            raise invalid("The request body is not JSON") from None
        if not isinstance(document, dict):
            raise invalid("The request body must be a JSON object")
    handlers = {
        "datasets": lambda: service.datasets(method, project, query, document, role),
        "dataset": lambda: service.dataset(method, project, parts[1], query, document, role),
        "tables": lambda: service.tables(method, project, parts[1], query, document, role),
        "table": lambda: service.table(method, project, parts[1], parts[2], query, document,
                                       role),
        "data": lambda: service.table_data(project, parts[1], parts[2], query),
        "insertAll": lambda: service.insert_all(project, parts[1], parts[2], document, role),
        "jobs": lambda: (service.job_insert(project, document, role) if method == "POST"
                         else service.jobs_list(project, query, role, multi)),
        "job": lambda: service.job_get(project, parts[1]),
        "cancel": lambda: service.job_cancel(project, parts[1]),
        "delete": lambda: service.job_delete(project, parts[1]),
        "queries": lambda: service.run_query(project, document, role),
        "results": lambda: service.query_results(project, parts[1], query),
    }
    status, answer = handlers[route]()
    return status, answer, {}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "rovd-bigquery"

    def log_message(self, *args):  # rovd's access log says who asked what
        pass

    def setup(self):
        super().setup()
        # An answer's head and body go out at once: no Nagle wait for the peer's delayed ACK.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _answer(self, status, payload, headers=None):
        data = b"" if payload is None else (payload if isinstance(payload, bytes)
                                            else json.dumps(payload).encode())
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if data and self.command != "HEAD":
            self.wfile.write(data)

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        secret = self.headers.get("X-Rov-Secret", "")
        if not hmac.compare_digest(secret.encode(), self.server.secret):
            self._answer(401, BqError(401, "unauthorized", "Send requests through rovd").body())
            return
        url = urllib.parse.urlsplit(self.path)
        pairs = urllib.parse.parse_qsl(url.query, keep_blank_values=True)
        query, multi = {}, {}
        for name, value in pairs:
            query.setdefault(name, value)
            multi.setdefault(name, []).append(value)
        path = urllib.parse.unquote(url.path)
        method = "GET" if self.command == "HEAD" else self.command
        for pattern, route in ROUTES:
            match = pattern.match(path)
            if match:
                break
        else:
            self._answer(404, BqError(404, "notFound", f"Not found: {path[:200]}").body())
            return
        role = self.headers.get("X-Rov-Role", "user")
        headers = {k.lower(): v for k, v in self.headers.items()}
        try:
            status, answer, extra = dispatch(self.server.service, method, route, match.groups(),
                                             query, multi, headers, body, role,
                                             self.headers.get("X-Rov-Base", ""))
            self._answer(status, answer, extra)
        except BqError as error:
            self._answer(error.status, error.body())
        except duckdb.IOException as error:  # the disk (full, read-only): nothing was changed
            self._answer(503, BqError(503, "backendError", "rovd's BigQuery service could not "
                                      "write its data; nothing was changed: " +
                                      str(error).split("\n")[0][:500]).body(),
                         {"Retry-After": "5"})
        except duckdb.Error as error:
            self._answer(400, BqError(400, "invalid", str(error).split("\n")[0][:1000]).body())
        except (TypeError, AttributeError, KeyError, ValueError, IndexError) as error:
            # A field of the wrong shape that a check missed: the caller's mistake, said as
            # such, and logged with its stack so that the missing check gets written.
            traceback.print_exc()
            self._answer(400, BqError(400, "invalid", f"The request does not fit BigQuery's API: "
                                      f"{type(error).__name__}: {error}"[:1000]).body())
        except Exception as error:  # a fault of the service's own: said, and logged with its stack
            traceback.print_exc()
            self._answer(500, BqError(500, "backendError",
                                      f"rovd's BigQuery service failed: {error}"[:1000]).body())

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _handle


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data", required=True, help="the service's folder (DIR/bigquery)")
    parser.add_argument("--storage", default="", help="rovd's buckets (DIR/storage), for gs://")
    parser.add_argument("--read-port", type=int, default=0,
                        help="the Storage Read API's gRPC port on 127.0.0.1 (0: none)")
    arguments = parser.parse_args()
    secret = os.environ.pop("ROV_BIGQUERY_SECRET", "").encode()
    if not secret:
        sys.exit("ROV_BIGQUERY_SECRET is not set: rovd starts this service")
    # DuckDB looks for pandas on every statement; where there is none, each look searched the
    # whole path again (a few milliseconds a query). Said once: there is none.
    if importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None
    os.umask(0o077)
    os.makedirs(arguments.data, mode=0o700, exist_ok=True)
    db = duckdb.connect(os.path.join(arguments.data, "warehouse.duckdb"),
                        config={"threads": 2,
                                "autoinstall_known_extensions": False,
                                "autoload_known_extensions": False})
    db.execute("SET GLOBAL TimeZone = 'UTC'")  # TIMESTAMP values are UTC, as in BigQuery
    server = ThreadingHTTPServer(("127.0.0.1", arguments.port), Handler)
    server.daemon_threads = True
    server.secret = secret
    server.service = Service(db, arguments.data, arguments.storage)
    reader = None
    if arguments.read_port:
        from rovbq import readapi  # grpcio and pyarrow load only where the API is served
        reader = readapi.serve(readapi.ReadApi(db, server.service.catalog,
                                               os.environ.get("ROV_BIGQUERY_ROVD", "")),
                               arguments.read_port)
        print(f"the Storage Read API listens on 127.0.0.1:{arguments.read_port}", flush=True)
    # SIGTERM (rovd stopping, or the kernel when rovd died) ends serve_forever; the running
    # jobs are interrupted (each ends with the reason) and DuckDB closes its database cleanly.
    # A statement that does not stop in time does not keep the service: it exits anyway, and
    # its next start ends what is left (every job ends).
    def stop(*_):
        # The deadline first: stopping the jobs may wait on one that holds a lock, and the
        # service must end anyway (a CI run saw it outlive a killed rovd by 20 s).
        threading.Timer(5.0, lambda: os._exit(0)).start()
        server.service.jobs.stop_all()
        if reader is not None:
            reader.stop(1.0)
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    print(f"rovd's BigQuery service listens on 127.0.0.1:{arguments.port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        db.close()


if __name__ == "__main__":
    main()
