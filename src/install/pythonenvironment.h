#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QTimer>
#include <memory>

class QLockFile;

namespace rov::install {

// The Python environment rovd runs Ray from, made without root where it belongs (the user's
// data dir, installed) the first time it is needed: a venv from Debian's Python, then pip
// installs the pinned packages, from the same files scripts/setup.sh uses (compiled in).
//
// Nothing is left half-made: the folder gets a marker before anything else and a stamp (the
// packages' digest) after everything else, written durably. A folder with the marker and without
// the right stamp (a crash, a power cut, an upgrade with other pins) is removed and made again;
// a failure or a cancel removes it. A folder without the marker is someone else's (the build
// tree's .venv, a --ray-venv of the user's) and is never touched.
class PythonEnvironment : public QObject
{
    Q_OBJECT
public:
    // pip's requirements and constraints (requirements.txt, requirements.lock).
    struct Packages
    {
        QByteArray requirements;
        QByteArray constraints;
        QByteArray digest() const;
        int count() const; // lines that name a package, of the constraints if any
    };
    static Packages pinned();
    static Packages fromFile(const QString &requirementsFile);

    enum class State
    {
        Missing,
        Ready,
        Stale,
        Foreign
    };

    PythonEnvironment(QString dir, Packages packages, QObject *parent = nullptr);
    ~PythonEnvironment() override;

    QString dir() const { return m_dir; }
    State state() const;
    // The interpreter the venv is made from: Debian's python3 (the package depends on it).
    static QString basePython();

    // Makes it (removing a stale one first); progress() while it runs, then finished() once,
    // with an empty error on success. Another process making it at the same time is waited for.
    void prepare();
    // Ends the step under way and removes what was made; finished() says it was cancelled.
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // `done` of `total` steps (packages collected, then installed); `text` in words.
    void progress(int done, int total, const QString &text);
    void finished(const QString &error);

private:
    void waitForOther();
    void createVenv();
    void installPackages();
    void readPip();
    void stepEnded(int exitCode, QProcess::ExitStatus status);
    void finish(const QString &error);
    QString writeFile(const QString &name, const QByteArray &bytes) const;

    enum class Step
    {
        None,
        Venv,
        Pip
    };
    QString m_dir;
    Packages m_packages;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QProcess> m_process;
    QTimer m_retry; // while another process holds the lock
    Step m_step = Step::None;
    QByteArray m_output;  // the step's, for its error
    QByteArray m_pending; // a line not yet ended
    int m_collected = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_saidWaiting = false;
};

} // namespace rov::install
