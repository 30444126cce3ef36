#include "registermodeldialog.h"

#include "api/vertex/predictionimage.h"
#include "api/vertex/servingclient.h"
#include "core/servingmodels.h"
#include "help/guidewindow.h"
#include "rest/operationpoller.h"
#include "snippettabs.h"
#include "texts.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace rov::ui {

namespace {

// Google's prebuilt images that rovd serves too, newest first.
const std::vector<std::pair<const char *, QStringList>> &frameworks()
{
    static const std::vector<std::pair<const char *, QStringList>> list = {
        {"sklearn",
         {QStringLiteral("1.6"), QStringLiteral("1.5"), QStringLiteral("1.4"),
          QStringLiteral("1.3"), QStringLiteral("1.2"), QStringLiteral("1.0")}},
        {"xgboost",
         {QStringLiteral("2.1"), QStringLiteral("2.0"), QStringLiteral("1.7"),
          QStringLiteral("1.6")}}};
    return list;
}

QString slug(const QString &text)
{
    QString result = text.toLower();
    result.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    result = result.left(40);
    while (result.startsWith(QLatin1Char('-')))
        result.remove(0, 1);
    while (result.endsWith(QLatin1Char('-')))
        result.chop(1);
    return result.isEmpty() ? QStringLiteral("model") : result;
}

} // namespace

RegisterModelDialog::RegisterModelDialog(api::vertex::ServingClient *client, QWidget *parent)
    : QDialog(parent), m_client(client), m_name(new QLineEdit(this)),
      m_framework(new QComboBox(this)), m_version(new QComboBox(this)), m_image(new QLabel(this)),
      m_fromFolder(new QRadioButton(this)), m_fromCloud(new QRadioButton(this)),
      m_folder(new QLineEdit(this)), m_browse(new QPushButton(this)),
      m_uploadTo(new QLineEdit(this)), m_cloudFolder(new QLineEdit(this)),
      m_snippets(new SnippetTabs(this)), m_status(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    offerGuide(this, m_buttons, QStringLiteral("models"));
    setObjectName(QStringLiteral("registerModelDialog"));
    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle, [] { return tr("Register model"); });
    m_name->setObjectName(QStringLiteral("modelName"));
    m_framework->setObjectName(QStringLiteral("framework"));
    m_version->setObjectName(QStringLiteral("frameworkVersion"));
    m_folder->setObjectName(QStringLiteral("localFolder"));
    m_uploadTo->setObjectName(QStringLiteral("uploadTo"));
    m_cloudFolder->setObjectName(QStringLiteral("cloudFolder"));
    m_fromFolder->setObjectName(QStringLiteral("fromFolder"));
    m_fromCloud->setObjectName(QStringLiteral("fromCloud"));
    m_status->setObjectName(QStringLiteral("registerStatus"));
    m_image->setObjectName(QStringLiteral("imageUri"));
    m_image->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_progress->hide();
    m_framework->addItem(QStringLiteral("scikit-learn"), QStringLiteral("sklearn"));
    m_framework->addItem(QStringLiteral("XGBoost"), QStringLiteral("xgboost"));
    m_fromFolder->setChecked(true);
    m_cloudFolder->setPlaceholderText(QStringLiteral("gs://bucket/folder"));
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    m_uploadTo->setText(QStringLiteral("gs://rov-models/model-%1").arg(stamp));
    // The upload folder follows the name until the person writes one.
    connect(m_uploadTo, &QLineEdit::textEdited, this,
            [this] { m_uploadTo->setProperty("edited", true); });
    connect(m_name, &QLineEdit::textChanged, this, [this, stamp](const QString &name) {
        if (!m_uploadTo->property("edited").toBool())
            m_uploadTo->setText(QStringLiteral("gs://rov-models/%1-%2").arg(slug(name), stamp));
    });

    auto *form = new QFormLayout;
    texts->row(form, m_name, [] { return tr("&Display name"); });
    auto *image = new QHBoxLayout;
    image->addWidget(m_framework, 1);
    image->addWidget(m_version);
    texts->row(form, image, [] { return tr("Framework"); });
    texts->row(form, m_image, [] { return tr("Prebuilt image"); });
    texts->bind(m_fromFolder, &QAbstractButton::setText,
                [] { return tr("From a f&older on this computer"); });
    form->addRow(m_fromFolder);
    auto *folder = new QHBoxLayout;
    folder->addWidget(m_folder, 1);
    folder->addWidget(m_browse);
    texts->bind(m_browse, &QAbstractButton::setText, [] { return tr("&Browse…"); });
    texts->row(form, folder, [] { return tr("Folder"); });
    texts->row(form, m_uploadTo, [] { return tr("&Upload to"); });
    texts->bind(m_fromCloud, &QAbstractButton::setText,
                [] { return tr("From a Cloud &Storage folder (a job's output)"); });
    form->addRow(m_fromCloud);
    texts->row(form, m_cloudFolder, [] { return tr("gs:// fo&lder"); });
    texts->bind(m_name, &QLineEdit::setPlaceholderText, [] { return tr("e.g. Iris classifier"); });
    texts->bind(m_folder, &QLineEdit::setPlaceholderText,
                [] { return tr("A folder that holds model.pkl, model.joblib or model.bst"); });
    auto *column = new QVBoxLayout(this);
    column->addLayout(form);
    auto *equivalent = new QLabel(this);
    texts->bind(equivalent, &QLabel::setText, [] { return tr("The same request:"); });
    column->addWidget(equivalent);
    m_snippets->setMaximumHeight(150);
    column->addWidget(m_snippets);
    column->addWidget(m_progress);
    column->addWidget(m_status);
    column->addWidget(m_buttons);
    texts->bind(m_buttons->button(QDialogButtonBox::Ok), &QAbstractButton::setText,
                [] { return tr("&Register"); });

    connect(m_framework, &QComboBox::currentIndexChanged, this, [this] {
        fillVersions();
        updateImage();
    });
    connect(m_version, &QComboBox::currentIndexChanged, this, &RegisterModelDialog::updateImage);
    connect(m_browse, &QPushButton::clicked, this, &RegisterModelDialog::browse);
    for (QRadioButton *source : {m_fromFolder, m_fromCloud})
        connect(source, &QRadioButton::toggled, this, &RegisterModelDialog::updateImage);
    for (QLineEdit *edit : {m_name, m_folder, m_uploadTo, m_cloudFolder})
        connect(edit, &QLineEdit::textChanged, this, &RegisterModelDialog::updateImage);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RegisterModelDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        m_call.cancel();
        reject();
    });
    texts->onChange([this] { updateImage(); });
    fillVersions();
    updateImage();
    resize(640, sizeHint().height());
}

