#pragma once

#include "localplane/server/requestlimits.h"

#include <QString>
#include <QStringList>
#include <chrono>
#include <variant>

class QCoreApplication;

namespace rov::localplane {

// What rovd is told on its command line, read and checked once, with every default in one
// place: the composition root (main) builds rovd's parts from this and from nothing else.
struct RovdConfig
{
    QString dataDir; // absolute
    QString host;
    int port = 8788; // 0: any free port
    QString rayVenv; // absolute
    QString rayProgram;
    // The packages of the Python environment rovd makes when it is missing (pip's requirements
    // file); empty: the packages pinned for this version (compiled in).
    QString pythonRequirements;
    bool prepareOnly = false; // --prepare-python: make the environment, then exit
    int maxNodes = 1;
    bool stopOnExit = false;
    QString tempRoot; // absolute
    std::chrono::seconds autoscaleIdle{60};
    std::chrono::seconds operationDeadline{0};
    QString prometheusProgram;
    int metricsRetentionDays = 15;
    int metricsRetentionMegabytes = 2048;
    QStringList alertRules; // absolute paths
    double costAlertUsdPerHour = 0;
    int logRetentionDays = 30;
    int logRetentionMegabytes = 2048;
    RequestLimits::Limits requestLimits{};
    int bigQueryReadPort = 0; // BigQuery's Storage Read API (gRPC) on 127.0.0.1; 0: a free one

    // A file or folder in the data directory.
    QString inData(const QString &name) const;

    // The command line read (--help and --version answer it and exit); a bad value: the reason.
    static std::variant<RovdConfig, QString> fromCommandLine(QCoreApplication &app);
};

} // namespace rov::localplane
