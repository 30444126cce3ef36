"""The BigQuery REST API v2 over the catalogue, tabledata, jobs and uploads: one method a route,
each taking (project, path parts, query, body, role) and answering (status, JSON, headers)."""

import json
import threading

import duckdb

from . import catalog as cat
from .errors import BqError, invalid
from .jobs import RESULTS, Jobs, public
from .txn import transaction
from .tabledata import InsertIds, insert_all, page_rows
from .uploads import Uploads, split_multipart

DEFAULT_WAIT_S = 10.0
LONGEST_WAIT_S = 60.0


def _int(query, name, default=None, low=0, high=None):
    text = query.get(name)
    if text in (None, ""):
        return default
    try:
        value = int(text)
    except ValueError:
        raise invalid(f"{name} must be a whole number, not \"{str(text)[:40]}\"", name) from None
    if value < low or (high is not None and value > high):
        raise invalid(f"{name} must be between {low} and {high if high is not None else 'any'}",
                      name)
    return value


def _flag(query, name):
    return str(query.get(name, "")).lower() in ("true", "1")


def _wait_s(value):
    try:
        wanted = float(value) / 1000.0 if value not in (None, "") else DEFAULT_WAIT_S
    except (TypeError, ValueError):
        raise invalid("timeoutMs must be a number of milliseconds", "timeoutMs") from None
    return max(0.0, min(wanted, LONGEST_WAIT_S))


