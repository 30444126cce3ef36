#pragma once

#include "api/vertex/persistentresource.h"

#include <QCoreApplication>
#include <QStringList>

namespace rov::core {

// What the create-cluster wizard has collected so far, with the checks the API applies, so a
// mistake is shown at its field before anything is sent.
struct ClusterDraft
{
    Q_DECLARE_TR_FUNCTIONS(ClusterDraft)
public:
    struct Problem
    {
        QString field; // "id", "pools/<index>/min", "pools", "head/accelerator" ...
        QString message;
    };

    QString id;
    QString displayName;
    QString region = QStringLiteral("us-central1");
    QString rayVersion = QStringLiteral("2.47");
    QString pythonVersion = QStringLiteral("3.11");
    QString customImage; // empty: Google's prebuilt image for the version
    api::vertex::ResourcePool head;
    std::vector<api::vertex::ResourcePool> workers;
    QString network;
    QStringList reservedIpRanges;
    QString networkAttachment;
    QString serviceAccount;
    QString kmsKeyName;
    bool metricsExport = true;
    bool logsExport = true;
    std::map<QString, QString> labels;

    ClusterDraft();

    static QString idProblemText(api::vertex::IdProblem problem);
    std::vector<Problem> problems(int maxNodesPerCluster) const;
    qint64 nodesAtMost() const;

    api::vertex::PersistentResource toResource() const;
    QString restBody() const; // the JSON that is POSTed, indented
    QString restUrl(const QUrl &baseUrl, const QString &project) const;
    // The equivalent call with Google's SDK (google-cloud-aiplatform's vertex_ray).
    QString pythonCall(const QString &project) const;
};

} // namespace rov::core
