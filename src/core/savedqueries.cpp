#include "savedqueries.h"

#include <QSettings>
#include <algorithm>

namespace rov::core {

std::vector<SavedQuery> loadSavedQueries(const QString &settingsKey)
{
    QSettings settings;
    std::vector<SavedQuery> queries;
    const int count = settings.beginReadArray(settingsKey);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        SavedQuery saved{settings.value(QStringLiteral("name")).toString(),
                         settings.value(QStringLiteral("query")).toString()};
        if (!saved.name.isEmpty())
            queries.push_back(saved);
    }
    settings.endArray();
    return queries;
}

void storeSavedQueries(const QString &settingsKey, const std::vector<SavedQuery> &queries)
{
    QSettings settings;
    settings.remove(settingsKey);
    settings.beginWriteArray(settingsKey, int(queries.size()));
    for (int i = 0; i < int(queries.size()); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), queries[size_t(i)].name);
        settings.setValue(QStringLiteral("query"), queries[size_t(i)].query);
    }
    settings.endArray();
}

std::vector<SavedQuery> withSavedQuery(std::vector<SavedQuery> queries, SavedQuery query)
{
    query.name = query.name.trimmed();
    const auto same = std::find_if(queries.begin(), queries.end(),
                                   [&](const SavedQuery &q) { return q.name == query.name; });
    if (same != queries.end())
        *same = std::move(query);
    else
        queries.push_back(std::move(query));
    return queries;
}

} // namespace rov::core
