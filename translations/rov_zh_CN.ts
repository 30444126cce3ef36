<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchJobListModel</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>已成功</translation>
    </message>
    <message>
        <source>Partially succeeded</source>
        <translation>部分成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>已失败</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>正在取消</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message numerus="yes">
        <source>(%n failed)</source>
        <translation>
            <numerusform>（%n 个失败）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Register a model first.</source>
        <translation>请先注册模型。</translation>
    </message>
    <message>
        <source>Name the job.</source>
        <translation>请为作业命名。</translation>
    </message>
    <message>
        <source>Give the table of instances (bq://project.dataset.table).</source>
        <translation>请给出实例所在的表（bq://project.dataset.table）。</translation>
    </message>
    <message>
        <source>Give the file of instances (gs://bucket/file).</source>
        <translation>请给出实例文件（gs://bucket/file）。</translation>
    </message>
    <message>
        <source>%1 is not a bq://project.dataset.table</source>
        <translation>%1 不是 bq://project.dataset.table</translation>
    </message>
    <message>
        <source>%1 is not a gs://bucket/file</source>
        <translation>%1 不是 gs://bucket/file</translation>
    </message>
    <message>
        <source>A job reads one table.</source>
        <translation>一个作业只读取一张表。</translation>
    </message>
    <message>
        <source>The output is a bq://project or bq://project.dataset.</source>
        <translation>输出应为 bq://project 或 bq://project.dataset。</translation>
    </message>
    <message>
        <source>The output is a gs://bucket/folder.</source>
        <translation>输出应为 gs://bucket/folder。</translation>
    </message>
    <message>
        <source>The maximum replica count is below the starting count.</source>
        <translation>最多副本数小于起始副本数。</translation>
    </message>
</context>
<context>
    <name>ClusterDraft</name>
    <message>
        <source>Give the cluster an id.</source>
        <translation>请为集群指定一个 ID。</translation>
    </message>
    <message>
        <source>The id has more than 63 characters.</source>
        <translation>ID 超过了 63 个字符。</translation>
    </message>
    <message>
        <source>The id must start with a lower-case letter.</source>
        <translation>ID 必须以小写字母开头。</translation>
    </message>
    <message>
        <source>Use only lower-case letters, digits and hyphens.</source>
        <translation>只能使用小写字母、数字和连字符。</translation>
    </message>
    <message>
        <source>The id cannot end with a hyphen.</source>
        <translation>ID 不能以连字符结尾。</translation>
    </message>
    <message>
        <source>Choose an accelerator type and a count, or neither.</source>
        <translation>请同时选择加速器类型和数量，或者都不选。</translation>
    </message>
    <message>
        <source>Pool id &quot;%1&quot;: lower-case letters, digits and hyphens, starting with a letter.</source>
        <translation>池 ID“%1”：只能使用小写字母、数字和连字符，并以字母开头。</translation>
    </message>
    <message>
        <source>Two pools are called &quot;%1&quot;.</source>
        <translation>有两个池都叫“%1”。</translation>
    </message>
    <message>
        <source>A worker pool keeps at least 1 node.</source>
        <translation>工作器池至少保留 1 个节点。</translation>
    </message>
    <message>
        <source>The maximum (%1) must be greater than the minimum (%2).</source>
        <translation>最大值（%1）必须大于最小值（%2）。</translation>
    </message>
    <message>
        <source>A worker pool has at least 1 node.</source>
        <translation>工作器池至少有 1 个节点。</translation>
    </message>
    <message>
        <source>This cluster could grow to %1 nodes; the backend runs at most %2.</source>
        <translation>此集群最多可能增长到 %1 个节点；后端最多只能运行 %2 个。</translation>
    </message>
</context>
<context>
    <name>GoogleAuth</name>
    <message>
        <source>The key file&apos;s private_key is not a PEM private key; the file may be damaged</source>
        <translation>密钥文件中的 private_key 不是 PEM 私钥；文件可能已损坏</translation>
    </message>
    <message>
        <source>The key file has no private_key: download a new JSON key of the service account (IAM, Service accounts, Keys, Add key)</source>
        <translation>密钥文件中没有 private_key：请下载服务账号的新 JSON 密钥（IAM、服务账号、密钥、添加密钥）</translation>
    </message>
    <message>
        <source>The key file has no client_email, so it does not say which service account it belongs to</source>
        <translation>密钥文件中没有 client_email，无法得知它属于哪个服务账号</translation>
    </message>
    <message>
        <source>The key file&apos;s token_uri &quot;%1&quot; is not a URL</source>
        <translation>密钥文件中的 token_uri“%1”不是 URL</translation>
    </message>
    <message>
        <source>The credentials file of type authorized_user has no refresh_token or client_id; run &quot;gcloud auth application-default login&quot; again</source>
        <translation>类型为 authorized_user 的凭据文件缺少 refresh_token 或 client_id；请重新运行“gcloud auth application-default login”</translation>
    </message>
    <message>
        <source>The file is not JSON. A service account key is the JSON file that the Cloud Console downloads (a .p12 key is not supported)</source>
        <translation>该文件不是 JSON。服务账号密钥是从 Cloud Console 下载的 JSON 文件（不支持 .p12 密钥）</translation>
    </message>
    <message>
        <source>The file has no &quot;type&quot;; it is not a Google credentials file</source>
        <translation>该文件没有“type”；它不是 Google 凭据文件</translation>
    </message>
    <message>
        <source>The file&apos;s type is &quot;%1&quot;, not &quot;service_account&quot;; choose Application default credentials for a file that gcloud wrote</source>
        <translation>该文件的类型是“%1”，不是“service_account”；gcloud 写入的文件请选择“应用默认凭据”</translation>
    </message>
    <message>
        <source>Credentials of type &quot;%1&quot; are not supported; use a service account key or &quot;gcloud auth application-default login&quot;</source>
        <translation>不支持类型为“%1”的凭据；请使用服务账号密钥或“gcloud auth application-default login”</translation>
    </message>
    <message>
        <source>Choose the service account&apos;s JSON key file</source>
        <translation>请选择服务账号的 JSON 密钥文件</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a credentials file</source>
        <translation>%1 太大，不可能是凭据文件</translation>
    </message>
    <message>
        <source>The key may have been deleted or disabled; create a new key for %1</source>
        <translation>该密钥可能已被删除或停用；请为 %1 创建新密钥</translation>
    </message>
    <message>
        <source>a Google account (OAuth client %1)</source>
        <translation>一个 Google 账号（OAuth 客户端 %1）</translation>
    </message>
    <message>
        <source>The sign-in may have been revoked or may have expired; run &quot;gcloud auth application-default login&quot; again</source>
        <translation>登录可能已被撤销或已过期；请重新运行“gcloud auth application-default login”</translation>
    </message>
    <message>
        <source>the default service account of this VM</source>
        <translation>此虚拟机的默认服务账号</translation>
    </message>
    <message>
        <source>The metadata server at %1</source>
        <translation>%1 上的元数据服务器</translation>
    </message>
    <message>
        <source>Something answered at %1, but not a Google metadata server</source>
        <translation>%1 有应答，但不是 Google 元数据服务器</translation>
    </message>
    <message>
        <source>the key file %1</source>
        <translation>密钥文件 %1</translation>
    </message>
    <message>
        <source>GOOGLE_APPLICATION_CREDENTIALS (%1)</source>
        <translation>GOOGLE_APPLICATION_CREDENTIALS（%1）</translation>
    </message>
    <message>
        <source>%1: the file does not exist</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>gcloud&apos;s application default credentials (%1)</source>
        <translation>gcloud 的应用默认凭据（%1）</translation>
    </message>
    <message>
        <source>the metadata server (%1)</source>
        <translation>元数据服务器（%1）</translation>
    </message>
    <message>
        <source>No application default credentials were found: GOOGLE_APPLICATION_CREDENTIALS is not set, %1 does not exist, and this is not a Google Cloud VM. Run &quot;gcloud auth application-default login&quot;, or choose a service account key file</source>
        <translation>未找到应用默认凭据：未设置 GOOGLE_APPLICATION_CREDENTIALS，%1 不存在，并且这不是 Google Cloud 虚拟机。请运行“gcloud auth application-default login”，或选择服务账号密钥文件</translation>
    </message>
    <message>
        <source>%1 did not answer (%2)</source>
        <translation>%1 没有应答（%2）</translation>
    </message>
    <message>
        <source>%1 refused to issue a token (HTTP %2, %3)</source>
        <translation>%1 拒绝签发令牌（HTTP %2，%3）</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>%1 answered without an access token</source>
        <translation>%1 的应答中没有访问令牌</translation>
    </message>
</context>
<context>
    <name>LocalRovd</name>
    <message>
        <source>No rovd runs for %1</source>
        <translation>没有 rovd 在为 %1 运行</translation>
    </message>
    <message>
        <source>Could not stop rovd (pid %1): %2</source>
        <translation>无法停止 rovd（pid %1）：%2</translation>
    </message>
</context>
<context>
    <name>Monitoring</name>
    <message>
        <source>The metrics backend answered something that is not a Prometheus answer</source>
        <translation>指标后端的应答不是 Prometheus 的应答</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Cluster utilization</source>
        <translation>集群利用率</translation>
    </message>
    <message>
        <source>CPU, memory and object store in use, as a share of the cluster&apos;s nodes</source>
        <translation>CPU、内存和对象存储的使用量占集群节点的比例</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Object store</source>
        <translation>对象存储</translation>
    </message>
    <message>
        <source>Logical CPUs in use by node</source>
        <translation>各节点使用中的逻辑 CPU</translation>
    </message>
    <message>
        <source>CPU slots that Ray tasks and actors hold</source>
        <translation>Ray 任务和 actor 占用的 CPU 槽位</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Node CPU</source>
        <translation>节点 CPU</translation>
    </message>
    <message>
        <source>Hardware CPU use of each node, in cores</source>
        <translation>每个节点的硬件 CPU 使用量（核）</translation>
    </message>
    <message>
        <source>Node memory</source>
        <translation>节点内存</translation>
    </message>
    <message>
        <source>Heap and object store memory used on each node</source>
        <translation>每个节点使用的堆内存和对象存储内存</translation>
    </message>
    <message>
        <source>Object store by location</source>
        <translation>按位置统计的对象存储</translation>
    </message>
    <message>
        <source>Objects in shared memory, spilled to disk, or in worker heaps</source>
        <translation>位于共享内存、溢出到磁盘或位于工作进程堆中的对象</translation>
    </message>
    <message>
        <source>Tasks by state</source>
        <translation>按状态统计的任务</translation>
    </message>
    <message>
        <source>Finished and failed tasks count up; the others are the tasks in that state now</source>
        <translation>已完成和失败的任务为累计数；其他为当前处于该状态的任务</translation>
    </message>
    <message>
        <source>Running tasks by name</source>
        <translation>按名称统计的运行中任务</translation>
    </message>
    <message>
        <source>Tasks running now, by their function&apos;s name</source>
        <translation>当前正在运行的任务，按函数名称统计</translation>
    </message>
    <message>
        <source>Actors by state</source>
        <translation>按状态统计的 actor</translation>
    </message>
    <message>
        <source>Actors as the cluster&apos;s control store sees them</source>
        <translation>集群控制存储所见的 actor</translation>
    </message>
    <message>
        <source>Nodes by pool</source>
        <translation>按资源池统计的节点</translation>
    </message>
    <message>
        <source>Nodes that report metrics, by resource pool</source>
        <translation>上报指标的节点，按资源池统计</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Bytes each node receives and sends per second</source>
        <translation>每个节点每秒接收和发送的字节数</translation>
    </message>
    <message>
        <source>Node disk</source>
        <translation>节点磁盘</translation>
    </message>
    <message>
        <source>Disk space used on each node</source>
        <translation>每个节点使用的磁盘空间</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>GPU use of each node</source>
        <translation>每个节点的 GPU 使用量</translation>
    </message>
    <message>
        <source>This cluster has no GPUs</source>
        <translation>此集群没有 GPU</translation>
    </message>
    <message>
        <source>Cost per hour</source>
        <translation>每小时费用</translation>
    </message>
    <message>
        <source>What the live nodes would cost per hour on Vertex AI, at on-demand list prices (rovd&apos;s estimate)</source>
        <translation>运行中的节点在 Vertex AI 上按按需目录价每小时的费用（rovd 的估算）</translation>
    </message>
    <message>
        <source>Hardware CPU use, averaged over the nodes</source>
        <translation>硬件 CPU 使用率，各节点的平均值</translation>
    </message>
    <message>
        <source>Memory used on the nodes, of their total</source>
        <translation>节点已用内存占总内存的比例</translation>
    </message>
    <message>
        <source>Running tasks</source>
        <translation>运行中的任务</translation>
    </message>
    <message>
        <source>Tasks running now</source>
        <translation>正在运行的任务</translation>
    </message>
    <message>
        <source>No task has run in this time range</source>
        <translation>此时间范围内没有运行过任务</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>每秒请求数</translation>
    </message>
    <message>
        <source>Predictions answered, by deployed model</source>
        <translation>已响应的预测，按已部署模型</translation>
    </message>
    <message>
        <source>No predictions yet</source>
        <translation>尚无预测请求</translation>
    </message>
    <message>
        <source>Half of the predictions took less (p50), 99 in 100 (p99)</source>
        <translation>一半的预测用时更短（p50），百分之九十九的预测用时更短（p99）</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Errors per second</source>
        <translation>每秒错误数</translation>
    </message>
    <message>
        <source>Predictions that ended in an error</source>
        <translation>以错误结束的预测</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>No errors</source>
        <translation>没有错误</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Healthy replicas, by deployed model</source>
        <translation>健康的副本，按已部署模型</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>rovd&apos;s BigQuery service</source>
        <translation>rovd 的 BigQuery 服务</translation>
    </message>
    <message>
        <source>Cannot make %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>rovd was built without the nodes&apos; start-up code</source>
        <translation>rovd 构建时缺少节点的启动代码</translation>
    </message>
    <message>
        <source>Cannot write the nodes&apos; start-up code in %1</source>
        <translation>无法在 %1 中写入节点的启动代码</translation>
    </message>
</context>
<context>
    <name>Rovd</name>
    <message>
        <source>Starting the head node</source>
        <translation>正在启动头节点</translation>
    </message>
    <message>
        <source>Starting node %1 of %2 (%3)</source>
        <translation>正在启动第 %1 个节点，共 %2 个（%3）</translation>
    </message>
    <message>
        <source>Starting %1 Ray nodes</source>
        <translation>正在启动 %1 个 Ray 节点</translation>
    </message>
    <message>
        <source>Created; starting %1 Ray nodes</source>
        <translation>已创建；正在启动 %1 个 Ray 节点</translation>
    </message>
    <message>
        <source>All %1 Ray nodes are alive</source>
        <translation>全部 %1 个 Ray 节点都已存活</translation>
    </message>
    <message>
        <source>All %1 Ray nodes are alive again</source>
        <translation>全部 %1 个 Ray 节点已重新存活</translation>
    </message>
    <message>
        <source>Scaled to %1 Ray nodes</source>
        <translation>已扩缩到 %1 个 Ray 节点</translation>
    </message>
    <message>
        <source>Resizing from %1 to %2 nodes</source>
        <translation>正在从 %1 个节点调整为 %2 个</translation>
    </message>
    <message>
        <source>Scaling from %1 to %2 nodes</source>
        <translation>正在从 %1 个节点扩缩到 %2 个</translation>
    </message>
    <message>
        <source>Every pool already has the size asked for</source>
        <translation>每个池都已是所要求的大小</translation>
    </message>
    <message>
        <source>Stopping every Ray node</source>
        <translation>正在停止所有 Ray 节点</translation>
    </message>
    <message>
        <source>Restarting every Ray node</source>
        <translation>正在重启所有 Ray 节点</translation>
    </message>
    <message>
        <source>Deletion requested</source>
        <translation>已请求删除</translation>
    </message>
    <message>
        <source>Reboot requested</source>
        <translation>已请求重启</translation>
    </message>
    <message>
        <source>Every node stopped; the cluster is gone</source>
        <translation>所有节点已停止；集群已删除</translation>
    </message>
    <message>
        <source>No node is live</source>
        <translation>没有在线节点</translation>
    </message>
    <message>
        <source>Live nodes: %1</source>
        <translation>在线节点：%1</translation>
    </message>
    <message>
        <source>The head node exited</source>
        <translation>头节点已退出</translation>
    </message>
    <message>
        <source>Node %1 exited; starting a replacement</source>
        <translation>节点 %1 已退出；正在启动替代节点</translation>
    </message>
    <message>
        <source>Node %1 exited while starting</source>
        <translation>节点 %1 在启动时退出</translation>
    </message>
    <message>
        <source>Node %1 did not join the cluster in time</source>
        <translation>节点 %1 未能及时加入集群</translation>
    </message>
    <message>
        <source>Autoscaling could not add nodes: %1</source>
        <translation>自动扩缩无法添加节点：%1</translation>
    </message>
    <message>
        <source>The cluster did not start within %1</source>
        <translation>集群未在 %1 内启动</translation>
    </message>
    <message>
        <source>Scaling did not finish within %1</source>
        <translation>扩缩未在 %1 内完成</translation>
    </message>
    <message>
        <source>The reboot did not finish within %1</source>
        <translation>重启未在 %1 内完成</translation>
    </message>
    <message>
        <source>The nodes did not stop within %1; they were killed</source>
        <translation>节点未在 %1 内停止；已被强行终止</translation>
    </message>
    <message>
        <source>Cancelled; the cluster is being deleted</source>
        <translation>已取消；集群正在删除</translation>
    </message>
    <message>
        <source>The cluster was deleted</source>
        <translation>集群已被删除</translation>
    </message>
    <message>
        <source>The cluster is %1; it can be scaled only while RUNNING</source>
        <translation>集群处于 %1 状态；只有在 RUNNING 时才能扩缩</translation>
    </message>
    <message>
        <source>The cluster is %1; it can be rebooted when RUNNING or in ERROR</source>
        <translation>集群处于 %1 状态；只有在 RUNNING 或 ERROR 时才能重启</translation>
    </message>
    <message>
        <source>The autoscaler is resizing this cluster; try again in a minute</source>
        <translation>自动扩缩器正在调整此集群的大小；请一分钟后再试</translation>
    </message>
    <message>
        <source>The cluster asks for %1 nodes; a cluster has at most %2</source>
        <translation>集群要求 %1 个节点；一个集群最多 %2 个</translation>
    </message>
    <message>
        <source>This machine has no free TCP ports left for another Ray node</source>
        <translation>本机已没有空闲的 TCP 端口可供另一个 Ray 节点使用</translation>
    </message>
    <message>
        <source>The cluster has no temp directory; delete and create it again</source>
        <translation>集群没有临时目录；请删除后重新创建</translation>
    </message>
    <message>
        <source>PersistentResource %1 not found</source>
        <translation>找不到 PersistentResource %1</translation>
    </message>
    <message>
        <source>Operation %1 not found</source>
        <translation>找不到操作 %1</translation>
    </message>
    <message>
        <source>No such resource: %1</source>
        <translation>没有这个资源：%1</translation>
    </message>
    <message>
        <source>The bearer token is not one of rovd&apos;s tokens</source>
        <translation>该 Bearer 令牌不是 rovd 的令牌</translation>
    </message>
    <message>
        <source>The request body is empty; it must be a JSON object</source>
        <translation>请求正文为空；它必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>The request body must be a JSON object</source>
        <translation>请求正文必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>The request body must be a JSON object: a PersistentResource</source>
        <translation>请求正文必须是一个 JSON 对象：一个 PersistentResource</translation>
    </message>
    <message>
        <source>The request body is not valid JSON: %1</source>
        <translation>请求正文不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>The request body is larger than %1 bytes, the most this route takes</source>
        <translation>请求正文超过 %1 字节，这是此路由接受的上限</translation>
    </message>
    <message>
        <source>This request needs a JSON body, and it has no Content-Length</source>
        <translation>此请求需要 JSON 正文，但它没有 Content-Length</translation>
    </message>
    <message>
        <source>The request could not be read (HTTP %1)</source>
        <translation>无法读取请求（HTTP %1）</translation>
    </message>
    <message>
        <source>All pools of a cluster must run the same Ray version</source>
        <translation>集群的所有池必须运行相同的 Ray 版本</translation>
    </message>
    <message>
        <source>displayName is %1 characters long; at most %2 are allowed</source>
        <translation>displayName 长 %1 个字符；最多允许 %2 个</translation>
    </message>
    <message>
        <source>resourcePools is required: give at least the head node&apos;s pool</source>
        <translation>resourcePools 是必填项：至少给出头节点的池</translation>
    </message>
    <message>
        <source>%1.machineSpec.machineType is required; known types: %2</source>
        <translation>%1.machineSpec.machineType 是必填项；已知类型：%2</translation>
    </message>
    <message>
        <source>%1.machineSpec.acceleratorType %2 is unknown; known types: %3</source>
        <translation>%1.machineSpec.acceleratorType %2 未知；已知类型：%3</translation>
    </message>
    <message>
        <source>%1.machineSpec.acceleratorCount cannot be negative</source>
        <translation>%1.machineSpec.acceleratorCount 不能为负数</translation>
    </message>
    <message>
        <source>%1.replicaCount is %2; a pool needs at least 1 replica</source>
        <translation>%1.replicaCount 为 %2；一个池至少需要 1 个副本</translation>
    </message>
    <message>
        <source>%1.replicaCount is %2; a pool has at most %3 nodes</source>
        <translation>%1.replicaCount 为 %2；一个池最多 %3 个节点</translation>
    </message>
    <message>
        <source>%1.diskSpec.bootDiskSizeGb is %2; it must be between 100 and 64000</source>
        <translation>%1.diskSpec.bootDiskSizeGb 为 %2；必须在 100 到 64000 之间</translation>
    </message>
    <message>
        <source>raySpec.resourcePoolImages must map pool ids to image URIs</source>
        <translation>raySpec.resourcePoolImages 必须把池 ID 映射到镜像 URI</translation>
    </message>
    <message>
        <source>labels must map keys to values</source>
        <translation>labels 必须把键映射到值</translation>
    </message>
    <message>
        <source>%1 must be an integer (a JSON number or a decimal string), not %2</source>
        <translation>%1 必须是整数（JSON 数字或十进制字符串），而不是 %2</translation>
    </message>
    <message>
        <source>%1 must be a JSON object</source>
        <translation>%1 必须是一个 JSON 对象</translation>
    </message>
    <message>
        <source>The request has no bearer token: send &quot;Authorization: Bearer &lt;token&gt;&quot; with a token from rovd&apos;s token file</source>
        <translation>请求没有 Bearer 令牌：请发送“Authorization: Bearer &lt;token&gt;”，令牌取自 rovd 的令牌文件</translation>
    </message>
    <message>
        <source>%1 %2 needs the admin role (Vertex AI Administrator); this token has the user role, which can read clusters, connect and submit jobs</source>
        <translation>%1 %2 需要管理员角色（Vertex AI Administrator）；此令牌是用户角色，只能读取集群、连接和提交作业</translation>
    </message>
    <message>
        <source>%1 is not a method of %2; it takes %3</source>
        <translation>%1 不是 %2 的方法；它接受 %3</translation>
    </message>
    <message>
        <source>Content-Length &quot;%1&quot; is not a number of bytes</source>
        <translation>Content-Length“%1”不是字节数</translation>
    </message>
    <message>
        <source>Content-Type must be application/json, not &quot;%1&quot;</source>
        <translation>Content-Type 必须是 application/json，而不是“%1”</translation>
    </message>
    <message>
        <source>pageSize must be a number of at least 0, not &quot;%1&quot;</source>
        <translation>pageSize 必须是不小于 0 的数字，而不是“%1”</translation>
    </message>
    <message>
        <source>pageToken &quot;%1&quot; is not one this list gave out</source>
        <translation>pageToken“%1”不是此列表给出的</translation>
    </message>
    <message>
        <source>rovd is stopping; nothing was changed. Try again once it runs</source>
        <translation>rovd 正在停止；没有做任何更改。请在它运行后再试</translation>
    </message>
    <message>
        <source>Node %1 did not start (%2); trying again (attempt %3 of %4)</source>
        <translation>节点 %1 未能启动（%2）；正在重试（第 %3 次，共 %4 次）</translation>
    </message>
    <message>
        <source>No space left on device: rovd could not store the change, so it changes nothing now (it keeps trying every few seconds); free space on the disk of its data directory and try again (what was stored before is kept)</source>
        <translation>设备上没有剩余空间：rovd 无法保存此更改，因此现在不做任何更改（它每隔几秒重试一次）；请释放其数据目录所在磁盘的空间后重试（之前保存的内容均保留）</translation>
    </message>
    <message>
        <source>No space left on device: rovd could not store %1; free space on the disk of its data directory and try again (what was stored before is kept)</source>
        <translation>设备上没有剩余空间：rovd 无法保存 %1；请释放其数据目录所在磁盘的空间后重试（之前保存的内容均保留）</translation>
    </message>
    <message>
        <source>%1: rovd could not store %2; its data directory is on a read-only file system</source>
        <translation>%1：rovd 无法保存 %2；其数据目录位于只读文件系统上</translation>
    </message>
    <message>
        <source>The model server stopped; rovd is starting it again</source>
        <translation>模型服务器已停止；rovd 正在重新启动它</translation>
    </message>
    <message>
        <source>The model server is starting</source>
        <translation>模型服务器正在启动</translation>
    </message>
    <message>
        <source>The model server is starting the model</source>
        <translation>模型服务器正在启动模型</translation>
    </message>
    <message>
        <source>The model server could not start again (%1); rovd tries again in %2 s</source>
        <translation>模型服务器无法重新启动（%1）；rovd 将在 %2 秒后重试</translation>
    </message>
    <message>
        <source>The model server did not answer (%1); try again in a few seconds</source>
        <translation>模型服务器没有应答（%1）；请几秒后重试</translation>
    </message>
    <message>
        <source>%1
--- Ray log ---
%2</source>
        <translation>%1
--- Ray log ---
%2</translation>
    </message>
    <message>
        <source>%1 (attempt %2 of %3)</source>
        <translation>%1（第 %2 次尝试，共 %3 次）</translation>
    </message>
    <message>
        <source>The model refused the request: %1</source>
        <translation>模型拒绝了该请求：%1</translation>
    </message>
    <message>
        <source>The model server failed (HTTP %1): %2</source>
        <translation>模型服务器出错（HTTP %1）：%2</translation>
    </message>
    <message>
        <source>rovd&apos;s Prometheus refused the request: %1</source>
        <translation>rovd 的 Prometheus 拒绝了该请求：%1</translation>
    </message>
    <message>
        <source>Unparseable filter: %1 at %2</source>
        <translation>无法解析筛选条件：%1（位置：%2）</translation>
    </message>
    <message>
        <source>Invalid filter: %1 at %2</source>
        <translation>筛选条件无效：%1（位置：%2）</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <source>filter is %1 characters long; at most 20000 are allowed</source>
        <translation>筛选条件长 %1 个字符；最多允许 20000 个</translation>
    </message>
    <message>
        <source>expected an operator (= != &lt; &lt;= &gt; &gt;= : =~ !~)</source>
        <translation>此处应为运算符（= != &lt; &lt;= &gt; &gt;= : =~ !~）</translation>
    </message>
    <message>
        <source>a quoted value that is never closed</source>
        <translation>引号内的值没有闭合</translation>
    </message>
    <message>
        <source>a &apos;)&apos; without its &apos;(&apos;</source>
        <translation>有 &apos;)&apos; 但没有对应的 &apos;(&apos;</translation>
    </message>
    <message>
        <source>expected &apos;)&apos;</source>
        <translation>此处应为 &apos;)&apos;</translation>
    </message>
    <message>
        <source>expected a term at the end of the filter</source>
        <translation>筛选条件末尾缺少一个条件项</translation>
    </message>
    <message>
        <source>expected a term before &apos;)&apos;</source>
        <translation>&apos;)&apos; 之前缺少一个条件项</translation>
    </message>
    <message>
        <source>expected a term before %1</source>
        <translation>%1 之前缺少一个条件项</translation>
    </message>
    <message>
        <source>expected a field name before the operator</source>
        <translation>运算符之前缺少字段名</translation>
    </message>
    <message>
        <source>expected a term</source>
        <translation>此处应为一个条件项</translation>
    </message>
    <message>
        <source>expected OR or &apos;)&apos; in a list of values</source>
        <translation>值列表中此处应为 OR 或 &apos;)&apos;</translation>
    </message>
    <message>
        <source>expected a value after the operator</source>
        <translation>运算符之后缺少值</translation>
    </message>
    <message>
        <source>%1 compares with = != &lt; &lt;= &gt; &gt;=</source>
        <translation>%1 只能用 = != &lt; &lt;= &gt; &gt;= 比较</translation>
    </message>
    <message>
        <source>The log store failed: %1</source>
        <translation>日志存储出错：%1</translation>
    </message>
    <message>
        <source>a field name, not a quoted value, goes before an operator</source>
        <translation>运算符之前应为字段名，而不是带引号的值</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;; a filter may name severity, timestamp, receiveTimestamp, logName, insertId, resource.type, resource.labels.KEY, labels.KEY, textPayload or jsonPayload.FIELD</source>
        <translation>未知字段“%1”；筛选条件可以使用 severity、timestamp、receiveTimestamp、logName、insertId、resource.type、resource.labels.KEY、labels.KEY、textPayload 或 jsonPayload.FIELD</translation>
    </message>
    <message>
        <source>unknown severity &quot;%1&quot;; one of DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY</source>
        <translation>未知严重级别“%1”；可选 DEFAULT、DEBUG、INFO、NOTICE、WARNING、ERROR、CRITICAL、ALERT、EMERGENCY</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time; write it as RFC 3339, like &quot;2026-12-01T17:00:00Z&quot;</source>
        <translation>“%1”不是时间；请按 RFC 3339 书写，例如 &quot;2026-12-01T17:00:00Z&quot;</translation>
    </message>
    <message>
        <source>the filter nests NOT, &apos;-&apos; and parentheses more than %1 levels deep, which is as deep as rovd reads</source>
        <translation>筛选条件中 NOT、&apos;-&apos; 和括号的嵌套超过 %1 层，这是 rovd 能读取的最大深度</translation>
    </message>
    <message>
        <source>the filter has more than %1 terms (comparisons and search words), which is as many as rovd reads</source>
        <translation>筛选条件的条件项（比较和搜索词）超过 %1 个，这是 rovd 能读取的最大数量</translation>
    </message>
    <message>
        <source>The bearer token is a Ray node&apos;s, and its cluster no longer exists</source>
        <translation>此持有者令牌属于某个 Ray 节点，而它的集群已不存在</translation>
    </message>
    <message>
        <source>pageSize must be a whole number from 0 to %1</source>
        <translation>pageSize 必须是 0 到 %1 之间的整数</translation>
    </message>
    <message>
        <source>%1 %2 is not for a Ray node&apos;s token, which reads and writes Cloud Storage objects, reads the Model Registry and uses BigQuery&apos;s data; send a user or admin token</source>
        <translation>%1 %2 不接受 Ray 节点的令牌（它只能读写 Cloud Storage 对象、读取 Model Registry 和使用 BigQuery 的数据）；请发送用户或管理员令牌</translation>
    </message>
    <message>
        <source>The metadata server answers Ray nodes, at the address their environment gives them (GCE_METADATA_HOST); a user&apos;s or admin&apos;s token is no node&apos;s</source>
        <translation>元数据服务器只应答 Ray 节点（地址在节点的环境变量 GCE_METADATA_HOST 中）；用户或管理员的令牌不属于任何节点</translation>
    </message>
    <message>
        <source>The node has no metadata attribute &quot;%1&quot;</source>
        <translation>节点没有元数据属性“%1”</translation>
    </message>
    <message>
        <source>BigQuery&apos;s Storage Read API is not running: %1</source>
        <translation>BigQuery Storage Read API 未运行：%1</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>the desktop keyring did not answer within %1 s</source>
        <translation>桌面密钥环在 %1 秒内没有应答</translation>
    </message>
    <message>
        <source>The desktop keyring refused to store the secret: %1</source>
        <translation>桌面密钥环拒绝保存该机密：%1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>%1 did not answer in time (%2)</source>
        <translation>%1 没有及时应答（%2）</translation>
    </message>
    <message>
        <source>Could not reach %1 (%2)</source>
        <translation>无法连接 %1（%2）</translation>
    </message>
    <message>
        <source>%1 cannot be found: there is no network, or the name does not exist (%2)</source>
        <translation>找不到 %1：没有网络连接，或该名称不存在（%2）</translation>
    </message>
