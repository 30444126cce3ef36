#pragma once

#include "api/ray/jobdetails.h"

#include <QCoreApplication>
#include <optional>

namespace rov::core {

// What the Submit dialog's fields hold, as text, turned into a submission with checks.
struct JobForm
{
    Q_DECLARE_TR_FUNCTIONS(rov::core::JobForm)
public:
    QString entrypoint;
    QString submissionId;
    QString name;
    QString envText;       // KEY=value, one per line
    QString metadataText;  // key=value, one per line
    QString resourcesText; // name=amount, separated by commas or lines
    double cpus = 0;
    double gpus = 0;
    qint64 memoryMiB = 0;

    // The submission (without a working directory), or nullopt with the first problem in words.
    std::optional<api::ray::JobSubmission> toSubmission(QString *problem) const;
};

} // namespace rov::core
