// ClusterManager's planning and its recovery policy, without Ray (issue 25, the split by job):
// which nodes a cluster gets and where they listen, which go when a pool shrinks, what a pool
// outside its bounds is brought to, every deadline, and what a restarted rovd does with each
// cluster it finds.
#include "catalog/machinecatalog.h"
#include "localplane/clusters/clusterplanner.h"
#include "localplane/clusters/clusterrecovery.h"
#include "localplane/clusters/clusterspecparser.h"

#include <QTest>
#include <set>

using namespace rov;
using namespace rov::localplane;
using nlohmann::json;
using State = api::vertex::wire::ClusterState;

namespace {

ClusterSpec spec(const char *body)
{
    const ClusterSpecParser parser(catalog::MachineCatalog::builtIn(), RuntimeSupport{});
    const auto parsed = parser.parse(json::parse(body), true);
    return std::holds_alternative<ClusterSpec>(parsed) ? std::get<ClusterSpec>(parsed)
                                                       : ClusterSpec{};
}

const char *const kHeadAndWorkers = R"({
  "resourcePools": [
    {"id": "head-node", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": 1},
    {"id": "workers", "machineSpec": {"machineType": "n1-standard-8"}, "replicaCount": 3},
    {"id": "auto", "machineSpec": {"machineType": "n1-standard-4"},
     "autoscalingSpec": {"minReplicaCount": 1, "maxReplicaCount": 3}}],
  "resourceRuntimeSpec": {"raySpec": {}}})";

QStringList labels(const std::vector<NodePlan> &nodes)
{
    QStringList names;
    for (const NodePlan &node : nodes)
        names << node.label();
    return names;
}

} // namespace

class TestClusterPlanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aClustersNodesEachGetAnAddressAndPortsOfTheirOwn()
    {
        ClusterPlanner planner(std::chrono::seconds(0));
        const auto planned = planner.planCluster(spec(kHeadAndWorkers));
        QVERIFY(std::holds_alternative<std::vector<NodePlan>>(planned));
        const auto &nodes = std::get<std::vector<NodePlan>>(planned);
        QCOMPARE(labels(nodes),
                 QStringList({QStringLiteral("head-node-0"), QStringLiteral("workers-0"),
                              QStringLiteral("workers-1"), QStringLiteral("workers-2"),
                              QStringLiteral("auto-0")}));
        QVERIFY(nodes[0].head);
        QCOMPARE(nodes[0].numCpus, 0); // as on Google Cloud, no work runs on the head
        QCOMPARE(nodes[1].numCpus, 8);
        std::set<QString> addresses;
        std::set<quint16> ports;
        for (const NodePlan &node : nodes) {
            addresses.insert(node.ip);
            ports.insert(node.ports.firstWorker);
        }
        QCOMPARE(addresses.size(), nodes.size());
        QCOMPARE(ports.size(), nodes.size());
        QVERIFY(addresses.count(QLatin1String(kServingNodeIp)) == 0);
        QCOMPARE(planner.addressesInUse(), 5);
        planner.release(nodes);
        QCOMPARE(planner.addressesInUse(), 0);
        QCOMPARE(planner.portsInUse(), 0);
    }

    void aShrinkingPoolRetiresThePreferredThenTheNewest()
    {
        ClusterPlanner planner(std::chrono::seconds(0));
        ClusterRecord record;
        record.spec = spec(kHeadAndWorkers);
        record.nodes = std::get<std::vector<NodePlan>>(planner.planCluster(record.spec));
        const auto newest = planner.planResize(record, {{QStringLiteral("workers"), 1}}, {});
        QCOMPARE(std::get<ClusterPlanner::ResizePlan>(newest).retired,
                 QStringList({QStringLiteral("workers-2"), QStringLiteral("workers-1")}));
        const auto preferred = planner.planResize(record, {{QStringLiteral("workers"), 2}},
                                                  {QStringLiteral("workers-0")});
        QCOMPARE(std::get<ClusterPlanner::ResizePlan>(preferred).retired,
                 QStringList{QStringLiteral("workers-0")});
        // Growing takes the next ordinals, and the record then counts them.
        const auto grown = planner.planResize(record, {{QStringLiteral("workers"), 5}}, {});
        const auto &plan = std::get<ClusterPlanner::ResizePlan>(grown);
        QCOMPARE(labels(plan.added),
                 QStringList({QStringLiteral("workers-3"), QStringLiteral("workers-4")}));
        const ClusterRecord next = ClusterPlanner::withPlan(record, plan);
        QCOMPARE(next.nodesInPool(QStringLiteral("workers")), qint64(5));
        QCOMPARE(next.spec.pool(QStringLiteral("workers"))->replicaCount, qint64(5));
    }

    void poolsAreBroughtToWhatTheSpecAsks()
    {
        ClusterPlanner planner(std::chrono::seconds(0));
        ClusterRecord record;
        record.spec = spec(kHeadAndWorkers);
        record.nodes = std::get<std::vector<NodePlan>>(planner.planCluster(record.spec));
        QVERIFY(ClusterPlanner::reconcileTargets(record).empty());
        // A manual pool with a node short, an autoscaling pool above its maximum.
        std::vector<NodePlan> nodes;
        for (const NodePlan &node : record.nodes) {
            if (node.label() != QLatin1String("workers-2"))
                nodes.push_back(node);
        }
        for (int ordinal = 1; ordinal <= 3; ++ordinal) {
            NodePlan extra;
            extra.poolId = QStringLiteral("auto");
            extra.ordinal = ordinal;
            nodes.push_back(extra);
        }
        record.nodes = nodes;
        const auto targets = ClusterPlanner::reconcileTargets(record);
        QCOMPARE(targets.size(), size_t(2));
        QCOMPARE(targets.at(QStringLiteral("workers")), qint64(3));
        QCOMPARE(targets.at(QStringLiteral("auto")), qint64(3));
    }

    void everyOperationHasADeadline()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QCOMPARE(before.secsTo(ClusterPlanner(std::chrono::seconds(90)).deadlineFor(8, 8)) / 10,
                 qint64(9));
        const ClusterPlanner fromWork(std::chrono::seconds(0));
        const qint64 none = before.secsTo(fromWork.deadlineFor(0, 0));
        const qint64 one = before.secsTo(fromWork.deadlineFor(1, 0));
        const qint64 four = before.secsTo(fromWork.deadlineFor(4, 0));
        QVERIFY(none >= 60);
        QVERIFY2(none < one && one < four,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(none).arg(one).arg(four)));
        QVERIFY(before.secsTo(fromWork.deadlineFor(0, 4)) > none);
    }

    void aRestartedRovdTakesUpEachClusterByItsState()
    {
        using recovery::Step;
        using recovery::stepFor;
        QCOMPARE(stepFor(State::Running, 3, true), Step::Resume);
        QCOMPARE(stepFor(State::Running, 2, false), Step::Restart);
        QCOMPARE(stepFor(State::Provisioning, 0, false), Step::Resume);
        QCOMPARE(stepFor(State::Stopping, 1, true), Step::Stop);
        QCOMPARE(stepFor(State::Rebooting, 0, false), Step::Stop);
        QCOMPARE(stepFor(State::Error, 1, false), Step::Stop);
        QCOMPARE(stepFor(State::Error, 0, false), Step::Leave);
    }
};

QTEST_GUILESS_MAIN(TestClusterPlanner)
#include "tst_clusterplanner.moc"
