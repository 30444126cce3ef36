// The console as an analyst uses it, against a real rovd running real Ray: the wizard refuses
// bad input at the right field, creates a cluster that reaches RUNNING in the table, scales it
// and deletes it. Screens are saved in English and Chinese along the way.
#include "banner.h"
#include "clusterdetailsdialog.h"
#include "clusterspage.h"
#include "core/alertlistmodel.h"
#include "core/backendsession.h"
#include "core/clusterlistmodel.h"
#include "core/connectionsnippets.h"
#include "core/languagemanager.h"
#include "core/logentrymodel.h"
#include "core/logquerytext.h"
#include "dashboard/dashboardwindow.h"
#include "dashboard/overviewtab.h"
#include "datatable.h"
#include "deleteclusterdialog.h"
#include "languagewalk.h"
#include "logs/logqueryedit.h"
#include "logs/logspage.h"
#include "logs/logvolumechart.h"
#include "mainwindow.h"
#include "monitoring/alertindicator.h"
#include "monitoring/alertspanel.h"
#include "monitoring/chartpanel.h"
#include "monitoring/customchartdialog.h"
#include "monitoring/minicharts.h"
#include "monitoring/monitoringpage.h"
#include "navigation.h"
#include "rovdfixture.h"
#include "scaledialog.h"
#include "screenshots.h"
#include "shownguide.h"
#include "wizard/createclusterwizard.h"
#include "wizard/creationprogresspage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCompleter>
#include <QDeadlineTimer>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using rov::api::vertex::ClusterState;
using rov::core::ClusterListModel;
using rov::ui::CreateClusterWizard;
using rov::ui::MainWindow;

namespace {

const QString kCluster = QStringLiteral("gui-c1");

} // namespace