</context>
<context>
    <name>rov::core::AlertListModel</name>
    <message>
        <source>Firing</source>
        <translation>正在触发</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>即将触发</translation>
    </message>
    <message>
        <source>%1 of cluster %2 does not answer</source>
        <translation>集群 %2 的 %1 没有应答</translation>
    </message>
    <message>
        <source>Node %1 of cluster %2 uses %3% of its memory</source>
        <translation>集群 %2 的节点 %1 已使用 %3% 的内存</translation>
    </message>
    <message>
        <source>The object store of cluster %1 is %2% full</source>
        <translation>集群 %1 的对象存储已用 %2%</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) of cluster %1 failed in the last 5 minutes</source>
        <translation>
            <numerusform>集群 %1 在过去 5 分钟内有 %n 个任务失败</numerusform>
        </translation>
    </message>
    <message>
        <source>Work on cluster %1 has waited for resources for 5 minutes</source>
        <translation>集群 %1 上的工作已等待资源 5 分钟</translation>
    </message>
    <message>
        <source>Cluster %1 costs %2 per hour</source>
        <translation>集群 %1 每小时花费 %2</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始于</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>A node of pool %1 of %2 exited; rovd started a replacement</source>
        <translation>%2 的资源池 %1 中有一个节点退出；rovd 已启动替代节点</translation>
    </message>
