#include "submitjobdialog.h"

#include "api/ray/raydashboardclient.h"
#include "codebox.h"
#include "core/jobform.h"
#include "core/palette.h"
#include "core/samplejobs.h"
#include "help/guidewindow.h"
#include "texts.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rov::ui {

using core::WorkingDirUpload;

namespace {

QPlainTextEdit *smallTextBox(QWidget *parent)
{
    auto *box = new QPlainTextEdit(parent);
    box->setTabChangesFocus(true);
    box->setFixedHeight(box->fontMetrics().lineSpacing() * 3 + 12);
    return box;
}

} // namespace

SubmitJobDialog::SubmitJobDialog(api::ray::RayDashboardClient *client, QWidget *parent)
    : QDialog(parent), m_client(client), m_upload(client), m_sample(new QComboBox(this)),
      m_sampleDescription(new QLabel(this)), m_entrypoint(new QLineEdit(this)),
      m_workingDir(new QLineEdit(this)), m_browse(new QPushButton(this)), m_env(smallTextBox(this)),
      m_cpus(new QDoubleSpinBox(this)), m_gpus(new QDoubleSpinBox(this)),
      m_memory(new QSpinBox(this)), m_resources(new QLineEdit(this)), m_name(new QLineEdit(this)),
      m_submissionId(new QLineEdit(this)), m_metadata(smallTextBox(this)),
      m_command(new CodeBox(QString(), this)), m_progress(new QProgressBar(this)),
      m_message(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    offerGuide(this, m_buttons, QStringLiteral("dashboard"));
    auto *texts = new Texts(this);
    setUpFields(texts);
    layOut(texts);
    connectFields();
    sampleChosen();
}

void SubmitJobDialog::setUpFields(Texts *texts)
{
    texts->bind(this, &QWidget::setWindowTitle, [] { return tr("Submit a job"); });
    setMinimumWidth(640);
    m_sample->setObjectName(QStringLiteral("sample"));
    texts->bind(m_browse, &QAbstractButton::setText, [] { return tr("&Browse…"); });
    texts->bind(m_env, &QPlainTextEdit::setPlaceholderText,
                [] { return tr("NAME=value, one per line"); });
    texts->bind(m_metadata, &QPlainTextEdit::setPlaceholderText,
                [] { return tr("key=value, one per line"); });
    texts->bind(m_command, &CodeBox::setTitle, [] { return tr("The same with the Ray CLI"); });
    m_sample->addItem(QString(), QString());
    texts->bind([this](const QString &text) { m_sample->setItemText(0, text); },
                [] { return tr("None: my own command"); });
    for (const auto &sample : core::SampleJobs::all())
        m_sample->addItem(sample.title, sample.fileName);
    m_sampleDescription->setWordWrap(true);
    m_entrypoint->setObjectName(QStringLiteral("entrypoint"));
    texts->bind(m_entrypoint, &QLineEdit::setPlaceholderText,
                [] { return tr("python main.py --epochs 3"); });
    m_workingDir->setObjectName(QStringLiteral("workingDir"));
    texts->bind(m_workingDir, &QLineEdit::setPlaceholderText,
                [] { return tr("Optional: a local folder sent to the cluster (≤ 100 MiB)"); });
    m_env->setObjectName(QStringLiteral("environment"));
    for (QDoubleSpinBox *box : {m_cpus, m_gpus}) {
        box->setRange(0, 1024);
        box->setDecimals(2);
        texts->bind(box, &QAbstractSpinBox::setSpecialValueText,
                    [] { return tr("Ray's default"); });
    }
    m_memory->setRange(0, 1024 * 1024);
    texts->bind(m_memory, &QSpinBox::setSuffix, [] { return tr(" MiB"); });
    texts->bind(m_memory, &QAbstractSpinBox::setSpecialValueText,
                [] { return tr("Ray's default"); });
    texts->bind(m_resources, &QLineEdit::setPlaceholderText,
                [] { return tr("name=amount, for example: accelerator=1"); });
    m_name->setObjectName(QStringLiteral("jobName"));
    texts->bind(m_submissionId, &QLineEdit::setPlaceholderText,
                [] { return tr("Optional: Ray makes one up"); });
    // The whole command visible at once: wrapped, never scrolled sideways.
    m_command->editor()->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_command->editor()->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_command->editor()->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_command->editor()->setMinimumHeight(m_command->editor()->fontMetrics().lineSpacing() * 6 +
                                          12);
    m_progress->setObjectName(QStringLiteral("uploadProgress"));
    m_progress->setRange(0, 1000);
    m_progress->hide();
    m_message->setObjectName(QStringLiteral("submitMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *submitButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    texts->bind(submitButton, &QAbstractButton::setText, [] { return tr("&Submit"); });
    submitButton->setObjectName(QStringLiteral("submitButton"));
    submitButton->setDefault(true);
}

void SubmitJobDialog::layOut(Texts *texts)
{
    auto *folder = new QHBoxLayout;
    folder->addWidget(m_workingDir, 1);
    folder->addWidget(m_browse);
    auto *resources = new QHBoxLayout;
    const std::pair<QWidget *, Texts::Text> amounts[] = {{m_cpus, [] { return tr("CPUs"); }},
                                                         {m_gpus, [] { return tr("GPUs"); }},
                                                         {m_memory, [] { return tr("Memory"); }}};
    for (const auto &[field, name] : amounts) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        texts->bind(label, &QLabel::setText, name);
        resources->addWidget(label);
        resources->addWidget(field);
    }
    texts->onChange([this] {
        const auto samples = core::SampleJobs::all(); // their titles, in the new language
        for (int row = 1; row < m_sample->count(); ++row) {
            for (const auto &sample : samples) {
                if (sample.fileName == m_sample->itemData(row).toString())
                    m_sample->setItemText(row, sample.title);
            }
        }
        showSampleDescription();
        setBusy(m_busy); // Stop or Cancel, over the box's own word
    });
    auto *form = new QFormLayout;
    texts->row(form, m_sample, [] { return tr("S&ample:"); });
    form->addRow(QString(), m_sampleDescription);
    texts->row(form, m_entrypoint, [] { return tr("&Entrypoint:"); });
    auto *folderLabel = new QLabel(this);
    texts->bind(folderLabel, &QLabel::setText, [] { return tr("&Working directory:"); });
    folderLabel->setBuddy(m_workingDir);
    form->addRow(folderLabel, folder);
    texts->row(form, m_env, [] { return tr("En&vironment:"); });
    texts->row(form, resources, [] { return tr("Entrypoint resources:"); });
    texts->row(form, m_resources, [] { return tr("Custom &resources:"); });
    texts->row(form, m_name, [] { return tr("Job &name:"); });
    texts->row(form, m_submissionId, [] { return tr("Submission &id:"); });
    texts->row(form, m_metadata, [] { return tr("&Metadata:"); });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_command);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
}

