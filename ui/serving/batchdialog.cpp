#include "batchdialog.h"

#include "catalog/machinecatalog.h"
#include "core/batchcontroller.h"
#include "core/batchjobmodel.h"
#include "core/servingmodels.h"
#include "help/guidewindow.h"
#include "replicafields.h"
#include "snippettabs.h"
#include "storagepickerdialog.h"
#include "texts.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rov::ui {

namespace {

// The formats Vertex AI reads, by their wire names; the titles follow the language.
struct Format
{
    const char *wire;
    const char *title;
};
constexpr Format kFormats[] = {
    {"jsonl", QT_TRANSLATE_NOOP("rov::ui::BatchPredictDialog", "JSON lines")},
    {"csv", QT_TRANSLATE_NOOP("rov::ui::BatchPredictDialog", "CSV")},
    {"file-list", QT_TRANSLATE_NOOP("rov::ui::BatchPredictDialog", "File list")},
    {"bigquery", QT_TRANSLATE_NOOP("rov::ui::BatchPredictDialog", "BigQuery table")},
};

} // namespace

BatchPredictDialog::BatchPredictDialog(core::BatchController *batch,
                                       std::vector<api::vertex::Model> models, QWidget *parent)
    : QDialog(parent), m_batch(batch), m_models(std::move(models)), m_model(new QComboBox(this)),
      m_name(new QLineEdit(this)), m_format(new QComboBox(this)), m_input(new QLineEdit(this)),
      m_browse(new QPushButton(this)), m_output(new QLineEdit(this)),
      m_machine(new QComboBox(this)), m_starting(new QSpinBox(this)), m_max(new QSpinBox(this)),
      m_batchSize(new QSpinBox(this)), m_cost(new QLabel(this)), m_snippets(new SnippetTabs(this)),
      m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    offerGuide(this, m_buttons, QStringLiteral("batch"));
    setObjectName(QStringLiteral("batchPredictDialog"));
    m_model->setObjectName(QStringLiteral("batchModel"));
    m_name->setObjectName(QStringLiteral("batchJobName"));
    m_format->setObjectName(QStringLiteral("batchFormat"));
    m_input->setObjectName(QStringLiteral("batchInput"));
    m_browse->setObjectName(QStringLiteral("batchBrowse"));
    m_browse->setEnabled(false); // until there is storage to list
    m_output->setObjectName(QStringLiteral("batchOutput"));
    m_machine->setObjectName(QStringLiteral("batchMachine"));
    m_starting->setObjectName(QStringLiteral("batchStartingReplicas"));
    m_max->setObjectName(QStringLiteral("batchMaxReplicas"));
    m_batchSize->setObjectName(QStringLiteral("batchSize"));
    m_cost->setObjectName(QStringLiteral("batchCost"));
    m_status->setObjectName(QStringLiteral("batchStatus"));
    m_status->setWordWrap(true);
    for (const auto &model : m_models)
        m_model->addItem(
            QStringLiteral("%1 (%2)").arg(model.displayName, core::frameworkTitle(model)),
            model.name);
    for (const Format &format : kFormats)
        m_format->addItem(QString(), QLatin1String(format.wire));
    fillServingMachines(m_machine);
    m_batchSize->setRange(1, 100000);
    m_batchSize->setValue(64);

    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle, [] { return tr("New batch prediction"); });
    auto *form = new QFormLayout;
    texts->row(form, m_model, [] { return tr("&Model"); });
    texts->row(form, m_name, [] { return tr("&Job name"); });
    texts->row(form, m_format, [] { return tr("&Format"); });
    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_browse);
    texts->row(form, inputRow, [] { return tr("&Instances"); })->setBuddy(m_input);
    texts->bind(m_browse, &QAbstractButton::setText, [] { return tr("Bro&wse…"); });
    texts->row(form, m_output, [] { return tr("&Output"); });
    texts->row(form, m_machine, [] { return tr("Mac&hine type"); });
    auto *replicas = replicaRange(
        texts, m_starting, m_max, [] { return tr("s&tarting"); }, [] { return tr("ma&ximum"); },
        [this] { updateSummary(); });
    texts->row(form, replicas, [] { return tr("Replicas"); });
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_batchSize);
    sizeRow->addStretch(1);
    texts->row(form, sizeRow, [] { return tr("&Batch size"); })->setBuddy(m_batchSize);
    texts->row(form, m_cost, [] { return tr("Cost"); });
    layOutRequestDialog(this, texts, form, m_snippets, m_status, m_buttons,
                        [] { return tr("The same request:"); });
    texts->bind(m_buttons->button(QDialogButtonBox::Ok), &QAbstractButton::setText,
                [] { return tr("C&reate"); });
    texts->bind(m_input, &QLineEdit::setPlaceholderText,
                [] { return tr("gs://bucket/instances.jsonl, or several separated by commas"); });
    texts->bind(m_output, &QLineEdit::setPlaceholderText, [] { return tr("gs://bucket/folder"); });
    texts->bind(
        [this](const QString &) {
            for (int i = 0; i < m_format->count(); ++i)
                m_format->setItemText(i, tr(kFormats[i].title));
        },
        [] { return QString(); });
    m_max->setValue(2);
    texts->onChange([this] { updateSummary(); });

    connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
        const int index = m_model->currentIndex();
        if (index >= 0 && index < int(m_models.size()))
            m_name->setText(tr("%1 batch %2")
                                .arg(m_models[size_t(index)].displayName,
                                     QDateTime::currentDateTime().toString(
                                         QStringLiteral("yyyy-MM-dd HH:mm"))));
        updateSummary();
    });
    connect(m_input, &QLineEdit::textChanged, this, [this] {
        if (!m_outputEdited)
            m_output->setText(core::defaultBatchOutput(spec().inputUris.value(0)));
        updateSummary();
    });
    connect(m_output, &QLineEdit::textEdited, this, [this] { m_outputEdited = true; });
    for (QLineEdit *edit : {m_name, m_output})
        connect(edit, &QLineEdit::textChanged, this, &BatchPredictDialog::updateSummary);
    connect(m_format, &QComboBox::currentIndexChanged, this, &BatchPredictDialog::updateSummary);
    connect(m_batchSize, &QSpinBox::valueChanged, this, &BatchPredictDialog::updateSummary);
    connect(m_machine, &QComboBox::currentTextChanged, this, &BatchPredictDialog::updateSummary);
    connect(m_browse, &QPushButton::clicked, this, &BatchPredictDialog::browse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BatchPredictDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_batch)
        connect(m_batch, &core::BatchController::changed, this,
                [this](const core::BatchController::Change &change) {
                    if (!m_creating)
                        return;
                    m_creating = false;
                    if (change.ok) {
                        m_created = change.job;
                        accept();
                        return;
                    }
                    m_refusal = change.text;
                    setFieldsEnabled(true);
                    updateSummary();
                });
    Q_EMIT m_model->currentIndexChanged(m_model->currentIndex());
    resize(680, sizeHint().height());
}

