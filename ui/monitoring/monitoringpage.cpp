#include "monitoringpage.h"

#include "alertspanel.h"
#include "chartfeed.h"
#include "chartpanel.h"
#include "core/monitoringpanels.h"
#include "core/monitoringscopes.h"
#include "customchartdialog.h"
#include "texts.h"

#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <memory>

namespace rov::ui {

using api::monitoring::QueryResult;
using api::monitoring::Series;

namespace {

constexpr int kColumns = 3;
// Time ranges and refresh intervals offered, in seconds (0: off).
constexpr qint64 kRanges[] = {15 * 60, 3600, 6 * 3600, 86400, 7 * 86400};
constexpr int kRefreshes[] = {0, 5, 30, 60};

} // namespace

MonitoringPage::MonitoringPage(core::MonitoringScopes *scopes, QWidget *parent)
    : QWidget(parent), m_scopes(scopes), m_scope(new QComboBox(this)), m_range(new QComboBox(this)),
      m_autoRefresh(new QComboBox(this)), m_refresh(new QPushButton(this)),
      m_addChart(new QPushButton(this)), m_status(new QLabel(this)),
      m_alerts(new AlertsPanel(this)), m_feed(new ChartFeed(this))
{
    setObjectName(QStringLiteral("monitoringPage"));
    auto *texts = new Texts(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeControls(texts));
    layout->addWidget(m_alerts);
    connect(m_alerts, &AlertsPanel::clusterChosen, this, &MonitoringPage::showCluster);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(makeGrid());
    layout->addWidget(scroll, 1);
    connect(&m_timer, &QTimer::timeout, this, &MonitoringPage::refresh);
    connect(m_scopes, &core::MonitoringScopes::changed, this, &MonitoringPage::showScopes);
    showScopes();
    // Legends and axis units are made with the series: a new language draws them again.
    texts->onChange([this] {
        m_scopes->retranslate();
        showStatus();
        refresh();
    });
}

QWidget *MonitoringPage::makeControls(Texts *texts)
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 4);
    m_scope->setObjectName(QStringLiteral("monitoringScope"));
    m_scope->setMinimumContentsLength(18);
    m_range->setObjectName(QStringLiteral("monitoringRange"));
    m_autoRefresh->setObjectName(QStringLiteral("monitoringAutoRefresh"));
    m_refresh->setObjectName(QStringLiteral("monitoringRefresh"));
    m_status->setObjectName(QStringLiteral("monitoringStatus"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const qint64 seconds : kRanges)
        m_range->addItem(QString(), seconds);
    const Texts::Text rangeNames[] = {
        [] { return tr("Last 15 minutes"); }, [] { return tr("Last hour"); },
        [] { return tr("Last 6 hours"); }, [] { return tr("Last day"); },
        [] { return tr("Last 7 days"); }};
    for (int i = 0; i < m_range->count(); ++i)
        texts->bind([this, i](const QString &name) { m_range->setItemText(i, name); },
                    rangeNames[i]);
    m_range->setCurrentIndex(0); // a new cluster fills a quarter of an hour soon
    for (const int seconds : kRefreshes) {
        m_autoRefresh->addItem(QString(), seconds);
        const int i = m_autoRefresh->count() - 1;
        texts->bind([this, i](const QString &name) { m_autoRefresh->setItemText(i, name); },
                    [seconds] {
                        return seconds == 0 ? tr("Auto-refresh off")
                                            : tr("Every %n second(s)", nullptr, seconds);
                    });
    }
    m_autoRefresh->setCurrentIndex(2);
    texts->bind(m_refresh, &QAbstractButton::setText, [] { return tr("Refresh &now"); });
    m_addChart->setObjectName(QStringLiteral("monitoringAddChart"));
    texts->bind(m_addChart, &QAbstractButton::setText, [] { return tr("&Add chart…"); });
    texts->bind(m_addChart, &QWidget::setToolTip,
                [] { return tr("A chart of your own PromQL, kept with this profile"); });
    connect(m_addChart, &QPushButton::clicked, this, &MonitoringPage::askForCustomChart);
    texts->bind(m_scope, &QWidget::setAccessibleName, [] { return tr("Cluster"); });
    texts->bind(m_range, &QWidget::setAccessibleName, [] { return tr("Time range"); });
    texts->bind(m_autoRefresh, &QWidget::setAccessibleName, [] { return tr("Auto-refresh"); });
    auto *scopeLabel = new QLabel(bar);
    texts->bind(scopeLabel, &QLabel::setText, [] { return tr("Cl&uster:"); });
    scopeLabel->setBuddy(m_scope);
    row->addWidget(scopeLabel);
    row->addWidget(m_scope);
    row->addWidget(m_range);
    row->addWidget(m_autoRefresh);
    row->addWidget(m_refresh);
    row->addWidget(m_status, 1);
    row->addWidget(m_addChart);
    connect(m_scope, &QComboBox::activated, this, [this] {
        resetZoom();
        refresh();
    });
    connect(m_range, &QComboBox::activated, this, [this] {
        resetZoom();
        refresh();
    });
    connect(m_autoRefresh, &QComboBox::currentIndexChanged, this, [this] {
        const int seconds = m_autoRefresh->currentData().toInt();
        if (seconds > 0)
            m_timer.start(std::chrono::seconds(seconds));
        else
            m_timer.stop();
    });
    connect(m_refresh, &QPushButton::clicked, this, &MonitoringPage::refresh);
    return bar;
}

