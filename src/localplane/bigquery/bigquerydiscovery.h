#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace rov::localplane::bigquery {

// BigQuery's discovery document (/$discovery/rest?version=v2), made from rovd's OpenAPI
// document so that it names exactly the methods rovd serves. The `bq` command-line tool and
// other discovery-based clients build their calls from it: `bq --api <rovd>` fetches it first.
// Each BigQuery operation of the OpenAPI document carries `x-discovery`: the method's id
// (bigquery.<resource>.<method>) and its request and response schemas; the upload route names
// the method whose media it takes (`mediaUploadOf`). rootUrl ends with '/'.
nlohmann::json discoveryDocument(const nlohmann::json &openApi, const std::string &rootUrl);

} // namespace rov::localplane::bigquery