void RegisterModelDialog::setCloudFolder(const QString &gsUri, const QString &displayName)
{
    m_fromCloud->setChecked(true);
    m_cloudFolder->setText(gsUri);
    if (!displayName.isEmpty())
        m_name->setText(displayName);
}

void RegisterModelDialog::setLocalFolder(const QString &path)
{
    m_fromFolder->setChecked(true);
    m_folder->setText(path);
    if (m_name->text().isEmpty())
        m_name->setText(QDir(path).dirName());
}

void RegisterModelDialog::fillVersions()
{
    const QString framework = m_framework->currentData().toString();
    m_version->clear();
    for (const auto &[name, versions] : frameworks())
        if (framework == QLatin1String(name))
            m_version->addItems(versions);
}

QString RegisterModelDialog::imageUri() const
{
    api::vertex::PredictionImage image{m_framework->currentData().toString(),
                                       m_version->currentText(), false};
    return image.uri(m_client ? m_client->endpoint().location : QStringLiteral("us-central1"));
}

QString RegisterModelDialog::problem() const
{
    if (m_name->text().trimmed().isEmpty())
        return tr("Give the model a display name.");
    if (m_fromCloud->isChecked()) {
        if (!m_cloudFolder->text().startsWith(QLatin1String("gs://")))
            return tr("The Cloud Storage folder starts with gs://.");
        return {};
    }
    const QDir folder(m_folder->text());
    if (m_folder->text().isEmpty() || !folder.exists())
        return tr("Choose the folder that holds the model's files.");
    api::vertex::PredictionImage image{m_framework->currentData().toString(),
                                       m_version->currentText(), false};
    if (api::vertex::artifactFileIn(image, folder.entryList(QDir::Files)).isEmpty())
        return tr("The folder holds none of the files the image loads: %1.")
            .arg(image.artifactFiles().join(QStringLiteral(", ")));
    if (!m_uploadTo->text().startsWith(QLatin1String("gs://")) ||
        m_uploadTo->text().section(QLatin1Char('/'), 2, 2).isEmpty())
        return tr("Upload to a gs://bucket/folder.");
    return {};
}

