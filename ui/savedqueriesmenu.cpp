#include "savedqueriesmenu.h"

#include "core/savedqueries.h"

#include <QEvent>
#include <QInputDialog>

namespace rov::ui {

SavedQueriesMenu::SavedQueriesMenu(QWidget *parent) : QMenu(parent)
{
    rebuild();
}

void SavedQueriesMenu::setSource(const QString &settingsKey, std::function<QString()> current)
{
    m_key = settingsKey;
    m_current = std::move(current);
    rebuild();
}

void SavedQueriesMenu::rebuild()
{
    clear();
    const auto saved =
        m_key.isEmpty() ? std::vector<core::SavedQuery>{} : core::loadSavedQueries(m_key);
    for (const core::SavedQuery &entry : saved) {
        QAction *open =
            addAction(entry.name, this, [this, query = entry.query] { Q_EMIT openQuery(query); });
        open->setToolTip(entry.query);
    }
    if (!saved.empty())
        addSeparator();
    QAction *save = addAction(tr("&Save this query…"), this, &SavedQueriesMenu::askName);
    save->setEnabled(!m_key.isEmpty());
    QMenu *remove = addMenu(tr("&Delete"));
    remove->setEnabled(!saved.empty());
    for (const core::SavedQuery &entry : saved)
        remove->addAction(entry.name, this, [this, name = entry.name] {
            auto queries = core::loadSavedQueries(m_key);
            std::erase_if(queries, [&](const core::SavedQuery &q) { return q.name == name; });
            core::storeSavedQueries(m_key, queries);
            rebuild();
        });
    setToolTipsVisible(true);
}

void SavedQueriesMenu::askName()
{
    auto *dialog = new QInputDialog(parentWidget() ? parentWidget()->window() : nullptr);
    dialog->setWindowTitle(tr("Save the query"));
    dialog->setLabelText(tr("&Name:"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, &SavedQueriesMenu::saveCurrent);
    dialog->open();
}

void SavedQueriesMenu::saveCurrent(const QString &name)
{
    const QString query = m_current ? m_current() : QString();
    if (m_key.isEmpty() || name.trimmed().isEmpty() || query.trimmed().isEmpty())
        return;
    core::storeSavedQueries(m_key,
                            core::withSavedQuery(core::loadSavedQueries(m_key), {name, query}));
    rebuild();
}

void SavedQueriesMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QMenu::changeEvent(event);
}

} // namespace rov::ui