QWidget *MonitoringPage::makeGrid()
{
    auto *grid = new QWidget(this);
    m_grid = new QGridLayout(grid);
    m_grid->setContentsMargins(0, 0, 0, 0);
    for (const core::PanelSpec &spec : core::defaultPanels())
        placePanel(new ChartPanel(spec, grid), int(m_panels.size()));
    return grid;
}

void MonitoringPage::placePanel(ChartPanel *panel, int index)
{
    m_grid->addWidget(panel, index / kColumns, index % kColumns);
    // Zooming one chart zooms them all; a double-click on any goes back.
    connect(panel, &ChartPanel::zoomed, this, &MonitoringPage::zoomTo);
    connect(panel, &ChartPanel::zoomReset, this, [this] {
        resetZoom();
        refresh();
    });
    m_panels.push_back(panel);
}

void MonitoringPage::setProfileId(const QString &profileId)
{
    m_profileId = profileId;
    m_custom = core::loadCustomCharts(profileId);
    rebuildCustomPanels();
}

// The user's charts come after Ray's, in the order they were added.
void MonitoringPage::rebuildCustomPanels()
{
    const size_t builtIn = core::defaultPanels().size();
    while (m_panels.size() > builtIn) {
        delete m_panels.back();
        m_panels.pop_back();
    }
    for (size_t i = 0; i < m_custom.size(); ++i) {
        auto *panel = new ChartPanel(m_custom[i].toPanel(int(i)), m_grid->parentWidget());
        connect(panel, &ChartPanel::removeRequested, this,
                [this, i] { removeCustomChart(int(i)); });
        placePanel(panel, int(m_panels.size()));
    }
}

void MonitoringPage::askForCustomChart()
{
    auto *dialog = new CustomChartDialog(m_client, cluster(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { addCustomChart(dialog->chart()); });
    Q_EMIT windowOpened(dialog);
    dialog->open();
}

void MonitoringPage::addCustomChart(const core::CustomChart &chart)
{
    m_custom.push_back(chart);
    core::saveCustomCharts(m_profileId, m_custom);
    rebuildCustomPanels();
    refresh();
}

void MonitoringPage::removeCustomChart(int index)
{
    if (index < 0 || index >= int(m_custom.size()))
        return;
    m_custom.erase(m_custom.begin() + index);
    core::saveCustomCharts(m_profileId, m_custom);
    // Later: the panel that asked is deleted with the others.
    QMetaObject::invokeMethod(
        this,
        [this] {
            rebuildCustomPanels();
            refresh();
        },
        Qt::QueuedConnection);
}

ChartPanel *MonitoringPage::panel(const QString &id) const
{
    for (ChartPanel *candidate : m_panels)
        if (candidate->spec().id == id)
            return candidate;
    return nullptr;
}

void MonitoringPage::setClient(api::monitoring::MonitoringClient *client)
{
    cancelCalls();
    m_client = client;
    m_feed->setClient(client);
    m_scopes->setClient(client);
    if (!m_client) {
        m_timer.stop();
        showStatus();
        m_feed->load(m_panels, {}, {}); // each chart says it is not connected
        return;
    }
    const int seconds = m_autoRefresh->currentData().toInt();
    if (seconds > 0)
        m_timer.start(std::chrono::seconds(seconds));
    refresh();
}

void MonitoringPage::setAlerts(core::AlertWatcher *alerts)
{
    m_alerts->setWatcher(alerts);
}

QString MonitoringPage::cluster() const
{
    return m_scope->currentData().toString();
}

void MonitoringPage::showCluster(const QString &clusterId)
{
    m_scopes->ask(clusterId); // listed at once, even before Prometheus has its series
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(clusterId)));
    resetZoom();
    refresh();
}

