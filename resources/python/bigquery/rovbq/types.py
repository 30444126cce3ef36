"""BigQuery's types and values in DuckDB, and back.

A BigQuery schema maps to DuckDB column types one to one, so a table's schema is read from
DuckDB's catalogue and never stored twice: DATETIME is DuckDB's TIMESTAMP, TIMESTAMP its
TIMESTAMP WITH TIME ZONE (the service runs in UTC), NUMERIC is DECIMAL(38,9) as in BigQuery,
and BIGNUMERIC, which has 76 digits in BigQuery, is the widest DuckDB has: DECIMAL(38,18).
REPEATED is a LIST, RECORD a STRUCT, REQUIRED a NOT NULL column."""

import base64
import datetime
import decimal
import json
import math

from .errors import invalid

# BigQuery's legacy names, which tables.get answers, for the standard ones clients may send.
CANONICAL = {"INT64": "INTEGER", "FLOAT64": "FLOAT", "BOOL": "BOOLEAN", "STRUCT": "RECORD"}
SCALAR_TO_DUCK = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "BOOLEAN": "BOOLEAN",
                  "STRING": "VARCHAR", "BYTES": "BLOB", "NUMERIC": "DECIMAL(38,9)",
                  "BIGNUMERIC": "DECIMAL(38,18)", "DATE": "DATE", "DATETIME": "TIMESTAMP",
                  "TIME": "TIME", "TIMESTAMP": "TIMESTAMPTZ", "JSON": "JSON"}
DUCK_TO_SCALAR = {"bigint": "INTEGER", "integer": "INTEGER", "smallint": "INTEGER",
                  "tinyint": "INTEGER", "ubigint": "INTEGER", "uinteger": "INTEGER",
                  "usmallint": "INTEGER", "utinyint": "INTEGER", "hugeint": "INTEGER",
                  "double": "FLOAT", "float": "FLOAT", "boolean": "BOOLEAN",
                  "varchar": "STRING", "blob": "BYTES", "date": "DATE", "timestamp": "DATETIME",
                  "timestamp_s": "DATETIME", "timestamp_ms": "DATETIME", "timestamp_ns": "DATETIME",
                  "time": "TIME", "timestamp with time zone": "TIMESTAMP", "json": "JSON",
                  "uuid": "STRING", "interval": "STRING", "bit": "STRING", "enum": "STRING"}
MODES = ("NULLABLE", "REQUIRED", "REPEATED")
MAX_DEPTH = 15  # BigQuery's limit on nested RECORDs


def canonical_type(name):
    upper = str(name or "").upper()
    return CANONICAL.get(upper, upper)


def quote(identifier):
    return '"' + str(identifier).replace('"', '""') + '"'


def check_name(name, what="field"):
    if not isinstance(name, str) or not name or len(name) > 300:
        raise invalid(f"A {what} needs a name of 1 to 300 characters")
    if not (name[0].isalpha() or name[0] == "_") or not all(c.isalnum() or c == "_" for c in name):
        raise invalid(f"Invalid {what} name \"{name[:80]}\": use letters, digits and underscores, "
                      f"starting with a letter or underscore")


def duck_type(field, depth=0):
    """The DuckDB type of a BigQuery field (its mode included)."""
    if not isinstance(field, dict):
        raise invalid("A schema field must be a JSON object")
    check_name(field.get("name"))
    kind = canonical_type(field.get("type"))
    mode = str(field.get("mode") or "NULLABLE").upper()
    if mode not in MODES:
        raise invalid(f"Field {field['name']}: mode must be NULLABLE, REQUIRED or REPEATED, not "
                      f"\"{mode[:40]}\"")
    if kind == "RECORD":
        children = field.get("fields") or []
        if not children or depth >= MAX_DEPTH:
            raise invalid(f"Field {field['name']} is a RECORD and needs 1 to {MAX_DEPTH} levels "
                          f"of fields")
        inner = "STRUCT(" + ", ".join(quote(c.get("name")) + " " + duck_type(c, depth + 1)
                                      for c in children) + ")"
    elif kind == "GEOGRAPHY":
        raise invalid(f"Field {field['name']}: GEOGRAPHY is not supported by rovd's BigQuery "
                      f"(its engine, DuckDB, runs without the spatial extension here)")
    elif kind in SCALAR_TO_DUCK:
        inner = SCALAR_TO_DUCK[kind]
    else:
        raise invalid(f"Field {field['name']}: unknown type \"{str(field.get('type'))[:40]}\"")
    if mode == "REPEATED":
        return inner + "[]"
    return inner


