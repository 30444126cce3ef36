#include "pythonenvironment.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

namespace rov::install {

namespace {

const QString kMarker = QStringLiteral(".rov-environment-making");
const QString kStamp = QStringLiteral(".rov-environment");

QByteArray readResource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The last lines of what a step printed: pip's reason is at the end.
QString lastLines(const QByteArray &output, int lines)
{
    QList<QByteArray> all = output.trimmed().split('\n');
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return QString::fromUtf8(all.join('\n')).trimmed();
}

} // namespace

QByteArray PythonEnvironment::Packages::digest() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(requirements);
    hash.addData("\n--constraints--\n");
    hash.addData(constraints);
    return hash.result().toHex();
}

int PythonEnvironment::Packages::count() const
{
    int names = 0;
    for (const QByteArray &line :
         (constraints.isEmpty() ? requirements : constraints).split('\n')) {
        const QByteArray text = line.trimmed();
        if (!text.isEmpty() && !text.startsWith('#') && !text.startsWith('-'))
            ++names;
    }
    return names;
}

PythonEnvironment::Packages PythonEnvironment::pinned()
{
    return {readResource(QStringLiteral(":/python/requirements.txt")),
            readResource(QStringLiteral(":/python/requirements.lock"))};
}

PythonEnvironment::Packages PythonEnvironment::fromFile(const QString &requirementsFile)
{
    QFile file(requirementsFile);
    return {file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray(), {}};
}

PythonEnvironment::PythonEnvironment(QString dir, Packages packages, QObject *parent)
    : QObject(parent), m_dir(QDir(dir).absolutePath()), m_packages(std::move(packages))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &PythonEnvironment::waitForOther);
}

PythonEnvironment::~PythonEnvironment()
{
    if (m_running && m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    if (m_running && m_step != Step::None)
        QDir(m_dir).removeRecursively();
}

PythonEnvironment::State PythonEnvironment::state() const
{
    const QDir dir(m_dir);
    if (!dir.exists())
        return State::Missing;
    QFile stamp(dir.filePath(kStamp));
    if (stamp.open(QIODevice::ReadOnly) && !dir.exists(kMarker))
        return stamp.readAll().trimmed() == m_packages.digest() ? State::Ready : State::Stale;
    return dir.exists(kMarker) ? State::Stale : State::Foreign;
}

QString PythonEnvironment::basePython()
{
    if (QFileInfo(QStringLiteral("/usr/bin/python3")).isExecutable())
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

void PythonEnvironment::prepare()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_saidWaiting = false;
    if (m_packages.requirements.isEmpty()) {
        finish(tr("No packages to install: the list of Python packages is empty or unreadable"));
        return;
    }
    QDir().mkpath(QFileInfo(m_dir).absolutePath());
    m_lock = std::make_unique<QLockFile>(m_dir + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0); // a lock whose process is gone is stale, however recent
    waitForOther();
}

// Another process (rovd's service and the console, say) may be making it: wait for its lock,
// then look again (it may be ready now).
void PythonEnvironment::waitForOther()
{
    if (m_cancelled)
        return;
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() != QLockFile::LockFailedError) {
            finish(tr("Cannot lock %1.lock: %2").arg(m_dir, tr("permission denied or no space")));
            return;
        }
        m_retry.start(1000);
        if (std::exchange(m_saidWaiting, true))
            return;
        qint64 pid = 0;
        QString host, application;
        m_lock->getLockInfo(&pid, &host, &application);
        Q_EMIT progress(0, 0,
                        tr("Waiting for %1 (pid %2), which is setting up the Python environment")
                            .arg(application)
                            .arg(pid));
        return;
    }
    switch (state()) {
    case State::Ready:
        finish({});
        return;
    case State::Foreign:
        finish(tr("%1 exists and was not made by rov-console; move it away or pass --ray-venv")
                   .arg(m_dir));
        return;
    case State::Stale:
        QDir(m_dir).removeRecursively();
        break;
    case State::Missing:
        break;
    }
    createVenv();
}

QString PythonEnvironment::writeFile(const QString &name, const QByteArray &bytes) const
{
    QSaveFile file(QDir(m_dir).filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
    return {};
}

void PythonEnvironment::createVenv()
{
    const QString python = basePython();
    if (python.isEmpty()) {
        finish(tr("Python 3 is not installed (apt install python3 python3-venv)"));
        return;
    }
    if (!QDir().mkpath(m_dir)) {
        finish(tr("Cannot create %1").arg(m_dir));
        return;
    }
    m_step = Step::Venv; // from here on, a failure removes the folder
    // First: the folder says it is being made, so that a crash leaves a folder known to be ours.
    if (const QString error = writeFile(kMarker, QByteArray()); !error.isEmpty()) {
        finish(error);
        return;
    }
    Q_EMIT progress(0, m_packages.count(), tr("Creating the Python environment in %1").arg(m_dir));
    m_output.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process.get(), &QProcess::readyRead, this,
            [this] { m_output += m_process->readAll(); });
    connect(m_process.get(), &QProcess::finished, this, &PythonEnvironment::stepEnded);
    m_process->start(python, {QStringLiteral("-m"), QStringLiteral("venv"), m_dir});
}

