#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <variant>
#include <vector>

// A multipart/related upload body as Cloud Storage takes it (uploadType=multipart): the object's
// metadata as JSON, then its bytes. Clients frame it in more ways than RFC 2046's letter: Google's
// Python clients send CRLF, gcloud's apitools sends bare LF and quotes the boundary with single
// quotes (boundary='===…=='), and a part may be base64. All of them are read; anything else is a
// reason in words, never an exception.
namespace rov::localplane::storage {

struct BodyPart
{
    QByteArray contentType; // of this part, lower-cased; empty when it has none
    QByteArray data;
};

// The value of `parameter` in a header value such as `multipart/related; boundary="x"`: quotes
// (double or single) taken off; nullopt when it is not there.
std::optional<QByteArray> headerParameter(const QByteArray &value, const QByteArray &parameter);

// The parts of `body` framed by the boundary that `contentType` names; why not, otherwise.
std::variant<std::vector<BodyPart>, QString> readMultipartBody(const QByteArray &contentType,
                                                               const QByteArray &body);

} // namespace rov::localplane::storage
