// The dashboard view as a developer uses it, against a real rovd running real Ray: the nodes
// table shows the head and the workers by pool, a sample job sent with its working directory
// succeeds and its output is in the log view, a long job is stopped, a finished one deleted, and
// after the cluster is deleted the job history still shows both jobs and their logs.
#include "banner.h"
#include "clusterspage.h"
#include "core/clusterlistmodel.h"
#include "core/dashboardsession.h"
#include "core/joblogfollower.h"
#include "core/languagemanager.h"
#include "core/logentrymodel.h"
#include "core/logquerytext.h"
#include "core/settingskeys.h"
#include "dashboard/actorstaskstab.h"
#include "dashboard/dashboardwindow.h"
#include "dashboard/jobstab.h"
#include "dashboard/nodestab.h"
#include "dashboard/overviewtab.h"
#include "dashboard/submitjobdialog.h"
#include "dashboard/webdashboard.h"
#include "dashboard/webdashboardtab.h"
#include "datatable.h"
#include "jobhistorypage.h"
#include "languagewalk.h"
#include "logs/logspage.h"
#include "logview.h"
#include "mainwindow.h"
#include "monitoring/chartpanel.h"
#include "monitoring/minicharts.h"
#include "navigation.h"
#include "notebook/jupyterlabwindow.h"
#include "rovdfixture.h"
#include "screenshots.h"
#include "serving/registermodeldialog.h"
#include "serving/servingpages.h"
#include "shownguide.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineView>
#include <csignal>

using rov::core::JobListModel;
using rov::core::NodeListModel;
using rov::ui::DashboardWindow;
using rov::ui::MainWindow;
using rov::ui::SubmitJobDialog;

namespace {

// Stands in for the system browser: QDesktopServices hands it the URLs it would open.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

const QString kCluster = QStringLiteral("dash-gui");

QString logText(const rov::core::LogModel &log)
{
    QStringList lines;
    for (qsizetype line = 0; line < log.lineCount(); ++line)
        lines << log.store().lineText(line);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QString error;
        // Every node stops with rovd, agents included, so no port stays taken for the next test.
        m_rovd.setExtraArguments({QStringLiteral("--stop-clusters-on-exit")});
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        rov::core::Profile profile = rov::core::Profile::thisComputer();
        profile.rovdUrl = m_rovd.url(QString());
        profile.rovdDataDir = m_data.path();
        m_window = std::make_unique<MainWindow>();
        m_window->setLanguageManager(&m_languages);
        m_window->show();
        m_window->useProfile(profile);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->session()->status() == rov::core::BackendSession::Status::Ready, 20000);

        rov::api::vertex::PersistentResource cluster =
            rov::api::vertex::PersistentResource::fromJson(nlohmann::json::parse(R"({
                "resourcePools": [
                  {"id": "head", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": 1},
                  {"id": "workers", "machineSpec": {"machineType": "n1-standard-4"},
                   "replicaCount": 1}],
                "resourceRuntimeSpec": {"raySpec": {}}})"));
        bool sent = false;
        std::optional<rov::rest::ApiError> failure;
        m_window->session()->vertex()->createCluster(kCluster, cluster, this, [&](auto result) {
            sent = true;
            failure = result.error;
        });
        QTRY_VERIFY_WITH_TIMEOUT(sent, 20000);
        QVERIFY2(!failure, failure ? qPrintable(failure->toString()) : "");
        QTRY_VERIFY_WITH_TIMEOUT(clusterIsRunning(), 180000);
        m_dashboard = m_window->openDashboard(clusterName());
        QVERIFY(m_dashboard);
        QVERIFY(QTest::qWaitForWindowExposed(m_dashboard));
    }

