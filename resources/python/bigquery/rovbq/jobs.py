"""BigQuery jobs: queries (GoogleSQL, DML, DDL; dry runs), loads and their lifecycle.

Each job is a row of the service's jobs table (its resource as BigQuery answers it), written
when it is made and when it ends. A job runs on a thread of its own; every change to a table
takes the writer lock, so changes are applied one at a time while SELECTs run side by side.
A service that restarts ends the jobs that were running with a reason (every job ends)."""

import json
import os
import secrets
import threading
import time
import traceback

from . import catalog as cat
from . import sql as sqlmod
from .errors import BqError, from_job_error, invalid, invalid_query, not_found
from .loads import run_load
from .transfer import run_copy, run_extract
from .txn import transaction
from .types import bq_field, parameter_value

ROLE_EMAIL = {"admin": "admin@rovd.local", "user": "user@rovd.local",
              "node": "ray-node@rovd.local"}
MB = 1024 * 1024
RESULT_HOURS = 24  # BigQuery keeps anonymous query results a day


def _job_id():
    return "job_" + secrets.token_urlsafe(18).replace("-", "_")


def _bytes_billed(processed):
    """On-demand billing: at least 10 MB for a query that reads anything, rounded up to a MB."""
    if processed <= 0:
        return 0
    return max(10 * MB, -(-processed // MB) * MB)


class Running:
    def __init__(self):
        self.done = threading.Event()
        self.cursor = None
        self.cancelled = False


class Jobs:
    def __init__(self, db, catalog, writer, storage_root):
        self.db = db
        self.catalog = catalog
        self.writer = writer
        self.storage_root = storage_root
        self.running = {}
        self.lock = threading.Lock()  # guards self.running and self.anonymous_ready
        self.stopping = False
        # Projects whose results dataset is known to exist: a query's results go there without
        # asking the catalogue each time.
        self.anonymous_ready = set()

    # ---- persistence ----

    def _save(self, resource, new=False):
        reference = resource["jobReference"]
        cur = self.db.cursor()
        args = [reference["projectId"], reference["jobId"], reference.get("location", "US"),
                int(resource["statistics"]["creationTime"]), resource["status"]["state"],
                resource.get("user_email", ""), json.dumps(resource)]
        if new:
            cur.execute(f"INSERT INTO {cat.META}.jobs VALUES (?, ?, ?, ?, ?, ?, ?)", args)
        else:
            cur.execute(f"UPDATE {cat.META}.jobs SET state = ?, resource = ? WHERE project = ? "
                        f"AND job_id = ?", [args[4], args[6], args[0], args[1]])
        cur.close()

    def load(self, project, job_id):
        row = self.db.cursor().execute(f"SELECT resource FROM {cat.META}.jobs WHERE project = ? "
                                       f"AND job_id = ?", [project, job_id]).fetchone()
        if row is None:
            raise not_found(f"Job {project}:{job_id}")
        return json.loads(row[0])

    def recover(self):
        """Jobs that were running when the service stopped end now, with the reason."""
        cur = self.db.cursor()
        rows = cur.execute(f"SELECT resource FROM {cat.META}.jobs WHERE state <> 'DONE'"
                           ).fetchall()
        for (text,) in rows:
            resource = json.loads(text)
            self._finish(resource, BqError(500, "backendError",
                                           "rovd's BigQuery service restarted while the job "
                                           "ran; nothing of it was applied. Run it again."))
        cutoff = int(time.time() * 1000) - RESULT_HOURS * 3600 * 1000
        self._drop_old_results(cur, cutoff)

    def keep_results_tidy(self, every_s=3600):
        """Query results older than RESULT_HOURS go every hour, not only at a start: a service
        that runs for weeks keeps a day of them, as BigQuery does."""
        def sweep():
            try:
                cutoff = int(time.time() * 1000) - RESULT_HOURS * 3600 * 1000
                self._drop_old_results(self.db.cursor(), cutoff)
            except Exception:  # noqa: BLE001 — a failed sweep is tried again in an hour
                traceback.print_exc()
            timer = threading.Timer(every_s, sweep)
            timer.daemon = True
            timer.start()

        timer = threading.Timer(every_s, sweep)
        timer.daemon = True
        timer.start()

    def _drop_old_results(self, cur, cutoff):
        for project, in cur.execute(f"SELECT DISTINCT project FROM {cat.META}.datasets WHERE "
                                    f"dataset = ?", [cat.ANONYMOUS]).fetchall():
            for table in self.catalog.table_names(cur, project, cat.ANONYMOUS):
                meta = cur.execute(f"SELECT created FROM {cat.META}.tables WHERE project = ? AND "
                                   f"dataset = ? AND name = ?",
                                   [project, cat.ANONYMOUS, table]).fetchone()
                if meta and meta[0] < cutoff:
                    with self.writer:
                        self.catalog.delete_table(cur, project, cat.ANONYMOUS, table)

    # ---- jobs.insert ----

    def insert(self, project, body, role, upload=None, wait=False):
        if not isinstance(body, dict):
            raise invalid("The job must be a JSON object")
        configuration = body.get("configuration")
        if not isinstance(configuration, dict):
            raise invalid("The job needs a configuration (query, load, copy or extract)")
        reference = body.get("jobReference") or {}
        if not isinstance(reference, dict):
            raise invalid("jobReference must be an object")
        if reference.get("projectId") not in (None, project):
            raise invalid("jobReference.projectId differs from the project in the path")
        kinds = [k for k in ("query", "load", "copy", "extract") if k in configuration]
        if len(kinds) != 1:
            raise invalid("The job's configuration needs exactly one of query, load, copy and "
                          "extract")
        kind = kinds[0]
        if not isinstance(configuration[kind], dict):
            raise invalid(f"configuration.{kind} must be an object")
        if kind == "load" and upload is None and not configuration["load"].get("sourceUris"):
            raise invalid("A load job needs sourceUris (gs://...) or an upload of its data")
        job_id = reference.get("jobId") or _job_id()
        if not isinstance(job_id, str) or len(job_id) > 1024 or not all(
                c.isalnum() or c in "_-" for c in job_id):
            raise invalid("jobReference.jobId may hold letters, digits, _ and - (up to 1024)")
        location = reference.get("location") or "US"
        stamp = str(int(time.time() * 1000))
        resource = {"kind": "bigquery#job", "id": f"{project}:{location}.{job_id}",
                    "etag": f"\"{stamp}\"",
                    "selfLink": f"/bigquery/v2/projects/{project}/jobs/{job_id}?location="
                                f"{location}",
                    "jobReference": {"projectId": project, "jobId": job_id, "location": location},
                    "configuration": dict(configuration, jobType=kind.upper()),
                    "status": {"state": "RUNNING"},
                    "statistics": {"creationTime": stamp, "startTime": stamp},
                    "user_email": ROLE_EMAIL.get(role, role)}
        if configuration.get("dryRun"):
            return self._dry_run(project, resource)
        try:
            self._save(resource, new=True)
        except Exception as error:  # the primary key: a job of that id exists
            if "constraint" in str(error).lower() or "duplicate" in str(error).lower():
                raise BqError(409, "duplicate", f"Already Exists: Job {project}:{location}."
                                                f"{job_id}") from None
            raise
        running = Running()
        with self.lock:
            self.running[(project, job_id)] = running
        worker = threading.Thread(target=self._run, args=(resource, running, role, upload),
                                  daemon=True, name=f"job {job_id}")
        worker.start()
        if wait:
            # A job that ended in the wait is the one its worker saved: no need to read it back.
            if running.done.wait(wait):
                return resource
            return self.load(project, job_id)
        return resource

    def _run(self, resource, running, role, upload):
        try:
            configuration = resource["configuration"]
            project = resource["jobReference"]["projectId"]
            if "query" in configuration:
                self._run_query(resource, running, role)
            elif "load" in configuration:
                cursor = self.db.cursor()
                running.cursor = cursor
                with self.writer:
                    _check_cancelled(running)
                    stats = run_load(cursor, self.catalog, project, configuration["load"], upload,
                                     self.storage_root, role)
                resource["statistics"]["load"] = stats
            else:
                self._run_transfer(resource, running, role)
            self._finish(resource, None)
        except BqError as error:
            self._finish(resource, error)
        except Exception as error:  # DuckDB's own refusal of a statement: the query's mistake
            self._finish(resource, self._engine_error(error, running))
        finally:
            if upload:
                try:
                    os.unlink(upload)
                except OSError:
                    pass
            with self.lock:
                self.running.pop((resource["jobReference"]["projectId"],
                                  resource["jobReference"]["jobId"]), None)
            running.done.set()

    def _run_transfer(self, resource, running, role):
        """A copy (under the writer lock, one transaction) or an extract (a read, then the
        object renamed into place once it is on disk)."""
        configuration = resource["configuration"]
        project = resource["jobReference"]["projectId"]
        cursor = self.db.cursor()
        running.cursor = cursor
        _check_cancelled(running)
        if "copy" in configuration:
            resource["statistics"]["copy"] = run_copy(cursor, self.catalog, self.writer, project,
                                                      configuration["copy"], role)
        else:
            resource["statistics"]["extract"] = run_extract(
                cursor, self.catalog, project, configuration["extract"], self.storage_root)

    def _engine_error(self, error, running):
        if self.stopping:
            return BqError(500, "backendError", "rovd's BigQuery service stopped while the job "
                                                "ran; nothing of it was applied. Run it again.")
        if running.cancelled:
            return _cancelled()
        text = str(error).strip()
        kind = type(error).__name__
        if kind in ("CatalogException", "BinderException", "ParserException", "ConversionException",
                    "InvalidInputException", "ConstraintException", "OutOfRangeException",
                    "NotImplementedException", "TypeMismatchException"):
            return BqError(400, "invalidQuery", text.split("\n")[0][:1000], "query")
        return BqError(400, "invalid", f"The engine refused the job: {text[:1000]}")

    def _finish(self, resource, error):
        stamp = str(int(time.time() * 1000))
        resource["status"] = {"state": "DONE"}
        resource["statistics"]["endTime"] = stamp
        if error is not None:
            resource["status"]["errorResult"] = error.as_error_proto()
            resource["status"]["errors"] = [error.as_error_proto()]
        self._save(resource)

    # ---- queries ----

    def _query_settings(self, project, query):
        if query.get("useLegacySql") is True:
            raise invalid_query("Legacy SQL is not supported by rovd's BigQuery: write the query "
                                "in GoogleSQL and set useLegacySql to false")
        if not isinstance(query.get("query"), str) or not query["query"].strip():
            raise invalid("configuration.query.query needs the query's text", "query")
        default = query.get("defaultDataset")
        default_dataset = None
        if isinstance(default, dict) and default.get("datasetId"):
            default_dataset = (default.get("projectId") or project, default["datasetId"])
        return sqlmod.translate(query["query"], project, default_dataset)

    def _parameters(self, query):
        given = query.get("queryParameters") or []
        if not isinstance(given, list):
            raise invalid("queryParameters must be an array", "q")
        named = str(query.get("parameterMode") or "").upper() == "NAMED" or any(
            isinstance(p, dict) and p.get("name") for p in given)
        values = [parameter_value(p.get("parameterType"), p.get("parameterValue"),
                                  p.get("name") or str(i + 1))
                  for i, p in enumerate(given) if isinstance(p, dict)]
        if named:
            return {p["name"]: v for p, v in zip(given, values)}
        return values

    def estimate(self, cur, statement):
        """Bytes a query reads: the logical size of the columns it names, in the tables it
        reads (all of them for a SELECT *), as BigQuery bills them."""
        names, star = sqlmod.referenced_columns(statement.tree)
        total = 0
        for project, dataset, table in set(statement.reads):
            sizes = self.catalog.read_size(cur, project, dataset, table)
            if sizes is not None:
                total += sum(size for name, size in sizes.items() if star or name.lower() in names)
        return total

    def _dry_run(self, project, resource):
        query = resource["configuration"].get("query")
        if not isinstance(query, dict):
            raise invalid("A dry run is for queries: configuration.query is missing")
        statement = self._query_settings(project, query)
        cur = self.db.cursor()
        processed = self.estimate(cur, statement)
        fields = []
        if statement.statement_type == "SELECT":
            params = self._parameters(query)
            try:
                described = cur.execute(f"DESCRIBE {statement.duck_sql}", params).fetchall()
            except Exception as error:
                raise self._engine_error(error, Running()) from None
            fields = [self._describe_field(cur, name, kind) for name, kind, *_ in described]
        resource.pop("selfLink", None)
        resource["jobReference"].pop("jobId", None)
        resource["status"] = {"state": "DONE"}
        resource["statistics"] = {
            "creationTime": resource["statistics"]["creationTime"],
            "totalBytesProcessed": str(processed),
            "query": {"totalBytesProcessed": str(processed), "totalBytesBilled": "0",
                      "cacheHit": False, "statementType": statement.statement_type,
                      "schema": {"fields": fields},
                      "totalBytesProcessedAccuracy": "PRECISE"}}
        return resource

    @staticmethod
    def _describe_field(cur, name, kind):
        described = cur.execute(f"SELECT NULL::{kind} AS x").description[0][1]
        from .types import bq_field
        return bq_field(name, described)

    def _run_query(self, resource, running, role):
        project = resource["jobReference"]["projectId"]
        query = resource["configuration"]["query"]
        statement = self._query_settings(project, query)
        params = self._parameters(query)
        cursor = self.db.cursor()
        running.cursor = cursor
        processed = self.estimate(cursor, statement)
        limit = query.get("maximumBytesBilled")
        if limit not in (None, "") and _bytes_billed(processed) > int(limit):
            raise BqError(400, "bytesBilledLimitExceeded",
                          f"Query exceeded limit for bytes billed: {int(limit)}. "
                          f"{_bytes_billed(processed)} or higher required.")
        stats = {"totalBytesProcessed": str(processed),
                 "totalBytesBilled": str(_bytes_billed(processed)), "cacheHit": False,
                 "statementType": statement.statement_type, "billingTier": 1}
        started = time.monotonic()
        if statement.statement_type == "SELECT":
            destination = self._select_into(cursor, project, resource, statement, params, role,
                                            running)
            resource["configuration"]["query"]["destinationTable"] = destination
        else:
            affected = self._change(cursor, statement, params, role, running)
            if statement.statement_type in sqlmod.DML:
                stats["numDmlAffectedRows"] = str(affected)
                stats["dmlStats"] = {
                    {"INSERT": "insertedRowCount", "UPDATE": "updatedRowCount",
                     "DELETE": "deletedRowCount", "MERGE": "updatedRowCount"}[
                        statement.statement_type]: str(affected)}
            if statement.target:
                stats["ddlTargetTable"] = {"projectId": statement.target[0],
                                           "datasetId": statement.target[1],
                                           "tableId": statement.target[2]}
        stats["totalSlotMs"] = str(int((time.monotonic() - started) * 1000))
        resource["statistics"]["query"] = stats
        resource["statistics"]["totalBytesProcessed"] = stats["totalBytesProcessed"]
        resource["statistics"]["totalSlotMs"] = stats["totalSlotMs"]

    def _select_into(self, cur, project, resource, statement, params, role, running):
        query = resource["configuration"]["query"]
        given = query.get("destinationTable")
        write = str(query.get("writeDisposition") or "WRITE_EMPTY").upper()
        create = str(query.get("createDisposition") or "CREATE_IF_NEEDED").upper()
        if isinstance(given, dict) and given.get("tableId"):
            target = (given.get("projectId") or project, given.get("datasetId"), given["tableId"])
            cat.check_writable(target[0], target[1], role)
        else:
            target = (project, cat.ANONYMOUS, "anon_" + resource["jobReference"]["jobId"])
            self._ensure_anonymous(cur, project)
            return self._results_table(cur, target, resource, statement, params, running)
        name = sqlmod.duck_quote_table(*target)
        with transaction(cur, self.writer):
            _check_cancelled(running)
            self.catalog.require_dataset(cur, target[0], target[1])
            exists = self.catalog.table_kind(cur, *target) is not None
            if exists and write == "WRITE_EMPTY" and cur.execute(
                    f"SELECT count(*) FROM {name}").fetchone()[0] > 0:
                raise BqError(400, "duplicate", f"Already Exists: Table "
                                                f"{target[0]}:{target[1]}.{target[2]}")
            if not exists and create == "CREATE_NEVER":
                raise not_found(f"Table {target[0]}:{target[1]}.{target[2]}")
            if exists and write == "WRITE_APPEND":
                cur.execute(f"INSERT INTO {name} BY NAME {statement.duck_sql}", params)
            else:
                cur.execute(f"CREATE OR REPLACE TABLE {name} AS {statement.duck_sql}", params)
            self.catalog.touch(cur, *target)
        return {"projectId": target[0], "datasetId": target[1], "tableId": target[2]}

    def _results_table(self, cur, target, resource, statement, params, running):
        """A query's own results table (new: its name is the job's), made and noted in the
        catalogue in one transaction. Its schema and row count are kept with the job, so that
        each page of results reads the rows and nothing else."""
        name = sqlmod.duck_quote_table(*target)
        # A query's own results table is its alone: a long SELECT holds up no other change.
        with transaction(cur):
            _check_cancelled(running)
            rows = cur.execute(f"CREATE TABLE {name} AS {statement.duck_sql}",
                               params).fetchone()[0]
            described = cur.execute(f"SELECT * FROM {name} LIMIT 0").description
            self.catalog.note_new_table(cur, *target)
        resource[RESULTS] = {"fields": [bq_field(c[0], c[1]) for c in described],
                             "rows": int(rows)}
        return {"projectId": target[0], "datasetId": target[1], "tableId": target[2]}

    def _ensure_anonymous(self, cur, project):
        with self.lock:
            if project in self.anonymous_ready:
                return
        with transaction(cur, self.writer):
            if self.catalog.dataset_row(cur, project, cat.ANONYMOUS) is None:
                self.catalog.insert_dataset(cur, project, {"datasetReference": {
                    "datasetId": cat.ANONYMOUS}, "description": "Query results (a day)"})
        with self.lock:
            self.anonymous_ready.add(project)

    def forget_anonymous(self, project):
        """The results dataset was deleted: the next query makes it again."""
        with self.lock:
            self.anonymous_ready.discard(project)

    def _change(self, cur, statement, params, role, running):
        if statement.target:
            cat.check_writable(statement.target[0], statement.target[1], role)
            if statement.statement_type not in ("DROP_TABLE", "DROP_VIEW"):
                self.catalog.require_dataset(cur, statement.target[0], statement.target[1])
        with transaction(cur, self.writer):
            _check_cancelled(running)
            result = cur.execute(statement.duck_sql, params)
            affected = 0
            if statement.statement_type in sqlmod.DML:
                row = result.fetchone()
                affected = int(row[0]) if row and row[0] is not None else 0
            self.catalog.reconcile(cur)
            if statement.target and self.catalog.table_kind(cur, *statement.target):
                self.catalog.touch(cur, *statement.target)
        return affected

    def stop_all(self):
        """The service is stopping: every running job is interrupted and ends with the reason."""
        self.stopping = True
        with self.lock:
            running = list(self.running.values())
        for job in running:
            if job.cursor is not None:
                try:
                    job.cursor.interrupt()
                except Exception:
                    pass

    # ---- reading jobs ----

    def wait(self, project, job_id, timeout_s):
        with self.lock:
            running = self.running.get((project, job_id))
        if running:
            running.done.wait(timeout_s)
        return self.load(project, job_id)

    def cancel(self, project, job_id):
        resource = self.load(project, job_id)
        with self.lock:
            running = self.running.get((project, job_id))
        if running:
            running.cancelled = True
            if running.cursor is not None:
                try:
                    running.cursor.interrupt()
                except Exception:
                    pass
            running.done.wait(5)
            resource = self.load(project, job_id)
        return {"kind": "bigquery#jobCancelResponse", "job": public(resource)}

    def delete(self, project, job_id):
        resource = self.load(project, job_id)
        if resource["status"]["state"] != "DONE":
            raise invalid(f"Job {project}:{job_id} is still running; cancel it first")
        cur = self.db.cursor()
        with transaction(cur, self.writer):
            destination = resource["configuration"].get("query", {}).get("destinationTable")
            if destination and destination.get("datasetId") == cat.ANONYMOUS and \
                    self.catalog.table_kind(cur, project, cat.ANONYMOUS, destination["tableId"]):
                self.catalog.delete_table(cur, project, cat.ANONYMOUS, destination["tableId"])
            cur.execute(f"DELETE FROM {cat.META}.jobs WHERE project = ? AND job_id = ?",
                        [project, job_id])

    def list(self, project, role, all_users, states, max_results, token, minimal,
             window=(None, None)):
        conditions, args = ["project = ?"], [project]
        for bound, operator in zip(window, (">=", "<=")):
            if bound is not None:
                conditions.append(f"created {operator} ?")
                args.append(bound)
        if not all_users:
            conditions.append("user_email = ?")
            args.append(ROLE_EMAIL.get(role, role))
        if states:
            conditions.append("state IN (" + ", ".join("?" for _ in states) + ")")
            args.extend(states)
        offset = int(token) if token and token.isdigit() else 0
        rows = self.db.cursor().execute(
            f"SELECT resource FROM {cat.META}.jobs WHERE {' AND '.join(conditions)} ORDER BY "
            f"created DESC, job_id LIMIT ? OFFSET ?", args + [max_results + 1, offset]).fetchall()
        jobs = []
        for (text,) in rows[:max_results]:
            resource = public(json.loads(text))
            entry = {"kind": "bigquery#job", "id": resource["id"],
                     "jobReference": resource["jobReference"], "state": resource["status"][
                         "state"], "status": resource["status"],
                     "statistics": resource["statistics"], "user_email": resource["user_email"]}
            if not minimal:
                entry["configuration"] = resource["configuration"]
            if resource["status"].get("errorResult"):
                entry["errorResult"] = resource["status"]["errorResult"]
            jobs.append(entry)
        answer = {"kind": "bigquery#jobList", "etag": "\"0\"", "jobs": jobs}
        if len(rows) > max_results:
            answer["nextPageToken"] = str(offset + max_results)
        return answer

    def results_or_error(self, resource):
        """The failed job's error, raised as getQueryResults and jobs.query answer it."""
        error = resource["status"].get("errorResult")
        if error:
            raise from_job_error(error)


# Where a query job keeps its results' schema and row count (rovd's own: never answered).
RESULTS = "_rovResults"


def public(resource):
    """The job as BigQuery answers it: without what rovd keeps for itself."""
    if RESULTS not in resource:
        return resource
    return {key: value for key, value in resource.items() if key != RESULTS}


def _cancelled():
    return BqError(400, "stopped", "Job execution was cancelled: User requested cancellation")


def _check_cancelled(running):
    if running.cancelled:
        raise _cancelled()
