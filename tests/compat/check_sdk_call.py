"""Checks a vertex_ray.create_ray_cluster(...) snippet against the installed SDK's own source.

Reads the snippet on stdin. The SDK's vertex_ray package needs extras this environment does not
install, so its signatures are read with `ast` from the files instead of being imported. Every
keyword the snippet passes must be a parameter of the function or dataclass it is passed to, and
every name it imports must exist. Exits non-zero and says what is wrong otherwise.
"""

import ast
import pathlib
import sys

import google.cloud.aiplatform as aiplatform

VERTEX_RAY = pathlib.Path(aiplatform.__file__).parent / "vertex_ray"


def parameters_of_function(path, name):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return {arg.arg for arg in node.args.args + node.args.kwonlyargs}
    raise SystemExit(f"{name} not found in {path}")


def dataclass_fields(path):
    fields = {}
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.ClassDef):
            fields[node.name] = {
                item.target.id for item in node.body
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)}
    return fields


def main():
    snippet = sys.stdin.read()
    known = dataclass_fields(VERTEX_RAY / "util" / "resources.py")
    known["create_ray_cluster"] = parameters_of_function(VERTEX_RAY / "cluster_init.py",
                                                         "create_ray_cluster")
    known["init"] = parameters_of_function(
        pathlib.Path(aiplatform.__file__).parent / "initializer.py", "init")
    problems = []
    tree = ast.parse(snippet)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module.endswith("vertex_ray.util.resources"):
            problems += [f"no class {alias.name} in resources.py"
                         for alias in node.names if alias.name not in known]
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            if name not in known:
                problems.append(f"unknown call {name}")
                continue
            problems += [f"{name}() has no parameter {keyword.arg}"
                         for keyword in node.keywords if keyword.arg not in known[name]]
    if problems:
        raise SystemExit("\n".join(problems))
    print("sdk call: every name and keyword exists in google-cloud-aiplatform")


if __name__ == "__main__":
    main()
