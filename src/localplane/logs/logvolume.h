#pragma once

#include <QString>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace rov::localplane::logs {

// The entries rovd stored, counted by cluster, severity and log as they arrive, for its /metrics
// (rovd_log_entries_total): the console's volume histogram is a PromQL query over it. Safe to
// use from any thread.
class LogVolume
{
public:
    void add(const QString &cluster, int severity, const QString &fileName, quint64 count = 1);
    // Prometheus' text format.
    std::string render() const;

    // The log label of a file: its name with Ray's ids and numbers as '*', so that a cluster's
    // worker files make one series ("worker-*-*-*.out"), not one each.
    static QString logFamily(const QString &fileName);

private:
    mutable std::mutex m_mutex;
    std::map<std::tuple<std::string, std::string, std::string>, quint64> m_counts;
};

} // namespace rov::localplane::logs