def column_sql(field):
    mode = str(field.get("mode") or "NULLABLE").upper()
    return quote(field["name"]) + " " + duck_type(field) + (" NOT NULL" if mode == "REQUIRED"
                                                             else "")


def bq_field(name, dtype, nullable=True):
    """The BigQuery field of a DuckDB column (a DuckDBPyType)."""
    field = {"name": name}
    type_id = dtype.id
    if type_id == "list" or type_id == "array":
        inner = bq_field(name, dtype.children[0][1])
        inner["mode"] = "REPEATED"
        return inner
    if type_id == "struct":
        field["type"] = "RECORD"
        field["fields"] = [bq_field(child, ctype) for child, ctype in dtype.children]
    elif type_id == "decimal":
        precision, scale = dtype.children[0][1], dtype.children[1][1]
        field["type"] = "NUMERIC" if scale <= 9 and precision - scale <= 29 else "BIGNUMERIC"
    elif type_id == "map":
        field["type"] = "JSON"
    else:
        field["type"] = DUCK_TO_SCALAR.get(type_id, "STRING")
    field["mode"] = "NULLABLE" if nullable else "REQUIRED"
    return field


# ---- values out: BigQuery's row format ({"f": [{"v": ...}]}) ----

def _epoch_micros(value):
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    delta = value - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    return (delta.days * 86400 + delta.seconds) * 1000000 + delta.microseconds


def _scalar_out(value, kind, int64_timestamp):
    if kind == "TIMESTAMP":
        micros = _epoch_micros(value)
        return str(micros) if int64_timestamp else repr(micros / 1e6)
    if kind == "BOOLEAN":
        return "true" if value else "false"
    if kind == "BYTES":
        return base64.b64encode(bytes(value)).decode()
    if kind == "FLOAT":
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(float(value))
    if kind == "DATETIME":
        return value.isoformat()
    if kind == "TIME":
        return value.isoformat()
    if kind in ("NUMERIC", "BIGNUMERIC"):
        text = format(value.normalize(), "f") if isinstance(value, decimal.Decimal) else str(value)
        return text
    if kind == "JSON" and not isinstance(value, str):
        return json.dumps(value)
    return str(value)


def cell(value, field, int64_timestamp=False):
    if value is None:
        return {"v": None}
    if field.get("mode") == "REPEATED":
        element = dict(field, mode="NULLABLE")
        return {"v": [cell(item, element, int64_timestamp) for item in value]}
    if field["type"] == "RECORD":
        return {"v": {"f": [cell(value.get(child["name"]), child, int64_timestamp)
                            for child in field["fields"]]}}
    return {"v": _scalar_out(value, field["type"], int64_timestamp)}


def row(values, fields, int64_timestamp=False):
    return {"f": [cell(v, f, int64_timestamp) for v, f in zip(values, fields)]}


# ---- values in: insertAll's JSON and query parameters ----

def _timestamp_in(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return datetime.datetime.fromtimestamp(value, tz=datetime.timezone.utc)
    text = str(value).strip()
    if text.endswith(" UTC"):
        text = text[:-4]
    text = text.replace("Z", "+00:00")
    try:
        parsed = datetime.datetime.fromisoformat(text)
    except ValueError:
        try:
            return datetime.datetime.fromtimestamp(float(text), tz=datetime.timezone.utc)
        except ValueError:
            raise ValueError(f"\"{text[:60]}\" is not a TIMESTAMP") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.timezone.utc)


