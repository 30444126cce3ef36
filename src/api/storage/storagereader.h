#pragma once

#include "api/result.h"
#include "rest/call.h"
#include "rest/restclient.h"

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <utility>
#include <vector>

// Reading Cloud Storage's JSON API (rovd's or Google's) for the console: the project's buckets,
// one folder level of a bucket (the pickers, a batch job's output), and the start of a file.
namespace rov::api::storage {

// gs://bucket/path → {bucket, path}; an empty bucket when `uri` is not a gs:// URI.
std::pair<QString, QString> splitGsUri(const QString &uri);

struct StoredObject
{
    QString uri; // gs://bucket/name
    qint64 size = 0;
};

// One level under a prefix, as a delimiter of "/" lists it.
struct FolderListing
{
    QStringList folders; // gs://bucket/prefix/sub/
    std::vector<StoredObject> objects;
    bool truncated = false; // more than one page (1000 entries); the first page is shown
};

class StorageReader : public QObject
{
    Q_OBJECT
public:
    // `base`: https://storage.googleapis.com, or rovd's address.
    StorageReader(rest::RestClient *client, QUrl base, QString project, QObject *parent = nullptr);

    using BucketsDone = std::function<void(Result<QStringList>)>; // gs://bucket/
    using FolderDone = std::function<void(Result<FolderListing>)>;
    using BytesDone = std::function<void(Result<QByteArray>)>;

    rest::Call listBuckets(QObject *context, BucketsDone done);
    // `folderUri`: gs://bucket/ or gs://bucket/some/folder/.
    rest::Call listFolder(const QString &folderUri, QObject *context, FolderDone done);
    // A file's first `maxBytes` (a range read; a store that ignores ranges sends it all, and
    // the answer is cut to `maxBytes`).
    rest::Call readFile(const QString &uri, qint64 maxBytes, QObject *context, BytesDone done);

private:
    static constexpr int kPageSize = 1000;

    rest::RestClient *m_client;
    QUrl m_base;
    QString m_project;
};

} // namespace rov::api::storage
