"""Drives rovd's Model Registry and endpoints with Google's own SDK (google-cloud-aiplatform,
REST transport) and with plain REST, against real Ray Serve.

Usage: google_serving.py deploy URL         (leaves the endpoint "split" serving)
       google_serving.py after-restart URL
The token comes from ROV_TOKEN. The models reach gs:// through google-cloud-storage with
STORAGE_EMULATOR_HOST (set by the caller to rovd's URL with the user token in the path, as rovd
gives its Ray nodes).
Every step prints one line; an assertion or an API error ends the script with a non-zero status.
"""

import os
import pickle
import subprocess
import sys
import tempfile
import time

import numpy as np
import requests
from google.api_core import exceptions
from google.auth.credentials import AnonymousCredentials
from google.cloud import aiplatform
from google.oauth2.credentials import Credentials
from sklearn.linear_model import LogisticRegression
from sklearn.tree import DecisionTreeClassifier

PROJECT, LOCATION = "serving", "us-central1"
PARENT = f"projects/{PROJECT}/locations/{LOCATION}"
SKLEARN = "us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-6:latest"
XGBOOST = "us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.2-1:latest"
ROWS = np.array([[0.1, 0.2, 0.3, 0.4], [5.0, 3.0, 1.0, 0.5], [2.0, 2.0, 2.0, 2.0],
                 [9.0, 1.0, 4.0, 7.0]])


def step(text):
    print("step:", text, flush=True)


class Rest:
    def __init__(self, url, token):
        self.base = f"{url}/v1/{PARENT}"
        self.url = url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def call(self, method, path, body=None, **params):
        answer = self.session.request(method, self.base + path, json=body, params=params,
                                      timeout=120)
        return answer.status_code, answer.json()

    def wait(self, operation, limit=300):
        deadline = time.time() + limit
        while not operation.get("done"):
            assert time.time() < deadline, operation
            time.sleep(0.5)
            operation = self.session.get(f"{self.url}/v1/{operation['name']}", timeout=30).json()
        return operation

    def predict(self, endpoint, instances):
        return self.call("POST", f"/endpoints/{endpoint}:predict", {"instances": instances})


def write_models(storage):
    """Two scikit-learn models that disagree, an XGBoost booster, and a broken artifact, in a
    local folder; upload() puts them in gs://models/."""
    rng = np.random.default_rng(7)
    x = rng.normal(size=(200, 4)) * 3
    y = (x[:, 0] + x[:, 1] > x[:, 2]).astype(int)
    models = {"v1": LogisticRegression().fit(x, y), "v2": DecisionTreeClassifier().fit(x, 1 - y)}
    for name, model in models.items():
        os.makedirs(f"{storage}/models/{name}", exist_ok=True)
        with open(f"{storage}/models/{name}/model.pkl", "wb") as handle:
            pickle.dump(model, handle)
    import xgboost

    booster = xgboost.train({"objective": "binary:logistic"}, xgboost.DMatrix(x, label=y), 5)
    os.makedirs(f"{storage}/models/xgb", exist_ok=True)
    booster.save_model(f"{storage}/models/xgb/model.bst")
    os.makedirs(f"{storage}/models/broken", exist_ok=True)
    with open(f"{storage}/models/broken/model.pkl", "wb") as handle:
        handle.write(b"not a pickle")
    return models, booster


def upload_folder(folder):
    step("google-cloud-storage uploads the models to gs://models (media, multipart, resumable)")
    from google.cloud import storage

    client = storage.Client()
    bucket = client.bucket("models")
    if not bucket.exists():
        client.create_bucket("models")
    for root, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            blob = bucket.blob(os.path.relpath(path, folder))
            blob.upload_from_filename(path)
    names = sorted(blob.name for blob in client.list_blobs("models", prefix="v1/"))
    assert names == ["v1/model.pkl"], names
    listing = client.list_blobs("models", delimiter="/")
    top = [blob.name for blob in listing]  # the prefixes fill as the pages are read
    assert top == [] and {"v1/", "v2/", "xgb/", "broken/"} <= set(listing.prefixes), (
        top, listing.prefixes)
    # A resumable upload in chunks, read back whole, its checksum checked by the client.
    big = np.random.default_rng(1).bytes(3 * 1024 * 1024 + 17)
    blob = bucket.blob("scratch/big.bin", chunk_size=1024 * 1024)
    blob.upload_from_string(big)
    assert bucket.blob("scratch/big.bin").download_as_bytes() == big
    assert bucket.get_blob("scratch/big.bin").size == len(big)


