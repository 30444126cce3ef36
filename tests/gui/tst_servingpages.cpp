// Deploy to endpoint as a person does it, against a real rovd and real Ray Serve: Register model
// from a folder on this computer (uploaded to rovd's Cloud Storage), deploy it to a new endpoint
// from the Deploy dialog, send a prediction from the Test panel and read it; the traffic editor
// keeps its sum at 100. Screens are saved in English and Chinese, with no English left.
#include "core/batchcontroller.h"
#include "core/languagemanager.h"
#include "core/servingmodels.h"
#include "datatable.h"
#include "languagewalk.h"
#include "mainwindow.h"
#include "monitoring/chartpanel.h"
#include "monitoring/customchartdialog.h"
#include "monitoring/minicharts.h"
#include "monitoring/monitoringpage.h"
#include "rovdfixture.h"
#include "screenshots.h"
#include "serving/batchdialog.h"
#include "serving/batchpage.h"
#include "serving/deploydialog.h"
#include "serving/registermodeldialog.h"
#include "serving/servingpages.h"
#include "storagepickerdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using rov::ui::MainWindow;

namespace {

// A model that predicts 1 when the first feature is positive: the Test panel's answer is known.
const char *const kTrain = R"(
import pickle, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
x = np.random.default_rng(3).normal(size=(300, 4))
model = LogisticRegression().fit(x, (x[:, 0] > 0).astype(int))
with open(sys.argv[1] + "/model.pkl", "wb") as out:
    pickle.dump(model, out)
print(model.predict(np.array([[2.0, 0, 0, 0], [-2.0, 0, 0, 0]])).tolist())
)";

template <class T> T *openDialog()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<T *>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace

