#include "machinecatalog.h"

#include <QFile>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

namespace rov::catalog {

namespace {
QString text(const nlohmann::json &object, const char *key)
{
    return QString::fromStdString(object.value(key, std::string()));
}
} // namespace

const MachineCatalog &MachineCatalog::builtIn()
{
    static const MachineCatalog catalog = [] {
        QFile file(QStringLiteral(":/catalog/machines.json"));
        file.open(QIODevice::ReadOnly);
        QString error;
        auto parsed = fromJson(file.readAll(), &error);
        Q_ASSERT_X(parsed, "MachineCatalog::builtIn", qPrintable(error));
        return parsed.value_or(MachineCatalog());
    }();
    return catalog;
}

std::optional<MachineCatalog> MachineCatalog::fromJson(const QByteArray &json, QString *error)
{
    const auto root = nlohmann::json::parse(json.constBegin(), json.constEnd(), nullptr, false);
    if (!root.is_object() || !root.contains("machineTypes") || !root["machineTypes"].is_object()) {
        *error = QStringLiteral("the catalogue has no machineTypes object");
        return std::nullopt;
    }
    MachineCatalog catalog;
    catalog.m_currency = text(root, "currency");
    catalog.m_region = text(root, "region");
    catalog.m_compiled = text(root, "compiled");
    try {
        for (const auto &[name, entry] : root["machineTypes"].items()) {
            MachineType machine;
            machine.name = QString::fromStdString(name);
            machine.vcpu = entry.at("vcpu").get<int>();
            machine.memoryGb = entry.at("memoryGb").get<double>();
            machine.usdPerHour = entry.at("usdPerHour").get<double>();
            if (auto bundled = entry.find("accelerator"); bundled != entry.end()) {
                machine.bundledAccelerator = text(*bundled, "type");
                machine.bundledAcceleratorCount = bundled->value("count", 0);
            }
            catalog.m_machines.emplace(machine.name, machine);
        }
        if (auto accelerators = root.find("accelerators");
            accelerators != root.end() && accelerators->is_object()) {
            for (const auto &[name, entry] : accelerators->items())
                catalog.m_accelerators.emplace(QString::fromStdString(name),
                                               entry.at("usdPerHour").get<double>());
        }
    } catch (const nlohmann::json::exception &problem) {
        *error =
            QStringLiteral("the catalogue is malformed: %1").arg(QString::fromUtf8(problem.what()));
        return std::nullopt;
    }
    return catalog;
}

std::optional<MachineType> MachineCatalog::machine(const QString &name) const
{
    auto it = m_machines.find(name);
    if (it == m_machines.end())
        return std::nullopt;
    return it->second;
}

std::optional<double> MachineCatalog::acceleratorUsdPerHour(const QString &type) const
{
    auto it = m_accelerators.find(type);
    if (it == m_accelerators.end())
        return std::nullopt;
    return it->second;
}

QStringList MachineCatalog::machineNames() const
{
    QStringList names;
    for (const auto &[name, machine] : m_machines)
        names.append(name);
    return names;
}

std::optional<double> MachineCatalog::nodeUsdPerHour(const QString &machineName,
                                                     const QString &acceleratorType,
                                                     int acceleratorCount) const
{
    const auto type = machine(machineName);
    if (!type)
        return std::nullopt;
    double total = type->usdPerHour;
    const auto addAccelerators = [&](const QString &accelerator, int count) -> bool {
        if (count <= 0 || accelerator.isEmpty())
            return true;
        const auto price = acceleratorUsdPerHour(accelerator);
        if (!price)
            return false;
        total += *price * count;
        return true;
    };
    if (!addAccelerators(type->bundledAccelerator, type->bundledAcceleratorCount))
        return std::nullopt;
    // Extra accelerators of the bundled kind are the bundled ones themselves, not more of them.
    if (acceleratorType != type->bundledAccelerator &&
        !addAccelerators(acceleratorType, acceleratorCount))
        return std::nullopt;
    return total;
}

namespace {

// "n1-standard-16" → ("n", 1, "-standard-", 16): text and numbers, alternating.
struct Chunk
{
    QStringView text;
    qulonglong number = 0;
    bool isNumber = false;
};

std::vector<Chunk> chunks(QStringView name)
{
    std::vector<Chunk> parts;
    qsizetype start = 0;
    while (start < name.size()) {
        const bool digits = name[start].isDigit();
        qsizetype end = start;
        while (end < name.size() && name[end].isDigit() == digits)
            ++end;
        Chunk chunk{name.mid(start, end - start)};
        if (digits) {
            chunk.isNumber = true;
            chunk.number = chunk.text.toULongLong();
        }
        parts.push_back(chunk);
        start = end;
    }
    return parts;
}

} // namespace

bool naturalLess(const QString &a, const QString &b)
{
    const auto left = chunks(a), right = chunks(b);
    for (size_t i = 0; i < std::min(left.size(), right.size()); ++i) {
        const Chunk &x = left[i], &y = right[i];
        if (x.isNumber && y.isNumber) {
            if (x.number != y.number)
                return x.number < y.number;
        } else if (const int order = x.text.compare(y.text); order != 0) {
            return order < 0;
        }
    }
    if (left.size() != right.size())
        return left.size() < right.size();
    return a < b; // "n1-4" and "n1-04": any fixed order
}

QStringList inNaturalOrder(QStringList names)
{
    std::sort(names.begin(), names.end(), naturalLess);
    return names;
}

} // namespace rov::catalog
