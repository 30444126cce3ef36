// The Monitoring page's panels: the cluster filter goes where Ray's dashboards put theirs, and
// legends read the series' labels.
#include "core/monitoringpanels.h"

#include <QSettings>
#include <QStandardPaths>
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

    void customChartsFillClusterAndAreKeptPerProfile()
    {
        const QString promql =
            QStringLiteral("sum(ray_tasks{ray_io_cluster=~\"$cluster\"}) by (State)");
        QCOMPARE(customQuery(promql, QStringLiteral("c1")),
                 QStringLiteral("sum(ray_tasks{ray_io_cluster=~\"c1\"}) by (State)"));
        QCOMPARE(customQuery(promql, QString()),
                 QStringLiteral("sum(ray_tasks{ray_io_cluster=~\".+\"}) by (State)"));
        const CustomChart chart{QStringLiteral("Tasks"), promql, PanelSpec::Unit::Count};
        const PanelSpec spec = chart.toPanel(0);
        QVERIFY(spec.isCustom());
        QCOMPARE(spec.displayTitle(), QStringLiteral("Tasks"));
        QCOMPARE(panelQuery(spec, spec.queries.front(), QStringLiteral("c1")),
                 customQuery(promql, QStringLiteral("c1")));
        // Ray's panels keep their {F} filter.
        const PanelSpec &ray = defaultPanels().front();
        QCOMPARE(panelQuery(ray, ray.queries.front(), QStringLiteral("c1")),
                 scopedQuery(ray.queries.front().promql, QStringLiteral("c1")));

        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const CustomChart bytes{QString(), QStringLiteral("sum(ray_node_mem_used)"),
                                PanelSpec::Unit::Bytes};
        saveCustomCharts(QStringLiteral("p1"), {chart, bytes});
        saveCustomCharts(QStringLiteral("p2"), {bytes});
        QCOMPARE(loadCustomCharts(QStringLiteral("p1")), (std::vector<CustomChart>{chart, bytes}));
        QCOMPARE(loadCustomCharts(QStringLiteral("p2")), std::vector<CustomChart>{bytes});
        saveCustomCharts(QStringLiteral("p1"), {});
        QVERIFY(loadCustomCharts(QStringLiteral("p1")).empty());
        // A chart without a title is named by its PromQL.
        QCOMPARE(bytes.toPanel(1).displayTitle(), QStringLiteral("sum(ray_node_mem_used)"));
    }

    void anEmptyLegendNamesTheSeriesByItsLabels()
    {
        QCOMPARE(legendText(QString(), {{QStringLiteral("__name__"), QStringLiteral("up")},
                                        {QStringLiteral("instance"), QStringLiteral("a:1")},
                                        {QStringLiteral("job"), QStringLiteral("rovd")}}),
                 QStringLiteral("instance=a:1, job=rovd"));
    }

    void prometheusErrorsPointIntoTheQuery()
    {
        QCOMPARE(promqlErrorOffset(QStringLiteral("1:5: parse error: unexpected end of input")), 4);
        QCOMPARE(promqlErrorOffset(QStringLiteral("1:1: parse error: unexpected <op:*>")), 0);
        QCOMPARE(promqlErrorOffset(QStringLiteral("invalid parameter \"query\": 1:23: parse "
                                                  "error: unclosed left parenthesis")),
                 22);
        QCOMPARE(promqlErrorOffset(QStringLiteral("2:3: parse error: x")), -1);
        QCOMPARE(promqlErrorOffset(QStringLiteral("unknown function with name \"foo\"")), -1);
    }

    void anErrorAfterClusterPointsIntoWhatThePersonWrote()
    {
        // `x{ray_io_cluster=~"$cluster"} +` ends early: Prometheus counts in the filled query.
        const QString promql = QStringLiteral("x{ray_io_cluster=~\"$cluster\"} +");
        const QString id = QStringLiteral("my-long-cluster-name");
        const QString filled = rov::core::customQuery(promql, id);
        QVERIFY(filled.size() > promql.size());
        QCOMPARE(rov::core::offsetInCustomText(promql, id, int(filled.size())), int(promql.size()));
        // Before $cluster nothing moves; inside its pattern, the place is the $cluster.
        QCOMPARE(rov::core::offsetInCustomText(promql, id, 2), 2);
        QCOMPARE(rov::core::offsetInCustomText(promql, id, int(promql.indexOf(u'$')) + 5),
                 int(promql.indexOf(u'$')));
        // Two of them, and every cluster (".+", shorter than $cluster).
        const QString twice = QStringLiteral("a{c=~\"$cluster\"} / b{c=~\"$cluster\"} )");
        const QString all = rov::core::customQuery(twice, QString());
        QCOMPARE(rov::core::offsetInCustomText(twice, QString(), int(all.indexOf(u')'))),
                 int(twice.indexOf(u')')));
    }
};

QTEST_GUILESS_MAIN(TestMonitoringPanels)
#include "tst_monitoringpanels.moc"