    void cleanupTestCase()
    {
        if (m_dashboard)
            m_dashboard->close();
        // The window deletes itself when closed (deleteLater), and no event loop runs after this:
        // without these, its web view would outlive Qt WebEngine's profile, torn down at exit,
        // and the heap was seen corrupted there (QtTest's crash handler then hung in fork()).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        m_window.reset();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        m_rovd.terminate();
        rov::test::killProcessesUnder(m_tempRoot);
        // A JupyterLab a failed check left running (its command line names its folder).
        rov::test::killProcessesUnder(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        QDir(m_tempRoot).removeRecursively();
    }

    void theNodesTableShowsTheHeadAndTheWorkersByPool()
    {
        NodeListModel *nodes = m_dashboard->session()->nodes();
        QTRY_COMPARE_WITH_TIMEOUT(nodes->rowCount(), 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(nodes->at(0)->usage.has_value(), 20000);
        QStringList seen;
        for (int row = 0; row < nodes->rowCount(); ++row) {
            seen << QStringLiteral("%1/%2/%3/%4")
                        .arg(nodes->index(row, NodeListModel::Role).data().toString(),
                             nodes->index(row, NodeListModel::Pool).data().toString(),
                             nodes->index(row, NodeListModel::State).data().toString(),
                             nodes->index(row, NodeListModel::Cpus).data().toString());
        }
        QCOMPARE(seen, QStringList({QStringLiteral("Head/head/Alive/0"),
                                    QStringLiteral("Worker/workers/Alive/4")}));
        auto *overview = m_dashboard->overview();
        QTRY_COMPARE_WITH_TIMEOUT(overview->usageText(QStringLiteral("CPU")),
                                  QStringLiteral("0 of 4"), 20000);
        m_dashboard->tabs()->setCurrentWidget(m_dashboard->nodesTab());
        m_dashboard->nodesTab()->table()->selectRow(0);
        QTRY_VERIFY(m_dashboard->findChild<QPlainTextEdit *>(QStringLiteral("nodeDetails"))
                        ->toPlainText()
                        .contains(QStringLiteral("resource-pool = head")));
        save(*m_dashboard, QStringLiteral("dashboard_nodes_en.png"));
    }

    void aMissingWorkingDirectoryIsRefusedInWords()
    {
        auto *dialog = m_dashboard->openSubmitDialog();
        dialog->setEntrypoint(QStringLiteral("python main.py"));
        dialog->setWorkingDirectory(QStringLiteral("/nonexistent/project"));
        dialog->submit();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->message(),
                                  QStringLiteral("The folder /nonexistent/project does not exist."),
                                  10000);
        QVERIFY(dialog->isVisible());
        dialog->setEntrypoint(QString());
        dialog->submit();
        QVERIFY(dialog->message().startsWith(QStringLiteral("Enter the command")));
        dialog->close();
    }

    void aSampleJobWithItsWorkingDirectorySucceedsAndItsOutputIsInTheLog()
    {
        auto *dialog = m_dashboard->openSubmitDialog();
        QVERIFY(dialog->chooseSample(QStringLiteral("pi_monte_carlo.py")));
        dialog->setEnvironment(QStringLiteral("PI_TASKS=8\nPI_SAMPLES_PER_TASK=50000"));
        dialog->setJobName(QStringLiteral("pi-demo"));
        QVERIFY2(dialog->commandText().contains(QStringLiteral("--working-dir")),
                 qPrintable(dialog->commandText()));
        save(*dialog, QStringLiteral("dashboard_submit_en.png"));
        QPointer<SubmitJobDialog> guard(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!guard, 60000); // accepted: uploaded and submitted
        auto *jobs = m_dashboard->jobsTab();
        QTRY_VERIFY_WITH_TIMEOUT(!jobs->selectedKey().isEmpty(), 20000);
        m_piJob = jobs->selectedKey();
        QVERIFY(m_piJob.startsWith(QStringLiteral("raysubmit_")));
        QTRY_COMPARE_WITH_TIMEOUT(status(m_piJob), QStringLiteral("SUCCEEDED"), 180000);
        auto *log = m_dashboard->session()->log();
        QTRY_VERIFY_WITH_TIMEOUT(m_dashboard->session()->logFollower()->isComplete(), 30000);
        QVERIFY2(logText(*log).contains(QStringLiteral("pi is about 3.1")),
                 qPrintable(logText(*log)));
        // Ray's colour codes are gone from what the view shows.
        QVERIFY(!logText(*log).contains(QLatin1Char('\x1b')));
        auto *search = jobs->logView()->findChild<QLineEdit *>(QStringLiteral("logSearch"));
        QTest::keyClicks(search, QStringLiteral("PI IS ABOUT"));
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(log->hits().size(), size_t(1));
        QCOMPARE(m_dashboard->findChild<QLabel *>(QStringLiteral("logHits"))->text(),
                 QStringLiteral("1 of 1"));
        m_dashboard->tabs()->setCurrentWidget(jobs);
        save(*m_dashboard, QStringLiteral("dashboard_jobs_en.png"));
    }

    // The demo's loop: the sample training job writes model.pkl to gs:// through rovd (its nodes
    // have STORAGE_EMULATOR_HOST), and "Register model from this job" registers that folder.
    void aTrainedModelIsRegisteredFromItsJob()
    {
        auto *jobs = m_dashboard->jobsTab();
        const QString before = jobs->selectedKey(); // the last test's job
        auto *dialog = m_dashboard->openSubmitDialog();
        QVERIFY(dialog->chooseSample(QStringLiteral("train_sklearn.py")));
        dialog->setJobName(QStringLiteral("train-demo"));
        QPointer<SubmitJobDialog> guard(dialog);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!guard, 60000);
        // Selected as soon as the list shows it.
        QTRY_VERIFY_WITH_TIMEOUT(jobs->selectedKey().startsWith(QStringLiteral("raysubmit_")) &&
                                     jobs->selectedKey() != before,
                                 20000);
        const QString id = jobs->selectedKey();
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("SUCCEEDED"), 240000);
        auto *registerAction =
            m_dashboard->findChild<QAction *>(QStringLiteral("registerModelFromJob"));
        QTRY_VERIFY(registerAction->isEnabled());
        registerAction->trigger();
        QTRY_VERIFY2_WITH_TIMEOUT(m_window->navigation()->current() == rov::ui::Page::Models,
                                  qPrintable(m_dashboard->statusBar()->currentMessage()), 20000);
        rov::ui::RegisterModelDialog *registration = nullptr;
        QTRY_VERIFY((registration = m_window->findChild<rov::ui::RegisterModelDialog *>()));
        const QString folder =
            registration->findChild<QLineEdit *>(QStringLiteral("cloudFolder"))->text();
        QVERIFY2(folder.startsWith(QStringLiteral("gs://rov-models/jobs/")), qPrintable(folder));
        QVERIFY(registration->findChild<QRadioButton *>(QStringLiteral("fromCloud"))->isChecked());
        // Named after the job's script, not its submission id.
        QCOMPARE(registration->findChild<QLineEdit *>(QStringLiteral("modelName"))->text(),
                 QStringLiteral("train_sklearn"));
        const QPointer<QDialog> open(registration);
        registration->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!open || !open->isVisible(), 30000);
        Q_UNUSED(id);
        auto *models = m_window->findChild<rov::ui::ModelsPage *>()->table()->model();
        QTRY_COMPARE_WITH_TIMEOUT(models->rowCount(), 1, 15000);
        QCOMPARE(models->index(0, rov::core::ModelListModel::Artifact).data().toString(), folder);
        m_window->navigation()->show(rov::ui::Page::Clusters);
        m_dashboard->raise();
    }

    void aLongJobIsStoppedWhileItsLogStreams()
    {
        const QString id = submit(QStringLiteral(
            "python -c \"import time; print('long job started', flush=True); time.sleep(600)\""));
        QVERIFY(!id.isEmpty());
        m_dashboard->jobsTab()->selectJob(id);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("RUNNING"), 60000);
        auto *log = m_dashboard->session()->log();
        QTRY_VERIFY_WITH_TIMEOUT(logText(*log).contains(QStringLiteral("long job started")), 60000);
        QVERIFY(m_dashboard->session()->logFollower()->isStreaming());
        auto *stop = m_dashboard->findChild<QAction *>(QStringLiteral("stopJob"));
        QTRY_VERIFY(stop->isEnabled());
        stop->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("STOPPED"), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_dashboard->session()->logFollower()->isStreaming(), 20000);
        m_stoppedJob = id;
    }

    // "View logs" from the dashboard: the Logs page with the job's lines, then the node's.
    void viewLogsOpensTheLogsPageOnTheJobAndTheNode()
    {
        const QString id = submit(QStringLiteral("echo dashlogsmarker from the job"));
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("SUCCEEDED"), 60000);
        m_dashboard->jobsTab()->selectJob(id);
        auto *jobLogs = m_dashboard->findChild<QAction *>(QStringLiteral("jobLogs"));
        QTRY_VERIFY(jobLogs->isEnabled());
        jobLogs->trigger();
        QCOMPARE(m_window->navigation()->current(), rov::ui::Page::Logs);
        auto *page = m_window->findChild<rov::ui::LogsPage *>();
        QVERIFY(page->query().contains(QStringLiteral("labels.ray_submission_id=\"%1\"").arg(id)));
        const auto found = [page] {
            for (const auto &entry : page->model()->entries())
                if (entry.message().contains(QStringLiteral("dashlogsmarker from the job")))
                    return true;
            return false;
        };
        for (int i = 0; i < 10 && !found(); ++i) {
            page->run();
            if (QTest::qWaitFor(found, 3000))
                break;
        }
        QVERIFY2(found(), qPrintable(page->status()->text()));
        // The head: its raylet's file began before Ray gave the node its id, and carries it.
        m_dashboard->nodesTab()->table()->selectRow(0);
        m_dashboard->findChild<QAction *>(QStringLiteral("nodeLogs"))->trigger();
        const QString node =
            rov::core::logquery::clauseValue(page->query(), rov::core::logquery::Clause::NodeId);
        QVERIFY2(!node.isEmpty(), qPrintable(page->query()));
        const auto onlyThatNode = [page, node] {
            if (page->model()->rowCount() == 0)
                return false;
            for (const auto &entry : page->model()->entries())
                if (entry.label("ray_node_id") != node)
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(onlyThatNode(), 20000);
        page->showQuery(page->query() + QStringLiteral("\nlogName:\"raylet.out\""));
        QTRY_VERIFY_WITH_TIMEOUT(onlyThatNode(), 20000);
        m_window->navigation()->show(rov::ui::Page::Clusters);
    }

    void aFinishedJobIsDeleted()
    {
        const QString id = submit(QStringLiteral("echo quick job done"));
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("SUCCEEDED"), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->jobHistory()->hasLog(clusterName(), id),
                                 20000); // kept before Ray forgets
        m_dashboard->jobsTab()->selectJob(id);
        auto *remove = m_dashboard->findChild<QAction *>(QStringLiteral("deleteJob"));
        QTRY_VERIFY(remove->isEnabled());
        remove->trigger();
        QTRY_VERIFY(m_dashboard->findChild<QMessageBox *>());
        auto *confirm = m_dashboard->findChild<QMessageBox *>();
        for (QAbstractButton *button : confirm->buttons()) {
            if (confirm->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_dashboard->session()->jobs()->rowOfKey(id), -1, 20000);
        m_deletedJob = id;
    }

    void actorsAndTasksAreSummarised()
    {
        auto *tab = m_dashboard->actorsTasksTab();
        m_dashboard->tabs()->setCurrentWidget(tab);
        auto *actors = m_dashboard->session()->actorSummary();
        // Every submitted job runs a JobSupervisor actor; the pi job ran count_inside tasks.
        QTRY_VERIFY_WITH_TIMEOUT(actors->rowOfKey(QStringLiteral("/JobSupervisor")) >= 0, 20000);
        auto *tasks = m_dashboard->session()->taskSummary();
        QTRY_VERIFY_WITH_TIMEOUT(tasks->rowOfKey(QStringLiteral("NORMAL_TASK/count_inside")) >= 0,
                                 20000);
        const auto *row = tasks->at(tasks->rowOfKey(QStringLiteral("NORMAL_TASK/count_inside")));
        QCOMPARE(row->total(), 8);
        tab->setFilter(QStringLiteral("count"), QStringLiteral("FINISHED"));
        QCOMPARE(tasks->rowCount(), 1);
        QCOMPARE(actors->rowCount(), 0);
        QVERIFY2(tab->truncationLabel()->text().startsWith(QStringLiteral("All ")),
                 qPrintable(tab->truncationLabel()->text()));
        save(*m_dashboard, QStringLiteral("dashboard_tasks_en.png"));
        tab->setFilter(QString(), QString());
        m_dashboard->tabs()->setCurrentWidget(m_dashboard->overview());
        // Issue 13, item 8: CPU, memory and running tasks of this cluster, from rovd's PromQL.
        for (auto *chart : m_dashboard->overview()->charts()->panels())
            QTRY_VERIFY2_WITH_TIMEOUT(chart->seriesCount() == 1, qPrintable(chart->message()),
                                      30000);
        save(*m_dashboard, QStringLiteral("dashboard_overview_en.png"));
    }

    void raysOwnWebDashboardIsATab()
    {
        QVERIFY2(rov::ui::webdashboard::available(), "this build has no Qt WebEngine");
        auto *web = m_dashboard->findChild<rov::ui::WebDashboardTab *>();
        QVERIFY(web);
        QVERIFY(!web->view()); // Chromium waits until the tab is opened
        QSignalSpy loaded(web, &rov::ui::WebDashboardTab::loaded);
        m_dashboard->tabs()->setCurrentWidget(web);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 60000);
        QVERIFY(loaded.first().first().toBool());
        QTRY_COMPARE_WITH_TIMEOUT(web->view()->title(), QStringLiteral("Ray Dashboard"), 30000);
        QTest::qWait(3000); // the page renders its first data
        save(*m_dashboard, QStringLiteral("dashboard_web_en.png"));
        m_dashboard->tabs()->setCurrentWidget(m_dashboard->overview());
    }

    void helpOpensTheGuideAtTheDashboardsSection()
    {
        auto *guideAction = m_dashboard->findChild<QAction *>(QStringLiteral("userGuide"));
        QVERIFY(guideAction);
        QCOMPARE(guideAction->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F1));
        guideAction->trigger();
        rov::ui::GuideWindow *guide = shownguide::find();
        QVERIFY(guide);
        QTRY_COMPARE(guide->currentSection(), QStringLiteral("dashboard"));
        guide->close();
    }

    void theDashboardReadsInChinese()
    {
        m_dashboard->tabs()->setCurrentWidget(m_dashboard->nodesTab());
        // A Submit dialog with a half-typed command is open: a language switch loses nothing.
        auto *typing = m_dashboard->openSubmitDialog();
        QVERIFY(typing);
        auto *entrypoint = typing->findChild<QLineEdit *>(QStringLiteral("entrypoint"));
        QVERIFY(entrypoint);
        entrypoint->setText(QStringLiteral("python train.py --epochs 3"));
        const QPointer<DashboardWindow> before = m_dashboard;
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        // The open window follows in place, on the same tab (issue 10, item 9).
        QTRY_COMPARE(m_dashboard->tabs()->tabText(0), QStringLiteral("概览(&O)"));
        QVERIFY(m_dashboard && m_dashboard == before);
        QCOMPARE(m_dashboard->tabs()->currentWidget(), m_dashboard->nodesTab());
        QCOMPARE(entrypoint->text(), QStringLiteral("python train.py --epochs 3"));
        QTest::qWait(300); // a poll's sentences in the new language
        const QStringList english = languagewalk::englishTexts();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
        typing->close();
        m_dashboard->tabs()->setCurrentWidget(m_dashboard->overview());
        QTRY_VERIFY_WITH_TIMEOUT(m_dashboard->session()->nodes()->rowCount() == 2 &&
                                     m_dashboard->session()->load().has_value(),
                                 20000);
        QTest::qWait(500);
        save(*m_dashboard, QStringLiteral("dashboard_overview_zh_CN.png"));
        m_dashboard->tabs()->setCurrentWidget(m_dashboard->jobsTab());
        m_dashboard->jobsTab()->selectJob(m_piJob);
        QTRY_VERIFY_WITH_TIMEOUT(m_dashboard->session()->logFollower()->isComplete(), 20000);
        save(*m_dashboard, QStringLiteral("dashboard_jobs_zh_CN.png"));
        auto *dialog = m_dashboard->openSubmitDialog();
        dialog->chooseSample(QStringLiteral("word_count.py"));
        QTest::qWait(200);
        save(*dialog, QStringLiteral("dashboard_submit_zh_CN.png"));
        dialog->close();
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QTRY_COMPARE(m_dashboard->tabs()->tabText(0), QStringLiteral("&Overview"));
    }

    // Clusters > Open in JupyterLab: one server for the profile, a window signed in with its
    // token showing the cluster's first sample, already on the cluster's kernel; a second open
    // reuses both; the browser choice opens a local page; Stop JupyterLab leaves no process.
    void openInJupyterLabStartsOneServerAndReusesIt()
    {
        QVERIFY2(rov::ui::webdashboard::available(), "this build has no Qt WebEngine");
        auto *navigation = m_window->findChild<rov::ui::Navigation *>();
        navigation->show(rov::ui::Page::Clusters);
        m_window->findChild<rov::ui::ClustersPage *>()->select(clusterName());
        auto *open = m_window->findChild<QAction *>(QStringLiteral("openJupyterLab"));
        auto *stop = m_window->findChild<QAction *>(QStringLiteral("stopJupyterLab"));
        QVERIFY(open && stop);
        QCOMPARE(open->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+J")));
        QTRY_VERIFY(open->isEnabled());
        QVERIFY(!stop->isEnabled());
        open->trigger();
        rov::core::JupyterLab *lab = m_window->session()->notebooks();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->jupyterLabWindow(), 90000);
        auto *window = m_window->jupyterLabWindow();
        QCOMPARE(lab->state(), rov::core::JupyterLab::State::Running);
        QVERIFY(stop->isEnabled());
        const qint64 pid = lab->server()->pid;
        // Signed in through the login form: the page is the notebook, no token in its URL.
        QTRY_VERIFY_WITH_TIMEOUT(window->view()->url().path().startsWith(
                                     QStringLiteral("/lab/tree/dash-gui/01_connect")),
                                 60000);
        QVERIFY(
            !window->view()->url().toString().contains(QString::fromLatin1(lab->server()->token)));
        // The notebook is on the cluster's kernel: JupyterLab shows its name once it has started.
        QTRY_VERIFY_WITH_TIMEOUT(pageText(window).contains(QStringLiteral("Ray on dash-gui")),
                                 60000);

        open->trigger(); // again: the same server and window
        QTest::qWait(1000);
        QCOMPARE(lab->server()->pid, pid);
        QCOMPARE(m_window->jupyterLabWindow(), window);
        QCOMPARE(rov::test::processesMentioning(QStringLiteral("--ServerApp.root_dir=") +
                                                lab->places().notebooks()),
                 1);

        // The sample, run on the cluster by nbclient and saved, then shown: the screenshot.
        const QString sample =
            lab->places().notebooks() + QStringLiteral("/dash-gui/01_connect_and_run_tasks.ipynb");
        QProcess run;
        run.setProcessChannelMode(QProcess::MergedChannels);
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("JUPYTER_DATA_DIR"), lab->places().dataDir());
        run.setProcessEnvironment(environment);
        run.start(QStringLiteral(ROV_PYTHON_VENV "/bin/python"),
                  {QStringLiteral(ROV_SOURCE_DIR "/tests/compat/run_notebooks.py"),
                   QStringLiteral("--save"), QStringLiteral("ray-dash-gui"), sample});
        QVERIFY(run.waitForFinished(300000));
        QVERIFY2(run.exitCode() == 0, run.readAll().constData());
        window->view()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(pageText(window).contains(QStringLiteral("pi ≈ 3.1")), 60000);
        QTest::qWait(1500);
        save(*window, QStringLiteral("jupyterlab_en.png"));

        // In the system browser instead: a local page (0600) that passes the token on.
        QSettings().setValue(rov::core::settingskeys::jupyterLabInBrowser(), true);
        UrlCatcher browser;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &browser, "open");
        window->close();
        open->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(browser.urls.size(), qsizetype(1), 30000);
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QSettings().remove(rov::core::settingskeys::jupyterLabInBrowser());
        QCOMPARE(browser.urls.first().toLocalFile(), lab->places().openFile());
        QCOMPARE(QFile::permissions(lab->places().openFile()),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser |
                     QFileDevice::WriteUser);
        QCOMPARE(lab->server()->pid, pid);

        stop->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(lab->state(), rov::core::JupyterLab::State::Stopped, 20000);
        QVERIFY(!stop->isEnabled());
        QVERIFY(::kill(pid_t(pid), 0) != 0);
        QTRY_COMPARE_WITH_TIMEOUT(rov::test::processesMentioning(lab->places().root), 0, 10000);
    }

    void theHistoryKeepsJobsAndLogsAfterTheClusterIsDeleted()
    {
        m_window->remove(clusterName());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->clusterModel()->rowOf(clusterName()) < 0, 120000);
        // The open dashboard says at its top that the cluster is gone, and offers no Submit.
        QTRY_COMPARE_WITH_TIMEOUT(m_dashboard->clusterStatus(),
                                  rov::ui::DashboardWindow::ClusterStatus::Gone, 10000);
        QVERIFY(m_dashboard->banner()->text().contains(QStringLiteral("was deleted")));
        QVERIFY(!m_dashboard->canSubmit());
        QVERIFY(!m_dashboard->session()->isRefreshing());
        m_dashboard->close();

        // "Job history" is a page of the main window, opened at the cluster.
        auto *history = m_window->showJobHistory(clusterName());
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(m_window->navigation()->current(), rov::ui::Page::JobHistory);
        QVERIFY(history->isVisible());
        QVERIFY(history->selectCluster(clusterName()));
        for (const QString &id : {m_piJob, m_stoppedJob, m_deletedJob}) {
            QVERIFY2(history->selectJob(id), qPrintable(id));
            QVERIFY(history->logModel()->lineCount() > 0);
        }
        QVERIFY(history->selectJob(m_piJob));
        QVERIFY(logText(*history->logModel()).contains(QStringLiteral("pi is about 3.1")));
        history->logView()->search(QStringLiteral("pi is about"));
        QCOMPARE(history->logModel()->hits().size(), size_t(1));
        save(*m_window, QStringLiteral("job_history_en.png"));
        QVERIFY(history->selectJob(m_stoppedJob));
        QVERIFY(logText(*history->logModel()).contains(QStringLiteral("long job started")));
        // A language switch keeps the job a person chose, and its log.
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTest::qWait(100); // the queued retranslation
        QVERIFY(logText(*history->logModel()).contains(QStringLiteral("long job started")));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QTest::qWait(100);
        QVERIFY(logText(*history->logModel()).contains(QStringLiteral("long job started")));
        const auto kept = m_window->jobHistory()->jobs(clusterName());
        const auto stopped = std::find_if(kept.begin(), kept.end(),
                                          [&](const auto &job) { return job.key == m_stoppedJob; });
        QVERIFY(stopped != kept.end());
        QCOMPARE(stopped->status, QStringLiteral("STOPPED"));
        m_window->navigation()->show(rov::ui::Page::Clusters);
        QVERIFY(!history->isVisible());
    }

