#pragma once

#include "core/workingdirupload.h"

#include <QDialog>
#include <QTemporaryDir>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QSpinBox;

namespace rov::core {
struct JobForm;
}

namespace rov::ui {

class Texts;

class CodeBox;

// Submits a job to a Ray cluster: a sample or the user's own command, with its working directory
// zipped and uploaded first (with progress), environment, resources, name and metadata. Shows the
// equivalent `ray job submit` command as the fields change.
class SubmitJobDialog : public QDialog
{
    Q_OBJECT
public:
    SubmitJobDialog(api::ray::RayDashboardClient *client, QWidget *parent = nullptr);

    // For tests and demos: picks a sample by its file name.
    bool chooseSample(const QString &fileName);
    void setEntrypoint(const QString &entrypoint);
    void setWorkingDirectory(const QString &directory);
    void setJobName(const QString &name);
    void setEnvironment(const QString &lines);
    QString commandText() const;
    QString message() const;
    QProgressBar *progressBar() const { return m_progress; }
    void submit();

Q_SIGNALS:
    void submitted(const QString &submissionId);

protected:
    void reject() override;

private:
    core::JobForm form() const;
    QString workingDirectory() const; // what is zipped: the user's folder or the sample's
    void setUpFields(Texts *texts);
    void layOut(Texts *texts);
    void connectFields();
    void sampleChosen();
    void showSampleDescription();
    void updateCommand();
    void onUploaded(const QString &uri, const QString &error);
    void onProgress(core::WorkingDirUpload::Stage stage, double fraction);
    void sendSubmission(const QString &workingDirUri);
    void setBusy(bool busy);
    void showMessage(const QString &text, bool error);

    api::ray::RayDashboardClient *m_client;
    core::WorkingDirUpload m_upload;
    std::unique_ptr<QTemporaryDir> m_sampleDir;
    QComboBox *m_sample;
    QLabel *m_sampleDescription;
    QLineEdit *m_entrypoint;
    QLineEdit *m_workingDir;
    QPushButton *m_browse;
    QPlainTextEdit *m_env;
    QDoubleSpinBox *m_cpus;
    QDoubleSpinBox *m_gpus;
    QSpinBox *m_memory;
    QLineEdit *m_resources;
    QLineEdit *m_name;
    QLineEdit *m_submissionId;
    QPlainTextEdit *m_metadata;
    CodeBox *m_command;
    QProgressBar *m_progress;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
    bool m_showsFormProblem = false; // the message is the form's problem, shown by Submit
};

} // namespace rov::ui
