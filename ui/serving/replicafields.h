#pragma once

#include "texts.h"

#include <functional>

class QComboBox;
class QDialog;
class QDialogButtonBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QSpinBox;

namespace rov::ui {

class SnippetTabs;

// The fields the Deploy and Batch predict dialogs share: what a model's replicas run on and how
// many there are.

// The machine types a prebuilt serving image runs on (none with bundled GPUs), the serving
// default chosen.
void fillServingMachines(QComboBox *machines);

// "<low> [n]  <high> [m]", one form row's fields: both 1 to 20, the low one never above the high
// one (moving either moves the other), `changed` after each move. The labels follow the language
// and are the spin boxes' buddies.
QHBoxLayout *replicaRange(Texts *texts, QSpinBox *low, QSpinBox *high, Texts::Text lowLabel,
                          Texts::Text highLabel, std::function<void()> changed);

// A request dialog's column: its form, then `sameRequest` ("The same request:") over the
// snippets, the status line and the buttons.
void layOutRequestDialog(QDialog *dialog, Texts *texts, QFormLayout *form, SnippetTabs *snippets,
                         QLabel *status, QDialogButtonBox *buttons, Texts::Text sameRequest);

} // namespace rov::ui
