"""rovd's stand-in for Google's prebuilt scikit-learn and XGBoost prediction images, on Ray Serve.

One Serve application per deployed model. Like the images (and the SDK's SklearnPredictor), it
loads the artifact folder's model file once per replica and answers Vertex AI's container
contract: POST {"instances": [...], "parameters": {...}} -> {"predictions": [...]}; GET -> {} while
healthy. Errors come back as {"error": "..."} with a 4xx or 5xx status.
"""

import os
import pickle

import numpy as np
from ray import serve
from starlette.requests import Request
from starlette.responses import JSONResponse


def load_model(artifact_dir, framework, file_name):
    path = os.path.join(artifact_dir, file_name)
    if not os.path.isfile(path):
        raise FileNotFoundError(f"the artifact folder has no {file_name}: {path}")
    if file_name.endswith((".bst", ".json")):
        import xgboost

        booster = xgboost.Booster()
        booster.load_model(path)
        return booster
    if file_name.endswith(".joblib"):
        import joblib

        return joblib.load(path)
    with open(path, "rb") as handle:
        return pickle.load(handle)


def predict(model, instances):
    data = np.asarray(instances)
    try:
        import xgboost

        if isinstance(model, xgboost.Booster):
            return model.predict(xgboost.DMatrix(data))
    except ImportError:
        pass
    return model.predict(data)


@serve.deployment
class Predictor:
    def __init__(self, artifact_dir: str, framework: str, file_name: str):
        self.model = load_model(artifact_dir, framework, file_name)

    async def __call__(self, request: Request):
        if request.method == "GET":
            return JSONResponse({})
        try:
            body = await request.json()
        except ValueError as error:
            return JSONResponse({"error": f"the body is not JSON: {error}"}, status_code=400)
        if not isinstance(body, dict) or not isinstance(body.get("instances"), list):
            return JSONResponse({"error": "the body needs \"instances\": a list"}, status_code=400)
        try:
            result = predict(self.model, body["instances"])
        except Exception as error:  # the model's own complaint, e.g. a wrong number of features
            return JSONResponse({"error": f"{type(error).__name__}: {error}"}, status_code=400)
        return JSONResponse({"predictions": np.asarray(result).tolist()})


def build(args):
    """Serve's application builder: args come from the application's config."""
    return Predictor.bind(args["artifact_dir"], args["framework"], args["file_name"])
