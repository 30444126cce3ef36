#pragma once

#include "api/vertex/persistentresource.h"

#include <QWidget>

class QComboBox;
class QSpinBox;
class QLabel;

namespace rov::ui {

// Machine type, accelerator type and count (only pairs that exist), boot disk type and size.
class MachineFields : public QWidget
{
    Q_OBJECT
public:
    MachineFields(const QStringList &machineTypes, const QStringList &acceleratorTypes,
                  const QString &objectPrefix, QWidget *parent = nullptr);

    void load(const api::vertex::ResourcePool &pool);
    void store(api::vertex::ResourcePool &pool) const;
    QComboBox *machineType() const { return m_machine; }

Q_SIGNALS:
    void changed();

private:
    QComboBox *m_machine;
    QComboBox *m_acceleratorType;
    QComboBox *m_acceleratorCount;
    QComboBox *m_diskType;
    QSpinBox *m_diskSize;
};

} // namespace rov::ui
