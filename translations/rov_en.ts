<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BatchJobListModel</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partially succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n failed)</source>
        <translation>
            <numerusform>(%n failed)</numerusform>
            <numerusform>(%n failed)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the table of instances (bq://project.dataset.table).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the file of instances (gs://bucket/file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a bq://project.dataset.table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a gs://bucket/file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job reads one table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output is a bq://project or bq://project.dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output is a gs://bucket/folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The maximum replica count is below the starting count.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClusterDraft</name>
    <message>
        <source>Give the cluster an id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id has more than 63 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id must start with a lower-case letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use only lower-case letters, digits and hyphens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id cannot end with a hyphen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an accelerator type and a count, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool id &quot;%1&quot;: lower-case letters, digits and hyphens, starting with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two pools are called &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker pool keeps at least 1 node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The maximum (%1) must be greater than the minimum (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A worker pool has at least 1 node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cluster could grow to %1 nodes; the backend runs at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoogleAuth</name>
    <message>
        <source>The key file&apos;s private_key is not a PEM private key; the file may be damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file has no private_key: download a new JSON key of the service account (IAM, Service accounts, Keys, Add key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file has no client_email, so it does not say which service account it belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file&apos;s token_uri &quot;%1&quot; is not a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The credentials file of type authorized_user has no refresh_token or client_id; run &quot;gcloud auth application-default login&quot; again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not JSON. A service account key is the JSON file that the Cloud Console downloads (a .p12 key is not supported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no &quot;type&quot;; it is not a Google credentials file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s type is &quot;%1&quot;, not &quot;service_account&quot;; choose Application default credentials for a file that gcloud wrote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials of type &quot;%1&quot; are not supported; use a service account key or &quot;gcloud auth application-default login&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the service account&apos;s JSON key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too large to be a credentials file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key may have been deleted or disabled; create a new key for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Google account (OAuth client %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in may have been revoked or may have expired; run &quot;gcloud auth application-default login&quot; again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default service account of this VM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metadata server at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something answered at %1, but not a Google metadata server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GOOGLE_APPLICATION_CREDENTIALS (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the file does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gcloud&apos;s application default credentials (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the metadata server (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application default credentials were found: GOOGLE_APPLICATION_CREDENTIALS is not set, %1 does not exist, and this is not a Google Cloud VM. Run &quot;gcloud auth application-default login&quot;, or choose a service account key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused to issue a token (HTTP %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered without an access token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalRovd</name>
    <message>
        <source>No rovd runs for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not stop rovd (pid %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Monitoring</name>
    <message>
        <source>The metrics backend answered something that is not a Prometheus answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Cluster utilization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU, memory and object store in use, as a share of the cluster&apos;s nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logical CPUs in use by node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU slots that Ray tasks and actors hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware CPU use of each node, in cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heap and object store memory used on each node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object store by location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objects in shared memory, spilled to disk, or in worker heaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished and failed tasks count up; the others are the tasks in that state now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running tasks by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks running now, by their function&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actors by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actors as the cluster&apos;s control store sees them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes by pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes that report metrics, by resource pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes each node receives and sends per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk space used on each node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU use of each node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cluster has no GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the live nodes would cost per hour on Vertex AI, at on-demand list prices (rovd&apos;s estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware CPU use, averaged over the nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory used on the nodes, of their total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks running now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No task has run in this time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions answered, by deployed model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No predictions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half of the predictions took less (p50), 99 in 100 (p99)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p99</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions that ended in an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Healthy replicas, by deployed model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>rovd&apos;s BigQuery service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd was built without the nodes&apos; start-up code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the nodes&apos; start-up code in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rovd</name>
    <message>
        <source>Starting the head node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting node %1 of %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting %1 Ray nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created; starting %1 Ray nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 Ray nodes are alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 Ray nodes are alive again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaled to %1 Ray nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resizing from %1 to %2 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling from %1 to %2 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every pool already has the size asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping every Ray node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarting every Ray node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every node stopped; the cluster is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node is live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live nodes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head node exited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 exited; starting a replacement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 exited while starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 did not join the cluster in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoscaling could not add nodes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster did not start within %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling did not finish within %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reboot did not finish within %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nodes did not stop within %1; they were killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; the cluster is being deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster is %1; it can be scaled only while RUNNING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster is %1; it can be rebooted when RUNNING or in ERROR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The autoscaler is resizing this cluster; try again in a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster asks for %1 nodes; a cluster has at most %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This machine has no free TCP ports left for another Ray node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster has no temp directory; delete and create it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PersistentResource %1 not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation %1 not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such resource: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bearer token is not one of rovd&apos;s tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is empty; it must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body must be a JSON object: a PersistentResource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request body is larger than %1 bytes, the most this route takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request needs a JSON body, and it has no Content-Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be read (HTTP %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All pools of a cluster must run the same Ray version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>displayName is %1 characters long; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resourcePools is required: give at least the head node&apos;s pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.machineSpec.machineType is required; known types: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.machineSpec.acceleratorType %2 is unknown; known types: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.machineSpec.acceleratorCount cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.replicaCount is %2; a pool needs at least 1 replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.replicaCount is %2; a pool has at most %3 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.diskSpec.bootDiskSizeGb is %2; it must be between 100 and 64000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raySpec.resourcePoolImages must map pool ids to image URIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>labels must map keys to values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be an integer (a JSON number or a decimal string), not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request has no bearer token: send &quot;Authorization: Bearer &lt;token&gt;&quot; with a token from rovd&apos;s token file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 needs the admin role (Vertex AI Administrator); this token has the user role, which can read clusters, connect and submit jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a method of %2; it takes %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Length &quot;%1&quot; is not a number of bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Type must be application/json, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pageSize must be a number of at least 0, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pageToken &quot;%1&quot; is not one this list gave out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd is stopping; nothing was changed. Try again once it runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 did not start (%2); trying again (attempt %3 of %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No space left on device: rovd could not store the change, so it changes nothing now (it keeps trying every few seconds); free space on the disk of its data directory and try again (what was stored before is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No space left on device: rovd could not store %1; free space on the disk of its data directory and try again (what was stored before is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: rovd could not store %2; its data directory is on a read-only file system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server stopped; rovd is starting it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server is starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server is starting the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server could not start again (%1); rovd tries again in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server did not answer (%1); try again in a few seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
--- Ray log ---
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (attempt %2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model server failed (HTTP %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd&apos;s Prometheus refused the request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unparseable filter: %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid filter: %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter is %1 characters long; at most 20000 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an operator (= != &lt; &lt;= &gt; &gt;= : =~ !~)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quoted value that is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a &apos;)&apos; without its &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &apos;)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a term at the end of the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a term before &apos;)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a term before %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a field name before the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected OR or &apos;)&apos; in a list of values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a value after the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 compares with = != &lt; &lt;= &gt; &gt;=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log store failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field name, not a quoted value, goes before an operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;; a filter may name severity, timestamp, receiveTimestamp, logName, insertId, resource.type, resource.labels.KEY, labels.KEY, textPayload or jsonPayload.FIELD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown severity &quot;%1&quot;; one of DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time; write it as RFC 3339, like &quot;2026-12-01T17:00:00Z&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filter nests NOT, &apos;-&apos; and parentheses more than %1 levels deep, which is as deep as rovd reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the filter has more than %1 terms (comparisons and search words), which is as many as rovd reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bearer token is a Ray node&apos;s, and its cluster no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pageSize must be a whole number from 0 to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is not for a Ray node&apos;s token, which reads and writes Cloud Storage objects, reads the Model Registry and uses BigQuery&apos;s data; send a user or admin token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The metadata server answers Ray nodes, at the address their environment gives them (GCE_METADATA_HOST); a user&apos;s or admin&apos;s token is no node&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node has no metadata attribute &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BigQuery&apos;s Storage Read API is not running: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>the desktop keyring did not answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desktop keyring refused to store the secret: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>%1 did not answer in time (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be found: there is no network, or the name does not exist (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::AlertListModel</name>
    <message>
        <source>Firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of cluster %2 does not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 of cluster %2 uses %3% of its memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The object store of cluster %1 is %2% full</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) of cluster %1 failed in the last 5 minutes</source>
        <translation>
            <numerusform>%n task of cluster %1 failed in the last 5 minutes</numerusform>
            <numerusform>%n tasks of cluster %1 failed in the last 5 minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Work on cluster %1 has waited for resources for 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster %1 costs %2 per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A node of pool %1 of %2 exited; rovd started a replacement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::BackendSession</name>
    <message>
        <source>Looking for rovd at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd runs at %1, but its token file is not in %2; set the data directory in Project setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something else answers at %1 (HTTP %2); it is not rovd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd did not answer within %1 s; see %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd is not running and %1 does not exist; build it with scripts/build.sh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting rovd (data in %1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to rovd at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Cloud: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to rovd at %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to Google Cloud…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd at %1 does not answer; still trying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not answer; still trying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a profile of this computer runs rovd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No access token is saved for this profile; paste one in Project setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected as %1, with %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cluster(s) in %1.</source>
        <translation>
            <numerusform>%n cluster in %1.</numerusform>
            <numerusform>%n clusters in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source> The credentials belong to project %1; this profile works in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be found: there is no network, or the name does not exist; still trying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up Python for Ray in %1 (first start; a few minutes)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Python environment for Ray could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting rovd, your systemd user service (data in %1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare rovd&apos;s data folder %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::BatchController</name>
    <message>
        <source>Could not refresh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch prediction %1 created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not cancel %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job has not written any output yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The predictions are in the table %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the output: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::BatchJobListModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::ChartLoader</name>
    <message>
        <source>Not connected: choose a project to see its metrics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::ClusterListModel</name>
    <message>
        <source>Provisioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (%3–%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes (live/desired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost so far (est.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each node&apos;s on-demand price for the time it was live, from the backend&apos;s record since the cluster was created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each node&apos;s on-demand price for the time it was live, counted since %1, when the console started watching: this backend keeps no record of its nodes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::DashboardSession</name>
    <message>
        <source>The Ray dashboard at %1 does not answer as expected: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::EndpointListModel</name>
    <message>
        <source>No model deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2–%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::HistoricJobModel</name>
    <message>
        <source>kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::JobForm</name>
    <message>
        <source>Enter the command that starts the job, for example: python main.py</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A submission id may hold letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable &quot;%1&quot; is not NAME=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid environment variable name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata &quot;%1&quot; is not key=value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom resource &quot;%1&quot; is not name=amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount of %1 must be a number above 0.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::JobHistoryRecorder</name>
    <message>
        <source>Could not keep the log of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::JobListModel</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::JupyterLab</name>
    <message>
        <source>The console closed the connection to JupyterLab before it answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot make the notebooks folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Python environment %1 has no Python; run scripts/run.sh once to set it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the kernel&apos;s start-up code in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the kernel of %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy the sample notebooks to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1 for JupyterLab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write JupyterLab&apos;s settings in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start JupyterLab with %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JupyterLab started before has stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JupyterLab exited while starting. Its log (%1) ends with:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JupyterLab started before does not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JupyterLab did not answer within a minute; its log is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JupyterLab was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JupyterLab is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JupyterLab is stopping; open it again once it has stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::LogEntryModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster · node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::LogExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::ModelListModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::MonitoringScopes</name>
    <message>
        <source>Model serving (endpoints)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::NodeListModel</name>
    <message>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker processes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alive</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n dead</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n stopped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rov::core::Notebooks</name>
    <message>
        <source>The cluster runs Ray %1 on Python %2, and the notebook&apos;s kernel Ray %3 on Python %4. Ray Client connects only when both match; tasks may fail or the connection may be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster runs Ray %1 and the notebook&apos;s kernel Ray %2. Ray Client connects only when the versions match; the connection may be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster runs Python %1 and the notebook&apos;s kernel Python %2. Ray Client connects only when the versions match; the connection may be refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::PackageBuilder</name>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 has no files to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working directory makes a package of %1; Ray accepts at most 100 MiB. Leave large data out of the folder and read it from storage instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::QueryHistoryModel</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query or job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::ResultExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend changed before the export ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the results: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::SampleJobs</name>
    <message>
        <source>Pi by Monte Carlo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throws random points at a square in 16 tasks spread over the workers and prints the estimate of pi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts words in parallel: one task per shard, the counts merged on the driver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training with a checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits a line by gradient descent in an actor, saves a checkpoint every few epochs and reads the last one back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train a model to deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits scikit-learn classifiers in parallel tasks and writes the best as model.pkl to a gs:// folder, ready for Register model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BigQuery → Ray → BigQuery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes a table of taxi trips with a query, reads it into Ray Data, sums each zone&apos;s trips and fares on the workers and writes ray_samples.zone_summary, which the Data page shows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::ServingController</name>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not refresh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not undeploy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undeploying %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::StateSummaryModel</name>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor creation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function or class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By state</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::TaskListModel</name>
    <message>
        <source>Task id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::core::WorkingDirUpload</name>
    <message>
        <source>Cannot create a temporary folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster&apos;s dashboard is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the cluster&apos;s package store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::install::PythonEnvironment</name>
    <message>
        <source>No packages to install: the list of Python packages is empty or unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot lock %1.lock: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied or no space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1 (pid %2), which is setting up the Python environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists and was not made by rov-console; move it away or pass --ray-venv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python 3 is not installed (apt install python3 python3-venv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the Python environment in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Downloading %n Python package(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Downloading %1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Installing %n package(s); this takes a few minutes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Creating the Python environment failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installing the Python packages failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot finish %1: its marker stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Python environment is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::localplane::SupervisedChild</name>
    <message>
        <source>%1 stopped (%2; its log: %3); it starts again in %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>killed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::localplane::bigquery::BigQuerySupervisor</name>
    <message>
        <source>BigQuery needs the Python environment, and %1 is not there (run scripts/setup.sh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the BigQuery service&apos;s files under %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::localplane::metrics::PrometheusSupervisor</name>
    <message>
        <source>Prometheus is not installed at %1 (Debian: apt install prometheus)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write Prometheus&apos; files under %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the alerting rules %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promtool did not check %1 in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus would refuse the alerting rules in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::rest::OperationPoller</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>The operation did not end within %1. It may still be running in the backend; the cluster&apos;s state and events say where it stands.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::rest::RestClient</name>
    <message>
        <source>Could not sign in: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ActorsTasksTab</name>
    <message>
        <source>Filter by function or class name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actors by class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks by function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actors: %1
Tasks: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing %1 of %2 tasks: the State API returns at most %3 at a time. The summaries above count all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All %1 tasks are listed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::AlertIndicator</name>
    <message numerus="yes">
        <source>⚠ %n alert(s) firing</source>
        <translation>
            <numerusform>⚠ %n alert firing</numerusform>
            <numerusform>⚠ %n alerts firing</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to open Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::AlertsPanel</name>
    <message>
        <source>Show or hide the alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) firing</source>
        <translation>
            <numerusform>%n alert firing</numerusform>
            <numerusform>%n alerts firing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No alert fires; %n rule(s) watch the clusters</source>
        <translation>
            <numerusform>No alert fires; %n rule watches the clusters</numerusform>
            <numerusform>No alert fires; %n rules watch the clusters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n about to fire</source>
        <translation>
            <numerusform>%n about to fire</numerusform>
            <numerusform>%n about to fire</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) cannot be evaluated</source>
        <translation>
            <numerusform>%n rule cannot be evaluated</numerusform>
            <numerusform>%n rules cannot be evaluated</numerusform>
        </translation>
    </message>
    <message>
        <source>The alerts could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::BatchPage</name>
    <message>
        <source>Batch predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New batch prediction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No batch predictions yet. New batch prediction scores a file or a table of instances with a registered model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a job to see its details and predictions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 to %3 replicas, %n instances a call</source>
        <translation>
            <numerusform>%1, %2 to %3 replicas, %n instance a call</numerusform>
            <numerusform>%1, %2 to %3 replicas, %n instances a call</numerusform>
        </translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partial failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the output…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The predictions appear here when the job has written them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output folder has no files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instance failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel batch prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel &quot;%1&quot;? The instances scored so far are not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete batch prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the job &quot;%1&quot;? Its predictions in %2 stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in %1: %2</source>
        <translation>
            <numerusform>%n file in %1: %2</numerusform>
            <numerusform>%n files in %1: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rov::ui::BatchPredictDialog</name>
    <message>
        <source>JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BigQuery table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New batch prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Job name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mac&amp;hine type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s&amp;tarting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ma&amp;ximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gs://bucket/instances.jsonl, or several separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gs://bucket/folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 batch %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1 an hour while the job runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1 an hour with the starting replicas, up to $%2 at the maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the backend&apos;s session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ChartLegend</name>
    <message>
        <source>Click to show this series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to hide this series</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ChartPanel</name>
    <message>
        <source>cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data in this time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;PromQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ClusterDetailsDialog</name>
    <message>
        <source>Cluster %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python (ray.init)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray job submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Ray dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray / Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per hour (estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost so far (estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 live (autoscaling %2–%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 live / %2 desired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available once the cluster is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, counted since %2 (this backend keeps no record of its nodes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &amp;logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the backend&apos;s session ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not refresh: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in JupyterLab</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ClusterNamePage</name>
    <message>
        <source>Name and region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id names the cluster in the API and cannot change later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. my-ray-cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clusters are created in the region of the current project setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 63 characters: lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ClustersPage</name>
    <message>
        <source>Filter clusters by any column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::CodeBox</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ComputePage</name>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The head node runs Ray&apos;s control processes; as on Google Cloud it gets no CPUs for tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a custom container image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray &amp;version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Python version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom &amp;image:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ContextBar</name>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;witch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work on another project setup (its windows close; yours stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: &lt;b&gt;%1&lt;/b&gt; (rovd at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend: &lt;b&gt;%1&lt;/b&gt; (Google Cloud, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local control plane runs Ray clusters on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1, with %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::CreateClusterWizard</name>
    <message>
        <source>Create a Ray cluster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::CreationProgressPage</name>
    <message>
        <source>Creating the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can close this window: the cluster keeps starting, and the clusters table shows its state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run in &amp;background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the backend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster did not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Ray dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console cannot follow the creation: the connection to the backend was closed. The clusters page shows where the cluster stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reboot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node &amp;logs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::CustomChartDialog</name>
    <message>
        <source>Add a chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dollars per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$cluster stands for the cluster chosen on the page (every cluster when all are shown). Metric names complete as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PromQL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the PromQL of the chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend refused the query: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the PromQL names the chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::DashboardWindow</name>
    <message>
        <source>Ray dashboard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actors and tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray&apos;s own web dashboard, in the system browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not stop %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 from the cluster? Ray forgets the job and its log; the console&apos;s job history keeps its copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray &amp;web dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster %1 was deleted. What is shown here is what it was last; its finished jobs stay in the job history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster %1 is being deleted; no new jobs can be submitted. Its finished jobs stay in the job history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cluster&apos;s dashboard does not answer: %1. Submitting waits until it answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open job &amp;history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View job &amp;logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View &amp;node logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View cluster l&amp;ogs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register model from this job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens Register model on the gs:// folder the job&apos;s log names (a line &quot;model artifact: gs://…&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the log of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log of %1 names no model: a training job prints &quot;model artifact: gs://…&quot; when it has written one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jo&amp;bs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;JupyterLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::DataPage</name>
    <message>
        <source>Could not read the table: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read more rows: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This query will process 0 B (no cost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than $0.01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about $%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This query will process %1 (%2 on demand).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the query…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the datasets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No datasets yet. Create one with a query, Google&apos;s client or bq.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n dataset(s)</source>
        <translation>
            <numerusform>%n dataset</numerusform>
            <numerusform>%n datasets</numerusform>
        </translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A view has no rows of its own: query it to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 rows loaded; scroll for more. Reading rows here costs nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) affected</source>
        <translation>
            <numerusform>%n row affected</numerusform>
            <numerusform>%n rows affected</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>processed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slot time %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>took %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter datasets and tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the datasets and tables again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter or double-click a table to see its details and rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the query, or the selected part of it (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the running query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a GoogleSQL query, e.g. SELECT name, COUNT(*) FROM dataset.table GROUP BY name. A dry run says what it will process as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description or query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a query in the Query tab to see it as code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query in the editor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the table %1 (no query, no cost):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a table in the explorer to see how code reads it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The query and the open table as curl, Python, bq and a Ray job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines files (*.jsonl *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1: %2 of %3 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the results to a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the results to a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new table, as dataset.table (its dataset must exist):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name the table as dataset.table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the results to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the results to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the results to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to a table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your newest BigQuery jobs; open a query again from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved queries for this profile; save the one in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected cells, tab-separated (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::DeleteClusterDialog</name>
    <message>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the cluster id to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster id to confirm the deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the cluster &lt;b&gt;%1&lt;/b&gt;? Every node stops (%2 running now), every job on it ends, and billing for it stops. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::DeployDialog</name>
    <message>
        <source>Starting the deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the serving cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the model server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finishing up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed to deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy to endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New endpoint&apos;s &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deployed model&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mac&amp;hine type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ma&amp;ximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Traffic split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;ploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. iris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model (new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1 an hour while deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>$%1 an hour at the minimum, up to $%2 at the maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a model first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the new endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the endpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>m&amp;inimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the backend&apos;s session ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::EndpointsPage</name>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deplo&amp;y model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undeploy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;nd (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test: send a prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2–%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: $%2 an hour at the minimum replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms · deployed model %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undeploy model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undeploy &quot;%1&quot;? It stops serving and its replicas stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is deployed to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n deployed model(s) stop serving: %1.</source>
        <translation>
            <numerusform>%n deployed model stops serving: %1.</numerusform>
            <numerusform>%n deployed models stop serving: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the endpoint &quot;%1&quot;? %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is on the clipboard as Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is on the clipboard as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the request (in the request&apos;s box)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::FailureReport</name>
    <message>
        <source>Hide the node&apos;s Ray log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the node&apos;s Ray log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the guide (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user guide is not here: %1 could not be read. It is installed with the console (share/rov-console/guide) and copied there by every build (scripts/build.sh).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not part of the guide on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::JobHistoryPage</name>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep jobs and their logs for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter jobs by id, name, status or entrypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job history could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs yet: jobs appear here once a dashboard has shown them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a job to read its log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log of %1 was not kept: the job had not ended when the console last saw it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1
%n job(s), last seen %2</source>
        <translation>
            <numerusform>%1
%n job, last seen %2</numerusform>
            <numerusform>%1
%n jobs, last seen %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rov::ui::JobsTab</name>
    <message>
        <source>Select a job to see its log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>streaming as it is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not available for jobs started by a driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for the driver to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::JupyterLabWindow</name>
    <message>
        <source>JupyterLab — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JupyterLab at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JupyterLab at %1 did not answer. Open it again from a cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JupyterLab at %1 refused the console&apos;s token; it may have been started again by another program. Stop JupyterLab and open it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::LogView</name>
    <message>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Only matching lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log (Enter: next match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>Save every line of the log to a text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message>
        <source>Match cas&amp;e</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::LogVolumeChart</name>
    <message>
        <source>Default, debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries a bucket by severity. Drag across the bars to look at that time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::LogsPage</name>
    <message>
        <source>Cl&amp;uster:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug and up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning and up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error and up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical and up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud Logging&apos;s query language: severity&gt;=WARNING labels.&quot;ml.googleapis.com/ray_cluster_id&quot;=&quot;c1&quot; &quot;connection refused&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Saved queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Live tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show entries as they arrive, every two seconds (Ctrl+L); the table follows them while it is scrolled to its end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;JSON lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an entry to see all of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the volume…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No volume: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the logs come when the backend answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Searching… %n page(s) read</source>
        <translation>
            <numerusform>Searching… %n page read</numerusform>
            <numerusform>Searching… %n pages read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, newest at the bottom</source>
        <translation>
            <numerusform>%n entry, newest at the bottom</numerusform>
            <numerusform>%n entries, newest at the bottom</numerusform>
        </translation>
    </message>
    <message>
        <source> · older ones match too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · following live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend refused the query: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The logs could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;surrounding entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this &amp;node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting the entries that match…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries…</source>
        <translation>
            <numerusform>Exported %n entry…</numerusform>
            <numerusform>Exported %n entries…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1</source>
        <translation>
            <numerusform>Exported %n entry to %1</numerusform>
            <numerusform>Exported %n entries to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>L&amp;og:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Job:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load ol&amp;der</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live tail on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No volume for rovd&apos;s own logs: the bars count the clusters&apos; entries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::MachineFields</name>
    <message>
        <source>Machine type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backend has no accelerators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSD persistent disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard persistent disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot disk type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot disk size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accelerator count:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot disk type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot disk size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 vCPU, %3 GB, $%4/h)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::MainWindow</name>
    <message>
        <source>Ray on Vertex AI Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2
A desktop console for Ray clusters on Vertex AI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the clusters: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clusters yet. Create one with Ctrl+N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not scaled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was scaled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every node of %1 restarts; running jobs end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reboot failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not rebooted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebooting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is running again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project setup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reboot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job history is not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Closed %n window(s) of %1: %2</source>
        <translation>
            <numerusform>Closed %n window of %1: %2</numerusform>
            <numerusform>Closed %n windows of %1: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: cancelled; the backend was switched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer following &quot;%1&quot;: the backend was switched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the backend again at once instead of waiting for the next try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start rovd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the local control plane again; its clusters are adopted as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Ray clusters of the project: create, scale, reboot, delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every job the console saw, with its final log, after its cluster is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every Ray dashboard window has its own: see its menus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console started rovd (pid %1); it keeps running after you quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd (pid %1) keeps running after you quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd and its Ray clusters keep running when the console closes, so that jobs go on. Stop rovd in File → Project setup; its clusters are adopted when it starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y connection snippet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Ray dash&amp;board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts of the clusters&apos; metrics: CPU, memory, tasks, actors, nodes, network and disk, live or after a cluster is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every Ray log of every node, searched with Cloud Logging&apos;s query language, followed live, and kept after a cluster is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models to serve: register one from a folder or a job&apos;s gs:// output, then deploy it to an endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed models that answer predictions: traffic split, replicas, and a panel to test them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing the clusters; try again in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BigQuery: datasets and tables, their rows, and GoogleSQL queries with their cost before they run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A registered model applied to a file or a table of instances on Ray Data: progress, cost, the predictions and the errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in JupyterLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1 in JupyterLab…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting JupyterLab for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JupyterLab runs at %1 (notebooks in %2); Clusters &gt; Stop JupyterLab stops it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JupyterLab is stopping; its kernels end with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;JupyterLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top JupyterLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Colab &amp;Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Cloud&apos;s Ray on Vertex AI page, where each cluster&apos;s row opens a Colab Enterprise notebook connected to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd (pid %1) is your systemd user service; it keeps running after you quit (systemctl --user status rovd)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user guide at this page&apos;s section, in the console&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ModelsPage</name>
    <message>
        <source>Model Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deplo&amp;y to endpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the model &quot;%1&quot;? Its registration goes; the files in %2 stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch predict…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::MonitoringPage</name>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every %n second(s)</source>
        <translation>
            <numerusform>Every %n second</numerusform>
            <numerusform>Every %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;uster:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoomed in to %1–%2; double-click a chart to go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chart of your own PromQL, kept with this profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::NetworkPage</name>
    <message>
        <source>Public endpoint (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC network peering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private Service Connect interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Ray metrics to Cloud Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Ray logs to Cloud Logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networking and security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All optional. The local backend records these settings; Google Cloud applies them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>projects/PROJECT_NUMBER/global/networks/NETWORK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved ranges, comma separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>projects/PROJECT/regions/REGION/networkAttachments/ATTACHMENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: the Vertex AI service agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>projects/P/locations/L/keyRings/R/cryptoKeys/K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one key=value per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved IP ranges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved IP ranges:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network attachment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security and observability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption key (CMEK):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VPC peering needs the network&apos;s full name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PSC interface needs a network attachment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label &quot;%1&quot;: write key=value; keys start with a lower-case letter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::NodesTab</name>
    <message>
        <source>Select a node to see its labels and resources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logical resources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::OverviewTab</name>
    <message>
        <source>Ray version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logical resources in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × {%2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting: every task and actor has the resources it asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a node with room: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::PoolEditor</name>
    <message>
        <source>Worker pool %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autoscaling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ProjectSetupDialog</name>
    <message>
        <source>This computer (rovd, real Ray clusters here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Google Cloud (Vertex AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application default credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service account key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command that prints a token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token (pasted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token command:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd starts when this profile is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1
Version: %2
Data directory: %3
Ray versions it runs: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask rovd to stop. Its Ray clusters keep running, and the next rovd adopts them; use Start rovd or this console to start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd (pid %1) keeps running after the console closes, and so do its clusters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rovd is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked rovd (pid %1) to stop. Its clusters keep running; the next rovd adopts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sto&amp;p rovd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON key (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs in as %1, with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted tokens are kept in the desktop keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No desktop keyring answers (%1); pasted tokens are kept in %2, readable by you alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The credentials belong to project %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No credentials file was found, so the console will ask the metadata server (%1), which only Google Cloud VMs have. Elsewhere, run &quot;gcloud auth application-default login&quot; or choose a service account key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop rovd?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console cannot reach this computer&apos;s backend until rovd starts again. Ray clusters keep running, and the next rovd adopts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop rovd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1 cannot be found. There is no network, or the name does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1 does not answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::PythonSetupWindow</name>
    <message>
        <source>Setting up Python for Ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first start sets up what rovd needs to run Ray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray and the packages it works with are installed from PyPI into %1, for you alone and without administrator rights. It takes a few minutes and happens once; the clusters page opens when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::QueryHistoryView</name>
    <message>
        <source>Loading your jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs yet: the queries you run appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your %n newest job(s). Enter or a double-click opens a query in the editor.</source>
        <translation>
            <numerusform>Your newest job. Enter or a double-click opens a query in the editor.</numerusform>
            <numerusform>Your %n newest jobs. Enter or a double-click opens a query in the editor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not list your jobs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List your jobs again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the selected query in the Query tab&apos;s editor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::RegisterModelDialog</name>
    <message>
        <source>Register model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Framework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prebuilt image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a f&amp;older on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upload to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a Cloud &amp;Storage folder (a job&apos;s output)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gs:// fo&amp;lder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Iris classifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder that holds model.pkl, model.joblib or model.bst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the model a display name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Cloud Storage folder starts with gs://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder that holds the model&apos;s files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder holds none of the files the image loads: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload to a gs://bucket/folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1 (%2 of %3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not upload %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the backend&apos;s session ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ReviewPage</name>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python (Vertex AI SDK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, autoscaling %3–%4 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; in %2, Ray %3, Python %4&lt;br&gt;%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost: $%1 per hour while running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost: $%1 to $%2 per hour while running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (some machine types have no list price here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — an estimate from on-demand list prices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cluster with this id exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend refused the cluster: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the backend was closed; open the wizard again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::SavedQueriesMenu</name>
    <message>
        <source>&amp;Save this query…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::ScaleDialog</name>
    <message>
        <source>Scale %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the node counts of existing worker pools can change, and a worker pool never goes below 1 node. The head pool and autoscaling pools keep their size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>autoscaling, %1 to %2 nodes (now %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes in pool %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the new node counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a node count first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per hour (estimate): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost per hour (estimate): %1 now, %2 after scaling</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A window of the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;JupyterLab in:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::SnippetTabs</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the request shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::StoragePickerDialog</name>
    <message>
        <source>Choose from Cloud Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the buckets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the buckets: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project has no buckets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds more than is shown: the first 1,000 names.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::SubmitJobDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME=value, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key=value, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same with the Ray CLI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit a job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: my own command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>python main.py --epochs 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: a local folder sent to the cluster (≤ 100 MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name=amount, for example: accelerator=1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: Ray makes one up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ample:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entrypoint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrypoint resources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom &amp;resources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission &amp;id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your own command. A working directory, if you name one, is zipped and sent to the cluster first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the sample&apos;s own folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;folder with %1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zipping the working directory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking whether the cluster has these files already…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading %1 (%2 files)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ray refused the job: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. Nothing was submitted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::WebDashboardTab</name>
    <message>
        <source>Ray&apos;s web dashboard at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1. Is the cluster still running?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rov::ui::WorkerPoolsPage</name>
    <message>
        <source>Worker pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers run the tasks. A pool has a fixed number of nodes, or autoscales between a minimum and a maximum with the load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add worker pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one worker pool: the head node runs no tasks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
