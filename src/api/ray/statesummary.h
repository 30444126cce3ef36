#pragma once

#include <QString>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

namespace rov::api::ray {

// One line of a State API summary (`/api/v0/tasks/summarize`, `/api/v0/actors/summarize`): the
// tasks of one function, or the actors of one class, counted by state.
struct StateSummaryRow
{
    QString name;
    QString type; // NORMAL_TASK, ACTOR_TASK, ACTOR_CREATION_TASK; empty for actors
    std::map<QString, qint64> stateCounts;

    qint64 total() const;
};

struct StateSummary
{
    std::vector<StateSummaryRow> rows; // by name

    // Reads `data.result.result.node_id_to_summary.cluster.summary`.
    static StateSummary fromJson(const nlohmann::json &body);
};

// One task as `/api/v0/tasks` lists it.
struct TaskRow
{
    QString taskId;
    QString name;
    QString state;
    QString type;
    QString nodeId;
    QString jobId;
    QString errorType;

    static TaskRow fromJson(const nlohmann::json &row);
};

// A page of the task list. Ray returns at most the asked limit and says how many there were.
struct TaskPage
{
    std::vector<TaskRow> tasks;
    qint64 total = 0;
    bool truncated() const { return total > qint64(tasks.size()); }

    static TaskPage fromJson(const nlohmann::json &body);
};

// What `/nodes?view=summary` adds to the State API's node list: object store use and worker
// processes, by node id.
struct NodeUsage
{
    qint64 objectStoreUsedBytes = 0;
    qint64 objectStoreTotalBytes = 0;
    int workerProcesses = 0;

    static std::map<QString, NodeUsage> fromSummary(const nlohmann::json &body);
};

} // namespace rov::api::ray
