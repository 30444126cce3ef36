#include "wireenums.h"

#include <QStringList>
#include <array>
#include <utility>

namespace rov::localplane::wire {

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

} // namespace rov::localplane::wire
