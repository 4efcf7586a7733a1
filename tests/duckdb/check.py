"""Runs the DuckDB queries of this folder on the files Faro exported to target/duckdb
(tests/duckdb.rs writes them, with Faro's own figures in expected.json) and checks that
DuckDB gives Faro's figures. Run by scripts/test.sh after the native tests."""
import json
import pathlib
import sys

import duckdb

HERE = pathlib.Path(__file__).parent
DATA = HERE.parent.parent / "target" / "duckdb"


def query(name):
    con = duckdb.connect()
    sql = (HERE / name).read_text()
    # Paths in the queries are relative to the exported files.
    cur = con.execute(sql.replace("read_csv('", f"read_csv('{DATA}/").replace("read_json('", f"read_json('{DATA}/"))
    columns = [d[0] for d in cur.description]
    return [dict(zip(columns, row)) for row in cur.fetchall()]


def close(a, b, tol):
    return abs(float(a) - float(b)) <= tol


def main():
    expected = json.loads((DATA / "expected.json").read_text())
    failures = []
    services = {r["service"]: r for r in query("service_means.sql")}
    for service, (mean, n) in expected["service_means"].items():
        got = services.get(service)
        if not got or got["n"] != n or not close(got["mean"], mean, 1e-9):
            failures.append(f"service {service}: DuckDB {got}, Faro mean {mean} n {n}")
    nps = query("nps.sql")[0]
    if nps["n"] != expected["nps"]["n"] or not close(nps["nps"], expected["nps"]["score"], 1e-9):
        failures.append(f"NPS: DuckDB {nps}, Faro {expected['nps']}")
    rate = query("response_rate.sql")[0]
    if rate["organisations"] != expected["rate"]["organisations"] or not close(rate["rate"], expected["rate"]["rate"], 1e-9):
        failures.append(f"response rate: DuckDB {rate}, Faro {expected['rate']}")
    groups = {r["size"]: r for r in query("benchmark_means.sql")}
    for size, (mean, n) in expected["benchmark_means"].items():
        got = groups.get(size)
        if not got or got["n"] != n or not close(got["mean"], mean, 0.05 + 1e-9):
            failures.append(f"benchmark size={size}: DuckDB {got}, Faro mean {mean} n {n}")
    checked = len(expected["service_means"]) + 2 + len(expected["benchmark_means"])
    if failures:
        print("DuckDB disagrees with Faro:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"DuckDB {duckdb.__version__} reproduces Faro's figures ({checked} checked)")


if __name__ == "__main__":
    main()
