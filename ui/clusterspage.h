#pragma once

#include <QWidget>
#include <functional>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QLabel;

namespace rov::core {
class ClusterListModel;
}

namespace rov::ui {

// The clusters of the current project: a sortable, filterable table.
class ClustersPage : public QWidget
{
    Q_OBJECT
public:
    explicit ClustersPage(core::ClusterListModel *model, QWidget *parent = nullptr);

    QString selectedName() const; // resource name, empty when nothing is selected
    void select(const QString &name);
    QTableView *table() const { return m_table; }
    // Shown above the table (errors, an empty project); said again after a language change.
    void setMessage(std::function<QString()> text);

Q_SIGNALS:
    void selectionChanged();
    void activated(const QString &name); // double click or Enter
    void contextMenuRequested(const QPoint &globalPosition);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showMessage();

    core::ClusterListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
    QLabel *m_message;
    std::function<QString()> m_messageText;
};

} // namespace rov::ui
