"""Datasets and tables: DuckDB schemas and tables, with what BigQuery keeps beside them (labels,
descriptions, times, a view's GoogleSQL) in the service's own schema of the same database, so
that a change and its metadata commit in one transaction."""

import json
import time

from . import sql as sqlmod
from .errors import BqError, denied, duplicate, invalid, not_found
from .types import bq_field, check_name, column_sql, quote

META = "__rov"
HIDDEN_PREFIX = "_"  # datasets.list leaves these out unless all=true, as BigQuery does
ANONYMOUS = "_rov_anonymous"  # where query results go when a query names no destination
FIXED_BYTES = {"INTEGER": 8, "FLOAT": 8, "BOOLEAN": 1, "DATE": 8, "DATETIME": 8, "TIME": 8,
               "TIMESTAMP": 8, "NUMERIC": 16, "BIGNUMERIC": 32}


def now_ms():
    return int(time.time() * 1000)


def create_meta(cur):
    cur.execute(f"CREATE SCHEMA IF NOT EXISTS {META}")
    cur.execute(f"""CREATE TABLE IF NOT EXISTS {META}.datasets (project VARCHAR, dataset VARCHAR,
        location VARCHAR, description VARCHAR, friendly_name VARCHAR, labels VARCHAR,
        created BIGINT, modified BIGINT, PRIMARY KEY (project, dataset))""")
    cur.execute(f"""CREATE TABLE IF NOT EXISTS {META}.tables (project VARCHAR, dataset VARCHAR,
        name VARCHAR, description VARCHAR, friendly_name VARCHAR, labels VARCHAR,
        created BIGINT, modified BIGINT, field_descriptions VARCHAR, view_query VARCHAR,
        column_bytes VARCHAR, PRIMARY KEY (project, dataset, name))""")
    cur.execute(f"""CREATE TABLE IF NOT EXISTS {META}.jobs (project VARCHAR, job_id VARCHAR,
        location VARCHAR, created BIGINT, state VARCHAR, user_email VARCHAR, resource VARCHAR,
        PRIMARY KEY (project, job_id))""")


def _labels(body, current=None):
    labels = body.get("labels", current if current is not None else {})
    if labels is None:
        return {}
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise invalid("labels must be an object of string values")
    return labels


def _merged_labels(stored, body, replace):
    """A patch's labels over the stored ones (a null value removes one); an update's replace
    them."""
    labels = {} if replace else json.loads(stored or "{}")
    given = body.get("labels") or {}
    if not isinstance(given, dict) or not all(v is None or isinstance(v, str)
                                              for v in given.values()):
        raise invalid("labels must be an object of string values")
    for key, value in given.items():
        if value is None:
            labels.pop(key, None)
        else:
            labels[key] = value
    return labels


def _string(body, name, current=None):
    value = body.get(name, current)
    if value is not None and not isinstance(value, str):
        raise invalid(f"{name} must be a string")
    return value


