"""Drives rovd's batchPredictionJobs with Google's own SDK (google-cloud-aiplatform, REST
transport) and with plain REST, against real Ray Data on rovd's batch instance.

Usage: google_batch.py run URL            (every step but the restart)
       google_batch.py start-long URL     (leaves a long job running; prints its name)
       google_batch.py after-restart URL NAME
The token comes from ROV_TOKEN (admin). Files reach gs:// through google-cloud-storage with
STORAGE_EMULATOR_HOST (set by the caller to rovd's URL with a token in the path).
Every step prints one line; an assertion or an API error ends the script with a non-zero status.
"""

import json
import os
import pickle
import subprocess
import sys
import tempfile
import time

import numpy as np
import requests
from google.cloud import aiplatform, storage
from google.oauth2.credentials import Credentials
from sklearn.linear_model import LogisticRegression

PROJECT, LOCATION = "batch", "us-central1"
PARENT = f"projects/{PROJECT}/locations/{LOCATION}"
SKLEARN = "us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-6:latest"


def step(text):
    print("step:", text, flush=True)


def rest_call(url, token, method, path, body=None, **params):
    answer = requests.request(method, f"{url}/v1/{PARENT}{path}", json=body, params=params,
                              headers={"Authorization": f"Bearer {token}"}, timeout=60)
    return answer.status_code, answer.json() if answer.content else {}


def setup(url, token):
    """A model in gs://models/batch, registered; returns (the model, the fitted estimator)."""
    rng = np.random.default_rng(11)
    x = rng.normal(size=(300, 4)) * 3
    y = (x[:, 0] - x[:, 3] > x[:, 1]).astype(int)
    fitted = LogisticRegression().fit(x, y)
    client = storage.Client()
    for name in ("models", "batch"):
        if not client.bucket(name).exists():
            client.create_bucket(name)
    client.bucket("models").blob("batch/model.pkl").upload_from_string(pickle.dumps(fitted))
    aiplatform.init(project=PROJECT, location=LOCATION, api_endpoint=url, api_transport="rest",
                    credentials=Credentials(token=token))
    model = aiplatform.Model.upload(display_name="batch model", artifact_uri="gs://models/batch",
                                    serving_container_image_uri=SKLEARN)
    return model, fitted


def put_lines(name, lines):
    storage.Client().bucket("batch").blob(name).upload_from_string("\n".join(lines) + "\n")


def read_outputs(job):
    results, errors = [], []
    names = []
    for blob in job.iter_outputs():
        names.append(blob.name.rsplit("/", 1)[-1])
        lines = [json.loads(line) for line in blob.download_as_text().splitlines() if line]
        (errors if "errors_stats" in blob.name else results).extend(lines)
    return sorted(names), results, errors


