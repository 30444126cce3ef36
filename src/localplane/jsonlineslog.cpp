#include "jsonlineslog.h"

#include "localplane/diagnostics.h"
#include "localplane/state/durablefile.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rov::localplane {

JsonLinesLog::JsonLinesLog(Settings settings) : m_settings(std::move(settings))
{
    m_thread = std::thread([this] { run(); });
}

JsonLinesLog::~JsonLinesLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
    if (m_fd >= 0)
        ::close(m_fd);
}

void JsonLinesLog::append(std::string line)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= kQueueLimit) {
            ++m_dropped;
            return;
        }
        m_queue.push_back(std::move(line));
    }
    m_changed.notify_one();
}

// Once, and to standard error alone: the event log may be the file that fails.
void JsonLinesLog::complain(const QString &problem)
{
    if (!m_warned)
        diagnostics::warnOnStandardError(
            QStringLiteral("%1: %2").arg(QFileInfo(m_settings.path).fileName(), problem));
    m_warned = true;
}

uint64_t JsonLinesLog::dropped() const
{
    std::lock_guard lock(m_mutex);
    return m_dropped;
}

uint64_t JsonLinesLog::writeFailures() const
{
    std::lock_guard lock(m_mutex);
    return m_failures;
}

void JsonLinesLog::run()
{
    for (;;) {
        std::deque<std::string> batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping)
                return;
            batch.swap(m_queue);
        }
        open(); // for the size of a file an earlier rovd wrote; write() says when it fails
        // Written in as few calls as the rotation allows: a file never passes maxBytes, but for
        // a single line longer than that.
        std::string text;
        for (std::string &next : batch) {
            next += '\n';
            if (m_size + qint64(text.size() + next.size()) > m_settings.maxBytes) {
                write(text);
                text.clear();
                if (m_size > 0)
                    rotate();
            }
            text += next;
        }
        write(text);
    }
}

bool JsonLinesLog::open()
{
    if (m_fd >= 0)
        return true;
    if (const auto fault = makeDirectories(QFileInfo(m_settings.path).absolutePath())) {
        complain(fault->describe());
        return false;
    }
    const QByteArray path = QFile::encodeName(m_settings.path);
    m_fd = ::open(path.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0) {
        complain(QStringLiteral("cannot open %1: %2")
                     .arg(m_settings.path, QString::fromLocal8Bit(strerror(errno))));
        return false;
    }
    ::fchmod(m_fd, 0600); // a file made by an older rovd, or with another umask
    struct stat info
    {};
    m_size = ::fstat(m_fd, &info) == 0 ? qint64(info.st_size) : 0;
    return true;
}

// access.log → access.log.1 → … → access.log.N; the oldest goes.
void JsonLinesLog::rotate()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_size = 0;
    const QString base = m_settings.path;
    QFile::remove(base + QStringLiteral(".%1").arg(m_settings.keep));
    for (int n = m_settings.keep - 1; n >= 1; --n)
        QFile::rename(base + QStringLiteral(".%1").arg(n), base + QStringLiteral(".%1").arg(n + 1));
    if (m_settings.keep > 0)
        QFile::rename(base, base + QStringLiteral(".1"));
    else
        QFile::remove(base);
}

void JsonLinesLog::write(const std::string &text)
{
    if (text.empty())
        return;
    bool ok = open();
    size_t done = 0;
    while (ok && done < text.size()) {
        const ssize_t wrote = ::write(m_fd, text.data() + done, text.size() - done);
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0) {
            ok = false;
            complain(QStringLiteral("writing %1: %2")
                         .arg(m_settings.path, QString::fromLocal8Bit(strerror(errno))));
            break;
        }
        done += size_t(wrote);
        m_size += wrote;
    }
    if (!ok) {
        std::lock_guard lock(m_mutex);
        ++m_failures;
    }
}

} // namespace rov::localplane