def sdk_flow(url, token, models, booster):
    aiplatform.init(project=PROJECT, location=LOCATION, api_endpoint=url, api_transport="rest",
                    credentials=Credentials(token=token))
    step("Model.upload registers the folder with the prebuilt scikit-learn image")
    model = aiplatform.Model.upload(display_name="logistic v1",
                                    artifact_uri="gs://models/v1",
                                    serving_container_image_uri=SKLEARN)
    assert model.resource_name.startswith(f"{PARENT}/models/"), model.resource_name
    assert model.uri == "gs://models/v1", model.uri
    step("Endpoint.create and deploy")
    endpoint = aiplatform.Endpoint.create(display_name="sdk endpoint")
    started = time.time()
    endpoint.deploy(model=model, machine_type="n1-standard-2", min_replica_count=1,
                    max_replica_count=2)
    print("deploy_s:", round(time.time() - started, 1), flush=True)
    assert len(endpoint.list_models()) == 1
    step("predict equals the same model loaded here")
    answer = endpoint.predict(instances=ROWS.tolist())
    assert [int(p) for p in answer.predictions] == models["v1"].predict(ROWS).tolist(), answer
    assert answer.deployed_model_id == endpoint.list_models()[0].id
    step("an XGBoost booster (model.bst) on a second endpoint")
    xgb_model = aiplatform.Model.upload(display_name="booster", artifact_uri="gs://models/xgb",
                                        serving_container_image_uri=XGBOOST)
    xgb_endpoint = xgb_model.deploy(machine_type="n1-standard-2")
    import xgboost

    expected = booster.predict(xgboost.DMatrix(ROWS))
    got = xgb_endpoint.predict(instances=ROWS.tolist()).predictions
    assert np.allclose(got, expected, atol=1e-6), (got, expected)
    step("undeploy_all and the deletes")
    xgb_endpoint.undeploy_all()
    xgb_endpoint.delete()
    xgb_model.delete()
    endpoint.undeploy_all()
    assert endpoint.list_models() == []
    endpoint.delete()
    model.delete()
    try:
        aiplatform.Model(model.resource_name)
        raise AssertionError("a deleted model is still there")
    except exceptions.NotFound:
        pass


def bad_requests(rest):
    step("bad requests get Google's errors")
    custom = {"model": {"displayName": "x", "artifactUri": "gs://models/v1",
                        "containerSpec": {"imageUri": "us-docker.pkg.dev/me/mine:1"}}}
    status, body = rest.call("POST", "/models:upload", custom)
    assert status == 400 and "custom containers" in body["error"]["message"], body
    empty = {"model": {"displayName": "x", "artifactUri": "gs://models/scratch",
                       "containerSpec": {"imageUri": SKLEARN}}}
    status, body = rest.call("POST", "/models:upload", empty)
    assert status == 400 and "model.pkl" in body["error"]["message"], body
    status, body = rest.call("POST", "/models:upload", {"model": {"displayName": "x"}})
    assert status == 400 and body["error"]["status"] == "INVALID_ARGUMENT", body
    status, body = rest.call("GET", "/models", pageSize=1001)
    assert status == 400 and "pageSize" in body["error"]["message"], body
    status, body = rest.call("POST", "/endpoints", {"displayName": "x"}, endpointId="Bad_Id")
    assert status == 400 and "endpointId" in body["error"]["message"], body
    status, body = rest.call("GET", "/endpoints/absent")
    assert status == 404, body


def upload(rest, folder, model_id):
    status, body = rest.call("POST", "/models:upload", {
        "modelId": model_id,
        "model": {"displayName": model_id, "artifactUri": f"gs://models/{folder}",
                  "containerSpec": {"imageUri": SKLEARN}}})
    assert status == 200, body
    assert rest.wait(body).get("response", {}).get("model") == f"{PARENT}/models/{model_id}"


def deploy(rest, endpoint, model_id, split, deployed_id=None):
    body = {"deployedModel": {"model": f"{PARENT}/models/{model_id}",
                              "dedicatedResources": {"machineSpec": {"machineType": "n1-standard-2"},
                                                     "minReplicaCount": 1}},
            "trafficSplit": split}
    if deployed_id:
        body["deployedModel"]["id"] = deployed_id
    status, answer = rest.call("POST", f"/endpoints/{endpoint}:deployModel", body)
    assert status == 200, answer
    return rest.wait(answer)