</context>
<context>
    <name>rov::core::BackendSession</name>
    <message>
        <source>Looking for rovd at %1…</source>
        <translation>正在 %1 查找 rovd…</translation>
    </message>
    <message>
        <source>rovd runs at %1, but its token file is not in %2; set the data directory in Project setup</source>
        <translation>rovd 正在 %1 运行，但它的令牌文件不在 %2 中；请在“项目设置”中设置数据目录</translation>
    </message>
    <message>
        <source>Something else answers at %1 (HTTP %2); it is not rovd</source>
        <translation>%1 上应答的是其他程序（HTTP %2），不是 rovd</translation>
    </message>
    <message>
        <source>rovd did not answer within %1 s; see %2</source>
        <translation>rovd 在 %1 秒内没有应答；请查看 %2</translation>
    </message>
    <message>
        <source>rovd is not running and %1 does not exist; build it with scripts/build.sh</source>
        <translation>rovd 没有运行，而且 %1 不存在；请用 scripts/build.sh 构建它</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>Starting rovd (data in %1)…</source>
        <translation>正在启动 rovd（数据位于 %1）…</translation>
    </message>
    <message>
        <source>Connected to rovd at %1</source>
        <translation>已连接到 %1 上的 rovd</translation>
    </message>
    <message>
        <source>Google Cloud: %1, %2</source>
        <translation>Google Cloud：%1，%2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Reconnecting to rovd at %1…</source>
        <translation>正在重新连接 %1 上的 rovd…</translation>
    </message>
    <message>
        <source>Reconnecting to Google Cloud…</source>
        <translation>正在重新连接 Google Cloud…</translation>
    </message>
    <message>
        <source>rovd at %1 does not answer; still trying</source>
        <translation>%1 上的 rovd 没有应答；仍在重试</translation>
    </message>
    <message>
        <source>%1 does not answer; still trying</source>
        <translation>%1 没有应答；仍在重试</translation>
    </message>
    <message>
        <source>Only a profile of this computer runs rovd</source>
        <translation>只有“本机”配置会运行 rovd</translation>
    </message>
    <message>
        <source>No access token is saved for this profile; paste one in Project setup</source>
        <translation>此配置文件没有保存访问令牌；请在“项目设置”中粘贴一个</translation>
    </message>
    <message>
        <source>Connected. %1</source>
        <translation>已连接。%1</translation>
    </message>
    <message>
        <source>Connected as %1, with %2. %3</source>
        <translation>已以 %1 身份连接，凭据来自%2。%3</translation>
    </message>
    <message numerus="yes">
        <source>%n cluster(s) in %1.</source>
        <translation>
            <numerusform>%1 中有 %n 个集群。</numerusform>
        </translation>
    </message>
    <message>
        <source> The credentials belong to project %1; this profile works in %2.</source>
        <translation>这些凭据属于项目 %1；此配置文件使用项目 %2。</translation>
    </message>
    <message>
        <source>%1 cannot be found: there is no network, or the name does not exist; still trying</source>
        <translation>找不到 %1：没有网络连接，或该名称不存在；仍在重试</translation>
    </message>
    <message>
        <source>Setting up Python for Ray in %1 (first start; a few minutes)…</source>
        <translation>正在 %1 中为 Ray 设置 Python（首次启动；需要几分钟）…</translation>
    </message>
    <message>
        <source>The Python environment for Ray could not be set up: %1</source>
        <translation>无法为 Ray 设置 Python 环境：%1</translation>
    </message>
    <message>
        <source>Starting rovd, your systemd user service (data in %1)…</source>
        <translation>正在启动 rovd（您的 systemd 用户服务，数据位于 %1）…</translation>
    </message>
    <message>
        <source>Could not prepare rovd&apos;s data folder %1</source>
        <translation>无法准备 rovd 的数据文件夹 %1</translation>
    </message>
</context>
<context>
    <name>rov::core::BatchController</name>
    <message>
        <source>Could not refresh: %1</source>
        <translation>无法刷新：%1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>正在创建 %1…</translation>
    </message>
    <message>
        <source>Batch prediction %1 created</source>
        <translation>已创建批量预测 %1</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>Cancelling %1…</source>
        <translation>正在取消 %1…</translation>
    </message>
    <message>
        <source>Cancelling %1</source>
        <translation>正在取消 %1</translation>
    </message>
    <message>
        <source>Could not cancel %1: %2</source>
        <translation>无法取消 %1：%2</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>正在删除 %1…</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 已删除</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>The job has not written any output yet.</source>
        <translation>该作业尚未写出任何输出。</translation>
    </message>
    <message>
        <source>The predictions are in the table %1.</source>
        <translation>预测结果在表 %1 中。</translation>
    </message>
    <message>
        <source>Could not read the output: %1</source>
        <translation>无法读取输出：%1</translation>
    </message>
</context>
<context>
    <name>rov::core::BatchJobListModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
</context>
<context>
    <name>rov::core::ChartLoader</name>
    <message>
        <source>Not connected: choose a project to see its metrics</source>
        <translation>未连接：请选择一个项目以查看其指标</translation>
    </message>
</context>
<context>
    <name>rov::core::ClusterListModel</name>
    <message>
        <source>Provisioning</source>
        <translation>正在预配</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Rebooting</source>
        <translation>正在重启</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>正在更新</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1: %2 (%3–%4)</source>
        <translation>%1：%2（%3–%4）</translation>
    </message>
    <message>
        <source>%1: %2/%3</source>
        <translation>%1：%2/%3</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Ray</source>
        <translation>Ray</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Nodes (live/desired)</source>
        <translation>节点（在线/期望）</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source>Cost so far (est.)</source>
        <translation>累计费用（估算）</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1（自 %2 起）</translation>
    </message>
    <message>
        <source>Each node&apos;s on-demand price for the time it was live, from the backend&apos;s record since the cluster was created</source>
        <translation>每个节点按需价格乘以其在线时长，依据后端自集群创建以来的记录</translation>
    </message>
    <message>
        <source>Each node&apos;s on-demand price for the time it was live, counted since %1, when the console started watching: this backend keeps no record of its nodes</source>
        <translation>每个节点按需价格乘以其在线时长，自控制台开始观察的 %1 起计算：此后端不保存节点记录</translation>
    </message>
</context>
<context>
    <name>rov::core::DashboardSession</name>
    <message>
        <source>The Ray dashboard at %1 does not answer as expected: %2</source>
        <translation>位于 %1 的 Ray 信息中心未按预期响应：%2</translation>
    </message>
</context>
<context>
    <name>rov::core::EndpointListModel</name>
    <message>
        <source>No model deployed</source>
        <translation>未部署模型</translation>
    </message>
    <message>
        <source>%1 (%2–%3)</source>
        <translation>%1（%2–%3）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Deployed models</source>
        <translation>已部署的模型</translation>
    </message>
    <message>
        <source>Traffic split</source>
        <translation>流量分配</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>rov::core::HistoricJobModel</name>
    <message>
        <source>kept</source>
        <translation>已保留</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>未保留</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
</context>
<context>
    <name>rov::core::JobForm</name>
    <message>
        <source>Enter the command that starts the job, for example: python main.py</source>
        <translation>请输入启动作业的命令，例如：python main.py</translation>
    </message>
    <message>
        <source>A submission id may hold letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only.</source>
        <translation>提交 ID 只能包含字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>Environment variable &quot;%1&quot; is not NAME=value.</source>
        <translation>环境变量“%1”不是 NAME=value 格式。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid environment variable name.</source>
        <translation>“%1”不是有效的环境变量名。</translation>
    </message>
    <message>
        <source>Metadata &quot;%1&quot; is not key=value.</source>
        <translation>元数据“%1”不是 key=value 格式。</translation>
    </message>
    <message>
        <source>Custom resource &quot;%1&quot; is not name=amount.</source>
        <translation>自定义资源“%1”不是 name=amount 格式。</translation>
    </message>
    <message>
        <source>The amount of %1 must be a number above 0.</source>
        <translation>%1 的数量必须是大于 0 的数字。</translation>
    </message>
</context>
<context>
    <name>rov::core::JobHistoryRecorder</name>
    <message>
        <source>Could not keep the log of %1: %2</source>
        <translation>无法保留 %1 的日志：%2</translation>
    </message>
</context>
<context>
    <name>rov::core::JobListModel</name>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>已成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>已失败</translation>
    </message>
    <message>
        <source>Submission id</source>
        <translation>提交 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation>入口命令</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>rov::core::JupyterLab</name>
    <message>
        <source>The console closed the connection to JupyterLab before it answered.</source>
        <translation>控制台在 JupyterLab 应答之前关闭了与它的连接。</translation>
    </message>
    <message>
        <source>Cannot make the notebooks folder %1.</source>
        <translation>无法创建笔记本文件夹 %1。</translation>
    </message>
    <message>
        <source>The Python environment %1 has no Python; run scripts/run.sh once to set it up.</source>
        <translation>Python 环境 %1 中没有 Python；请运行一次 scripts/run.sh 来设置它。</translation>
    </message>
    <message>
        <source>Cannot write the kernel&apos;s start-up code in %1.</source>
        <translation>无法在 %1 中写入内核的启动代码。</translation>
    </message>
    <message>
        <source>Cannot write the kernel of %1 in %2.</source>
        <translation>无法在 %2 中写入 %1 的内核。</translation>
    </message>
    <message>
        <source>Cannot copy the sample notebooks to %1.</source>
        <translation>无法把示例笔记本复制到 %1。</translation>
    </message>
    <message>
        <source>No free port on 127.0.0.1 for JupyterLab.</source>
        <translation>127.0.0.1 上没有可供 JupyterLab 使用的空闲端口。</translation>
    </message>
    <message>
        <source>Cannot write JupyterLab&apos;s settings in %1.</source>
        <translation>无法在 %1 中写入 JupyterLab 的设置。</translation>
    </message>
    <message>
        <source>Could not start JupyterLab with %1: %2</source>
        <translation>无法用 %1 启动 JupyterLab：%2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>The JupyterLab started before has stopped.</source>
        <translation>之前启动的 JupyterLab 已经停止。</translation>
    </message>
    <message>
        <source>JupyterLab exited while starting. Its log (%1) ends with:
%2</source>
        <translation>JupyterLab 在启动过程中退出。其日志（%1）最后几行：
%2</translation>
    </message>
    <message>
        <source>The JupyterLab started before does not answer.</source>
        <translation>之前启动的 JupyterLab 没有应答。</translation>
    </message>
    <message>
        <source>JupyterLab did not answer within a minute; its log is %1.</source>
        <translation>JupyterLab 在一分钟内没有应答；其日志为 %1。</translation>
    </message>
    <message>
        <source>JupyterLab was stopped.</source>
        <translation>JupyterLab 已停止。</translation>
    </message>
    <message>
        <source>JupyterLab is not running.</source>
        <translation>JupyterLab 没有运行。</translation>
    </message>
    <message>
        <source>JupyterLab is stopping; open it again once it has stopped.</source>
        <translation>JupyterLab 正在停止；请在它停止后再打开。</translation>
    </message>
</context>
<context>
    <name>rov::core::LogEntryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重级别</translation>
    </message>
    <message>
        <source>Cluster · node</source>
        <translation>集群 · 节点</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>rov::core::LogExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>rov::core::ModelListModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Deployed to</source>
        <translation>部署到</translation>
    </message>
</context>
<context>
    <name>rov::core::MonitoringScopes</name>
    <message>
        <source>Model serving (endpoints)</source>
        <translation>模型服务（端点）</translation>
    </message>
    <message>
        <source>All clusters</source>
        <translation>所有集群</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1（已删除）</translation>
    </message>
</context>
<context>
    <name>rov::core::NodeListModel</name>
    <message>
        <source>Head</source>
        <translation>头节点</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>工作器</translation>
    </message>
    <message>
        <source>Alive</source>
        <translation>存活</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Node id</source>
        <translation>节点 ID</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Resource pool</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Object store</source>
        <translation>对象存储</translation>
    </message>
    <message>
        <source>Worker processes</source>
        <translation>工作进程</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message numerus="yes">
        <source>%n alive</source>
        <translation>
            <numerusform>%n 个存活</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n dead</source>
        <translation>
            <numerusform>%1，%n 个已失联</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n stopped</source>
        <translation>
            <numerusform>%1，%n 个已停止</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rov::core::Notebooks</name>
    <message>
        <source>The cluster runs Ray %1 on Python %2, and the notebook&apos;s kernel Ray %3 on Python %4. Ray Client connects only when both match; tasks may fail or the connection may be refused.</source>
        <translation>集群运行的是 Python %2 上的 Ray %1，而笔记本内核是 Python %4 上的 Ray %3。只有两者都一致时 Ray Client 才能连接；任务可能失败，或连接可能被拒绝。</translation>
    </message>
    <message>
        <source>The cluster runs Ray %1 and the notebook&apos;s kernel Ray %2. Ray Client connects only when the versions match; the connection may be refused.</source>
        <translation>集群运行的是 Ray %1，而笔记本内核是 Ray %2。只有版本一致时 Ray Client 才能连接；连接可能被拒绝。</translation>
    </message>
    <message>
        <source>The cluster runs Python %1 and the notebook&apos;s kernel Python %2. Ray Client connects only when the versions match; the connection may be refused.</source>
        <translation>集群运行的是 Python %1，而笔记本内核是 Python %2。只有版本一致时 Ray Client 才能连接；连接可能被拒绝。</translation>
    </message>
</context>
<context>
    <name>rov::core::PackageBuilder</name>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>The folder %1 has no files to send.</source>
        <translation>文件夹 %1 中没有可发送的文件。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Cannot add %1: %2</source>
        <translation>无法添加 %1：%2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The working directory makes a package of %1; Ray accepts at most 100 MiB. Leave large data out of the folder and read it from storage instead.</source>
        <translation>工作目录打包后为 %1；Ray 最多接受 100 MiB。请把大数据移出该文件夹，改为从存储中读取。</translation>
    </message>
</context>
<context>
    <name>rov::core::QueryHistoryModel</name>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>已失败</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>已成功</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1

Failed: %2</source>
        <translation>%1

失败：%2</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Query or job</source>
        <translation>查询或作业</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>rov::core::ResultExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The backend changed before the export ended</source>
        <translation>导出结束前后端已更改</translation>
    </message>
    <message>
        <source>Could not read the results: %1</source>
        <translation>无法读取结果：%1</translation>
    </message>
</context>
<context>
    <name>rov::core::SampleJobs</name>
    <message>
        <source>Pi by Monte Carlo</source>
        <translation>蒙特卡洛法估算 π</translation>
    </message>
    <message>
        <source>Throws random points at a square in 16 tasks spread over the workers and prints the estimate of pi.</source>
        <translation>在分布于各工作器的 16 个任务中向正方形随机投点，并输出 π 的估计值。</translation>
    </message>
    <message>
        <source>Word count</source>
        <translation>词频统计</translation>
    </message>
    <message>
        <source>Counts words in parallel: one task per shard, the counts merged on the driver.</source>
        <translation>并行统计词频：每个分片一个任务，计数在驱动程序中合并。</translation>
    </message>
    <message>
        <source>Training with a checkpoint</source>
        <translation>带检查点的训练</translation>
    </message>
    <message>
        <source>Fits a line by gradient descent in an actor, saves a checkpoint every few epochs and reads the last one back.</source>
        <translation>在一个 Actor 中用梯度下降拟合直线，每隔几轮保存检查点，最后读回最新的检查点。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Train a model to deploy</source>
        <translation>训练一个可部署的模型</translation>
    </message>
    <message>
        <source>Fits scikit-learn classifiers in parallel tasks and writes the best as model.pkl to a gs:// folder, ready for Register model.</source>
        <translation>在并行任务中训练 scikit-learn 分类器，并将最佳模型作为 model.pkl 写入 gs:// 文件夹，可直接用于“注册模型”。</translation>
    </message>
    <message>
        <source>BigQuery → Ray → BigQuery</source>
        <translation>BigQuery → Ray → BigQuery</translation>
    </message>
    <message>
        <source>Makes a table of taxi trips with a query, reads it into Ray Data, sums each zone&apos;s trips and fares on the workers and writes ray_samples.zone_summary, which the Data page shows.</source>
        <translation>用查询生成一张出租车行程表，读入 Ray Data，在工作节点上汇总每个区域的行程和车费，并写入 ray_samples.zone_summary，可在“数据”页面中查看。</translation>
    </message>
