"""The kernel of "Ray on <cluster>" in the console's JupyterLab: an IPython kernel whose Google
clients reach the profile's backend and whose ray.init() connects to the cluster, as in a Vertex AI
notebook, so that notebook code written for Vertex runs unchanged.

The console writes the kernelspec (kernel.json) with this environment, and no secret in it:
  ROV_CLUSTER      projects/P/locations/L/persistentResources/ID
  RAY_ADDRESS      vertex_ray://<ROV_CLUSTER>: ray.init() with no address goes through vertex_ray
  ROV_API          rovd's URL (this computer); empty for Google Cloud
  ROV_TOKEN_FILE   rovd's tokens file (mode 0600), read here at start (this computer)
For Google Cloud, Google's own credentials (application default, or GOOGLE_APPLICATION_CREDENTIALS
for a key file) are used as they are.

Usage (the kernelspec's argv): python rov_kernel.py -f {connection_file}
"""

import importlib.abc
import importlib.util
import json
import os
import sys
import urllib.error
import urllib.request

_AIPLATFORM_INIT = "google.cloud.aiplatform.initializer"
_AUTH = "google.auth"
_LOGGING_CLIENT = "google.cloud.logging_v2.client"


def _token(path):
    """The admin token of rovd's tokens file (lines "<role> <token>")."""
    with open(path, encoding="utf-8") as tokens:
        for line in tokens:
            fields = line.split()
            if len(fields) == 2 and fields[0] == "admin":
                return fields[1]
    raise RuntimeError(f"{path} has no admin token")


def _cluster_state(api, token, cluster):
    """The cluster's resource, None when it does not exist; raises with the reason otherwise."""
    request = urllib.request.Request(f"{api}/v1beta1/{cluster}",
                                     headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


class _AfterImport(importlib.abc.MetaPathFinder):
    """Calls `then(module)` once the module named `name` has been executed, so that nothing is
    imported here that the notebook does not import itself (aiplatform takes seconds)."""

    def __init__(self, name, then):
        self._name = name
        self._then = then

    def find_spec(self, name, path, target=None):
        if name != self._name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        execute = spec.loader.exec_module

        def exec_module(module):
            execute(module)
            self._then(module)

        spec.loader.exec_module = exec_module
        return spec


def _configure_local(api, token, cluster):
    """Google's clients reach rovd: aiplatform (REST, rovd's URL, the token), Cloud Storage and
    BigQuery (their emulator variables; Cloud Storage's client sends no credentials there, so the
    token is in the path, as rovd gives it to Ray nodes)."""
    parts = cluster.split("/")
    project, location = parts[1], parts[3]
    os.environ["STORAGE_EMULATOR_HOST"] = f"{api}/t/{token}"
    os.environ["BIGQUERY_EMULATOR_HOST"] = api
    os.environ.setdefault("GOOGLE_CLOUD_PROJECT", project)

    def configure(initializer):
        from google.oauth2.credentials import Credentials

        initializer.global_config.init(project=project, location=location, api_endpoint=api,
                                       api_transport="rest", credentials=Credentials(token=token))

    def default_credentials(auth):
        """google.auth.default() finds rovd's token (there is no other credential here): the
        clients that look for credentials themselves (BigQuery, Cloud Logging) get it. Nothing
        is imported here: google.auth is not yet an attribute of google while this runs."""
        found = auth.default

        def default(scopes=None, request=None, quota_project_id=None, default_scopes=None):
            from google.auth.exceptions import DefaultCredentialsError
            from google.oauth2.credentials import Credentials

            try:
                return found(scopes=scopes, request=request, quota_project_id=quota_project_id,
                             default_scopes=default_scopes)
            except DefaultCredentialsError:
                return Credentials(token=token), project

        auth.default = default

    def logging_endpoint(module):
        """Cloud Logging's client reads rovd's entries (REST; rovd has no gRPC), unless the
        caller chose an endpoint."""
        client = module.Client
        original = client.__init__

        def __init__(self, *args, **kwargs):
            options = kwargs.get("client_options")
            chosen = options.get("api_endpoint") if isinstance(options, dict) else \
                getattr(options, "api_endpoint", None)
            if not chosen:
                kwargs["client_options"] = {"api_endpoint": api}
                kwargs.setdefault("_use_grpc", False)
            original(self, *args, **kwargs)

        client.__init__ = __init__

    sys.meta_path.insert(0, _AfterImport(_AIPLATFORM_INIT, configure))
    sys.meta_path.insert(0, _AfterImport(_AUTH, default_credentials))
    sys.meta_path.insert(0, _AfterImport(_LOGGING_CLIENT, logging_endpoint))


def _configure_google(cluster):
    parts = cluster.split("/")
    project, location = parts[1], parts[3]
    os.environ.setdefault("GOOGLE_CLOUD_PROJECT", project)

    def configure(initializer):
        initializer.global_config.init(project=project, location=location)

    sys.meta_path.insert(0, _AfterImport(_AIPLATFORM_INIT, configure))


def _refuse_every_cell(shell, sentence):
    """Every cell fails with `sentence`: the kernel runs (JupyterLab does not restart it in a
    loop) and what the user runs says why it cannot work."""

    def transform(lines):
        return [f"raise RuntimeError({sentence!r})\n"]

    shell.input_transformers_post.append(transform)


def _local_problem(api, cluster):
    """Configures the clients for rovd; why the kernel cannot work, or None."""
    path = os.environ["ROV_TOKEN_FILE"]
    try:
        token = _token(path)
    except (OSError, RuntimeError) as error:
        return (f"This kernel cannot read rovd's token from {path} ({error}). Is rovd's data "
                f"directory still where the console's profile says? Open the cluster in "
                f"JupyterLab from the console again.")
    _configure_local(api, token, cluster)
    try:
        if _cluster_state(api, token, cluster) is None:
            return (f"The cluster {cluster.split('/')[-1]} no longer exists (it was deleted); "
                    f"this notebook's kernel cannot connect to it. Choose another kernel "
                    f"(Kernel > Change Kernel) or open a running cluster in JupyterLab from the "
                    f"console.")
    except (urllib.error.URLError, OSError):
        pass  # rovd is not answering now: ray.init() says so when it is called
    return None


def main():
    cluster = os.environ["ROV_CLUSTER"]
    api = os.environ.get("ROV_API", "").rstrip("/")
    problem = None
    if api:
        problem = _local_problem(api, cluster)
    else:
        _configure_google(cluster)

    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(sys.argv[1:])
    if problem:
        _refuse_every_cell(app.shell, problem)
    app.start()


if __name__ == "__main__":
    main()
