#pragma once

#include "localplane/supervisedchild.h"

#include <QObject>

namespace rov::localplane::bigquery {

struct BigQuerySettings
{
    QString python;      // the Python environment's interpreter (DuckDB and sqlglot in it)
    QString directory;   // DIR/bigquery: the service's code, its database, its uploads
    QString storageRoot; // DIR/storage: where load jobs find gs:// objects
    // The Storage Read API's gRPC port on 127.0.0.1; 0: one free when rovd starts, kept across
    // the service's restarts (Ray nodes ask their metadata server for it).
    quint16 readPort = 0;
};

// rovd's BigQuery service (resources/python/bigquery: BigQuery's REST API on DuckDB) as rovd's
// child, supervised as Prometheus is, with BigQuery's Storage Read API (gRPC) beside its REST (a
// SupervisedChild), its data under DIR/bigquery. Locked to rovd: it answers only requests that
// carry the secret of this run, which it reads from its environment (never its command line, which
// other users can read). port(), secret() and problem() may be read anywhere.
class BigQuerySupervisor : public QObject
{
    Q_OBJECT
public:
    explicit BigQuerySupervisor(BigQuerySettings settings, QObject *parent = nullptr);

    // False, with the reason, when the service cannot run here. `rovdBase` (http://host:port):
    // where the Storage Read API asks rovd whether a caller's token may read a table.
    bool start(const QString &rovdBase, QString *error);

    // 0 while the service is not running.
    quint16 port() const { return m_child.port(); }
    QByteArray secret() const { return m_secret; }
    quint16 readPort() const { return m_settings.readPort; }
    qint64 pid() const { return m_child.pid(); }
    QString problem() const { return m_child.problem(); }

private:
    bool writeService();

    BigQuerySettings m_settings;
    QByteArray m_secret;
    SupervisedChild m_child;
};

} // namespace rov::localplane::bigquery
