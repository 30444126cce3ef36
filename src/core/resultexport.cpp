#include "resultexport.h"

#include <QRegularExpression>
#include <nlohmann/json.hpp>

namespace rov::core {

using namespace api::bigquery;
using api::Result;

namespace {

bool isNested(const Field &field)
{
    return field.mode == QLatin1String("REPEATED") || field.type == QLatin1String("RECORD");
}

} // namespace

ResultExport::ResultExport(BigQueryClient *client, JobRef job, std::vector<Field> schema,
                           qint64 totalRows, QString path, Format format, QObject *parent)
    : QObject(parent), m_client(client), m_job(std::move(job)), m_schema(std::move(schema)),
      m_total(totalRows), m_path(std::move(path)), m_format(format)
{}

ResultExport::~ResultExport()
{
    m_call.cancel();
    if (m_file)
        m_file->cancelWriting();
}

void ResultExport::start()
{
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        end(tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
        return;
    }
    if (m_format == Format::Csv && !write(csvHeader(m_schema)))
        return;
    Q_EMIT progress(0, m_total);
    fetch();
}

void ResultExport::cancel()
{
    if (m_ended)
        return;
    m_ended = true;
    m_call.cancel();
    if (m_file)
        m_file->cancelWriting();
    Q_EMIT cancelled();
}

void ResultExport::fetch()
{
    if (!m_client) {
        end(tr("The backend changed before the export ended"));
        return;
    }
    m_call = m_client->results(m_job, m_written, kPageRows, 0, this, [this](Result<RowPage> page) {
        if (m_ended)
            return;
        if (!page.ok()) {
            end(tr("Could not read the results: %1").arg(page.error->message));
            return;
        }
        if (!page.value.schema.empty())
            m_schema = page.value.schema;
        for (const QStringList &row : page.value.rows) {
            if (!write(m_format == Format::Csv ? csvLine(row, m_schema) : jsonLine(row, m_schema)))
                return;
        }
        m_written += qint64(page.value.rows.size());
        m_total = std::max(m_total, page.value.totalRows);
        Q_EMIT progress(m_written, m_total);
        if (m_written < m_total && !page.value.rows.empty()) {
            fetch();
            return;
        }
        end({});
    });
}

bool ResultExport::write(const QString &text)
{
    const QByteArray line = text.toUtf8() + '\n';
    if (m_file->write(line) == line.size())
        return true;
    end(tr("Cannot write %1: %2").arg(m_path, m_file->errorString()));
    return false;
}

void ResultExport::end(const QString &failure)
{
    if (m_ended)
        return;
    m_ended = true;
    if (failure.isEmpty() && m_file && m_file->commit()) {
        Q_EMIT finished();
        return;
    }
    const QString why =
        failure.isEmpty() ? tr("Cannot write %1: %2").arg(m_path, m_file->errorString()) : failure;
    if (m_file)
        m_file->cancelWriting();
    Q_EMIT failed(why);
}

QString ResultExport::csvHeader(const std::vector<Field> &schema)
{
    QStringList names;
    for (const Field &field : schema)
        names << field.name;
    return csvLine(names, {});
}

QString ResultExport::csvLine(const QStringList &cells, const std::vector<Field> &)
{
    QStringList fields;
    for (const QString &cell : cells) {
        if (cell.isNull()) {
            fields << QString();
            continue;
        }
        static const QString special = QStringLiteral(",\"\r\n");
        if (!std::any_of(cell.begin(), cell.end(), [](QChar c) { return special.contains(c); })) {
            fields << cell;
            continue;
        }
        QString quoted = cell;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        fields << QLatin1Char('"') + quoted + QLatin1Char('"');
    }
    return fields.join(QLatin1Char(','));
}

QString ResultExport::jsonLine(const QStringList &cells, const std::vector<Field> &schema)
{
    nlohmann::ordered_json row = nlohmann::ordered_json::object();
    for (size_t i = 0; i < schema.size(); ++i) {
        const Field &field = schema[i];
        const QString cell = qsizetype(i) < cells.size() ? cells[qsizetype(i)] : QString();
        auto &value = row[field.name.toStdString()];
        if (cell.isNull()) {
            value = nullptr;
        } else if (isNested(field)) {
            value = nlohmann::ordered_json::parse(cell.toStdString(), nullptr, false);
            if (value.is_discarded())
                value = cell.toStdString();
        } else if (field.type == QLatin1String("BOOLEAN")) {
            value = cell == QLatin1String("true");
        } else if (field.type == QLatin1String("FLOAT")) {
            bool ok = false;
            const double number = cell.toDouble(&ok);
            if (ok && std::isfinite(number))
                value = number;
            else
                value = cell.toStdString(); // NaN, Infinity: JSON has no number for them
        } else {
            value = cell.toStdString();
        }
    }
    return QString::fromStdString(row.dump());
}

QString cellsAsTsv(const QModelIndexList &indexes)
{
    if (indexes.isEmpty())
        return {};
    int top = indexes.first().row(), bottom = top;
    int left = indexes.first().column(), right = left;
    for (const QModelIndex &index : indexes) {
        top = std::min(top, index.row());
        bottom = std::max(bottom, index.row());
        left = std::min(left, index.column());
        right = std::max(right, index.column());
    }
    const int width = right - left + 1;
    std::vector<QStringList> rows(size_t(bottom - top + 1), QStringList(width, QString()));
    static const QRegularExpression breaks(QStringLiteral("[\\t\\r\\n]"));
    for (const QModelIndex &index : indexes) {
        QString text = index.data(Qt::DisplayRole).toString();
        text.replace(breaks, QStringLiteral(" "));
        rows[size_t(index.row() - top)][index.column() - left] = text;
    }
    QStringList lines;
    for (const QStringList &row : rows)
        lines << row.join(QLatin1Char('\t'));
    return lines.join(QLatin1Char('\n'));
}

} // namespace rov::core
