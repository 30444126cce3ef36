#pragma once

#include <QString>
#include <QStringList>
#include <map>
#include <optional>

namespace rov::catalog {

struct AcceleratorPrice
{
    QString type; // e.g. "NVIDIA_L4"
    double usdPerHour = 0;
};

struct MachineType
{
    QString name;
    int vcpu = 0;
    double memoryGb = 0;
    double usdPerHour = 0;      // without the accelerators it comes with
    QString bundledAccelerator; // a2 and g2 types come with GPUs; empty otherwise
    int bundledAcceleratorCount = 0;
};

// Machine type names as a person reads them: family first, then the numbers by value
// (n1-standard-4 before n1-standard-16, which plain string order puts the other way).
bool naturalLess(const QString &a, const QString &b);
QStringList inNaturalOrder(QStringList names);

// Machine types and on-demand prices (resources/catalog/machines.json, compiled into the program).
class MachineCatalog
{
public:
    // The catalogue compiled into the program.
    static const MachineCatalog &builtIn();
    // Reads a catalogue from JSON text; nullopt with `error` set when it is not one.
    static std::optional<MachineCatalog> fromJson(const QByteArray &json, QString *error);

    std::optional<MachineType> machine(const QString &name) const;
    std::optional<double> acceleratorUsdPerHour(const QString &type) const;
    QStringList machineNames() const;
    QString currency() const { return m_currency; }
    QString priceRegion() const { return m_region; }
    QString compiled() const { return m_compiled; }

    // One node of `machine` with `acceleratorCount` extra accelerators of `acceleratorType`.
    std::optional<double> nodeUsdPerHour(const QString &machine, const QString &acceleratorType,
                                         int acceleratorCount) const;

private:
    std::map<QString, MachineType> m_machines;
    std::map<QString, double> m_accelerators;
    QString m_currency;
    QString m_region;
    QString m_compiled;
};

} // namespace rov::catalog
