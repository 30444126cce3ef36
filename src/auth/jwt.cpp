#include "jwt.h"

#include "googleauthtext.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace rov::auth {

using nlohmann::json;
using rest::ApiError;

namespace {

struct KeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;

KeyPtr readPrivateKey(const QByteArray &pem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())),
                                                  &BIO_free);
    if (!bio)
        return nullptr;
    return KeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

QByteArray compactJson(const json &value)
{
    return QByteArray::fromStdString(value.dump());
}

} // namespace

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool isUsablePrivateKey(const QByteArray &pemPrivateKey)
{
    const KeyPtr key = readPrivateKey(pemPrivateKey);
    return key && EVP_PKEY_get_base_id(key.get()) == EVP_PKEY_RSA;
}

std::variant<QByteArray, ApiError> signRs256(const QByteArray &pemPrivateKey,
                                             const QByteArray &data)
{
    const KeyPtr key = readPrivateKey(pemPrivateKey);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return ApiError::invalidArgument(
            GoogleAuth::tr("The key file's private_key is not a PEM private key; the file may be "
                           "damaged"));
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
    size_t length = 0;
    const auto *bytes = reinterpret_cast<const unsigned char *>(data.constData());
    if (!context ||
        EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
        EVP_DigestSign(context.get(), nullptr, &length, bytes, size_t(data.size())) != 1)
        return ApiError::withStatus(QStringLiteral("INTERNAL"),
                                    QStringLiteral("OpenSSL could not sign with the key"));
    QByteArray signature(qsizetype(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       bytes, size_t(data.size())) != 1)
        return ApiError::withStatus(QStringLiteral("INTERNAL"),
                                    QStringLiteral("OpenSSL could not sign with the key"));
    signature.resize(qsizetype(length));
    return signature;
}

std::variant<QByteArray, ApiError>
serviceAccountAssertion(const ServiceAccountKey &key, const QString &scope,
                        std::chrono::system_clock::time_point issuedAt)
{
    json header = {{"alg", "RS256"}, {"typ", "JWT"}};
    if (!key.privateKeyId.isEmpty())
        header["kid"] = key.privateKeyId.toStdString();
    const auto iat =
        std::chrono::duration_cast<std::chrono::seconds>(issuedAt.time_since_epoch()).count();
    const json claims = {{"iss", key.clientEmail.toStdString()},
                         {"scope", scope.toStdString()},
                         {"aud", key.tokenUri.toString().toStdString()},
                         {"iat", iat},
                         {"exp", iat + 3600}};
    const QByteArray signingInput =
        base64Url(compactJson(header)) + '.' + base64Url(compactJson(claims));
    auto signature = signRs256(key.privateKey, signingInput);
    if (auto *error = std::get_if<ApiError>(&signature))
        return *error;
    return signingInput + '.' + base64Url(std::get<QByteArray>(signature));
}

json unverifiedClaims(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return json::object();
    const auto decoded = QByteArray::fromBase64Encoding(
        parts[1], QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!decoded)
        return json::object();
    json claims = json::parse(decoded.decoded.toStdString(), nullptr, false);
    return claims.is_object() ? claims : json::object();
}

} // namespace rov::auth
