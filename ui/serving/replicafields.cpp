#include "replicafields.h"

#include "api/vertex/servingwire.h"
#include "catalog/machinecatalog.h"
#include "snippettabs.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rov::ui {

void fillServingMachines(QComboBox *machines)
{
    const auto &catalog = catalog::MachineCatalog::builtIn();
    for (const QString &machine : catalog.machineNames())
        if (catalog.machine(machine) && catalog.machine(machine)->bundledAccelerator.isEmpty())
            machines->addItem(machine);
    machines->setCurrentText(QLatin1String(api::vertex::serving::kDefaultServingMachine));
}

QHBoxLayout *replicaRange(Texts *texts, QSpinBox *low, QSpinBox *high, Texts::Text lowLabel,
                          Texts::Text highLabel, std::function<void()> changed)
{
    low->setRange(1, 20);
    high->setRange(1, 20);
    auto *row = new QHBoxLayout;
    for (auto [spin, label] : {std::pair{low, std::move(lowLabel)}, {high, std::move(highLabel)}}) {
        auto *shown = new QLabel(spin->parentWidget());
        texts->bind(shown, &QLabel::setText, std::move(label));
        shown->setBuddy(spin);
        row->addWidget(shown);
        row->addWidget(spin);
    }
    row->addStretch(1);
    QObject::connect(low, &QSpinBox::valueChanged, low, [high, changed](int value) {
        if (high->value() < value)
            high->setValue(value);
        changed();
    });
    QObject::connect(high, &QSpinBox::valueChanged, high, [low, changed](int value) {
        if (low->value() > value)
            low->setValue(value);
        changed();
    });
    return row;
}

void layOutRequestDialog(QDialog *dialog, Texts *texts, QFormLayout *form, SnippetTabs *snippets,
                         QLabel *status, QDialogButtonBox *buttons, Texts::Text sameRequest)
{
    snippets->setMaximumHeight(170);
    auto *column = new QVBoxLayout(dialog);
    column->addLayout(form);
    auto *equivalent = new QLabel(dialog);
    texts->bind(equivalent, &QLabel::setText, std::move(sameRequest));
    column->addWidget(equivalent);
    column->addWidget(snippets);
    column->addWidget(status);
    column->addWidget(buttons);
}

} // namespace rov::ui
