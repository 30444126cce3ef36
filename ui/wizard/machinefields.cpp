#include "machinefields.h"

#include "catalog/machinecatalog.h"
#include "texts.h"

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
    auto *texts = new Texts(this);
    // In the order people read them, each with what it is and what it costs.
    const auto &catalog = catalog::MachineCatalog::builtIn();
    for (const QString &name : catalog::inNaturalOrder(machineTypes)) {
        const int index = m_machine->count();
        m_machine->addItem(name, name);
        const auto machine = catalog.machine(name);
        if (!machine)
            continue;
        texts->bind([this, index](const QString &text) { m_machine->setItemText(index, text); },
                    [name, machine] {
                        return tr("%1 (%2 vCPU, %3 GB, $%4/h)")
                            .arg(name)
                            .arg(machine->vcpu)
                            .arg(machine->memoryGb)
                            .arg(machine->usdPerHour, 0, 'f', 2);
                    });
    }
    texts->bind(m_machine, &QWidget::setAccessibleName, [] { return tr("Machine type"); });
    m_acceleratorType->setObjectName(objectPrefix + QStringLiteral("acceleratorType"));
    m_acceleratorType->addItem(QString(), QString());
    texts->bind([this](const QString &text) { m_acceleratorType->setItemText(0, text); },
                [] { return tr("None"); });
    for (const auto &type : acceleratorTypes)
        m_acceleratorType->addItem(type, type);
    texts->bind(m_acceleratorType, &QWidget::setAccessibleName,
                [] { return tr("Accelerator type"); });
    m_acceleratorType->setEnabled(!acceleratorTypes.isEmpty());
    if (acceleratorTypes.isEmpty())
        texts->bind(m_acceleratorType, &QWidget::setToolTip,
                    [] { return tr("This backend has no accelerators"); });
    m_acceleratorCount->setObjectName(objectPrefix + QStringLiteral("acceleratorCount"));
    texts->bind(m_acceleratorCount, &QWidget::setAccessibleName,
                [] { return tr("Accelerator count"); });
    m_diskType->addItem(QString(), QStringLiteral("pd-ssd"));
    m_diskType->addItem(QString(), QStringLiteral("pd-standard"));
    texts->bind([this](const QString &text) { m_diskType->setItemText(0, text); },
                [] { return tr("SSD persistent disk"); });
    texts->bind([this](const QString &text) { m_diskType->setItemText(1, text); },
                [] { return tr("Standard persistent disk"); });
    texts->bind(m_diskType, &QWidget::setAccessibleName, [] { return tr("Boot disk type"); });
    m_diskSize->setRange(100, 65536);
    texts->bind(m_diskSize, &QSpinBox::setSuffix, [] { return tr(" GB"); });
    texts->bind(m_diskSize, &QWidget::setAccessibleName, [] { return tr("Boot disk size"); });

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
    texts->row(form, m_machine, [] { return tr("Machine type:"); });
    texts->row(form, m_acceleratorType, [] { return tr("Accelerator:"); });
    texts->row(form, m_acceleratorCount, [] { return tr("Accelerator count:"); });
    texts->row(form, m_diskType, [] { return tr("Boot disk type:"); });
    texts->row(form, m_diskSize, [] { return tr("Boot disk size:"); });
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
