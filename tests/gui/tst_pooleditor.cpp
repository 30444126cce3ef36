// The wizard's pool editor on its own, without a backend.
#include "wizard/pooleditor.h"

#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>

using rov::ui::PoolEditor;

class TestPoolEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aProblemDoesNotOutliveTheValueItQuotes()
    {
        // Issue 10, item 8: the id error quoted the old value until Next.
        PoolEditor editor(0, {QStringLiteral("n1-standard-4")}, {});
        editor.show();
        auto *id = editor.findChild<QLineEdit *>(QStringLiteral("pool0-id"));
        auto *idProblem = editor.findChild<QLabel *>(QStringLiteral("pool0-idProblem"));
        auto *sizeProblem = editor.findChild<QLabel *>(QStringLiteral("pool0-sizeProblem"));
        QVERIFY(id && idProblem && sizeProblem);
        id->setText(QStringLiteral("Bad_Id"));
        editor.showProblem(QStringLiteral("id"), QStringLiteral("\"Bad_Id\" is not a valid id"));
        editor.showProblem(QStringLiteral("max"), QStringLiteral("max must be above min"));
        QVERIFY(idProblem->isVisible());
        QVERIFY(sizeProblem->isVisible());
        id->setText(QStringLiteral("good-id"));
        QVERIFY(!idProblem->isVisible());
        QVERIFY(idProblem->text().isEmpty());
        QVERIFY(sizeProblem->isVisible()); // about another field: it stays
        editor.findChild<QSpinBox *>(QStringLiteral("pool0-max"))->setValue(5);
        QVERIFY(!sizeProblem->isVisible());
    }
};

QTEST_MAIN(TestPoolEditor)
#include "tst_pooleditor.moc"
