"""GoogleSQL to DuckDB with sqlglot: table names become the DuckDB schema of their dataset, and
the statement's kind and the tables it reads and writes are read from the parse tree."""

import functools
import re

import sqlglot
from sqlglot import exp

from .errors import invalid_query
from .types import quote

# BigQuery's statement types (statistics.query.statementType) by sqlglot's expression class.
STATEMENT_TYPES = {exp.Select: "SELECT", exp.Union: "SELECT", exp.Intersect: "SELECT",
                   exp.Except: "SELECT", exp.Insert: "INSERT", exp.Update: "UPDATE",
                   exp.Delete: "DELETE", exp.Merge: "MERGE", exp.Drop: "DROP_TABLE",
                   exp.Alter: "ALTER_TABLE", exp.Subquery: "SELECT"}
DML = {"INSERT", "UPDATE", "DELETE", "MERGE"}
LEGACY_TABLE = re.compile(r"\[[\w-]+[:.][\w.-]+\]")


def schema_name(project, dataset):
    """The DuckDB schema that holds a dataset's tables."""
    return f"{project}.{dataset}"


class Statement:
    def __init__(self, duck_sql, statement_type, reads, target, tree):
        self.duck_sql = duck_sql
        self.statement_type = statement_type
        self.reads = reads      # [(project, dataset, table)] the statement reads
        self.target = target    # (project, dataset, table) a DML or DDL statement changes
        self.tree = tree


def _parse(sql):
    if LEGACY_TABLE.search(sql):
        raise invalid_query("Legacy SQL is not supported by rovd's BigQuery: write the query in "
                            "GoogleSQL (`project.dataset.table`) and set useLegacySql to false")
    try:
        trees = [tree for tree in sqlglot.parse(sql, read="bigquery") if tree is not None]
    except sqlglot.errors.ParseError as error:
        first = error.errors[0] if error.errors else {}
        words = str(first.get("description", error)).split(" <Token")[0]
        incomplete = re.match(r"Required keyword: '\w+' missing for <class '[\w.]*\.(\w+)'>",
                              words)
        if incomplete:
            words = f"{incomplete.group(1).upper()} is incomplete"
        if words.endswith(" but got") or words.endswith(" got"):
            found = str(first.get("highlight") or "").strip()
            words += f" \"{found[:60]}\"" if found else " the end of the query"
        raise invalid_query(f"Syntax error: {words} at [{first.get('line', 1)}:"
                            f"{first.get('col', 1)}]") from None
    except sqlglot.errors.SqlglotError as error:
        raise invalid_query(f"Syntax error: {str(error)[:300]}") from None
    if not trees:
        raise invalid_query("Syntax error: the query is empty at [1:1]")
    if len(trees) > 1:
        raise invalid_query("rovd's BigQuery runs one statement a query; scripts of several "
                            "statements are not supported")
    return trees[0]


def _statement_type(tree):
    if isinstance(tree, exp.Create):
        kind = str(tree.args.get("kind") or "TABLE").upper()
        if kind == "SCHEMA":
            return "CREATE_SCHEMA"
        if kind == "VIEW":
            return "CREATE_VIEW"
        return "CREATE_TABLE_AS_SELECT" if tree.expression is not None else "CREATE_TABLE"
    if isinstance(tree, exp.Drop):
        kind = str(tree.args.get("kind") or "TABLE").upper()
        return {"SCHEMA": "DROP_SCHEMA", "VIEW": "DROP_VIEW"}.get(kind, "DROP_TABLE")
    for kind, name in STATEMENT_TYPES.items():
        if isinstance(tree, kind):
            return name
    raise invalid_query(f"rovd's BigQuery does not run {tree.key.upper()} statements")


def _cte_names(tree):
    return {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}


def _resolve(table, project, default_dataset):
    """(project, dataset, table) of a table reference."""
    parts = [part for part in (table.catalog, table.db, table.name) if part]
    if len(parts) == 1:
        if not default_dataset:
            raise invalid_query(f"Table \"{parts[0][:100]}\" must be qualified with a dataset "
                                f"(e.g. dataset.table).")
        return default_dataset[0], default_dataset[1], parts[0]
    if len(parts) == 2:
        return project, parts[0], parts[1]
    return parts[0], parts[1], parts[2]


