#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace rov::core {
class DashboardSession;
}

namespace rov::ui {

class DataTable;

// Actors by class and tasks by function, counted by state, with a name and a state filter; and
// the task list as far as the State API returns it.
class ActorsTasksTab : public QWidget
{
    Q_OBJECT
public:
    explicit ActorsTasksTab(core::DashboardSession *session, QWidget *parent = nullptr);

    DataTable *actorTable() const { return m_actors; }
    DataTable *taskSummaryTable() const { return m_taskSummary; }
    QLabel *truncationLabel() const { return m_truncation; }
    void setFilter(const QString &text, const QString &state);

private:
    void applyFilter();
    void updateStates();

    core::DashboardSession *m_session;
    QLineEdit *m_filter;
    QComboBox *m_state;
    QLabel *m_totals;
    DataTable *m_actors;
    DataTable *m_taskSummary;
    DataTable *m_tasks;
    QLabel *m_truncation;
};

} // namespace rov::ui