def traffic(rest, models):
    step("two versions 50/50: 400 predictions reach both")
    upload(rest, "v1", "split-v1")
    upload(rest, "v2", "split-v2")
    status, body = rest.call("POST", "/endpoints", {"displayName": "split"}, endpointId="split")
    assert status == 200, body
    first = deploy(rest, "split", "split-v1", {})
    assert first["metadata"]["deploymentStage"] == "SUCCESSFULLY_DEPLOYED", first
    first_id = first["response"]["deployedModel"]["id"]
    status, body = rest.call("POST", "/endpoints/split:deployModel", {
        "deployedModel": {"model": f"{PARENT}/models/split-v2",
                          "dedicatedResources": {"minReplicaCount": 1}},
        "trafficSplit": {"0": 60, first_id: 60}})
    assert status == 400 and "sum to 100" in body["error"]["message"], body
    second = deploy(rest, "split", "split-v2", {"0": 50, first_id: 50})
    second_id = second["response"]["deployedModel"]["id"]
    status, endpoint = rest.call("GET", "/endpoints/split")
    assert endpoint["trafficSplit"] == {first_id: 50, second_id: 50}, endpoint
    counts = {first_id: 0, second_id: 0}
    for _ in range(400):
        status, answer = rest.predict("split", ROWS[:1].tolist())
        assert status == 200, answer
        counts[answer["deployedModelId"]] += 1
        expected = models["v1" if answer["deployedModelId"] == first_id else "v2"]
        assert answer["predictions"] == expected.predict(ROWS[:1]).tolist(), answer
    print("split counts:", counts, flush=True)
    assert all(140 <= count <= 260 for count in counts.values()), counts
    step("a model with traffic cannot be undeployed without a split that removes it")
    status, body = rest.call("POST", "/endpoints/split:undeployModel",
                             {"deployedModelId": first_id})
    assert status == 400 and body["error"]["status"] == "FAILED_PRECONDITION", body
    step("a deployed model cannot be deleted")
    status, body = rest.call("DELETE", "/models/split-v1")
    assert status == 400 and "undeploy it first" in body["error"]["message"], body
    step("a new deploy with {'0': 100} takes all the traffic")
    third = deploy(rest, "split", "split-v1", {"0": 100})
    third_id = third["response"]["deployedModel"]["id"]
    for _ in range(20):
        status, answer = rest.predict("split", ROWS[:1].tolist())
        assert answer["deployedModelId"] == third_id, answer
    step("the predict body is checked")
    status, body = rest.call("POST", "/endpoints/split:predict", {"rows": []})
    assert status == 400 and "instances" in body["error"]["message"], body
    status, body = rest.predict("split", [[1.0, 2.0]])
    assert status == 400 and "features" in body["error"]["message"], body
    step("mutateDeployedModel changes the replica counts")
    status, body = rest.call("POST", "/endpoints/split:mutateDeployedModel",
                             {"deployedModel": {"id": third_id,
                                                "dedicatedResources": {"maxReplicaCount": 2}}},
                             updateMask="dedicatedResources.maxReplicaCount")
    assert status == 200, body
    done = rest.wait(body)
    assert done["response"]["deployedModel"]["dedicatedResources"]["maxReplicaCount"] == 2, done
    return third_id


def broken(rest):
    step("a broken artifact: the deploy ends with the error and nothing keeps running")
    upload(rest, "broken", "broken")
    status, body = rest.call("POST", "/endpoints", {"displayName": "broken"},
                             endpointId="broken")
    assert status == 200, body
    done = deploy(rest, "broken", "broken", {}, deployed_id="77")
    assert done["metadata"]["deploymentStage"] == "FAILED_TO_DEPLOY", done
    assert "error" in done and "model server could not start" in done["error"]["message"], done
    status, endpoint = rest.call("GET", "/endpoints/broken")
    assert endpoint["deployedModels"] == [] and endpoint["trafficSplit"] == {}, endpoint
    # Serve's replicas are processes titled ray::ServeReplica:<app>:Predictor, and rovd's apps
    # are dm-<deployed model id>-<hash>: the split endpoint's three run, the broken one's none.
    deadline = time.time() + 60
    while True:
        titles = subprocess.run(["pgrep", "-af", "ServeReplica:dm-"], capture_output=True,
                                text=True).stdout.splitlines()
        broken_ones = [title for title in titles if "ServeReplica:dm-77-" in title]
        if not broken_ones or time.time() > deadline:
            break
        time.sleep(1)
    print("replicas:", titles, flush=True)
    assert len(titles) >= 3 and not broken_ones, titles


def main():
    mode, url = sys.argv[1], sys.argv[2]
    token = os.environ["ROV_TOKEN"]
    rest = Rest(url, token)
    if mode == "deploy":
        with tempfile.TemporaryDirectory() as folder:
            models, booster = write_models(folder)
            upload_folder(f"{folder}/models")
        bad_requests(rest)
        sdk_flow(url, token, models, booster)
        traffic(rest, models)
        broken(rest)
        print("serving: deployed split", flush=True)
    else:
        step("after a kill -9 and a restart the endpoint predicts again")
        deadline = time.time() + 120
        while True:
            status, answer = rest.predict("split", ROWS[:1].tolist())
            if status == 200 or time.time() > deadline:
                break
            time.sleep(1)
        assert status == 200, answer
        step("delete undeploys first")
        status, body = rest.call("DELETE", "/endpoints/split")
        assert status == 200, body
        assert "error" not in rest.wait(body)
        status, body = rest.call("GET", "/endpoints/split")
        assert status == 404, body
    print("google serving: every step passed", flush=True)


if __name__ == "__main__":
    main()