class Service:
    def __init__(self, db, data_dir, storage_root):
        self.db = db
        self.catalog = cat.Catalog()
        self.writer = threading.RLock()  # one change to the data at a time
        self.jobs = Jobs(db, self.catalog, self.writer, storage_root)
        self.uploads = Uploads(f"{data_dir}/uploads")
        self.insert_ids = InsertIds()
        cur = db.cursor()
        cat.create_meta(cur)
        self.jobs.recover()
        self.jobs.keep_results_tidy()

    def _change(self, action):
        """`action(cursor)` in one transaction, under the writer lock."""
        cur = self.db.cursor()
        with transaction(cur, self.writer):
            return action(cur)

    # ---- projects ----

    def projects_list(self, query):
        """The projects that hold datasets (rovd has no other list of them), by name, paged."""
        limit = _int(query, "maxResults", 50, 1, 1000)
        token = query.get("pageToken") or ""
        offset = int(token) if token.isdigit() else 0
        names = [name for (name,) in self.db.cursor().execute(
            f"SELECT DISTINCT project FROM {cat.META}.datasets ORDER BY project LIMIT ? OFFSET ?",
            [limit + 1, offset]).fetchall()]
        answer = {"kind": "bigquery#projectList", "etag": "\"0\"",
                  "projects": [{"kind": "bigquery#project", "id": name, "numericId": "0",
                                "projectReference": {"projectId": name}, "friendlyName": name}
                               for name in names[:limit]],
                  "totalItems": len(names[:limit])}
        if len(names) > limit:
            answer["nextPageToken"] = str(offset + limit)
        return 200, answer

    # ---- datasets ----

    def datasets(self, method, project, query, body, role):
        cur = self.db.cursor()
        if method == "POST":
            dataset = self._change(lambda c: self.catalog.insert_dataset(c, project, body))
            return 200, self.catalog.dataset_resource(cur, project, dataset)
        names = self.catalog.list_datasets(cur, project, _flag(query, "all"),
                                           query.get("filter", ""))
        items = [self.catalog.dataset_resource(cur, project, name, full=False) for name in names]
        return 200, _paged("bigquery#datasetList", "datasets", items, query)

    def dataset(self, method, project, dataset, query, body, role):
        cur = self.db.cursor()
        if method == "DELETE":
            if dataset == cat.ANONYMOUS and role != "admin":
                raise BqError(403, "accessDenied", "Query results are deleted with their jobs")
            self._change(lambda c: self.catalog.delete_dataset(c, project, dataset,
                                                               _flag(query, "deleteContents")))
            if dataset == cat.ANONYMOUS:
                self.jobs.forget_anonymous(project)
            return 204, None
        if method in ("PATCH", "PUT"):
            self._change(lambda c: self.catalog.patch_dataset(c, project, dataset, body,
                                                              method == "PUT"))
        return 200, self.catalog.dataset_resource(cur, project, dataset)

    # ---- tables ----

    def tables(self, method, project, dataset, query, body, role):
        cur = self.db.cursor()
        if method == "POST":
            cat.check_writable(project, dataset, role)
            table = self._change(lambda c: self.catalog.insert_table(
                c, project, dataset, body,
                lambda text: self.jobs._query_settings(project, {"query": text})))
            return 200, self.catalog.table_resource(cur, project, dataset, table)
        self.catalog.require_dataset(cur, project, dataset)
        items = []
        for name in self.catalog.table_names(cur, project, dataset):
            kind = self.catalog.table_kind(cur, project, dataset, name)
            self.catalog.ensure_meta(cur, project, dataset, name)
            items.append({"kind": "bigquery#table", "id": f"{project}:{dataset}.{name}",
                          "tableReference": {"projectId": project, "datasetId": dataset,
                                             "tableId": name}, "type": kind})
        return 200, _paged("bigquery#tableList", "tables", items, query, total=True)

    def table(self, method, project, dataset, table, query, body, role):
        cur = self.db.cursor()
        if method == "DELETE":
            cat.check_writable(project, dataset, role)
            self._change(lambda c: self.catalog.delete_table(c, project, dataset, table))
            return 204, None
        if method in ("PATCH", "PUT"):
            cat.check_writable(project, dataset, role)
            self._change(lambda c: self.catalog.patch_table(c, project, dataset, table, body,
                                                            method == "PUT"))
        selected = [s.strip() for s in query.get("selectedFields", "").split(",") if s.strip()]
        return 200, self.catalog.table_resource(cur, project, dataset, table, selected)

    def table_data(self, project, dataset, table, query):
        cur = self.db.cursor()
        if self.catalog.require_table(cur, project, dataset, table) != "TABLE":
            raise invalid(f"Cannot list the rows of the view {project}:{dataset}.{table}: query "
                          f"it instead")
        start = _start(query)
        fields, rows, following, total = page_rows(
            cur, self.catalog, (project, dataset, table), start,
            _int(query, "maxResults", None, 0), query.get("selectedFields", ""),
            _flag(query, "formatOptions.useInt64Timestamp"))
        # BigQuery leaves "rows" out when a page has none (clients read its presence).
        answer = {"kind": "bigquery#tableDataList", "etag": "\"0\"", "totalRows": str(total)}
        if rows:
            answer["rows"] = rows
        if following is not None:
            answer["pageToken"] = str(following)
        return 200, answer

    def insert_all(self, project, dataset, table, body, role):
        cur = self.db.cursor()
        return 200, insert_all(cur, self.catalog, self.writer, self.insert_ids,
                               (project, dataset, table), body, role)

    # ---- jobs ----

    def jobs_list(self, project, query, role, multi):
        states = [s.upper() for s in multi.get("stateFilter", [])]
        if any(s not in ("DONE", "PENDING", "RUNNING") for s in states):
            raise invalid("stateFilter takes done, pending and running", "stateFilter")
        # Creation times in milliseconds since the epoch, as BigQuery takes them. rovd runs no
        # scripts, so no job has a parent: a parentJobId lists nothing.
        window = (_int(query, "minCreationTime"), _int(query, "maxCreationTime"))
        if query.get("parentJobId"):
            window = (1, 0)
        return 200, self.jobs.list(project, role, _flag(query, "allUsers"), states,
                                   _int(query, "maxResults", 50, 1, 1000),
                                   query.get("pageToken"),
                                   query.get("projection", "minimal").lower() != "full", window)

    def job_insert(self, project, body, role):
        return 200, public(self.jobs.insert(project, body, role))

    def job_get(self, project, job_id):
        return 200, public(self.jobs.load(project, job_id))

    def job_cancel(self, project, job_id):
        return 200, self.jobs.cancel(project, job_id)

    def job_delete(self, project, job_id):
        self.jobs.delete(project, job_id)
        return 204, None

    def query_results(self, project, job_id, query):
        resource = self.jobs.wait(project, job_id, _wait_s(query.get("timeoutMs")))
        return 200, self._results(resource, query)

    def run_query(self, project, body, role):
        if not isinstance(body, dict):
            raise invalid("The request must be a JSON object")
        settings = {key: body[key] for key in (
            "query", "useLegacySql", "defaultDataset", "queryParameters", "parameterMode",
            "maximumBytesBilled", "useQueryCache", "labels") if key in body}
        if "useLegacySql" not in settings:
            settings["useLegacySql"] = False
        job = {"jobReference": {"projectId": project, "location": body.get("location") or "US"},
               "configuration": {"query": settings, "dryRun": bool(body.get("dryRun")),
                                 "labels": body.get("labels") or {}}}
        if body.get("requestId"):
            job["jobReference"]["jobId"] = "q_" + "".join(
                c if c.isalnum() or c in "_-" else "_" for c in str(body["requestId"]))[:200]
        resource = self.jobs.insert(project, job, role, wait=_wait_s(body.get("timeoutMs")))
        query = {"maxResults": body.get("maxResults"), "formatOptions.useInt64Timestamp":
                 str((body.get("formatOptions") or {}).get("useInt64Timestamp", "")).lower()}
        if resource["status"]["state"] == "DONE" and "jobId" not in resource["jobReference"]:
            stats = resource["statistics"]
            return 200, {"kind": "bigquery#queryResponse", "jobReference": resource[
                "jobReference"], "schema": stats["query"]["schema"], "jobComplete": True,
                "totalBytesProcessed": stats["totalBytesProcessed"], "cacheHit": False}
        answer = self._results(resource, {k: v for k, v in query.items() if v not in (None, "")})
        answer["kind"] = "bigquery#queryResponse"
        return 200, answer

    def _results(self, resource, query):
        reference = resource["jobReference"]
        if resource["status"]["state"] != "DONE":
            return {"kind": "bigquery#getQueryResultsResponse", "etag": "\"0\"",
                    "jobReference": reference, "jobComplete": False}
        self.jobs.results_or_error(resource)
        if "query" not in resource["configuration"]:
            raise invalid(f"Job {reference['jobId']} is not a query")
        stats = resource["statistics"].get("query", {})
        answer = {"kind": "bigquery#getQueryResultsResponse", "etag": "\"0\"",
                  "jobReference": reference, "jobComplete": True, "cacheHit": False,
                  "totalBytesProcessed": stats.get("totalBytesProcessed", "0")}
        for key in ("numDmlAffectedRows", "dmlStats"):
            if key in stats:
                answer[key] = stats[key]
        destination = resource["configuration"]["query"].get("destinationTable")
        if stats.get("statementType") != "SELECT" or not destination:
            answer["totalRows"] = "0"
            return answer
        target = (destination["projectId"], destination["datasetId"], destination["tableId"])
        cur = self.db.cursor()
        try:
            known = resource.get(RESULTS)
            fields, rows, following, total = page_rows(
                cur, self.catalog, target, _start(query), _int(query, "maxResults", None, 0), "",
                _flag(query, "formatOptions.useInt64Timestamp"),
                (known["fields"], known["rows"]) if known else None)
        except duckdb.CatalogException:
            raise BqError(404, "notFound", f"Not found: the results of job {reference['jobId']} "
                                           f"(query results are kept a day)") from None
        answer.update({"schema": {"fields": fields}, "totalRows": str(total)})
        if rows:
            answer["rows"] = rows
        if following is not None:
            answer["pageToken"] = str(following)
        return answer

    # ---- uploads ----

    def upload(self, method, project, query, headers, body, role, base):
        if method == "PUT":
            state = self.uploads.put(query.get("upload_id", ""), headers.get("content-range"),
                                     body)
            if state[0] == "incomplete":
                range_header = {"Range": f"bytes=0-{state[1] - 1}"} if state[1] else {}
                return 308, None, range_header
            session, path = state[1], state[2]
            return 200, public(self.jobs.insert(session["project"], session["job"],
                                                session["role"], upload=path)), {}
        kind = query.get("uploadType", "")
        if kind == "multipart":
            job, data = split_multipart(headers.get("content-type"), body)
            path = self.uploads.store_data(data)
            return 200, public(self.jobs.insert(project, job, role, upload=path)), {}
        if kind == "resumable":
            job = json.loads(body or b"{}")
            if not isinstance(job, dict) or "load" not in (job.get("configuration") or {}):
                raise invalid("A resumable upload starts with a load job as JSON")
            upload_id = self.uploads.start(project, job, role)
            location = (f"{base}/upload/bigquery/v2/projects/{project}/jobs?uploadType="
                        f"resumable&upload_id={upload_id}")
            return 200, None, {"Location": location}
        raise invalid("uploadType must be multipart or resumable", "uploadType")


def _start(query):
    token = query.get("pageToken")
    if token not in (None, ""):
        if not str(token).isdigit():
            raise invalid("pageToken is not one this service gave", "pageToken")
        return int(token)
    return _int(query, "startIndex", 0, 0)


def _paged(kind, key, items, query, total=False):
    start = int(query["pageToken"]) if str(query.get("pageToken", "")).isdigit() else 0
    size = _int(query, "maxResults", 1000, 0, 100000)
    answer = {"kind": kind, "etag": "\"0\"", key: items[start:start + size]}
    if start + size < len(items):
        answer["nextPageToken"] = str(start + size)
    if total:
        answer["totalItems"] = len(items)
    return answer