class Catalog:
    def __init__(self, etag_seed=""):
        self._seed = etag_seed

    # ---- datasets ----

    def dataset_row(self, cur, project, dataset):
        return cur.execute(f"SELECT location, description, friendly_name, labels, created, "
                           f"modified FROM {META}.datasets WHERE project = ? AND dataset = ?",
                           [project, dataset]).fetchone()

    def require_dataset(self, cur, project, dataset):
        row = self.dataset_row(cur, project, dataset)
        if row is None:
            raise not_found(f"Dataset {project}:{dataset}")
        return row

    def dataset_resource(self, cur, project, dataset, full=True):
        location, description, friendly, labels, created, modified = \
            self.require_dataset(cur, project, dataset)
        resource = {"kind": "bigquery#dataset", "id": f"{project}:{dataset}",
                    "datasetReference": {"projectId": project, "datasetId": dataset},
                    "location": location, "labels": json.loads(labels or "{}")}
        if not full:
            return resource
        resource.update({"etag": f"\"{modified}\"", "creationTime": str(created),
                         "lastModifiedTime": str(modified), "type": "DEFAULT",
                         "selfLink": f"/bigquery/v2/projects/{project}/datasets/{dataset}"})
        if description is not None:
            resource["description"] = description
        if friendly is not None:
            resource["friendlyName"] = friendly
        return resource

    def list_datasets(self, cur, project, show_all, label_filter):
        rows = cur.execute(f"SELECT dataset, labels FROM {META}.datasets WHERE project = ? "
                           f"ORDER BY dataset", [project]).fetchall()
        names = []
        for dataset, labels in rows:
            if dataset.startswith(HIDDEN_PREFIX) and not show_all:
                continue
            if label_filter and not _matches_labels(json.loads(labels or "{}"), label_filter):
                continue
            names.append(dataset)
        return names

    def insert_dataset(self, cur, project, body):
        reference = body.get("datasetReference") or {}
        if not isinstance(reference, dict):
            raise invalid("datasetReference must be an object")
        dataset = reference.get("datasetId")
        check_name(dataset, "dataset")
        if reference.get("projectId") not in (None, project):
            raise invalid(f"datasetReference.projectId ({str(reference['projectId'])[:60]}) "
                          f"differs from the project in the path ({project})")
        if self.dataset_row(cur, project, dataset) is not None:
            raise duplicate(f"Dataset {project}:{dataset}")
        location = _string(body, "location") or "US"
        stamp = now_ms()
        cur.execute(f"CREATE SCHEMA {quote(sqlmod.schema_name(project, dataset))}")
        cur.execute(f"INSERT INTO {META}.datasets VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [project, dataset, location, _string(body, "description"),
                     _string(body, "friendlyName"), json.dumps(_labels(body)), stamp, stamp])
        return dataset

    def patch_dataset(self, cur, project, dataset, body, replace):
        location, description, friendly, labels, _, _ = self.require_dataset(cur, project, dataset)
        if body.get("location") not in (None, location):
            raise invalid(f"A dataset's location cannot change (it is {location})")
        new_labels = _merged_labels(labels, body, replace)
        if replace:
            description = friendly = None
        cur.execute(f"UPDATE {META}.datasets SET description = ?, friendly_name = ?, labels = ?, "
                    f"modified = ? WHERE project = ? AND dataset = ?",
                    [_string(body, "description", description),
                     _string(body, "friendlyName", friendly), json.dumps(new_labels), now_ms(),
                     project, dataset])

    def delete_dataset(self, cur, project, dataset, delete_contents):
        self.require_dataset(cur, project, dataset)
        tables = self.table_names(cur, project, dataset)
        if tables and not delete_contents:
            raise BqError(400, "resourceInUse",
                          f"Dataset {project}:{dataset} is still in use: it holds "
                          f"{len(tables)} table(s); delete them first or pass "
                          f"deleteContents=true")
        cur.execute(f"DROP SCHEMA {quote(sqlmod.schema_name(project, dataset))} CASCADE")
        cur.execute(f"DELETE FROM {META}.tables WHERE project = ? AND dataset = ?",
                    [project, dataset])
        cur.execute(f"DELETE FROM {META}.datasets WHERE project = ? AND dataset = ?",
                    [project, dataset])

    # ---- tables ----

    def table_names(self, cur, project, dataset):
        schema = sqlmod.schema_name(project, dataset)
        rows = cur.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = ? "
                           "UNION ALL SELECT view_name FROM duckdb_views() WHERE schema_name = ? "
                           "AND NOT internal ORDER BY 1", [schema, schema]).fetchall()
        return [name for (name,) in rows]

    def table_kind(self, cur, project, dataset, table):
        schema = sqlmod.schema_name(project, dataset)
        if cur.execute("SELECT 1 FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?",
                       [schema, table]).fetchone():
            return "TABLE"
        if cur.execute("SELECT 1 FROM duckdb_views() WHERE schema_name = ? AND view_name = ?",
                       [schema, table]).fetchone():
            return "VIEW"
        return None

    def require_table(self, cur, project, dataset, table):
        self.require_dataset(cur, project, dataset)
        kind = self.table_kind(cur, project, dataset, table)
        if kind is None:
            raise not_found(f"Table {project}:{dataset}.{table}")
        return kind

    def fields(self, cur, project, dataset, table):
        """The table's BigQuery schema, read from DuckDB's catalogue."""
        name = sqlmod.duck_quote_table(project, dataset, table)
        described = cur.execute(f"SELECT * FROM {name} LIMIT 0").description
        # pragma_table_info reads one table's entry (duckdb_columns() would scan them all).
        nullable = {column: not required for column, required in cur.execute(
            'SELECT name, "notnull" FROM pragma_table_info(?)', [name]).fetchall()}
        meta = self._meta_row(cur, project, dataset, table)
        descriptions = json.loads(meta[6] or "{}") if meta else {}
        fields = []
        for column in described:
            field = bq_field(column[0], column[1], nullable.get(column[0], True))
            if column[0] in descriptions:
                field["description"] = descriptions[column[0]]
            fields.append(field)
        return fields

    def _meta_row(self, cur, project, dataset, table):
        return cur.execute(f"SELECT description, friendly_name, labels, created, modified, "
                           f"view_query, field_descriptions, column_bytes FROM {META}.tables "
                           f"WHERE project = ? AND dataset = ? AND name = ?",
                           [project, dataset, table]).fetchone()

    def read_size(self, cur, project, dataset, table):
        """What a query reading the table is billed for, by column (None for a view, whose
        tables are counted themselves), found with one statement when the sizes are known:
        notFound for a missing dataset or table, as require_table says it."""
        schema = sqlmod.schema_name(project, dataset)
        has_dataset, is_table, is_view, sizes = cur.execute(
            f"SELECT EXISTS (SELECT 1 FROM {META}.datasets WHERE project = ? AND dataset = ?), "
            f"EXISTS (SELECT 1 FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?), "
            f"EXISTS (SELECT 1 FROM duckdb_views() WHERE schema_name = ? AND view_name = ?), "
            f"(SELECT column_bytes FROM {META}.tables WHERE project = ? AND dataset = ? AND "
            f"name = ?)", [project, dataset, schema, table, schema, table, project, dataset,
                           table]).fetchone()
        if not has_dataset:
            raise not_found(f"Dataset {project}:{dataset}")
        if not is_table and not is_view:
            raise not_found(f"Table {project}:{dataset}.{table}")
        if is_view:
            return None
        return json.loads(sizes) if sizes else self.column_bytes(cur, project, dataset, table)

    def column_bytes(self, cur, project, dataset, table, fields=None):
        """BigQuery's logical size of each column (what a query that reads it is billed for),
        computed once after each change."""
        meta = self._meta_row(cur, project, dataset, table)
        if meta and meta[7]:
            return json.loads(meta[7])
        fields = fields or self.fields(cur, project, dataset, table)
        if not fields or self.table_kind(cur, project, dataset, table) != "TABLE":
            return {f["name"]: 0 for f in fields}
        parts = [_column_size_sql(f) for f in fields]
        sizes = cur.execute(f"SELECT {', '.join(parts)} FROM "
                            f"{sqlmod.duck_quote_table(project, dataset, table)}").fetchone()
        result = {f["name"]: int(size or 0) for f, size in zip(fields, sizes)}
        if meta:
            cur.execute(f"UPDATE {META}.tables SET column_bytes = ? WHERE project = ? AND "
                        f"dataset = ? AND name = ?", [json.dumps(result), project, dataset, table])
        return result

    def table_resource(self, cur, project, dataset, table, selected=None):
        kind = self.require_table(cur, project, dataset, table)
        self.ensure_meta(cur, project, dataset, table)
        description, friendly, labels, created, modified, view_query, _, _ = \
            self._meta_row(cur, project, dataset, table)
        fields = self.fields(cur, project, dataset, table)
        if selected:
            fields = [f for f in fields if f["name"] in selected]
        dataset_location = self.require_dataset(cur, project, dataset)[0]
        resource = {"kind": "bigquery#table", "id": f"{project}:{dataset}.{table}",
                    "etag": f"\"{modified}\"",
                    "selfLink": f"/bigquery/v2/projects/{project}/datasets/{dataset}/tables/{table}",
                    "tableReference": {"projectId": project, "datasetId": dataset,
                                       "tableId": table},
                    "schema": {"fields": fields}, "labels": json.loads(labels or "{}"),
                    "creationTime": str(created), "lastModifiedTime": str(modified),
                    "type": kind, "location": dataset_location}
        if kind == "TABLE":
            rows = cur.execute(f"SELECT count(*) FROM "
                               f"{sqlmod.duck_quote_table(project, dataset, table)}").fetchone()[0]
            size = sum(self.column_bytes(cur, project, dataset, table).values())
            resource.update({"numRows": str(rows), "numBytes": str(size),
                             "numLongTermBytes": "0", "numActiveLogicalBytes": str(size),
                             "numTotalLogicalBytes": str(size)})
        else:
            resource["view"] = {"query": view_query or "", "useLegacySql": False}
        if description is not None:
            resource["description"] = description
        if friendly is not None:
            resource["friendlyName"] = friendly
        return resource

    def ensure_meta(self, cur, project, dataset, table):
        """A row for a table made by SQL (CREATE TABLE in a query), with now as its times."""
        if self._meta_row(cur, project, dataset, table) is None:
            stamp = now_ms()
            cur.execute(f"INSERT INTO {META}.tables VALUES (?, ?, ?, NULL, NULL, '{{}}', ?, ?, "
                        f"'{{}}', NULL, NULL)", [project, dataset, table, stamp, stamp])

    def note_new_table(self, cur, project, dataset, table):
        """The row of a table just made by SQL that nobody else can have named (a query's own
        results): one INSERT, with now as its times."""
        stamp = now_ms()
        cur.execute(f"INSERT INTO {META}.tables VALUES (?, ?, ?, NULL, NULL, '{{}}', ?, ?, "
                    f"'{{}}', NULL, NULL)", [project, dataset, table, stamp, stamp])

    def touch(self, cur, project, dataset, table):
        """A table's rows or schema changed: its time moves and its size is computed again."""
        self.ensure_meta(cur, project, dataset, table)
        cur.execute(f"UPDATE {META}.tables SET modified = ?, column_bytes = NULL WHERE "
                    f"project = ? AND dataset = ? AND name = ?",
                    [now_ms(), project, dataset, table])

    def forget_table(self, cur, project, dataset, table):
        cur.execute(f"DELETE FROM {META}.tables WHERE project = ? AND dataset = ? AND name = ?",
                    [project, dataset, table])

    def insert_table(self, cur, project, dataset, body, translate_view):
        reference = body.get("tableReference") or {}
        if not isinstance(reference, dict):
            raise invalid("tableReference must be an object")
        table = reference.get("tableId")
        check_name(table, "table")
        if reference.get("datasetId") not in (None, dataset):
            raise invalid("tableReference.datasetId differs from the dataset in the path")
        self.require_dataset(cur, project, dataset)
        if self.table_kind(cur, project, dataset, table):
            raise duplicate(f"Table {project}:{dataset}.{table}")
        name = sqlmod.duck_quote_table(project, dataset, table)
        view = body.get("view")
        fields = ((body.get("schema") or {}).get("fields") or []) if isinstance(
            body.get("schema"), dict) else None
        if fields is None:
            raise invalid("schema must be an object with fields")
        view_query = None
        if isinstance(view, dict) and view.get("query"):
            if view.get("useLegacySql"):
                raise invalid("Legacy SQL views are not supported by rovd's BigQuery; set "
                              "view.useLegacySql to false")
            view_query = view["query"]
            statement = translate_view(view_query)
            cur.execute(f"CREATE VIEW {name} AS {statement.duck_sql}")
        else:
            if not fields:
                raise invalid("rovd's BigQuery needs a table's schema to create it (its engine "
                              "has no tables without columns): give schema.fields, or let a "
                              "load job with autodetect create the table")
            _check_unique([f.get("name") for f in fields])
            cur.execute(f"CREATE TABLE {name} ({', '.join(column_sql(f) for f in fields)})")
        stamp = now_ms()
        cur.execute(f"INSERT INTO {META}.tables VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                    [project, dataset, table, _string(body, "description"),
                     _string(body, "friendlyName"), json.dumps(_labels(body)), stamp, stamp,
                     json.dumps(_descriptions(fields)), view_query])
        return table

    def patch_table(self, cur, project, dataset, table, body, replace):
        """Labels, descriptions and new NULLABLE columns; BigQuery refuses other schema
        changes in a patch, and so does this."""
        kind = self.require_table(cur, project, dataset, table)
        self.ensure_meta(cur, project, dataset, table)
        description, friendly, labels, _, _, _, descriptions, _ = \
            self._meta_row(cur, project, dataset, table)
        new_labels = _merged_labels(labels, body, replace)
        field_descriptions = json.loads(descriptions or "{}")
        schema = body.get("schema")
        if schema is not None:
            if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
                raise invalid("schema must be an object with fields")
            if kind != "TABLE":
                raise invalid("A view's schema comes from its query and cannot be patched")
            field_descriptions.update(_descriptions(schema["fields"]))
            self._add_columns(cur, project, dataset, table, schema["fields"])
        cur.execute(f"UPDATE {META}.tables SET description = ?, friendly_name = ?, labels = ?, "
                    f"field_descriptions = ?, modified = ?, column_bytes = NULL WHERE project = ? "
                    f"AND dataset = ? AND name = ?",
                    [_string(body, "description", None if replace else description),
                     _string(body, "friendlyName", None if replace else friendly),
                     json.dumps(new_labels), json.dumps(field_descriptions), now_ms(), project,
                     dataset, table])

    def _add_columns(self, cur, project, dataset, table, fields):
        current = {f["name"].lower(): f for f in self.fields(cur, project, dataset, table)}
        given = {str(f.get("name", "")).lower() for f in fields if isinstance(f, dict)}
        missing = [name for name in current if name not in given]
        if missing:
            raise invalid(f"Provided Schema does not match Table {project}:{dataset}.{table}. "
                          f"Field {current[missing[0]]['name']} is missing in new schema")
        name = sqlmod.duck_quote_table(project, dataset, table)
        for field in fields:
            old = current.get(str(field.get("name", "")).lower())
            if old is None:
                if str(field.get("mode") or "NULLABLE").upper() == "REQUIRED":
                    raise invalid(f"Provided Schema does not match Table {project}:{dataset}."
                                  f"{table}. Cannot add required field {field.get('name')}")
                cur.execute(f"ALTER TABLE {name} ADD COLUMN {column_sql(field)}")
                continue
            new_type = str(field.get("type", "")).upper()
            if new_type and _norm(new_type) != _norm(old["type"]):
                raise invalid(f"Provided Schema does not match Table {project}:{dataset}."
                              f"{table}. Field {old['name']} has changed type from {old['type']} "
                              f"to {new_type}")

    def delete_table(self, cur, project, dataset, table):
        kind = self.require_table(cur, project, dataset, table)
        cur.execute(f"DROP {'VIEW' if kind == 'VIEW' else 'TABLE'} "
                    f"{sqlmod.duck_quote_table(project, dataset, table)}")
        self.forget_table(cur, project, dataset, table)

    def reconcile(self, cur):
        """After SQL that created or dropped tables: metadata for each table there is, and for no
        other."""
        known = cur.execute(f"SELECT project, dataset, name FROM {META}.tables").fetchall()
        present = set()
        for project, dataset in cur.execute(f"SELECT project, dataset FROM "
                                            f"{META}.datasets").fetchall():
            for table in self.table_names(cur, project, dataset):
                present.add((project, dataset, table))
                self.ensure_meta(cur, project, dataset, table)
        for row in known:
            if tuple(row) not in present:
                self.forget_table(cur, *row)


