#pragma once

#include <QString>
#include <QStringList>
#include <optional>

// Google's prebuilt prediction images, the one fact that rovd (which runs the ones this computer
// can) and the console (which picks one from the framework) share. The URIs follow
// constants/prediction.py of google-cloud-aiplatform:
// {us|europe|asia}-docker.pkg.dev/vertex-ai/prediction/{framework}-{cpu|gpu}.{M-m}:latest.
namespace rov::api::vertex {

struct PredictionImage
{
    QString framework; // "sklearn", "xgboost", "tf2", "pytorch"
    QString version;   // "1.5": major.minor
    bool gpu = false;

    // The image's URI for a model in `location` ("us-central1" → us-docker.pkg.dev).
    QString uri(const QString &location) const;
    // The files an artifact folder must hold, any one of them, in the order the image loads
    // them (sklearn: model.joblib, then model.pkl; xgboost: model.bst, model.json, model.pkl).
    QStringList artifactFiles() const;
    // Whether rovd can serve it on this computer (scikit-learn and XGBoost on CPUs).
    bool runsLocally() const;
};

// The image a URI names, or nothing when it is not one of Google's prebuilt prediction images.
std::optional<PredictionImage> parsePredictionImage(const QString &uri);

// Which of `files` (names in the artifact folder) the image would load; empty when none.
QString artifactFileIn(const PredictionImage &image, const QStringList &files);

} // namespace rov::api::vertex
