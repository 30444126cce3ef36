#pragma once

#include "core/monitoringpanels.h"
#include "rest/call.h"

#include <QDialog>
#include <QLineEdit>
#include <QPointer>
#include <functional>

class QComboBox;
class QCompleter;
class QDialogButtonBox;
class QLabel;

namespace rov::api::monitoring {
class MonitoringClient;
}

namespace rov::ui {

class WordCompleter;

// A one-line PromQL editor that completes the word at the cursor from the backend's metric
// names (and PromQL's functions), as Prometheus' own expression browser does.
class PromqlEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit PromqlEdit(QWidget *parent = nullptr);
    void setWords(const QStringList &words);
    QCompleter *wordCompleter() const;

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString wordBeforeCursor() const;
    void insertCompletion(const QString &word);

    WordCompleter *m_completer;
};

// "Add chart": a title, PromQL with $cluster for the page's scope, a unit. The query is tried
// against the backend before the chart is added; Prometheus' error is shown at the field, the
// cursor at the place it names.
class CustomChartDialog : public QDialog
{
    Q_OBJECT
public:
    CustomChartDialog(api::monitoring::MonitoringClient *client, QString clusterId,
                      QWidget *parent = nullptr);

    core::CustomChart chart() const;
    PromqlEdit *editor() const { return m_promql; }
    QString problem() const;

public Q_SLOTS:
    void accept() override;

private:
    void pointAt(int sentOffset);
    void fitHeight();
    void showProblem(std::function<QString()> words);

    QPointer<api::monitoring::MonitoringClient> m_client;
    QString m_clusterId;
    QLineEdit *m_title;
    PromqlEdit *m_promql;
    QComboBox *m_unit;
    QLabel *m_problem;
    std::function<QString()> m_problemWords;
    QDialogButtonBox *m_buttons;
    rest::Call m_check;
};

} // namespace rov::ui
