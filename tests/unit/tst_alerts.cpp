// Alerting rules and alerts as Prometheus 2.42 answers them, what the console raises, and what
// the alert list shows.
#include "api/monitoring/alerts.h"
#include "core/alertlistmodel.h"
#include "core/alertwatcher.h"
#include "core/languagemanager.h"

#include <QTest>

using namespace rov::api::monitoring;
using rov::core::AlertListModel;

namespace {

// /api/v1/rules?type=alert as Prometheus 2.42 answers it (one rule firing, one inactive).
QByteArray rulesBody(const char *state = "firing", const char *cluster = "m1")
{
    return QByteArray("{\"status\":\"success\",\"data\":{\"groups\":[{\"name\":\"ray-clusters\","
                      "\"file\":\"/d/metrics/ray-alerts.yml\",\"rules\":["
                      "{\"state\":\"") +
           state +
           "\",\"name\":\"ClusterCostHigh\",\"query\":\"rovd_cluster_cost_per_hour_usd > on() "
           "group_left() rovd_cost_alert_threshold_usd_per_hour\",\"duration\":0,"
           "\"labels\":{\"severity\":\"warning\"},\"annotations\":{\"summary\":\"Cluster costs\"},"
           "\"alerts\":[{\"labels\":{\"alertname\":\"ClusterCostHigh\",\"instance\":\"r\","
           "\"job\":\"rovd\",\"ray_io_cluster\":\"" +
           cluster + "\",\"severity\":\"warning\"},\"annotations\":{\"summary\":\"Cluster " +
           cluster + " costs $0.19 per hour\"},\"state\":\"" + state +
           "\",\"activeAt\":\"2026-12-01T17:50:05.123456789Z\",\"value\":\"1.9e-01\"}],"
           "\"health\":\"ok\",\"evaluationTime\":0.0003,\"lastEvaluation\":"
           "\"2026-12-01T17:51:00Z\",\"type\":\"alerting\"},"
           "{\"state\":\"inactive\",\"name\":\"RayNodeDown\",\"query\":\"up == 0\","
           "\"duration\":60,\"labels\":{},\"annotations\":{},\"alerts\":[],\"health\":\"err\","
           "\"lastError\":\"vector contains metrics with the same labelset\","
           "\"type\":\"alerting\"},"
           "{\"name\":\"a:recorded\",\"query\":\"up\",\"health\":\"ok\",\"type\":\"recording\"}"
           "],\"interval\":5}]}}";
}

std::vector<AlertRule> rules(const QByteArray &body)
{
    auto parsed = parseRules(200, body);
    if (auto *error = std::get_if<rov::rest::ApiError>(&parsed))
        qFatal("%s", qPrintable(error->toString()));
    return std::get<std::vector<AlertRule>>(parsed);
}

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US")))); }

    void rulesAreReadWithTheirAlerts()
    {
        const auto read = rules(rulesBody());
        QCOMPARE(read.size(), size_t(2)); // the recording rule is not an alert
        const AlertRule &cost = read[0];
        QCOMPARE(cost.name, QStringLiteral("ClusterCostHigh"));
        QCOMPARE(cost.group, QStringLiteral("ray-clusters"));
        QCOMPARE(cost.state, AlertRule::State::Firing);
        QVERIFY(cost.healthy);
        QCOMPARE(cost.alerts.size(), size_t(1));
        const Alert &alert = cost.alerts[0];
        QCOMPARE(alert.name, QStringLiteral("ClusterCostHigh"));
        QCOMPARE(alert.cluster(), QStringLiteral("m1"));
        QCOMPARE(alert.state, Alert::State::Firing);
        QCOMPARE(alert.value, 0.19);
        QCOMPARE(alert.activeAt.toUTC(),
                 QDateTime(QDate(2026, 12, 1), QTime(17, 50, 5, 123), Qt::UTC));
        const AlertRule &down = read[1];
        QCOMPARE(down.forSeconds, qint64(60));
        QVERIFY(!down.healthy);
        QCOMPARE(down.lastError, QStringLiteral("vector contains metrics with the same labelset"));
    }

