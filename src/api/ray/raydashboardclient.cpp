#include "raydashboardclient.h"

#include "rest/jsonfields.h"
#include "rest/restclient.h"
#include "rest/restreply.h"

namespace rov::api::ray {

using nlohmann::json;
using rest::HttpMethod;
using rest::HttpRequest;
using rest::HttpResponse;

namespace {

// The dashboard answers errors with plain-text tracebacks, not Google error bodies: keep the last
// line, which says what went wrong.
std::optional<rest::ApiError> errorOf(const HttpResponse &response)
{
    if (response.ok())
        return std::nullopt;
    rest::ApiError error = *response.error;
    if (error.isHttp() && error.message.isEmpty()) {
        const QStringList lines =
            QString::fromUtf8(response.body).trimmed().split(QLatin1Char('\n'));
        error.message = lines.isEmpty() ? QString() : lines.last().trimmed();
    }
    return error;
}

std::map<QString, double> numbers(const json &object)
{
    std::map<QString, double> values;
    if (object.is_object()) {
        for (const auto &[key, value] : object.items()) {
            if (value.is_number())
                values[QString::fromStdString(key)] = value.get<double>();
        }
    }
    return values;
}

} // namespace

RayDashboardClient::RayDashboardClient(rest::RestClient *client, QUrl dashboard, QObject *parent)
    : QObject(parent), m_client(client), m_dashboard(std::move(dashboard))
{}

QUrl RayDashboardClient::url(const QString &path) const
{
    return QUrl(vertex::Endpoint::join(m_dashboard, path));
}

HttpRequest RayDashboardClient::request(const QString &path) const
{
    auto request = HttpRequest::get(url(path));
    request.sendCredentials = false; // the Vertex token is not the dashboard's business
    return request;
}

namespace {

// A call through a client that is gone: `done` hears CANCELLED a turn of the event loop later.
rest::RestReply *endedCancelled(QObject *context,
                                std::function<void(std::optional<rest::ApiError>)> done)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(rest::ApiError::cancelled()); },
        Qt::QueuedConnection);
    return nullptr;
}

} // namespace

template <typename T>
rest::Call RayDashboardClient::getParsed(HttpRequest get, QObject *context,
                                         std::function<T(const json &)> parse,
                                         std::function<void(Result<T>)> done)
{
    return rest::send(
        m_client, std::move(get), context,
        [parse = std::move(parse), done = std::move(done)](const HttpResponse &response) {
            if (const auto error = errorOf(response))
                done({T{}, error});
            else
                done({parse(response.json()), std::nullopt});
        });
}

rest::Call
RayDashboardClient::nodeUsage(QObject *context,
                              std::function<void(Result<std::map<QString, NodeUsage>>)> done)
{
    auto get = request(QStringLiteral("nodes"));
    get.query.addQueryItem(QStringLiteral("view"), QStringLiteral("summary"));
    return getParsed<std::map<QString, NodeUsage>>(std::move(get), context, &NodeUsage::fromSummary,
                                                   std::move(done));
}

rest::Call RayDashboardClient::rayVersion(QObject *context,
                                          std::function<void(Result<QString>)> done)
{
    return getParsed<QString>(
        request(QStringLiteral("api/version")), context,
        [](const json &body) {
            return QString::fromStdString(body.value("ray_version", std::string()));
        },
        std::move(done));
}

rest::Call RayDashboardClient::clusterLoad(QObject *context,
                                           std::function<void(Result<RayLoad>)> done)
{
    return rest::send(
        m_client, request(QStringLiteral("api/cluster_status")), context,
        [done = std::move(done)](const HttpResponse &response) {
            if (const auto error = errorOf(response)) {
                done({{}, error});
                return;
            }
            QString problem;
            if (auto load = RayLoad::fromClusterStatus(response.json(), &problem))
                done({std::move(*load), std::nullopt});
            else
                done({{}, rest::ApiError::withStatus(QStringLiteral("INTERNAL"), problem)});
        });
}

rest::Call RayDashboardClient::summarizeTasks(QObject *context,
                                              std::function<void(Result<StateSummary>)> done)
{
    return getParsed<StateSummary>(request(QStringLiteral("api/v0/tasks/summarize")), context,
                                   &StateSummary::fromJson, std::move(done));
}

