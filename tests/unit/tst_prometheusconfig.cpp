// rovd's Prometheus configuration as a pure function of the clusters.
#include "localplane/logs/logcollector.h"
#include "localplane/metrics/prometheusconfig.h"

#include <QTest>

using namespace rov::localplane::metrics;

class TestPrometheusConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noClusterIsAnEmptyList()
    {
        const QByteArray config = prometheusConfig({}, {});
        QVERIFY(config.contains("scrape_interval: 5s"));
        QVERIFY(config.contains("scrape_configs: []"));
    }

    void rovdIsScrapedWithItsToken()
    {
        ScrapeSettings settings;
        settings.rovdTarget = QStringLiteral("127.0.0.1:8788");
        settings.rovdTokenFile = QStringLiteral("/d/metrics/scrape-token");
        const QString config = QString::fromUtf8(prometheusConfig({}, settings));
        QVERIFY2(config.contains(QStringLiteral("- job_name: rovd\n"
                                                "  authorization:\n"
                                                "    credentials_file: '/d/metrics/scrape-token'\n"
                                                "  static_configs:\n"
                                                "  - targets: ['127.0.0.1:8788']")),
                 qPrintable(config));
        QVERIFY(!config.contains(QStringLiteral("[]")));
    }

    void alertingRulesAreListed()
    {
        ScrapeSettings settings;
        settings.ruleFiles = {QStringLiteral("/d/metrics/ray-alerts.yml"),
                              QStringLiteral("/home/o'neil/mine.yml")};
        const QString config = QString::fromUtf8(prometheusConfig({}, settings));
        QVERIFY2(config.contains(QStringLiteral("rule_files:\n"
                                                "- '/d/metrics/ray-alerts.yml'\n"
                                                "- '/home/o''neil/mine.yml'\n")),
                 qPrintable(config));
        QVERIFY(!prometheusConfig({}, {}).contains("rule_files"));
    }

    void eachClusterIsAJobLabelledWithItsIdAndPools()
    {
        ScrapeCluster one{QStringLiteral("c-1"),
                          QStringLiteral("/tmp/r/c-1/sd.json"),
                          {{QStringLiteral("127.0.0.2:20001"), QStringLiteral("head")},
                           {QStringLiteral("127.0.0.3:20101"), QStringLiteral("workers")}}};
        ScrapeCluster two{QStringLiteral("o'brien"), QStringLiteral("/tmp/r/o/sd.json"), {}};
        const QString config = QString::fromUtf8(prometheusConfig({one, two}, {}));
        QVERIFY2(config.contains(QStringLiteral("- job_name: 'ray-c-1'\n"
                                                "  file_sd_configs:\n"
                                                "  - files: ['/tmp/r/c-1/sd.json']\n"
                                                "  relabel_configs:\n"
                                                "  - target_label: ray_io_cluster\n"
                                                "    replacement: 'c-1'\n")),
                 qPrintable(config));
        QVERIFY2(config.contains(QStringLiteral("  - source_labels: [__address__]\n"
                                                "    regex: '127\\.0\\.0\\.3\\:20101'\n"
                                                "    target_label: resource_pool\n"
                                                "    replacement: 'workers'\n")),
                 qPrintable(config));
        // A quote in an id cannot end the YAML string early.
        QVERIFY2(config.contains(QStringLiteral("replacement: 'o''brien'")), qPrintable(config));
        QVERIFY(config.contains(QStringLiteral("job_name: 'ray-o_brien'")));
    }

    // The clusters announce one neutral value; metrics and logs each read what they need of it.
    void theClustersTopologyIsWhatMetricsAndLogsFollow()
    {
        rov::localplane::ClusterTopology cluster;
        cluster.name = QStringLiteral("projects/demo/locations/us-central1/persistentResources/c1");
        cluster.tempDir = QStringLiteral("/tmp/r/c1");
        cluster.nodeOutputDir = QStringLiteral("/d/clusters/c1/logs");
        cluster.nodes = {{QStringLiteral("head-node-1"), QStringLiteral("head-node"),
                          QStringLiteral("127.0.0.2"), 20001, QStringLiteral("abc"), 42, true},
                         {QStringLiteral("workers-1"), QStringLiteral("workers"),
                          QStringLiteral("127.0.0.3"), 20101, QString(), 43, false}};
        const auto scraped = scrapeTargetsOf({cluster});
        QCOMPARE(scraped.size(), size_t(1));
        QCOMPARE(scraped[0].clusterId, QStringLiteral("c1"));
        QCOMPARE(scraped[0].discoveryFile,
                 QStringLiteral("/tmp/r/c1/prom_metrics_service_discovery.json"));
        QCOMPARE(scraped[0].nodes.size(), size_t(2));
        QCOMPARE(scraped[0].nodes[1].address, QStringLiteral("127.0.0.3:20101"));
        QCOMPARE(scraped[0].nodes[1].pool, QStringLiteral("workers"));

        cluster.logsExportDisabled = true;
        const auto followed = rov::localplane::logs::logClustersOf({cluster});
        QCOMPARE(followed.size(), size_t(1));
        QCOMPARE(followed[0].project, QStringLiteral("demo"));
        QCOMPARE(followed[0].clusterId, QStringLiteral("c1"));
        QCOMPARE(followed[0].nodeOutputDir, QStringLiteral("/d/clusters/c1/logs"));
        QVERIFY(!followed[0].collect);
        QCOMPARE(followed[0].nodes[0].name, QStringLiteral("head-node-1"));
        QCOMPARE(followed[0].nodes[0].nodeId, QStringLiteral("abc"));
        QCOMPARE(followed[0].nodes[0].pid, 42);
        QVERIFY(followed[0].nodes[0].head && !followed[0].nodes[1].head);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusConfig)
#include "tst_prometheusconfig.moc"
