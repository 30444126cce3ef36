#include "machinefields.h"

#include "catalog/machinecatalog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QSpinBox>

namespace rov::ui {

MachineFields::MachineFields(const QStringList &machineTypes, const QStringList &acceleratorTypes,
                             const QString &objectPrefix, QWidget *parent)
    : QWidget(parent), m_machine(new QComboBox(this)), m_acceleratorType(new QComboBox(this)),
      m_acceleratorCount(new QComboBox(this)), m_diskType(new QComboBox(this)),
      m_diskSize(new QSpinBox(this))
{
    m_machine->setObjectName(objectPrefix + QStringLiteral("machineType"));
    // In the order people read them, each with what it is and what it costs.
    const auto &catalog = catalog::MachineCatalog::builtIn();
    for (const QString &name : catalog::inNaturalOrder(machineTypes)) {
        const auto machine = catalog.machine(name);
        m_machine->addItem(machine ? tr("%1 (%2 vCPU, %3 GB, $%4/h)")
                                         .arg(name)
                                         .arg(machine->vcpu)
                                         .arg(machine->memoryGb)
                                         .arg(machine->usdPerHour, 0, 'f', 2)
                                   : name,
                           name);
    }
    m_machine->setAccessibleName(tr("Machine type"));
    m_acceleratorType->setObjectName(objectPrefix + QStringLiteral("acceleratorType"));
    m_acceleratorType->addItem(tr("None"), QString());
    for (const auto &type : acceleratorTypes)
        m_acceleratorType->addItem(type, type);
    m_acceleratorType->setAccessibleName(tr("Accelerator type"));
    m_acceleratorType->setEnabled(!acceleratorTypes.isEmpty());
    if (acceleratorTypes.isEmpty())
        m_acceleratorType->setToolTip(tr("This backend has no accelerators"));
    m_acceleratorCount->setObjectName(objectPrefix + QStringLiteral("acceleratorCount"));
    m_acceleratorCount->setAccessibleName(tr("Accelerator count"));
    m_diskType->addItem(tr("SSD persistent disk"), QStringLiteral("pd-ssd"));
    m_diskType->addItem(tr("Standard persistent disk"), QStringLiteral("pd-standard"));
    m_diskType->setAccessibleName(tr("Boot disk type"));
    m_diskSize->setRange(100, 65536);
    m_diskSize->setSuffix(tr(" GB"));
    m_diskSize->setAccessibleName(tr("Boot disk size"));

    // Counts follow the type: none without a type, powers of two with one.
    const auto updateCounts = [this] {
        const bool any = !m_acceleratorType->currentData().toString().isEmpty();
        const QString kept = m_acceleratorCount->currentText();
        m_acceleratorCount->clear();
        if (!any) {
            m_acceleratorCount->addItem(QStringLiteral("0"));
        } else {
            for (int count : {1, 2, 4, 8})
                m_acceleratorCount->addItem(QString::number(count));
        }
        m_acceleratorCount->setCurrentText(kept);
        m_acceleratorCount->setEnabled(any);
    };
    updateCounts();
    connect(m_acceleratorType, &QComboBox::currentIndexChanged, this, updateCounts);
    for (QComboBox *box : {m_machine, m_acceleratorType, m_acceleratorCount, m_diskType})
        connect(box, &QComboBox::currentIndexChanged, this, &MachineFields::changed);
    connect(m_diskSize, &QSpinBox::valueChanged, this, &MachineFields::changed);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Machine type:"), m_machine);
    form->addRow(tr("Accelerator:"), m_acceleratorType);
    form->addRow(tr("Accelerator count:"), m_acceleratorCount);
    form->addRow(tr("Boot disk type:"), m_diskType);
    form->addRow(tr("Boot disk size:"), m_diskSize);
}

void MachineFields::load(const api::vertex::ResourcePool &pool)
{
    m_machine->setCurrentIndex(std::max(0, m_machine->findData(pool.machine.machineType)));
    const int type = m_acceleratorType->findData(pool.machine.acceleratorType);
    m_acceleratorType->setCurrentIndex(std::max(0, type));
    m_acceleratorCount->setCurrentText(QString::number(pool.machine.acceleratorCount));
    m_diskType->setCurrentIndex(std::max(0, m_diskType->findData(pool.bootDiskType)));
    m_diskSize->setValue(pool.bootDiskSizeGb);
}

void MachineFields::store(api::vertex::ResourcePool &pool) const
{
    pool.machine.machineType = m_machine->currentData().toString();
    pool.machine.acceleratorType = m_acceleratorType->currentData().toString();
    pool.machine.acceleratorCount =
        pool.machine.acceleratorType.isEmpty() ? 0 : m_acceleratorCount->currentText().toInt();
    pool.bootDiskType = m_diskType->currentData().toString();
    pool.bootDiskSizeGb = m_diskSize->value();
}

} // namespace rov::ui
