#include "statesummary.h"

#include "rest/jsonfields.h"

namespace rov::api::ray {

using nlohmann::json;

using rest::stringMember;

namespace {

// The value at `keys` below `root`, or null when any step is missing.
const json *at(const json &root, std::initializer_list<const char *> keys)
{
    const json *node = &root;
    for (const char *key : keys) {
        if (!node->is_object())
            return nullptr;
        const auto found = node->find(key);
        if (found == node->end())
            return nullptr;
        node = &*found;
    }
    return node;
}

} // namespace

qint64 StateSummaryRow::total() const
{
    qint64 sum = 0;
    for (const auto &[state, count] : stateCounts)
        sum += count;
    return sum;
}

StateSummary StateSummary::fromJson(const json &body)
{
    StateSummary summary;
    const json *rows =
        at(body, {"data", "result", "result", "node_id_to_summary", "cluster", "summary"});
    if (!rows || !rows->is_object())
        return summary;
    for (const auto &[key, entry] : rows->items()) {
        if (!entry.is_object())
            continue;
        StateSummaryRow row;
        row.name = stringMember(entry, "func_or_class_name");
        if (row.name.isEmpty())
            row.name = stringMember(entry, "class_name");
        if (row.name.isEmpty())
            row.name = QString::fromStdString(key);
        row.type = stringMember(entry, "type");
        if (const json *counts = at(entry, {"state_counts"}); counts && counts->is_object()) {
            for (const auto &[state, count] : counts->items()) {
                if (count.is_number_integer())
                    row.stateCounts[QString::fromStdString(state)] = count.get<qint64>();
            }
        }
        summary.rows.push_back(std::move(row));
    }
    return summary;
}

TaskRow TaskRow::fromJson(const json &row)
{
    TaskRow task;
    task.taskId = stringMember(row, "task_id");
    task.name = stringMember(row, "name");
    if (task.name.isEmpty())
        task.name = stringMember(row, "func_or_class_name");
    task.state = stringMember(row, "state");
    task.type = stringMember(row, "type");
    task.nodeId = stringMember(row, "node_id");
    task.jobId = stringMember(row, "job_id");
    task.errorType = stringMember(row, "error_type");
    return task;
}

TaskPage TaskPage::fromJson(const json &body)
{
    TaskPage page;
    if (const json *rows = at(body, {"data", "result", "result"}); rows && rows->is_array()) {
        for (const auto &row : *rows) {
            if (row.is_object())
                page.tasks.push_back(TaskRow::fromJson(row));
        }
    }
    const json *total = at(body, {"data", "result", "total"});
    page.total =
        total && total->is_number_integer() ? total->get<qint64>() : qint64(page.tasks.size());
    return page;
}

std::map<QString, NodeUsage> NodeUsage::fromSummary(const json &body)
{
    std::map<QString, NodeUsage> usage;
    const json *nodes = at(body, {"data", "summary"});
    if (!nodes || !nodes->is_array())
        return usage;
    for (const auto &node : *nodes) {
        const json *found = at(node, {"raylet"});
        if (!found || !found->is_object() || stringMember(*found, "nodeId").isEmpty())
            continue;
        const json &raylet = *found;
        NodeUsage entry;
        const auto number = [&](const char *key) {
            const auto found = raylet.find(key);
            return found != raylet.end() && found->is_number() ? found->get<qint64>() : 0;
        };
        entry.objectStoreUsedBytes = number("objectStoreUsedMemory");
        entry.objectStoreTotalBytes =
            entry.objectStoreUsedBytes + number("objectStoreAvailableMemory");
        const json *workers = at(raylet, {"coreWorkersStats"});
        entry.workerProcesses = workers && workers->is_array() ? int(workers->size()) : 0;
        usage[stringMember(raylet, "nodeId")] = entry;
    }
    return usage;
}

} // namespace rov::api::ray