def sdk_flow(url, token):
    model, fitted = setup(url, token)
    rows = np.random.default_rng(3).normal(size=(10000, 4)).round(4) * 3
    put_lines("in/instances.jsonl", [json.dumps(row) for row in rows.tolist()])
    step("Model.batch_predict over 10,000 instances in a gs:// JSON-lines file")
    started = time.time()
    job = model.batch_predict(job_display_name="sdk batch",
                              gcs_source="gs://batch/in/instances.jsonl",
                              gcs_destination_prefix="gs://batch/out", instances_format="jsonl",
                              machine_type="n1-standard-2", starting_replica_count=1,
                              max_replica_count=2, batch_size=500, sync=True)
    print("batch_s:", round(time.time() - started, 1), flush=True)
    assert job.state.name == "JOB_STATE_SUCCEEDED", job.to_dict()
    stats = job.completion_stats
    assert (stats.successful_count, stats.failed_count) == (10000, 0), stats
    directory = job.output_info.gcs_output_directory
    assert directory.startswith("gs://batch/out/prediction-batch_model-"), directory
    step("iter_outputs lists Vertex's files; the predictions equal the model's own")
    names, results, errors = read_outputs(job)
    assert names == ["prediction.errors_stats-00000-of-00001",
                     "prediction.results-00000-of-00001"], names
    assert len(results) == 10000 and errors == [], (len(results), errors[:3])
    got = np.array([r["instance"] for r in results])
    expected = fitted.predict(got)
    assert [r["prediction"] for r in results] == expected.tolist()
    assert sorted(map(tuple, got.tolist())) == sorted(map(tuple, rows.tolist()))

    # Not JOB_STATE_PARTIALLY_SUCCEEDED: the SDK's job.wait() ends on no such state.
    step("bad lines land in the errors file: the job succeeds with the counts right")
    lines = [json.dumps(row) for row in rows[:100].tolist()]
    lines[10] = "{not json"
    lines[20] = "[1, 2"
    lines[30] = "[1.0, 2.0]"  # two features for a model of four
    put_lines("in/bad.jsonl", lines)
    bad = model.batch_predict(job_display_name="bad lines", gcs_source="gs://batch/in/bad.jsonl",
                              gcs_destination_prefix="gs://batch/out", instances_format="jsonl",
                              batch_size=25, sync=True)
    assert bad.state.name == "JOB_STATE_SUCCEEDED", bad.to_dict()
    assert "3 of 100 instances failed" in bad.partial_failures[0].message, bad.to_dict()
    stats = bad.completion_stats
    assert (stats.successful_count, stats.failed_count, stats.incomplete_count) == (97, 3, 0), stats
    _, results, errors = read_outputs(bad)
    assert len(results) == 97 and len(errors) == 3, (len(results), errors)
    assert all(e["error"]["message"] for e in errors), errors
    assert any("not JSON" in e["error"]["message"] for e in errors), errors
    assert any("features" in e["error"]["message"] for e in errors), errors

    step("keyField and excludedFields, as Vertex applies them to objects")
    put_lines("in/objects.jsonl", [json.dumps({"id": f"r{i}", "a": r[0], "b": r[1], "c": r[2],
                                               "d": r[3], "note": "x"})
                                   for i, r in enumerate(rows[:50].tolist())])
    status, created = rest_call(url, token, "POST", "/batchPredictionJobs", {
        "displayName": "keyed", "model": model.resource_name,
        "inputConfig": {"instancesFormat": "jsonl",
                        "gcsSource": {"uris": ["gs://batch/in/objects*"]}},
        "instanceConfig": {"keyField": "id", "excludedFields": ["note"]},
        "outputConfig": {"predictionsFormat": "jsonl",
                         "gcsDestination": {"outputUriPrefix": "gs://batch/keyed"}}})
    assert status == 200 and created["state"] == "JOB_STATE_QUEUED", created
    keyed = aiplatform.BatchPredictionJob(created["name"])
    keyed.wait_for_completion()
    _, results, errors = read_outputs(keyed)
    assert len(results) == 50 and not errors, (len(results), errors)
    first = sorted(results, key=lambda r: int(r["key"][1:]))[0]
    assert first["key"] == "r0" and "note" not in first["instance"], first
    assert first["prediction"] == int(fitted.predict(rows[:1])[0]), first

    step("a CSV file: a row a list of its values, the header left out")
    put_lines("in/rows.csv", ["a,b,c,d"] + [",".join(map(str, row)) for row in rows[:40].tolist()])
    csv_job = model.batch_predict(job_display_name="csv", gcs_source="gs://batch/in/rows.csv",
                                  gcs_destination_prefix="gs://batch/csv", instances_format="csv",
                                  sync=True)
    _, results, errors = read_outputs(csv_job)
    assert len(results) == 40 and not errors, (len(results), errors)
    for result in results:
        assert result["prediction"] == int(fitted.predict([result["instance"]])[0]), result

    step("list with a filter, then delete (an operation) and the job is gone")
    listed = aiplatform.BatchPredictionJob.list(filter='display_name="bad lines"')
    assert [j.resource_name for j in listed] == [bad.resource_name], listed
    states = {j.display_name: j.state.name for j in aiplatform.BatchPredictionJob.list()}
    assert states == {"sdk batch": "JOB_STATE_SUCCEEDED", "bad lines": "JOB_STATE_SUCCEEDED",
                      "keyed": "JOB_STATE_SUCCEEDED", "csv": "JOB_STATE_SUCCEEDED"}, states
    bad.delete()
    status, body = rest_call(url, token, "GET", "/batchPredictionJobs/" + bad.name)
    assert status == 404, body
    return model


