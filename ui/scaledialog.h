#pragma once

#include "api/vertex/persistentresource.h"

#include <QDialog>
#include <map>
#include <vector>

class QLabel;
class QPushButton;
class QSpinBox;

namespace rov::core {
class CostEstimator;
}

namespace rov::ui {

// Manual scaling: new replica counts for the fixed-size worker pools of a cluster.
class ScaleDialog : public QDialog
{
    Q_OBJECT
public:
    ScaleDialog(const api::vertex::PersistentResource &cluster, int maxNodes,
                const core::CostEstimator &costs, QWidget *parent = nullptr);

    std::map<QString, qint64> replicas() const; // only the pools whose count changed
    QSpinBox *spinBox(const QString &poolId) const;
    QPushButton *scaleButton() const { return m_scale; }
    QLabel *costLabel() const { return m_cost; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showChange();

    struct AutoscalingRow
    {
        QString pool;
        QLabel *label;
        QLabel *range;
    };
    api::vertex::PersistentResource m_cluster;
    const core::CostEstimator &m_costs;
    QLabel *m_explanation;
    std::map<QString, QSpinBox *> m_spins;
    std::map<QString, QLabel *> m_spinLabels;
    std::vector<AutoscalingRow> m_autoscaling;
    std::map<QString, qint64> m_current;
    QPushButton *m_scale = nullptr;
    QLabel *m_cost;
};

} // namespace rov::ui