</context>
<context>
    <name>rov::core::ServingController</name>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Could not refresh: %1</source>
        <translation>无法刷新：%1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation>无法删除：%1</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>正在删除 %1…</translation>
    </message>
    <message>
        <source>Model deleted</source>
        <translation>模型已删除</translation>
    </message>
    <message>
        <source>Could not undeploy: %1</source>
        <translation>无法取消部署：%1</translation>
    </message>
    <message>
        <source>Undeploying %1…</source>
        <translation>正在取消部署 %1…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>rov::core::StateSummaryModel</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Actor method</source>
        <translation>Actor 方法</translation>
    </message>
    <message>
        <source>Actor creation</source>
        <translation>Actor 创建</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <source>Function or class</source>
        <translation>函数或类</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>By state</source>
        <translation>按状态</translation>
    </message>
</context>
<context>
    <name>rov::core::TaskListModel</name>
    <message>
        <source>Task id</source>
        <translation>任务 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
</context>
<context>
    <name>rov::core::WorkingDirUpload</name>
    <message>
        <source>Cannot create a temporary folder: %1</source>
        <translation>无法创建临时文件夹：%1</translation>
    </message>
    <message>
        <source>The cluster&apos;s dashboard is gone.</source>
        <translation>集群的信息中心已不可用。</translation>
    </message>
    <message>
        <source>Could not reach the cluster&apos;s package store: %1</source>
        <translation>无法访问集群的包存储：%1</translation>
    </message>
    <message>
        <source>The upload failed: %1</source>
        <translation>上传失败：%1</translation>
    </message>
</context>
<context>
    <name>rov::install::PythonEnvironment</name>
    <message>
        <source>No packages to install: the list of Python packages is empty or unreadable</source>
        <translation>没有要安装的软件包：Python 软件包列表为空或无法读取</translation>
    </message>
    <message>
        <source>Cannot lock %1.lock: %2</source>
        <translation>无法锁定 %1.lock：%2</translation>
    </message>
    <message>
        <source>permission denied or no space</source>
        <translation>权限不足或空间不足</translation>
    </message>
    <message>
        <source>Waiting for %1 (pid %2), which is setting up the Python environment</source>
        <translation>正在等待 %1（pid %2），它正在设置 Python 环境</translation>
    </message>
    <message>
        <source>%1 exists and was not made by rov-console; move it away or pass --ray-venv</source>
        <translation>%1 已存在且不是由 rov-console 创建的；请将其移走，或使用 --ray-venv 指定</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Python 3 is not installed (apt install python3 python3-venv)</source>
        <translation>未安装 Python 3（apt install python3 python3-venv）</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>Creating the Python environment in %1</source>
        <translation>正在 %1 中创建 Python 环境</translation>
    </message>
    <message numerus="yes">
        <source>Downloading %n Python package(s)</source>
        <translation>
            <numerusform>正在下载 %n 个 Python 软件包</numerusform>
        </translation>
    </message>
    <message>
        <source>Downloading %1 (%2 of %3)</source>
        <translation>正在下载 %1（第 %2 个，共 %3 个）</translation>
    </message>
    <message numerus="yes">
        <source>Installing %n package(s); this takes a few minutes</source>
        <translation>
            <numerusform>正在安装 %n 个软件包；需要几分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Creating the Python environment failed</source>
        <translation>创建 Python 环境失败</translation>
    </message>
    <message>
        <source>Installing the Python packages failed</source>
        <translation>安装 Python 软件包失败</translation>
    </message>
    <message>
        <source>Cannot finish %1: its marker stays</source>
        <translation>无法完成 %1：其标记文件仍然存在</translation>
    </message>
    <message>
        <source>The Python environment is ready</source>
        <translation>Python 环境已就绪</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>rov::localplane::SupervisedChild</name>
    <message>
        <source>%1 stopped (%2; its log: %3); it starts again in %4 s</source>
        <translation>%1 已停止（%2；日志：%3），将在 %4 秒后重新启动</translation>
    </message>
    <message>
        <source>killed</source>
        <translation>被终止</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
</context>
<context>
    <name>rov::localplane::bigquery::BigQuerySupervisor</name>
    <message>
        <source>BigQuery needs the Python environment, and %1 is not there (run scripts/setup.sh)</source>
        <translation>BigQuery 需要 Python 环境，但 %1 不存在（请运行 scripts/setup.sh）</translation>
    </message>
    <message>
        <source>Cannot write the BigQuery service&apos;s files under %1</source>
        <translation>无法在 %1 下写入 BigQuery 服务的文件</translation>
    </message>
</context>
<context>
    <name>rov::localplane::metrics::PrometheusSupervisor</name>
    <message>
        <source>Prometheus is not installed at %1 (Debian: apt install prometheus)</source>
        <translation>%1 处未安装 Prometheus（Debian：apt install prometheus）</translation>
    </message>
    <message>
        <source>Cannot write Prometheus&apos; files under %1</source>
        <translation>无法在 %1 下写入 Prometheus 的文件</translation>
    </message>
    <message>
        <source>Cannot read the alerting rules %1</source>
        <translation>无法读取告警规则 %1</translation>
    </message>
    <message>
        <source>promtool did not check %1 in time</source>
        <translation>promtool 未能及时检查 %1</translation>
    </message>
    <message>
        <source>Prometheus would refuse the alerting rules in %1: %2</source>
        <translation>Prometheus 会拒绝 %1 中的告警规则：%2</translation>
    </message>
</context>
<context>
    <name>rov::rest::OperationPoller</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>The operation did not end within %1. It may still be running in the backend; the cluster&apos;s state and events say where it stands.</source>
        <translation>操作未在 %1内结束。它可能仍在后端运行；集群的状态和事件会说明进展。</translation>
    </message>
</context>
<context>
    <name>rov::rest::RestClient</name>
    <message>
        <source>Could not sign in: %1</source>
        <translation>无法登录：%1</translation>
    </message>
</context>
<context>
    <name>rov::ui::ActorsTasksTab</name>
    <message>
        <source>Filter by function or class name</source>
        <translation>按函数名或类名筛选</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Actors by class</source>
        <translation>按类统计的 Actor</translation>
    </message>
    <message>
        <source>Tasks by function</source>
        <translation>按函数统计的任务</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Actors: %1
Tasks: %2</source>
        <translation>Actor：%1
任务：%2</translation>
    </message>
    <message>
        <source>Showing %1 of %2 tasks: the State API returns at most %3 at a time. The summaries above count all of them.</source>
        <translation>显示 %2 个任务中的 %1 个：State API 每次最多返回 %3 个。上方的汇总统计了全部任务。</translation>
    </message>
    <message>
        <source>All %1 tasks are listed.</source>
        <translation>已列出全部 %1 个任务。</translation>
    </message>
</context>
<context>
    <name>rov::ui::AlertIndicator</name>
    <message numerus="yes">
        <source>⚠ %n alert(s) firing</source>
        <translation>
            <numerusform>⚠ %n 个告警正在触发</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to open Monitoring</source>
        <translation>点击打开监控</translation>
    </message>
    <message>
        <source>Alert %1</source>
        <translation>告警 %1</translation>
    </message>
    <message>
        <source>Alert %1 on %2</source>
        <translation>%2 上的告警 %1</translation>
    </message>
</context>
<context>
    <name>rov::ui::AlertsPanel</name>
    <message>
        <source>Show or hide the alerts</source>
        <translation>显示或隐藏告警</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) firing</source>
        <translation>
            <numerusform>%n 个告警正在触发</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No alert fires; %n rule(s) watch the clusters</source>
        <translation>
            <numerusform>没有告警触发；%n 条规则正在监视集群</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n about to fire</source>
        <translation>
            <numerusform>%n 个即将触发</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) cannot be evaluated</source>
        <translation>
            <numerusform>%n 条规则无法计算</numerusform>
        </translation>
    </message>
    <message>
        <source>The alerts could not be read: %1</source>
        <translation>无法读取告警：%1</translation>
    </message>
