"""Drives rovd with Google's own Vertex AI client (REST transport), unchanged.

Usage: google_client.py ENDPOINT  (the token comes from the ROV_TOKEN environment variable)
Every step prints one line; an assertion or an API error ends the script with a non-zero status.
"""

import os
import sys

from google.api_core import exceptions
from google.api_core.client_options import ClientOptions
from google.cloud import aiplatform_v1, aiplatform_v1beta1
from google.oauth2.credentials import Credentials
from google.protobuf import field_mask_pb2

PARENT = "projects/compat/locations/us-central1"
CLUSTER_ID = "google-client"
NAME = f"{PARENT}/persistentResources/{CLUSTER_ID}"


def client(module, endpoint, token):
    return module.PersistentResourceServiceClient(
        transport="rest",
        credentials=Credentials(token=token),
        client_options=ClientOptions(api_endpoint=endpoint),
    )


def step(text):
    print("step:", text, flush=True)


def cluster_body(v1):
    pool = v1.ResourcePool
    return v1.PersistentResource(
        display_name="made by google-cloud-aiplatform",
        resource_pools=[
            pool(id="head", machine_spec=v1.MachineSpec(machine_type="n1-standard-4"),
                 replica_count=1),
            pool(id="workers", machine_spec=v1.MachineSpec(machine_type="n1-standard-4"),
                 replica_count=1),
        ],
        resource_runtime_spec=v1.ResourceRuntimeSpec(ray_spec=v1.RaySpec()),
    )


def main():
    endpoint = sys.argv[1]
    token = os.environ["ROV_TOKEN"]
    v1 = aiplatform_v1
    api = client(v1, endpoint, token)
    beta = client(aiplatform_v1beta1, endpoint, token)

    step("a missing cluster is NotFound")
    try:
        api.get_persistent_resource(name=f"{PARENT}/persistentResources/absent")
        raise AssertionError("get of a missing cluster succeeded")
    except exceptions.NotFound as error:
        assert "not found" in error.message, error.message

    step("a bad id is BadRequest, saying the rule")
    try:
        api.create_persistent_resource(parent=PARENT, persistent_resource_id="Bad_Id",
                                       persistent_resource=cluster_body(v1))
        raise AssertionError("a bad id was accepted")
    except exceptions.BadRequest as error:
        assert "lower-case letters" in error.message, error.message

    step("create and wait for the operation")
    operation = api.create_persistent_resource(parent=PARENT, persistent_resource_id=CLUSTER_ID,
                                               persistent_resource=cluster_body(v1))
    created = operation.result(timeout=300)
    assert created.state == v1.PersistentResource.State.RUNNING, created.state
    assert created.resource_runtime.access_uris["RAY_DASHBOARD_URI"].startswith("127.0.0.1:")
    assert set(created.resource_runtime_spec.ray_spec.resource_pool_images) == {"head", "workers"}

    step("the same id again is a conflict")
    try:
        api.create_persistent_resource(parent=PARENT, persistent_resource_id=CLUSTER_ID,
                                       persistent_resource=cluster_body(v1))
        raise AssertionError("a duplicate id was accepted")
    except exceptions.Conflict:
        pass

    step("get and list, v1 and v1beta1")
    got = api.get_persistent_resource(name=NAME)
    assert [p.used_replica_count for p in got.resource_pools] == [1, 1], got.resource_pools
    assert beta.get_persistent_resource(name=NAME).state.name == "RUNNING"
    pages = api.list_persistent_resources(
        request=v1.ListPersistentResourcesRequest(parent=PARENT, page_size=1))
    listed = [r.name for r in pages]
    assert NAME in listed, listed

    step("scale the worker pool to 2")
    wanted = v1.PersistentResource(
        name=NAME, resource_pools=[v1.ResourcePool(id="workers", replica_count=2)])
    updated = api.update_persistent_resource(
        persistent_resource=wanted,
        update_mask=field_mask_pb2.FieldMask(paths=["resource_pools.replica_count"]),
    ).result(timeout=300)
    assert [p.used_replica_count for p in updated.resource_pools] == [1, 2], updated.resource_pools

    step("reboot")
    rebooted = api.reboot_persistent_resource(name=NAME).result(timeout=300)
    assert rebooted.state == v1.PersistentResource.State.RUNNING, rebooted.state

    step("delete")
    api.delete_persistent_resource(name=NAME).result(timeout=300)
    try:
        api.get_persistent_resource(name=NAME)
        raise AssertionError("the deleted cluster is still there")
    except exceptions.NotFound:
        pass
    print("google client: every step passed", flush=True)


if __name__ == "__main__":
    main()
