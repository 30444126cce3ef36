#include "wire.h"

#include <QRegularExpression>
#include <array>
#include <utility>

namespace rov::api::vertex::wire {

namespace {

constexpr std::array<std::pair<int, const char *>, 19> kAccelerators = {{
    {0, "ACCELERATOR_TYPE_UNSPECIFIED"},
    {1, "NVIDIA_TESLA_K80"},
    {2, "NVIDIA_TESLA_P100"},
    {3, "NVIDIA_TESLA_V100"},
    {4, "NVIDIA_TESLA_P4"},
    {5, "NVIDIA_TESLA_T4"},
    {6, "TPU_V2"},
    {7, "TPU_V3"},
    {8, "NVIDIA_TESLA_A100"},
    {9, "NVIDIA_A100_80GB"},
    {10, "TPU_V4_POD"},
    {11, "NVIDIA_L4"},
    {12, "TPU_V5_LITEPOD"},
    {13, "NVIDIA_H100_80GB"},
    {14, "NVIDIA_H100_MEGA_80GB"},
    {15, "NVIDIA_H200_141GB"},
    {16, "NVIDIA_B200"},
    {17, "NVIDIA_GB200"},
    {18, "NVIDIA_RTX_PRO_6000"},
}};

constexpr std::array<std::pair<ClusterState, const char *>, 7> kStates = {{
    {ClusterState::Unspecified, "STATE_UNSPECIFIED"},
    {ClusterState::Provisioning, "PROVISIONING"},
    {ClusterState::Running, "RUNNING"},
    {ClusterState::Stopping, "STOPPING"},
    {ClusterState::Error, "ERROR"},
    {ClusterState::Rebooting, "REBOOTING"},
    {ClusterState::Updating, "UPDATING"},
}};

} // namespace

QString stateName(ClusterState state)
{
    for (const auto &[known, name] : kStates) {
        if (known == state)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("STATE_UNSPECIFIED");
}

std::optional<ClusterState> stateFromName(const QString &name)
{
    for (const auto &[state, known] : kStates) {
        if (name == QLatin1String(known))
            return state;
    }
    return std::nullopt;
}

ClusterState stateFromJson(const nlohmann::json &value)
{
    if (value.is_number_integer()) {
        for (const auto &[state, name] : kStates) {
            if (int(state) == value.get<int>())
                return state;
        }
        return ClusterState::Unspecified;
    }
    if (value.is_string())
        return stateFromName(QString::fromStdString(value.get<std::string>()))
            .value_or(ClusterState::Unspecified);
    return ClusterState::Unspecified;
}

std::optional<QString> acceleratorTypeName(const nlohmann::json &value)
{
    for (const auto &[number, name] : kAccelerators) {
        if ((value.is_number_integer() && value.get<int>() == number) ||
            (value.is_string() && value.get<std::string>() == name))
            return QString::fromLatin1(name);
    }
    return std::nullopt;
}

int acceleratorTypeNumber(const QString &name)
{
    for (const auto &[number, known] : kAccelerators) {
        if (name == QLatin1String(known))
            return number;
    }
    return 0;
}

QStringList acceleratorTypeNames()
{
    QStringList names;
    for (const auto &[number, name] : kAccelerators)
        names.append(QString::fromLatin1(name));
    return names;
}

nlohmann::json encode(const QString &name, int number, bool asInteger)
{
    if (asInteger)
        return number;
    return name.toStdString();
}

std::optional<qint64> readInt64(const nlohmann::json &value)
{
    if (value.is_number_integer())
        return value.get<qint64>();
    if (value.is_string()) {
        bool ok = false;
        const qint64 number = QString::fromStdString(value.get<std::string>()).toLongLong(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

IdProblem checkResourceId(const QString &id)
{
    if (id.isEmpty())
        return IdProblem::Empty;
    if (id.size() > 63)
        return IdProblem::TooLong;
    if (!(id[0] >= QLatin1Char('a') && id[0] <= QLatin1Char('z')))
        return IdProblem::FirstNotLetter;
    for (const QChar c : id) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                             (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                             c == QLatin1Char('-');
        if (!allowed)
            return IdProblem::BadCharacter;
    }
    if (id.endsWith(QLatin1Char('-')))
        return IdProblem::EndsWithHyphen;
    return IdProblem::None;
}

FailureText splitRayLog(const QString &message)
{
    const QString marker = QString::fromLatin1(kRayLogMarker);
    const qsizetype at = message.indexOf(marker);
    if (at < 0)
        return {message, {}};
    return {message.left(at), message.mid(at + marker.size())};
}

QString resourceIdMessage(IdProblem problem, const QString &id)
{
    switch (problem) {
    case IdProblem::None:
        return {};
    case IdProblem::Empty:
        return QStringLiteral("persistentResourceId is required");
    default:
        return QStringLiteral("persistentResourceId \"%1\" is not valid: use 1 to 63 lower-case "
                              "letters, digits and hyphens, starting with a letter and not ending "
                              "with a hyphen")
            .arg(id);
    }
}

QString prebuiltImage(const RayImage &image)
{
    QString ray = image.rayVersion;
    QString python = image.pythonVersion;
    return QStringLiteral("us-docker.pkg.dev/vertex-ai/training/ray-%1.%2.py%3:latest")
        .arg(image.gpu ? QStringLiteral("gpu") : QStringLiteral("cpu"),
             ray.replace(QLatin1Char('.'), QLatin1Char('-')), python.remove(QLatin1Char('.')));
}

std::optional<RayImage> parseRayImage(const QString &uri)
{
    static const QRegularExpression tag(
        QStringLiteral("(^|/)ray-(cpu|gpu)\\.(\\d+)-(\\d+)\\.py(\\d)(\\d+)(:|@|$)"));
    const auto found = tag.match(uri);
    if (!found.hasMatch())
        return std::nullopt;
    return RayImage{found.captured(3) + QLatin1Char('.') + found.captured(4),
                    found.captured(5) + QLatin1Char('.') + found.captured(6),
                    found.captured(2) == QLatin1String("gpu")};
}

} // namespace rov::api::vertex::wire
