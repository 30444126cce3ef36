"""tabledata.list (a table's rows, paged, no query) and tabledata.insertAll (streaming inserts:
errors per row, insertId de-duplication for a while, as BigQuery does it best-effort)."""

import threading
import time

from . import catalog as cat
from . import sql as sqlmod
from .errors import invalid
from .txn import transaction
from .types import quote, record_in, row

DEDUP_SECONDS = 600
MAX_ROWS_PER_PAGE = 100000
MAX_BYTES_PER_PAGE = 10 * 1024 * 1024  # BigQuery answers at most about 10 MB a page


class InsertIds:
    """insertIds seen lately, per table: a retried insertAll adds its rows once."""

    def __init__(self):
        self._seen = {}
        self._lock = threading.Lock()

    def fresh(self, table, insert_id):
        now = time.monotonic()
        with self._lock:
            seen = self._seen.setdefault(table, {})
            if len(seen) > 100000:
                for key in [k for k, t in seen.items() if now - t > DEDUP_SECONDS]:
                    del seen[key]
            stamp = seen.get(insert_id)
            return stamp is None or now - stamp > DEDUP_SECONDS

    def remember(self, table, ids):
        now = time.monotonic()
        with self._lock:
            seen = self._seen.setdefault(table, {})
            for insert_id in ids:
                seen[insert_id] = now


def page_rows(cur, catalog, target, start, max_results, selected, int64_timestamp, known=None):
    """(fields, rows in BigQuery's format, next start or None, total rows). `known`: the table's
    (fields, row count) when the caller has them (a query's results, kept with its job)."""
    fields = known[0] if known else catalog.fields(cur, *target)
    if selected:
        wanted = [s.strip().split(".")[0].lower() for s in selected.split(",") if s.strip()]
        fields = [f for f in fields if f["name"].lower() in wanted]
    name = sqlmod.duck_quote_table(*target)
    total = known[1] if known else cur.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
    if not fields:
        return fields, [], None, total
    columns = ", ".join(quote(f["name"]) for f in fields)
    limit = min(max_results if max_results is not None else MAX_ROWS_PER_PAGE, MAX_ROWS_PER_PAGE)
    result = cur.execute(f"SELECT {columns} FROM {name} LIMIT ? OFFSET ?", [limit, start])
    rows, size = [], 0
    while True:
        batch = result.fetchmany(1000)
        if not batch:
            break
        for values in batch:
            converted = row(values, fields, int64_timestamp)
            rows.append(converted)
            size += sum(len(str(c["v"])) for c in converted["f"]) + 8
        if size > MAX_BYTES_PER_PAGE:
            break
    following = start + len(rows)
    return fields, rows, (following if following < total and rows else None), total


def insert_all(cur, catalog, writer, insert_ids, target, body, role):
    rows = body.get("rows")
    if not isinstance(rows, list):
        raise invalid("insertAll needs rows: an array of {\"json\": {...}}")
    if len(rows) > 50000:
        raise invalid("insertAll takes at most 50,000 rows a request")
    cat.check_writable(target[0], target[1], role)
    catalog.require_table(cur, *target)
    fields = catalog.fields(cur, *target)
    skip_invalid = bool(body.get("skipInvalidRows"))
    ignore_unknown = bool(body.get("ignoreUnknownValues"))
    key = ".".join(target)
    good, errors, ids = [], [], []
    for index, item in enumerate(rows):
        if not isinstance(item, dict) or not isinstance(item.get("json"), dict):
            errors.append(_row_error(index, "invalid", "The row needs a json object"))
            continue
        insert_id = item.get("insertId")
        if insert_id is not None and not insert_ids.fresh(key, str(insert_id)):
            continue
        try:
            values = record_in(item["json"], fields, "", ignore_unknown)
        except ValueError as error:
            errors.append(_row_error(index, "invalid", str(error)))
            continue
        good.append((index, [values[f["name"]] for f in fields]))
        if insert_id is not None:
            ids.append(str(insert_id))
    if errors and not skip_invalid:
        # BigQuery inserts none of the rows then, and says so for the good ones.
        failed = {e["index"] for e in errors}
        errors += [_row_error(i, "stopped", "") for i, _ in good if i not in failed]
        return _answer(sorted(errors, key=lambda e: e["index"]))
    if good:
        name = sqlmod.duck_quote_table(*target)
        marks = ", ".join("?" for _ in fields)
        with transaction(cur, writer):
            cur.executemany(f"INSERT INTO {name} VALUES ({marks})", [v for _, v in good])
            catalog.touch(cur, *target)
        insert_ids.remember(key, ids)
    return _answer(errors)


def _row_error(index, reason, message):
    return {"index": index, "errors": [{"reason": reason, "location": "", "debugInfo": "",
                                        "message": message}]}


def _answer(errors):
    answer = {"kind": "bigquery#tableDataInsertAllResponse"}
    if errors:
        answer["insertErrors"] = errors
    return answer
