#pragma once

#include "rest/call.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QPushButton;

namespace rov::api::vertex {
class ServingClient;
}

namespace rov::ui {

class SnippetTabs;

// Register model: a name, the prebuilt image chosen from the framework and its version, and the
// model's files, from a folder on this computer (uploaded to a gs:// folder, file by file, with
// progress) or from a gs:// folder a job wrote. Accepted once the upload operation is done;
// every failure is said in the dialog, which stays open to try again.
class RegisterModelDialog : public QDialog
{
    Q_OBJECT
public:
    RegisterModelDialog(api::vertex::ServingClient *client, QWidget *parent = nullptr);

    // Fills the form from a gs:// folder (a job's output, say).
    void setCloudFolder(const QString &gsUri, const QString &displayName = {});
    void setLocalFolder(const QString &path);
    // The registered model's name once accepted.
    QString modelName() const { return m_modelName; }

private:
    void fillVersions();
    void updateImage();
    void browse();
    void start();
    void uploadNext(QStringList files, const QString &bucket, const QString &prefix,
                    const QString &folder, int total);
    void registerModel(const QString &artifactUri);
    void fail(const QString &message);
    QString imageUri() const;
    // Where the model's files will be: the gs:// folder chosen or uploaded to.
    QString artifactUri() const;
    // Why the form cannot be sent, in words; empty when it can.
    QString problem() const;

    QPointer<api::vertex::ServingClient> m_client;
    QLineEdit *m_name;
    QComboBox *m_framework;
    QComboBox *m_version;
    QLabel *m_image;
    QRadioButton *m_fromFolder;
    QRadioButton *m_fromCloud;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QLineEdit *m_uploadTo;
    QLineEdit *m_cloudFolder;
    SnippetTabs *m_snippets;
    QLabel *m_status;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    rest::Call m_call;
    QString m_modelName;
};

} // namespace rov::ui
