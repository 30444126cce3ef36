#include "pooleditor.h"

#include "core/palette.h"
#include "machinefields.h"
#include "texts.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>

namespace rov::ui {

namespace {

QLabel *problemLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setStyleSheet(palette::errorTextStyle());
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

PoolEditor::PoolEditor(int index, const QStringList &machineTypes,
                       const QStringList &acceleratorTypes, QWidget *parent)
    : QGroupBox(parent), m_id(new QLineEdit(this)), m_fixed(new QRadioButton(this)),
      m_autoscaling(new QRadioButton(this)), m_replicas(new QSpinBox(this)),
      m_min(new QSpinBox(this)), m_max(new QSpinBox(this))
{
    const QString prefix = QStringLiteral("pool%1-").arg(index);
    setObjectName(QStringLiteral("pool%1").arg(index));
    m_id->setObjectName(prefix + QStringLiteral("id"));
    auto *texts = new Texts(this);
    texts->bind(this, &QGroupBox::setTitle,
                [index] { return tr("Worker pool %1").arg(index + 1); });
    texts->bind(m_fixed, &QAbstractButton::setText, [] { return tr("Fixed size"); });
    texts->bind(m_autoscaling, &QAbstractButton::setText, [] { return tr("Autoscaling"); });
    texts->bind(m_id, &QWidget::setAccessibleName, [] { return tr("Pool id"); });
    m_machine = new MachineFields(machineTypes, acceleratorTypes, prefix, this);
    m_fixed->setObjectName(prefix + QStringLiteral("fixed"));
    m_autoscaling->setObjectName(prefix + QStringLiteral("autoscaling"));
    m_replicas->setObjectName(prefix + QStringLiteral("replicas"));
    m_min->setObjectName(prefix + QStringLiteral("min"));
    m_max->setObjectName(prefix + QStringLiteral("max"));
    for (QSpinBox *spin : {m_replicas, m_min, m_max})
        spin->setRange(0, 1000); // the pool limit; the page explains values it refuses
    texts->bind(m_replicas, &QWidget::setAccessibleName, [] { return tr("Nodes"); });
    texts->bind(m_min, &QWidget::setAccessibleName, [] { return tr("Minimum nodes"); });
    texts->bind(m_max, &QWidget::setAccessibleName, [] { return tr("Maximum nodes"); });
    m_idProblem = problemLabel(prefix + QStringLiteral("idProblem"), this);
    m_sizeProblem = problemLabel(prefix + QStringLiteral("sizeProblem"), this);
    m_remove = new QPushButton(this);
    texts->bind(m_remove, &QAbstractButton::setText, [] { return tr("Remove pool"); });
    m_remove->setObjectName(prefix + QStringLiteral("remove"));

    auto *size = new QHBoxLayout;
    size->addWidget(m_fixed);
    size->addWidget(m_replicas);
    size->addSpacing(16);
    size->addWidget(m_autoscaling);
    auto *minimum = new QLabel(this);
    texts->bind(minimum, &QLabel::setText, [] { return tr("min"); });
    size->addWidget(minimum);
    size->addWidget(m_min);
    auto *maximum = new QLabel(this);
    texts->bind(maximum, &QLabel::setText, [] { return tr("max"); });
    size->addWidget(maximum);
    size->addWidget(m_max);
    size->addStretch();
    const auto updateEnabled = [this] {
        m_replicas->setEnabled(m_fixed->isChecked());
        m_min->setEnabled(m_autoscaling->isChecked());
        m_max->setEnabled(m_autoscaling->isChecked());
    };
    connect(m_fixed, &QRadioButton::toggled, this, updateEnabled);

    auto *form = new QFormLayout(this);
    texts->row(form, m_id, [] { return tr("Pool id:"); });
    form->addRow(QString(), m_idProblem);
    form->addRow(m_machine);
    texts->row(form, size, [] { return tr("Nodes:"); });
    form->addRow(QString(), m_sizeProblem);
    form->addRow(QString(), m_remove);
    m_fixed->setChecked(true);
    updateEnabled();
    // A problem quotes what Next found; once the field changes it would be stale words, so it
    // goes (Next checks again).
    const auto forget = [](QLabel *label) {
        label->clear();
        label->hide();
    };
    connect(m_id, &QLineEdit::textChanged, this, [this, forget] { forget(m_idProblem); });
    for (QSpinBox *spin : {m_replicas, m_min, m_max})
        connect(spin, &QSpinBox::valueChanged, this, [this, forget] { forget(m_sizeProblem); });
    connect(m_fixed, &QRadioButton::toggled, this, [this, forget] { forget(m_sizeProblem); });
}

void PoolEditor::load(const api::vertex::ResourcePool &pool)
{
    m_id->setText(pool.id);
    m_machine->load(pool);
    m_replicas->setValue(int(pool.replicaCount));
    m_min->setValue(pool.autoscaling ? int(pool.autoscaling->first) : 1);
    m_max->setValue(pool.autoscaling ? int(pool.autoscaling->second) : 2);
    (pool.autoscaling ? m_autoscaling : m_fixed)->setChecked(true);
}

api::vertex::ResourcePool PoolEditor::pool() const
{
    api::vertex::ResourcePool pool;
    pool.id = m_id->text().trimmed();
    m_machine->store(pool);
    pool.replicaCount = m_replicas->value();
    if (m_autoscaling->isChecked())
        pool.autoscaling = std::pair<qint64, qint64>{m_min->value(), m_max->value()};
    return pool;
}

void PoolEditor::clearProblems()
{
    for (QLabel *label : {m_idProblem, m_sizeProblem}) {
        label->clear();
        label->hide();
    }
}

void PoolEditor::showProblem(const QString &field, const QString &message)
{
    QLabel *label = field == QLatin1String("id") ? m_idProblem : m_sizeProblem;
    label->setText(label->text().isEmpty() ? message : label->text() + QLatin1Char('\n') + message);
    label->show();
    QWidget *focus = field == QLatin1String("id")    ? static_cast<QWidget *>(m_id)
                     : field == QLatin1String("min") ? m_min
                     : field == QLatin1String("max") ? m_max
                                                     : m_replicas;
    focus->setFocus();
}

} // namespace rov::ui
