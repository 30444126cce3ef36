// Monitoring's Cluster picker without a window: every cluster of the profile is offered as soon
// as the clusters list has it (Prometheus may have no series of it yet), deleted clusters whose
// metrics are kept stay offered, the serving instance has a name a person reads, and an alert's
// cluster asked for by id is kept. The controller follows the clusters model as it changes.
#include "api/vertex/persistentresource.h"
#include "catalog/machinecatalog.h"
#include "core/clusterlistmodel.h"
#include "core/costestimator.h"
#include "core/monitoringscopes.h"

#include <QSignalSpy>
#include <QTest>

using namespace rov::core;
using Kind = MonitoringScope::Kind;

namespace {

QStringList ids(const std::vector<MonitoringScope> &scopes)
{
    QStringList out;
    for (const auto &scope : scopes)
        out << scope.id;
    return out;
}

rov::api::vertex::PersistentResource cluster(const QString &id, const QString &display)
{
    rov::api::vertex::PersistentResource resource;
    resource.name = QStringLiteral("projects/p/locations/us-central1/persistentResources/") + id;
    resource.displayName = display;
    return resource;
}

} // namespace

class TestMonitoringScopes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void liveDeletedServingAndAsked()
    {
        const auto scopes = monitoringScopes(
            {{QStringLiteral("beta"), QStringLiteral("beta (Beta team)")},
             {QStringLiteral("alpha"), QStringLiteral("alpha")}},
            {QStringLiteral("alpha"), QStringLiteral("_serving"), QStringLiteral("old")},
            QStringLiteral("from-alert"));
        QCOMPARE(ids(scopes), (QStringList{QString(), QStringLiteral("alpha"),
                                           QStringLiteral("beta"), QStringLiteral("_serving"),
                                           QStringLiteral("old"), QStringLiteral("from-alert")}));
        QCOMPARE(scopes[0].kind, Kind::All);
        QCOMPARE(scopes[2].text, QStringLiteral("beta (Beta team)"));
        QCOMPARE(scopes[3].kind, Kind::Serving);
        QVERIFY(!scopes[3].text.startsWith(QLatin1Char('_'))); // a name, not the label value
        QCOMPARE(scopes[4].kind, Kind::Deleted);
        QVERIFY(scopes[4].text.contains(QLatin1String("old")));
        QVERIFY(scopes[4].text != QLatin1String("old")); // says it is deleted
        QCOMPARE(scopes[5].kind, Kind::Asked);
    }

    void aNewClusterIsThereBeforeItsMetrics()
    {
        const auto scopes =
            monitoringScopes({{QStringLiteral("fresh"), QStringLiteral("fresh")}}, {});
        QCOMPARE(ids(scopes), (QStringList{QString(), QStringLiteral("fresh")}));
        QCOMPARE(scopes[1].kind, Kind::Live);
        // Asked for and listed: once.
        QCOMPARE(monitoringScopes({{QStringLiteral("fresh"), {}}}, {QStringLiteral("fresh")},
                                  QStringLiteral("fresh"))
                     .size(),
                 size_t(2));
    }

    void theControllerFollowsTheClustersModel()
    {
        const CostEstimator costs(rov::catalog::MachineCatalog::builtIn());
        ClusterListModel model(costs);
        MonitoringScopes scopes(&model);
        QCOMPARE(ids(scopes.scopes()), QStringList{QString()});
        QSignalSpy changed(&scopes, &MonitoringScopes::changed);
        model.setClusters({cluster(QStringLiteral("c1"), QStringLiteral("One"))});
        QVERIFY(changed.count() >= 1);
        QCOMPARE(ids(scopes.scopes()), (QStringList{QString(), QStringLiteral("c1")}));
        QVERIFY(scopes.scopes()[1].text.contains(QLatin1String("One")));
        // Deleted without metrics: gone from the picker.
        model.setClusters({});
        QCOMPARE(ids(scopes.scopes()), QStringList{QString()});
        scopes.ask(QStringLiteral("_serving"));
        QCOMPARE(scopes.scopes().back().kind, Kind::Serving);
        // Nothing changed: nothing announced.
        changed.clear();
        scopes.retranslate();
        QCOMPARE(changed.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMonitoringScopes)
#include "tst_monitoringscopes.moc"
