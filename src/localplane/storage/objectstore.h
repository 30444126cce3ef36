#pragma once

#include "localplane/apiresult.h"

#include <QByteArray>
#include <QString>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

// The part of the Cloud Storage JSON API that puts artifacts where rovd's models read them, over
// a folder on this computer: gs://BUCKET/NAME is ROOT/BUCKET/NAME. Buckets (get, insert), objects
// (list with prefix and delimiter, get, download, delete) and uploads (media, multipart and
// resumable), so that Google's own clients (google-cloud-storage with STORAGE_EMULATOR_HOST,
// `gcloud storage` with its endpoint override) and the console upload and read the same files that
// deployModel serves.
//
// An answer of success means the object's bytes are on disk: every object is written to a
// temporary file, synced and renamed into place (DurableFile); a full disk is RESOURCE_EXHAUSTED
// and the object that was there before is kept. No answer names a path of this computer.
namespace rov::localplane::storage {

// One byte range of a Range header (RFC 9110 14.1.2) over `size` bytes: `first` to `last`
// inclusive. nullopt sends the whole object (no header, one that is not bytes=, or several
// ranges, which a server may answer whole); `satisfiable` false is a 416.
struct ByteRange
{
    qint64 first = 0;
    qint64 last = -1;
    bool satisfiable = true;
};
std::optional<ByteRange> readByteRange(const QByteArray &header, qint64 size);

class ObjectStore
{
public:
    // `root` holds the buckets; resumable uploads are assembled in `uploads` (on the same file
    // system, so that a finished upload is renamed into place).
    ObjectStore(QString root, QString uploads);
    // How clients reach rovd ("http://127.0.0.1:8788"), known once it listens: links and upload
    // session URLs start with it, whatever Host header a request carried.
    void setPublicBase(const QString &base);
    QString publicBase() const;

    ApiResult getBucket(const QString &bucket) const;
    // Every bucket, in name order (rovd keeps one project's; the `project` asked is not checked).
    ApiResult listBuckets() const;
    ApiResult insertBucket(const nlohmann::json &body);
    // A flat namespace: no hierarchical namespace (folders are name prefixes).
    ApiResult storageLayout(const QString &bucket) const;
    ApiResult list(const QString &bucket, const QString &prefix, const QString &delimiter,
                   const QString &pageToken, const QString &maxResults) const;
    // The object's metadata, or with `media` its bytes (x-goog-hash and the generation in the
    // headers, as Google answers). `range` is the request's Range header: one byte range of the
    // media is answered 206 with its Content-Range, one past the end 416 (the hashes stay the
    // whole object's, as Cloud Storage sends them).
    ApiResult get(const QString &bucket, const QString &object, bool media,
                  const QByteArray &range = {}) const;
    // 204 with no body, as Cloud Storage answers.
    ApiResult remove(const QString &bucket, const QString &object);

    // uploadType=media (the name in the query) and multipart (the name in the JSON part).
    ApiResult uploadMedia(const QString &bucket, const QString &name, const QByteArray &data);
    ApiResult uploadMultipart(const QString &bucket, const QByteArray &contentType,
                              const QByteArray &body);
    // uploadType=resumable: the session, answered with its URL in Location. The session is kept
    // on disk: a restarted rovd takes it up where it was.
    ApiResult startResumable(const QString &bucket, const QString &name,
                             const nlohmann::json &metadata);
    // A chunk (Content-Range: bytes A-B/TOTAL, bytes A-B/*, or bytes */TOTAL to ask how much
    // arrived): 308 with Range until the whole object is there, then its metadata. A 308 says
    // what is on disk.
    ApiResult putChunk(const QString &uploadId, const QByteArray &contentRange,
                       const QByteArray &data);
    // Whether `uploadId` names a session that is still open. As on Cloud Storage, the session
    // URL is the credential of the chunks sent to it (its id is 128 random bits).
    bool hasSession(const QString &uploadId) const;

    // Where gs://bucket/name is on this computer; empty when the name is not one rovd can keep.
    QString pathOf(const QString &bucket, const QString &name) const;

private:
    struct Session
    {
        QString bucket;
        QString name;
        qint64 received = 0;
    };
    std::optional<Session> session(const QString &uploadId) const;
    ApiResult finishUpload(const QString &uploadId, const Session &session, qint64 total);
    ApiResult writeObject(const QString &bucket, const QString &name, const QByteArray &data);
    // Why `name` cannot be stored in `bucket`, checked before any byte is written.
    std::optional<ApiResult> storeProblem(const QString &bucket, const QString &name) const;
    QString sessionFile(const QString &uploadId) const;
    QString sessionData(const QString &uploadId) const;

    const QString m_root;
    const QString m_uploads;

    mutable std::mutex m_mutex; // the sessions' table and the base, never held across I/O
    QString m_publicBase;
    mutable std::map<QString, Session> m_sessions;
    std::set<QString> m_busy; // sessions with a chunk being written
};

// CRC32C (Castagnoli), the checksum Cloud Storage gives in x-goog-hash and crc32c.
quint32 crc32c(const QByteArray &data, quint32 crc = 0);
// Cloud Storage's bucket name rules: 3 to 63 of a-z, 0-9, -, _ and ., starting and ending with a
// letter or digit, not starting with "goog" and not containing "google".
QString bucketProblem(const QString &bucket);
// An object name rovd can keep as a file: not empty, at most 1024 bytes, each part between
// slashes at most 255 bytes (a file name's limit), no "." or ".." part, no NUL, CR or LF, not
// starting or ending with "/". Why not, otherwise.
QString objectNameProblem(const QString &name);
// Removes `from` and the folders above it while they are empty, up to (not including) `stopAt`;
// safe to run side by side with other removals and uploads.
void removeEmptyFolders(const QString &from, const QString &stopAt);

// The links of an object resource (or of each in a listing's "items") go through `pathToken`
// ("/t/<token>") after `base`: a client that reaches rovd with the token in its path (Cloud
// Storage's client with STORAGE_EMULATOR_HOST sends no credentials) follows mediaLink to download
// a listed object, and it must get there with the same token it came with.
void linkThroughPathToken(nlohmann::json &resource, const QString &base, const QString &pathToken);

} // namespace rov::localplane::storage
