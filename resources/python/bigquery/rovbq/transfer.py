"""Copy and extract jobs: a table copied into another in one transaction, and a table written to
a gs:// object of rovd's storage (CSV, JSON lines or Parquet) by DuckDB's own COPY, the object
appearing only once its bytes are on disk."""

import os
import secrets
import string

from . import catalog as cat
from . import sql as sqlmod
from .errors import BqError, invalid, not_found
from .txn import transaction
from .types import quote

EXTRACT_FORMATS = {"CSV": "csv", "NEWLINE_DELIMITED_JSON": "json", "PARQUET": "parquet"}
# BigQuery names the files of a wildcard URI with 12 digits; rovd writes one file, the first.
FIRST_SHARD = "000000000000"


def _table(reference, project, what):
    if not isinstance(reference, dict) or not reference.get("datasetId") or not \
            reference.get("tableId"):
        raise invalid(f"{what} needs datasetId and tableId")
    return (reference.get("projectId") or project, str(reference["datasetId"]),
            str(reference["tableId"]))


def _require_table(cur, catalog, table, what):
    catalog.require_dataset(cur, table[0], table[1])
    kind = catalog.table_kind(cur, *table)
    if kind is None:
        raise not_found(f"Table {table[0]}:{table[1]}.{table[2]}")
    if kind != "TABLE":
        raise invalid(f"{what} {table[0]}:{table[1]}.{table[2]} is a view; only tables can be "
                      f"copied or extracted (query the view into a table first)")


# ---- copy ----

def run_copy(cur, catalog, writer, project, copy, role):
    sources = copy.get("sourceTables") or ([copy["sourceTable"]] if copy.get("sourceTable")
                                           else [])
    if not isinstance(sources, list) or not sources:
        raise invalid("A copy job needs sourceTable or sourceTables")
    sources = [_table(s, project, "sourceTable") for s in sources]
    target = _table(copy.get("destinationTable"), project, "destinationTable")
    cat.check_writable(target[0], target[1], role)
    if target in sources:
        raise invalid("A copy job's destinationTable cannot be one of its sources")
    write = str(copy.get("writeDisposition") or "WRITE_EMPTY").upper()
    create = str(copy.get("createDisposition") or "CREATE_IF_NEEDED").upper()
    if write not in ("WRITE_EMPTY", "WRITE_APPEND", "WRITE_TRUNCATE"):
        raise invalid(f"writeDisposition {write[:40]} is not WRITE_EMPTY, WRITE_APPEND or "
                      f"WRITE_TRUNCATE")
    name = sqlmod.duck_quote_table(*target)
    select = " UNION ALL BY NAME ".join(
        f"SELECT * FROM {sqlmod.duck_quote_table(*source)}" for source in sources)
    with transaction(cur, writer):
        for source in sources:
            _require_table(cur, catalog, source, "sourceTable")
        catalog.require_dataset(cur, target[0], target[1])
        exists = catalog.table_kind(cur, *target) is not None
        if not exists and create == "CREATE_NEVER":
            raise not_found(f"Table {target[0]}:{target[1]}.{target[2]}")
        if exists and write == "WRITE_EMPTY" and \
                cur.execute(f"SELECT count(*) FROM {name}").fetchone()[0] > 0:
            raise BqError(409, "duplicate", f"Already Exists: Table {target[0]}:{target[1]}."
                                            f"{target[2]}")
        # Both statements answer the rows they wrote: the rows copied, not the table's total.
        if exists and write == "WRITE_APPEND":
            rows = cur.execute(f"INSERT INTO {name} BY NAME {select}").fetchone()[0]
        else:
            rows = cur.execute(f"CREATE OR REPLACE TABLE {name} AS {select}").fetchone()[0]
        catalog.touch(cur, *target)
    return {"copiedRows": str(rows)}


# ---- extract ----

def _object_path(storage_root, uri):
    """Where gs://bucket/name goes on disk, with the reasons BigQuery or rovd's storage would
    refuse it."""
    if not isinstance(uri, str) or not uri.startswith("gs://") or "/" not in uri[5:]:
        raise invalid(f"destinationUris: \"{str(uri)[:200]}\" is not gs://bucket/object")
    bucket, _, name = uri[5:].partition("/")
    if name.count("*") > 1:
        raise invalid(f"destinationUris: \"{uri[:200]}\" has more than one *")
    name = name.replace("*", FIRST_SHARD)
    parts = name.split("/")
    if not storage_root or bucket in ("", ".", "..") or "/" in bucket or \
            any(p in ("", ".", "..") for p in parts) or "\0" in name or "\n" in name:
        raise invalid(f"destinationUris: \"{uri[:200]}\" is not an object name rovd's storage "
                      f"can keep")
    folder = os.path.join(storage_root, bucket)
    if not os.path.isdir(folder):
        raise not_found(f"Bucket {bucket}")
    path = os.path.join(folder, name)
    if os.path.isdir(path):
        raise invalid(f"destinationUris: gs://{bucket}/{name} is a folder of other objects")
    parent = os.path.dirname(path)
    while len(parent) > len(folder):
        if os.path.isfile(parent):
            raise invalid(f"destinationUris: gs://{bucket}/{os.path.relpath(parent, folder)} is "
                          f"an object already and cannot also be a folder")
        parent = os.path.dirname(parent)
    return path


