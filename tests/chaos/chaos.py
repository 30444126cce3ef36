#!/usr/bin/env python3
"""rovd under chaos: create, scale, reboot and delete real Ray clusters while rovd is killed with
SIGKILL at random moments of each kind of operation and random Ray nodes are killed. After every
step it checks what a user relies on; the last line counts what went wrong:

    chaos: cycles=<n> subsystem_cycles=<n> kills=<n> lost=<n> orphans=<n> stuck_ops=<n> leaked=<n>
           rss_growth_mb=<x>

lost       an acknowledged change that rovd forgot (a created cluster or an operation gone, a
           deleted cluster back)
orphans    a Ray process of rovd's with no cluster, or a node that runs twice
stuck_ops  an operation not done in time, or a cluster that stays in a passing state
leaked     a port, node address, temp dir or log dir still held after its cluster is gone
rss_growth rovd's resident memory over the soak cycles at the end (rovd is not killed there,
           so that one process lives through them)

Python's standard library only. Not part of the test run: it takes about a minute per cycle.
"""
import argparse
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

PARENT = "projects/chaos/locations/us-central1"
OP_KINDS = ["create", "scale_up", "scale_down", "reboot", "delete"]
MACHINE = {"machineType": "n1-standard-4"}
IMAGE = "us-docker.pkg.dev/vertex-ai/training/ray-cpu.2-47.py311:latest"


def log(message):
    print(time.strftime("%H:%M:%S"), message, flush=True)


class Rovd:
    """build/bin/rovd as a process that the script may kill and start again on the same port."""

    def __init__(self, binary, data_dir, temp_root, deadline, extra=()):
        self.binary, self.data_dir, self.temp_root = binary, data_dir, temp_root
        self.deadline = deadline
        self.extra = list(extra)
        self.port = 0
        self.process = None
        self.admin = self.user = None
        self.log = open(os.path.join(data_dir, "..", "rovd-chaos.log"), "ab")

    def start(self):
        args = [self.binary, "--data-dir", self.data_dir, "--temp-root", self.temp_root,
                "--listen", "127.0.0.1:%d" % self.port, "--autoscale-idle-seconds", "20"]
        if self.deadline:
            args += ["--operation-deadline-seconds", str(self.deadline)]
        args += self.extra
        for attempt in range(50):
            self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log)
            line = self.process.stdout.readline().decode()
            if line.startswith("rovd ready:"):
                break
            self.process.wait()
            time.sleep(0.2)  # the port of the rovd just killed may not be free yet
        else:
            raise SystemExit("rovd did not start: " + line)
        self.port = int(line.split("http://127.0.0.1:")[1].split()[0])
        with open(os.path.join(self.data_dir, "tokens")) as tokens:
            for row in tokens:
                role, token = row.split()
                setattr(self, role, token)

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.kill9()
            return -1

    def rss_mb(self):
        with open("/proc/%d/status" % self.process.pid) as status:
            for row in status:
                if row.startswith("VmRSS:"):
                    return int(row.split()[1]) / 1024.0
        return 0.0

    def call(self, method, path, body=None, admin=False, timeout=30):
        """(status, json) of one Vertex AI call (`path` after /v1/); status 0 when rovd did not
        answer."""
        return self.request(method, "/v1/" + path, body=body, admin=admin, timeout=timeout)

    def request(self, method, path, body=None, admin=False, data=None, content_type=None,
                timeout=30):
        """(status, json) of any call: a JSON `body`, or `data` of `content_type`."""
        if body is not None:
            data, content_type = json.dumps(body).encode(), "application/json"
        request = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path),
                                         data=data, method=method)
        request.add_header("Authorization", "Bearer " + (self.admin if admin else self.user))
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                return answer.status, json.loads(answer.read() or b"{}")
        except urllib.error.HTTPError as error:
            try:
                return error.code, json.loads(error.read() or b"{}")
            except ValueError:
                return error.code, {}
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError, ValueError):
            return 0, {}


def follow_operation(rovd, name, acknowledged, limit_s, problem):
    """Follows an operation to its end; counts it stuck, or lost when it was acknowledged and
    is gone. The done operation, or None."""
    limit = time.time() + limit_s
    while time.time() < limit:
        status, body = rovd.call("GET", name)
        if status == 404 and acknowledged:
            problem("lost", "operation %s was acknowledged and is gone" % name)
            return None
        if status == 200 and body.get("done"):
            return body
        time.sleep(1)
    problem("stuck_ops", "operation %s not done after %d s" % (name, limit_s))
    return None