def translate(sql, project, default_dataset=None):
    """The statement in DuckDB's dialect. `default_dataset`: (project, dataset) or None.
    The same text is translated once: the Data page dry-runs a query as it is typed and then
    runs it, dashboards run theirs again and again. A Statement is only read after it is made,
    so threads share it; a query that does not translate raises each time (nothing is kept)."""
    return _translate(sql, project, tuple(default_dataset) if default_dataset else None)


@functools.lru_cache(maxsize=512)
def _translate(sql, project, default_dataset):
    tree = _parse(sql)
    statement_type = _statement_type(tree)
    if statement_type in ("CREATE_SCHEMA", "DROP_SCHEMA"):
        raise invalid_query("Create and drop datasets with datasets.insert and datasets.delete "
                            "(rovd's BigQuery takes no CREATE SCHEMA or DROP SCHEMA)")
    ctes = _cte_names(tree)
    reads, target = [], None
    written = None
    if isinstance(tree, (exp.Insert, exp.Update, exp.Delete, exp.Merge, exp.Create, exp.Drop,
                         exp.Alter)):
        written = tree.this if isinstance(tree.this, exp.Table) else tree.find(exp.Table)
        if isinstance(tree, exp.Create) and isinstance(tree.this, exp.Schema):
            written = tree.this.this
    for table in list(tree.find_all(exp.Table)):
        if not table.name or (not table.db and table.name.lower() in ctes):
            continue
        if table.name.upper() == "UNNEST" or isinstance(table.this, exp.Func):
            continue
        reference = _resolve(table, project, default_dataset)
        if table is written:
            target = reference
        else:
            reads.append(reference)
        table.set("catalog", None)
        table.set("db", exp.to_identifier(schema_name(reference[0], reference[1]), quoted=True))
        table.set("this", exp.to_identifier(reference[2], quoted=True))
    _limited_array_aggs(tree)
    _float_literals(tree)
    _name_unnamed_columns(tree)
    try:
        duck_sql = tree.sql(dialect="duckdb")
    except sqlglot.errors.SqlglotError as error:
        raise invalid_query(f"rovd's BigQuery cannot run this query: {str(error)[:300]}") \
            from None
    # sqlglot writes GoogleSQL's NUMERIC as a bare DECIMAL, which is DECIMAL(18,3) in DuckDB.
    duck_sql = re.sub(r"\bDECIMAL\b(?!\s*\()", "DECIMAL(38,9)", duck_sql)
    return Statement(duck_sql, statement_type, reads, target, tree)


def _limited_array_aggs(tree):
    """ARRAY_AGG(x ORDER BY y LIMIT n), which DuckDB lacks, as the first n of the ordered list."""
    for aggregate in list(tree.find_all(exp.ArrayAgg)):
        limit = aggregate.this
        if isinstance(limit, exp.Limit) and limit.expression is not None:
            count = limit.expression.copy()
            aggregate.set("this", limit.this)
            aggregate.replace(exp.func("list_slice", aggregate.copy(), exp.Literal.number(1),
                                       count))


def _float_literals(tree):
    """1.5 is a FLOAT64 in GoogleSQL (NUMERIC '1.5' is the exact one); DuckDB would read it as a
    DECIMAL, and x * 1.5 would come out NUMERIC."""
    for literal in list(tree.find_all(exp.Literal)):
        text = str(literal.this).lower()
        if not literal.is_string and ("." in text or "e" in text):
            literal.replace(exp.Cast(this=literal.copy(), to=exp.DataType.build("DOUBLE")))


def _name_unnamed_columns(tree):
    """BigQuery names a result column that has no name f0_, f1_, ... (DuckDB would name it
    after its expression, "count_star()")."""
    select = tree if isinstance(tree, exp.Select) else None
    if isinstance(tree, exp.Create) and isinstance(tree.expression, exp.Select):
        select = tree.expression
    if select is None:
        return
    unnamed = 0
    for expression in list(select.expressions):
        if isinstance(expression, (exp.Alias, exp.Column, exp.Star)) or expression.alias:
            continue
        expression.replace(exp.alias_(expression.copy(), f"f{unnamed}_"))
        unnamed += 1


def referenced_columns(tree):
    """The column names a statement names, lower case, and whether it selects a star."""
    names = {column.name.lower() for column in tree.find_all(exp.Column) if column.name}
    # SELECT * and t.* read every column; COUNT(*) reads none.
    star = any(isinstance(found.parent, (exp.Select, exp.Column)) for found in
               tree.find_all(exp.Star))
    return names, star


def duck_quote_table(project, dataset, table):
    return quote(schema_name(project, dataset)) + "." + quote(table)
