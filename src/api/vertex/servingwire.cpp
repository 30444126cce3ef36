#include "servingwire.h"

#include <QRegularExpression>
#include <array>

namespace rov::api::vertex::serving {

namespace {

struct StageRow
{
    DeploymentStage stage;
    const char *name;
    int number;
};

constexpr std::array<StageRow, 8> kStages{{
    {DeploymentStage::Unspecified, "DEPLOYMENT_STAGE_UNSPECIFIED", 0},
    {DeploymentStage::StartingDeployment, "STARTING_DEPLOYMENT", 5},
    {DeploymentStage::PreparingModel, "PREPARING_MODEL", 6},
    {DeploymentStage::CreatingServingCluster, "CREATING_SERVING_CLUSTER", 7},
    {DeploymentStage::StartingModelServer, "STARTING_MODEL_SERVER", 3},
    {DeploymentStage::FinishingUp, "FINISHING_UP", 4},
    {DeploymentStage::SuccessfullyDeployed, "SUCCESSFULLY_DEPLOYED", 11},
    {DeploymentStage::FailedToDeploy, "FAILED_TO_DEPLOY", 12},
}};

} // namespace

QString stageName(DeploymentStage stage)
{
    for (const auto &row : kStages)
        if (row.stage == stage)
            return QLatin1String(row.name);
    return QLatin1String(kStages.front().name);
}

int stageNumber(DeploymentStage stage)
{
    for (const auto &row : kStages)
        if (row.stage == stage)
            return row.number;
    return 0;
}

DeploymentStage stageFromName(const QString &name)
{
    for (const auto &row : kStages)
        if (name == QLatin1String(row.name))
            return row.stage;
    return DeploymentStage::Unspecified;
}

QString modelIdProblem(const QString &id)
{
    static const QRegularExpression rule(QStringLiteral("^[a-z_][a-z0-9_-]{0,62}$"));
    if (rule.match(id).hasMatch())
        return {};
    return QStringLiteral("modelId \"%1\" must be 1 to 63 of a-z, 0-9, _ and -, and not start "
                          "with a digit or a hyphen")
        .arg(id.left(80));
}

QString endpointIdProblem(const QString &id)
{
    static const QRegularExpression named(QStringLiteral("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$"));
    static const QRegularExpression numbered(QStringLiteral("^[1-9][0-9]{0,8}$"));
    if (named.match(id).hasMatch() || numbered.match(id).hasMatch())
        return {};
    return QStringLiteral("endpointId \"%1\" must start with a letter and be up to 63 of a-z, 0-9 "
                          "and - (not ending with -), or be up to 9 digits without a leading zero")
        .arg(id.left(80));
}

QString deployedModelIdProblem(const QString &id)
{
    static const QRegularExpression rule(QStringLiteral("^[0-9]{1,10}$"));
    if (rule.match(id).hasMatch())
        return {};
    return QStringLiteral("deployedModel.id \"%1\" must be 1 to 10 digits").arg(id.left(80));
}

} // namespace rov::api::vertex::serving