void SubmitJobDialog::connectFields()
{
    connect(m_sample, &QComboBox::currentIndexChanged, this, &SubmitJobDialog::sampleChosen);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Working directory"), m_workingDir->text());
        if (!folder.isEmpty())
            m_workingDir->setText(folder);
    });
    for (QLineEdit *line : {m_entrypoint, m_workingDir, m_resources, m_name, m_submissionId})
        connect(line, &QLineEdit::textChanged, this, &SubmitJobDialog::updateCommand);
    for (QPlainTextEdit *text : {m_env, m_metadata})
        connect(text, &QPlainTextEdit::textChanged, this, &SubmitJobDialog::updateCommand);
    for (QDoubleSpinBox *box : {m_cpus, m_gpus})
        connect(box, &QDoubleSpinBox::valueChanged, this, &SubmitJobDialog::updateCommand);
    connect(m_memory, &QSpinBox::valueChanged, this, &SubmitJobDialog::updateCommand);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SubmitJobDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SubmitJobDialog::reject);
    connect(&m_upload, &WorkingDirUpload::progressChanged, this, &SubmitJobDialog::onProgress);
    connect(&m_upload, &WorkingDirUpload::finished, this, &SubmitJobDialog::onUploaded);
}

bool SubmitJobDialog::chooseSample(const QString &fileName)
{
    const int index = m_sample->findData(fileName);
    if (index >= 0)
        m_sample->setCurrentIndex(index);
    return index >= 0;
}

void SubmitJobDialog::setEntrypoint(const QString &entrypoint)
{
    m_entrypoint->setText(entrypoint);
}

void SubmitJobDialog::setWorkingDirectory(const QString &directory)
{
    m_workingDir->setText(directory);
}

void SubmitJobDialog::setJobName(const QString &name)
{
    m_name->setText(name);
}

void SubmitJobDialog::setEnvironment(const QString &lines)
{
    m_env->setPlainText(lines);
}

QString SubmitJobDialog::commandText() const
{
    return m_command->text();
}

QString SubmitJobDialog::message() const
{
    return m_message->text();
}

core::JobForm SubmitJobDialog::form() const
{
    core::JobForm form;
    form.entrypoint = m_entrypoint->text();
    form.submissionId = m_submissionId->text();
    form.name = m_name->text();
    form.envText = m_env->toPlainText();
    form.metadataText = m_metadata->toPlainText();
    form.resourcesText = m_resources->text();
    form.cpus = m_cpus->value();
    form.gpus = m_gpus->value();
    form.memoryMiB = m_memory->value();
    return form;
}

QString SubmitJobDialog::workingDirectory() const
{
    if (m_sampleDir)
        return m_sampleDir->path();
    return m_workingDir->text().trimmed();
}

