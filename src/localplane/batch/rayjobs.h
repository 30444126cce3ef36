#pragma once

#include <QString>
#include <nlohmann/json.hpp>
#include <optional>
#include <variant>

// Ray's Job Submission API on an instance's dashboard (127.0.0.1 only): the batch jobs' driver
// runs as a Ray job, so it outlives a killed rovd and a restarted one finds it by its id.
namespace rov::localplane::batch::rayjobs {

// POST /api/jobs/: nullopt when Ray took it, the reason otherwise.
std::optional<QString> submit(quint16 dashboardPort, const QString &submissionId,
                              const QString &entrypoint);

struct Status
{
    QString status; // PENDING, RUNNING, STOPPED, SUCCEEDED, FAILED; "" when Ray has no such job
    QString message;
};
// GET /api/jobs/<id>; the reason when the dashboard did not answer.
std::variant<Status, QString> status(quint16 dashboardPort, const QString &submissionId);
// POST /api/jobs/<id>/stop.
std::optional<QString> stop(quint16 dashboardPort, const QString &submissionId);
// The driver's last lines (GET /api/jobs/<id>/logs), at most `chars` of them.
QString logTail(quint16 dashboardPort, const QString &submissionId, int chars = 1500);

} // namespace rov::localplane::batch::rayjobs
