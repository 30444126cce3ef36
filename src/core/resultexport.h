#pragma once

#include "api/bigquery/bigqueryclient.h"
#include "rest/call.h"

#include <QModelIndexList>
#include <QObject>
#include <QPointer>
#include <QSaveFile>
#include <memory>

namespace rov::core {

// A query's results written to a file, page by page (getQueryResults), with progress and
// cancel: CSV (a header of the field names, RFC 4180 quoting, NULL as an empty field) or JSON
// lines (an object a row; INT64 and NUMERIC as strings and nested fields as JSON, as BigQuery's
// own export writes them). The file appears only when every row is in it: a cancelled or failed
// export leaves nothing behind (QSaveFile). Every export ends with finished, failed or cancelled.
class ResultExport : public QObject
{
    Q_OBJECT
public:
    enum class Format
    {
        Csv,
        JsonLines
    };
    static constexpr int kPageRows = 10000;

    ResultExport(api::bigquery::BigQueryClient *client, api::bigquery::JobRef job,
                 std::vector<api::bigquery::Field> schema, qint64 totalRows, QString path,
                 Format format, QObject *parent = nullptr);
    ~ResultExport() override;

    void start();
    void cancel();
    qint64 written() const { return m_written; }
    qint64 total() const { return m_total; }
    const QString &path() const { return m_path; }

    // One row as a line of the format (without its line end); the CSV header for `schema`.
    static QString csvLine(const QStringList &cells,
                           const std::vector<api::bigquery::Field> &schema);
    static QString csvHeader(const std::vector<api::bigquery::Field> &schema);
    static QString jsonLine(const QStringList &cells,
                            const std::vector<api::bigquery::Field> &schema);

Q_SIGNALS:
    void progress(qint64 written, qint64 total);
    void finished();
    void failed(const QString &why);
    void cancelled();

private:
    void fetch();
    bool write(const QString &text);
    void end(const QString &failure);

    QPointer<api::bigquery::BigQueryClient> m_client;
    api::bigquery::JobRef m_job;
    std::vector<api::bigquery::Field> m_schema;
    qint64 m_total;
    QString m_path;
    Format m_format;
    std::unique_ptr<QSaveFile> m_file;
    rest::Call m_call;
    qint64 m_written = 0;
    bool m_ended = false;
};

// The cells of `indexes` as text to paste into a spreadsheet: the rectangle they span, a line a
// row and a tab between cells (a cell left out of the selection is empty; tabs and line ends
// inside a value become spaces). Empty for no cells.
QString cellsAsTsv(const QModelIndexList &indexes);

} // namespace rov::core
