"""Start-up code of every Python on a local cluster's Ray nodes (rovd puts this folder first on
their PYTHONPATH): what a Vertex AI node has built in, so that Google's documented code runs
unchanged in a job.

google.auth.default() already finds the node's credentials (GCE_METADATA_HOST: rovd's metadata
server for this cluster) and google-cloud-bigquery its endpoint (BIGQUERY_EMULATOR_HOST). BigQuery's
Storage Read client has no such setting, and neither Ray's read_bigquery nor Vertex's passes one;
so when its module is imported (and not before: nothing here imports anything a program does not),
BigQueryReadClient is given rovd's Storage Read API, found at the node's metadata server, with the
node's credentials as the calls' token, unless the caller chose a transport or an endpoint."""

import importlib.abc
import importlib.util
import os
import sys

_CLIENT_MODULE = "google.cloud.bigquery_storage_v1.services.big_query_read.client"
_ATTRIBUTE = "rov-bigquery-read-endpoint"
_SCOPES = ["https://www.googleapis.com/auth/cloud-platform"]


def _read_endpoint():
    """host:port of rovd's Storage Read API, from the node's metadata server."""
    import urllib.error
    import urllib.request

    url = (f"http://{os.environ['GCE_METADATA_HOST']}/computeMetadata/v1/instance/attributes/"
           f"{_ATTRIBUTE}")
    request = urllib.request.Request(url, headers={"Metadata-Flavor": "Google"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.read().decode().strip()
    except urllib.error.HTTPError as error:
        try:
            import json
            words = json.loads(error.read())["error"]["message"]
        except Exception:  # noqa: BLE001 — the status says enough
            words = f"HTTP {error.code}"
        raise RuntimeError(f"rovd's BigQuery Storage Read API is not available: {words}") \
            from None
    except OSError as error:
        raise RuntimeError(f"rovd's metadata server did not answer ({error}); is rovd "
                           f"running?") from None


def _transport(credentials):
    import google.auth
    import grpc
    from google.auth.transport import grpc as auth_grpc
    from google.auth.transport import requests as auth_requests
    from google.cloud.bigquery_storage_v1.services.big_query_read.transports.grpc import (
        BigQueryReadGrpcTransport)

    if credentials is None:
        credentials, _ = google.auth.default(scopes=_SCOPES)
    # Local credentials: gRPC sends call credentials (the token) only on a channel it deems
    # secure, and a loopback connection is one.
    channel_credentials = grpc.composite_channel_credentials(
        grpc.local_channel_credentials(grpc.LocalConnectionType.LOCAL_TCP),
        grpc.metadata_call_credentials(
            auth_grpc.AuthMetadataPlugin(credentials, auth_requests.Request())))
    channel = grpc.secure_channel(_read_endpoint(), channel_credentials,
                                  options=[("grpc.max_send_message_length", -1),
                                           ("grpc.max_receive_message_length", -1)])
    return BigQueryReadGrpcTransport(channel=channel)


def _chose_endpoint(options):
    if options is None:
        return False
    if isinstance(options, dict):
        return bool(options.get("api_endpoint"))
    return bool(getattr(options, "api_endpoint", None))


def _patch(module):
    client = module.BigQueryReadClient
    original = client.__init__

    def __init__(self, *args, **kwargs):
        if not args and kwargs.get("transport") is None and \
                not _chose_endpoint(kwargs.get("client_options")):
            kwargs["transport"] = _transport(kwargs.pop("credentials", None))
        original(self, *args, **kwargs)

    client.__init__ = __init__


class _AfterImport(importlib.abc.MetaPathFinder):
    """Runs _patch once the client's module has been executed."""

    def find_spec(self, name, path, target=None):
        if name != _CLIENT_MODULE:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        loader = spec.loader
        execute = loader.exec_module

        def exec_module(module):
            execute(module)
            _patch(module)

        loader.exec_module = exec_module
        return spec


if os.environ.get("GCE_METADATA_HOST") and not any(
        isinstance(finder, _AfterImport) for finder in sys.meta_path):
    sys.meta_path.insert(0, _AfterImport())


def _run_the_one_this_hides():
    """The interpreter runs one sitecustomize: the one after this folder on the path (Debian's,
    say) still runs, after this one."""
    here = os.path.dirname(os.path.abspath(__file__))
    for folder in sys.path:
        if not folder or os.path.abspath(folder) == here:
            continue
        candidate = os.path.join(folder, "sitecustomize.py")
        if os.path.isfile(candidate):
            with open(candidate, encoding="utf-8") as source:
                code = compile(source.read(), candidate, "exec")
            exec(code, {"__name__": "sitecustomize", "__file__": candidate})  # noqa: S102
            return


try:
    _run_the_one_this_hides()
except Exception as error:  # noqa: BLE001 — as Python treats a failing sitecustomize
    print(f"Error in sitecustomize after rovd's: {error}", file=sys.stderr)
