#pragma once

#include "localplane/apiresult.h"
#include "routetable.h"

#include <QByteArray>
#include <QString>

namespace rov::localplane {

// Who asks the metadata server: a Ray node, known by its token (NodeTokens).
struct NodeIdentity
{
    QString cluster; // projects/P/locations/L/persistentResources/N
    QByteArray token;
};

// What the node's metadata server may tell it beside its identity.
struct NodeMetadataFacts
{
    // host:port of BigQuery's Storage Read API (gRPC); empty with `readProblem` when not serving.
    QString bigQueryRead;
    QString readProblem;
};

// The attribute a node's start-up code reads to reach BigQuery's Storage Read API (whose client
// has no endpoint setting of its own).
inline constexpr const char *kBigQueryReadAttribute = "rov-bigquery-read-endpoint";

// A Compute Engine VM's metadata server, as google-auth reads it (google.auth.default() on a Ray
// node, as on a Vertex AI node): the project, a service account and its token (the node's own
// token: the server gives the node nothing it does not already hold), and attributes. Every
// answer carries "Metadata-Flavor: Google", which clients check before they trust it.
ApiResult answerNodeMetadata(const RouteMatch &route, const NodeIdentity &node,
                             const NodeMetadataFacts &facts);

} // namespace rov::localplane
