#include "predictionimage.h"

#include <QRegularExpression>

namespace rov::api::vertex {

QString PredictionImage::uri(const QString &location) const
{
    QString region = location.section(QLatin1Char('-'), 0, 0);
    if (region != QLatin1String("europe") && region != QLatin1String("asia"))
        region = QStringLiteral("us");
    QString tag = version;
    tag.replace(QLatin1Char('.'), QLatin1Char('-'));
    return QStringLiteral("%1-docker.pkg.dev/vertex-ai/prediction/%2-%3.%4:latest")
        .arg(region, framework, gpu ? QStringLiteral("gpu") : QStringLiteral("cpu"), tag);
}

QStringList PredictionImage::artifactFiles() const
{
    if (framework == QLatin1String("sklearn"))
        return {QStringLiteral("model.joblib"), QStringLiteral("model.pkl")};
    if (framework == QLatin1String("xgboost"))
        return {QStringLiteral("model.bst"), QStringLiteral("model.json"),
                QStringLiteral("model.joblib"), QStringLiteral("model.pkl")};
    if (framework == QLatin1String("tf2") || framework == QLatin1String("tf"))
        return {QStringLiteral("saved_model.pb"), QStringLiteral("saved_model.pbtxt")};
    if (framework == QLatin1String("pytorch"))
        return {QStringLiteral("model.mar")};
    return {};
}

bool PredictionImage::runsLocally() const
{
    return !gpu && (framework == QLatin1String("sklearn") || framework == QLatin1String("xgboost"));
}

std::optional<PredictionImage> parsePredictionImage(const QString &uri)
{
    static const QRegularExpression image(
        QStringLiteral("^(?:us|europe|asia)-docker\\.pkg\\.dev/vertex-ai/prediction/"
                       "([a-z0-9]+)-(cpu|gpu)\\.(\\d+)-(\\d+)(?::latest)?$"));
    const auto match = image.match(uri.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    return PredictionImage{match.captured(1),
                           match.captured(3) + QLatin1Char('.') + match.captured(4),
                           match.captured(2) == QLatin1String("gpu")};
}

QString artifactFileIn(const PredictionImage &image, const QStringList &files)
{
    for (const QString &wanted : image.artifactFiles())
        if (files.contains(wanted))
            return wanted;
    return {};
}

} // namespace rov::api::vertex
