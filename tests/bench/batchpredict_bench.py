"""The two sides of scripts/bench.sh batchpredict (run by bench-batchpredict, which starts rovd).

    batchpredict_bench.py rovd URL N      N instances through rovd's batchPredictionJobs
    batchpredict_bench.py raw N           the same model and file with a plain Ray Data script

Both score a scikit-learn model over the same N-line JSON-lines file with map_batches on an
autoscaling pool of 1 to 2 actors of 2 CPUs, 1,000 instances a call, and write the predictions as
JSON lines. Each prints `seconds: <x>`, the time from the job's start to its last file, its Ray
instance already up (rovd's warmed by a small job, the raw one by ray.init before the clock).
"""

import json
import os
import pickle
import sys
import tempfile
import time

import numpy as np

WORK = os.path.join(tempfile.gettempdir(), "rov-bench-batchpredict")
BATCH = 1000


def make_inputs(n):
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, f"instances-{n}.jsonl")
    model_path = os.path.join(WORK, "model.pkl")
    if not os.path.exists(model_path):
        from sklearn.linear_model import LogisticRegression

        rng = np.random.default_rng(1)
        x = rng.normal(size=(500, 4))
        with open(model_path, "wb") as handle:
            pickle.dump(LogisticRegression().fit(x, (x[:, 0] > x[:, 1]).astype(int)), handle)
    if not os.path.exists(path):
        rows = np.random.default_rng(2).normal(size=(n, 4)).round(4)
        with open(path + ".part", "w") as handle:
            handle.write("\n".join(json.dumps(r) for r in rows.tolist()) + "\n")
        os.rename(path + ".part", path)
    return path, model_path


def rovd_side(url, n):
    import requests
    from google.cloud import storage

    token = os.environ["ROV_TOKEN"]
    path, model_path = make_inputs(n)
    client = storage.Client()
    if not client.bucket("bench").exists():
        client.create_bucket("bench")
    bucket = client.bucket("bench")
    bucket.blob("model/model.pkl").upload_from_filename(model_path)
    bucket.blob("in/instances.jsonl").upload_from_filename(path)
    bucket.blob("in/warm.jsonl").upload_from_string("[0, 0, 0, 0]\n")
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    base = f"{url}/v1/projects/bench/locations/us-central1"
    op = session.post(f"{base}/models:upload", json={"model": {
        "displayName": "bench", "artifactUri": "gs://bench/model",
        "containerSpec": {"imageUri":
                          "us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-6:latest"}}}).json()
    while not op.get("done"):
        time.sleep(0.3)
        op = session.get(f"{url}/v1/{op['name']}").json()
    model = op["response"]["model"]

    def run(source):
        job = session.post(f"{base}/batchPredictionJobs", json={
            "displayName": "bench", "model": model,
            "inputConfig": {"instancesFormat": "jsonl", "gcsSource": {"uris": [source]}},
            "outputConfig": {"gcsDestination": {"outputUriPrefix": "gs://bench/out"}},
            "dedicatedResources": {"machineSpec": {"machineType": "n1-standard-2"},
                                   "startingReplicaCount": 1, "maxReplicaCount": 2},
            "manualBatchTuningParameters": {"batchSize": BATCH}}).json()
        started = None
        while True:
            job = session.get(f"{url}/v1/{job['name']}").json()
            if started is None and job["state"] != "JOB_STATE_QUEUED":
                started = time.time()
            if job["state"] in ("JOB_STATE_SUCCEEDED", "JOB_STATE_FAILED", "JOB_STATE_CANCELLED"):
                break
            time.sleep(0.2)
        assert job["state"] == "JOB_STATE_SUCCEEDED", job
        return job, time.time() - (started or time.time())

    run("gs://bench/in/warm.jsonl")  # the batch instance up before the clock
    job, seconds = run("gs://bench/in/instances.jsonl")
    assert job["completionStats"]["successfulCount"] == str(n), job["completionStats"]
    print(f"seconds: {seconds:.2f}", flush=True)


class Scorer:
    def __init__(self, model_path):
        with open(model_path, "rb") as handle:
            self.model = pickle.load(handle)

    def __call__(self, batch):
        instances = json.loads("[" + ",".join(batch["text"]) + "]")
        predictions = self.model.predict(np.asarray(instances)).tolist()
        return {"instance": instances, "prediction": predictions}


def raw_side(n):
    import ray

    path, model_path = make_inputs(n)
    ray.init(num_cpus=64, object_store_memory=256 * 1024 * 1024, include_dashboard=False,
             log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    out = tempfile.mkdtemp(prefix="raw-", dir=WORK)
    started = time.time()
    (ray.data.read_text(path)
     .map_batches(Scorer, fn_constructor_kwargs={"model_path": model_path}, batch_size=BATCH,
                  concurrency=(1, 2), num_cpus=2, batch_format="numpy")
     .write_json(out))
    seconds = time.time() - started
    print(f"seconds: {seconds:.2f}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "rovd":
        rovd_side(sys.argv[2], int(sys.argv[3]))
    else:
        raw_side(int(sys.argv[2]))
