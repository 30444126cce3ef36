#pragma once

#include "api/vertex/persistentresource.h"

#include <QGroupBox>

class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QPushButton;

namespace rov::ui {

class MachineFields;

// One worker pool in the wizard: id, machine, fixed node count or autoscaling range.
class PoolEditor : public QGroupBox
{
    Q_OBJECT
public:
    PoolEditor(int index, const QStringList &machineTypes, const QStringList &acceleratorTypes,
               QWidget *parent = nullptr);

    void load(const api::vertex::ResourcePool &pool);
    api::vertex::ResourcePool pool() const;
    // Shows a problem next to its field ("id", "min", "max", "replicas"); empty field clears all.
    void showProblem(const QString &field, const QString &message);
    void clearProblems();
    QPushButton *removeButton() const { return m_remove; }

private:
    QLineEdit *m_id;
    MachineFields *m_machine;
    QRadioButton *m_fixed;
    QRadioButton *m_autoscaling;
    QSpinBox *m_replicas;
    QSpinBox *m_min;
    QSpinBox *m_max;
    QLabel *m_idProblem;
    QLabel *m_sizeProblem;
    QPushButton *m_remove;
};

} // namespace rov::ui