void PythonEnvironment::installPackages()
{
    for (const auto &[name, bytes] :
         {std::pair{QStringLiteral("requirements.txt"), m_packages.requirements},
          std::pair{QStringLiteral("requirements.lock"), m_packages.constraints}}) {
        if (const QString error = writeFile(name, bytes); !error.isEmpty()) {
            finish(error);
            return;
        }
    }
    QStringList arguments{QStringLiteral("-m"),
                          QStringLiteral("pip"),
                          QStringLiteral("install"),
                          QStringLiteral("--disable-pip-version-check"),
                          QStringLiteral("--no-input"),
                          QStringLiteral("--progress-bar"),
                          QStringLiteral("off"),
                          QStringLiteral("-r"),
                          QDir(m_dir).filePath(QStringLiteral("requirements.txt"))};
    if (!m_packages.constraints.isEmpty())
        arguments << QStringLiteral("-c")
                  << QDir(m_dir).filePath(QStringLiteral("requirements.lock"));
    m_step = Step::Pip;
    m_output.clear();
    m_pending.clear();
    m_collected = 0;
    Q_EMIT progress(0, m_packages.count(),
                    tr("Downloading %n Python package(s)", "", m_packages.count()));
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process.get(), &QProcess::readyRead, this, &PythonEnvironment::readPip);
    connect(m_process.get(), &QProcess::finished, this, &PythonEnvironment::stepEnded);
    m_process->start(QDir(m_dir).filePath(QStringLiteral("bin/python")), arguments);
}

// pip says "Collecting <name>" once per package it fetches, then "Installing collected
// packages: …": the count of the first against the packages pinned is the progress.
void PythonEnvironment::readPip()
{
    const QByteArray bytes = m_process->readAll();
    m_output += bytes;
    m_pending += bytes;
    const int total = std::max(1, m_packages.count());
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(end).trimmed();
        m_pending.remove(0, end + 1);
        if (line.startsWith("Collecting ")) {
            ++m_collected;
            const QString name = QString::fromUtf8(line.mid(11)).section(QLatin1Char(' '), 0, 0);
            Q_EMIT progress(std::min(m_collected, total - 1), total,
                            tr("Downloading %1 (%2 of %3)").arg(name).arg(m_collected).arg(total));
        } else if (line.startsWith("Installing collected packages")) {
            Q_EMIT progress(
                total - 1, total,
                tr("Installing %n package(s); this takes a few minutes", "", m_collected));
        }
    }
}

void PythonEnvironment::stepEnded(int exitCode, QProcess::ExitStatus status)
{
    if (m_cancelled)
        return;
    if (m_step == Step::Pip)
        readPip();
    if (status != QProcess::NormalExit || exitCode != 0) {
        const QString what = m_step == Step::Venv ? tr("Creating the Python environment failed")
                                                  : tr("Installing the Python packages failed");
        const QString output = lastLines(m_output, 6);
        finish(output.isEmpty() ? QStringLiteral("%1 (%2)").arg(what, m_process->errorString())
                                : QStringLiteral("%1: %2").arg(what, output));
        return;
    }
    if (m_step == Step::Venv) {
        installPackages();
        return;
    }
    // Last: the stamp, then the marker goes. Until both, a crash leaves a folder made again.
    if (QString error = writeFile(kStamp, m_packages.digest() + '\n'); !error.isEmpty()) {
        finish(error);
        return;
    }
    if (!QFile::remove(QDir(m_dir).filePath(kMarker))) {
        finish(tr("Cannot finish %1: its marker stays").arg(m_dir));
        return;
    }
    Q_EMIT progress(m_packages.count(), m_packages.count(), tr("The Python environment is ready"));
    finish({});
}

void PythonEnvironment::cancel()
{
    if (!m_running || m_cancelled)
        return;
    m_cancelled = true;
    m_retry.stop();
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    finish(tr("Cancelled"));
}

void PythonEnvironment::finish(const QString &error)
{
    // What a failure or a cancel made is removed, while the lock still says it is ours.
    if (!error.isEmpty() && m_step != Step::None)
        QDir(m_dir).removeRecursively();
    m_step = Step::None;
    m_process.reset();
    if (m_lock)
        m_lock->unlock();
    m_running = false;
    Q_EMIT finished(error);
}

} // namespace rov::install
