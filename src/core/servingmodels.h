#pragma once

#include "api/vertex/batchclient.h"
#include "api/vertex/servingclient.h"
#include "keyedtablemodel.h"
#include "monitoringpanels.h"

#include <QString>

namespace rov::catalog {
class MachineCatalog;
}

// The console's side of the Model Registry and endpoints: the two live tables, and the pure
// rules the Deploy dialog and the Test panel follow.
namespace rov::core {

class ModelListModel : public KeyedTableModel<api::vertex::Model>
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Framework,
        Artifact,
        Created,
        DeployedTo,
        ColumnCount
    };
    using KeyedTableModel::KeyedTableModel;
    void setModels(std::vector<api::vertex::Model> models) { replaceRows(std::move(models)); }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString keyOf(const api::vertex::Model &row) const override { return row.name; }
};

class EndpointListModel : public KeyedTableModel<api::vertex::ServingEndpoint>
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Models,
        Traffic,
        Replicas,
        Created,
        ColumnCount
    };
    using KeyedTableModel::KeyedTableModel;
    void setEndpoints(std::vector<api::vertex::ServingEndpoint> endpoints)
    {
        replaceRows(std::move(endpoints));
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString keyOf(const api::vertex::ServingEndpoint &row) const override { return row.name; }
};

// "scikit-learn 1.6", "XGBoost 2.1": the framework of a prebuilt image, as people name it.
QString frameworkTitle(const api::vertex::Model &model);

// A split after `id` is set to `percent`: the others shrink or grow in proportion (by largest
// remainder, in id order) so that the whole stays 100. A split of one model is 100.
api::vertex::TrafficSplit rebalanceSplit(const api::vertex::TrafficSplit &split, const QString &id,
                                         int percent);

// What the deployed replicas cost per hour at their minimum and maximum counts; nullopt for a
// machine the catalogue does not price.
struct ServingCost
{
    double atMinimum = 0;
    double atMaximum = 0;
};
std::optional<ServingCost> servingCost(const catalog::MachineCatalog &machines,
                                       const QString &machineType, int minReplicas,
                                       int maxReplicas);
// An endpoint's deployed replicas at their minimum, per hour (the cost it has while idle).
double endpointCostPerHour(const catalog::MachineCatalog &machines,
                           const api::vertex::ServingEndpoint &endpoint);

// A request body for the Test panel: {"instances": [[0, 0, 0, 0]]} with `features` numbers.
QString exampleRequest(int features = 4);

// An endpoint's charts over Serve's metrics in rovd's Prometheus (load them with the cluster id
// api::vertex::serving::kServingScrapeId): requests and errors per second, latency p50 and p99,
// healthy replicas, for the Serve applications of `deployedModelIds`.
std::vector<PanelSpec> endpointPanels(const QStringList &deployedModelIds);

// The gs:// folder a training job says it wrote its model to: the last line "model artifact:
// gs://…" of its log (resources/python/samples/train_sklearn.py prints one). Empty: none.
QString modelArtifactIn(const QString &jobLog);
// A display name for the model a job wrote: its script's name ("python train_sklearn.py --c 1"
// → "train_sklearn", "python -m pkg.train" → "pkg.train"), else the artifact folder's last part.
// Never the submission id, which says nothing to a person.
QString modelNameFor(const QString &entrypoint, const QString &artifactUri);

// A request as its REST body, Google's Python SDK and curl, for copying (the API base, the
// resource's project and location filled in).
struct RequestSnippets
{
    QString rest;
    QString python;
    QString curl;
};
// batchPredictionJobs.create under `parent` (projects/P/locations/L), and Model.batch_predict.
RequestSnippets batchSnippets(const QUrl &apiBase, const QString &parent,
                              const api::vertex::BatchJobSpec &spec);
RequestSnippets deploySnippets(const QUrl &apiBase, const QString &endpointName,
                               const api::vertex::DeploySpec &spec);
// The same onto a new endpoint: created first under `parent` with `endpointDisplayName`, then
// deployed to, as the Deploy dialog does (nothing to fill in by hand).
RequestSnippets deployToNewEndpointSnippets(const QUrl &apiBase, const QString &parent,
                                            const QString &endpointDisplayName,
                                            const api::vertex::DeploySpec &spec);
RequestSnippets uploadSnippets(const QUrl &apiBase, const QString &parent,
                               const QString &displayName, const QString &artifactUri,
                               const QString &imageUri);
RequestSnippets predictSnippets(const QUrl &apiBase, const QString &endpointName,
                                const nlohmann::json &body);

} // namespace rov::core
