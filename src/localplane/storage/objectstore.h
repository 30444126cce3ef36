#pragma once

#include "localplane/apiresult.h"

#include <QByteArray>
#include <QString>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

// The part of the Cloud Storage JSON API that puts artifacts where rovd's models read them, over
// a folder on this computer: gs://BUCKET/NAME is ROOT/BUCKET/NAME. Buckets (get, insert), objects
// (list with prefix and delimiter, get, download, delete) and uploads (media, multipart and
// resumable), so that Google's own client (google-cloud-storage with STORAGE_EMULATOR_HOST) and
// the console upload and read the same files that deployModel serves.
namespace rov::localplane::storage {

class ObjectStore
{
public:
    // `root` holds the buckets; resumable uploads are assembled in `uploads`.
    ObjectStore(QString root, QString uploads);

    ApiResult getBucket(const QString &bucket) const;
    ApiResult insertBucket(const nlohmann::json &body);
    ApiResult list(const QString &bucket, const QString &prefix, const QString &delimiter,
                   const QString &pageToken, const QString &maxResults) const;
    // The object's metadata, or with `media` its bytes (x-goog-hash and the generation in the
    // headers, as Google answers).
    ApiResult get(const QString &bucket, const QString &object, bool media) const;
    ApiResult remove(const QString &bucket, const QString &object);

    // uploadType=media (the name in the query) and multipart (the name in the JSON part).
    ApiResult uploadMedia(const QString &bucket, const QString &name, const QByteArray &data);
    ApiResult uploadMultipart(const QString &bucket, const QByteArray &contentType,
                              const QByteArray &body);
    // uploadType=resumable: the session, answered with its URL (`sessionBase` is how the caller
    // reached rovd: scheme, host and any prefix, without /upload/...).
    ApiResult startResumable(const QString &bucket, const QString &name,
                             const nlohmann::json &metadata, const QString &sessionBase);
    // A chunk (Content-Range: bytes A-B/TOTAL, bytes A-B/*, or bytes */TOTAL to ask how much
    // arrived): 308 with Range until the whole object is there, then its metadata.
    ApiResult putChunk(const QString &uploadId, const QByteArray &contentRange,
                       const QByteArray &data);

    // Where gs://bucket/name is on this computer; empty when the name is not one rovd can keep.
    QString pathOf(const QString &bucket, const QString &name) const;

private:
    struct Session
    {
        QString bucket;
        QString name;
        QString file;
        qint64 received = 0;
    };
    ApiResult store(const QString &bucket, const QString &name, const QString &from);
    ApiResult write(const QString &bucket, const QString &name, const QByteArray &data);

    const QString m_root;
    const QString m_uploads;
    std::mutex m_mutex; // the sessions
    std::map<QString, Session> m_sessions;
};

// CRC32C (Castagnoli), the checksum Cloud Storage gives in x-goog-hash and crc32c.
quint32 crc32c(const QByteArray &data, quint32 crc = 0);
// "bucket name" rules: 3 to 63 of a-z, 0-9, -, _ and ., starting and ending with a letter or digit.
QString bucketProblem(const QString &bucket);
// An object name rovd can keep as a file: not empty, at most 1024 bytes, no "." or ".." segment,
// not ending with "/". Why not, otherwise.
QString objectNameProblem(const QString &name);

} // namespace rov::localplane::storage
