"""One Vertex AI batch prediction job of rovd, as a Ray job on rovd's batch instance.

    python rov_batch_predict.py SPEC.json

The work is Ray Data's: the input files are read with read_text/read_csv, scored by
map_batches over an autoscaling pool of actors that load the model's artifact the way the
prebuilt image does (rov_predictor.load_model, the loader of the Serve deployments), `batchSize`
instances a call, and the driver writes Vertex AI's files as the results stream in:

    <outputDir>/prediction.results-0000N-of-0000M     {"instance": ..., "prediction": ...}
    <outputDir>/prediction.errors_stats-00000-of-00001  {"instance": ..., "error": {...}}

A line that is not JSON, or an instance the model refuses, lands in the errors file; the rest
are scored. The files are written in the job's work folder and moved into the output folder
(fsync, then rename) only when the job ends, so a cancelled or failed job leaves no half file
where the user looks. Progress (counts) goes to `progressFile` about once a second and the end
to `resultFile`, each written whole (temp, fsync, rename): rovd reads them.
"""

import json
import os
import sys
import tempfile
import time

import numpy as np
import ray

ROWS_PER_FILE = 1_000_000


def write_whole(path, text):
    folder = os.path.dirname(path)
    fd, temp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".rov-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.rename(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def count_lines(paths):
    total = 0
    for path in paths:
        with open(path, "rb") as handle:
            last = b"\n"
            while True:
                block = handle.read(1 << 20)
                if not block:
                    break
                total += block.count(b"\n")
                last = block[-1:]
            if last != b"\n":
                total += 1
    return total


def select(instance, spec):
    """keyField, includedFields and excludedFields as Vertex applies them to an object."""
    key = None
    key_field = spec.get("keyField") or ""
    included = spec.get("includedFields") or []
    excluded = set(spec.get("excludedFields") or [])
    if isinstance(instance, dict):
        if key_field:
            key = instance.get(key_field)
            excluded = excluded | {key_field}
        if included:
            instance = {name: instance[name] for name in included if name in instance}
        elif excluded:
            instance = {name: value for name, value in instance.items() if name not in excluded}
        if spec.get("instanceType") == "array":
            instance = list(instance.values())
    return key, instance


def model_input(instance):
    # Prebuilt scikit-learn and XGBoost images take a list of numbers per instance; an object's
    # values in their order are what Vertex gives them for instanceType "array".
    if isinstance(instance, dict):
        return list(instance.values())
    return instance


class Scorer:
    """One replica: the model loaded once, a batch of lines scored per call."""

    def __init__(self, spec):
        from rov_predictor import load_model

        model = spec["model"]
        self.model = load_model(model["artifactDir"], model["framework"], model["file"])
        self.spec = spec
        self.plain = not (spec.get("keyField") or spec.get("includedFields")
                          or spec.get("excludedFields") or spec.get("instanceType"))

    def predict(self, rows):
        from rov_predictor import predict

        return np.asarray(predict(self.model, rows)).tolist()

    def parse(self, texts):
        """(shown instance, model input, key) per line, or (shown line, why not)."""
        if self.plain:
            try:  # one parse for the whole batch when every line is JSON (the usual case)
                values = json.loads("[" + ",".join(texts) + "]")
                if len(values) == len(texts):
                    return [(text, model_input(value), None) for text, value in zip(texts, values)]
            except ValueError:
                pass
        parsed = []
        for text in texts:
            try:
                value = json.loads(text)
            except ValueError as error:
                parsed.append((json.dumps(text), f"the line is not JSON: {error}"))
                continue
            key, instance = select(value, self.spec)
            shown = text if self.plain else json.dumps(instance)
            parsed.append((shown, model_input(instance), key))
        return parsed

    def __call__(self, batch):
        if self.spec["format"] == "csv":
            parsed = batch_rows(batch)
        else:
            parsed = self.parse([str(text) for text in batch["text"] if str(text).strip()])
        good = [index for index, item in enumerate(parsed) if len(item) == 3]
        failures = {}
        try:
            predictions = self.predict([parsed[index][1] for index in good]) if good else []
        except Exception:  # one bad instance spoils the call: score them one by one
            predictions = []
            for index in good:
                try:
                    predictions.append(self.predict([parsed[index][1]])[0])
                except Exception as error:  # the model's own complaint
                    predictions.append(None)
                    failures[index] = f"{type(error).__name__}: {error}"
        prediction_of = dict(zip(good, predictions))
        lines, ok = [], []
        for index, item in enumerate(parsed):
            if len(item) == 2 or index in failures:
                lines.append(error_line(item[0], item[1] if len(item) == 2 else failures[index]))
                ok.append(False)
                continue
            shown, _, key = item
            key = "" if key is None else f'"key": {json.dumps(key)}, '
            prediction = json.dumps(prediction_of[index])
            lines.append(f'{{{key}"instance": {shown}, "prediction": {prediction}}}')
            ok.append(True)
        return {"line": lines, "ok": ok}


