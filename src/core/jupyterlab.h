#pragma once

#include "notebookkernel.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <optional>
#include <variant>
#include <vector>

namespace rov::rest {
class RestClient;
}

namespace rov::core {

// A profile's JupyterLab: one server on 127.0.0.1 with a random token, started from the project's
// Python environment in the profile's notebooks folder, reused while it answers and found again
// (by its server file) after the console restarts; it outlives the console until Stop. Opening a
// cluster writes that cluster's kernel and copies the sample notebooks on first use.
class JupyterLab : public QObject
{
    Q_OBJECT
public:
    struct Server
    {
        qint64 pid = 0;
        int port = 0;
        QByteArray token;
        QUrl url() const; // http://127.0.0.1:<port>/
    };
    enum class State
    {
        Stopped,
        Starting,
        Running,
        Stopping
    };
    using Done = std::function<void(std::variant<Server, QString>)>;

    // `venv`: the Python environment with JupyterLab and Ray; `http` asks the server whether it
    // answers (with its token, not the profile's credentials).
    JupyterLab(NotebookPlaces places, QString venv, rest::RestClient *http,
               QObject *parent = nullptr);
    ~JupyterLab() override;

    // Writes the kernel of `target` (its python, launcher and Python version are filled here),
    // copies the samples (in `language`, "en" or "zh_CN") into the cluster's folder with its
    // kernel chosen, unless they are there, then starts the server unless one answers; `done`
    // gets the server, or why not (the log's last lines when it exited), once.
    void open(const KernelTarget &target, const QString &language, Done done);
    // Stops the server (SIGTERM: it shuts its kernels down; SIGKILL to its group after 10 s).
    void stop();
    State state() const { return m_state; }
    // Being destroyed with its session: the answers it gives now are not for a user to see.
    bool closing() const { return m_closing; }
    std::optional<Server> server() const { return m_server; }
    const NotebookPlaces &places() const { return m_places; }
    QString venv() const { return m_venv; }
    PythonVersions versions() const { return environmentVersions(m_venv); }
    // A page (mode 0600, in the profile's folder) that opens `notebook` (a path under the
    // notebooks folder; empty: the file browser) in a browser signed in with the token, as
    // `jupyter lab` itself opens one; why not when it cannot be written.
    std::variant<QUrl, QString> browserPage(const QString &notebook) const;
    // The folder of a cluster's sample notebooks (its id), relative to the notebooks folder.
    static QString samplesFolder(const QString &clusterName);
    // Its first sample notebook, relative to the notebooks folder.
    static QString firstSample(const QString &clusterName);

Q_SIGNALS:
    void stateChanged();

private:
    QString prepare(const KernelTarget &target, const QString &language);
    void findOrStart();
    void startServer();
    void probe();
    void settle(std::variant<Server, QString> outcome);
    void setState(State state);
    void checkStopped();
    std::optional<Server> readServerFile() const;
    QString logTail() const;

    NotebookPlaces m_places;
    QString m_venv;
    QPointer<rest::RestClient> m_http;
    State m_state = State::Stopped;
    std::optional<Server> m_server;
    std::vector<Done> m_waiting;
    QTimer m_probeTimer;
    QTimer m_stopTimer;
    int m_probes = 0;
    int m_stopTicks = 0;
    bool m_probing = false;
    bool m_adopting = false; // asking a server from an earlier run, not one started now
    bool m_closing = false;
};

} // namespace rov::core