def _scalar_in(value, kind):
    if kind == "INTEGER":
        if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
            raise ValueError(f"{value!r} is not an INT64")
        number = int(value)
        if not -2**63 <= number < 2**63:
            raise ValueError(f"{value} is out of range for INT64")
        return number
    if kind == "FLOAT":
        if isinstance(value, bool):
            raise ValueError(f"{value!r} is not a FLOAT64")
        return float(value)
    if kind == "BOOLEAN":
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "false"):
            return str(value).lower() == "true"
        raise ValueError(f"{value!r} is not a BOOL")
    if kind in ("NUMERIC", "BIGNUMERIC"):
        try:
            return decimal.Decimal(str(value))
        except decimal.InvalidOperation:
            raise ValueError(f"{value!r} is not a {kind}") from None
    if kind == "BYTES":
        return base64.b64decode(str(value), validate=True)
    if kind == "TIMESTAMP":
        return _timestamp_in(value)
    if kind == "DATETIME":
        return datetime.datetime.fromisoformat(str(value).replace("T", " "))
    if kind == "DATE":
        return datetime.date.fromisoformat(str(value))
    if kind == "TIME":
        return datetime.time.fromisoformat(str(value))
    if kind == "JSON":
        return value if isinstance(value, str) else json.dumps(value)
    if isinstance(value, (dict, list)):
        raise ValueError("a STRING cannot hold an object or an array")
    return str(value)


def value_in(value, field, path=None, ignore_unknown=False):
    """A JSON value for `field` as DuckDB takes it; ValueError(words) when it does not fit."""
    path = path or field["name"]
    mode = field.get("mode") or "NULLABLE"
    if value is None:
        if mode == "REQUIRED":
            raise ValueError(f"Missing required field: {path}.")
        return [] if mode == "REPEATED" else None
    if mode == "REPEATED":
        if not isinstance(value, list):
            raise ValueError(f"Field {path}: a REPEATED field takes an array")
        element = dict(field, mode="NULLABLE")
        return [value_in(item, element, path, ignore_unknown) for item in value]
    if field["type"] == "RECORD":
        if not isinstance(value, dict):
            raise ValueError(f"Field {path}: a RECORD takes an object")
        return record_in(value, field["fields"], path + ".", ignore_unknown)
    try:
        return _scalar_in(value, field["type"])
    except (ValueError, TypeError, OverflowError) as error:
        raise ValueError(f"Cannot convert value to {field['type']} in field {path}: {error}") \
            from None


def record_in(values, fields, prefix="", ignore_unknown=False):
    names = {f["name"].lower() for f in fields}
    unknown = [name for name in values if name.lower() not in names]
    if unknown and not ignore_unknown:
        raise ValueError(f"no such field: {prefix}{unknown[0][:80]}.")
    lowered = {name.lower(): v for name, v in values.items()}
    return {f["name"]: value_in(lowered.get(f["name"].lower()), f, prefix + f["name"],
                                ignore_unknown) for f in fields}


def parameter_value(ptype, pvalue, name):
    """A query parameter ({"type": ..., "arrayType"|"structTypes"}, {"value"|"arrayValues"|
    "structValues"}) as a Python value."""
    if not isinstance(ptype, dict):
        raise invalid(f"Query parameter {name}: parameterType must be an object", "q")
    kind = canonical_type(ptype.get("type"))
    pvalue = pvalue if isinstance(pvalue, dict) else {}
    if kind == "ARRAY":
        return [parameter_value(ptype.get("arrayType"), item, name)
                for item in pvalue.get("arrayValues") or []]
    if kind == "RECORD":
        values = pvalue.get("structValues") or {}
        return {member.get("name"): parameter_value(member.get("type"), values.get(
            member.get("name")), name) for member in ptype.get("structTypes") or []}
    if kind not in SCALAR_TO_DUCK:
        raise invalid(f"Query parameter {name}: unknown type \"{str(ptype.get('type'))[:40]}\"",
                      "q")
    if pvalue.get("value") is None:
        return None
    try:
        return _scalar_in(pvalue["value"], kind)
    except (ValueError, TypeError) as error:
        raise invalid(f"Query parameter {name}: {error}", "q") from None
