#include "api/vertex/wire.h"

#include <QTest>

namespace wire = rov::api::vertex::wire;
using wire::ClusterState;
using wire::IdProblem;

class TestWire : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statesKeepGooglesNumbersAndNames()
    {
        // google.cloud.aiplatform.v1.PersistentResource.State: there is no 2.
        QCOMPARE(int(ClusterState::Running), 3);
        QCOMPARE(int(ClusterState::Updating), 7);
        QCOMPARE(wire::stateName(ClusterState::Rebooting), QStringLiteral("REBOOTING"));
        QCOMPARE(wire::stateFromName(QStringLiteral("ERROR")), ClusterState::Error);
        QVERIFY(!wire::stateFromName(QStringLiteral("RUNNNING")).has_value());
    }

    void aStateIsReadFromANameOrANumber()
    {
        QCOMPARE(wire::stateFromJson("RUNNING"), ClusterState::Running);
        QCOMPARE(wire::stateFromJson(6), ClusterState::Rebooting);
        QCOMPARE(wire::stateFromJson(2), ClusterState::Unspecified);
        QCOMPARE(wire::stateFromJson(nlohmann::json::object()), ClusterState::Unspecified);
    }

    void acceleratorsRoundTrip()
    {
        QCOMPARE(wire::acceleratorTypeName(5).value(), QStringLiteral("NVIDIA_TESLA_T4"));
        QCOMPARE(wire::acceleratorTypeName("NVIDIA_L4").value(), QStringLiteral("NVIDIA_L4"));
        QVERIFY(!wire::acceleratorTypeName("NVIDIA_NOPE").has_value());
        QVERIFY(!wire::acceleratorTypeName(99).has_value());
        for (const QString &name : wire::acceleratorTypeNames())
            QCOMPARE(wire::acceleratorTypeName(wire::acceleratorTypeNumber(name)).value(), name);
    }

    void enumsAreEncodedAsTheClientAsked()
    {
        QVERIFY(wire::encode(QStringLiteral("RUNNING"), 3, false) == "RUNNING");
        QVERIFY(wire::encode(QStringLiteral("RUNNING"), 3, true) == 3);
    }

    void int64IsANumberOrADecimalString()
    {
        QCOMPARE(wire::readInt64(7).value(), 7);
        QCOMPARE(wire::readInt64("9007199254740993").value(), Q_INT64_C(9007199254740993));
        QVERIFY(!wire::readInt64("two").has_value());
        QVERIFY(!wire::readInt64(1.5).has_value());
        QVERIFY(!wire::readInt64(nullptr).has_value());
    }

    void theIdRule_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("problem");
        QTest::newRow("ok") << QStringLiteral("c1-a") << int(IdProblem::None);
        QTest::newRow("one letter") << QStringLiteral("a") << int(IdProblem::None);
        QTest::newRow("63") << QString(63, QLatin1Char('a')) << int(IdProblem::None);
        QTest::newRow("64") << QString(64, QLatin1Char('a')) << int(IdProblem::TooLong);
        QTest::newRow("empty") << QString() << int(IdProblem::Empty);
        QTest::newRow("digit first") << QStringLiteral("1c") << int(IdProblem::FirstNotLetter);
        QTest::newRow("upper") << QStringLiteral("cA") << int(IdProblem::BadCharacter);
        QTest::newRow("underscore") << QStringLiteral("c_1") << int(IdProblem::BadCharacter);
        QTest::newRow("hyphen end") << QStringLiteral("c-") << int(IdProblem::EndsWithHyphen);
    }
    void theIdRule()
    {
        QFETCH(QString, id);
        QFETCH(int, problem);
        QCOMPARE(int(wire::checkResourceId(id)), problem);
        QCOMPARE(wire::resourceIdMessage(wire::checkResourceId(id), id).isEmpty(),
                 problem == int(IdProblem::None));
    }

    void prebuiltImagesRoundTrip()
    {
        const wire::RayImage image{QStringLiteral("2.47"), QStringLiteral("3.11"), true};
        const QString uri = wire::prebuiltImage(image);
        QCOMPARE(uri,
                 QStringLiteral("us-docker.pkg.dev/vertex-ai/training/ray-gpu.2-47.py311:latest"));
        const auto parsed = wire::parseRayImage(uri);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->rayVersion, QStringLiteral("2.47"));
        QCOMPARE(parsed->pythonVersion, QStringLiteral("3.11"));
        QVERIFY(parsed->gpu);
        QVERIFY(!wire::parseRayImage(QStringLiteral("python:3.11")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
