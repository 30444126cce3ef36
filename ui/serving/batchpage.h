#pragma once

#include "core/batchcontroller.h"

#include <QWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace rov::core {
class ServingController;
}

namespace rov::ui {

class DataTable;

// Batch predictions: the jobs with model, input, state, progress, duration and cost; New batch
// prediction (a model, a file or a table of instances), Cancel, Delete; and the chosen job's
// details, the first of its predictions as a table, and its errors.
class BatchPage : public QWidget
{
    Q_OBJECT
public:
    BatchPage(core::BatchController *batch, core::ServingController *serving,
              QWidget *parent = nullptr);
    DataTable *table() const { return m_table; }
    QTableWidget *results() const { return m_results; }
    QTabWidget *tabs() const { return m_tabs; }
    QString selectedJob() const;
    void selectJob(const QString &name);
    // Opens New batch prediction, on `modelName` when one is given.
    void newJob(const QString &modelName = {});

Q_SIGNALS:
    // A dialog opened on the backend: the session closes it when it ends.
    void windowOpened(QWidget *window);
    // "Open results" on a job whose predictions are a BigQuery table (bq://…).
    void openTableRequested(const QString &tableUri);

private:
    void showJob();
    void showPreview(const core::BatchController::Preview &preview);
    void cancelJob();
    void deleteJob();
    void openResults();
    void updateButtons();
    const api::vertex::BatchPredictionJob *job() const;

    core::BatchController *m_batch;
    core::ServingController *m_serving;
    DataTable *m_table;
    QPushButton *m_new;
    QPushButton *m_cancel;
    QPushButton *m_delete;
    QPushButton *m_open;
    QTabWidget *m_tabs;
    QLabel *m_details;
    QLabel *m_files;
    QTableWidget *m_results;
    QPlainTextEdit *m_errors;
    QLabel *m_status;
    // The job and state whose output the details show: read again when the job moves on.
    QString m_previewed;
    QString m_previewedState;
    // The last preview shown, to say again in another language.
    std::optional<core::BatchController::Preview> m_preview;
};

} // namespace rov::ui