// The picker follows its controller; the cluster shown stays shown while it is listed.
void MonitoringPage::showScopes()
{
    const QString current = cluster();
    const QSignalBlocker blocker(m_scope);
    m_scope->clear();
    for (const core::MonitoringScope &scope : m_scopes->scopes()) {
        m_scope->addItem(scope.text, scope.id);
        m_scope->setItemData(m_scope->count() - 1,
                             scope.text.contains(scope.id)
                                 ? scope.text
                                 : QStringLiteral("%1 — %2").arg(scope.text, scope.id),
                             Qt::ToolTipRole);
    }
    const int index = m_scope->findData(current);
    m_scope->setCurrentIndex(std::max(0, index));
    if (index < 0 && !current.isEmpty()) {
        resetZoom();
        refresh(); // the cluster shown is gone from the list: All clusters now
    }
}

// The cluster's events (scaled, rebooted, node replaced, error) as markers on every chart.
void MonitoringPage::loadEvents(const QString &clusterId)
{
    if (!m_vertex || clusterId.isEmpty()) {
        for (ChartPanel *panel : m_panels)
            panel->setMarkers({});
        return;
    }
    const QString name =
        m_vertex->endpoint().parent() + QStringLiteral("/persistentResources/") + clusterId;
    m_calls.push_back(m_vertex->events(
        name, this, [this, clusterId](api::Result<std::vector<api::vertex::ClusterEvent>> result) {
            if (clusterId != cluster() ||
                (!result.ok() && result.error->kind == rest::ApiError::Kind::Cancelled))
                return;
            // Google Cloud has no event record, and a deleted cluster's may be gone: no markers.
            std::vector<ChartPanel::Marker> markers;
            for (const auto &event : result.value)
                markers.push_back({event.time.toMSecsSinceEpoch(),
                                   event.reason.isEmpty() ? event.state : event.reason,
                                   event.state == QLatin1String("ERROR")});
            for (ChartPanel *panel : m_panels)
                panel->setMarkers(markers);
        }));
}

std::pair<qint64, qint64> MonitoringPage::timeRange() const
{
    if (m_zoom)
        return {m_zoom->first / 1000, m_zoom->second / 1000};
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return {now - m_range->currentData().toLongLong(), now};
}

void MonitoringPage::cancelCalls()
{
    m_feed->cancel();
    for (const rest::Call &call : std::exchange(m_calls, {}))
        call.cancel();
}

void MonitoringPage::refresh()
{
    if (!m_client)
        return;
    cancelCalls();
    const auto [start, end] = timeRange();
    const int width = m_panels.empty() ? 400 : m_panels.front()->view()->width();
    const auto range =
        api::monitoring::rangeStep(start, end, width, api::monitoring::kScrapeInterval);
    const QString scope = cluster();
    m_scopes->refresh();
    m_updated = QTime::currentTime();
    showStatus();
    loadEvents(scope);
    for (ChartPanel *panel : m_panels)
        panel->setTimeRange(start * 1000, end * 1000, !m_zoom.has_value());
    m_feed->load(m_panels, scope, range);
}

void MonitoringPage::showStatus()
{
    const QLocale locale;
    if (!m_client)
        m_status->setText(tr("Not connected"));
    else if (m_zoom)
        m_status->setText(
            tr("Zoomed in to %1–%2; double-click a chart to go back")
                .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(m_zoom->first).time(),
                                     QLocale::ShortFormat),
                     locale.toString(QDateTime::fromMSecsSinceEpoch(m_zoom->second).time(),
                                     QLocale::ShortFormat)));
    else if (m_updated.isValid())
        m_status->setText(tr("Updated %1").arg(locale.toString(m_updated, QLocale::ShortFormat)));
}

void MonitoringPage::zoomTo(qint64 fromMs, qint64 toMs)
{
    if (toMs - fromMs < 10000)
        return; // a click, not a drag
    m_zoom = std::pair{fromMs, toMs};
    m_timer.stop(); // a zoomed view stays where the user put it
    refresh();
}

void MonitoringPage::resetZoom()
{
    m_zoom.reset();
    const int seconds = m_autoRefresh->currentData().toInt();
    if (seconds > 0 && m_client)
        m_timer.start(std::chrono::seconds(seconds));
}

} // namespace rov::ui
