// The create wizard on its own (issue 10, item 4): it gets what it needs through its Context, so
// its field checks, its review and its progress run against a small fixture server, in seconds
// and without Ray. The end-to-end creation against rovd with real Ray is in tst_clusterworkflow.
#include "api/vertex/vertexclient.h"
#include "catalog/machinecatalog.h"
#include "core/costestimator.h"
#include "core/languagemanager.h"
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
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

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
