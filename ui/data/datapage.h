#pragma once

#include "api/bigquery/bigquerytypes.h"
#include "core/resultexport.h"
#include "rest/apierror.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeView;
class QTreeWidget;
class QFormLayout;

namespace rov::core {
class DataController;
} // namespace rov::core

namespace rov::ui {

class QueryHistoryView;
class SavedQueriesMenu;
class SnippetTabs;
class SqlEdit;

// The Data page (BigQuery, in the manner of Google Cloud's BigQuery studio): the explorer
// (datasets and their tables, with a filter), a table's Details, Schema and Preview (rows read
// without a query, at no cost), and the query editor: GoogleSQL highlighted, a dry run as you
// type that says what the query will process and cost or marks its error, Ctrl+Enter runs it (or
// the selection), Cancel stops it, and the results come in pages as the grid scrolls. Code: the
// query and the open table as curl, Python, bq and a Ray job (ray.data.read_bigquery). Export
// writes a query's results to CSV or JSON lines, or saves them to a table.
class DataPage : public QWidget
{
    Q_OBJECT
public:
    explicit DataPage(core::DataController *controller, QWidget *parent = nullptr);

    core::DataController *controller() const { return m_controller; }
    SqlEdit *editor() const { return m_editor; }
    QTreeView *explorer() const { return m_explorer; }
    QTableView *results() const { return m_results; }
    QTableView *preview() const { return m_preview; }
    QTreeWidget *schema() const { return m_schema; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *validation() const { return m_validation; }
    QLabel *jobInfo() const { return m_jobInfo; }
    QLabel *explorerStatus() const { return m_explorerStatus; }
    SnippetTabs *queryCode() const { return m_queryCode; }
    SnippetTabs *tableCode() const { return m_tableCode; }
    QueryHistoryView *history() const { return m_history; }
    QPushButton *savedButton() const { return m_saved; }

    // Whose saved queries the Saved menu lists (a profile's id).
    void setProfileId(const QString &profileId);
    // The editor's query kept under `name` (replacing one of that name) for this profile.
    void saveQuery(const QString &name);
    // Puts `sql` in the editor and shows the Query tab (from the history or a saved query).
    void showQuery(const QString &sql);

    void openTable(const api::bigquery::TableRef &ref);
    // Puts a query of `ref` in the editor (SELECT * ... LIMIT 1000) and shows the Query tab.
    void queryTable(const api::bigquery::TableRef &ref);
    void run();
    // Writes the last query's results to `path`, with a progress window that can cancel; what
    // it says when it ends is in exportStatus(). Export… asks for the file and the format.
    void exportResults(const QString &path, core::ResultExport::Format format);
    core::ResultExport *runningExport() const { return m_export; }
    QLabel *exportStatus() const { return m_exportStatus; }
    QPushButton *exportButton() const { return m_exportButton; }
    // The last query's results into a new table, named "dataset.table" (or
    // "project.dataset.table"); Save to a table… asks for the name.
    void saveResults(const QString &tableName);

    // "1.2 KB" and the on-demand price of it (BigQuery bills $6.25 a TiB, 10 MB at least).
    static QString costText(qint64 bytes);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *makeExplorer();
    QWidget *makeQueryTab();
    QWidget *makeDetailsTab();
    QWidget *makeCodeTab();
    void showCode();
    void addCopyAction(QTableView *grid);
    void connectController();
    void retranslate();
    void showTable();
    void showJob();
    void chooseExport(core::ResultExport::Format format);
    void renderExportStatus();
    void renderValidation();
    void renderExplorerStatus();
    std::optional<api::bigquery::TableRef> tableAt(const QModelIndex &index) const;

    core::DataController *m_controller;
    QSortFilterProxyModel *m_filtered;
    QLineEdit *m_filter = nullptr;
    QTreeView *m_explorer = nullptr;
    QLabel *m_explorerStatus = nullptr;
    QPushButton *m_refresh = nullptr;
    QTabWidget *m_tabs = nullptr;
    SqlEdit *m_editor = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_saved = nullptr;
    SavedQueriesMenu *m_savedMenu = nullptr;
    QueryHistoryView *m_history = nullptr;
    QLabel *m_validation = nullptr;
    QTableView *m_results = nullptr;
    QLabel *m_jobInfo = nullptr;
    QPushButton *m_exportButton = nullptr;
    QAction *m_exportCsv = nullptr;
    QAction *m_exportJson = nullptr;
    QAction *m_saveToTable = nullptr;
    QLabel *m_exportStatus = nullptr;
    QList<QAction *> m_copyActions;
    QPointer<core::ResultExport> m_export;
    QPointer<QProgressDialog> m_exportProgress;
    // How the last export ended, kept so that a language change says it again.
    struct ExportOutcome
    {
        enum class Kind
        {
            None,
            Done,
            Failed,
            Cancelled,
            Saving,
            Saved,
            SaveFailed
        } kind = Kind::None;
        qint64 rows = 0;
        QString path;
        QString why;
    } m_exportOutcome;
    QFormLayout *m_detailsForm = nullptr;
    QList<QLabel *> m_details;
    QTreeWidget *m_schema = nullptr;
    QTableView *m_preview = nullptr;
    QLabel *m_previewStatus = nullptr;
    QLabel *m_queryCodeTitle = nullptr;
    SnippetTabs *m_queryCode = nullptr;
    QLabel *m_tableCodeTitle = nullptr;
    SnippetTabs *m_tableCode = nullptr;
    // What the validation line and the explorer say, kept so that a language change redraws them.
    enum class Validation
    {
        None,
        Checking,
        Valid,
        Invalid
    } m_validationState = Validation::None;
    api::bigquery::DryRun m_dryRun;
    api::bigquery::JobError m_invalid;
    std::optional<rest::ApiError> m_explorerError;
    std::optional<api::bigquery::JobError> m_queryError;
};

} // namespace rov::ui