class TestClusterWorkflow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QString error;
        // Any node costs more than a cent an hour: the cost alert fires for the test's cluster.
        m_rovd.setExtraArguments(
            {QStringLiteral("--cost-alert-usd-per-hour"), QStringLiteral("0.01")});
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        rov::core::Profile profile = rov::core::Profile::thisComputer();
        profile.rovdUrl = m_rovd.url(QString());
        profile.rovdDataDir = m_data.path();
        m_window.setLanguageManager(&m_languages);
        m_window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_window));
        m_window.useProfile(profile);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window.session()->status() == rov::core::BackendSession::Status::Ready, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window.session()->capabilities().known, 10000);
    }

    void cleanupTestCase()
    {
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    // The wizard's own checks run against a fixture server in tst_wizard; here it creates a real
    // cluster.
    void createsAClusterThatReachesRunningInTheTable()
    {
        auto *wizard = openAt(CreateClusterWizard::ReviewStep, kCluster);
        save(*wizard, QStringLiteral("wizard_review_en.png"));
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("costEstimate"))
                    ->text()
                    .contains(QStringLiteral("per hour")));
        wizard->next(); // Create
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(CreateClusterWizard::ProgressStep),
                                  20000);
        auto *progress = static_cast<rov::ui::CreationProgressPage *>(
            wizard->page(CreateClusterWizard::ProgressStep));
        QTest::qWait(1500);
        save(*wizard, QStringLiteral("wizard_progress_en.png"));
        QTRY_VERIFY_WITH_TIMEOUT(progress->isDone(), 240000);
        QVERIFY2(
            progress->succeeded(),
            qPrintable(wizard->findChild<QLabel *>(QStringLiteral("creationMessage"))->text()));
        save(*wizard, QStringLiteral("wizard_done_en.png"));
        // Issue 10, item 8: the finished page says it is done and offers every way on.
        QCOMPARE(progress->title(), QStringLiteral("The cluster is running"));
        QVERIFY(wizard->button(QWizard::CustomButton1)->isVisible());
        QVERIFY(wizard->button(QWizard::CancelButton)->isVisible());
        QVERIFY(progress->created().name.endsWith(QLatin1Char('/') + kCluster));
        // What "Open Ray dashboard" opens: the address comes with the finished operation.
        QVERIFY(!rov::core::ConnectionSnippets::of(progress->created(), true, QUrl())
                     .dashboard.isEmpty());
        wizard->accept(); // "Open details"

        QTRY_VERIFY_WITH_TIMEOUT(clusterState() == ClusterState::Running, 20000);
        auto *details = m_window.findChild<rov::ui::ClusterDetailsDialog *>();
        QVERIFY(details);
        QTRY_VERIFY_WITH_TIMEOUT(details->cluster().state == ClusterState::Running, 10000);
        QTest::qWait(500);
        save(*details, QStringLiteral("details_en.png"));
        // Its history: each state change with its time and reason.
        details->findChild<QTabWidget *>()->setCurrentIndex(2);
        auto *history = details->findChild<QTableWidget *>(QStringLiteral("historyTable"));
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() >= 2, 10000);
        QCOMPARE(history->item(0, 1)->text(), QStringLiteral("Running"));
        QCOMPARE(history->item(0, 2)->text(), QStringLiteral("All 2 Ray nodes are alive"));
        QCOMPARE(history->item(history->rowCount() - 1, 1)->text(), QStringLiteral("Provisioning"));
        save(*details, QStringLiteral("details_history_en.png"));
        details->close();
        m_window.clustersPage()->select(clusterName());
        m_window.refresh();
        QTest::qWait(500);
        save(m_window, QStringLiteral("clusters_en.png"));
        // At the smallest window the console supports, no column is cut (node counts were).
        const QSize was = m_window.size();
        m_window.resize(1024, 700);
        QTest::qWait(200);
        auto *table = m_window.clustersPage()->table();
        QVERIFY(table->model()->rowCount() > 0);
        for (int column = 0; column < table->model()->columnCount(); ++column) {
            for (int row = 0; row < table->model()->rowCount(); ++row) {
                const QModelIndex index = table->model()->index(row, column);
                QVERIFY2(table->columnWidth(column) >= table->sizeHintForIndex(index).width(),
                         qPrintable(index.data().toString()));
            }
        }
        m_window.resize(was);
    }

    void theBackendsRefusalOfATakenIdIsShownAtTheIdField()
    {
        auto *wizard = openAt(CreateClusterWizard::ReviewStep, kCluster);
        wizard->next(); // Create: rovd answers 409
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(CreateClusterWizard::NameStep), 15000);
        QCOMPARE(wizard->findChild<QLabel *>(QStringLiteral("clusterIdProblem"))->text(),
                 QStringLiteral("A cluster with this id exists already."));
        wizard->close();
    }

    void theDialogsInEnglish() { saveDialogs(QStringLiteral("en")); }

    void everyScreenInChinese()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTRY_COMPARE(m_window.windowTitle(), QStringLiteral("Vertex AI 上的 Ray 控制台"));
        QTest::qWait(300);
        save(m_window, QStringLiteral("clusters_zh_CN.png"));
        saveDialogs(QStringLiteral("zh_CN"));
        auto *wizard = openAt(CreateClusterWizard::PoolsStep, QStringLiteral("zh-test"));
        save(*wizard, QStringLiteral("wizard_pools_zh_CN.png"));
        wizard->next();
        wizard->next();
        save(*wizard, QStringLiteral("wizard_review_zh_CN.png"));
        wizard->close();
        m_window.showDetails(clusterName());
        auto *details = m_window.findChild<rov::ui::ClusterDetailsDialog *>();
        QVERIFY(details);
        QTRY_VERIFY_WITH_TIMEOUT(details->cluster().state == ClusterState::Running, 10000);
        QTest::qWait(500);
        save(*details, QStringLiteral("details_zh_CN.png"));
        details->close();
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
    }

    void scalingTheWorkerPoolIsSeenInTheTable()
    {
        m_window.clustersPage()->select(clusterName());
        m_window.findChild<QAction *>(QStringLiteral("scale"))->trigger();
        auto *dialog = m_window.findChild<rov::ui::ScaleDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->spinBox(QStringLiteral("worker-pool1"))->minimum(), 1);
        // Issue 12: a change that changes nothing cannot be sent.
        QVERIFY(!dialog->scaleButton()->isEnabled());
        dialog->spinBox(QStringLiteral("worker-pool1"))->setValue(2);
        QVERIFY(dialog->scaleButton()->isEnabled());
        dialog->spinBox(QStringLiteral("worker-pool1"))->setValue(1);
        QVERIFY(!dialog->scaleButton()->isEnabled());
        dialog->spinBox(QStringLiteral("worker-pool1"))->setValue(2);
        // The cost per hour before and after (issue 10, item 7).
        static const QRegularExpression perHour(QStringLiteral(
            "^Cost per hour \\(estimate\\): \\$([0-9.]+) now, \\$([0-9.]+) after scaling$"));
        const auto costs = perHour.match(dialog->costLabel()->text());
        QVERIFY2(costs.hasMatch() && costs.captured(2).toDouble() > costs.captured(1).toDouble(),
                 qPrintable(dialog->costLabel()->text()));
        save(*dialog, QStringLiteral("scale_en.png"));
        // rovd keeps the node record: the cost so far is counted from the cluster's creation.
        const auto before = m_window.clusterModel()->costSoFar(clusterName());
        QCOMPARE(before.source, rov::core::CostRecord::Source::BackendRecord);
        dialog->scaleButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(workerNodes() == 2 && clusterState() == ClusterState::Running,
                                 180000);
        QVERIFY(m_window.clusterModel()->costSoFar(clusterName()).dollars >= before.dollars);
        QVERIFY(!m_window.clusterModel()
                     ->index(row(), ClusterListModel::Cost)
                     .data()
                     .toString()
                     .contains(QLatin1String("since")));
        QVERIFY(m_window.clusterModel()
                    ->data(m_window.clusterModel()->index(row(), ClusterListModel::Nodes),
                           Qt::DisplayRole)
                    .toString()
                    .contains(QStringLiteral("worker-pool1: 2/2")));
    }

    // Issue 13: the Monitoring page charts the running cluster from rovd's Prometheus; zooming
    // one chart moves them all; every word follows a switch to Chinese.
    void theMonitoringPageChartsTheRunningCluster()
    {
        m_window.navigation()->show(rov::ui::Page::Monitoring);
        auto *page = m_window.findChild<rov::ui::MonitoringPage *>();
        QVERIFY(page && page->isVisible());
        page->findChild<QComboBox *>(QStringLiteral("monitoringAutoRefresh"))->setCurrentIndex(1);
        const QString id = clusterName().section(QLatin1Char('/'), -1);
        // The picker lists the cluster without being asked (it once listed none).
        auto *scope = page->findChild<QComboBox *>(QStringLiteral("monitoringScope"));
        QTRY_VERIFY_WITH_TIMEOUT(scope->findData(id) > 0, 10000);
        page->showCluster(id);
        QCOMPARE(page->cluster(), id);
        auto *cpu = page->panel(QStringLiteral("nodeCpu"));
        auto *nodes = page->panel(QStringLiteral("nodes"));
        QTRY_VERIFY2_WITH_TIMEOUT(cpu->seriesCount() >= 3 && nodes->seriesCount() == 2,
                                  qPrintable(cpu->message() + QLatin1Char(' ') + nodes->message()),
                                  90000);
        // rovd's own metrics: the cluster's cost per hour while its nodes run.
        QTRY_VERIFY2_WITH_TIMEOUT(page->panel(QStringLiteral("cost"))->seriesCount() == 1,
                                  qPrintable(page->panel(QStringLiteral("cost"))->message()),
                                  30000);
        QTRY_VERIFY_WITH_TIMEOUT(page->panel(QStringLiteral("gpus"))->message() ==
                                     QStringLiteral("This cluster has no GPUs"),
                                 20000);
        // The cost rule fires for the cluster: listed above the charts in the console's words,
        // counted in the status bar, raised once as a notification.
        auto *alerts = page->alertsPanel();
        const auto costAlertRow = [alerts, id] {
            const auto *model = alerts->model();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, rov::core::AlertListModel::Name).data() ==
                        QStringLiteral("ClusterCostHigh") &&
                    model->index(row, rov::core::AlertListModel::Cluster).data() == id)
                    return row;
            }
            return -1;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(costAlertRow() >= 0, qPrintable(alerts->headline()), 60000);
        QVERIFY(alerts->isVisible() && alerts->table()->isVisible());
        QVERIFY2(alerts->headline().contains(QStringLiteral("firing")),
                 qPrintable(alerts->headline()));
        QVERIFY(alerts->model()
                    ->index(costAlertRow(), rov::core::AlertListModel::Summary)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Cluster ") + id + QStringLiteral(" costs $")));
        auto *indicator = m_window.findChild<rov::ui::AlertIndicator *>();
        QVERIFY(indicator && indicator->isVisible());
        QVERIFY2(indicator->text().contains(QStringLiteral("firing")),
                 qPrintable(indicator->text()));
        // Raised once, in the language of the moment (a slow run raises it during the Chinese
        // screens): the rule's name and the cluster id read the same in both.
        QCOMPARE(indicator->notified().filter(QStringLiteral("ClusterCostHigh")).filter(id).size(),
                 1);
        // Every chart shows series or says why not: none is left blank.
        for (auto *panel : page->panels())
            QTRY_VERIFY2(
                panel->seriesCount() > 0 ||
                    (!panel->message().isEmpty() && panel->message() != QStringLiteral("Loading…")),
                qPrintable(panel->spec().id + QLatin1Char(' ') + panel->message()));
        // The cluster's events (created, scaled) stand on every chart's time axis.
        QTRY_VERIFY_WITH_TIMEOUT(cpu->markerCount() >= 2, 20000);
        // The CSV export has a row per sample time ...
        QTRY_VERIFY2_WITH_TIMEOUT(cpu->csv().trimmed().split('\n').size() > 4,
                                  cpu->csv().left(300).data(), 30000);
        const QList<QByteArray> csv = cpu->csv().trimmed().split('\n');
        QVERIFY2(csv.first().startsWith("time,"), csv.first().constData());
        // The last sample on the time axis (the query's last step may lie past its end).
        qint64 lastSample = 0;
        for (const QByteArray &row : csv.mid(1)) {
            const qint64 time =
                QDateTime::fromString(QString::fromUtf8(row.split(',').first()), Qt::ISODateWithMs)
                    .toMSecsSinceEpoch();
            if (time < cpu->timeRange().second - 1000)
                lastSample = time;
        }
        // ... and the crosshair reads the series at the time under the mouse.
        QVERIFY2(!cpu->readout(lastSample).isEmpty(), cpu->csv().right(300).constData());
        QChart *chart = cpu->view()->chart();
        const QPointF inChart = chart->mapToPosition(
            QPointF(double(lastSample), chart->plotArea().height() > 0 ? 0.1 : 0),
            chart->series().first());
        const QPoint under = cpu->view()->mapFromScene(chart->mapToScene(inChart));
        // The event itself: QTest::mouseMove moves no pointer on the offscreen platform.
        const QPointF at(under.x() - 1, under.y() - 20);
        QMouseEvent move(QEvent::MouseMove, at, cpu->view()->viewport()->mapToGlobal(at),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(cpu->view()->viewport(), &move);
        auto *readout = cpu->findChild<QLabel *>(QStringLiteral("chartReadout"));
        QTRY_VERIFY(readout->isVisible());
        QVERIFY2(readout->text().contains(QStringLiteral("cores")), qPrintable(readout->text()));
        // Zoomed to the last two minutes: every chart follows, and the screenshots show the
        // cluster's short life across the whole width.
        const auto [from, to] = cpu->timeRange();
        QVERIFY(from < to);
        Q_EMIT cpu->zoomed(to - 2 * 60 * 1000, to);
        for (auto *panel : page->panels())
            QCOMPARE(panel->timeRange(), std::make_pair(to - 2 * 60 * 1000, to));
        QTest::qWait(1500); // the zoomed range's answers
        QVERIFY(cpu->seriesCount() >= 3);
        auto *status = page->findChild<QLabel *>(QStringLiteral("monitoringStatus"));
        QVERIFY2(status->text().startsWith(QStringLiteral("Zoomed in to")),
                 qPrintable(status->text()));
        QCOMPARE(cpu->timeRange(), std::make_pair(to - 2 * 60 * 1000, to));
        save(m_window, QStringLiteral("monitoring_en.png"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTRY_COMPARE(page->panel(QStringLiteral("tasks"))
                         ->findChild<QLabel *>(QStringLiteral("chartTitle"))
                         ->text(),
                     QStringLiteral("按状态统计的任务"));
        QTest::qWait(500);
        const QStringList english = languagewalk::englishTexts();
        save(m_window, QStringLiteral("monitoring_zh_CN.png"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        // A double-click on any chart goes back to the page's range.
        Q_EMIT nodes->zoomReset();
        QTRY_VERIFY(cpu->timeRange().second - cpu->timeRange().first > 14 * 60 * 1000);
        page->findChild<QComboBox *>(QStringLiteral("monitoringAutoRefresh"))->setCurrentIndex(0);
        addsACustomChart(page);
        m_window.navigation()->show(rov::ui::Page::Clusters);
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
    }

    // Issue 14: the Logs page finds a job's line by its marker, draws the volume by severity,
    // follows a line printed after it opened, shows a bad query's error where it is, and reads
    // in Chinese.
    void theLogsPageFindsAJobsLinesAndFollowsThemLive()
    {
        const QString id = clusterName().section(QLatin1Char('/'), -1);
        const QString marker =
            QStringLiteral("guimarker%1").arg(QCoreApplication::applicationPid());
        QVERIFY(
            submitJob(QStringLiteral("python -c \"print('%1 first', flush=True)\"").arg(marker)));
        rov::ui::LogsPage *page = m_window.showLogs(rov::core::logquery::clusterQuery(id) +
                                                    QStringLiteral("\n") + marker);
        QVERIFY(page->isVisible());
        QVERIFY2(untilRows(page, 1, 60000), qPrintable(page->status()->text()));
        const auto first = page->model()->entry(page->model()->rowCount() - 1);
        QVERIFY(first.message().contains(marker + QStringLiteral(" first")));
        QCOMPARE(first.label("ml.googleapis.com/ray_cluster_id"), id);
        page->table()->selectRow(page->model()->rowCount() - 1);
        QTRY_VERIFY(page->details()->toPlainText().contains(QStringLiteral("tailed_path")));

        // Around it: its file, a minute either side, with it still chosen.
        const QString firstId = first.insertId;
        page->showSurrounding();
        QTRY_VERIFY_WITH_TIMEOUT(
            page->table()->currentIndex().isValid() &&
                page->model()->entry(page->table()->currentIndex().row()).insertId == firstId,
            20000);
        QVERIFY(page->query().contains(QStringLiteral("jsonPayload.tailed_path=")));
        page->showQuery(rov::core::logquery::clusterQuery(id) + QStringLiteral("\n") + marker);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() >= 1, 20000);

        // Live: a line printed after the page opened comes without another search.
        page->setTailing(true);
        QVERIFY(page->isTailing());
        QVERIFY(
            submitJob(QStringLiteral("python -c \"print('%1 second', flush=True)\"").arg(marker)));
        const auto hasSecond = [page, marker] {
            for (const auto &entry : page->model()->entries())
                if (entry.message().contains(marker + QStringLiteral(" second")))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasSecond(), 60000);
        page->setTailing(false);

        // Export writes every match, as it came, one JSON object a line.
        const QString exported = m_data.filePath(QStringLiteral("marker.jsonl"));
        const int shown = page->model()->rowCount();
        page->exportTo(exported, true);
        QTRY_VERIFY_WITH_TIMEOUT(page->status()->text().startsWith(QStringLiteral("Exported ")),
                                 20000);
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(int(lines.size()), shown);
        QVERIFY(std::any_of(lines.begin(), lines.end(), [&](const QByteArray &line) {
            return nlohmann::json::parse(line.toStdString())["jsonPayload"]["message"] ==
                   (marker + QStringLiteral(" first")).toStdString();
        }));

        // The whole cluster: the histogram counts its entries by severity.
        page->showQuery(rov::core::logquery::clusterQuery(id));
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 10, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(page->histogram()->total() > 0 || (page->run(), false), 90000);
        save(m_window, QStringLiteral("logs_en.png"));

        // A query the backend cannot read: its words, and the cursor where it points.
        page->editor()->setPlainText(QStringLiteral("severity>=WARNING AND (raylet"));
        page->run();
        QTRY_VERIFY_WITH_TIMEOUT(page->problem()->isVisible(), 10000);
        QVERIFY2(page->problem()->text().contains(QStringLiteral("expected ')'")),
                 qPrintable(page->problem()->text()));
        // The range filter wrote its line under the user's: the error is at the end of the text.
        QCOMPARE(page->editor()->textCursor().position(),
                 int(page->editor()->toPlainText().size()));

        page->showQuery(rov::core::logquery::clusterQuery(id));
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 10, 20000);
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTest::qWait(500);
        const QStringList english = languagewalk::englishTexts();
        save(m_window, QStringLiteral("logs_zh_CN.png"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));

        // rovd's own access log, chosen in the Log filter: the requests this page made, and
        // the clusters' lines (their task name, the cluster) leave the query.
        auto *log = page->findChild<QComboBox *>(QStringLiteral("logFile"));
        QVERIFY(log);
        const int access = log->findText(QStringLiteral("rovd/access"));
        QVERIFY2(access >= 0, "rovd's access log is not among the Log filter's choices");
        QVERIFY(log->findText(QStringLiteral("rovd/events")) >= 0);
        log->setCurrentIndex(access);
        Q_EMIT log->activated(access);
        QVERIFY(!page->query().contains(QStringLiteral("task_name")));
        QVERIFY(!page->query().contains(id));
        // The cluster's rows stay until the new answer replaces them.
        const auto rovdsRows = [page] {
            const auto &entries = page->model()->entries();
            return !entries.empty() &&
                   std::all_of(entries.begin(), entries.end(),
                               [](const auto &entry) {
                                   return entry.logId() == QStringLiteral("rovd/access");
                               }) &&
                   std::any_of(entries.begin(), entries.end(), [](const auto &entry) {
                       return entry.message().startsWith(
                           QStringLiteral("POST /v2/entries:list 200"));
                   });
        };
        QTRY_VERIFY_WITH_TIMEOUT(rovdsRows(), 20000);
        page->table()->selectRow(page->model()->rowCount() - 1);
        save(m_window, QStringLiteral("logs_rovd_en.png"));
        m_window.navigation()->show(rov::ui::Page::Clusters);
    }

    void aLanguageSwitchLeavesNoEnglishInOpenWindows()
    {
        // Issue 10, item 9: a wizard, a details dialog, a dashboard window, the job history
        // and the shortcut list are open when the language changes; every word follows.
        QPointer<CreateClusterWizard> wizard = m_window.openCreateWizard();
        // Its Help button opens the guide at the clusters' section (then the guide is closed:
        // its pages are the guide's own words, English or Chinese as they are).
        QVERIFY(wizard && wizard->button(QWizard::HelpButton)->isVisible());
        wizard->button(QWizard::HelpButton)->click();
        QPointer<rov::ui::GuideWindow> guide = shownguide::find();
        QVERIFY(guide);
        QTRY_COMPARE(guide->currentSection(), QStringLiteral("clusters"));
        guide->close();
        m_window.showDetails(clusterName());
        QPointer<rov::ui::ClusterDetailsDialog> details =
            m_window.findChild<rov::ui::ClusterDetailsDialog *>();
        QVERIFY(m_window.openDashboard(clusterName()));
        m_window.findChild<QAction *>(QStringLiteral("keyboardShortcuts"))->trigger();
        m_window.showJobHistory();
        QVERIFY(wizard && details);
        QTRY_VERIFY_WITH_TIMEOUT(details->cluster().state == ClusterState::Running, 10000);
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTest::qWait(1500); // the queued retranslation and a refresh
        const QStringList english = languagewalk::englishTexts();
        // rovd's own words follow too (Accept-Language): the reasons of the state history.
        auto *history = details->findChild<QTableWidget *>(QStringLiteral("historyTable"));
        QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() > 0 && history->item(0, 2) &&
                                     languagewalk::looksChinese(history->item(0, 2)->text()),
                                 10000);
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        wizard->close();
        details->close();
        for (QWidget *window : QApplication::topLevelWidgets()) {
            if (window != &m_window && window->isVisible())
                window->close();
        }
        m_window.navigation()->show(rov::ui::Page::Clusters);
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
    }

    void switchingProfileClosesTheBackendsWindowsAndEndsItsCalls()
    {
        // Issue 10: a wizard, a details dialog and a dashboard window of this backend are open,
        // and a call is under way when the profile is switched.
        QPointer<CreateClusterWizard> wizard = m_window.openCreateWizard();
        m_window.showDetails(clusterName());
        QPointer<rov::ui::ClusterDetailsDialog> details =
            m_window.findChild<rov::ui::ClusterDetailsDialog *>();
        QPointer<rov::ui::DashboardWindow> dashboard = m_window.openDashboard(clusterName());
        QVERIFY(wizard && details && dashboard);
        QObject caller;
        int heard = 0;
        std::optional<rov::rest::ApiError::Kind> kind;
        m_window.session()->vertex()->listClusters(&caller, [&](auto result) {
            ++heard;
            kind = result.ok() ? std::nullopt : std::optional(result.error->kind);
        });
        m_window.useProfile(m_window.session()->profile());
        QVERIFY(!wizard && !details && !dashboard); // closed with their backend, at once
        QVERIFY2(
            m_window.statusBar()->currentMessage().contains(QStringLiteral("Closed 3 windows")),
            qPrintable(m_window.statusBar()->currentMessage()));
        QTRY_COMPARE(heard, 1);
        QCOMPARE(kind, std::optional(rov::rest::ApiError::Kind::Cancelled));
        QTRY_VERIFY_WITH_TIMEOUT(m_window.session()->isConnected(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window.clusterModel()->rowOf(clusterName()) >= 0, 10000);
        QTest::qWait(200);
        QCOMPARE(heard, 1);
    }

    void deletingAsksFirstAndTheDashboardWindowSaysTheClusterIsGone()
    {
        rov::ui::DashboardWindow *dashboard = m_window.openDashboard(clusterName());
        QVERIFY(dashboard);
        QVERIFY(dashboard->canSubmit());
        QVERIFY(dashboard->banner()->text().isEmpty());
        // Issue 13, item 8: the overview's small live charts of the running cluster.
        dashboard->tabs()->setCurrentWidget(dashboard->overview());
        auto *mini = dashboard->overview()->charts();
        QVERIFY(mini->isVisible());
        QTRY_VERIFY2_WITH_TIMEOUT(mini->panels()[0]->seriesCount() == 1 &&
                                      mini->panels()[1]->seriesCount() == 1,
                                  qPrintable(mini->panels()[0]->message()), 20000);
        m_window.clustersPage()->select(clusterName());
        m_window.findChild<QAction *>(QStringLiteral("deleteCluster"))->trigger();
        auto *dialog = m_window.findChild<rov::ui::DeleteClusterDialog *>();
        QVERIFY(dialog);
        dialog->deleteButton()->click();
        // Within 5 s the window says so at the top and Submit is off.
        QTRY_VERIFY_WITH_TIMEOUT(
            dashboard->clusterStatus() != rov::ui::DashboardWindow::ClusterStatus::Available, 5000);
        QVERIFY(!dashboard->findChild<QAction *>(QStringLiteral("submitJob"))->isEnabled());
        QVERIFY(dashboard->openSubmitDialog() == nullptr);
        QVERIFY(dashboard->banner()->text().contains(kCluster));
        QVERIFY(dashboard->findChild<QPushButton *>(QStringLiteral("bannerHistory"))->isVisible());
        QTest::qWait(300);
        save(*dashboard, QStringLiteral("dashboard_cluster_gone_en.png"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window.clusterModel()->rowOf(clusterName()) < 0, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(dashboard->clusterStatus(),
                                  rov::ui::DashboardWindow::ClusterStatus::Gone, 10000);
        dashboard->findChild<QPushButton *>(QStringLiteral("bannerClose"))->click();
    }

    void aStoppedRovdIsSeenWithinFiveSecondsAndRetryReconnects()
    {
        using Status = rov::core::BackendSession::Status;
        QCOMPARE(m_window.session()->status(), Status::Ready);
        const quint16 port = m_rovd.port();
        // The status bar says that rovd outlives the console (issue 10, item 12) ...
        QLabel *notice = m_window.rovdNotice();
        QTRY_VERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QStringLiteral("pid %1").arg(m_rovd.pid())) &&
                     notice->text().contains(QStringLiteral("keeps running")),
                 qPrintable(notice->text()));
        // ... and Project setup stops it.
        m_window.findChild<QAction *>(QStringLiteral("projectSetup"))->trigger();
        QTRY_VERIFY(QApplication::activeModalWidget());
        auto *setup = static_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(setup->findChild<QLabel *>(QStringLiteral("localStatus"))
                    ->text()
                    .contains(QStringLiteral("keeps running after the console closes")));
        auto *stop = setup->findChild<QPushButton *>(QStringLiteral("stopRovd"));
        QVERIFY(stop && stop->isVisible() && stop->isEnabled());
        stop->click();
        // It asks first; Cancel is the default.
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = setup->findChild<QMessageBox *>(QStringLiteral("confirmStopRovd"))));
        QTRY_VERIFY(confirm->isVisible());
        QCOMPARE(confirm->defaultButton(), confirm->button(QMessageBox::Cancel));
        QVERIFY(m_window.session()->status() == Status::Ready);
        save(*confirm, QStringLiteral("confirm_stop_rovd_en.png"));
        for (auto *button : confirm->buttons())
            if (confirm->buttonRole(button) == QMessageBox::AcceptRole)
                button->click();
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(m_rovd.waitForExit(60000), std::optional<int>(0));
        QVERIFY(!stop->isEnabled());
        setup->reject();
        QTRY_VERIFY_WITH_TIMEOUT(m_window.session()->status() == Status::Unreachable, 5000);
        qInfo("unreachable %lld ms after Stop rovd", clock.elapsed());
        QTRY_VERIFY(!notice->isVisible());
        auto *banner = m_window.connectionBanner();
        QVERIFY(banner->text().contains(QStringLiteral("does not answer")));
        QVERIFY(m_window.findChild<QPushButton *>(QStringLiteral("retryConnection"))->isVisible());
        QVERIFY(m_window.findChild<QPushButton *>(QStringLiteral("startRovd"))->isVisible());
        QVERIFY(!m_window.findChild<QAction *>(QStringLiteral("createCluster"))->isEnabled());
        QVERIFY(m_window.statusBar()
                    ->findChild<QLabel *>(QStringLiteral("backendStatus"))
                    ->text()
                    .contains(QStringLiteral("does not answer")));
        save(m_window, QStringLiteral("clusters_unreachable_en.png"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTRY_VERIFY(banner->text().contains(QStringLiteral("没有应答")));
        save(m_window, QStringLiteral("clusters_unreachable_zh_CN.png"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QString error;
        QVERIFY2(m_rovd.start(&error, port), qPrintable(error));
        m_window.findChild<QPushButton *>(QStringLiteral("retryConnection"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(m_window.session()->status(), Status::Ready, 5000);
        QTRY_VERIFY(banner->text().isEmpty());
        QVERIFY(m_window.findChild<QAction *>(QStringLiteral("createCluster"))->isEnabled());
    }

private:
    // Each dialog opened from its action, saved, and closed again.
    // A chart of the user's PromQL: metric names complete, Prometheus' error is shown at the
    // field with the cursor where it points, a good query becomes a chart kept with the profile.
    void addsACustomChart(rov::ui::MonitoringPage *page)
    {
        page->askForCustomChart();
        // Deleted when it closes.
        QPointer<rov::ui::CustomChartDialog> dialog =
            page->findChild<rov::ui::CustomChartDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *editor = dialog->editor();
        QTRY_VERIFY_WITH_TIMEOUT(
            editor->wordCompleter()
                    ->model()
                    ->match(editor->wordCompleter()->model()->index(0, 0), Qt::DisplayRole,
                            QStringLiteral("ray_node_cpu_count"), 1, Qt::MatchExactly)
                    .size() == 1,
            10000);
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("sum(ray_node_cpu_c"));
        QCOMPARE(editor->wordCompleter()->completionPrefix(), QStringLiteral("ray_node_cpu_c"));
        QCOMPARE(editor->wordCompleter()->currentCompletion(),
                 QStringLiteral("ray_node_cpu_count"));
        Q_EMIT editor->wordCompleter()->activated(QStringLiteral("ray_node_cpu_count"));
        QCOMPARE(editor->text(), QStringLiteral("sum(ray_node_cpu_count"));
        editor->setCursorPosition(0);
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->problem().isEmpty(), 10000);
        QVERIFY2(dialog->problem().contains(QStringLiteral("parse error")),
                 qPrintable(dialog->problem()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(editor->cursorPosition(), int(editor->text().size())); // where it ran out
        // The problem makes the dialog taller; no field is squeezed below its height.
        for (auto *field : dialog->findChildren<QWidget *>()) {
            if (field->isVisible() && field->parentWidget() == dialog &&
                (qobject_cast<QLineEdit *>(field) || qobject_cast<QComboBox *>(field)))
                QVERIFY2(field->height() >= field->sizeHint().height(),
                         qPrintable(field->objectName()));
        }
        auto *problem = dialog->findChild<QLabel *>(QStringLiteral("customChartProblem"));
        QVERIFY(problem->height() >= problem->heightForWidth(problem->width()));
        // After $cluster, the cursor goes where the person wrote, not where the filled query is.
        editor->setText(QStringLiteral("sum(ray_node_cpu_count{ray_io_cluster=~\"$cluster\"}"));
        editor->setCursorPosition(0);
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(editor->cursorPosition() != 0, 10000);
        QCOMPARE(editor->cursorPosition(), int(editor->text().size()));
        editor->setText(QStringLiteral("sum(ray_node_cpu_count"));
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->problem().isEmpty(), 10000);
        save(*dialog, QStringLiteral("custom_chart_en.png"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTRY_COMPARE(dialog->windowTitle(), QStringLiteral("添加图表"));
        QTRY_VERIFY2(dialog->problem().startsWith(QStringLiteral("后端拒绝了此查询")),
                     qPrintable(dialog->problem()));
        save(*dialog, QStringLiteral("custom_chart_zh_CN.png"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QTRY_VERIFY(dialog->problem().startsWith(QStringLiteral("The backend refused")));
        editor->setText(QStringLiteral("count(ray_node_cpu_count{ray_io_cluster=~\"$cluster\"})"));
        dialog->findChild<QLineEdit *>(QStringLiteral("customChartTitle"))
            ->setText(QStringLiteral("Nodes reporting"));
        dialog->accept();
        QTRY_VERIFY2_WITH_TIMEOUT(!dialog, qPrintable(dialog ? dialog->problem() : QString()),
                                  10000);
        QCOMPARE(page->customCharts().size(), size_t(1));
        auto *custom = page->panel(QStringLiteral("custom0"));
        QVERIFY(custom);
        QTRY_VERIFY2_WITH_TIMEOUT(custom->seriesCount() == 1, qPrintable(custom->message()), 20000);
        const QString profile = m_window.session()->profile().id;
        QCOMPARE(rov::core::loadCustomCharts(profile).size(), size_t(1));
        page->removeCustomChart(0);
        QTRY_VERIFY(!page->panel(QStringLiteral("custom0")));
        QVERIFY(rov::core::loadCustomCharts(profile).empty());
    }

    void saveDialogs(const QString &language)
    {
        m_window.clustersPage()->select(clusterName());
        for (const char *action : {"scale", "deleteCluster", "projectSetup", "settings"}) {
            m_window.findChild<QAction *>(QString::fromLatin1(action))->trigger();
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget *dialog = QApplication::activeModalWidget();
            QTest::qWait(300);
            // Project setup's picture in docs/ is tst_projectsetup's (a Google Cloud profile signed
            // in with a key); this one, of the local profile, does not replace it.
            const QString name =
                QString::fromLatin1(action) +
                (QLatin1String(action) == QLatin1String("projectSetup") ? QStringLiteral("_local")
                                                                        : QString());
            save(*dialog, QStringLiteral("%1_%2.png").arg(name, language));
            static_cast<QDialog *>(dialog)->reject();
            QTRY_VERIFY(!QApplication::activeModalWidget());
        }
    }

    QString clusterName() const
    {
        return m_window.session()->vertex()->endpoint().parent() +
               QStringLiteral("/persistentResources/") + kCluster;
    }
    int row() const { return m_window.clusterModel()->rowOf(clusterName()); }
    ClusterState clusterState() const
    {
        const auto *cluster = m_window.clusterModel()->cluster(clusterName());
        return cluster ? cluster->state : ClusterState::Unspecified;
    }
    qint64 workerNodes() const
    {
        const auto *cluster = m_window.clusterModel()->cluster(clusterName());
        return cluster && cluster->pools.size() > 1 ? cluster->pools[1].usedReplicaCount : -1;
    }

    // A new wizard with the id filled in, moved forward to `step`.
    CreateClusterWizard *openAt(CreateClusterWizard::Step step, const QString &id)
    {
        auto *wizard = m_window.openCreateWizard();
        if (!wizard)
            return nullptr;
        wizard->findChild<QLineEdit *>(QStringLiteral("clusterId"))->setText(id);
        while (wizard->currentId() < step)
            wizard->next();
        return wizard;
    }

    // Submits `entrypoint` to the test's cluster through Ray's job API.
    bool submitJob(const QString &entrypoint)
    {
        const auto *cluster = m_window.clusterModel()->cluster(clusterName());
        if (!cluster)
            return false;
        const QUrl dashboard = rov::core::ConnectionSnippets::of(*cluster, true, QUrl()).dashboard;
        bool done = false, ok = false;
        m_window.session()->rest()->send(
            rov::rest::HttpRequest::withJson(
                rov::rest::HttpMethod::Post,
                QUrl(dashboard.toString(QUrl::StripTrailingSlash) + QStringLiteral("/api/jobs/")),
                {{"entrypoint", entrypoint.toStdString()}}),
            this, [&](const rov::rest::HttpResponse &response) {
                ok = response.ok();
                done = true;
            });
        return QTest::qWaitFor([&] { return done; }, 30000) && ok;
    }

    // Runs the page's query every few seconds until it shows `rows` entries.
    static bool untilRows(rov::ui::LogsPage *page, int rows, int ms)
    {
        QDeadlineTimer deadline(ms);
        while (!deadline.hasExpired()) {
            page->run();
            if (QTest::qWaitFor([page, rows] { return page->model()->rowCount() >= rows; }, 3000))
                return true;
        }
        return false;
    }

    static void save(QWidget &widget, const QString &name)
    {
        QVERIFY(screenshots::save(widget, name));
    }

    QTemporaryDir m_data;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovw-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    rov::core::LanguageManager m_languages;
    MainWindow m_window;
};

QTEST_MAIN(TestClusterWorkflow)
#include "tst_clusterworkflow.moc"