def cancel_flow(url, token, model):
    step("cancel mid-run ends JOB_STATE_CANCELLED and leaves no Ray work running")
    rows = np.random.default_rng(5).normal(size=(400000, 4)).round(3)
    put_lines("in/many.jsonl", [json.dumps(row) for row in rows.tolist()])
    job = model.batch_predict(job_display_name="to cancel", gcs_source="gs://batch/in/many.jsonl",
                              gcs_destination_prefix="gs://batch/cancelled",
                              instances_format="jsonl", batch_size=10, sync=False)
    job.wait_for_resource_creation()
    deadline = time.time() + 300
    while aiplatform.BatchPredictionJob(job.resource_name).state.name != "JOB_STATE_RUNNING":
        assert time.time() < deadline, "the job never ran"
        time.sleep(0.5)
    job.cancel()
    while True:
        state = aiplatform.BatchPredictionJob(job.resource_name).state.name
        if state == "JOB_STATE_CANCELLED":
            break
        assert state == "JOB_STATE_CANCELLING" and time.time() < deadline, state
        time.sleep(0.5)
    deadline = time.time() + 60
    while True:  # the driver stops, and its actors go with it
        left = subprocess.run(["pgrep", "-f", "rov_batch_predict|MapWorker"],
                              capture_output=True, text=True).stdout.split()
        if not left:
            break
        assert time.time() < deadline, left
        time.sleep(1)
    assert not list(storage.Client().list_blobs("batch", prefix="cancelled/")), "files were left"


def bad_requests(url, token, model):
    step("bad requests get Google's errors")
    body = {"displayName": "x", "model": model.resource_name,
            "inputConfig": {"instancesFormat": "jsonl",
                            "gcsSource": {"uris": ["gs://batch/in/instances.jsonl"]}},
            "outputConfig": {"gcsDestination": {"outputUriPrefix": "gs://batch/out"}}}
    status, answer = rest_call(url, token, "POST", "/batchPredictionJobs",
                               dict(body, model=f"{PARENT}/models/absent"))
    assert status == 404 and "absent" in answer["error"]["message"], answer
    wrong = json.loads(json.dumps(body))
    wrong["inputConfig"]["instancesFormat"] = "tf-record"
    status, answer = rest_call(url, token, "POST", "/batchPredictionJobs", wrong)
    assert status == 400 and "instancesFormat" in answer["error"]["message"], answer
    wrong = json.loads(json.dumps(body))
    wrong["outputConfig"]["gcsDestination"]["outputUriPrefix"] = "s3://elsewhere/out"
    status, answer = rest_call(url, token, "POST", "/batchPredictionJobs", wrong)
    assert status == 400 and "gs://" in answer["error"]["message"], answer
    wrong = json.loads(json.dumps(body))
    wrong["inputConfig"]["gcsSource"]["uris"] = ["gs://batch/in/none.jsonl"]
    status, answer = rest_call(url, token, "POST", "/batchPredictionJobs", wrong)
    assert status == 404 and "none.jsonl" in answer["error"]["message"], answer
    status, answer = rest_call(url, token, "GET", "/batchPredictionJobs", filter="colour=red")
    assert status == 400 and "filter" in answer["error"]["message"], answer


def start_long(url, token):
    model, _ = setup(url, token)
    rows = np.random.default_rng(9).normal(size=(200000, 4)).round(3)
    put_lines("in/long.jsonl", [json.dumps(row) for row in rows.tolist()])
    job = model.batch_predict(job_display_name="survives", gcs_source="gs://batch/in/long.jsonl",
                              gcs_destination_prefix="gs://batch/long", instances_format="jsonl",
                              batch_size=20, sync=False)
    job.wait_for_resource_creation()
    deadline = time.time() + 300
    while aiplatform.BatchPredictionJob(job.resource_name).state.name != "JOB_STATE_RUNNING":
        assert time.time() < deadline, "the job never ran"
        time.sleep(0.5)
    print("job:", job.resource_name, flush=True)


def after_restart(url, token, name):
    step("after kill -9 and a restart the job ends, never stays running")
    aiplatform.init(project=PROJECT, location=LOCATION, api_endpoint=url, api_transport="rest",
                    credentials=Credentials(token=token))
    deadline = time.time() + 600
    while True:
        job = aiplatform.BatchPredictionJob(name)
        if job.state.name in ("JOB_STATE_SUCCEEDED", "JOB_STATE_FAILED"):
            break
        assert time.time() < deadline, job.to_dict()
        time.sleep(1)
    if job.state.name == "JOB_STATE_FAILED":
        assert job.error.message, job.to_dict()
    else:
        assert job.completion_stats.successful_count == 200000, job.completion_stats
    print("ended:", job.state.name, flush=True)


def main():
    mode, url = sys.argv[1], sys.argv[2]
    token = os.environ["ROV_TOKEN"]
    if mode == "run":
        model = sdk_flow(url, token)
        bad_requests(url, token, model)
        cancel_flow(url, token, model)
    elif mode == "start-long":
        start_long(url, token)
    else:
        after_restart(url, token, sys.argv[3])
    print("google batch: every step passed", flush=True)


if __name__ == "__main__":
    main()
