#pragma once

#include <QByteArray>
#include <QString>
#include <map>

namespace rov::localplane {

// What a cluster's Ray nodes find at start beside Ray's own, so that code written for Vertex AI
// runs unchanged in their jobs: Cloud Storage (STORAGE_EMULATOR_HOST), the metadata server that
// google.auth.default() reads (GCE_METADATA_HOST, GCE_METADATA_IP), BigQuery
// (BIGQUERY_EMULATOR_HOST) and, through the start-up code in `startupDir`, BigQuery's Storage
// Read API. Every address carries the cluster's own token in its path (/t/<token>), never the
// user's; `gcloudDir` keeps the user's own gcloud credentials (which google.auth.default() would
// find first) out of the jobs.
struct NodeStartup
{
    QString rovdBase;   // http://host:port; empty until rovd listens
    QString startupDir; // DIR/node-python: sitecustomize.py
    QString gcloudDir;  // an empty gcloud configuration folder of rovd's
};

std::map<QString, QString> nodeStartupEnvironment(const NodeStartup &startup,
                                                  const QByteArray &nodeToken);

// Writes the start-up code (resources/python/node) into `startupDir`; the reason when it cannot.
QString writeNodeStartup(const QString &startupDir);

} // namespace rov::localplane
