"""Runs notebooks top to bottom, headless, with nbclient, on a kernel that the console wrote (found
through JUPYTER_DATA_DIR, as the console's JupyterLab finds it).

Usage: run_notebooks.py [--save] KERNEL NOTEBOOK...  (--save: write each back with its outputs)
Prints "ran NAME in Ns" and every cell's output for each; the first cell that fails ends the script
with status 1 and the error (nbclient's CellExecutionError names the cell and the exception).
"""

import re
import sys
import time

import nbclient
import nbformat


def main():
    arguments = sys.argv[1:]
    save = arguments[:1] == ["--save"]
    kernel, notebooks = arguments[save], arguments[save + 1:]
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        started = time.monotonic()
        try:
            nbclient.NotebookClient(notebook, kernel_name=kernel, timeout=600,
                                    startup_timeout=120).execute()
        except Exception as error:  # noqa: BLE001 — every failure is reported the same way
            # IPython colours its tracebacks; the test's message is plain text.
            plain = re.sub(r"\x1b\[[0-9;]*m", "", str(error))
            print(f"FAILED {path}: {plain}", flush=True)
            sys.exit(1)
        print(f"ran {path} in {time.monotonic() - started:.0f}s", flush=True)
        if save:
            nbformat.write(notebook, path)
        for cell in notebook.cells:
            for output in cell.get("outputs", []):
                if output.get("name") == "stdout":
                    print("  |", output["text"].rstrip().replace("\n", "\n  | "), flush=True)


if __name__ == "__main__":
    main()
