#pragma once

#include <QString>
#include <memory>

namespace rov::localplane {

// An exclusive claim on a directory for as long as this object lives (flock on a file in it),
// so that two rovds never share a data directory or a temp root: each would take the other's
// clusters for strays. The kernel drops the claim when the process dies, even by SIGKILL.
class DirectoryLock
{
public:
    ~DirectoryLock();
    DirectoryLock(const DirectoryLock &) = delete;
    DirectoryLock &operator=(const DirectoryLock &) = delete;

    // The lock, or the reason it cannot be had (another process holds it: its pid is named).
    static std::unique_ptr<DirectoryLock> acquire(const QString &directory, QString *why);

private:
    explicit DirectoryLock(int fd) : m_fd(fd) {}
    int m_fd;
};

} // namespace rov::localplane
