#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace rov::localplane {

// Ray processes that belong to no cluster rovd knows: left behind when rovd was killed between
// starting a node and writing down its pid, or while a deleted cluster's nodes were stopping.
// rovd's Ray processes all carry a path below its temp root in their command lines, and the
// directory right below the root names the cluster.
struct StrayProcesses
{
    // Kills every such process that is not in one of `keepGroups` (the process groups of the
    // nodes rovd adopted). Only Ray's processes are touched: their command lines also name the
    // Python environment Ray runs from (`rayRoot`); a shell reading a log there is left alone.
    // Returns how many it killed.
    static int kill(const QString &tempRoot, const QString &rayRoot,
                    const QSet<qint64> &keepGroups);
    // Removes the directories below `root` that no cluster uses (`keep` holds their paths).
    // Does nothing for an empty root. Returns the ones it removed.
    static QStringList removeDirectories(const QString &root, const QSet<QString> &keep);
    // Pids of processes whose command line contains `text` (and `alsoText`, when given).
    static QList<qint64> mentioning(const QString &text, const QString &alsoText = {});
};

} // namespace rov::localplane