def _copy_options(extract, fmt, fields):
    compression = str(extract.get("compression") or "NONE").upper()
    if fmt == "parquet":
        if compression not in ("NONE", "SNAPPY", "GZIP", "ZSTD"):
            raise invalid(f"compression {compression[:20]} is not NONE, SNAPPY, GZIP or ZSTD "
                          f"for Parquet")
        return ["FORMAT parquet",
                f"COMPRESSION {'uncompressed' if compression == 'NONE' else compression.lower()}"]
    if compression not in ("NONE", "GZIP"):
        raise invalid(f"compression {compression[:20]} is not NONE or GZIP for {fmt.upper()}")
    options = [f"FORMAT {fmt}",
               f"COMPRESSION {'gzip' if compression == 'GZIP' else 'uncompressed'}"]
    if fmt == "csv":
        nested = [f["name"] for f in fields if f.get("type") in ("RECORD", "STRUCT") or
                  f.get("mode") == "REPEATED"]
        if nested:
            raise invalid(f"Operation cannot be performed on a nested schema. Field: {nested[0]} "
                          f"(extract to NEWLINE_DELIMITED_JSON or PARQUET instead)")
        delimiter = extract.get("fieldDelimiter") or ","
        header = extract.get("printHeader", True) not in (False, "false")
        options += [f"HEADER {'true' if header else 'false'}",
                    "DELIMITER '" + str(delimiter).replace("'", "''") + "'"]
    return options


def run_extract(cur, catalog, project, extract, storage_root):
    source = _table(extract.get("sourceTable"), project, "sourceTable")
    uris = extract.get("destinationUris") or ([extract["destinationUri"]]
                                             if extract.get("destinationUri") else [])
    if not isinstance(uris, list) or not uris:
        raise invalid("An extract job needs destinationUris (gs://bucket/object)")
    if len(uris) > 1:
        raise invalid("rovd's BigQuery writes an extract to one destination URI; give one")
    given = str(extract.get("destinationFormat") or "CSV").upper()
    if given not in EXTRACT_FORMATS:
        raise invalid(f"destinationFormat {given[:40]} is not supported by rovd's BigQuery: use "
                      f"CSV, NEWLINE_DELIMITED_JSON or PARQUET")
    fmt = EXTRACT_FORMATS[given]
    path = _object_path(storage_root, uris[0])
    _require_table(cur, catalog, source, "sourceTable")
    fields = catalog.fields(cur, *source)
    options = _copy_options(extract, fmt, fields)
    table = sqlmod.duck_quote_table(*source)
    columns = "*"
    if fmt == "json":
        # BigQuery writes INT64 as JSON strings, so that no reader rounds it to a double.
        columns = ", ".join(
            f"CAST({quote(f['name'])} AS VARCHAR) AS {quote(f['name'])}"
            if f.get("type") in ("INTEGER", "INT64") and f.get("mode") != "REPEATED"
            else quote(f["name"]) for f in fields)
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    temporary = _temporary_beside(path)
    try:
        quoted = "'" + temporary.replace("'", "''") + "'"
        cur.execute(f"COPY (SELECT {columns} FROM {table}) TO {quoted} ({', '.join(options)})")
        _sync_and_rename(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    return {"destinationUriFileCounts": ["1"], "inputBytes": str(os.path.getsize(path))}


def _temporary_beside(path):
    """A new empty file next to `path`, named as rovd's storage names its temporary files
    (".NAME.rov-XXXXXX"), which its listings leave out."""
    alphabet = string.ascii_letters + string.digits
    for _ in range(100):
        suffix = "".join(secrets.choice(alphabet) for _ in range(6))
        candidate = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.rov-{suffix}")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            return candidate
        except FileExistsError:
            continue
    raise BqError(500, "backendError", "No temporary name was free next to the extract's object")


def _sync_and_rename(temporary, path):
    """The object's bytes on disk, then its name: a crash leaves the old object or the new one."""
    descriptor = os.open(temporary, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.chmod(temporary, 0o600)
    os.rename(temporary, path)
    folder = os.open(os.path.dirname(path), os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
