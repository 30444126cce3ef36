#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace rov::core {
class DataController;
}

namespace rov::ui {

// The Data page's History tab: the user's newest BigQuery jobs, newest first, loaded when the
// tab is first shown and again as each query ends. Enter or a double-click on a query opens it
// in the editor.
class QueryHistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit QueryHistoryView(core::DataController *controller, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }

Q_SIGNALS:
    void openQuery(const QString &sql);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void openCurrent();
    void renderStatus();
    void retranslate();

    core::DataController *m_controller;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_table;
    QPushButton *m_refresh;
    QPushButton *m_open;
    QLabel *m_status;
    enum class State
    {
        NotLoaded,
        Loading,
        Loaded,
        Failed
    } m_state = State::NotLoaded;
    int m_count = 0;
    QString m_error;
};

} // namespace rov::ui
