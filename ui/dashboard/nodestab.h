#pragma once

#include <QWidget>

class QPlainTextEdit;

namespace rov::core {
class DashboardSession;
}

namespace rov::ui {

class DataTable;

// The cluster's Ray nodes, head first, with the selected node's details below.
class NodesTab : public QWidget
{
    Q_OBJECT
public:
    explicit NodesTab(core::DashboardSession *session, QWidget *parent = nullptr);

    DataTable *table() const { return m_table; }

private:
    void showDetails();

    core::DashboardSession *m_session;
    DataTable *m_table;
    QPlainTextEdit *m_details;
};

} // namespace rov::ui
