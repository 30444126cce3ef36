#pragma once

#include "api/storage/storagereader.h"
#include "api/vertex/batchclient.h"
#include "api/vertex/servingclient.h"

#include <QDialog>
#include <QPointer>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rov::core {
class BatchController;
}

namespace rov::ui {

class SnippetTabs;

// New batch prediction: a registered model, the instances (a gs:// file or folder of JSON lines,
// CSV or a file list, or a bq:// table), where the predictions go, the machine type, the
// replicas between their starting and maximum counts, the batch size, what that costs an hour,
// and the same request as REST, Python and curl. Create sends it and closes when the job
// exists; a refusal is said in the dialog, with nothing lost.
class BatchPredictDialog : public QDialog
{
    Q_OBJECT
public:
    BatchPredictDialog(core::BatchController *batch, std::vector<api::vertex::Model> models,
                       QWidget *parent = nullptr);

    // Where Browse… lists buckets and folders (no Browse without it).
    void setStorage(api::storage::StorageReader *storage);
    void selectModel(const QString &modelName);
    void setInput(const QString &uri);
    api::vertex::BatchJobSpec spec() const;
    // The job Create made (its name), once the dialog is accepted.
    QString createdJob() const { return m_created; }

private:
    void updateSummary();
    void start();
    void setFieldsEnabled(bool enabled);
    void browse();

    QPointer<core::BatchController> m_batch;
    std::vector<api::vertex::Model> m_models;
    QComboBox *m_model;
    QLineEdit *m_name;
    QComboBox *m_format;
    QLineEdit *m_input;
    QPushButton *m_browse;
    QPointer<api::storage::StorageReader> m_storage;
    QLineEdit *m_output;
    QComboBox *m_machine;
    QSpinBox *m_starting;
    QSpinBox *m_max;
    QSpinBox *m_batchSize;
    QLabel *m_cost;
    SnippetTabs *m_snippets;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    bool m_creating = false;
    bool m_outputEdited = false;
    QString m_created;
    QString m_refusal; // why the backend refused the last Create, until the next one
};

} // namespace rov::ui