class TestServingPages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(QStringLiteral(ROV_PYTHON_VENV "/bin/python"),
                     {QStringLiteral("-c"), QString::fromLatin1(kTrain), m_model.path()});
        QVERIFY(python.waitForFinished(120000));
        const QString expected = QString::fromUtf8(python.readAll()).trimmed();
        QCOMPARE(expected, QStringLiteral("[1, 0]"));
        m_rovd.setExtraArguments({QStringLiteral("--stop-clusters-on-exit")});
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        rov::core::Profile &profile = m_profile;
        profile = rov::core::Profile::thisComputer();
        profile.rovdUrl = m_rovd.url(QString());
        profile.rovdDataDir = m_data.path();
        m_window.setLanguageManager(&m_languages);
        m_window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_window));
        m_window.useProfile(profile);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window.session()->status() == rov::core::BackendSession::Status::Ready, 20000);
    }

    void cleanupTestCase()
    {
        m_rovd.terminate();
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    void registerAModelFromAFolder()
    {
        auto *page = m_window.showModels();
        auto *registerButton = page->findChild<QPushButton *>(QStringLiteral("registerModel"));
        QTRY_VERIFY(registerButton->isEnabled());
        registerButton->click();
        auto *dialog = openDialog<rov::ui::RegisterModelDialog>();
        QVERIFY(dialog);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // no name, no folder
        dialog->findChild<QLineEdit *>(QStringLiteral("modelName"))
            ->setText(QStringLiteral("Sign of x0"));
        dialog->findChild<QLineEdit *>(QStringLiteral("localFolder"))->setText(m_empty.path());
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("registerStatus"))
                    ->text()
                    .contains(QStringLiteral("model.pkl")));
        QVERIFY(!ok->isEnabled());
        dialog->setLocalFolder(m_model.path());
        QTRY_VERIFY(ok->isEnabled());
        QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("uploadTo"))
                    ->text()
                    .startsWith(QStringLiteral("gs://rov-models/sign-of-x0-")));
        // The same request, for a script: the folder it will be uploaded to and the image.
        const QString python =
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("snippetPython"))->toPlainText();
        QVERIFY2(python.contains(QStringLiteral("artifact_uri=\"gs://rov-models/sign-of-x0-")) &&
                     python.contains(QStringLiteral("sklearn-cpu.1-6")),
                 qPrintable(python));
        screenshots::save(*dialog, QStringLiteral("register_model_en.png"));
        const QPointer<QDialog> open(dialog); // deleted when it closes
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(!open || !open->isVisible(), 30000);
        auto *models = page->table()->model();
        QTRY_COMPARE_WITH_TIMEOUT(models->rowCount(), 1, 15000);
        QCOMPARE(models->index(0, rov::core::ModelListModel::Framework).data().toString(),
                 QStringLiteral("scikit-learn 1.6"));
        QVERIFY(models->index(0, rov::core::ModelListModel::Artifact)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("gs://rov-models/")));
    }

    void deployFromTheDialogAndPredict()
    {
        auto *models = m_window.showModels();
        // On as soon as the registered model is listed (before the endpoints' list answers).
        auto *deploy = models->findChild<QPushButton *>(QStringLiteral("deployModel"));
        QVERIFY(deploy->isEnabled());
        deploy->click();
        auto *dialog = openDialog<rov::ui::DeployDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->split().at(QStringLiteral("0")), 100); // a new endpoint: all traffic
        dialog->findChild<QLineEdit *>(QStringLiteral("newEndpointName"))
            ->setText(QStringLiteral("signs"));
        dialog->findChild<QSpinBox *>(QStringLiteral("maxReplicas"))->setValue(2);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("deployCost"))
                    ->text()
                    .contains(QStringLiteral("$0.11")));
        screenshots::save(*dialog, QStringLiteral("deploy_en.png"));
        const QPointer<QDialog> open(dialog); // deleted when it closes
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        // What the deployment was asked with is locked while it runs.
        for (const char *field : {"maxReplicas", "minReplicas"})
            QVERIFY(!dialog->findChild<QSpinBox *>(QLatin1String(field))->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!open || !open->isVisible(), 240000);
        if (open) // still open: it says why
            QFAIL(qPrintable(open->findChild<QLabel *>(QStringLiteral("deployStatus"))->text()));

        auto *page = m_window.showEndpoints();
        auto *table = page->table();
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 15000);
        table->selectRow(0);
        auto *deployed = page->findChild<QTableWidget *>(QStringLiteral("deployedModels"));
        QTRY_COMPARE(deployed->rowCount(), 1);
        QCOMPARE(deployed->item(0, 3)->text(), QStringLiteral("100%"));
        // The registry says where the model serves (the endpoint's id).
        auto *lists = m_window.findChild<rov::core::ServingController *>();
        const QString endpointId = lists->endpoints()->rows().front().id();
        lists->refresh();
        QTRY_COMPARE(
            lists->models()->index(0, rov::core::ModelListModel::DeployedTo).data().toString(),
            endpointId);
        page->request()->setPlainText(
            QStringLiteral("{\"instances\": [[2.0, 0, 0, 0], [-2.0, 0, 0, 0]]}"));
        page->send();
        QTRY_VERIFY_WITH_TIMEOUT(
            page->response()->toPlainText().contains(QStringLiteral("predictions")), 30000);
        const auto answer = nlohmann::json::parse(page->response()->toPlainText().toStdString());
        QCOMPARE(QString::fromStdString(answer["predictions"].dump()), QStringLiteral("[1,0]"));
        QVERIFY(page->latency()->text().contains(QStringLiteral(" ms")));
        // A request the model refuses: said in the reader's language (rovd's LocalizedMessage),
        // in place of the old answer, and the panel keeps its width.
        const int width = page->response()->width();
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        page->request()->setPlainText(QStringLiteral("{\"instances\": [[1, 2]]}"));
        page->send();
        QTRY_VERIFY2_WITH_TIMEOUT(
            page->response()->toPlainText().startsWith(QStringLiteral("模型拒绝了该请求")),
            qPrintable(page->response()->toPlainText()), 30000);
        QVERIFY(page->latency()->text().startsWith(QStringLiteral("失败")));
        QCOMPARE(page->response()->width(), width);
        page->request()->setPlainText(QStringLiteral("not json"));
        page->send();
        QVERIFY(page->response()->toPlainText().isEmpty()); // no answer to another request
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        page->request()->setPlainText(
            QStringLiteral("{\"instances\": [[2.0, 0, 0, 0], [-2.0, 0, 0, 0]]}"));
        page->findChild<QPushButton *>(QStringLiteral("copyPredictCurl"))->click();
        QVERIFY2(QApplication::clipboard()->text().contains(QStringLiteral(":predict")),
                 qPrintable(QApplication::clipboard()->text()));
        // The request rate moves on the endpoint's chart: Serve's metrics through rovd's
        // Prometheus (scraped every 5 s; a rate needs two samples).
        auto *charts = page->charts();
        QVERIFY(charts->isVisible());
        QCOMPARE(charts->panels().size(), size_t(4));
        const auto requestsCharted = [&] {
            page->send();
            charts->refresh();
            return QTest::qWaitFor([&] { return charts->panels().front()->seriesCount() > 0; },
                                   3000);
        };
        QTRY_VERIFY_WITH_TIMEOUT(requestsCharted(), 90000);
        const QString drawn = charts->panels().front()->message();
        QVERIFY2(charts->panels().front()->seriesCount() > 0, qPrintable(drawn));
        qInfo() << "requests panel:" << charts->panels().front()->seriesCount() << drawn;
        screenshots::save(m_window, QStringLiteral("endpoints_en.png"));
    }

    void theTrafficEditorKeepsOneHundred()
    {
        auto *page = m_window.showEndpoints();
        page->deploy();
        auto *dialog = openDialog<rov::ui::DeployDialog>();
        QVERIFY(dialog);
        const auto &endpoints =
            m_window.findChild<rov::core::ServingController *>()->endpoints()->rows();
        QVERIFY(!endpoints.empty()); // the one deployed above
        dialog->selectEndpoint(endpoints.front().name);
        const auto sum = [&] {
            int total = 0;
            for (const auto &[id, percent] : dialog->split())
                total += percent;
            return total;
        };
        QCOMPARE(dialog->split().size(), size_t(2));
        QCOMPARE(dialog->split().at(QStringLiteral("0")), 0); // beside a model: none by default
        auto *newShare = dialog->findChild<QSpinBox *>(QStringLiteral("split_0"));
        QVERIFY(newShare);
        for (int value : {30, 75, 100, 0, 33}) {
            newShare->setValue(value);
            QCOMPARE(sum(), 100);
            QCOMPARE(dialog->split().at(QStringLiteral("0")), value);
        }
        dialog->reject();
    }

    void chineseThroughout()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTest::qWait(100);
        m_window.showModels();
        QTest::qWait(100);
        QStringList english = languagewalk::englishTexts();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
        screenshots::save(m_window, QStringLiteral("models_zh_CN.png"));
        m_window.showEndpoints();
        QTest::qWait(100);
        english = languagewalk::englishTexts();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
        screenshots::save(m_window, QStringLiteral("endpoints_zh_CN.png"));
        m_window.findChild<rov::ui::EndpointsPage *>()->deploy();
        auto *dialog = openDialog<rov::ui::DeployDialog>();
        QVERIFY(dialog);
        QTest::qWait(100);
        english = languagewalk::englishTexts();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
        screenshots::save(*dialog, QStringLiteral("deploy_zh_CN.png"));
        dialog->reject();
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        m_window.showModels();
        screenshots::save(m_window, QStringLiteral("models_en.png"));
    }

    // Batch predict… on the registered model (issue 27): the dialog opens on it, the job runs on
    // rovd's Ray Data, its progress moves to the end, and the details show the first predictions
    // (each the model's answer for its instance) and the lines it could not read.
    void batchPredictFromTheRegistry()
    {
        QFile input(m_empty.filePath(QStringLiteral("instances.jsonl")));
        QVERIFY(input.open(QIODevice::WriteOnly));
        for (int i = 0; i < 1000; ++i) {
            input.write(
                QStringLiteral("[%1, 0.5, 0, 0]\n").arg(i % 2 ? 1.5 + i : -1.5 - i).toUtf8());
            if (i == 10 || i == 500)
                input.write("not an instance\n");
        }
        input.close();
        bool uploaded = false;
        QString uploadError;
        m_window.session()->serving()->uploadFile(
            input.fileName(), QStringLiteral("rov-models"), QStringLiteral("batch/instances.jsonl"),
            this, [&](rov::api::Result<QString> r) {
                uploaded = r.ok();
                uploadError = r.ok() ? QString() : r.error->message;
            });
        QTRY_VERIFY2_WITH_TIMEOUT(uploaded, qPrintable(uploadError), 30000);

        auto *models = m_window.showModels();
        models->table()->selectRow(0);
        auto *batchButton = models->findChild<QPushButton *>(QStringLiteral("batchPredictModel"));
        QTRY_VERIFY(batchButton->isEnabled());
        batchButton->click();
        auto *dialog = openDialog<rov::ui::BatchPredictDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->spec().model, models->selectedModel());
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // no instances yet
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("batchStatus"))->text(),
                 QStringLiteral("Give the file of instances (gs://bucket/file)."));
        // The file is picked in the bucket's tree (Browse…), not typed.
        auto *browse = dialog->findChild<QPushButton *>(QStringLiteral("batchBrowse"));
        QVERIFY(browse->isEnabled());
        browse->click();
        auto *picker = openDialog<rov::ui::StoragePickerDialog>();
        QVERIFY(picker);
        QTreeWidget *tree = picker->tree();
        const auto child = [](QTreeWidgetItem *parent, const QString &text) -> QTreeWidgetItem * {
            for (int i = 0; parent && i < parent->childCount(); ++i)
                if (parent->child(i)->text(0) == text)
                    return parent->child(i);
            return nullptr;
        };
        QTreeWidgetItem *bucket = nullptr;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (bucket = child(tree->invisibleRootItem(), QStringLiteral("rov-models"))),
            qPrintable(picker->findChild<QLabel *>(QStringLiteral("storageStatus"))->text()),
            15000);
        bucket->setExpanded(true);
        QTreeWidgetItem *folder = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((folder = child(bucket, QStringLiteral("batch/"))), 15000);
        folder->setExpanded(true);
        QTreeWidgetItem *file = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((file = child(folder, QStringLiteral("instances.jsonl"))), 15000);
        tree->setCurrentItem(folder);
        QCOMPARE(picker->chosenUri(), QStringLiteral("gs://rov-models/batch/*")); // a folder: all
        tree->setCurrentItem(file);
        QCOMPARE(picker->chosenUri(), QStringLiteral("gs://rov-models/batch/instances.jsonl"));
        screenshots::save(*picker, QStringLiteral("storage_picker_en.png"));
        picker->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("batchInput"))->text(),
                 QStringLiteral("gs://rov-models/batch/instances.jsonl"));
        QCOMPARE(dialog->spec().outputPrefix, QStringLiteral("gs://rov-models/batch-predictions"));
        dialog->findChild<QLineEdit *>(QStringLiteral("batchJobName"))
            ->setText(QStringLiteral("signs in bulk"));
        QVERIFY(ok->isEnabled());
        QVERIFY2(dialog->findChild<QLabel *>(QStringLiteral("batchCost"))
                     ->text()
                     .contains(QStringLiteral(" an hour")),
                 qPrintable(dialog->findChild<QLabel *>(QStringLiteral("batchCost"))->text()));
        const QString python =
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("snippetPython"))->toPlainText();
        QVERIFY2(python.contains(QStringLiteral("model.batch_predict(")) &&
                     python.contains(QStringLiteral("gs://rov-models/batch/instances.jsonl")),
                 qPrintable(python));
        screenshots::save(*dialog, QStringLiteral("batch_dialog_en.png"));
        const QPointer<QDialog> open(dialog);
        ok->click();
        QTRY_VERIFY_WITH_TIMEOUT(!open || !open->isVisible(), 30000);
        if (open)
            QFAIL(qPrintable(open->findChild<QLabel *>(QStringLiteral("batchStatus"))->text()));

        auto *page = m_window.findChild<rov::ui::BatchPage *>();
        QVERIFY(page->isVisible());
        auto *jobs = page->table()->model();
        QTRY_COMPARE_WITH_TIMEOUT(jobs->rowCount(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!page->selectedJob().isEmpty(), 15000); // the new job, chosen
        const auto cell = [&](int column) { return jobs->index(0, column).data().toString(); };
        QTRY_VERIFY2_WITH_TIMEOUT(
            cell(rov::core::BatchJobListModel::State) == QStringLiteral("Succeeded") ||
                cell(rov::core::BatchJobListModel::State) == QStringLiteral("Failed"),
            qPrintable(cell(rov::core::BatchJobListModel::State)), 400000);
        QCOMPARE(cell(rov::core::BatchJobListModel::State), QStringLiteral("Succeeded"));
        QCOMPARE(cell(rov::core::BatchJobListModel::Model), QStringLiteral("Sign of x0"));
        QCOMPARE(cell(rov::core::BatchJobListModel::Progress),
                 QStringLiteral("1,000 of 1,002 (2 failed)"));
        QVERIFY(cell(rov::core::BatchJobListModel::Cost).startsWith(QLatin1Char('$')) ||
                cell(rov::core::BatchJobListModel::Cost).startsWith(QLatin1Char('<')));

        // The first predictions, each the model's answer for its instance.
        auto *results = page->results();
        QTRY_COMPARE_WITH_TIMEOUT(results->rowCount(), rov::core::BatchController::kPreviewRows,
                                  15000);
        for (int row = 0; row < results->rowCount(); ++row) {
            const auto instance =
                nlohmann::json::parse(results->item(row, 0)->text().toStdString());
            const QString expected =
                instance[0].get<double>() > 0 ? QStringLiteral("1") : QStringLiteral("0");
            QCOMPARE(results->item(row, 1)->text(), expected);
        }
        const QString errors =
            page->findChild<QPlainTextEdit *>(QStringLiteral("batchErrors"))->toPlainText();
        QCOMPARE(errors.count(QLatin1Char('\n')), 1); // two lines
        page->tabs()->setCurrentIndex(1);
        screenshots::save(m_window, QStringLiteral("batch_en.png"));

        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTest::qWait(100);
        QStringList english = languagewalk::englishTexts();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
        QCOMPARE(cell(rov::core::BatchJobListModel::State), QStringLiteral("已成功"));
        // What was read is said again in the new language, not read again.
        QTRY_VERIFY(page->findChild<QLabel *>(QStringLiteral("batchFiles"))
                        ->text()
                        .startsWith(QStringLiteral("2 个文件")));
        screenshots::save(m_window, QStringLiteral("batch_zh_CN.png"));
        page->newJob();
        auto *chinese = openDialog<rov::ui::BatchPredictDialog>();
        QVERIFY(chinese);
        QTest::qWait(100);
        english = languagewalk::englishTexts();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
        screenshots::save(*chinese, QStringLiteral("batch_dialog_zh_CN.png"));
        chinese->findChild<QPushButton *>(QStringLiteral("batchBrowse"))->click();
        auto *chinesePicker = openDialog<rov::ui::StoragePickerDialog>();
        QVERIFY(chinesePicker);
        QTRY_VERIFY(chinesePicker->tree()->topLevelItemCount() > 0);
        english = languagewalk::englishTexts();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
        QCOMPARE(chinesePicker->windowTitle(), QStringLiteral("从 Cloud Storage 选择"));
        screenshots::save(*chinesePicker, QStringLiteral("storage_picker_zh_CN.png"));
        chinesePicker->reject();
        chinese->reject();
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));

        // A job that has ended can be deleted; its predictions stay where they are.
        auto *batch = m_window.findChild<rov::core::BatchController *>();
        batch->remove(page->selectedJob(), QStringLiteral("signs in bulk"));
        QTRY_COMPARE_WITH_TIMEOUT(jobs->rowCount(), 0, 15000);
    }

    // Every dialog that acts on the backend closes with its session (issue 24, item 12): after a
    // profile switch none is left with an OK that would call a client that is gone, and the
    // status bar names what was closed.
    void dialogsCloseWithTheSession()
    {
        m_window.findChild<rov::ui::EndpointsPage *>()->deploy();
        const QPointer<QDialog> deploy(openDialog<rov::ui::DeployDialog>());
        QVERIFY(deploy);
        m_window.showModels()->registerFrom(QStringLiteral("gs://rov-models/x"),
                                            QStringLiteral("x"));
        const QPointer<QDialog> registering(openDialog<rov::ui::RegisterModelDialog>());
        QVERIFY(registering);
        m_window.findChild<rov::ui::MonitoringPage *>()->askForCustomChart();
        const QPointer<QDialog> chart(openDialog<rov::ui::CustomChartDialog>());
        QVERIFY(chart);
        m_window.showBatch()->newJob();
        const QPointer<QDialog> batch(openDialog<rov::ui::BatchPredictDialog>());
        QVERIFY(batch);
        QCOMPARE(m_window.session()->openWindowTitles().size(), 4);
        m_window.useProfile(m_profile);
        QVERIFY(!deploy && !registering && !chart && !batch);
        QVERIFY2(m_window.statusBar()->currentMessage().contains(QLatin1String("4")),
                 qPrintable(m_window.statusBar()->currentMessage()));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window.session()->status() == rov::core::BackendSession::Status::Ready, 20000);
        QVERIFY(m_window.session()->openWindowTitles().isEmpty());
    }

private:
    rov::core::Profile m_profile;
    QTemporaryDir m_data;
    QTemporaryDir m_model;
    QTemporaryDir m_empty;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovsp-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    rov::core::LanguageManager m_languages;
    MainWindow m_window;
};

QTEST_MAIN(TestServingPages)
#include "tst_servingpages.moc"
