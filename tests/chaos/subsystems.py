"""rovd's other subsystems under chaos (issue 25): a model deployed on the serving instance, then,
one fault a cycle, in turn:

    prometheus      SIGKILL to rovd's Prometheus
    serving_head    SIGKILL to the serving instance's `ray start --head`
    serve_replica   SIGKILL to a Serve replica of the deployed model
    deploy          SIGKILL to rovd at a random moment of a deploy to a new endpoint
    upload          SIGKILL to rovd at a random moment of a 200 MB models:upload
    full_disk       the data disk (a tmpfs this script mounts) filled during uploads

After each, every subsystem must answer again (clusters, models, predictions, logs, PromQL,
Cloud Storage), an acknowledged change must be there and its operation must end, no serving
instance may run twice, and no model copy may be left that no model has. The counts go into the
same last line as the clusters' chaos (lost, orphans, stuck_ops, leaked).
"""
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time

PARENT = "projects/chaos/locations/us-central1"
FAULTS = ["prometheus", "serving_head", "serve_replica", "deploy", "upload", "full_disk"]
SKLEARN = "us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-6:latest"
INSTANCES = {"instances": [[0, 0, 0, 1], [1, 1, 1, 0]]}


def stat_field(pid, index):
    """Field `index` after the command in /proc/<pid>/stat (0 is the state); -1 when gone."""
    try:
        with open("/proc/%d/stat" % pid) as stat:
            text = stat.read()
    except OSError:
        return -1
    return int(text[text.rindex(")") + 2:].split()[index])


def is_head(line):
    """The `ray start --head --block` of a node (Ray's own processes name the head too)."""
    return " start " in line and "--block" in line and "--head" in line


def command_lines():
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open("/proc/%s/cmdline" % entry, "rb") as cmdline:
                    found[int(entry)] = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                pass
    return found