def kill_rovd_around(rovd, what, request, delay, counts):
    """Sends `request` (a function) on a thread, SIGKILLs rovd `delay` seconds later (before the
    answer, just after it, or while the work goes on) and starts it again; (status, json) of the
    request, status 0 when it got no answer."""
    result = {}
    sender = threading.Thread(target=lambda: result.update(answer=request()))
    sender.start()
    time.sleep(delay)
    rovd.kill9()
    counts["kills"] += 1
    sender.join()
    answer = result.get("answer", (0, {}))
    log("killed rovd %.1f s into %s (answered: %s)" % (delay, what, answer[0]))
    rovd.start()
    return answer


def processes_under(root):
    """pid → command line of every process whose command line names `root`."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % entry, "rb") as cmdline:
                text = cmdline.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if root + "/" in text:
            found[int(entry)] = text
    return found


class Chaos:
    def __init__(self, args):
        self.args = args
        self.random = random.Random(args.seed)
        self.work = tempfile.mkdtemp(prefix="rov-chaos-")
        data = os.path.join(self.work, "data")
        os.mkdir(data)
        self.temp_root = "/tmp/rovc-%d" % os.getpid()
        self.rovd = Rovd(args.rovd, data, self.temp_root, args.deadline)
        self.counts = dict(kills=0, node_kills=0, lost=0, orphans=0, stuck_ops=0, leaked=0)
        self.kill_plan = None  # the kind of operation during which rovd is killed this cycle
        self.rss = []

    # --- faults -----------------------------------------------------------------------------

    def problem(self, kind, what):
        self.counts[kind] += 1
        log("PROBLEM %s: %s" % (kind, what))

    def maybe_kill_rovd(self, kind, request):
        """Sends `request` (a function) and, if this is the cycle's kind, kills rovd at a random
        moment around it: before the answer, just after it, or while the work goes on."""
        if self.kill_plan != kind:
            return request()
        self.kill_plan = None
        return kill_rovd_around(self.rovd, kind, request, self.random.uniform(0.0, 4.0),
                                self.counts)

    # --- API helpers ---------------------------------------------------------------------------

    def cluster(self, cluster_id):
        return self.rovd.call("GET", "%s/persistentResources/%s" % (PARENT, cluster_id))

    def wait_operation(self, name, acknowledged):
        return follow_operation(self.rovd, name, acknowledged, self.args.op_timeout, self.problem)

    def wait_settled(self, cluster_id, gone_ok=False):
        """Waits until the cluster is RUNNING or ERROR (or gone, when that is expected)."""
        limit = time.time() + self.args.op_timeout
        state = None
        while time.time() < limit:
            status, body = self.cluster(cluster_id)
            if status == 404:
                return None if gone_ok else "GONE"
            state = body.get("state")
            if state in ("RUNNING", "ERROR"):
                return body
            time.sleep(1)
        self.problem("stuck_ops", "cluster %s stays %s" % (cluster_id, state))
        return body

    def change(self, kind, method, path, body=None):
        """One change, perhaps with rovd killed around it; the operation followed to its end.
        Returns the done operation, or None when it was not acknowledged or did not end."""
        status, answer = self.maybe_kill_rovd(
            kind, lambda: self.rovd.call(method, path, body, admin=True))
        if status == 200 and "name" in answer:
            return self.wait_operation(answer["name"], acknowledged=True)
        if status not in (0, 200):
            log("%s refused: %s %s" % (kind, status, answer.get("error", {}).get("message")))
        return None

    # --- one cycle -----------------------------------------------------------------------------

    def pools(self):
        workers = {"id": "workers", "machineSpec": MACHINE}
        if self.random.random() < 0.3:
            workers["replicaCount"] = "1"
            workers["autoscalingSpec"] = {"minReplicaCount": "1", "maxReplicaCount": "2"}
        else:
            workers["replicaCount"] = str(self.random.randint(1, 2))
        return [{"id": "head-node", "machineSpec": MACHINE, "replicaCount": "1"}, workers]

    def run_cycle(self, number, soak):
        cluster_id = "c%d" % number
        path = "%s/persistentResources/%s" % (PARENT, cluster_id)
        self.kill_plan = None if soak else (
            OP_KINDS[number % len(OP_KINDS)] if self.random.random() < 0.8 else None)
        pools = self.pools()
        autoscaling = "autoscalingSpec" in pools[1]
        log("cycle %d: %s, workers %s%s, rovd killed during %s" %
            (number, cluster_id, pools[1]["replicaCount"], " (autoscaling)" if autoscaling else "",
             self.kill_plan or "nothing"))
        body = {"displayName": cluster_id, "resourcePools": pools,
                "resourceRuntimeSpec": {"raySpec": {"imageUri": IMAGE}}}
        status, answer = self.maybe_kill_rovd("create", lambda: self.rovd.call(
            "POST", "%s/persistentResources?persistentResourceId=%s" % (PARENT, cluster_id),
            body, admin=True))
        if status == 200:
            self.wait_operation(answer["name"], acknowledged=True)
        elif status == 0:
            # Not acknowledged: it may or may not exist; if it does, it must settle.
            code, _ = self.cluster(cluster_id)
            if code == 404:
                log("the create was not acknowledged and did not happen; creating again")
                status, answer = self.rovd.call(
                    "POST", "%s/persistentResources?persistentResourceId=%s" % (PARENT, cluster_id),
                    body, admin=True)
                if status == 200:
                    self.wait_operation(answer["name"], acknowledged=True)
        created = self.wait_settled(cluster_id)
        if created == "GONE":
            if status == 200:
                self.problem("lost", "created cluster %s is gone" % cluster_id)
            return
        self.check_processes()

        if created.get("state") == "RUNNING":
            self.kill_a_node(cluster_id)
        if not autoscaling and self.wait_running(cluster_id):
            count = int(self.cluster(cluster_id)[1]["resourcePools"][1]["replicaCount"])
            for kind, target in (("scale_up", count + 1), ("scale_down", count)):
                self.change(kind, "PATCH", path + "?updateMask=resourcePools.replicaCount",
                            {"resourcePools": [{"id": "workers", "replicaCount": str(target)}]})
                settled = self.wait_settled(cluster_id)
                if settled and settled != "GONE" and settled.get("state") == "RUNNING":
                    have = settled["resourcePools"][1]["replicaCount"]
                    if have != str(target):
                        self.problem("lost", "%s to %d: the pool has %s" % (kind, target, have))
                self.check_processes()
        if self.wait_running(cluster_id):
            self.change("reboot", "POST", path + ":reboot", {})
            self.wait_settled(cluster_id)
            self.check_processes()

        # Delete: the cluster must go, with everything it held.
        self.change("delete", "DELETE", path)
        limit = time.time() + self.args.op_timeout
        while time.time() < limit and self.cluster(cluster_id)[0] != 404:
            time.sleep(1)
        code, body = self.cluster(cluster_id)
        if code != 404:
            self.problem("stuck_ops", "cluster %s still %s after delete" % (cluster_id, body.get("state")))
        self.check_empty()

    def wait_running(self, cluster_id):
        settled = self.wait_settled(cluster_id)
        return bool(settled) and settled != "GONE" and settled.get("state") == "RUNNING"

    def kill_a_node(self, cluster_id):
        """SIGKILLs one `ray start` of the cluster; a worker usually, the head now and then."""
        starts = [pid for pid, line in processes_under(self.temp_root).items()
                  if "start --block" in line and self.temp_dir_of(cluster_id) in line]
        heads = [pid for pid in starts if "--head" in processes_under(self.temp_root).get(pid, "")]
        workers = [pid for pid in starts if pid not in heads]
        victims = heads if (self.random.random() < 0.2 or not workers) else workers
        if not victims:
            return
        victim = self.random.choice(victims)
        os.kill(victim, signal.SIGKILL)
        self.counts["node_kills"] += 1
        log("killed Ray node pid %d (%s)" % (victim, "head" if victim in heads else "worker"))
        time.sleep(3)
        settled = self.wait_settled(cluster_id)
        if settled and settled != "GONE" and settled.get("state") == "ERROR":
            # A lost head ends in ERROR with a reason; a reboot brings the cluster back.
            if not settled.get("error", {}).get("message"):
                self.problem("stuck_ops", "%s is ERROR without a reason" % cluster_id)
            self.change("reboot-after-error", "POST",
                        "%s/persistentResources/%s:reboot" % (PARENT, cluster_id), {})
            self.wait_settled(cluster_id)

    # --- invariants ----------------------------------------------------------------------------

    def records(self):
        """name → stored document, read from rovd's state.db without writing."""
        path = os.path.join(self.rovd.data_dir, "state.db")
        db = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=5)
        try:
            return {name: json.loads(body) for name, body in
                    db.execute("SELECT name, body FROM documents WHERE kind = 'cluster'")}
        finally:
            db.close()

    def temp_dir_of(self, cluster_id):
        for name, record in self.records().items():
            if name.endswith("/" + cluster_id):
                return record.get("tempDir") or "\0"
        return "\0"

    def check_processes(self):
        """No Ray process outside a known cluster's temp dir; no node address twice."""
        known = {record.get("tempDir") for record in self.records().values()}
        seen = {}
        for pid, line in processes_under(self.temp_root).items():
            if not any(directory and re.search(re.escape(directory) + r"(/|\s|$)", line)
                       for directory in known):
                self.problem("orphans", "pid %d belongs to no cluster: %s" % (pid, line[:160]))
            if "start --block" in line:
                address = [arg for arg in line.split() if arg.startswith("--node-ip-address=")]
                key = (address[0] if address else str(pid))
                if key in seen:
                    self.problem("orphans", "node %s runs twice (pids %d, %d)" % (key, seen[key], pid))
                seen[key] = pid

    def check_empty(self):
        """With no cluster left: no process, port, address, temp dir or log dir is held."""
        code, clusters = self.rovd.call("GET", PARENT + "/persistentResources")
        if clusters.get("persistentResources"):
            return  # another cluster lives on (a delete that did not end was counted already)
        limit = time.time() + 30
        while time.time() < limit and processes_under(self.temp_root):
            time.sleep(1)
        for pid, line in processes_under(self.temp_root).items():
            self.problem("orphans", "pid %d outlived its cluster: %s" % (pid, line[:160]))
        code, runtimes = self.rovd.call("GET", PARENT + "/rayRuntimes")
        for field in ("portsInUse", "nodeAddressesInUse"):
            if runtimes.get(field, 0):
                self.problem("leaked", "%s is %s with no cluster" % (field, runtimes[field]))
        for entry in os.listdir(self.temp_root):
            if not entry.startswith("."):
                self.problem("leaked", "temp dir %s/%s left behind" % (self.temp_root, entry))
        logs = os.path.join(self.rovd.data_dir, "clusters")
        for entry in (os.listdir(logs) if os.path.isdir(logs) else []):
            self.problem("leaked", "log dir %s/%s left behind" % (logs, entry))

    # --- the run -------------------------------------------------------------------------------

    def run(self):
        if self.args.cycles > 0:
            self.run_clusters()
        if self.args.subsystem_cycles > 0:
            # Serving, metrics, logs and storage on a disk of their own (issue 25).
            from subsystems import SubsystemChaos
            SubsystemChaos(self.args, Rovd, self.counts, self.problem, log,
                           self.random).run(self.args.subsystem_cycles)
        return self.report()

    def run_clusters(self):
        self.rovd.start()
        log("rovd on port %d, data in %s" % (self.rovd.port, self.work))
        soak_from = self.args.cycles - self.args.soak
        try:
            for number in range(1, self.args.cycles + 1):
                soak = number > soak_from
                self.run_cycle(number, soak)
                if soak:
                    self.rss.append(self.rovd.rss_mb())
                    log("rovd rss %.1f MB" % self.rss[-1])
        finally:
            self.rovd.stop()
            for pid in processes_under(self.temp_root):
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass

    def report(self):
        growth = (self.rss[-1] - self.rss[0]) if len(self.rss) >= 2 else 0.0
        c = self.counts
        print("chaos: rovd_kills=%d node_kills=%d seed=%d soak_cycles=%d rss_mb=%s" %
              (c["kills"], c["node_kills"], self.args.seed, self.args.soak,
               ",".join("%.1f" % value for value in self.rss)))
        print("chaos: cycles=%d subsystem_cycles=%d kills=%d lost=%d orphans=%d stuck_ops=%d "
              "leaked=%d rss_growth_mb=%.1f" %
              (self.args.cycles, self.args.subsystem_cycles, c["kills"] + c["node_kills"],
               c["lost"], c["orphans"], c["stuck_ops"], c["leaked"], growth))
        return 0 if not (c["lost"] or c["orphans"] or c["stuck_ops"] or c["leaked"]) else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rovd", required=True)
    parser.add_argument("--cycles", type=int, default=50)
    parser.add_argument("--soak", type=int, default=10,
                        help="the last cycles run without killing rovd, to measure its memory")
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100000)
    parser.add_argument("--op-timeout", type=int, default=300)
    parser.add_argument("--deadline", type=int, default=0, help="--operation-deadline-seconds")
    parser.add_argument("--subsystem-cycles", type=int, default=12,
                        help="faults of serving, metrics, logs and storage (subsystems.py)")
    parser.add_argument("--venv", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                       ".venv"))
    parser.add_argument("--disk-mb", type=int, default=1024,
                        help="the subsystems' data disk (a tmpfs the script mounts)")
    args = parser.parse_args()
    args.soak = max(2, min(args.soak, args.cycles)) if args.cycles >= 2 else 0
    sys.exit(Chaos(args).run())


if __name__ == "__main__":
    main()
