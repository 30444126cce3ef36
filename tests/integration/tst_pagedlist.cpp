// Lists follow nextPageToken to the last page (issue 24, item 13): clusters, models and endpoints
// are read whole through the one PagedList, and a page that fails ends the list with its error.
#include "api/vertex/servingclient.h"
#include "api/vertex/vertexclient.h"
#include "fixtureserver.h"
#include "rest/restclient.h"

#include <QTest>

using namespace rov::api;

class TestPagedList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyPageOfEveryCollectionIsRead()
    {
        vertex::ServingClient serving(&m_rest, endpoint(), m_server.url(QStringLiteral("/")));
        std::optional<Result<std::vector<vertex::Model>>> models;
        std::optional<Result<std::vector<vertex::ServingEndpoint>>> endpoints;
        serving.listModels(this, [&](auto result) { models = std::move(result); });
        serving.listEndpoints(this, [&](auto result) { endpoints = std::move(result); });
        vertex::VertexClient clusters(&m_rest, endpoint());
        std::optional<Result<std::vector<vertex::PersistentResource>>> resources;
        clusters.listClusters(this, [&](auto result) { resources = std::move(result); });
        QTRY_VERIFY(models && endpoints && resources);
        QVERIFY(models->ok() && endpoints->ok() && resources->ok());
        QCOMPARE(models->value.size(), size_t(5)); // three pages
        QCOMPARE(endpoints->value.size(), size_t(5));
        QCOMPARE(resources->value.size(), size_t(5));
        QCOMPARE(models->value.back().displayName, QStringLiteral("item 5"));
        QVERIFY(resources->value.back().name.endsWith(QStringLiteral("/persistentResources/5")));
    }

    void cancellingBetweenPagesEndsTheListCancelled()
    {
        vertex::ServingClient serving(&m_rest, endpoint(), m_server.url(QStringLiteral("/")));
        std::optional<Result<std::vector<vertex::Model>>> models;
        const auto call =
            serving.listModels(this, [&](auto result) { models = std::move(result); });
        call.cancel();
        QTRY_VERIFY(models.has_value());
        QVERIFY(!models->ok());
        QCOMPARE(models->error->kind, rov::rest::ApiError::Kind::Cancelled);
    }

private:
    vertex::Endpoint endpoint() const
    {
        return {m_server.url(QStringLiteral("/")), QStringLiteral("paged"), QStringLiteral("l"),
                QStringLiteral("v1")};
    }

    rov::test::FixtureServer m_server;
    rov::rest::RestClient m_rest;
};

QTEST_MAIN(TestPagedList)
#include "tst_pagedlist.moc"
