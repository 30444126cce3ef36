// The create wizard on its own (issue 10, item 4): it gets what it needs through its Context, so
// its field checks, its review and its progress run against a small fixture server, in seconds
// and without Ray. The end-to-end creation against rovd with real Ray is in tst_clusterworkflow.
#include "api/vertex/vertexclient.h"
#include "catalog/machinecatalog.h"
#include "core/costestimator.h"
#include "core/languagemanager.h"
#include "failurereport.h"
#include "fixtureserver.h"
#include "languagewalk.h"
#include "rest/restclient.h"
#include "screenshots.h"
#include "wizard/createclusterwizard.h"
#include "wizard/creationprogresspage.h"

#include <QAbstractButton>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>

using rov::ui::CreateClusterWizard;

class TestWizard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US")))); }

    void theIdFieldExplainsABadIdAtOnce()
    {
        auto wizard = open();
        auto *id = wizard->findChild<QLineEdit *>(QStringLiteral("clusterId"));
        auto *problem = wizard->findChild<QLabel *>(QStringLiteral("clusterIdProblem"));
        QTest::keyClicks(id, QStringLiteral("Bad_Id"));
        QCOMPARE(problem->text(), QStringLiteral("The id must start with a lower-case letter."));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        id->setText(QStringLiteral("bad_id"));
        QCOMPARE(problem->text(),
                 QStringLiteral("Use only lower-case letters, digits and hyphens."));
        id->setText(QStringLiteral("good-id-"));
        QCOMPARE(problem->text(), QStringLiteral("The id cannot end with a hyphen."));
        id->setText(QStringLiteral("good-id"));
        QVERIFY(problem->text().isEmpty());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    }

    void anEmptyAutoscalingRangeIsRefusedAtThePool()
    {
        auto wizard = openAt(CreateClusterWizard::PoolsStep, QStringLiteral("range-test"));
        wizard->findChild<QRadioButton *>(QStringLiteral("pool0-autoscaling"))->setChecked(true);
        wizard->findChild<QSpinBox *>(QStringLiteral("pool0-min"))->setValue(3);
        wizard->findChild<QSpinBox *>(QStringLiteral("pool0-max"))->setValue(3);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(CreateClusterWizard::PoolsStep));
        auto *problem = wizard->findChild<QLabel *>(QStringLiteral("pool0-sizeProblem"));
        QVERIFY(problem->isVisible());
        QCOMPARE(problem->text(),
                 QStringLiteral("The maximum (3) must be greater than the minimum (3)."));
        save(*wizard, QStringLiteral("wizard_pools_error_en.png"));
    }

    void moreNodesThanTheBackendRunsAreRefused()
    {
        auto wizard = openAt(CreateClusterWizard::PoolsStep, QStringLiteral("too-big"));
        wizard->findChild<QSpinBox *>(QStringLiteral("pool0-replicas"))->setValue(kMaxNodes + 5);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(CreateClusterWizard::PoolsStep));
        auto *problem = wizard->findChild<QLabel *>(QStringLiteral("poolsProblem"));
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("the backend runs at most")),
                 qPrintable(problem->text()));
    }

    void createFollowsTheOperationToARunningCluster()
    {
        auto wizard = openAt(CreateClusterWizard::ReviewStep, QStringLiteral("fixture-c1"));
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("costEstimate"))
                    ->text()
                    .contains(QStringLiteral("per hour")));
        wizard->next(); // Create
        QTRY_COMPARE(wizard->currentId(), int(CreateClusterWizard::ProgressStep));
        auto *progress = static_cast<rov::ui::CreationProgressPage *>(
            wizard->page(CreateClusterWizard::ProgressStep));
        QTRY_VERIFY_WITH_TIMEOUT(progress->isDone(), 10000);
        QVERIFY(progress->succeeded());
        QCOMPARE(progress->title(), QStringLiteral("The cluster is running"));
        QVERIFY(progress->created().name.endsWith(QStringLiteral("/fixture-c1")));
        QVERIFY(wizard->button(QWizard::CustomButton1)->isVisible()); // Open Ray dashboard
        // The finished page follows a language switch, its state words included.
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTRY_COMPARE(progress->title(), QStringLiteral("集群正在运行"));
        QCOMPARE(wizard->button(QWizard::CustomButton1)->text(),
                 QStringLiteral("打开 Ray 仪表板(&R)"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QTRY_COMPARE(progress->title(), QStringLiteral("The cluster is running"));
    }

    void aFailedStartSaysWhyShowsTheLogFoldedAndOffersTheWaysOn()
    {
        auto wizard = openAt(CreateClusterWizard::ReviewStep, QStringLiteral("broken-c1"));
        QSignalSpy deletes(wizard.get(), &CreateClusterWizard::deleteRequested);
        wizard->next(); // Create
        QTRY_COMPARE(wizard->currentId(), int(CreateClusterWizard::ProgressStep));
        auto *progress = static_cast<rov::ui::CreationProgressPage *>(
            wizard->page(CreateClusterWizard::ProgressStep));
        QTRY_VERIFY_WITH_TIMEOUT(progress->isDone(), 10000);
        QVERIFY(!progress->succeeded());
        QCOMPARE(progress->title(), QStringLiteral("The cluster did not start"));
        // No 100 % for a start that failed.
        QVERIFY(!progress->findChild<QProgressBar *>()->isVisible());
        auto *report = progress->findChild<rov::ui::FailureReport *>();
        QVERIFY(report && report->isVisible());
        QCOMPARE(report->reason(), QStringLiteral("Node head-0 exited while starting (attempt 3 "
                                                  "of 3)"));
        // Ray's log: folded, and without the terminal's colour codes once opened.
        auto *log = report->findChild<QPlainTextEdit *>(QStringLiteral("failureLog"));
        auto *fold = report->findChild<QToolButton *>(QStringLiteral("failureLogFold"));
        QVERIFY(!log->isVisible());
        QVERIFY(fold->isVisible());
        fold->click();
        QVERIFY(log->isVisible());
        QVERIFY2(!log->toPlainText().contains(QChar(0x1b)), qPrintable(log->toPlainText()));
        QVERIFY(log->toPlainText().endsWith(QStringLiteral(
            "RuntimeError: Failed to start the GCS server: address already in use")));
        save(*wizard, QStringLiteral("wizard_failed_en.png"));
        // The ways on: Delete asks the main window for the cluster just made.
        auto *remove = progress->findChild<QPushButton *>(QStringLiteral("deleteFailed"));
        QVERIFY(remove && remove->isVisible());
        QVERIFY(progress->findChild<QPushButton *>(QStringLiteral("rebootFailed"))->isVisible());
        QVERIFY(progress->findChild<QPushButton *>(QStringLiteral("failedNodeLogs"))->isVisible());
        remove->click();
        QCOMPARE(deletes.size(), 1);
        QVERIFY(deletes.first().first().toString().endsWith(QStringLiteral("/broken-c1")));
        // In Chinese, the backend's reason is Chinese too (its google.rpc.LocalizedMessage), and
        // the page's own words follow the switch.
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTRY_COMPARE(progress->title(), QStringLiteral("集群未能启动"));
        QTRY_COMPARE(fold->text(), QStringLiteral("隐藏该节点的 Ray 日志"));
        auto chinese = openAt(CreateClusterWizard::ReviewStep, QStringLiteral("broken-c2"));
        chinese->next();
        QTRY_COMPARE(chinese->currentId(), int(CreateClusterWizard::ProgressStep));
        auto *page = static_cast<rov::ui::CreationProgressPage *>(
            chinese->page(CreateClusterWizard::ProgressStep));
        QTRY_VERIFY_WITH_TIMEOUT(page->isDone(), 10000);
        auto *reason = page->findChild<rov::ui::FailureReport *>();
        QCOMPARE(reason->reason(),
                 QStringLiteral("节点 head-0 在启动时退出（第 3 次尝试，共 3 次）"));
        QVERIFY(reason->log().endsWith(QStringLiteral("address already in use")));
        reason->findChild<QToolButton *>(QStringLiteral("failureLogFold"))->click();
        save(*chinese, QStringLiteral("wizard_failed_zh_CN.png"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
    }

    void aTakenIdIsShownAtTheIdField()
    {
        auto wizard = openAt(CreateClusterWizard::ReviewStep, QStringLiteral("taken"));
        wizard->next(); // Create: 409
        QTRY_COMPARE(wizard->currentId(), int(CreateClusterWizard::NameStep));
        QCOMPARE(wizard->findChild<QLabel *>(QStringLiteral("clusterIdProblem"))->text(),
                 QStringLiteral("A cluster with this id exists already."));
    }

    void everyPageFollowsALanguageSwitch()
    {
        auto wizard = openAt(CreateClusterWizard::PoolsStep, QStringLiteral("zh-test"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTest::qWait(200); // the queued retranslation
        const QStringList english = languagewalk::englishTexts();
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
    }

private:
    static constexpr int kMaxNodes = 12;

    std::unique_ptr<CreateClusterWizard> open()
    {
        CreateClusterWizard::Context context;
        context.client = &m_vertex;
        context.capabilities.known = true;
        context.capabilities.maxNodesPerCluster = kMaxNodes;
        context.capabilities.maxNodesTotal = kMaxNodes;
        context.capabilities.rayVersions = {QStringLiteral("2.47")};
        context.capabilities.pythonVersions = {QStringLiteral("3.11")};
        context.costs = &m_costs;
        context.machineTypes = rov::catalog::MachineCatalog::builtIn().machineNames();
        auto wizard = std::make_unique<CreateClusterWizard>(context);
        wizard->show();
        if (!QTest::qWaitForWindowExposed(wizard.get()))
            qWarning("the wizard was not shown");
        return wizard;
    }

    std::unique_ptr<CreateClusterWizard> openAt(CreateClusterWizard::Step step, const QString &id)
    {
        auto wizard = open();
        wizard->findChild<QLineEdit *>(QStringLiteral("clusterId"))->setText(id);
        while (wizard->currentId() < step)
            wizard->next();
        return wizard;
    }

    static void save(QWidget &widget, const QString &name)
    {
        QVERIFY(screenshots::save(widget, name));
    }

    rov::test::FixtureServer m_server;
    rov::rest::RestClient m_rest;
    rov::api::vertex::VertexClient m_vertex{&m_rest,
                                            {m_server.url(QStringLiteral("/")),
                                             QStringLiteral("fixture-project"),
                                             QStringLiteral("us-central1"), QStringLiteral("v1")}};
    rov::core::CostEstimator m_costs{rov::catalog::MachineCatalog::builtIn()};
    rov::core::LanguageManager m_languages;
};

QTEST_MAIN(TestWizard)
#include "tst_wizard.moc"
