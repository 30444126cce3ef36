// The Submit dialog's own logic, without Ray: what it says follows what the form holds.
#include "api/ray/raydashboardclient.h"
#include "core/samplejobs.h"
#include "dashboard/submitjobdialog.h"
#include "rest/restclient.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTest>

using rov::ui::SubmitJobDialog;

class TestSubmitDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aProblemGoesWhenASampleFillsTheCommand()
    {
        // Issue 10, item 8: "Enter the command…" stayed after a sample filled the command.
        rov::rest::RestClient rest;
        // Nothing listens there: the dialog must not need the cluster to check its form.
        rov::api::ray::RayDashboardClient client(&rest, QUrl(QStringLiteral("http://127.0.0.1:9")));
        SubmitJobDialog dialog(&client);
        dialog.setEntrypoint({});
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QPushButton *submit = nullptr;
        for (QAbstractButton *button : buttons->buttons()) {
            if (buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
                submit = qobject_cast<QPushButton *>(button);
        }
        QVERIFY(submit);
        submit->click();
        QVERIFY2(dialog.message().contains(QLatin1String("Enter the command")),
                 qPrintable(dialog.message()));
        QVERIFY(dialog.chooseSample(rov::core::SampleJobs::all().front().fileName));
        QVERIFY2(dialog.message().isEmpty(), qPrintable(dialog.message()));
        // The command line below the form says what is missing as it is typed.
        dialog.setEntrypoint({});
        QVERIFY(dialog.commandText().contains(QLatin1String("Enter the command")));
    }
};

QTEST_MAIN(TestSubmitDialog)
#include "tst_submitdialog.moc"