QString RegisterModelDialog::artifactUri() const
{
    QString uri = (m_fromCloud->isChecked() ? m_cloudFolder : m_uploadTo)->text().trimmed();
    while (uri.endsWith(QLatin1Char('/')))
        uri.chop(1);
    return uri;
}

void RegisterModelDialog::updateImage()
{
    m_image->setText(imageUri());
    if (m_client)
        m_snippets->show(core::uploadSnippets(m_client->endpoint().baseUrl,
                                              m_client->endpoint().parent(),
                                              m_name->text().trimmed(), artifactUri(), imageUri()));
    const bool local = m_fromFolder->isChecked();
    m_folder->setEnabled(local);
    m_browse->setEnabled(local);
    m_uploadTo->setEnabled(local);
    m_cloudFolder->setEnabled(!local);
    const QString why = problem();
    if (!m_call.isRunning()) {
        m_status->setText(why);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
    }
}

void RegisterModelDialog::browse()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("The model's folder"), m_folder->text());
    if (!folder.isEmpty())
        setLocalFolder(folder);
}

void RegisterModelDialog::fail(const QString &message)
{
    m_progress->hide();
    m_status->setText(message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
}

void RegisterModelDialog::start()
{
    if (!problem().isEmpty())
        return; // OK is off, and the problem is said under the fields
    if (!m_client) {
        fail(tr("Not connected: the backend's session ended"));
        return;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    if (m_fromCloud->isChecked()) {
        registerModel(artifactUri());
        return;
    }
    QStringList files;
    QDirIterator found(m_folder->text(), QDir::Files, QDirIterator::Subdirectories);
    while (found.hasNext())
        files << found.next();
    const QString target = m_uploadTo->text().trimmed();
    const QString bucket = target.section(QLatin1Char('/'), 2, 2);
    QString prefix = target.section(QLatin1Char('/'), 3);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    m_progress->setRange(0, int(files.size()));
    m_progress->setValue(0);
    m_progress->show();
    uploadNext(files, bucket, prefix, m_folder->text(), int(files.size()));
}

void RegisterModelDialog::uploadNext(QStringList files, const QString &bucket,
                                     const QString &prefix, const QString &folder, int total)
{
    if (files.isEmpty()) {
        registerModel(QStringLiteral("gs://%1/%2").arg(bucket, prefix));
        return;
    }
    const QString file = files.takeFirst();
    const QString relative = QDir(folder).relativeFilePath(file);
    m_status->setText(
        tr("Uploading %1 (%2 of %3)…").arg(relative).arg(total - files.size()).arg(total));
    const QString object = prefix.isEmpty() ? relative : prefix + QLatin1Char('/') + relative;
    m_call = m_client->uploadFile(
        file, bucket, object, this,
        [this, files, bucket, prefix, folder, total, relative](api::Result<QString> result) {
            if (!result.ok()) {
                fail(tr("Could not upload %1: %2").arg(relative, result.error->message));
                return;
            }
            m_progress->setValue(total - int(files.size()));
            uploadNext(files, bucket, prefix, folder, total);
        });
}

void RegisterModelDialog::registerModel(const QString &artifactUri)
{
    m_status->setText(tr("Registering %1…").arg(artifactUri));
    m_call = m_client->uploadModel(
        m_name->text().trimmed(), artifactUri, imageUri(), this,
        [this](api::Result<QString> operation) {
            if (!operation.ok()) {
                fail(operation.error->message);
                return;
            }
            // Google Cloud answers with an operation that runs; rovd's is done at once.
            rest::OperationPoller::follow(
                m_client->restClient(), m_client->operationUrl(operation.value), this,
                [this](const std::optional<rest::ApiError> &error, const nlohmann::json &response) {
                    if (error) {
                        fail(error->message);
                        return;
                    }
                    const auto model = response.find("model");
                    m_modelName = model != response.end() && model->is_string()
                                      ? QString::fromStdString(model->get<std::string>())
                                      : QString();
                    accept();
                });
        });
}

} // namespace rov::ui