</context>
<context>
    <name>rov::ui::BatchPage</name>
    <message>
        <source>Batch predictions</source>
        <translation>批量预测</translation>
    </message>
    <message>
        <source>&amp;New batch prediction…</source>
        <translation>新建批量预测(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Cancel job</source>
        <translation>取消作业(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Open &amp;results</source>
        <translation>打开结果(&amp;R)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>No batch predictions yet. New batch prediction scores a file or a table of instances with a registered model.</source>
        <translation>还没有批量预测。“新建批量预测”会用已注册的模型为一个文件或一张表中的实例打分。</translation>
    </message>
    <message>
        <source>Choose a job to see its details and predictions.</source>
        <translation>选择一个作业以查看其详情和预测结果。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 to %3 replicas, %n instances a call</source>
        <translation>
            <numerusform>%1，%2 到 %3 个副本，每次调用 %n 个实例</numerusform>
        </translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Partial failure</source>
        <translation>部分失败</translation>
    </message>
    <message>
        <source>Reading the output…</source>
        <translation>正在读取输出…</translation>
    </message>
    <message>
        <source>The predictions appear here when the job has written them.</source>
        <translation>作业写出预测结果后会显示在这里。</translation>
    </message>
    <message>
        <source>The output folder has no files.</source>
        <translation>输出文件夹中没有文件。</translation>
    </message>
    <message>
        <source>No instance failed.</source>
        <translation>没有失败的实例。</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Cancel batch prediction</source>
        <translation>取消批量预测</translation>
    </message>
    <message>
        <source>Cancel &quot;%1&quot;? The instances scored so far are not written.</source>
        <translation>取消“%1”？已打分的实例不会写出。</translation>
    </message>
    <message>
        <source>Delete batch prediction</source>
        <translation>删除批量预测</translation>
    </message>
    <message>
        <source>Delete the job &quot;%1&quot;? Its predictions in %2 stay.</source>
        <translation>删除作业“%1”？%2 中的预测结果会保留。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in %1: %2</source>
        <translation>
            <numerusform>%n 个文件，位于 %1：%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rov::ui::BatchPredictDialog</name>
    <message>
        <source>JSON lines</source>
        <translation>JSON 行</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>File list</source>
        <translation>文件列表</translation>
    </message>
    <message>
        <source>BigQuery table</source>
        <translation>BigQuery 表</translation>
    </message>
    <message>
        <source>New batch prediction</source>
        <translation>新建批量预测</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Job name</source>
        <translation>作业名称(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Instances</source>
        <translation>实例(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Output</source>
        <translation>输出(&amp;O)</translation>
    </message>
    <message>
        <source>Mac&amp;hine type</source>
        <translation>机器类型(&amp;H)</translation>
    </message>
    <message>
        <source>s&amp;tarting</source>
        <translation>起始(&amp;T)</translation>
    </message>
    <message>
        <source>ma&amp;ximum</source>
        <translation>最多(&amp;X)</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>&amp;Batch size</source>
        <translation>批大小(&amp;B)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>The same request:</source>
        <translation>同一请求：</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <source>gs://bucket/instances.jsonl, or several separated by commas</source>
        <translation>gs://bucket/instances.jsonl，多个时用逗号分隔</translation>
    </message>
    <message>
        <source>gs://bucket/folder</source>
        <translation>gs://bucket/folder</translation>
    </message>
    <message>
        <source>%1 batch %2</source>
        <translation>%1 批量 %2</translation>
    </message>
    <message>
        <source>No price for %1</source>
        <translation>%1 没有价格</translation>
    </message>
    <message>
        <source>$%1 an hour while the job runs</source>
        <translation>作业运行时每小时 $%1</translation>
    </message>
    <message>
        <source>$%1 an hour with the starting replicas, up to $%2 at the maximum</source>
        <translation>起始副本数时每小时 $%1，最多副本数时最高 $%2</translation>
    </message>
    <message>
        <source>Not connected: the backend&apos;s session ended</source>
        <translation>未连接：后端会话已结束</translation>
    </message>
    <message>
        <source>Creating the job…</source>
        <translation>正在创建作业…</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
</context>
<context>
    <name>rov::ui::ChartLegend</name>
    <message>
        <source>Click to show this series</source>
        <translation>点击以显示此序列</translation>
    </message>
    <message>
        <source>Click to hide this series</source>
        <translation>点击以隐藏此序列</translation>
    </message>
</context>
<context>
    <name>rov::ui::ChartPanel</name>
    <message>
        <source>cores</source>
        <translation>核</translation>
    </message>
    <message>
        <source>No data in this time range</source>
        <translation>此时间范围内没有数据</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Copy &amp;PromQL</source>
        <translation>复制 PromQL(&amp;P)</translation>
    </message>
    <message>
        <source>Save as &amp;image…</source>
        <translation>另存为图片(&amp;I)…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>重置缩放(&amp;R)</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Re&amp;move chart</source>
        <translation>移除图表(&amp;M)</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
</context>
<context>
    <name>rov::ui::ClusterDetailsDialog</name>
    <message>
        <source>Cluster %1</source>
        <translation>集群 %1</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>池</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>Accelerators</source>
        <translation>加速器</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>映像</translation>
    </message>
    <message>
        <source>Resource pools</source>
        <translation>资源池</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Python (ray.init)</source>
        <translation>Python（ray.init）</translation>
    </message>
    <message>
        <source>Ray job submit</source>
        <translation>Ray 作业提交</translation>
    </message>
    <message>
        <source>REST resource</source>
        <translation>REST 资源</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Open Ray dashboard</source>
        <translation>打开 Ray 仪表板</translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation>扩缩…</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>%1 — deleted</source>
        <translation>%1 — 已删除</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Ray / Python</source>
        <translation>Ray / Python</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source>Cost per hour (estimate)</source>
        <translation>每小时费用（估算）</translation>
    </message>
    <message>
        <source>Cost so far (estimate)</source>
        <translation>累计费用（估算）</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Network attachment</source>
        <translation>网络连接</translation>
    </message>
    <message>
        <source>%1 live (autoscaling %2–%3)</source>
        <translation>%1 个在线（自动扩缩 %2–%3）</translation>
    </message>
    <message>
        <source>%1 live / %2 desired</source>
        <translation>%1 个在线 / 期望 %2 个</translation>
    </message>
    <message>
        <source>%1 (head)</source>
        <translation>%1（头节点）</translation>
    </message>
    <message>
        <source>Available once the cluster is running.</source>
        <translation>集群运行后可用。</translation>
    </message>
    <message>
        <source>%1, counted since %2 (this backend keeps no record of its nodes)</source>
        <translation>%1，自 %2 起计算（此后端不保存节点记录）</translation>
    </message>
    <message>
        <source>View &amp;logs</source>
        <translation>查看日志(&amp;L)</translation>
    </message>
    <message>
        <source>Not connected: the backend&apos;s session ended</source>
        <translation>未连接：后端会话已结束</translation>
    </message>
    <message>
        <source>Could not refresh: %1</source>
        <translation>无法刷新：%1</translation>
    </message>
    <message>
        <source>Open in JupyterLab</source>
        <translation>在 JupyterLab 中打开</translation>
    </message>
</context>
<context>
    <name>rov::ui::ClusterNamePage</name>
    <message>
        <source>Name and region</source>
        <translation>名称和区域</translation>
    </message>
    <message>
        <source>The id names the cluster in the API and cannot change later.</source>
        <translation>ID 是集群在 API 中的名称，以后不能更改。</translation>
    </message>
    <message>
        <source>Cluster id</source>
        <translation>集群 ID</translation>
    </message>
    <message>
        <source>e.g. my-ray-cluster</source>
        <translation>例如 my-ray-cluster</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Clusters are created in the region of the current project setup</source>
        <translation>集群会创建在当前项目设置的区域中</translation>
    </message>
    <message>
        <source>Cluster &amp;id:</source>
        <translation>集群 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>区域(&amp;R)：</translation>
    </message>
    <message>
        <source>1 to 63 characters: lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen.</source>
        <translation>1 到 63 个字符：小写字母、数字和连字符，以字母开头，不能以连字符结尾。</translation>
    </message>
</context>
<context>
    <name>rov::ui::ClustersPage</name>
    <message>
        <source>Filter clusters by any column</source>
        <translation>按任意列筛选集群</translation>
    </message>
    <message>
        <source>Filter clusters</source>
        <translation>筛选集群</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>集群</translation>
    </message>
</context>
<context>
    <name>rov::ui::CodeBox</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>rov::ui::ComputePage</name>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>The head node runs Ray&apos;s control processes; as on Google Cloud it gets no CPUs for tasks.</source>
        <translation>头节点运行 Ray 的控制进程；与 Google Cloud 上一样，它不分配用于任务的 CPU。</translation>
    </message>
    <message>
        <source>Ray version</source>
        <translation>Ray 版本</translation>
    </message>
    <message>
        <source>Python version</source>
        <translation>Python 版本</translation>
    </message>
    <message>
        <source>optional: a custom container image</source>
        <translation>可选：自定义容器映像</translation>
    </message>
    <message>
        <source>Custom image</source>
        <translation>自定义映像</translation>
    </message>
    <message>
        <source>Head node</source>
        <translation>头节点</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>运行时</translation>
    </message>
    <message>
        <source>Ray &amp;version:</source>
        <translation>Ray 版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Python version:</source>
        <translation>Python 版本(&amp;P)：</translation>
    </message>
    <message>
        <source>Custom &amp;image:</source>
        <translation>自定义映像(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>rov::ui::ContextBar</name>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2，%3</translation>
    </message>
    <message>
        <source>rovd at %1</source>
        <translation>%1 上的 rovd</translation>
    </message>
    <message>
        <source>S&amp;witch</source>
        <translation>切换(&amp;W)</translation>
    </message>
    <message>
        <source>Work on another project setup (its windows close; yours stay)</source>
        <translation>改用另一个项目设置（属于当前后端的窗口会关闭）</translation>
    </message>
    <message>
        <source>Project: —</source>
        <translation>项目：—</translation>
    </message>
    <message>
        <source>Region: —</source>
        <translation>区域：—</translation>
    </message>
    <message>
        <source>Backend: not connected</source>
        <translation>后端：未连接</translation>
    </message>
    <message>
        <source>Project: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>项目：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Region: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>区域：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Backend: &lt;b&gt;%1&lt;/b&gt; (rovd at %2)</source>
        <translation>后端：&lt;b&gt;%1&lt;/b&gt;（%2 上的 rovd）</translation>
    </message>
    <message>
        <source>Backend: &lt;b&gt;%1&lt;/b&gt; (Google Cloud, %2)</source>
        <translation>后端：&lt;b&gt;%1&lt;/b&gt;（Google Cloud，%2）</translation>
    </message>
    <message>
        <source>The local control plane runs Ray clusters on this computer</source>
        <translation>本地控制平面在本机上运行 Ray 集群</translation>
    </message>
    <message>
        <source>Signed in as %1, with %2</source>
        <translation>已以 %1 身份登录，凭据来自%2</translation>
    </message>
</context>
<context>
    <name>rov::ui::CreateClusterWizard</name>
    <message>
        <source>Create a Ray cluster</source>
        <translation>创建 Ray 集群</translation>
    </message>
</context>
<context>
    <name>rov::ui::CreationProgressPage</name>
    <message>
        <source>Creating the cluster</source>
        <translation>正在创建集群</translation>
    </message>
    <message>
        <source>You can close this window: the cluster keeps starting, and the clusters table shows its state.</source>
        <translation>您可以关闭此窗口：集群会继续启动，集群表格会显示其状态。</translation>
    </message>
    <message>
        <source>Run in &amp;background</source>
        <translation>在后台运行(&amp;B)</translation>
    </message>
    <message>
        <source>Waiting for the backend…</source>
        <translation>正在等待后端…</translation>
    </message>
    <message>
        <source>The cluster is running.</source>
        <translation>集群正在运行。</translation>
    </message>
    <message>
        <source>Elapsed: %1</source>
        <translation>已用时间：%1</translation>
    </message>
    <message>
        <source>Open &amp;details</source>
        <translation>打开详情(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>The cluster is running</source>
        <translation>集群正在运行</translation>
    </message>
    <message>
        <source>The cluster did not start</source>
        <translation>集群未能启动</translation>
    </message>
    <message>
        <source>Open &amp;Ray dashboard</source>
        <translation>打开 Ray 仪表板(&amp;R)</translation>
    </message>
    <message>
        <source>The console cannot follow the creation: the connection to the backend was closed. The clusters page shows where the cluster stands.</source>
        <translation>控制台无法继续跟踪创建过程：与后端的连接已关闭。集群页面会显示集群的当前状态。</translation>
    </message>
    <message>
        <source>&amp;Reboot</source>
        <translation>重启(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Node &amp;logs</source>
        <translation>节点日志(&amp;L)</translation>
    </message>
</context>
<context>
    <name>rov::ui::CustomChartDialog</name>
    <message>
        <source>Add a chart</source>
        <translation>添加图表</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Bytes per second</source>
        <translation>字节/秒</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>核</translation>
    </message>
    <message>
        <source>Dollars per hour</source>
        <translation>美元/小时</translation>
    </message>
    <message>
        <source>$cluster stands for the cluster chosen on the page (every cluster when all are shown). Metric names complete as you type.</source>
        <translation>$cluster 代表页面上选定的集群（显示全部集群时代表所有集群）。输入时会自动补全指标名称。</translation>
    </message>
    <message>
        <source>Add chart</source>
        <translation>添加图表</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;PromQL:</source>
        <translation>PromQL(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>Write the PromQL of the chart.</source>
        <translation>请填写图表的 PromQL。</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>The backend refused the query: %1</source>
        <translation>后端拒绝了此查询：%1</translation>
    </message>
    <message>
        <source>Empty: the PromQL names the chart</source>
        <translation>留空：以 PromQL 作为标题</translation>
    </message>
    <message>
        <source>Milliseconds</source>
        <translation>毫秒</translation>
    </message>
</context>
<context>
    <name>rov::ui::DashboardWindow</name>
    <message>
        <source>Ray dashboard: %1</source>
        <translation>Ray 信息中心：%1</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Nodes</source>
        <translation>节点(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Jobs</source>
        <translation>作业(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Actors and tasks</source>
        <translation>Actor 与任务(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Submit job…</source>
        <translation>提交作业(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;top job</source>
        <translation>停止作业(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Delete job</source>
        <translation>删除作业(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Open in &amp;browser</source>
        <translation>在浏览器中打开(&amp;B)</translation>
    </message>
    <message>
        <source>Ray&apos;s own web dashboard, in the system browser</source>
        <translation>在系统浏览器中打开 Ray 自带的网页信息中心</translation>
    </message>
    <message>
        <source>Job &amp;history</source>
        <translation>作业历史(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>信息中心</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>已提交 %1</translation>
    </message>
    <message>
        <source>Could not stop %1: %2</source>
        <translation>无法停止 %1：%2</translation>
    </message>
    <message>
        <source>Stopping %1…</source>
        <translation>正在停止 %1…</translation>
    </message>
    <message>
        <source>Delete job</source>
        <translation>删除作业</translation>
    </message>
    <message>
        <source>Delete %1 from the cluster? Ray forgets the job and its log; the console&apos;s job history keeps its copy.</source>
        <translation>要从集群中删除 %1 吗？Ray 会丢弃该作业及其日志；控制台的作业历史会保留副本。</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>Ray &amp;web dashboard</source>
        <translation>Ray 网页信息中心(&amp;W)</translation>
    </message>
    <message>
        <source>The cluster %1 was deleted. What is shown here is what it was last; its finished jobs stay in the job history.</source>
        <translation>集群 %1 已被删除。此处显示的是它最后的状态；已结束的作业保留在作业历史中。</translation>
    </message>
    <message>
        <source>The cluster %1 is being deleted; no new jobs can be submitted. Its finished jobs stay in the job history.</source>
        <translation>集群 %1 正在删除，不能再提交新作业。已结束的作业保留在作业历史中。</translation>
    </message>
    <message>
        <source>The cluster&apos;s dashboard does not answer: %1. Submitting waits until it answers again.</source>
        <translation>集群的信息中心没有应答：%1。恢复应答之前不能提交作业。</translation>
    </message>
    <message>
        <source>Open job &amp;history</source>
        <translation>打开作业历史(&amp;H)</translation>
    </message>
    <message>
        <source>C&amp;lose window</source>
        <translation>关闭窗口(&amp;L)</translation>
    </message>
    <message>
        <source>View job &amp;logs</source>
        <translation>查看作业日志(&amp;L)</translation>
    </message>
    <message>
        <source>View &amp;node logs</source>
        <translation>查看节点日志(&amp;N)</translation>
    </message>
    <message>
        <source>View cluster l&amp;ogs</source>
        <translation>查看集群日志(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Register model from this job…</source>
        <translation>从此作业注册模型(&amp;R)…</translation>
    </message>
    <message>
        <source>Opens Register model on the gs:// folder the job&apos;s log names (a line &quot;model artifact: gs://…&quot;)</source>
        <translation>在作业日志指出的 gs:// 文件夹上打开“注册模型”（日志中的一行 &quot;model artifact: gs://…&quot;）</translation>
    </message>
    <message>
        <source>Could not read the log of %1: %2</source>
        <translation>无法读取 %1 的日志：%2</translation>
    </message>
    <message>
        <source>The log of %1 names no model: a training job prints &quot;model artifact: gs://…&quot; when it has written one</source>
        <translation>%1 的日志未指出模型：训练作业写出模型后会打印 &quot;model artifact: gs://…&quot;</translation>
    </message>
    <message>
        <source>Jo&amp;bs</source>
        <translation>作业(&amp;B)</translation>
    </message>
    <message>
        <source>Open in &amp;JupyterLab</source>
        <translation>在 JupyterLab 中打开(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>rov::ui::DataPage</name>
    <message>
        <source>Could not read the table: %1</source>
        <translation>无法读取该表：%1</translation>
    </message>
    <message>
        <source>Could not read more rows: %1</source>
        <translation>无法读取更多行：%1</translation>
    </message>
    <message>
        <source>This query will process 0 B (no cost).</source>
        <translation>此查询将处理 0 B（不产生费用）。</translation>
    </message>
    <message>
        <source>less than $0.01</source>
        <translation>不到 0.01 美元</translation>
    </message>
    <message>
        <source>about $%1</source>
        <translation>约 %1 美元</translation>
    </message>
    <message>
        <source>This query will process %1 (%2 on demand).</source>
        <translation>此查询将处理 %1（按需计费 %2）。</translation>
    </message>
    <message>
        <source>Checking the query…</source>
        <translation>正在检查查询…</translation>
    </message>
    <message>
        <source>Could not list the datasets: %1</source>
        <translation>无法列出数据集：%1</translation>
    </message>
    <message>
        <source>No datasets yet. Create one with a query, Google&apos;s client or bq.</source>
        <translation>还没有数据集。可用查询、Google 客户端或 bq 创建。</translation>
    </message>
    <message numerus="yes">
        <source>%n dataset(s)</source>
        <translation>
            <numerusform>%n 个数据集</numerusform>
        </translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>A view has no rows of its own: query it to see them.</source>
        <translation>视图本身没有行：查询它才能看到数据。</translation>
    </message>
    <message>
        <source>%1 of %2 rows loaded; scroll for more. Reading rows here costs nothing.</source>
        <translation>已加载 %1 / %2 行；滚动以加载更多。在此读取行不产生费用。</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>The query failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) affected</source>
        <translation>
            <numerusform>影响了 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 / %2 行</translation>
    </message>
    <message>
        <source>processed %1</source>
        <translation>处理了 %1</translation>
    </message>
    <message>
        <source>billed %1</source>
        <translation>计费 %1</translation>
    </message>
    <message>
        <source>slot time %1 ms</source>
        <translation>槽时间 %1 毫秒</translation>
    </message>
    <message>
        <source>took %1 s</source>
        <translation>耗时 %1 秒</translation>
    </message>
    <message>
        <source>from the cache</source>
        <translation>来自缓存</translation>
    </message>
    <message>
        <source>not cached</source>
        <translation>未使用缓存</translation>
    </message>
    <message>
        <source>job %1</source>
        <translation>作业 %1</translation>
    </message>
    <message>
        <source>Filter datasets and tables</source>
        <translation>筛选数据集和表</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List the datasets and tables again</source>
        <translation>重新列出数据集和表</translation>
    </message>
    <message>
        <source>Press Enter or double-click a table to see its details and rows</source>
        <translation>按 Enter 或双击表，查看其详情和行</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Run the query, or the selected part of it (Ctrl+Enter)</source>
        <translation>运行查询或其中选中的部分（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running query</source>
        <translation>停止正在运行的查询</translation>
    </message>
    <message>
        <source>Write a GoogleSQL query, e.g. SELECT name, COUNT(*) FROM dataset.table GROUP BY name. A dry run says what it will process as you type.</source>
        <translation>编写 GoogleSQL 查询，例如 SELECT name, COUNT(*) FROM dataset.table GROUP BY name。输入时会试运行，显示它将处理的数据量。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>上次修改时间</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Description or query</source>
        <translation>说明或查询</translation>
    </message>
    <message>
        <source>Write a query in the Query tab to see it as code.</source>
        <translation>在“查询”标签页中编写查询，即可在此看到它的代码。</translation>
    </message>
    <message>
        <source>The query in the editor:</source>
        <translation>编辑器中的查询：</translation>
    </message>
    <message>
        <source>Reading the table %1 (no query, no cost):</source>
        <translation>读取表 %1（无需查询，不产生费用）：</translation>
    </message>
    <message>
        <source>Open a table in the explorer to see how code reads it.</source>
        <translation>在资源浏览器中打开一个表，即可看到读取它的代码。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>The query and the open table as curl, Python, bq and a Ray job</source>
        <translation>以 curl、Python、bq 和 Ray 作业的形式显示查询和打开的表</translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON lines files (*.jsonl *.json)</source>
        <translation>JSON Lines 文件 (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Writing %1: %2 of %3 rows</source>
        <translation>正在写入 %1：%2 / %3 行</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>已将 %1 行导出到 %2</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written</source>
        <translation>导出已取消；未写入任何文件</translation>
    </message>
    <message>
        <source>Write the results to a file</source>
        <translation>将结果写入文件</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>JSON lines…</source>
        <translation>JSON Lines…</translation>
    </message>
    <message>
        <source>Save the results to a table</source>
        <translation>将结果保存到表</translation>
    </message>
    <message>
        <source>A new table, as dataset.table (its dataset must exist):</source>
        <translation>新表，格式为 dataset.table（数据集须已存在）：</translation>
    </message>
    <message>
        <source>name the table as dataset.table</source>
        <translation>请按 dataset.table 的格式命名表</translation>
    </message>
    <message>
        <source>Saving the results to %1…</source>
        <translation>正在将结果保存到 %1…</translation>
    </message>
    <message>
        <source>Saved the results to %1</source>
        <translation>已将结果保存到 %1</translation>
    </message>
    <message>
        <source>Could not save the results to %1: %2</source>
        <translation>无法将结果保存到 %1：%2</translation>
    </message>
    <message>
        <source>Save to a table…</source>
        <translation>保存到表…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Your newest BigQuery jobs; open a query again from here</source>
        <translation>您最近的 BigQuery 作业；可在此重新打开查询</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存的查询</translation>
    </message>
    <message>
        <source>Your saved queries for this profile; save the one in the editor</source>
        <translation>此配置文件中已保存的查询；也可保存编辑器中的查询</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the selected cells, tab-separated (Ctrl+C)</source>
        <translation>复制所选单元格，以制表符分隔（Ctrl+C）</translation>
    </message>
</context>
<context>
    <name>rov::ui::DeleteClusterDialog</name>
    <message>
        <source>Delete %1?</source>
        <translation>删除 %1？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Type the cluster id to confirm:</source>
        <translation>输入集群 ID 以确认：</translation>
    </message>
    <message>
        <source>Cluster id to confirm the deletion</source>
        <translation>用于确认删除的集群 ID</translation>
    </message>
    <message>
        <source>Delete the cluster &lt;b&gt;%1&lt;/b&gt;? Every node stops (%2 running now), every job on it ends, and billing for it stops. This cannot be undone.</source>
        <translation>要删除集群 &lt;b&gt;%1&lt;/b&gt; 吗？所有节点都会停止（当前运行 %2 个），其上的所有作业都会结束，计费也随之停止。此操作无法撤消。</translation>
    </message>
</context>
<context>
    <name>rov::ui::DeployDialog</name>
    <message>
        <source>Starting the deployment</source>
        <translation>正在开始部署</translation>
    </message>
    <message>
        <source>Preparing the model</source>
        <translation>正在准备模型</translation>
    </message>
    <message>
        <source>Starting the serving cluster</source>
        <translation>正在启动服务集群</translation>
    </message>
    <message>
        <source>Starting the model server</source>
        <translation>正在启动模型服务器</translation>
    </message>
    <message>
        <source>Finishing up</source>
        <translation>正在收尾</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>已部署</translation>
    </message>
    <message>
        <source>Failed to deploy</source>
        <translation>部署失败</translation>
    </message>
    <message>
        <source>Deploying</source>
        <translation>正在部署</translation>
    </message>
    <message>
        <source>Deploy to endpoint</source>
        <translation>部署到端点</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Endpoint</source>
        <translation>端点(&amp;E)</translation>
    </message>
    <message>
        <source>New endpoint&apos;s &amp;name</source>
        <translation>新端点的名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Deployed model&apos;s name</source>
        <translation>已部署模型的名称(&amp;D)</translation>
    </message>
    <message>
        <source>Mac&amp;hine type</source>
        <translation>机器类型(&amp;H)</translation>
    </message>
    <message>
        <source>ma&amp;ximum</source>
        <translation>最多(&amp;X)</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>&amp;Traffic split</source>
        <translation>流量分配(&amp;T)</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>The same request:</source>
        <translation>同一请求：</translation>
    </message>
    <message>
        <source>De&amp;ploy</source>
        <translation>部署(&amp;P)</translation>
    </message>
    <message>
        <source>New endpoint</source>
        <translation>新端点</translation>
    </message>
    <message>
        <source>e.g. iris</source>
        <translation>例如 iris</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Traffic %</source>
        <translation>流量 %</translation>
    </message>
    <message>
        <source>This model (new)</source>
        <translation>此模型（新）</translation>
    </message>
    <message>
        <source>No price for %1</source>
        <translation>%1 没有价格</translation>
    </message>
    <message>
        <source>$%1 an hour while deployed</source>
        <translation>部署期间每小时 $%1</translation>
    </message>
    <message>
        <source>$%1 an hour at the minimum, up to $%2 at the maximum</source>
        <translation>最少副本时每小时 $%1，最多副本时可达 $%2</translation>
    </message>
    <message>
        <source>Register a model first.</source>
        <translation>请先注册模型。</translation>
    </message>
    <message>
        <source>Name the new endpoint.</source>
        <translation>请为新端点命名。</translation>
    </message>
    <message>
        <source>Creating the endpoint…</source>
        <translation>正在创建端点…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>m&amp;inimum</source>
        <translation>最少(&amp;I)</translation>
    </message>
    <message>
        <source>Not connected: the backend&apos;s session ended</source>
        <translation>未连接：后端会话已结束</translation>
    </message>
</context>
<context>
    <name>rov::ui::EndpointsPage</name>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Deplo&amp;y model…</source>
        <translation>部署模型(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Undeploy…</source>
        <translation>取消部署(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Se&amp;nd (Ctrl+Enter)</source>
        <translation>发送(&amp;N)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Deployed models</source>
        <translation>已部署的模型</translation>
    </message>
    <message>
        <source>Test: send a prediction</source>
        <translation>测试：发送预测请求</translation>
    </message>
    <message>
        <source>Last requests</source>
        <translation>最近的请求</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>%1 of %2–%3</source>
        <translation>%1 / %2–%3</translation>
    </message>
    <message>
        <source>%1: $%2 an hour at the minimum replicas</source>
        <translation>%1：最少副本时每小时 $%2</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>已部署</translation>
    </message>
    <message>
        <source>The request is not a JSON object</source>
        <translation>请求不是 JSON 对象</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>%1 ms · deployed model %2</source>
        <translation>%1 毫秒 · 已部署模型 %2</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Undeploy model</source>
        <translation>取消部署模型</translation>
    </message>
    <message>
        <source>Undeploy &quot;%1&quot;? It stops serving and its replicas stop.</source>
        <translation>取消部署“%1”？它将停止提供服务，其副本也会停止。</translation>
    </message>
    <message>
        <source>No model is deployed to it.</source>
        <translation>该端点没有已部署的模型。</translation>
    </message>
    <message numerus="yes">
        <source>%n deployed model(s) stop serving: %1.</source>
        <translation>
            <numerusform>%n 个已部署模型将停止提供服务：%1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>删除端点</translation>
    </message>
    <message>
        <source>Delete the endpoint &quot;%1&quot;? %2</source>
        <translation>删除端点“%1”？%2</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl</translation>
    </message>
    <message>
        <source>Copy as Python</source>
        <translation>复制为 Python</translation>
    </message>
    <message>
        <source>The request is on the clipboard as Python</source>
        <translation>请求已作为 Python 复制到剪贴板</translation>
    </message>
    <message>
        <source>The request is on the clipboard as curl</source>
        <translation>请求已作为 curl 复制到剪贴板</translation>
    </message>
    <message>
        <source>Send the request (in the request&apos;s box)</source>
        <translation>发送请求（在请求框中）</translation>
    </message>
</context>
<context>
    <name>rov::ui::FailureReport</name>
    <message>
        <source>Hide the node&apos;s Ray log</source>
        <translation>隐藏该节点的 Ray 日志</translation>
    </message>
    <message>
        <source>Show the node&apos;s Ray log</source>
        <translation>显示该节点的 Ray 日志</translation>
    </message>
</context>
<context>
    <name>rov::ui::GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>Find in the guide (Ctrl+F)</source>
        <translation>在指南中查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>The user guide is not here: %1 could not be read. It is installed with the console (share/rov-console/guide) and copied there by every build (scripts/build.sh).</source>
        <translation>用户指南不在此处：无法读取 %1。它随控制台一起安装（share/rov-console/guide），每次构建（scripts/build.sh）也会复制到那里。</translation>
    </message>
    <message>
        <source>%1 is not part of the guide on this computer.</source>
        <translation>%1 不属于本机上的指南。</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>未找到：%1</translation>
    </message>
</context>
<context>
    <name>rov::ui::JobHistoryPage</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Keep jobs and their logs for</source>
        <translation>作业及其日志保留(&amp;K)</translation>
    </message>
    <message>
        <source>Filter jobs by id, name, status or entrypoint</source>
        <translation>按 ID、名称、状态或入口命令筛选作业</translation>
    </message>
    <message>
        <source>The job history could not be opened.</source>
        <translation>无法打开作业历史。</translation>
    </message>
    <message>
        <source>No jobs yet: jobs appear here once a dashboard has shown them.</source>
        <translation>暂无作业：作业在信息中心显示过之后会出现在这里。</translation>
    </message>
    <message>
        <source>Select a job to read its log.</source>
        <translation>选择一个作业以阅读其日志。</translation>
    </message>
    <message>
        <source>The log of %1 was not kept: the job had not ended when the console last saw it.</source>
        <translation>未保留 %1 的日志：控制台最后一次看到该作业时它尚未结束。</translation>
    </message>
    <message>
        <source>Log of %1 (%2)</source>
        <translation>%1 的日志（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1
%n job(s), last seen %2</source>
        <translation>
            <numerusform>%1
%n 个作业，最后见于 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rov::ui::JobsTab</name>
    <message>
        <source>Select a job to see its log.</source>
        <translation>选择一个作业以查看其日志。</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>streaming as it is written</source>
        <translation>随写入实时传输</translation>
    </message>
    <message>
        <source>not available for jobs started by a driver</source>
        <translation>由驱动程序直接启动的作业没有此日志</translation>
    </message>
    <message>
        <source>waiting for the driver to start</source>
        <translation>等待驱动程序启动</translation>
    </message>
    <message>
        <source>Log of %1 (%2)</source>
        <translation>%1 的日志（%2）</translation>
    </message>
</context>
<context>
    <name>rov::ui::JupyterLabWindow</name>
    <message>
        <source>JupyterLab — %1</source>
        <translation>JupyterLab — %1</translation>
    </message>
    <message>
        <source>JupyterLab at %1</source>
        <translation>JupyterLab 位于 %1</translation>
    </message>
    <message>
        <source>JupyterLab at %1 did not answer. Open it again from a cluster.</source>
        <translation>%1 上的 JupyterLab 没有应答。请从集群再次打开它。</translation>
    </message>
    <message>
        <source>JupyterLab at %1 refused the console&apos;s token; it may have been started again by another program. Stop JupyterLab and open it again.</source>
        <translation>%1 上的 JupyterLab 拒绝了控制台的令牌；它可能已被其他程序重新启动。请停止 JupyterLab 后再次打开。</translation>
    </message>
</context>
<context>
    <name>rov::ui::LogView</name>
    <message>
        <source>&amp;Previous</source>
        <translation>上一个(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一个(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Only matching lines</source>
        <translation>仅显示匹配行(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>保存(&amp;S)…</translation>
    </message>
    <message>
        <source>Log lines</source>
        <translation>日志行</translation>
    </message>
    <message>
        <source>Search the log (Enter: next match)</source>
        <translation>搜索日志（回车：下一个匹配）</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>搜索日志</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>Save the log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log)</source>
        <translation>文本文件 (*.txt *.log)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 未能保存：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Save every line of the log to a text file</source>
        <translation>将日志的每一行保存到文本文件</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
    <message>
        <source>Match cas&amp;e</source>
        <translation>区分大小写(&amp;E)</translation>
    </message>
</context>
<context>
    <name>rov::ui::LogVolumeChart</name>
    <message>
        <source>Default, debug</source>
        <translation>默认、调试</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Entries a bucket by severity. Drag across the bars to look at that time</source>
        <translation>每个时间段按严重级别统计的条目数。在柱形上拖动可查看那段时间</translation>
    </message>
</context>
<context>
    <name>rov::ui::LogsPage</name>
    <message>
        <source>Cl&amp;uster:</source>
        <translation>集群(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>节点(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>资源池(&amp;P)：</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>严重级别(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>时间(&amp;T)：</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Debug and up</source>
        <translation>调试及以上</translation>
    </message>
    <message>
        <source>Info and up</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warning and up</source>
        <translation>警告及以上</translation>
    </message>
    <message>
        <source>Error and up</source>
        <translation>错误及以上</translation>
    </message>
    <message>
        <source>Critical and up</source>
        <translation>严重及以上</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最近 1 天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Cloud Logging&apos;s query language: severity&gt;=WARNING labels.&quot;ml.googleapis.com/ray_cluster_id&quot;=&quot;c1&quot; &quot;connection refused&quot;</source>
        <translation>Cloud Logging 查询语言：severity&gt;=WARNING labels.&quot;ml.googleapis.com/ray_cluster_id&quot;=&quot;c1&quot; &quot;connection refused&quot;</translation>
    </message>
    <message>
        <source>&amp;Run query</source>
        <translation>运行查询(&amp;R)</translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Enter)</source>
        <translation>运行查询（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Saved queries</source>
        <translation>已保存的查询(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Live tail</source>
        <translation>实时跟踪(&amp;L)</translation>
    </message>
    <message>
        <source>Show entries as they arrive, every two seconds (Ctrl+L); the table follows them while it is scrolled to its end</source>
        <translation>每两秒显示新到达的条目（Ctrl+L）；表格滚动到末尾时会跟随最新条目</translation>
    </message>
    <message>
        <source>As &amp;JSON lines…</source>
        <translation>导出为 JSON 行(&amp;J)…</translation>
    </message>
    <message>
        <source>As &amp;text…</source>
        <translation>导出为文本(&amp;T)…</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Log entries</source>
        <translation>日志条目</translation>
    </message>
    <message>
        <source>Choose an entry to see all of it</source>
        <translation>选择一个条目以查看其全部内容</translation>
    </message>
    <message>
        <source>Loading the volume…</source>
        <translation>正在加载日志量…</translation>
    </message>
    <message>
        <source>No volume: %1</source>
        <translation>没有日志量：%1</translation>
    </message>
    <message>
        <source>Not connected: the logs come when the backend answers</source>
        <translation>未连接：后端应答后即可查看日志</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <source>Searching… %n page(s) read</source>
        <translation>
            <numerusform>正在搜索… 已读取 %n 页</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries, newest at the bottom</source>
        <translation>
            <numerusform>%n 个条目，最新的在底部</numerusform>
        </translation>
    </message>
    <message>
        <source> · older ones match too</source>
        <translation> · 还有更早的匹配条目</translation>
    </message>
    <message>
        <source> · following live</source>
        <translation> · 正在实时跟踪</translation>
    </message>
    <message>
        <source>The backend refused the query: %1</source>
        <translation>后端拒绝了查询：%1</translation>
    </message>
    <message>
        <source>The logs could not be read: %1</source>
        <translation>无法读取日志：%1</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy as &amp;JSON</source>
        <translation>复制为 JSON(&amp;J)</translation>
    </message>
    <message>
        <source>Show &amp;surrounding entries</source>
        <translation>显示前后条目(&amp;S)</translation>
    </message>
    <message>
        <source>Only this &amp;node</source>
        <translation>只看此节点(&amp;N)</translation>
    </message>
    <message>
        <source>Only this &amp;log</source>
        <translation>只看此日志(&amp;L)</translation>
    </message>
    <message>
        <source>Export the entries</source>
        <translation>导出条目</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json)</source>
        <translation>JSON 行 (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>Text files (*.txt *.log)</source>
        <translation>文本文件 (*.txt *.log)</translation>
    </message>
    <message>
        <source>Exporting the entries that match…</source>
        <translation>正在导出匹配的条目…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries…</source>
        <translation>
            <numerusform>已导出 %n 个条目…</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation>已取消导出；未写入任何内容</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1</source>
        <translation>
            <numerusform>已将 %n 个条目导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>L&amp;og:</source>
        <translation>日志(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Job:</source>
        <translation>作业(&amp;J)：</translation>
    </message>
    <message>
        <source>Load ol&amp;der</source>
        <translation>加载更早的(&amp;D)</translation>
    </message>
    <message>
        <source>Run the query</source>
        <translation>运行查询</translation>
    </message>
    <message>
        <source>Live tail on or off</source>
        <translation>开启或关闭实时跟踪</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>No volume for rovd&apos;s own logs: the bars count the clusters&apos; entries</source>
        <translation>rovd 自身的日志没有流量图：柱状图只统计集群的条目</translation>
    </message>
</context>
<context>
    <name>rov::ui::MachineFields</name>
    <message>
        <source>Machine type</source>
        <translation>机器类型</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Accelerator type</source>
        <translation>加速器类型</translation>
    </message>
    <message>
        <source>This backend has no accelerators</source>
        <translation>此后端没有加速器</translation>
    </message>
    <message>
        <source>Accelerator count</source>
        <translation>加速器数量</translation>
    </message>
    <message>
        <source>SSD persistent disk</source>
        <translation>SSD 永久性磁盘</translation>
    </message>
    <message>
        <source>Standard persistent disk</source>
        <translation>标准永久性磁盘</translation>
    </message>
    <message>
        <source>Boot disk type</source>
        <translation>启动磁盘类型</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Boot disk size</source>
        <translation>启动磁盘大小</translation>
    </message>
    <message>
        <source>Machine type:</source>
        <translation>机器类型：</translation>
    </message>
    <message>
        <source>Accelerator:</source>
        <translation>加速器：</translation>
    </message>
    <message>
        <source>Accelerator count:</source>
        <translation>加速器数量：</translation>
    </message>
    <message>
        <source>Boot disk type:</source>
        <translation>启动磁盘类型：</translation>
    </message>
    <message>
        <source>Boot disk size:</source>
        <translation>启动磁盘大小：</translation>
    </message>
    <message>
        <source>%1 (%2 vCPU, %3 GB, $%4/h)</source>
        <translation>%1（%2 个 vCPU，%3 GB，$%4/小时）</translation>
    </message>
</context>
<context>
    <name>rov::ui::MainWindow</name>
    <message>
        <source>Ray on Vertex AI Console</source>
        <translation>Vertex AI 上的 Ray 控制台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <source>%1 %2
A desktop console for Ray clusters on Vertex AI.</source>
        <translation>%1 %2
Vertex AI 上 Ray 集群的桌面控制台。</translation>
    </message>
    <message>
        <source>Could not list the clusters: %1</source>
        <translation>无法列出集群：%1</translation>
    </message>
    <message>
        <source>No clusters yet. Create one with Ctrl+N.</source>
        <translation>还没有集群。按 Ctrl+N 创建一个。</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>正在刷新…</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>正在创建 %1…</translation>
    </message>
    <message>
        <source>Scaling failed</source>
        <translation>扩缩失败</translation>
    </message>
    <message>
        <source>%1 was not scaled: %2</source>
        <translation>%1 未能扩缩：%2</translation>
    </message>
    <message>
        <source>Scaling %1…</source>
        <translation>正在扩缩 %1…</translation>
    </message>
    <message>
        <source>%1 was scaled</source>
        <translation>%1 已扩缩</translation>
    </message>
    <message>
        <source>Reboot %1?</source>
        <translation>重启 %1？</translation>
    </message>
    <message>
        <source>Every node of %1 restarts; running jobs end.</source>
        <translation>%1 的每个节点都会重启；正在运行的作业会结束。</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
    <message>
        <source>Reboot failed</source>
        <translation>重启失败</translation>
    </message>
    <message>
        <source>%1 was not rebooted: %2</source>
        <translation>%1 未能重启：%2</translation>
    </message>
    <message>
        <source>Rebooting %1…</source>
        <translation>正在重启 %1…</translation>
    </message>
    <message>
        <source>%1 is running again</source>
        <translation>%1 已重新运行</translation>
    </message>
    <message>
        <source>Deletion failed</source>
        <translation>删除失败</translation>
    </message>
    <message>
        <source>%1 was not deleted: %2</source>
        <translation>%1 未能删除：%2</translation>
    </message>
    <message>
        <source>Deleting %1…</source>
        <translation>正在删除 %1…</translation>
    </message>
    <message>
        <source>%1 was deleted</source>
        <translation>%1 已删除</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <source>&amp;Clusters</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <source>Cluster actions</source>
        <translation>集群操作</translation>
    </message>
    <message>
        <source>&amp;Project setup…</source>
        <translation>项目设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Create cluster…</source>
        <translation>创建集群(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Scale…</source>
        <translation>扩缩(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Reboot…</source>
        <translation>重启(&amp;R)…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除(&amp;L)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>The job history is not available: %1</source>
        <translation>作业历史不可用：%1</translation>
    </message>
    <message numerus="yes">
        <source>Closed %n window(s) of %1: %2</source>
        <translation>
            <numerusform>已关闭 %1 的 %n 个窗口：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: cancelled; the backend was switched</source>
        <translation>%1：已取消；后端已切换</translation>
    </message>
    <message>
        <source>No longer following &quot;%1&quot;: the backend was switched</source>
        <translation>不再跟踪“%1”：后端已切换</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>立即重试(&amp;R)</translation>
    </message>
    <message>
        <source>Ask the backend again at once instead of waiting for the next try</source>
        <translation>立即再次询问后端，而不是等待下一次重试</translation>
    </message>
    <message>
        <source>&amp;Start rovd</source>
        <translation>启动 rovd(&amp;S)</translation>
    </message>
    <message>
        <source>Start the local control plane again; its clusters are adopted as they are</source>
        <translation>重新启动本地控制平面；它的集群会按原样接管</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Ray clusters</source>
        <translation>Ray 集群</translation>
    </message>
    <message>
        <source>The Ray clusters of the project: create, scale, reboot, delete</source>
        <translation>项目的 Ray 集群：创建、扩缩、重启、删除</translation>
    </message>
    <message>
        <source>Job history</source>
        <translation>作业历史</translation>
    </message>
    <message>
        <source>Every job the console saw, with its final log, after its cluster is gone</source>
        <translation>控制台见过的每个作业及其最终日志，集群删除后仍然保留</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Every Ray dashboard window has its own: see its menus</source>
        <translation>每个 Ray 信息中心窗口有自己的快捷键：请查看其菜单</translation>
    </message>
    <message>
        <source>The console started rovd (pid %1); it keeps running after you quit</source>
        <translation>控制台启动了 rovd（pid %1）；退出控制台后它仍会运行</translation>
    </message>
    <message>
        <source>rovd (pid %1) keeps running after you quit</source>
        <translation>退出控制台后 rovd（pid %1）仍会运行</translation>
    </message>
    <message>
        <source>rovd and its Ray clusters keep running when the console closes, so that jobs go on. Stop rovd in File → Project setup; its clusters are adopted when it starts again.</source>
        <translation>控制台关闭后，rovd 及其 Ray 集群仍会运行，作业不会中断。可在“文件 → 项目设置”中停止 rovd；再次启动时它会接管这些集群。</translation>
    </message>
    <message>
        <source>Cop&amp;y connection snippet</source>
        <translation>复制连接代码(&amp;Y)</translation>
    </message>
    <message>
        <source>Open Ray dash&amp;board</source>
        <translation>打开 Ray 仪表板(&amp;B)</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>Charts of the clusters&apos; metrics: CPU, memory, tasks, actors, nodes, network and disk, live or after a cluster is gone</source>
        <translation>集群指标图表：CPU、内存、任务、actor、节点、网络和磁盘，集群运行时或删除后均可查看</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Every Ray log of every node, searched with Cloud Logging&apos;s query language, followed live, and kept after a cluster is gone</source>
        <translation>每个节点的所有 Ray 日志：用 Cloud Logging 查询语言搜索，可实时跟踪，集群删除后仍然保留</translation>
    </message>
    <message>
        <source>Model Registry</source>
        <translation>模型注册表</translation>
    </message>
    <message>
        <source>Models to serve: register one from a folder or a job&apos;s gs:// output, then deploy it to an endpoint</source>
        <translation>要提供服务的模型：从文件夹或作业的 gs:// 输出注册模型，然后部署到端点</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Deployed models that answer predictions: traffic split, replicas, and a panel to test them</source>
        <translation>响应预测请求的已部署模型：流量分配、副本以及测试面板</translation>
    </message>
    <message>
        <source>Refreshing the clusters; try again in a moment</source>
        <translation>正在刷新集群列表；请稍后再试</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>BigQuery: datasets and tables, their rows, and GoogleSQL queries with their cost before they run</source>
        <translation>BigQuery：数据集和表、表中的行，以及运行前即可看到费用的 GoogleSQL 查询</translation>
    </message>
    <message>
        <source>Batch predictions</source>
        <translation>批量预测</translation>
    </message>
    <message>
        <source>A registered model applied to a file or a table of instances on Ray Data: progress, cost, the predictions and the errors</source>
        <translation>在 Ray Data 上用已注册的模型处理一个文件或一张表中的实例：进度、费用、预测结果和错误</translation>
    </message>
    <message>
        <source>Open in JupyterLab</source>
        <translation>在 JupyterLab 中打开</translation>
    </message>
    <message>
        <source>Opening %1 in JupyterLab…</source>
        <translation>正在 JupyterLab 中打开 %1…</translation>
    </message>
    <message>
        <source>Starting JupyterLab for %1…</source>
        <translation>正在为 %1 启动 JupyterLab…</translation>
    </message>
    <message>
        <source>JupyterLab runs at %1 (notebooks in %2); Clusters &gt; Stop JupyterLab stops it.</source>
        <translation>JupyterLab 运行于 %1（笔记本位于 %2）；“集群 &gt; 停止 JupyterLab”可停止它。</translation>
    </message>
    <message>
        <source>JupyterLab is stopping; its kernels end with it.</source>
        <translation>JupyterLab 正在停止；其内核随之结束。</translation>
    </message>
    <message>
        <source>Open in &amp;JupyterLab</source>
        <translation>在 JupyterLab 中打开(&amp;J)</translation>
    </message>
    <message>
        <source>S&amp;top JupyterLab</source>
        <translation>停止 JupyterLab(&amp;T)</translation>
    </message>
    <message>
        <source>Open in Colab &amp;Enterprise</source>
        <translation>在 Colab Enterprise 中打开(&amp;E)</translation>
    </message>
    <message>
        <source>Google Cloud&apos;s Ray on Vertex AI page, where each cluster&apos;s row opens a Colab Enterprise notebook connected to it</source>
        <translation>Google Cloud 的 Ray on Vertex AI 页面，其中每个集群所在行都可打开一个已连接到该集群的 Colab Enterprise 笔记本</translation>
    </message>
    <message>
        <source>rovd (pid %1) is your systemd user service; it keeps running after you quit (systemctl --user status rovd)</source>
        <translation>rovd（pid %1）是您的 systemd 用户服务；退出后它仍会运行（systemctl --user status rovd）</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>The user guide at this page&apos;s section, in the console&apos;s language</source>
        <translation>以控制台的语言打开用户指南中本页面的章节</translation>
    </message>
</context>
<context>
    <name>rov::ui::ModelsPage</name>
    <message>
        <source>Model Registry</source>
        <translation>模型注册表</translation>
    </message>
    <message>
        <source>&amp;Register model…</source>
        <translation>注册模型(&amp;R)…</translation>
    </message>
    <message>
        <source>Deplo&amp;y to endpoint…</source>
        <translation>部署到端点(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Registered %1</source>
        <translation>已注册 %1</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Delete the model &quot;%1&quot;? Its registration goes; the files in %2 stay.</source>
        <translation>删除模型“%1”？其注册将被删除；%2 中的文件保留。</translation>
    </message>
    <message>
        <source>&amp;Batch predict…</source>
        <translation>批量预测(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>rov::ui::MonitoringPage</name>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最近 1 天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Auto-refresh off</source>
        <translation>不自动刷新</translation>
    </message>
    <message numerus="yes">
        <source>Every %n second(s)</source>
        <translation>
            <numerusform>每 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh &amp;now</source>
        <translation>立即刷新(&amp;N)</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Auto-refresh</source>
        <translation>自动刷新</translation>
    </message>
    <message>
        <source>Cl&amp;uster:</source>
        <translation>集群(&amp;U)：</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Zoomed in to %1–%2; double-click a chart to go back</source>
        <translation>已放大到 %1–%2；双击图表可返回</translation>
    </message>
    <message>
        <source>&amp;Add chart…</source>
        <translation>添加图表(&amp;A)…</translation>
    </message>
    <message>
        <source>A chart of your own PromQL, kept with this profile</source>
        <translation>用您自己的 PromQL 绘制的图表，随此配置保存</translation>
    </message>
</context>
<context>
    <name>rov::ui::NetworkPage</name>
    <message>
        <source>Public endpoint (default)</source>
        <translation>公共端点（默认）</translation>
    </message>
    <message>
        <source>VPC network peering</source>
        <translation>VPC 网络对等互连</translation>
    </message>
    <message>
        <source>Private Service Connect interface</source>
        <translation>Private Service Connect 接口</translation>
    </message>
    <message>
        <source>Export Ray metrics to Cloud Monitoring</source>
        <translation>将 Ray 指标导出到 Cloud Monitoring</translation>
    </message>
    <message>
        <source>Export Ray logs to Cloud Logging</source>
        <translation>将 Ray 日志导出到 Cloud Logging</translation>
    </message>
    <message>
        <source>Networking and security</source>
        <translation>网络和安全</translation>
    </message>
    <message>
        <source>All optional. The local backend records these settings; Google Cloud applies them.</source>
        <translation>均为可选项。本地后端会记录这些设置；Google Cloud 会应用它们。</translation>
    </message>
    <message>
        <source>projects/PROJECT_NUMBER/global/networks/NETWORK</source>
        <translation>projects/PROJECT_NUMBER/global/networks/NETWORK</translation>
    </message>
    <message>
        <source>reserved ranges, comma separated</source>
        <translation>预留范围，以逗号分隔</translation>
    </message>
    <message>
        <source>projects/PROJECT/regions/REGION/networkAttachments/ATTACHMENT</source>
        <translation>projects/PROJECT/regions/REGION/networkAttachments/ATTACHMENT</translation>
    </message>
    <message>
        <source>default: the Vertex AI service agent</source>
        <translation>默认：Vertex AI 服务代理</translation>
    </message>
    <message>
        <source>projects/P/locations/L/keyRings/R/cryptoKeys/K</source>
        <translation>projects/P/locations/L/keyRings/R/cryptoKeys/K</translation>
    </message>
    <message>
        <source>one key=value per line</source>
        <translation>每行一个 key=value</translation>
    </message>
    <message>
        <source>VPC network</source>
        <translation>VPC 网络</translation>
    </message>
    <message>
        <source>Reserved IP ranges</source>
        <translation>预留 IP 范围</translation>
    </message>
    <message>
        <source>Network attachment</source>
        <translation>网络连接</translation>
    </message>
    <message>
        <source>Service account</source>
        <translation>服务账号</translation>
    </message>
    <message>
        <source>Encryption key</source>
        <translation>加密密钥</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Networking</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>网络：</translation>
    </message>
    <message>
        <source>Reserved IP ranges:</source>
        <translation>预留 IP 范围：</translation>
    </message>
    <message>
        <source>Network attachment:</source>
        <translation>网络连接：</translation>
    </message>
    <message>
        <source>Security and observability</source>
        <translation>安全与可观测性</translation>
    </message>
    <message>
        <source>Service account:</source>
        <translation>服务账号：</translation>
    </message>
    <message>
        <source>Encryption key (CMEK):</source>
        <translation>加密密钥（CMEK）：</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>VPC peering needs the network&apos;s full name.</source>
        <translation>VPC 对等互连需要网络的完整名称。</translation>
    </message>
    <message>
        <source>A PSC interface needs a network attachment.</source>
        <translation>PSC 接口需要一个网络连接。</translation>
    </message>
    <message>
        <source>Label &quot;%1&quot;: write key=value; keys start with a lower-case letter.</source>
        <translation>标签“%1”：请写成 key=value；键以小写字母开头。</translation>
    </message>
</context>
<context>
    <name>rov::ui::NodesTab</name>
    <message>
        <source>Select a node to see its labels and resources.</source>
        <translation>选择一个节点以查看其标签和资源。</translation>
    </message>
    <message>
        <source>Node id: %1</source>
        <translation>节点 ID：%1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>启动时间：%1</translation>
    </message>
    <message>
        <source>Logical resources:</source>
        <translation>逻辑资源：</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>标签：</translation>
    </message>
</context>
<context>
    <name>rov::ui::OverviewTab</name>
    <message>
        <source>Ray version:</source>
        <translation>Ray 版本：</translation>
    </message>
    <message>
        <source>Up for:</source>
        <translation>已运行：</translation>
    </message>
    <message>
        <source>Nodes:</source>
        <translation>节点：</translation>
    </message>
    <message>
        <source>Jobs:</source>
        <translation>作业：</translation>
    </message>
    <message>
        <source>Dashboard:</source>
        <translation>信息中心：</translation>
    </message>
    <message>
        <source>Logical resources in use</source>
        <translation>已使用的逻辑资源</translation>
    </message>
    <message>
        <source>Waiting for resources</source>
        <translation>等待资源</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Object store</source>
        <translation>对象存储</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Not known yet.</source>
        <translation>尚不清楚。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 × {%2}</source>
        <translation>%1 × {%2}</translation>
    </message>
    <message>
        <source>Nothing is waiting: every task and actor has the resources it asked for.</source>
        <translation>没有等待：每个任务和 Actor 都已获得所需资源。</translation>
    </message>
    <message>
        <source>Waiting for a node with room: %1</source>
        <translation>正在等待有空余资源的节点：%1</translation>
    </message>
</context>
<context>
    <name>rov::ui::PoolEditor</name>
    <message>
        <source>Worker pool %1</source>
        <translation>工作器池 %1</translation>
    </message>
    <message>
        <source>Fixed size</source>
        <translation>固定大小</translation>
    </message>
    <message>
        <source>Autoscaling</source>
        <translation>自动扩缩</translation>
    </message>
    <message>
        <source>Pool id</source>
        <translation>池 ID</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Minimum nodes</source>
        <translation>最少节点数</translation>
    </message>
    <message>
        <source>Maximum nodes</source>
        <translation>最多节点数</translation>
    </message>
    <message>
        <source>Remove pool</source>
        <translation>移除池</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最少</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最多</translation>
    </message>
    <message>
        <source>Pool id:</source>
        <translation>池 ID：</translation>
    </message>
    <message>
        <source>Nodes:</source>
        <translation>节点：</translation>
    </message>
</context>
<context>
    <name>rov::ui::ProjectSetupDialog</name>
    <message>
        <source>This computer (rovd, real Ray clusters here)</source>
        <translation>本机（rovd，在本机运行真实的 Ray 集群）</translation>
    </message>
    <message>
        <source>Google Cloud (Vertex AI)</source>
        <translation>Google Cloud（Vertex AI）</translation>
    </message>
    <message>
        <source>Project setup</source>
        <translation>项目设置</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>配置文件名称</translation>
    </message>
    <message>
        <source>&amp;New profile</source>
        <translation>新建配置文件(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>配置文件：</translation>
    </message>
    <message>
        <source>rovd address:</source>
        <translation>rovd 地址：</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <translation>数据目录：</translation>
    </message>
    <message>
        <source>Application default credentials</source>
        <translation>应用默认凭据</translation>
    </message>
    <message>
        <source>Service account key file</source>
        <translation>服务账号密钥文件</translation>
    </message>
    <message>
        <source>Command that prints a token</source>
        <translation>输出令牌的命令</translation>
    </message>
    <message>
        <source>Access token (pasted)</source>
        <translation>访问令牌（粘贴）</translation>
    </message>
    <message>
        <source>Project id:</source>
        <translation>项目 ID：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>基础 URL：</translation>
    </message>
    <message>
        <source>Credentials:</source>
        <translation>凭据：</translation>
    </message>
    <message>
        <source>Token command:</source>
        <translation>令牌命令：</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>访问令牌：</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Save and use</source>
        <translation>保存并使用</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新配置文件</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>rovd starts when this profile is used.</source>
        <translation>使用此配置文件时会启动 rovd。</translation>
    </message>
    <message>
        <source>Status: %1
Version: %2
Data directory: %3
Ray versions it runs: %4</source>
        <translation>状态：%1
版本：%2
数据目录：%3
可运行的 Ray 版本：%4</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>正在测试 %1…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>rovd address</source>
        <translation>rovd 地址</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <source>Project id</source>
        <translation>项目 ID</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <source>Token command</source>
        <translation>令牌命令</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <source>Ask rovd to stop. Its Ray clusters keep running, and the next rovd adopts them; use Start rovd or this console to start it again.</source>
        <translation>请求 rovd 停止。它的 Ray 集群会继续运行，下一个 rovd 会接管它们；可用“启动 rovd”或本控制台再次启动它。</translation>
    </message>
    <message>
        <source>rovd (pid %1) keeps running after the console closes, and so do its clusters.</source>
        <translation>控制台关闭后，rovd（pid %1）及其集群仍会运行。</translation>
    </message>
    <message>
        <source>rovd is not running.</source>
        <translation>rovd 未在运行。</translation>
    </message>
    <message>
        <source>Asked rovd (pid %1) to stop. Its clusters keep running; the next rovd adopts them.</source>
        <translation>已请求 rovd（pid %1）停止。它的集群会继续运行；下一个 rovd 会接管它们。</translation>
    </message>
    <message>
        <source>Sto&amp;p rovd</source>
        <translation>停止 rovd(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>JSON key (*.json);;All files (*)</source>
        <translation>JSON 密钥 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>密钥文件(&amp;K)：</translation>
    </message>
    <message>
        <source>Signs in as %1, with %2.</source>
        <translation>将以 %1 身份登录，凭据来自%2。</translation>
    </message>
    <message>
        <source>Pasted tokens are kept in the desktop keyring.</source>
        <translation>粘贴的令牌保存在桌面密钥环中。</translation>
    </message>
    <message>
        <source>No desktop keyring answers (%1); pasted tokens are kept in %2, readable by you alone.</source>
        <translation>没有可用的桌面密钥环（%1）；粘贴的令牌保存在 %2 中，只有您可以读取。</translation>
    </message>
    <message>
        <source>Saving the token…</source>
        <translation>正在保存令牌…</translation>
    </message>
    <message>
        <source>The token was not saved: %1</source>
        <translation>令牌未保存：%1</translation>
    </message>
    <message>
        <source> The credentials belong to project %1.</source>
        <translation>这些凭据属于项目 %1。</translation>
    </message>
    <message>
        <source>No credentials file was found, so the console will ask the metadata server (%1), which only Google Cloud VMs have. Elsewhere, run &quot;gcloud auth application-default login&quot; or choose a service account key file.</source>
        <translation>未找到凭据文件，因此控制台将询问元数据服务器（%1），只有 Google Cloud 虚拟机才有它。在其他地方，请运行“gcloud auth application-default login”或选择服务账号密钥文件。</translation>
    </message>
    <message>
        <source>Stop rovd?</source>
        <translation>停止 rovd？</translation>
    </message>
    <message>
        <source>The console cannot reach this computer&apos;s backend until rovd starts again. Ray clusters keep running, and the next rovd adopts them.</source>
        <translation>在 rovd 再次启动之前，控制台无法连接本机的后端。Ray 集群会继续运行，下一个 rovd 会接管它们。</translation>
    </message>
    <message>
        <source>Stop rovd</source>
        <translation>停止 rovd</translation>
    </message>
    <message>
        <source>Failed: %1 cannot be found. There is no network, or the name does not exist.</source>
        <translation>失败：找不到 %1。没有网络连接，或该名称不存在。</translation>
    </message>
    <message>
        <source>Failed: %1 does not answer.</source>
        <translation>失败：%1 没有应答。</translation>
    </message>
</context>
<context>
    <name>rov::ui::PythonSetupWindow</name>
    <message>
        <source>Setting up Python for Ray</source>
        <translation>正在为 Ray 设置 Python</translation>
    </message>
    <message>
        <source>The first start sets up what rovd needs to run Ray</source>
        <translation>首次启动会设置 rovd 运行 Ray 所需的环境</translation>
    </message>
    <message>
        <source>Ray and the packages it works with are installed from PyPI into %1, for you alone and without administrator rights. It takes a few minutes and happens once; the clusters page opens when it is done.</source>
        <translation>Ray 及其配套的软件包将从 PyPI 安装到 %1，仅供您使用，无需管理员权限。这需要几分钟，且只进行一次；完成后会打开集群页面。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>rov::ui::QueryHistoryView</name>
    <message>
        <source>Loading your jobs…</source>
        <translation>正在加载您的作业…</translation>
    </message>
    <message>
        <source>No jobs yet: the queries you run appear here.</source>
        <translation>尚无作业：您运行的查询会显示在这里。</translation>
    </message>
    <message numerus="yes">
        <source>Your %n newest job(s). Enter or a double-click opens a query in the editor.</source>
        <translation>
            <numerusform>您最近的 %n 个作业。按 Enter 或双击可在编辑器中打开查询。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not list your jobs: %1</source>
        <translation>无法列出您的作业：%1</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>List your jobs again</source>
        <translation>重新列出您的作业</translation>
    </message>
    <message>
        <source>Open in editor</source>
        <translation>在编辑器中打开</translation>
    </message>
    <message>
        <source>Put the selected query in the Query tab&apos;s editor</source>
        <translation>将所选查询放入“查询”标签页的编辑器</translation>
    </message>
</context>
<context>
    <name>rov::ui::RegisterModelDialog</name>
    <message>
        <source>Register model</source>
        <translation>注册模型</translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation>显示名称(&amp;D)</translation>
    </message>
    <message>
        <source>Framework</source>
        <translation>框架</translation>
    </message>
    <message>
        <source>Prebuilt image</source>
        <translation>预构建镜像</translation>
    </message>
    <message>
        <source>From a f&amp;older on this computer</source>
        <translation>来自本机的文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>&amp;Upload to</source>
        <translation>上传到(&amp;U)</translation>
    </message>
    <message>
        <source>From a Cloud &amp;Storage folder (a job&apos;s output)</source>
        <translation>来自 Cloud Storage 文件夹（作业的输出）(&amp;S)</translation>
    </message>
    <message>
        <source>gs:// fo&amp;lder</source>
        <translation>gs:// 文件夹(&amp;L)</translation>
    </message>
    <message>
        <source>e.g. Iris classifier</source>
        <translation>例如 鸢尾花分类器</translation>
    </message>
    <message>
        <source>A folder that holds model.pkl, model.joblib or model.bst</source>
        <translation>包含 model.pkl、model.joblib 或 model.bst 的文件夹</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>注册(&amp;R)</translation>
    </message>
    <message>
        <source>Give the model a display name.</source>
        <translation>请为模型指定显示名称。</translation>
    </message>
    <message>
        <source>The Cloud Storage folder starts with gs://.</source>
        <translation>Cloud Storage 文件夹以 gs:// 开头。</translation>
    </message>
    <message>
        <source>Choose the folder that holds the model&apos;s files.</source>
        <translation>请选择包含模型文件的文件夹。</translation>
    </message>
    <message>
        <source>The folder holds none of the files the image loads: %1.</source>
        <translation>该文件夹中没有镜像可加载的文件：%1。</translation>
    </message>
    <message>
        <source>Upload to a gs://bucket/folder.</source>
        <translation>请上传到 gs://存储桶/文件夹。</translation>
    </message>
    <message>
        <source>The model&apos;s folder</source>
        <translation>模型的文件夹</translation>
    </message>
    <message>
        <source>Uploading %1 (%2 of %3)…</source>
        <translation>正在上传 %1（第 %2 个，共 %3 个）…</translation>
    </message>
    <message>
        <source>Could not upload %1: %2</source>
        <translation>无法上传 %1：%2</translation>
    </message>
    <message>
        <source>Registering %1…</source>
        <translation>正在注册 %1…</translation>
    </message>
    <message>
        <source>The same request:</source>
        <translation>同一请求：</translation>
    </message>
    <message>
        <source>Not connected: the backend&apos;s session ended</source>
        <translation>未连接：后端会话已结束</translation>
    </message>
</context>
<context>
    <name>rov::ui::ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>REST request</source>
        <translation>REST 请求</translation>
    </message>
    <message>
        <source>Python (Vertex AI SDK)</source>
        <translation>Python（Vertex AI SDK）</translation>
    </message>
    <message>
        <source>Head: %1</source>
        <translation>头节点：%1</translation>
    </message>
    <message>
        <source>%1: %2, autoscaling %3–%4 nodes</source>
        <translation>%1：%2，自动扩缩 %3–%4 个节点</translation>
    </message>
    <message>
        <source>%1: %2 × %3</source>
        <translation>%1：%2 × %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; in %2, Ray %3, Python %4&lt;br&gt;%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;，位于 %2，Ray %3，Python %4&lt;br&gt;%5</translation>
    </message>
    <message>
        <source>Estimated cost: $%1 per hour while running</source>
        <translation>估算费用：运行时每小时 $%1</translation>
    </message>
    <message>
        <source>Estimated cost: $%1 to $%2 per hour while running</source>
        <translation>估算费用：运行时每小时 $%1 至 $%2</translation>
    </message>
    <message>
        <source> (some machine types have no list price here)</source>
        <translation>（部分机器类型在此没有目录价格）</translation>
    </message>
    <message>
        <source> — an estimate from on-demand list prices.</source>
        <translation> — 按需目录价格的估算值。</translation>
    </message>
    <message>
        <source>A cluster with this id exists already.</source>
        <translation>已存在使用此 ID 的集群。</translation>
    </message>
    <message>
        <source>The backend refused the cluster: %1</source>
        <translation>后端拒绝了该集群：%1</translation>
    </message>
    <message>
        <source>The connection to the backend was closed; open the wizard again.</source>
        <translation>与后端的连接已关闭；请重新打开向导。</translation>
    </message>
</context>
<context>
    <name>rov::ui::SavedQueriesMenu</name>
    <message>
        <source>&amp;Save this query…</source>
        <translation>保存此查询(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Save the query</source>
        <translation>保存查询</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>rov::ui::ScaleDialog</name>
    <message>
        <source>Scale %1</source>
        <translation>扩缩 %1</translation>
    </message>
    <message>
        <source>Only the node counts of existing worker pools can change, and a worker pool never goes below 1 node. The head pool and autoscaling pools keep their size.</source>
        <translation>只能更改现有工作器池的节点数，且工作器池不能少于 1 个节点。头节点池和自动扩缩池保持原有大小。</translation>
    </message>
    <message>
        <source>autoscaling, %1 to %2 nodes (now %3)</source>
        <translation>自动扩缩，%1 到 %2 个节点（当前 %3 个）</translation>
    </message>
    <message>
        <source>Nodes in pool %1</source>
        <translation>池 %1 中的节点数</translation>
    </message>
    <message>
        <source>%1 (%2):</source>
        <translation>%1（%2）：</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>扩缩</translation>
    </message>
    <message>
        <source>Send the new node counts</source>
        <translation>发送新的节点数</translation>
    </message>
    <message>
        <source>Change a node count first</source>
        <translation>请先更改节点数</translation>
    </message>
    <message>
        <source>Cost per hour (estimate): %1</source>
        <translation>每小时费用（估算）：%1</translation>
    </message>
    <message>
        <source>Cost per hour (estimate): %1 now, %2 after scaling</source>
        <translation>每小时费用（估算）：当前 %1，扩缩后 %2</translation>
    </message>
</context>
<context>
    <name>rov::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A window of the console</source>
        <translation>控制台的窗口</translation>
    </message>
    <message>
        <source>The system browser</source>
        <translation>系统浏览器</translation>
    </message>
    <message>
        <source>Open &amp;JupyterLab in:</source>
        <translation>JupyterLab 打开位置(&amp;J)：</translation>
    </message>
</context>
<context>
    <name>rov::ui::SnippetTabs</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the request shown</source>
        <translation>复制显示的请求</translation>
    </message>
</context>
<context>
    <name>rov::ui::StoragePickerDialog</name>
    <message>
        <source>Choose from Cloud Storage</source>
        <translation>从 Cloud Storage 选择</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>C&amp;hoose</source>
        <translation>选择(&amp;H)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Listing the buckets…</source>
        <translation>正在列出存储桶…</translation>
    </message>
    <message>
        <source>Could not list the buckets: %1</source>
        <translation>无法列出存储桶：%1</translation>
    </message>
    <message>
        <source>The project has no buckets.</source>
        <translation>该项目没有存储桶。</translation>
    </message>
    <message>
        <source>Listing %1…</source>
        <translation>正在列出 %1…</translation>
    </message>
    <message>
        <source>Could not list %1: %2</source>
        <translation>无法列出 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds more than is shown: the first 1,000 names.</source>
        <translation>%1 中的内容多于显示的内容：只显示前 1,000 个名称。</translation>
    </message>
</context>
<context>
    <name>rov::ui::SubmitJobDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>NAME=value, one per line</source>
        <translation>NAME=value，每行一个</translation>
    </message>
    <message>
        <source>key=value, one per line</source>
        <translation>key=value，每行一个</translation>
    </message>
    <message>
        <source>The same with the Ray CLI</source>
        <translation>等效的 Ray 命令行</translation>
    </message>
    <message>
        <source>Submit a job</source>
        <translation>提交作业</translation>
    </message>
    <message>
        <source>None: my own command</source>
        <translation>无：使用我自己的命令</translation>
    </message>
    <message>
        <source>python main.py --epochs 3</source>
        <translation>python main.py --epochs 3</translation>
    </message>
    <message>
        <source>Optional: a local folder sent to the cluster (≤ 100 MiB)</source>
        <translation>可选：发送到集群的本地文件夹（≤ 100 MiB）</translation>
    </message>
    <message>
        <source>Ray&apos;s default</source>
        <translation>Ray 默认值</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>name=amount, for example: accelerator=1</source>
        <translation>name=amount，例如：accelerator=1</translation>
    </message>
    <message>
        <source>Optional: Ray makes one up</source>
        <translation>可选：由 Ray 生成</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>提交(&amp;S)</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>S&amp;ample:</source>
        <translation>示例(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Entrypoint:</source>
        <translation>入口命令(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Working directory:</source>
        <translation>工作目录(&amp;W)：</translation>
    </message>
    <message>
        <source>En&amp;vironment:</source>
        <translation>环境变量(&amp;V)：</translation>
    </message>
    <message>
        <source>Entrypoint resources:</source>
        <translation>入口命令资源：</translation>
    </message>
    <message>
        <source>Custom &amp;resources:</source>
        <translation>自定义资源(&amp;R)：</translation>
    </message>
    <message>
        <source>Job &amp;name:</source>
        <translation>作业名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Submission &amp;id:</source>
        <translation>提交 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>元数据(&amp;M)：</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>工作目录</translation>
    </message>
    <message>
        <source>Your own command. A working directory, if you name one, is zipped and sent to the cluster first.</source>
        <translation>使用您自己的命令。如指定工作目录，会先将其压缩并发送到集群。</translation>
    </message>
    <message>
        <source>(the sample&apos;s own folder)</source>
        <translation>（示例自带的文件夹）</translation>
    </message>
    <message>
        <source>&lt;folder with %1&gt;</source>
        <translation>&lt;包含 %1 的文件夹&gt;</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Zipping the working directory…</source>
        <translation>正在压缩工作目录…</translation>
    </message>
    <message>
        <source>Asking whether the cluster has these files already…</source>
        <translation>正在询问集群是否已有这些文件…</translation>
    </message>
    <message>
        <source>Uploading %1 (%2 files)…</source>
        <translation>正在上传 %1（%2 个文件）…</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>Ray refused the job: %1</source>
        <translation>Ray 拒绝了该作业：%1</translation>
    </message>
    <message>
        <source>Stopped. Nothing was submitted.</source>
        <translation>已停止，未提交任何内容。</translation>
    </message>
</context>
<context>
    <name>rov::ui::WebDashboardTab</name>
    <message>
        <source>Ray&apos;s web dashboard at %1</source>
        <translation>Ray 网页信息中心：%1</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Could not load %1. Is the cluster still running?</source>
        <translation>无法加载 %1。集群是否仍在运行？</translation>
    </message>
</context>
<context>
    <name>rov::ui::WorkerPoolsPage</name>
    <message>
        <source>Worker pools</source>
        <translation>工作器池</translation>
    </message>
    <message>
        <source>Workers run the tasks. A pool has a fixed number of nodes, or autoscales between a minimum and a maximum with the load.</source>
        <translation>工作器运行任务。一个池要么有固定数量的节点，要么随负载在最小值和最大值之间自动扩缩。</translation>
    </message>
    <message>
        <source>&amp;Add worker pool</source>
        <translation>添加工作器池(&amp;A)</translation>
    </message>
    <message>
        <source>Add at least one worker pool: the head node runs no tasks.</source>
        <translation>请至少添加一个工作器池：头节点不运行任务。</translation>
    </message>
</context>
</TS>
