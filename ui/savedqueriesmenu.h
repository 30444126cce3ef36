#pragma once

#include <QMenu>
#include <functional>

namespace rov::ui {

// The menu of a page's saved queries (the Logs page's filters, the Data page's SQL), kept per
// profile under a settings key: each saved query (a click hands it to openQuery), "Save this
// query…" (asks a name, then keeps the page's current query under it, replacing one of that
// name) and Delete. It says everything again after a language change.
class SavedQueriesMenu : public QMenu
{
    Q_OBJECT
public:
    explicit SavedQueriesMenu(QWidget *parent = nullptr);

    // Where the queries are kept (core::settingskeys; empty: no profile, nothing to keep) and
    // what the page's query is now.
    void setSource(const QString &settingsKey, std::function<QString()> current);
    // Keeps the current query under `name` (no name, or no query: nothing).
    void saveCurrent(const QString &name);

Q_SIGNALS:
    void openQuery(const QString &query);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void askName();

    QString m_key;
    std::function<QString()> m_current;
};

} // namespace rov::ui
