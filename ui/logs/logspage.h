#pragma once

#include "api/logging/loggingclient.h"
#include "api/monitoring/monitoringclient.h"
#include "core/logquerytext.h"
#include "rest/call.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QAbstractButton;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressDialog;
class QPushButton;
class QTableView;
class QToolButton;

namespace rov::core {
class LogEntryModel;
class LogExplorer;
class LogExport;
} // namespace rov::core

namespace rov::ui {

class LogQueryEdit;
class LogVolumeChart;
class SavedQueriesMenu;
class Texts;

// Logs: every Ray log of the project's clusters through Cloud Logging's entries:list (rovd's
// log store, or Google's). The query text is the whole truth; the quick filters above it edit
// its lines. Above the results, the volume by severity over the range (drag across it to look
// closer); the results as a table of fixed-height rows with the chosen entry in full below; a
// live tail that follows the end while the table is at its end; the entries around one; export
// with progress and cancel; queries saved per profile.
class LogsPage : public QWidget
{
    Q_OBJECT
public:
    explicit LogsPage(QWidget *parent = nullptr);
    ~LogsPage() override;

    // The backend's clients (nullptr while there is none). `rovd`: the volume comes from
    // rovd's counter, else from Cloud Logging's metric.
    void setClients(api::logging::LoggingClient *logging,
                    api::monitoring::MonitoringClient *monitoring, bool rovd);
    void setProfileId(const QString &profileId);
    // The clusters the cluster filter offers (deleted ones can be typed).
    void setClusterIds(const QStringList &ids);

    // Puts `query` in the editor and runs it ("View logs" elsewhere).
    void showQuery(const QString &query);
    void run();
    QString query() const;
    void setTailing(bool on);
    bool isTailing() const;
    void loadOlder();
    // Opens the export dialog for `path` without asking where (tests; the menu asks).
    void exportTo(const QString &path, bool jsonLines);
    void saveQuery(const QString &name);
    // The entries around the chosen one: its file, a minute either side; it stays chosen.
    void showSurrounding();

    LogQueryEdit *editor() const { return m_editor; }
    QTableView *table() const { return m_table; }
    LogVolumeChart *histogram() const { return m_histogram; }
    core::LogEntryModel *model() const { return m_model; }
    QPlainTextEdit *details() const { return m_details; }
    QLabel *status() const { return m_status; }
    QLabel *problem() const { return m_problem; }

private:
    QWidget *makeFilters(Texts *texts);
    void fillChoices(Texts *texts);
    void connectFilters();
    QWidget *makeEditor(Texts *texts);
    QWidget *makeResults(Texts *texts);
    QWidget *makeResultBar(Texts *texts);
    void offerLogs(api::logging::LoggingClient *logging, bool rovd);
    void connectExplorer();
    void applyQuickFilter(core::logquery::Clause clause, const QString &value);
    void applyRange(int index);
    void syncFilters();
    void refreshHistogram();
    void showResults(const std::vector<api::logging::LogEntry> &entries);
    void showEntry();
    void showStatus();
    void showProblem(const std::optional<rest::ApiError> &error);
    void noteValues(const std::vector<api::logging::LogEntry> &entries);
    void copySelected(bool asJson);
    void askExport(bool jsonLines);
    void tableMenu(const QPoint &position);
    std::pair<qint64, qint64> timeRange() const; // seconds, from the query's time lines

    QPointer<api::logging::LoggingClient> m_logging;
    QPointer<api::monitoring::MonitoringClient> m_monitoring;
    bool m_rovd = true;
    core::LogEntryModel *m_model;
    core::LogExplorer *m_explorer = nullptr;
    core::LogExport *m_export = nullptr;
    QPointer<QProgressDialog> m_exportProgress;
    rest::Call m_histogramCall;
    rest::Call m_logIdsCall; // logs.list, for the Log filter's choices
    QComboBox *m_cluster;
    QComboBox *m_node;
    QComboBox *m_pool;
    QComboBox *m_severity;
    QComboBox *m_log;
    QComboBox *m_job;
    QComboBox *m_range;
    LogQueryEdit *m_editor;
    QPushButton *m_run;
    QToolButton *m_saved;
    SavedQueriesMenu *m_savedMenu = nullptr;
    QLabel *m_problem;
    LogVolumeChart *m_histogram;
    QTableView *m_table;
    QPlainTextEdit *m_details;
    QLabel *m_status;
    QPushButton *m_older;
    QPushButton *m_tail;
    QToolButton *m_exportButton;
    QString m_pendingSelection; // insertId to select once "surrounding entries" arrive
    int m_pagesRead = 0;
    bool m_searching = false;
    bool m_syncing = false;
};

} // namespace rov::ui