def batch_rows(batch):
    """CSV rows (already typed by read_csv) as array instances, the header's order."""
    columns = [name for name in batch.keys()]
    count = len(batch[columns[0]]) if columns else 0
    rows = []
    for index in range(count):
        values = [batch[name][index] for name in columns]
        values = [value.item() if hasattr(value, "item") else value for value in values]
        rows.append((json.dumps(values), values, None))
    return rows


def error_line(shown, message):
    return f'{{"instance": {shown}, "error": {{"code": 3, "message": {json.dumps(message)}}}}}'


def read_input(spec):
    paths = spec["inputs"]
    if spec["format"] == "csv":
        return ray.data.read_csv(paths)
    if spec["format"] == "file-list":
        files = []
        for path in paths:
            with open(path, encoding="utf-8") as handle:
                files += [line.strip() for line in handle if line.strip()]
        return ray.data.from_items([{"text": json.dumps(file_instance(name, spec))} for name in files])
    return ray.data.read_text(paths)


def file_instance(uri, spec):
    """A file-list line: the file's bytes, base64, as the instance ({"b64": ...})."""
    import base64

    root = spec["storageRoot"]
    path = os.path.join(root, uri[len("gs://"):]) if uri.startswith("gs://") else uri
    with open(path, "rb") as handle:
        return {"b64": base64.b64encode(handle.read()).decode("ascii")}


class Output:
    """The results and errors files, in the work folder until the job ends."""

    def __init__(self, work):
        self.work = work
        self.results = []  # paths of the full and current results files
        self.current = None
        self.in_current = 0
        self.errors = open(os.path.join(work, "errors.part"), "w", encoding="utf-8")
        self.successful = 0
        self.failed = 0

    def add(self, lines, ok):
        errors = []
        for line, good in zip(lines, ok):
            if good:
                if self.current is None or self.in_current >= ROWS_PER_FILE:
                    self.rotate()
                self.current.write(line)
                self.current.write("\n")
                self.in_current += 1
                self.successful += 1
            else:
                errors.append(line)
        if errors:
            self.errors.write("\n".join(errors) + "\n")
            self.failed += len(errors)

    def rotate(self):
        self.close_current()
        path = os.path.join(self.work, f"results-{len(self.results)}.part")
        self.results.append(path)
        self.current = open(path, "w", encoding="utf-8")
        self.in_current = 0

    def close_current(self):
        if self.current is not None:
            self.current.flush()
            os.fsync(self.current.fileno())
            self.current.close()
            self.current = None

    def publish(self, out_dir):
        """fsync, then each file renamed to Vertex's name in the output folder."""
        self.close_current()
        self.errors.flush()
        os.fsync(self.errors.fileno())
        self.errors.close()
        if not self.results:
            self.rotate()
            self.close_current()
        os.makedirs(out_dir, mode=0o700, exist_ok=True)
        names = []
        count = len(self.results)
        for index, path in enumerate(self.results):
            name = f"prediction.results-{index:05d}-of-{count:05d}"
            os.chmod(path, 0o600)
            os.rename(path, os.path.join(out_dir, name))
            names.append(name)
        name = "prediction.errors_stats-00000-of-00001"
        os.chmod(self.errors.name, 0o600)
        os.rename(self.errors.name, os.path.join(out_dir, name))
        names.append(name)
        fd = os.open(out_dir, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        return names


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    work = os.path.dirname(os.path.abspath(sys.argv[1]))
    progress = os.path.join(work, "progress.json")
    total = count_lines(spec["inputs"]) if spec["format"] != "csv" else None
    if spec["format"] == "csv":
        total = max(0, count_lines(spec["inputs"]) - len(spec["inputs"]))
    write_whole(progress, json.dumps({"successful": 0, "failed": 0, "total": total}))

    ray.init(address="auto", log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    cpus = float(spec.get("cpusPerReplica", 1))
    low = max(1, int(spec.get("minReplicas", 1)))
    high = max(low, int(spec.get("maxReplicas", low)))
    scored = read_input(spec).map_batches(
        Scorer, fn_constructor_kwargs={"spec": spec}, batch_size=int(spec.get("batchSize", 64)),
        concurrency=(low, high) if high > low else low, num_cpus=cpus, batch_format="numpy")

    output = Output(work)
    last = 0.0
    for batch in scored.iter_batches(batch_size=None, batch_format="numpy"):
        output.add(batch["line"], batch["ok"])
        now = time.monotonic()
        if now - last >= 1.0:
            write_whole(progress, json.dumps({"successful": output.successful,
                                              "failed": output.failed, "total": total}))
            last = now
    files = output.publish(spec["outputDir"])
    write_whole(progress, json.dumps({"successful": output.successful, "failed": output.failed,
                                      "total": output.successful + output.failed}))
    write_whole(os.path.join(work, "result.json"),
                json.dumps({"successful": output.successful, "failed": output.failed,
                            "files": files}))


if __name__ == "__main__":
    main()
