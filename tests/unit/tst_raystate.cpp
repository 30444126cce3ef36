// What the console reads from Ray's State API and dashboard summary, from bodies captured from
// Ray 2.47.1 (trimmed): summaries by name and state, the task page and its truncation, object
// store use and worker processes by node.
#include "api/ray/statesummary.h"
#include "core/nodelistmodel.h"
#include "core/statesummarymodel.h"
#include "core/tasklistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace rov::api::ray;
using nlohmann::json;

class TestRayState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void taskSummaryByFunctionAndState()
    {
        const auto summary = StateSummary::fromJson(json::parse(R"({"result": true, "data": {
            "result": {"total": 10, "result": {"node_id_to_summary": {"cluster": {
              "summary": {
                "Counter.inc": {"func_or_class_name": "Counter.inc", "type": "ACTOR_TASK",
                                "state_counts": {"FINISHED": 2}},
                "slow": {"func_or_class_name": "slow", "type": "NORMAL_TASK",
                         "state_counts": {"RUNNING": 4, "PENDING_NODE_ASSIGNMENT": 2}}},
              "total_tasks": 6, "summary_by": "func_name"}}}}}})"));
        QCOMPARE(summary.rows.size(), size_t(2));
        const auto slow = std::find_if(summary.rows.begin(), summary.rows.end(),
                                       [](const auto &row) { return row.name == u"slow"; });
        QVERIFY(slow != summary.rows.end());
        QCOMPARE(slow->type, QStringLiteral("NORMAL_TASK"));
        QCOMPARE(slow->total(), 6);

        rov::core::StateSummaryModel model;
        QAbstractItemModelTester tester(&model);
        model.setSummary(summary);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.totalsByState().at(QStringLiteral("RUNNING")), 4);
        model.setFilter(QStringLiteral("SLO"), QString());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, rov::core::StateSummaryModel::States).data().toString(),
                 QStringLiteral("PENDING_NODE_ASSIGNMENT 2 · RUNNING 4"));
        model.setFilter(QString(), QStringLiteral("FINISHED"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Counter.inc"));
        // The totals ignore the filter.
        QCOMPARE(model.totalsByState().size(), size_t(3));
    }

    void actorSummaryByClass()
    {
        const auto summary = StateSummary::fromJson(json::parse(R"({"data": {"result": {
            "result": {"node_id_to_summary": {"cluster": {"summary": {
              "Counter": {"class_name": "Counter", "state_counts": {"ALIVE": 2}}},
              "summary_by": "class"}}}}}})"));
        QCOMPARE(summary.rows.size(), size_t(1));
        QCOMPARE(summary.rows[0].name, QStringLiteral("Counter"));
        QVERIFY(summary.rows[0].type.isEmpty());
        QCOMPARE(rov::core::StateSummaryModel::typeText(summary.rows[0].type),
                 QStringLiteral("Actor"));
    }

    void aMalformedSummaryIsEmptyNotFatal()
    {
        QVERIFY(StateSummary::fromJson(json::parse(R"({"data": {"result": []}})")).rows.empty());
        QVERIFY(StateSummary::fromJson(json()).rows.empty());
        QVERIFY(TaskPage::fromJson(json::parse(R"({"data": 3})")).tasks.empty());
        QVERIFY(NodeUsage::fromSummary(json::parse(R"({"data": {"summary": [1, {}]}})")).empty());
    }

    void aTaskPageSaysWhenRayCutItShort()
    {
        const auto page = TaskPage::fromJson(json::parse(R"({"data": {"result": {
            "total": 12000, "num_after_truncation": 2, "result": [
              {"task_id": "t1", "name": "slow", "state": "RUNNING", "type": "NORMAL_TASK",
               "node_id": "n1", "job_id": "02000000"},
              {"task_id": "t2", "func_or_class_name": "Counter.inc", "state": "FAILED",
               "type": "ACTOR_TASK", "error_type": "TASK_EXECUTION_EXCEPTION"}]}}})"));
        QCOMPARE(page.tasks.size(), size_t(2));
        QVERIFY(page.truncated());
        QCOMPARE(page.tasks[1].name, QStringLiteral("Counter.inc"));
        rov::core::TaskListModel model;
        QAbstractItemModelTester tester(&model);
        model.setPage(page);
        QVERIFY(model.truncated());
        QCOMPARE(model.total(), 12000);
        QCOMPARE(model.index(1, rov::core::TaskListModel::State).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("TASK_EXECUTION_EXCEPTION"));
    }

    void nodeUsageFromTheDashboardSummary()
    {
        const auto usage = NodeUsage::fromSummary(json::parse(R"({"result": true, "data": {
            "summary": [{"raylet": {"nodeId": "n1", "objectStoreUsedMemory": 1000,
                                    "objectStoreAvailableMemory": 99000,
                                    "coreWorkersStats": [{}, {}, {}]}},
                        {"raylet": {"nodeId": "n2"}}]}})"));
        QCOMPARE(usage.size(), size_t(2));
        QCOMPARE(usage.at(QStringLiteral("n1")).objectStoreTotalBytes, 100000);
        QCOMPARE(usage.at(QStringLiteral("n1")).workerProcesses, 3);
        QCOMPARE(usage.at(QStringLiteral("n2")).objectStoreTotalBytes, 0);
    }

    void aNodeStoppedOnPurposeIsNotDead()
    {
        // After a scale-down Ray lists the retired node as DEAD with "Expected termination": it
        // is stopped, not dead ("3 alive, 1 dead" once said otherwise).
        const auto node = [](const char *id, const char *state, const char *message) {
            rov::api::ray::NodeState node;
            node.nodeId = QLatin1String(id);
            node.state = QLatin1String(state);
            node.stateMessage = QLatin1String(message);
            return node;
        };
        rov::core::NodeListModel model;
        model.setNodes({node("a", "ALIVE", ""), node("b", "ALIVE", ""), node("c", "ALIVE", ""),
                        node("d", "DEAD", "Expected termination: received SIGTERM")},
                       {});
        QCOMPARE(model.deadCount(), 0);
        QCOMPARE(model.countsText(), QStringLiteral("3 alive, 1 stopped"));
        QCOMPARE(model.index(model.rowOfKey(QStringLiteral("d")), rov::core::NodeListModel::State)
                     .data()
                     .toString(),
                 QStringLiteral("Stopped"));
        model.setNodes({node("a", "ALIVE", ""),
                        node("e", "DEAD", "Unexpected termination: health check failed")},
                       {});
        QCOMPARE(model.countsText(), QStringLiteral("1 alive, 1 dead"));
    }
};

QTEST_GUILESS_MAIN(TestRayState)
#include "tst_raystate.moc"