rest::Call RayDashboardClient::summarizeActors(QObject *context,
                                               std::function<void(Result<StateSummary>)> done)
{
    return getParsed<StateSummary>(request(QStringLiteral("api/v0/actors/summarize")), context,
                                   &StateSummary::fromJson, std::move(done));
}

rest::Call RayDashboardClient::listTasks(int limit, QObject *context,
                                         std::function<void(Result<TaskPage>)> done)
{
    auto get = request(QStringLiteral("api/v0/tasks"));
    get.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return getParsed<TaskPage>(std::move(get), context, &TaskPage::fromJson, std::move(done));
}

QString RayDashboardClient::packagePath(const QString &uri) const
{
    // gcs://_ray_pkg_<hash>.zip is served at api/packages/gcs/_ray_pkg_<hash>.zip
    const qsizetype scheme = uri.indexOf(QLatin1String("://"));
    return QStringLiteral("api/packages/%1/%2").arg(uri.left(scheme), uri.mid(scheme + 3));
}

rest::Call RayDashboardClient::packageExists(const QString &uri, QObject *context,
                                             std::function<void(Result<bool>)> done)
{
    return rest::send(m_client, request(packagePath(uri)), context,
                      [done = std::move(done)](const HttpResponse &response) {
                          if (response.status == 404)
                              done({false, std::nullopt});
                          else if (const auto error = errorOf(response))
                              done({false, error});
                          else
                              done({true, std::nullopt});
                      });
}

rest::RestReply *
RayDashboardClient::uploadPackage(const QString &uri, const QString &zipFile, QObject *context,
                                  std::function<void(std::optional<rest::ApiError>)> done)
{
    if (!m_client)
        return endedCancelled(context, std::move(done));
    HttpRequest put = request(packagePath(uri));
    put.method = HttpMethod::Put;
    put.bodyFile = zipFile;
    put.contentType = QByteArrayLiteral("application/zip");
    put.timeout =
        std::chrono::milliseconds(0); // large packages on slow links; low-speed guard stays
    return m_client->send(
        std::move(put), context,
        [done = std::move(done)](const HttpResponse &response) { done(errorOf(response)); });
}

rest::Call RayDashboardClient::listJobs(QObject *context,
                                        std::function<void(Result<std::vector<JobDetails>>)> done)
{
    return getParsed<std::vector<JobDetails>>(
        request(QStringLiteral("api/jobs/")), context,
        [](const json &body) {
            std::vector<JobDetails> jobs;
            for (const auto &item : body)
                jobs.push_back(JobDetails::fromJson(item));
            return jobs;
        },
        std::move(done));
}

rest::Call RayDashboardClient::getJob(const QString &id, QObject *context,
                                      std::function<void(Result<JobDetails>)> done)
{
    return getParsed<JobDetails>(request(QStringLiteral("api/jobs/") + id), context,
                                 &JobDetails::fromJson, std::move(done));
}

rest::Call RayDashboardClient::submitJob(const JobSubmission &job, QObject *context,
                                         std::function<void(Result<QString>)> done)
{
    auto post =
        HttpRequest::withJson(HttpMethod::Post, url(QStringLiteral("api/jobs/")), job.toJson());
    post.sendCredentials = false;
    return rest::send(
        m_client, std::move(post), context, [done = std::move(done)](const HttpResponse &response) {
            if (const auto error = errorOf(response))
                done({{}, error});
            else
                done({QString::fromStdString(response.json().value("submission_id", std::string())),
                      std::nullopt});
        });
}

rest::Call RayDashboardClient::stopJob(const QString &id, QObject *context,
                                       std::function<void(Result<bool>)> done)
{
    auto post = HttpRequest::withJson(
        HttpMethod::Post, url(QStringLiteral("api/jobs/%1/stop").arg(id)), json::object());
    post.sendCredentials = false;
    return rest::send(m_client, std::move(post), context,
                      [done = std::move(done)](const HttpResponse &response) {
                          if (const auto error = errorOf(response))
                              done({false, error});
                          else
                              done({response.json().value("stopped", false), std::nullopt});
                      });
}