def check_writable(project, dataset, role):
    if dataset == ANONYMOUS and role != "admin":
        raise denied(f"Dataset {project}:{dataset} holds query results and is read-only")


def _norm(kind):
    upper = kind.upper()
    return {"INT64": "INTEGER", "FLOAT64": "FLOAT", "BOOL": "BOOLEAN", "STRUCT": "RECORD"}.get(
        upper, upper)


def _check_unique(names):
    seen = set()
    for name in names:
        key = str(name).lower()
        if key in seen:
            raise invalid(f"Field {name} appears more than once in the schema")
        seen.add(key)


def _descriptions(fields):
    return {f["name"]: f["description"] for f in fields
            if isinstance(f, dict) and isinstance(f.get("description"), str) and f.get("name")}


def _matches_labels(labels, label_filter):
    for term in label_filter.split():
        if term.startswith("labels."):
            key, _, value = term[len("labels."):].partition(":")
            if key not in labels or (value and labels[key] != value):
                return False
    return True


def _column_size_sql(field):
    column = quote(field["name"])
    if field.get("mode") == "REPEATED" or field["type"] in ("RECORD", "JSON"):
        return f"sum(strlen(to_json({column})::VARCHAR))"
    if field["type"] in FIXED_BYTES:
        return f"count({column}) * {FIXED_BYTES[field['type']]}"
    if field["type"] == "BYTES":
        return f"sum(octet_length({column}) + 2)"
    return f"sum(strlen({column}::VARCHAR) + 2)"
