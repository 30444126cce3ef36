#include "credentialsprovider.h"

namespace rov::rest {

CredentialsProvider::~CredentialsProvider() = default;

} // namespace rov::rest
