#include "scaledialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rov::ui {

ScaleDialog::ScaleDialog(const api::vertex::PersistentResource &cluster, int maxNodes,
                         QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Scale %1").arg(cluster.id()));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    auto *explanation = new QLabel(
        tr("Only the node counts of existing worker pools can change, and a worker pool never "
           "goes below 1 node. The head pool and autoscaling pools keep their size."),
        this);
    explanation->setWordWrap(true);
    layout->addWidget(explanation);
    auto *form = new QFormLayout;
    for (const auto &pool : cluster.pools) {
        if (pool.id == cluster.headPoolId)
            continue;
        if (pool.autoscaling) {
            form->addRow(pool.id, new QLabel(tr("autoscaling, %1 to %2 nodes (now %3)")
                                                 .arg(pool.autoscaling->first)
                                                 .arg(pool.autoscaling->second)
                                                 .arg(pool.usedReplicaCount),
                                             this));
            continue;
        }
        auto *spin = new QSpinBox(this);
        spin->setObjectName(QStringLiteral("replicas-") + pool.id);
        spin->setRange(1, std::max(1, maxNodes));
        spin->setValue(int(pool.replicaCount));
        spin->setAccessibleName(tr("Nodes in pool %1").arg(pool.id));
        form->addRow(tr("%1 (%2):").arg(pool.id, pool.machine.machineType), spin);
        m_spins[pool.id] = spin;
        m_current[pool.id] = pool.replicaCount;
    }
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *scale = m_scale = buttons->button(QDialogButtonBox::Ok);
    scale->setText(tr("Scale"));
    // A request that changes nothing is not sent: Scale waits until some count differs.
    const auto updateScale = [this, scale] {
        scale->setEnabled(!replicas().empty());
        scale->setToolTip(scale->isEnabled() ? tr("Send the new node counts")
                                             : tr("Change a node count first"));
    };
    for (const auto &[id, spin] : m_spins)
        connect(spin, &QSpinBox::valueChanged, this, updateScale);
    updateScale();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

std::map<QString, qint64> ScaleDialog::replicas() const
{
    std::map<QString, qint64> changed;
    for (const auto &[id, spin] : m_spins) {
        if (spin->value() != m_current.at(id))
            changed[id] = spin->value();
    }
    return changed;
}

QSpinBox *ScaleDialog::spinBox(const QString &poolId) const
{
    const auto it = m_spins.find(poolId);
    return it == m_spins.end() ? nullptr : it->second;
}

} // namespace rov::ui
