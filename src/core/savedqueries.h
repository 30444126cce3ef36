#pragma once

#include <QString>
#include <vector>

namespace rov::core {

// A query a person named and kept (the Logs page's filters, the Data page's SQL), per profile,
// in QSettings under a key of settingskeys.h.
struct SavedQuery
{
    QString name;
    QString query;
};

std::vector<SavedQuery> loadSavedQueries(const QString &settingsKey);
void storeSavedQueries(const QString &settingsKey, const std::vector<SavedQuery> &queries);
// `queries` with `query` added, or in place of the one of the same name (names are trimmed).
std::vector<SavedQuery> withSavedQuery(std::vector<SavedQuery> queries, SavedQuery query);

} // namespace rov::core