void BatchPredictDialog::setStorage(api::storage::StorageReader *storage)
{
    m_storage = storage;
    m_browse->setEnabled(storage && !m_creating);
}

void BatchPredictDialog::browse()
{
    if (!m_storage)
        return;
    auto *picker = new StoragePickerDialog(m_storage, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        const QString uri = picker->chosenUri();
        if (uri.isEmpty())
            return;
        // A CSV file reads as CSV; the other formats are the user's to say.
        if (uri.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
            m_format->setCurrentIndex(m_format->findData(QStringLiteral("csv")));
        else if (m_format->currentData().toString() == QLatin1String("bigquery"))
            m_format->setCurrentIndex(m_format->findData(QStringLiteral("jsonl")));
        m_input->setText(uri);
    });
    picker->open();
}

void BatchPredictDialog::selectModel(const QString &modelName)
{
    const int index = m_model->findData(modelName);
    if (index >= 0)
        m_model->setCurrentIndex(index);
}

void BatchPredictDialog::setInput(const QString &uri)
{
    if (uri.startsWith(QLatin1String("bq://")))
        m_format->setCurrentIndex(m_format->findData(QStringLiteral("bigquery")));
    m_input->setText(uri);
}

api::vertex::BatchJobSpec BatchPredictDialog::spec() const
{
    api::vertex::BatchJobSpec spec;
    spec.displayName = m_name->text().trimmed();
    spec.model = m_model->currentData().toString();
    spec.instancesFormat = m_format->currentData().toString();
    for (const QString &uri : m_input->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!uri.trimmed().isEmpty())
            spec.inputUris << uri.trimmed();
    spec.outputPrefix = m_output->text().trimmed();
    spec.machineType = m_machine->currentText();
    spec.startingReplicas = m_starting->value();
    spec.maxReplicas = m_max->value();
    spec.batchSize = m_batchSize->value();
    return spec;
}

void BatchPredictDialog::updateSummary()
{
    const auto cost =
        core::servingCost(catalog::MachineCatalog::builtIn(), m_machine->currentText(),
                          m_starting->value(), m_max->value());
    if (!cost)
        m_cost->setText(tr("No price for %1").arg(m_machine->currentText()));
    else if (m_starting->value() == m_max->value())
        m_cost->setText(tr("$%1 an hour while the job runs").arg(cost->atMinimum, 0, 'f', 2));
    else
        m_cost->setText(tr("$%1 an hour with the starting replicas, up to $%2 at the maximum")
                            .arg(cost->atMinimum, 0, 'f', 2)
                            .arg(cost->atMaximum, 0, 'f', 2));
    api::vertex::BatchClient *client = m_batch ? m_batch->client() : nullptr;
    m_snippets->show(core::batchSnippets(client ? client->endpoint().baseUrl : QUrl(),
                                         client ? client->endpoint().parent() : QString(), spec()));
    if (m_creating)
        return;
    const QString why = core::batchSpecProblem(spec());
    m_status->setText(why.isEmpty() ? m_refusal : why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

void BatchPredictDialog::setFieldsEnabled(bool enabled)
{
    for (QWidget *field :
         std::initializer_list<QWidget *>{m_model, m_name, m_format, m_input, m_output, m_machine,
                                          m_starting, m_max, m_batchSize})
        field->setEnabled(enabled);
    m_browse->setEnabled(enabled && m_storage);
}

void BatchPredictDialog::start()
{
    if (!m_batch || !m_batch->client()) {
        m_status->setText(tr("Not connected: the backend's session ended"));
        return;
    }
    m_creating = true;
    m_refusal.clear();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    setFieldsEnabled(false);
    m_status->setText(tr("Creating the job…"));
    m_batch->create(spec());
}

} // namespace rov::ui
