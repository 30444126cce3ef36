// The Monitoring page's panels: the cluster filter goes where Ray's dashboards put theirs, and
// legends read the series' labels.
#include "core/monitoringpanels.h"

#include <QTest>

using namespace rov::core;

class TestMonitoringPanels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theFilterFillsEverySelector()
    {
        QCOMPARE(
            scopedQuery(QStringLiteral("avg(ray_node_cpu_utilization{{F}})"), QStringLiteral("c1")),
            QStringLiteral("avg(ray_node_cpu_utilization{ray_io_cluster=\"c1\"})"));
        QCOMPARE(scopedQuery(QStringLiteral("sum(ray_resources{Name=\"CPU\",{F}})"), {}),
                 QStringLiteral("sum(ray_resources{Name=\"CPU\",ray_io_cluster=~\".+\"})"));
        QCOMPARE(
            scopedQuery(QStringLiteral("a{{F}} / b{x=\"1\",{F}}"), QStringLiteral("q\"x")),
            QStringLiteral("a{ray_io_cluster=\"q\\\"x\"} / b{x=\"1\",ray_io_cluster=\"q\\\"x\"}"));
    }

    void everyPanelHasAFilteredQuery()
    {
        QVERIFY(defaultPanels().size() >= 12);
        for (const PanelSpec &panel : defaultPanels()) {
            QVERIFY(!panel.queries.empty());
            for (const PanelQuery &query : panel.queries) {
                QVERIFY2(query.promql.contains(QStringLiteral("{F}")), qPrintable(query.promql));
                QVERIFY2(
                    !scopedQuery(query.promql, QStringLiteral("c")).contains(QStringLiteral("{F}")),
                    qPrintable(query.promql));
            }
        }
    }

    void legendsReadLabels()
    {
        const std::map<QString, QString> labels{
            {QStringLiteral("resource_pool"), QStringLiteral("head")},
            {QStringLiteral("instance"), QStringLiteral("127.0.0.2:1")}};
        QCOMPARE(legendText(QStringLiteral("{resource_pool} {instance}"), labels),
                 QStringLiteral("head 127.0.0.2:1"));
        QCOMPARE(legendText(QStringLiteral("{State}"), labels), QString());
        QCOMPARE(legendText(QStringLiteral("CPU"), labels), QStringLiteral("CPU"));
    }
};

QTEST_GUILESS_MAIN(TestMonitoringPanels)
#include "tst_monitoringpanels.moc"
