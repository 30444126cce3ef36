#pragma once

#include "api/vertex/persistentresource.h"

#include <QUrl>

namespace rov::core {

// How to reach a running cluster from code and the shell.
struct ConnectionSnippets
{
    QString rayInit;   // Python: ray.init(...)
    QString jobSubmit; // shell: ray job submit --address ...
    QString restUrl;   // the cluster's REST resource
    QUrl dashboard;    // empty when not RUNNING

    static ConnectionSnippets of(const api::vertex::PersistentResource &cluster, bool localBackend,
                                 const QUrl &apiBase);
};

} // namespace rov::core