    void theAlertsEndpointIsRead()
    {
        const QByteArray body =
            "{\"status\":\"success\",\"data\":{\"alerts\":[{\"labels\":{\"alertname\":\"X\"},"
            "\"annotations\":{},\"state\":\"pending\",\"activeAt\":\"2026-12-01T17:50:05Z\","
            "\"value\":\"NaN\"}]}}";
        auto parsed = parseAlerts(200, body);
        const auto &alerts = std::get<std::vector<Alert>>(parsed);
        QCOMPARE(alerts.size(), size_t(1));
        QCOMPARE(alerts[0].state, Alert::State::Pending);
        QCOMPARE(alerts[0].value, 0.0); // NaN reaches no one
    }

    // Cloud Monitoring has no rules endpoint: its 404 is an error the watcher takes as "none".
    void errorsKeepTheirWords()
    {
        auto google = parseRules(404, "{\"error\":{\"code\":404,\"message\":\"Not found\","
                                      "\"status\":\"NOT_FOUND\"}}");
        QCOMPARE(std::get<rov::rest::ApiError>(google).httpStatus, 404);
        auto prometheus = parseRules(
            422, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"bad type\"}");
        QCOMPARE(std::get<rov::rest::ApiError>(prometheus).message, QStringLiteral("bad type"));
        auto garbage = parseAlerts(200, "<html>");
        QVERIFY(std::holds_alternative<rov::rest::ApiError>(garbage));
    }

    // An alert is raised when it begins to fire: not while pending, not again while it fires,
    // again after it stopped.
    void anAlertIsRaisedOnceEachTimeItBeginsToFire()
    {
        std::set<QString> firing;
        const auto step = [&firing](const QByteArray &body) {
            const auto now = rules(body);
            const auto raised = rov::core::newlyFiring(firing, now);
            firing.clear();
            for (const auto &rule : now)
                for (const auto &alert : rule.alerts)
                    if (alert.state == Alert::State::Firing)
                        firing.insert(alert.key());
            return raised.size();
        };
        QCOMPARE(step(rulesBody("pending")), size_t(0));
        QCOMPARE(step(rulesBody("firing")), size_t(1));
        QCOMPARE(step(rulesBody("firing")), size_t(0));
        QCOMPARE(step(rulesBody("firing", "m2")), size_t(1)); // another cluster's
        QCOMPARE(step(rulesBody("inactive")), size_t(0));
        QCOMPARE(step(rulesBody("firing")), size_t(1));
    }

    void theListShowsFiringFirstInTheConsolesWords()
    {
        AlertListModel model;
        QVERIFY(model.setRules(rules(rulesBody())));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, AlertListModel::State).data().toString(), QStringLiteral("Firing"));
        QCOMPARE(model.index(0, AlertListModel::Cluster).data().toString(), QStringLiteral("m1"));
        QCOMPARE(model.index(0, AlertListModel::Summary).data().toString(),
                 QStringLiteral("Cluster m1 costs $0.19 per hour"));
        QCOMPARE(model.index(0, 0).data(AlertListModel::ClusterRole).toString(),
                 QStringLiteral("m1"));
        QVERIFY(!model.setRules(rules(rulesBody()))); // the same answer again changes nothing
        QVERIFY(model.setRules({}));
        QCOMPARE(model.rowCount(), 0);
        // A rule of the user's keeps its own summary.
        Alert mine;
        mine.name = QStringLiteral("Mine");
        mine.annotations[QStringLiteral("summary")] = QStringLiteral("12 tasks finished");
        QCOMPARE(AlertListModel::summaryText(mine), QStringLiteral("12 tasks finished"));
        mine.name = QStringLiteral("RayTasksFailing");
        mine.labels[QStringLiteral("ray_io_cluster")] = QStringLiteral("m1");
        mine.value = 3;
        QCOMPARE(AlertListModel::summaryText(mine),
                 QStringLiteral("3 tasks of cluster m1 failed in the last 5 minutes"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QVERIFY(AlertListModel::summaryText(mine).contains(QStringLiteral("m1")));
        QVERIFY(AlertListModel::summaryText(mine).contains(QStringLiteral("失败")));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
    }

private:
    rov::core::LanguageManager m_languages;
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
