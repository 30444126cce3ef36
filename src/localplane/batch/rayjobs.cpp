#include "rayjobs.h"

#include <httplib.h>

namespace rov::localplane::batch::rayjobs {

using nlohmann::json;

namespace {

httplib::Client client(quint16 port)
{
    httplib::Client dashboard("127.0.0.1", port);
    dashboard.set_connection_timeout(5);
    dashboard.set_read_timeout(60);
    return dashboard;
}

QString noAnswer(const httplib::Result &answer)
{
    return QStringLiteral("the batch instance's dashboard did not answer (%1)")
        .arg(QString::fromStdString(httplib::to_string(answer.error())));
}

std::string path(const QString &submissionId, const char *rest = "")
{
    return "/api/jobs/" + submissionId.toStdString() + rest;
}

} // namespace

std::optional<QString> submit(quint16 dashboardPort, const QString &submissionId,
                              const QString &entrypoint)
{
    const json body{{"entrypoint", entrypoint.toStdString()},
                    {"submission_id", submissionId.toStdString()},
                    {"entrypoint_num_cpus", 0}};
    const auto answer = client(dashboardPort).Post("/api/jobs/", body.dump(), "application/json");
    if (!answer)
        return noAnswer(answer);
    if (answer->status != 200)
        return QStringLiteral("Ray refused the job (HTTP %1): %2")
            .arg(answer->status)
            .arg(QString::fromStdString(answer->body).left(600));
    return std::nullopt;
}

std::variant<Status, QString> status(quint16 dashboardPort, const QString &submissionId)
{
    const auto answer = client(dashboardPort).Get(path(submissionId));
    if (!answer)
        return noAnswer(answer);
    if (answer->status == 404)
        return Status{};
    const json body = json::parse(answer->body, nullptr, false);
    if (answer->status != 200 || !body.is_object())
        return QStringLiteral("Ray's job status: HTTP %1").arg(answer->status);
    Status status;
    status.status = QString::fromStdString(body.value("status", std::string()));
    if (body.contains("message") && body["message"].is_string())
        status.message = QString::fromStdString(body["message"].get<std::string>());
    return status;
}

std::optional<QString> stop(quint16 dashboardPort, const QString &submissionId)
{
    const auto answer = client(dashboardPort).Post(path(submissionId, "/stop"));
    if (!answer)
        return noAnswer(answer);
    if (answer->status != 200 && answer->status != 404)
        return QStringLiteral("Ray did not stop the job (HTTP %1)").arg(answer->status);
    return std::nullopt;
}

QString logTail(quint16 dashboardPort, const QString &submissionId, int chars)
{
    const auto answer = client(dashboardPort).Get(path(submissionId, "/logs"));
    if (!answer || answer->status != 200)
        return {};
    const json body = json::parse(answer->body, nullptr, false);
    if (!body.is_object() || !body.contains("logs") || !body["logs"].is_string())
        return {};
    return QString::fromStdString(body["logs"].get<std::string>()).trimmed().right(chars);
}

} // namespace rov::localplane::batch::rayjobs