class SubsystemChaos:
    def __init__(self, args, rovd_class, counts, problem, log, random):
        self.args, self.counts, self.problem, self.log, self.random = (
            args, counts, problem, log, random)
        self.work = tempfile.mkdtemp(prefix="rov-chaos-subsystems-")
        self.data = os.path.join(self.work, "data")
        os.mkdir(self.data)
        # The data disk: small, so that filling it takes a moment.
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%dm,mode=0700" % args.disk_mb,
                        "tmpfs", self.data], check=True)
        self.temp_root = "/tmp/rovs-%d" % os.getpid()
        self.rovd = rovd_class(args.rovd, self.data, self.temp_root, 0,
                               extra=["--stop-clusters-on-exit"])
        self.python = os.path.join(args.venv, "bin", "python")

    # --- HTTP ----------------------------------------------------------------------------------

    def call(self, method, path, body=None, admin=False, data=None, content_type=None,
             timeout=60):
        return self.rovd.request(method, path, body=body, admin=admin, data=data,
                                 content_type=content_type, timeout=timeout)

    def vertex(self, method, path, body=None, admin=False, timeout=60):
        return self.call(method, "/v1/%s/%s" % (PARENT, path), body, admin, timeout=timeout)

    def put_object(self, name, data):
        return self.call("POST", "/upload/storage/v1/b/chaos/o?uploadType=media&name=" + name,
                         admin=True, data=data, content_type="application/octet-stream")

    def wait_operation(self, name, acknowledged, limit_s=600):
        from chaos import follow_operation
        return follow_operation(self.rovd, name, acknowledged, limit_s, self.problem)

    # --- what a user relies on -----------------------------------------------------------------

    def checks(self):
        return [
            ("clusters", lambda: self.vertex("GET", "persistentResources")),
            ("models", lambda: self.vertex("GET", "models")),
            ("predict", lambda: self.vertex("POST", "endpoints/e0:predict", INSTANCES)),
            ("logs", lambda: self.call("POST", "/v2/entries:list",
                                       {"resourceNames": ["projects/chaos"], "pageSize": 5})),
            ("promql", lambda: self.call(
                "GET", "/v1/projects/chaos/location/global/prometheus/api/v1/query?query=up")),
            ("storage", lambda: self.call("GET", "/storage/v1/b/chaos/o")),
        ]

    def everything_answers(self, limit_s=300):
        """Every subsystem answers 200 within `limit_s`; the ones that do not are stuck."""
        pending = dict(self.checks())
        limit = time.time() + limit_s
        last = {}
        while pending and time.time() < limit:
            for name, check in list(pending.items()):
                status, body = check()
                last[name] = (status, body.get("error", {}).get("message", "")[:160])
                if status == 200:
                    del pending[name]
            if pending:
                time.sleep(2)
        for name in pending:
            self.problem("stuck_ops", "%s does not answer after %d s: %s" % (name, limit_s,
                                                                             last.get(name)))
        return not pending

    def serving_processes(self):
        root = self.temp_root + "/serving"
        return {pid: line for pid, line in command_lines().items() if root in line}

    def check_serving(self):
        heads = [pid for pid, line in self.serving_processes().items()
                 if is_head(line)]
        if len(heads) > 1:
            self.problem("orphans", "the serving instance runs %d times: %s" % (len(heads), heads))
        copies = os.path.join(self.data, "serving", "models")
        status, models = self.vertex("GET", "models?pageSize=100")
        if status != 200:
            return
        ids = {model["name"].rsplit("/", 1)[1] for model in models.get("models", [])}
        for entry in (os.listdir(copies) if os.path.isdir(copies) else []):
            if entry not in ids:
                self.problem("leaked", "model copy %s has no model" % entry)

    # --- setup ---------------------------------------------------------------------------------

    def model_bytes(self):
        script = ("import pickle, sys, numpy as np\n"
                  "from sklearn.linear_model import LogisticRegression\n"
                  "X = np.array([[0,0,0,1],[1,1,1,0],[0,1,0,1],[1,0,1,0]] * 5)\n"
                  "y = np.array([0,1,0,1] * 5)\n"
                  "sys.stdout.buffer.write(pickle.dumps(LogisticRegression().fit(X, y)))\n")
        return subprocess.run([self.python, "-c", script], check=True,
                              capture_output=True).stdout

    def deploy(self, endpoint, model="m0"):
        status, operation = self.vertex("POST", "endpoints/%s:deployModel" % endpoint, {
            "deployedModel": {"model": "%s/models/%s" % (PARENT, model),
                              "dedicatedResources": {"machineSpec": {"machineType": "n1-standard-2"},
                                                     "minReplicaCount": 1, "maxReplicaCount": 1}},
            "trafficSplit": {"0": 100}}, admin=True)
        return status, operation

    def set_up(self):
        self.rovd.start()
        self.log("subsystems: rovd on port %d, data on a %d MB tmpfs at %s" %
                 (self.rovd.port, self.args.disk_mb, self.data))
        self.model = self.model_bytes()
        status, body = self.put_object("m/model.pkl", self.model)
        if status != 200:
            raise SystemExit("could not store the model: %s %s" % (status, body))
        status, operation = self.vertex("POST", "models:upload", {
            "modelId": "m0", "model": {"displayName": "m0", "artifactUri": "gs://chaos/m",
                                       "containerSpec": {"imageUri": SKLEARN}}}, admin=True)
        if status != 200:
            raise SystemExit("models:upload: %s %s" % (status, body))
        self.vertex("POST", "endpoints?endpointId=e0", {"displayName": "e0"}, admin=True)
        status, operation = self.deploy("e0")
        if status != 200 or not self.wait_operation(operation["name"], True):
            raise SystemExit("deploy: %s %s" % (status, operation))
        if not self.everything_answers(600):
            raise SystemExit("the subsystems do not answer before any fault")

    # --- faults --------------------------------------------------------------------------------

    def kill(self, pid, what):
        os.kill(pid, signal.SIGKILL)
        self.counts["kills"] += 1
        self.log("killed %s (pid %d)" % (what, pid))

    def fault_prometheus(self, cycle):
        children = [pid for pid, line in command_lines().items()
                    if stat_field(pid, 1) == self.rovd.process.pid and "prometheus" in line]
        if not children:
            self.problem("stuck_ops", "rovd has no Prometheus to kill")
            return
        self.kill(children[0], "Prometheus")

    def fault_serving_head(self, cycle):
        heads = [pid for pid, line in self.serving_processes().items()
                 if is_head(line)]
        if not heads:
            self.problem("stuck_ops", "no serving instance to kill")
            return
        self.kill(heads[0], "the serving instance's head")

    def fault_serve_replica(self, cycle):
        heads = [pid for pid, line in self.serving_processes().items()
                 if is_head(line)]
        session = stat_field(heads[0], 3) if heads else -2
        replicas = [pid for pid, line in command_lines().items()
                    if "ServeReplica" in line and stat_field(pid, 3) == session]
        if not replicas:
            self.problem("stuck_ops", "no Serve replica to kill")
            return
        self.kill(self.random.choice(replicas), "a Serve replica")

    def kill_rovd_during(self, what, request, longest_s=4.0):
        from chaos import kill_rovd_around
        return kill_rovd_around(self.rovd, what, request, self.random.uniform(0.0, longest_s),
                                self.counts)

    def fault_deploy(self, cycle):
        endpoint = "d%d" % cycle
        status, _ = self.vertex("POST", "endpoints?endpointId=" + endpoint,
                                {"displayName": endpoint}, admin=True)
        if status != 200:
            self.problem("stuck_ops", "creating endpoint %s: %s" % (endpoint, status))
            return
        status, operation = self.kill_rovd_during("a deploy", lambda: self.deploy(endpoint))
        if status == 200:
            done = self.wait_operation(operation["name"], acknowledged=True)
            if done and "error" not in done:
                # Deployed: it predicts.
                limit = time.time() + 300
                while time.time() < limit and self.vertex(
                        "POST", "endpoints/%s:predict" % endpoint, INSTANCES)[0] != 200:
                    time.sleep(2)
                if time.time() >= limit:
                    self.problem("stuck_ops", "%s deployed and does not predict" % endpoint)
        # The endpoint goes again (undeployed first), so that the instance stays small.
        status, body = self.vertex("GET", "endpoints/" + endpoint)
        for deployed in body.get("deployedModels", []):
            status, operation = self.vertex("POST", "endpoints/%s:undeployModel" % endpoint,
                                            {"deployedModelId": deployed["id"]}, admin=True)
            if status == 200:
                self.wait_operation(operation["name"], acknowledged=True)
        status, operation = self.vertex("DELETE", "endpoints/" + endpoint, admin=True)
        if status == 200:
            self.wait_operation(operation["name"], acknowledged=True)

    def big_folder(self, name, megabytes):
        folder = os.path.join(self.data, "storage", "chaos", name)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "model.pkl"), "wb") as model:
            model.write(self.model)
        with open(os.path.join(folder, "weights.bin"), "wb") as weights:
            block = b"w" * (1 << 20)
            for _ in range(megabytes):
                weights.write(block)
        return folder

    def upload(self, model_id, folder_name):
        return self.vertex("POST", "models:upload", {
            "modelId": model_id, "model": {"displayName": model_id,
                                           "artifactUri": "gs://chaos/" + folder_name,
                                           "containerSpec": {"imageUri": SKLEARN}}},
            admin=True, timeout=600)

    def remove_model(self, model_id):
        status, operation = self.vertex("DELETE", "models/" + model_id, admin=True)
        if status == 200:
            self.wait_operation(operation["name"], acknowledged=True)

    def fault_upload(self, cycle):
        model_id = "big%d" % cycle
        folder = self.big_folder(model_id, 200)
        # A copy on the tmpfs takes well under a second: killed within it, mostly.
        status, operation = self.kill_rovd_during("a 200 MB upload",
                                                  lambda: self.upload(model_id, model_id), 0.5)
        code, model = self.vertex("GET", "models/" + model_id)
        if status == 200 and code != 200:
            self.problem("lost", "model %s was acknowledged and is gone" % model_id)
        self.check_serving()  # no half copy left
        if code == 200:
            self.remove_model(model_id)
        shutil.rmtree(folder, ignore_errors=True)

    def fault_full_disk(self, cycle):
        folder = self.big_folder("full%d" % cycle, 16)
        filler = os.path.join(self.data, "filler")
        with open(filler, "wb") as fill:
            block = b"f" * (1 << 20)
            try:
                while True:
                    fill.write(block)
                    fill.flush()
            except OSError:
                pass
        self.log("the data disk is full")
        data = os.urandom(4 << 20)
        status, body = self.put_object("full/%d" % cycle, data)
        self.log("an object on the full disk: %s %s" % (status, body.get("error", {}).get("status")))
        if status == 200:
            code, stored = self.call("GET", "/storage/v1/b/chaos/o/full%%2F%d" % cycle)
            if code != 200 or int(stored.get("size", -1)) != len(data):
                self.problem("lost", "an object answered 200 on a full disk is not whole")
        elif status not in (429, 503):
            self.problem("stuck_ops", "an upload on a full disk got %s: %s" % (status, body))
        status, body = self.upload("full%d" % cycle, "full%d" % cycle)
        self.log("models:upload on the full disk: %s %s" %
                 (status, body.get("error", {}).get("status")))
        if status == 200:
            done = self.wait_operation(body["name"], acknowledged=True)
            if done and "error" not in done:
                self.remove_model("full%d" % cycle)
        elif status not in (429, 503):
            self.problem("stuck_ops", "models:upload on a full disk got %s: %s" % (status, body))
        os.remove(filler)
        shutil.rmtree(folder, ignore_errors=True)
        self.log("the data disk has room again")
        # What was stored before is whole.
        status, _ = self.call("GET", "/storage/v1/b/chaos/o/m%2Fmodel.pkl")
        if status != 200:
            self.problem("lost", "the model's object is gone after a full disk")
        status, body = self.put_object("after-full/%d" % cycle, b"room again")
        if status != 200:
            self.problem("stuck_ops", "uploads still fail once the disk has room: %s" % status)

    # --- the run -------------------------------------------------------------------------------

    def run(self, cycles):
        try:
            self.set_up()
            for cycle in range(1, cycles + 1):
                fault = FAULTS[(cycle - 1) % len(FAULTS)]
                self.log("subsystems cycle %d: %s" % (cycle, fault))
                getattr(self, "fault_" + fault)(cycle)
                self.everything_answers()
                self.check_serving()
        finally:
            self.rovd.stop()
            limit = time.time() + 60
            while time.time() < limit and self.serving_processes():
                time.sleep(1)
            for pid, line in self.serving_processes().items():
                self.problem("leaked", "pid %d outlived rovd: %s" % (pid, line[:160]))
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            subprocess.run(["umount", "-l", self.data])
            shutil.rmtree(self.temp_root, ignore_errors=True)