rest::Call RayDashboardClient::deleteJob(const QString &id, QObject *context,
                                         std::function<void(Result<bool>)> done)
{
    HttpRequest remove = request(QStringLiteral("api/jobs/") + id);
    remove.method = HttpMethod::Delete;
    return rest::send(m_client, std::move(remove), context,
                      [done = std::move(done)](const HttpResponse &response) {
                          if (const auto error = errorOf(response))
                              done({false, error});
                          else
                              done({response.json().value("deleted", false), std::nullopt});
                      });
}

rest::Call RayDashboardClient::jobLogs(const QString &id, QObject *context,
                                       std::function<void(Result<QString>)> done)
{
    return getParsed<QString>(
        request(QStringLiteral("api/jobs/%1/logs").arg(id)), context,
        [](const json &body) { return rest::stringMember(body, "logs"); }, std::move(done));
}

bool NodeState::stoppedOnPurpose() const
{
    // ray/dashboard/utils.py compose_state_message: EXPECTED_TERMINATION and the autoscaler's
    // idle drain.
    return state == QLatin1String("DEAD") &&
           (stateMessage.startsWith(QLatin1String("Expected termination")) ||
            stateMessage.startsWith(QLatin1String("Terminated due to idle")));
}

rest::Call RayDashboardClient::listNodes(QObject *context,
                                         std::function<void(Result<std::vector<NodeState>>)> done)
{
    auto get = request(QStringLiteral("api/v0/nodes"));
    get.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("10000"));
    get.query.addQueryItem(QStringLiteral("detail"), QStringLiteral("true"));
    return rest::send(
        m_client, std::move(get), context, [done = std::move(done)](const HttpResponse &response) {
            std::vector<NodeState> nodes;
            if (const auto error = errorOf(response)) {
                done({nodes, error});
                return;
            }
            const json rows = response.json()["data"]["result"].value("result", json::array());
            for (const auto &row : rows) {
                NodeState node;
                node.nodeId = QString::fromStdString(row.value("node_id", ""));
                node.state = QString::fromStdString(row.value("state", ""));
                if (const auto said = row.find("state_message");
                    said != row.end() && said->is_string())
                    node.stateMessage = QString::fromStdString(said->get<std::string>());
                node.ip = QString::fromStdString(row.value("node_ip", ""));
                node.head = row.value("is_head_node", false);
                if (const qint64 started = row.value("start_time_ms", qint64(0)); started > 0)
                    node.startTime = QDateTime::fromMSecsSinceEpoch(started, Qt::UTC);
                node.resourcesTotal = numbers(row.value("resources_total", json()));
                if (const auto labels = row.find("labels");
                    labels != row.end() && labels->is_object()) {
                    for (const auto &[key, value] : labels->items()) {
                        if (value.is_string())
                            node.labels[QString::fromStdString(key)] =
                                QString::fromStdString(value.get<std::string>());
                    }
                }
                nodes.push_back(std::move(node));
            }
            done({nodes, std::nullopt});
        });
}

rest::RestReply *
RayDashboardClient::streamJobLogs(const QString &submissionId, const QString &driverNodeId,
                                  QObject *context, std::function<void(const QByteArray &)> chunk,
                                  std::function<void(std::optional<rest::ApiError>)> done)
{
    if (!m_client)
        return endedCancelled(context, std::move(done));
    // format=text: the default format prefixes every write with a 1 or 0 byte that a client
    // cannot strip reliably.
    auto get = request(QStringLiteral("api/v0/logs/stream"));
    get.query.addQueryItem(QStringLiteral("node_id"), driverNodeId);
    get.query.addQueryItem(QStringLiteral("submission_id"), submissionId);
    get.query.addQueryItem(QStringLiteral("lines"), QStringLiteral("-1"));
    get.query.addQueryItem(QStringLiteral("format"), QStringLiteral("text"));
    get.streaming = true;
    get.timeout = std::chrono::milliseconds(0);
    get.lowSpeedTime = std::chrono::seconds(0); // a quiet job is not a dead stream
    get.retry = rest::RetryPolicy::none();
    rest::RestReply *reply = m_client->send(std::move(get));
    connect(reply, &rest::RestReply::chunkReceived, context, std::move(chunk));
    connect(reply, &rest::RestReply::finished, context,
            [reply, done = std::move(done)] { done(errorOf(reply->response())); });
    return reply;
}

} // namespace rov::api::ray
