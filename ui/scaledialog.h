#pragma once

#include "api/vertex/persistentresource.h"

#include <QDialog>
#include <map>

class QPushButton;
class QSpinBox;

namespace rov::ui {

// Manual scaling: new replica counts for the fixed-size worker pools of a cluster.
class ScaleDialog : public QDialog
{
    Q_OBJECT
public:
    ScaleDialog(const api::vertex::PersistentResource &cluster, int maxNodes,
                QWidget *parent = nullptr);

    std::map<QString, qint64> replicas() const; // only the pools whose count changed
    QSpinBox *spinBox(const QString &poolId) const;
    QPushButton *scaleButton() const { return m_scale; }

private:
    std::map<QString, QSpinBox *> m_spins;
    std::map<QString, qint64> m_current;
    QPushButton *m_scale = nullptr;
};

} // namespace rov::ui