void SubmitJobDialog::sampleChosen()
{
    const QString fileName = m_sample->currentData().toString();
    m_sampleDir.reset();
    const bool isSample = !fileName.isEmpty();
    m_workingDir->setEnabled(!isSample);
    m_browse->setEnabled(!isSample);
    showSampleDescription();
    if (isSample) {
        for (const auto &sample : core::SampleJobs::all()) {
            if (sample.fileName != fileName)
                continue;
            m_sampleDir = std::make_unique<QTemporaryDir>();
            QString error;
            if (!m_sampleDir->isValid() ||
                !core::SampleJobs::writeTo(sample, m_sampleDir->path(), &error)) {
                showMessage(error.isEmpty() ? m_sampleDir->errorString() : error, true);
                m_sampleDir.reset();
            }
            m_entrypoint->setText(sample.entrypoint());
            if (m_name->text().isEmpty())
                m_name->setText(QString(sample.fileName).remove(QStringLiteral(".py")));
            m_workingDir->setText(tr("(the sample's own folder)"));
        }
    } else if (m_workingDir->text().startsWith(QLatin1Char('('))) {
        m_workingDir->clear();
    }
    updateCommand();
}

void SubmitJobDialog::showSampleDescription()
{
    const QString fileName = m_sample->currentData().toString();
    for (const auto &sample : core::SampleJobs::all()) {
        if (!fileName.isEmpty() && sample.fileName == fileName) {
            m_sampleDescription->setText(sample.description);
            return;
        }
    }
    m_sampleDescription->setText(tr("Your own command. A working directory, if you name one, is "
                                    "zipped and sent to the cluster first."));
}

void SubmitJobDialog::updateCommand()
{
    QString problem;
    const auto submission = form().toSubmission(&problem);
    // A problem shown after Submit follows the form: it changes or goes when the fields do (a
    // sample that fills the command), instead of staying as stale words.
    if (m_showsFormProblem) {
        m_showsFormProblem = !submission.has_value();
        showMessage(submission ? QString() : problem, !submission.has_value());
    }
    if (!submission) {
        m_command->setText(problem);
        return;
    }
    const QString folder = m_sampleDir
                               ? tr("<folder with %1>").arg(m_sample->currentData().toString())
                               : workingDirectory();
    m_command->setText(submission->commandLine(m_client->dashboard().toString(), folder));
}

void SubmitJobDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->button(QDialogButtonBox::Cancel)->setText(busy ? tr("&Stop") : tr("&Cancel"));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(true);
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_sample, m_entrypoint, m_env, m_cpus, m_gpus, m_memory,
                                          m_resources, m_name, m_submissionId, m_metadata})
        field->setEnabled(!busy);
    const bool ownFolder = !m_sampleDir;
    m_workingDir->setEnabled(!busy && ownFolder);
    m_browse->setEnabled(!busy && ownFolder);
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(!busy);
    }
    m_progress->setVisible(busy);
}

void SubmitJobDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? palette::errorTextStyle() : QString());
}

void SubmitJobDialog::submit()
{
    if (m_busy)
        return;
    QString problem;
    if (!form().toSubmission(&problem)) {
        showMessage(problem, true);
        m_showsFormProblem = true;
        return;
    }
    setBusy(true);
    const QString folder = workingDirectory();
    if (folder.isEmpty()) {
        sendSubmission({});
        return;
    }
    m_upload.start(folder);
}

void SubmitJobDialog::onProgress(WorkingDirUpload::Stage stage, double fraction)
{
    m_progress->setValue(int(fraction * 1000));
    switch (stage) {
    case WorkingDirUpload::Stage::Packaging:
        showMessage(tr("Zipping the working directory…"), false);
        break;
    case WorkingDirUpload::Stage::Checking:
        showMessage(tr("Asking whether the cluster has these files already…"), false);
        break;
    case WorkingDirUpload::Stage::Uploading:
        showMessage(tr("Uploading %1 (%2 files)…")
                        .arg(QLocale().formattedDataSize(m_upload.package().bytes))
                        .arg(m_upload.package().files),
                    false);
        break;
    default:
        break;
    }
}

void SubmitJobDialog::onUploaded(const QString &uri, const QString &error)
{
    if (!error.isEmpty()) {
        setBusy(false);
        showMessage(error, true);
        return;
    }
    sendSubmission(uri);
}

void SubmitJobDialog::sendSubmission(const QString &workingDirUri)
{
    QString problem;
    auto submission = form().toSubmission(&problem);
    submission->workingDirUri = workingDirUri;
    showMessage(tr("Submitting…"), false);
    // Once the request is out, stopping could not promise that nothing was submitted.
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(false);
    m_client->submitJob(*submission, this, [this](api::ray::Result<QString> id) {
        setBusy(false);
        if (!id.ok()) {
            showMessage(tr("Ray refused the job: %1").arg(id.error->message), true);
            return;
        }
        Q_EMIT submitted(id.value);
        accept();
    });
}

void SubmitJobDialog::reject()
{
    if (m_busy) {
        m_upload.cancel();
        setBusy(false);
        showMessage(tr("Stopped. Nothing was submitted."), false);
        return;
    }
    QDialog::reject();
}

} // namespace rov::ui
