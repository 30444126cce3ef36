#pragma once

#include <QByteArray>
#include <QString>

namespace rov::core {

// Secrets (pasted access tokens) outside the plain settings: one JSON file readable by the user
// alone (mode 0600). This machine has no desktop keyring; a keyring backend would sit behind the
// same two calls.
class SecretStore
{
public:
    explicit SecretStore(QString path = defaultPath());

    QByteArray get(const QString &key) const;
    // False when the file cannot be written (the reason in `error`).
    bool set(const QString &key, const QByteArray &value, QString *error = nullptr);
    QString path() const { return m_path; }
    static QString defaultPath();

private:
    QString m_path;
};

} // namespace rov::core
