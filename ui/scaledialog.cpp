#include "scaledialog.h"

#include "core/costestimator.h"
#include "help/guidewindow.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rov::ui {

ScaleDialog::ScaleDialog(const api::vertex::PersistentResource &cluster, int maxNodes,
                         const core::CostEstimator &costs, QWidget *parent)
    : QDialog(parent), m_cluster(cluster), m_costs(costs), m_explanation(new QLabel(this)),
      m_cost(new QLabel(this))
{
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    m_explanation->setWordWrap(true);
    layout->addWidget(m_explanation);
    auto *form = new QFormLayout;
    for (const auto &pool : cluster.pools) {
        if (pool.id == cluster.headPoolId)
            continue;
        auto *label = new QLabel(this);
        if (pool.autoscaling) {
            auto *range = new QLabel(this);
            form->addRow(label, range);
            m_autoscaling.push_back({pool.id, label, range});
            continue;
        }
        auto *spin = new QSpinBox(this);
        spin->setObjectName(QStringLiteral("replicas-") + pool.id);
        spin->setRange(1, std::max(1, maxNodes));
        spin->setValue(int(pool.replicaCount));
        label->setBuddy(spin);
        form->addRow(label, spin);
        m_spins[pool.id] = spin;
        m_spinLabels[pool.id] = label;
        m_current[pool.id] = pool.replicaCount;
        connect(spin, &QSpinBox::valueChanged, this, &ScaleDialog::showChange);
    }
    layout->addLayout(form);
    m_cost->setObjectName(QStringLiteral("scaleCost"));
    layout->addWidget(m_cost);
    // Its own button, not the box's Ok: the box would put back "OK" on a language change.
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    offerGuide(this, buttons, QStringLiteral("clusters"));
    m_scale = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    retranslate();
}

void ScaleDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ScaleDialog::retranslate()
{
    setWindowTitle(tr("Scale %1").arg(m_cluster.id()));
    m_explanation->setText(
        tr("Only the node counts of existing worker pools can change, and a worker pool never "
           "goes below 1 node. The head pool and autoscaling pools keep their size."));
    for (const auto &pool : m_cluster.pools) {
        const auto label = m_spinLabels.find(pool.id);
        if (label == m_spinLabels.end())
            continue;
        label->second->setText(tr("%1 (%2):").arg(pool.id, pool.machine.machineType));
        m_spins.at(pool.id)->setAccessibleName(tr("Nodes in pool %1").arg(pool.id));
    }
    for (const auto &row : m_autoscaling) {
        const auto pool = std::find_if(m_cluster.pools.begin(), m_cluster.pools.end(),
                                       [&](const auto &each) { return each.id == row.pool; });
        row.label->setText(row.pool);
        row.range->setText(tr("autoscaling, %1 to %2 nodes (now %3)")
                               .arg(pool->autoscaling->first)
                               .arg(pool->autoscaling->second)
                               .arg(pool->usedReplicaCount));
    }
    m_scale->setText(tr("Scale"));
    showChange();
}

void ScaleDialog::showChange()
{
    // A request that changes nothing is not sent: Scale waits until some count differs.
    const auto changed = replicas();
    m_scale->setEnabled(!changed.empty());
    m_scale->setToolTip(m_scale->isEnabled() ? tr("Send the new node counts")
                                             : tr("Change a node count first"));
    const auto money = [](double dollars) { return QStringLiteral("$%1").arg(dollars, 0, 'f', 2); };
    const double before = m_costs.perHourWith(m_cluster, {});
    m_cost->setText(changed.empty()
                        ? tr("Cost per hour (estimate): %1").arg(money(before))
                        : tr("Cost per hour (estimate): %1 now, %2 after scaling")
                              .arg(money(before), money(m_costs.perHourWith(m_cluster, changed))));
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