private:
    QString clusterName() const
    {
        return m_window->session()->vertex()->endpoint().parent() +
               QStringLiteral("/persistentResources/") + kCluster;
    }

    bool clusterIsRunning() const
    {
        const auto *cluster = m_window->clusterModel()->cluster(clusterName());
        return cluster && cluster->state == rov::api::vertex::ClusterState::Running;
    }

    QString status(const QString &key) const
    {
        const auto *job = m_dashboard->session()->jobs()->job(key);
        return job ? job->status : QString();
    }

    QString submit(const QString &entrypoint)
    {
        auto *dialog = m_dashboard->openSubmitDialog();
        QString id;
        connect(dialog, &SubmitJobDialog::submitted, this,
                [&id](const QString &value) { id = value; });
        dialog->setEntrypoint(entrypoint);
        dialog->submit();
        if (!QTest::qWaitFor([&] { return !id.isEmpty(); }, 30000))
            qWarning("no submission: %s", qPrintable(dialog->message()));
        if (!QTest::qWaitFor([&] { return m_dashboard->session()->jobs()->rowOfKey(id) >= 0; },
                             20000))
            qWarning("%s is not listed", qPrintable(id));
        return id;
    }

    static void save(QWidget &widget, const QString &name)
    {
        QVERIFY(screenshots::save(widget, name));
    }

    rov::core::LanguageManager m_languages;
    QTemporaryDir m_data;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovg-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    std::unique_ptr<MainWindow> m_window;

    // The text JupyterLab shows, read from its page.
    static QString pageText(rov::ui::JupyterLabWindow *window)
    {
        QString text;
        bool done = false;
        window->view()->page()->runJavaScript(QStringLiteral("document.body.innerText"),
                                              [&](const QVariant &result) {
                                                  text = result.toString();
                                                  done = true;
                                              });
        QDeadlineTimer deadline(10000);
        while (!done && !deadline.hasExpired())
            QTest::qWait(50);
        return text;
    }
    QPointer<DashboardWindow> m_dashboard;
    QString m_piJob;
    QString m_stoppedJob;
    QString m_deletedJob;
};

int main(int argc, char *argv[])
{
    rov::ui::webdashboard::prepareApplication(); // as the console's main does
    QApplication app(argc, argv);
    TestDashboard test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_dashboard.moc"
