"""Load jobs: Parquet, CSV and JSON lines from an upload or from gs:// objects in rovd's storage,
read by DuckDB's own readers, into a new or existing table in one transaction."""

import glob
import os

from . import catalog as cat
from . import sql as sqlmod
from .errors import BqError, invalid, not_found
from .txn import transaction
from .types import column_sql, quote

FORMATS = {"CSV": "csv", "NEWLINE_DELIMITED_JSON": "json", "PARQUET": "parquet"}


def _literal(text):
    return "'" + str(text).replace("'", "''") + "'"


def source_files(uris, upload, storage_root):
    """The local files a load reads: its upload, or the objects its gs:// URIs name (a * in the
    object's name matches any characters, as in BigQuery)."""
    if upload:
        return [upload]
    if not isinstance(uris, list) or not uris:
        raise invalid("sourceUris must list gs:// objects")
    files = []
    for uri in uris:
        if not isinstance(uri, str) or not uri.startswith("gs://") or "/" not in uri[5:]:
            raise invalid(f"sourceUris: \"{str(uri)[:200]}\" is not gs://bucket/object")
        bucket, _, name = uri[5:].partition("/")
        if not storage_root or ".." in name.split("/") or bucket in ("", ".", ".."):
            raise invalid(f"sourceUris: \"{uri[:200]}\" is not an object of rovd's storage")
        path = os.path.join(storage_root, bucket, name)
        matches = sorted(glob.glob(glob.escape(path).replace(glob.escape("*"), "*"))) \
            if "*" in name else ([path] if os.path.isfile(path) else [])
        if not matches:
            raise not_found(f"URI {uri[:200]}")
        files.extend(m for m in matches if os.path.isfile(m))
    return files


def _reader(load, files):
    fmt = str(load.get("sourceFormat") or "CSV").upper()
    if fmt not in FORMATS:
        raise invalid(f"sourceFormat {fmt[:40]} is not supported by rovd's BigQuery: use CSV, "
                      f"NEWLINE_DELIMITED_JSON or PARQUET")
    listed = "[" + ", ".join(_literal(f) for f in files) + "]"
    if FORMATS[fmt] == "parquet":
        return f"read_parquet({listed})"
    if FORMATS[fmt] == "json":
        return f"read_json({listed}, format='newline_delimited')"
    skip = int(load.get("skipLeadingRows") or 0)
    delimiter = load.get("fieldDelimiter") or ","
    options = [f"header={'true' if skip > 0 else 'false'}", f"delim={_literal(delimiter)}"]
    if skip > 1:
        options.append(f"skip={skip - 1}")
    if load.get("allowJaggedRows"):
        options.append("null_padding=true")
    if load.get("quote") is not None:
        options.append(f"quote={_literal(load['quote'])}")
    return f"read_csv({listed}, {', '.join(options)})"


def _destination(load, project, role):
    destination = load.get("destinationTable")
    if not isinstance(destination, dict) or not destination.get("tableId") or not \
            destination.get("datasetId"):
        raise invalid("A load job needs destinationTable (datasetId and tableId)")
    target = (destination.get("projectId") or project, destination["datasetId"],
              destination["tableId"])
    cat.check_writable(target[0], target[1], role)
    return target


def run_load(cur, catalog, project, load, upload, storage_root, role):
    target = _destination(load, project, role)
    files = source_files(load.get("sourceUris"), upload, storage_root)
    reader = _reader(load, files)
    schema = (load.get("schema") or {}).get("fields") if isinstance(load.get("schema"),
                                                                     dict) else None
    write = str(load.get("writeDisposition") or "WRITE_APPEND").upper()
    create = str(load.get("createDisposition") or "CREATE_IF_NEEDED").upper()
    name = sqlmod.duck_quote_table(*target)
    with transaction(cur):
        catalog.require_dataset(cur, target[0], target[1])
        exists = catalog.table_kind(cur, *target) is not None
        if not exists and create == "CREATE_NEVER":
            raise not_found(f"Table {target[0]}:{target[1]}.{target[2]}")
        before = cur.execute(f"SELECT count(*) FROM {name}").fetchone()[0] if exists else 0
        if exists and write == "WRITE_EMPTY" and before > 0:
            raise BqError(400, "duplicate", f"Already Exists: Table {target[0]}:{target[1]}."
                                            f"{target[2]}")
        if exists and write == "WRITE_TRUNCATE":
            cur.execute(f"DELETE FROM {name}")
            before = 0
        if not exists:
            if schema:
                cur.execute(f"CREATE TABLE {name} ({', '.join(column_sql(f) for f in schema)})")
            elif load.get("autodetect") or str(load.get("sourceFormat", "")).upper() == "PARQUET":
                cur.execute(f"CREATE TABLE {name} AS SELECT * FROM {reader} LIMIT 0")
            else:
                raise invalid("A load into a new table needs a schema or autodetect=true")
        _copy_rows(cur, catalog, target, reader, load)
        after = cur.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        catalog.touch(cur, *target)
    size = sum(os.path.getsize(f) for f in files)
    return {"inputFiles": str(len(files)), "inputFileBytes": str(size),
            "outputRows": str(after - before), "outputBytes": str(size), "badRecords": "0"}


def _copy_rows(cur, catalog, target, reader, load):
    """The source's rows into the table: by position for a headerless CSV of as many columns,
    else by name (unknown columns refused, ignored, or added with ALLOW_FIELD_ADDITION)."""
    name = sqlmod.duck_quote_table(*target)
    columns = [quote(f["name"]) for f in catalog.fields(cur, *target)]
    known = {c.lower() for c in columns}
    source_columns = [d[0] for d in cur.execute(f"SELECT * FROM {reader} LIMIT 0").description]
    if str(load.get("sourceFormat") or "CSV").upper() == "CSV" and not int(
            load.get("skipLeadingRows") or 0) and len(source_columns) == len(columns):
        cur.execute(f"INSERT INTO {name} SELECT * FROM {reader}")
    else:
        unknown = [c for c in source_columns if quote(c).lower() not in known]
        if unknown and not load.get("ignoreUnknownValues") and not \
                _schema_update_allows(load):
            raise invalid(f"Provided Schema does not match Table {target[0]}:{target[1]}."
                          f"{target[2]}. Cannot add fields (field: {unknown[0][:80]})")
        if unknown and _schema_update_allows(load):
            described = dict((d[0], d[1]) for d in cur.execute(
                f"SELECT * FROM {reader} LIMIT 0").description)
            for column in unknown:
                cur.execute(f"ALTER TABLE {name} ADD COLUMN {quote(column)} "
                            f"{described[column]}")
                known.add(quote(column).lower())
        picked = [quote(c) for c in source_columns if quote(c).lower() in known]
        cur.execute(f"INSERT INTO {name} ({', '.join(picked)}) SELECT {', '.join(picked)} "
                    f"FROM {reader}")


def _schema_update_allows(load):
    options = load.get("schemaUpdateOptions") or []
    return isinstance(options, list) and "ALLOW_FIELD_ADDITION" in options
