"""Trains a scikit-learn classifier on Ray and writes it where Vertex AI's prebuilt image loads it.

The data is made in the job (four features, three classes). Ray tasks fit one model per
regularisation strength in parallel; the best on held-out data is pickled to model.pkl in a
gs:// folder (MODEL_BUCKET, default rov-models). On a local cluster rovd gives every node
STORAGE_EMULATOR_HOST, so google-cloud-storage writes to rovd; on Google Cloud, to your bucket.
The last line names the folder: the console's "Register model from this job" reads it.
"""

import io
import os
import pickle
import time

import numpy as np
import ray
from google.cloud import storage
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

BUCKET = os.environ.get("MODEL_BUCKET", "rov-models")


def make_data(seed=0, rows=3000):
    rng = np.random.default_rng(seed)
    centres = np.array([[0, 0, 0, 0], [3, 3, 0, 1], [0, 3, 3, 2]], dtype=float)
    labels = rng.integers(0, 3, rows)
    features = centres[labels] + rng.normal(scale=1.2, size=(rows, 4))
    return features, labels


@ray.remote(num_cpus=1)
def fit(c, x_train, y_train, x_test, y_test):
    model = LogisticRegression(C=c, max_iter=500).fit(x_train, y_train)
    return c, model.score(x_test, y_test), pickle.dumps(model)


def main():
    ray.init()
    x, y = make_data()
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.25, random_state=0)
    refs = [ray.put(part) for part in (x_train, y_train, x_test, y_test)]
    results = ray.get([fit.remote(c, *refs) for c in (0.01, 0.1, 1.0, 10.0)])
    for c, accuracy, _ in sorted(results):
        print(f"C={c:<5} accuracy={accuracy:.3f}", flush=True)
    c, accuracy, model = max(results, key=lambda result: result[1])
    print(f"best: C={c} accuracy={accuracy:.3f}", flush=True)

    job = ray.get_runtime_context().get_job_id()
    folder = f"jobs/{time.strftime('%Y%m%d-%H%M%S')}-{job}"
    client = storage.Client()
    bucket = client.bucket(BUCKET)
    if not bucket.exists():
        bucket = client.create_bucket(BUCKET)
    bucket.blob(f"{folder}/model.pkl").upload_from_file(io.BytesIO(model))
    print(f"model artifact: gs://{BUCKET}/{folder}", flush=True)


if __name__ == "__main__":
    main()
