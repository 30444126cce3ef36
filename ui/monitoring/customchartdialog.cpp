#include "customchartdialog.h"

#include "api/monitoring/monitoringclient.h"
#include "core/palette.h"
#include "help/guidewindow.h"
#include "texts.h"
#include "wordcompleter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace rov::ui {

using Unit = core::PanelSpec::Unit;

namespace {

// PromQL's aggregations and the functions people reach for most.
const QStringList &promqlWords()
{
    static const QStringList words{QStringLiteral("sum"),
                                   QStringLiteral("avg"),
                                   QStringLiteral("max"),
                                   QStringLiteral("min"),
                                   QStringLiteral("count"),
                                   QStringLiteral("topk"),
                                   QStringLiteral("rate"),
                                   QStringLiteral("irate"),
                                   QStringLiteral("increase"),
                                   QStringLiteral("delta"),
                                   QStringLiteral("max_over_time"),
                                   QStringLiteral("avg_over_time"),
                                   QStringLiteral("histogram_quantile"),
                                   QStringLiteral("clamp_min"),
                                   QStringLiteral("without"),
                                   QStringLiteral("by")};
    return words;
}

} // namespace

PromqlEdit::PromqlEdit(QWidget *parent)
    : QLineEdit(parent),
      m_completer(new WordCompleter(
          this, [this] { return wordBeforeCursor(); }, [this] { return cursorRect(); }))
{
    setWords({});
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &PromqlEdit::insertCompletion);
    connect(this, &QLineEdit::textEdited, m_completer, &WordCompleter::offer);
}

QCompleter *PromqlEdit::wordCompleter() const
{
    return m_completer;
}

void PromqlEdit::setWords(const QStringList &words)
{
    m_completer->setWords(words + promqlWords());
}

QString PromqlEdit::wordBeforeCursor() const
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z_:][A-Za-z0-9_:]*$"));
    return word.match(text().left(cursorPosition())).captured(0);
}

void PromqlEdit::insertCompletion(const QString &word)
{
    const int end = cursorPosition();
    const int start = end - int(wordBeforeCursor().size());
    setText(text().left(start) + word + text().mid(end));
    setCursorPosition(start + int(word.size()));
}

void PromqlEdit::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->isListKey(event)) {
        event->ignore();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

CustomChartDialog::CustomChartDialog(api::monitoring::MonitoringClient *client, QString clusterId,
                                     QWidget *parent)
    : QDialog(parent), m_client(client), m_clusterId(std::move(clusterId)),
      m_title(new QLineEdit(this)), m_promql(new PromqlEdit(this)), m_unit(new QComboBox(this)),
      m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    offerGuide(this, m_buttons, QStringLiteral("monitoring"));
    setObjectName(QStringLiteral("customChartDialog"));
    m_title->setObjectName(QStringLiteral("customChartTitle"));
    m_promql->setObjectName(QStringLiteral("customChartPromql"));
    m_unit->setObjectName(QStringLiteral("customChartUnit"));
    m_problem->setObjectName(QStringLiteral("customChartProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(palette::errorTextStyle());
    m_problem->hide();
    m_promql->setMinimumWidth(520);
    auto *texts = new Texts(this);
    texts->onChange([this] {
        if (m_problemWords) {
            m_problem->setText(m_problemWords());
            fitHeight();
        }
    });
    texts->bind(this, &QWidget::setWindowTitle, [] { return tr("Add a chart"); });
    // PromQL reads the same in every language.
    m_promql->setPlaceholderText(
        QStringLiteral("sum(ray_tasks{ray_io_cluster=~\"$cluster\"}) by (State)"));
    texts->bind(m_title, &QLineEdit::setPlaceholderText,
                [] { return tr("Empty: the PromQL names the chart"); });
    const std::pair<Unit, Texts::Text> units[] = {
        {Unit::Count, [] { return tr("Number"); }},
        {Unit::Percent, [] { return tr("Percent"); }},
        {Unit::Bytes, [] { return tr("Bytes"); }},
        {Unit::BytesPerSecond, [] { return tr("Bytes per second"); }},
        {Unit::Cores, [] { return tr("Cores"); }},
        {Unit::DollarsPerHour, [] { return tr("Dollars per hour"); }},
        {Unit::Milliseconds, [] { return tr("Milliseconds"); }}};
    for (const auto &[unit, name] : units) {
        m_unit->addItem(QString(), int(unit));
        const int index = m_unit->count() - 1;
        texts->bind([this, index](const QString &text) { m_unit->setItemText(index, text); }, name);
    }
    auto *hint = new QLabel(this);
    hint->setWordWrap(true);
    texts->bind(hint, &QLabel::setText, [] {
        return tr("$cluster stands for the cluster chosen on the page (every cluster when all "
                  "are shown). Metric names complete as you type.");
    });
    texts->bind(m_buttons->button(QDialogButtonBox::Ok), &QAbstractButton::setText,
                [] { return tr("Add chart"); });
    auto *form = new QFormLayout;
    texts->row(form, m_title, [] { return tr("&Title:"); });
    texts->row(form, m_promql, [] { return tr("&PromQL:"); });
    texts->row(form, m_unit, [] { return tr("&Unit:"); });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(hint);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CustomChartDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_promql, &QLineEdit::textEdited, m_problem, &QWidget::hide);
    if (m_client)
        m_client->labelValues(QStringLiteral("__name__"), this,
                              [this](api::Result<QStringList> names) {
                                  if (names.ok())
                                      m_promql->setWords(names.value);
                              });
}

core::CustomChart CustomChartDialog::chart() const
{
    return {m_title->text().trimmed(), m_promql->text().trimmed(),
            Unit(m_unit->currentData().toInt())};
}

QString CustomChartDialog::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

// The query is tried first: a chart that could never draw is not added.
void CustomChartDialog::accept()
{
    const QString promql = m_promql->text().trimmed();
    if (promql.isEmpty()) {
        showProblem([] { return tr("Write the PromQL of the chart."); });
        return;
    }
    if (!m_client) {
        showProblem([] { return tr("Not connected"); });
        return;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_check.cancel();
    m_check = m_client->query(core::customQuery(promql, m_clusterId), 0, this,
                              [this](api::Result<api::monitoring::QueryResult> result) {
                                  m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
                                  if (result.ok()) {
                                      QDialog::accept();
                                      return;
                                  }
                                  if (result.error->kind == rest::ApiError::Kind::Cancelled)
                                      return;
                                  showProblem([refusal = result.error->message] {
                                      return tr("The backend refused the query: %1").arg(refusal);
                                  });
                                  pointAt(core::promqlErrorOffset(result.error->message));
                              });
}

// Prometheus names where it stopped reading, in the query it was sent: the cursor goes to the
// same place in what the person wrote.
void CustomChartDialog::pointAt(int sentOffset)
{
    if (sentOffset < 0)
        return;
    const QString text = m_promql->text();
    const QString sent = text.trimmed();
    const int leading = int(text.indexOf(sent));
    m_promql->setFocus();
    m_promql->setCursorPosition(leading + core::offsetInCustomText(sent, m_clusterId, sentOffset));
}

// Words made again after a language change; the backend's own stay as they came.
void CustomChartDialog::showProblem(std::function<QString()> words)
{
    m_problemWords = std::move(words);
    m_problem->setText(m_problemWords());
    m_problem->show();
    fitHeight();
}

// A wrapped problem needs more height than the dialog had: it grows rather than squeezing the
// fields (a QDialog does not grow on its own for a label's height-for-width).
void CustomChartDialog::fitHeight()
{
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

} // namespace rov::ui
