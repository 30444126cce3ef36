#pragma once

#include <QByteArray>
#include <QString>
#include <sqlite3.h>

namespace rov::localplane {

// One prepared SQLite statement, finalized with its scope: what rovd's state store and its log
// store bind and read. valid() is false when the SQL did not prepare.
class SqlStatement
{
public:
    SqlStatement(sqlite3 *db, const char *sql)
    {
        sqlite3_prepare_v2(db, sql, -1, &m_handle, nullptr);
    }
    SqlStatement(sqlite3 *db, const QString &sql)
    {
        const QByteArray utf8 = sql.toUtf8();
        sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_handle, nullptr);
    }
    ~SqlStatement() { sqlite3_finalize(m_handle); }
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    bool valid() const { return m_handle != nullptr; }
    sqlite3_stmt *handle() const { return m_handle; }

    void bind(int index, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_handle, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    void bind(int index, const char *text)
    {
        sqlite3_bind_text(m_handle, index, text, -1, SQLITE_STATIC);
    }
    void bind(int index, qint64 value) { sqlite3_bind_int64(m_handle, index, value); }
    void bind(int index, const QByteArray &blob)
    {
        sqlite3_bind_blob(m_handle, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    }
    // Text that must stay alive until the statement runs (no copy).
    void bindView(int index, const QByteArray &utf8)
    {
        sqlite3_bind_text(m_handle, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    }
    void bindOrNull(int index, const QString &text)
    {
        if (text.isEmpty())
            sqlite3_bind_null(m_handle, index);
        else
            bind(index, text);
    }

    QString text(int column) const
    {
        return QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(m_handle, column)),
            sqlite3_column_bytes(m_handle, column));
    }
    qint64 number(int column) const { return sqlite3_column_int64(m_handle, column); }
    QByteArray blob(int column) const
    {
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(m_handle, column)),
                          sqlite3_column_bytes(m_handle, column));
    }
    bool isNull(int column) const { return sqlite3_column_type(m_handle, column) == SQLITE_NULL; }

    int step() { return sqlite3_step(m_handle); }
    // Steps once and resets for the next binding: true when it ran to the end.
    bool run()
    {
        const int result = sqlite3_step(m_handle);
        sqlite3_reset(m_handle);
        return result == SQLITE_DONE;
    }

private:
    sqlite3_stmt *m_handle = nullptr;
};

} // namespace rov::localplane
