#pragma once

#include "rest/apierror.h"

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <variant>

namespace rov::catalog {
class MachineCatalog;
}

// Vertex AI's batchPredictionJobs as data: the create request read and checked (a client's
// mistake is the 400 it gets, decided before any work), the states, the list filter and the
// names Vertex gives the output. Pure functions, unit-tested.
namespace rov::localplane::batch {

// batchPredictionJobs.create's body, checked. The model and the input files are checked where
// they are (BatchManager): here only their shape.
struct BatchDraft
{
    QString displayName;
    QString modelName;     // projects/P/locations/L/models/M, a version suffix removed
    QStringList inputUris; // gs:// files, folders ending in "/" or wildcards ("*")
    QString format;        // jsonl, csv, file-list
    QString outputPrefix;  // gs://bucket/path
    QString machineType;
    int cpusPerReplica = 1;
    int startingReplicas = 1;
    int maxReplicas = 10;
    int batchSize = 64;
    nlohmann::json instanceConfig = nlohmann::json::object(); // keyField, included/excluded…
    // The request's fields that the job shows as they were given.
    nlohmann::json kept = nlohmann::json::object();
};
std::variant<BatchDraft, rest::ApiError> readCreateRequest(const nlohmann::json &body,
                                                           const catalog::MachineCatalog &machines);

// Vertex's states.
namespace states {
inline constexpr const char *kQueued = "JOB_STATE_QUEUED";
inline constexpr const char *kPending = "JOB_STATE_PENDING";
inline constexpr const char *kRunning = "JOB_STATE_RUNNING";
inline constexpr const char *kSucceeded = "JOB_STATE_SUCCEEDED";
inline constexpr const char *kFailed = "JOB_STATE_FAILED";
inline constexpr const char *kCancelling = "JOB_STATE_CANCELLING";
inline constexpr const char *kCancelled = "JOB_STATE_CANCELLED";
inline constexpr const char *kPartiallySucceeded = "JOB_STATE_PARTIALLY_SUCCEEDED";
} // namespace states
bool isFinalState(const QString &state);

// The folder Vertex writes under outputUriPrefix: prediction-<model's display name>-<the job's
// create time as 2024_01_02T03_04_05_678Z>.
QString outputFolderName(const QString &modelDisplayName, const QString &createTime);

// list's `filter`: terms `field="value"` or `field!="value"` on state, display_name and
// model_display_name (camelCase too), joined with AND and OR (AND first, as AIP-160 reads it).
// An empty filter matches everything; one rovd cannot read is a 400 that says why.
class JobFilter
{
public:
    static std::variant<JobFilter, rest::ApiError> parse(const QString &text);
    bool matches(const nlohmann::json &job) const;

private:
    struct Term
    {
        QString field; // state, displayName, modelDisplayName
        bool equal = true;
        QString value;
    };
    std::vector<std::vector<Term>> m_anyOf; // OR of ANDs
};

} // namespace rov::localplane::batch
