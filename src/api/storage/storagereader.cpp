#include "storagereader.h"

#include "api/vertex/resourceapi.h"
#include "api/vertex/wire.h"
#include "rest/jsonfields.h"

namespace rov::api::storage {

using nlohmann::json;
using rest::HttpRequest;
using rest::HttpResponse;
using rest::stringMember;

std::pair<QString, QString> splitGsUri(const QString &uri)
{
    if (!uri.startsWith(QLatin1String("gs://")))
        return {};
    const QString rest = uri.mid(5);
    return {rest.section(QLatin1Char('/'), 0, 0), rest.section(QLatin1Char('/'), 1)};
}

StorageReader::StorageReader(rest::RestClient *client, QUrl base, QString project, QObject *parent)
    : QObject(parent), m_client(client), m_base(std::move(base)), m_project(std::move(project))
{}

rest::Call StorageReader::listBuckets(QObject *context, BucketsDone done)
{
    HttpRequest request;
    request.url = QUrl(vertex::Endpoint::join(m_base, QStringLiteral("storage/v1/b")));
    request.query.addQueryItem(QStringLiteral("project"), m_project);
    request.query.addQueryItem(QStringLiteral("maxResults"), QString::number(kPageSize));
    return rest::send(m_client, std::move(request), context,
                      [done = std::move(done)](const HttpResponse &response) {
                          if (!response.ok()) {
                              done({{}, response.error});
                              return;
                          }
                          QStringList buckets;
                          for (const json &item : response.json().value("items", json::array()))
                              buckets << QStringLiteral("gs://%1/").arg(stringMember(item, "name"));
                          buckets.sort();
                          done({buckets, std::nullopt});
                      });
}

namespace {

rest::ApiError notGcs(const QString &uri)
{
    return rest::ApiError::invalidArgument(QStringLiteral("%1 is not a gs:// location").arg(uri));
}

} // namespace

rest::Call StorageReader::listFolder(const QString &folderUri, QObject *context, FolderDone done)
{
    const auto [bucket, prefix] = splitGsUri(folderUri);
    if (bucket.isEmpty()) {
        done({{}, notGcs(folderUri)});
        return {};
    }
    HttpRequest request;
    request.url =
        QUrl(vertex::Endpoint::join(m_base, QStringLiteral("storage/v1/b/%1/o").arg(bucket)));
    request.query.addQueryItem(QStringLiteral("prefix"),
                               QString::fromLatin1(QUrl::toPercentEncoding(prefix)));
    request.query.addQueryItem(QStringLiteral("delimiter"), QStringLiteral("/"));
    request.query.addQueryItem(QStringLiteral("maxResults"), QString::number(kPageSize));
    return rest::send(
        m_client, std::move(request), context,
        [done = std::move(done), bucket](const HttpResponse &response) {
            if (!response.ok()) {
                done({{}, response.error});
                return;
            }
            const json page = response.json();
            FolderListing listing;
            for (const json &folder : page.value("prefixes", json::array()))
                if (folder.is_string())
                    listing.folders
                        << QStringLiteral("gs://%1/%2")
                               .arg(bucket, QString::fromStdString(folder.get<std::string>()));
            for (const json &item : page.value("items", json::array())) {
                const QString name = stringMember(item, "name");
                if (name.endsWith(QLatin1Char('/')))
                    continue; // a folder's placeholder object
                const auto size =
                    item.contains("size") ? vertex::wire::readInt64(item["size"]).value_or(0) : 0;
                listing.objects.push_back({QStringLiteral("gs://%1/%2").arg(bucket, name), size});
            }
            listing.truncated = page.contains("nextPageToken");
            done({listing, std::nullopt});
        });
}

rest::Call StorageReader::readFile(const QString &uri, qint64 maxBytes, QObject *context,
                                   BytesDone done)
{
    const auto [bucket, object] = splitGsUri(uri);
    if (bucket.isEmpty() || object.isEmpty()) {
        done({{}, notGcs(uri)});
        return {};
    }
    HttpRequest request;
    request.url = QUrl(vertex::Endpoint::join(
        m_base, QStringLiteral("download/storage/v1/b/%1/o/%2")
                    .arg(bucket, QString::fromLatin1(QUrl::toPercentEncoding(object)))));
    request.query.addQueryItem(QStringLiteral("alt"), QStringLiteral("media"));
    request.setHeader("Range", "bytes=0-" + QByteArray::number(std::max<qint64>(1, maxBytes) - 1));
    return rest::send(m_client, std::move(request), context,
                      [done = std::move(done), maxBytes](const HttpResponse &response) {
                          if (!response.ok())
                              done({{}, response.error});
                          else
                              done({response.body.left(maxBytes), std::nullopt});
                      });
}

} // namespace rov::api::storage
