#pragma once

#include "rest/apierror.h"

#include <QByteArray>
#include <QString>
#include <optional>

// Files that rovd acknowledges: an answer of success means the bytes are on disk. Qt's QSaveFile
// and QFile buffer their writes and may report success for bytes a full disk refused when the
// buffer was flushed (an upload answered 200 with "size": "0" on a full tmpfs), so rovd writes
// what it keeps through these, which check every write(2), fsync(2) the file, rename(2) it into
// place and fsync the folder.
namespace rov::localplane {

// Why a file operation failed: errno and the step, and the path for rovd's own log. Answers to
// clients never name the path (it tells nothing a client can act on and shows the server's layout).
struct FileFault
{
    int error = 0; // errno
    QString step;  // "write", "fsync", "rename", ...
    QString path;

    // "No space left on device" (strerror), in Google's error format: RESOURCE_EXHAUSTED (429) for
    // a full disk, a quota or a file-size limit (google.rpc.Code says so of a full file system),
    // UNAVAILABLE (503) for a read-only disk and other faults of the machine. `what` says what
    // could not be stored ("the object", "the model's copy").
    rest::ApiError toApiError(const QString &what) const;
    // For rovd's log: the step, the path and the reason.
    QString describe() const;
    bool isFull() const;
};

// The errno of a full disk, a quota or a file-size limit.
bool isFullDiskError(int error);

// A file written whole or not at all. The bytes go to a temporary file beside `path` (mode
// 0600); commit() syncs it, renames it over `path` and syncs the folder. Destroyed without a
// commit, the temporary file goes and `path` is as it was.
class DurableFile
{
public:
    explicit DurableFile(QString path);
    ~DurableFile();
    DurableFile(const DurableFile &) = delete;
    DurableFile &operator=(const DurableFile &) = delete;

    // Creates the folder (0700) when missing and the temporary file.
    std::optional<FileFault> open();
    // Every byte, or the fault (a short write is retried until the kernel says why not).
    std::optional<FileFault> append(const char *data, qint64 size);
    std::optional<FileFault> append(const QByteArray &data)
    {
        return append(data.constData(), data.size());
    }
    std::optional<FileFault> commit();
    qint64 written() const { return m_written; }

private:
    void discard();

    QString m_path;
    QString m_temp;
    int m_fd = -1;
    qint64 m_written = 0;
};

// `data` as the whole of `path`, durably.
std::optional<FileFault> writeFileDurably(const QString &path, const QByteArray &data);
// A copy of `from` as `to`, durably (read in blocks: a model's weights need not fit in memory).
std::optional<FileFault> copyFileDurably(const QString &from, const QString &to);
// Every byte written so far to the open descriptor `fd` (of `path`, for the fault) on disk.
std::optional<FileFault> syncDescriptor(int fd, const QString &path);
// The folder's entries (a rename, a new or removed file) on disk.
std::optional<FileFault> syncDirectory(const QString &path);
// mkdir -p with mode 0700 for what it creates.
std::optional<FileFault> makeDirectories(const QString &path);

} // namespace rov::localplane
