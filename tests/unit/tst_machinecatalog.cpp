#include "catalog/machinecatalog.h"

#include <QTest>

using rov::catalog::MachineCatalog;

class TestMachineCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void machineTypesAreInTheOrderPeopleRead()
    {
        // Issue 10: n1-standard-16 came before n1-standard-4.
        const QStringList sorted = rov::catalog::inNaturalOrder(
            {QStringLiteral("n1-standard-16"), QStringLiteral("n2-standard-8"),
             QStringLiteral("n1-standard-4"), QStringLiteral("a2-highgpu-2g"),
             QStringLiteral("n1-standard-32"), QStringLiteral("n1-highmem-8"),
             QStringLiteral("a2-highgpu-1g"), QStringLiteral("n1-standard-8")});
        QCOMPARE(sorted,
                 (QStringList{QStringLiteral("a2-highgpu-1g"), QStringLiteral("a2-highgpu-2g"),
                              QStringLiteral("n1-highmem-8"), QStringLiteral("n1-standard-4"),
                              QStringLiteral("n1-standard-8"), QStringLiteral("n1-standard-16"),
                              QStringLiteral("n1-standard-32"), QStringLiteral("n2-standard-8")}));
        QVERIFY(!rov::catalog::naturalLess(QStringLiteral("x-4"), QStringLiteral("x-4")));
        QVERIFY(rov::catalog::naturalLess(QStringLiteral("x"), QStringLiteral("x-1")));
        // The built-in catalogue's names, sorted, keep every name once.
        const QStringList names = MachineCatalog::builtIn().machineNames();
        QCOMPARE(rov::catalog::inNaturalOrder(names).size(), names.size());
    }

    void builtInCatalogueKnowsTheDefaultMachine()
    {
        const auto &catalog = MachineCatalog::builtIn();
        const auto machine = catalog.machine(QStringLiteral("n1-standard-16"));
        QVERIFY(machine);
        QCOMPARE(machine->vcpu, 16);
        QCOMPARE(machine->memoryGb, 60.0);
        QCOMPARE(catalog.currency(), QStringLiteral("USD"));
        QVERIFY(catalog.machineNames().contains(QStringLiteral("n1-standard-4")));
        QVERIFY(!catalog.machine(QStringLiteral("n9-imaginary-4")));
    }

    void nodePriceAddsExtraAcceleratorsButNotBundledOnesTwice()
    {
        const auto &catalog = MachineCatalog::builtIn();
        const double n1 = catalog.machine(QStringLiteral("n1-standard-4"))->usdPerHour;
        const double t4 = *catalog.acceleratorUsdPerHour(QStringLiteral("NVIDIA_TESLA_T4"));
        QCOMPARE(*catalog.nodeUsdPerHour(QStringLiteral("n1-standard-4"), {}, 0), n1);
        QCOMPARE(*catalog.nodeUsdPerHour(QStringLiteral("n1-standard-4"),
                                         QStringLiteral("NVIDIA_TESLA_T4"), 2),
                 n1 + 2 * t4);
        // a2-highgpu-1g comes with one A100: naming it in the spec does not add a second one.
        const double a2 = catalog.machine(QStringLiteral("a2-highgpu-1g"))->usdPerHour;
        const double a100 = *catalog.acceleratorUsdPerHour(QStringLiteral("NVIDIA_TESLA_A100"));
        QCOMPARE(*catalog.nodeUsdPerHour(QStringLiteral("a2-highgpu-1g"),
                                         QStringLiteral("NVIDIA_TESLA_A100"), 1),
                 a2 + a100);
        QVERIFY(qAbs(a2 + a100 - 4.22439275) < 0.001); // the published whole-VM price
        QVERIFY(!catalog.nodeUsdPerHour(QStringLiteral("n1-standard-4"),
                                        QStringLiteral("NVIDIA_B999"), 1));
    }

    void malformedCatalogueIsRefusedWithAReason()
    {
        QString error;
        QVERIFY(!MachineCatalog::fromJson("[]", &error));
        QVERIFY(error.contains(QStringLiteral("machineTypes")));
        QVERIFY(!MachineCatalog::fromJson(R"({"machineTypes": {"x": {"vcpu": "four"}}})", &error));
        QVERIFY(error.contains(QStringLiteral("malformed")));
    }
};

QTEST_APPLESS_MAIN(TestMachineCatalog)
#include "tst_machinecatalog.moc"
