#pragma once

#include <QObject>
#include <atomic>
#include <memory>
#include <optional>

namespace rov::core {

// A working directory zipped for Ray's package store.
struct Package
{
    QString zipPath;
    QString uri; // gcs://_ray_pkg_<sha1 of the zip>.zip
    qint64 bytes = 0;
    int files = 0;
};

// Zips a folder the way `ray job submit --working-dir` packages it (paths relative to the
// folder; `.git` and `__pycache__` left out) on a pool thread, so the GUI stays responsive.
class PackageBuilder : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxPackageBytes = 100 * 1024 * 1024; // Ray refuses larger packages

    explicit PackageBuilder(QObject *parent = nullptr);
    ~PackageBuilder() override;

    void start(const QString &directory, const QString &zipPath);
    void cancel();
    // 0 to 1; poll it while the build runs.
    double progress() const;

    struct Shared
    {
        std::atomic<bool> cancelled{false};
        std::atomic<int> permille{0};
    };

Q_SIGNALS:
    // Exactly one of the two is set.
    void finished(const std::optional<rov::core::Package> &package, const QString &error);

private:
    std::shared_ptr<Shared> m_shared;
};

} // namespace rov::core
