#include "bigquerydiscovery.h"

#include <map>
#include <set>

namespace rov::localplane::bigquery {

using json = nlohmann::json;

namespace {

constexpr std::string_view kApiPrefix = "/bigquery/v2/";
constexpr const char *kScopeBigQuery = "https://www.googleapis.com/auth/bigquery";
constexpr const char *kScopeCloud = "https://www.googleapis.com/auth/cloud-platform";

// The OpenAPI document names path segments as rovd's routes do; BigQuery's clients pass them
// by the names of Google's document.
std::string discoveryName(const std::string &name)
{
    static const std::map<std::string, std::string> kNames = {
        {"project", "projectId"}, {"dataset", "datasetId"}, {"table", "tableId"}, {"job", "jobId"}};
    const auto found = kNames.find(name);
    return found == kNames.end() ? name : found->second;
}

// "/bigquery/v2/projects/{project}/datasets" -> "projects/{projectId}/datasets" (relative to
// servicePath), or with `keepPrefix` the absolute path an upload takes.
std::string discoveryPath(const std::string &path, bool keepPrefix)
{
    std::string out;
    std::size_t at = 0;
    while (at < path.size()) {
        const std::size_t open = path.find('{', at);
        if (open == std::string::npos) {
            out += path.substr(at);
            break;
        }
        const std::size_t close = path.find('}', open);
        if (close == std::string::npos) {
            out += path.substr(at);
            break;
        }
        out += path.substr(at, open - at);
        out += '{' + discoveryName(path.substr(open + 1, close - open - 1)) + '}';
        at = close + 1;
    }
    if (!keepPrefix && out.rfind(kApiPrefix, 0) == 0)
        out.erase(0, kApiPrefix.size());
    return out;
}

// An OpenAPI parameter as discovery describes it: its type (repeated for an array), where it
// goes, whether it is required.
json discoveryParameter(const json &parameter)
{
    const json schema = parameter.value("schema", json::object());
    const bool repeated = schema.value("type", "") == "array";
    const json &item = repeated ? schema.value("items", json::object()) : schema;
    json out = {{"type", item.value("type", "string")},
                {"location", parameter.value("in", "query")}};
    if (item.contains("format"))
        out["format"] = item["format"];
    if (repeated)
        out["repeated"] = true;
    if (parameter.value("required", false))
        out["required"] = true;
    if (parameter.contains("description"))
        out["description"] = parameter["description"];
    return out;
}

json methodFrom(const std::string &path, const std::string &httpMethod, const json &pathItem,
                const json &operation, const json &extension)
{
    json parameters = json::object();
    json order = json::array();
    json all = pathItem.value("parameters", json::array());
    for (const json &parameter : operation.value("parameters", json::array()))
        all.push_back(parameter);
    for (const json &parameter : all) {
        const std::string name = discoveryName(parameter.value("name", ""));
        parameters[name] = discoveryParameter(parameter);
        if (parameter.value("in", "") == "path")
            order.push_back(name);
    }
    const std::string relative = discoveryPath(path, false);
    json method = {{"id", extension.value("method", "")},
                   {"path", relative},
                   {"flatPath", relative},
                   {"httpMethod", httpMethod},
                   {"description", operation.value("description", "")},
                   {"parameters", std::move(parameters)},
                   {"parameterOrder", std::move(order)},
                   {"scopes", json::array({kScopeBigQuery, kScopeCloud})}};
    if (extension.contains("request"))
        method["request"] = {{"$ref", extension["request"]}};
    if (extension.contains("response"))
        method["response"] = {{"$ref", extension["response"]}};
    return method;
}

// The query parameters every Google API takes (discovery lists them once, at the top).
json standardParameters()
{
    const auto query = [](const char *type, const char *description) {
        return json{{"type", type}, {"location", "query"}, {"description", description}};
    };
    json alt = query("string", "Data format for the response.");
    alt["default"] = "json";
    alt["enum"] = json::array({"json"});
    json prettyPrint = query("boolean", "Returns the response with indentations and line breaks.");
    prettyPrint["default"] = "true";
    return {{"alt", std::move(alt)},
            {"fields", query("string", "Selector specifying which fields to include.")},
            {"key", query("string", "API key (rovd ignores it: its tokens authorize).")},
            {"oauth_token", query("string", "OAuth 2.0 token for the current user.")},
            {"prettyPrint", std::move(prettyPrint)},
            {"quotaUser", query("string", "Ignored by rovd.")},
            {"userIp", query("string", "Ignored by rovd.")}};
}

} // namespace

json discoveryDocument(const json &openApi, const std::string &rootUrl)
{
    json resources = json::object();
    std::set<std::string> schemas;
    std::map<std::string, std::string> uploads; // method id -> upload path
    const json paths = openApi.value("paths", json::object());
    for (const auto &[path, item] : paths.items()) {
        if (!item.is_object())
            continue;
        for (const auto &[httpMethod, operation] : item.items()) {
            if (!operation.is_object() || !operation.contains("x-discovery"))
                continue;
            const json &extension = operation["x-discovery"];
            if (extension.contains("mediaUploadOf")) {
                uploads[extension["mediaUploadOf"].get<std::string>()] = discoveryPath(path, true);
                continue;
            }
            const std::string id = extension.value("method", "");
            // bigquery.<resource>.<method>
            const std::size_t first = id.find('.');
            const std::size_t last = id.rfind('.');
            if (first == std::string::npos || last == first)
                continue;
            std::string upper = httpMethod;
            for (char &c : upper)
                c = char(std::toupper(static_cast<unsigned char>(c)));
            resources[id.substr(first + 1, last - first - 1)]["methods"][id.substr(last + 1)] =
                methodFrom(path, upper, item, operation, extension);
            for (const char *key : {"request", "response"}) {
                if (extension.contains(key))
                    schemas.insert(extension[key].get<std::string>());
            }
        }
    }
    for (const auto &[id, uploadPath] : uploads) {
        const std::size_t first = id.find('.');
        const std::size_t last = id.rfind('.');
        if (first == std::string::npos || last == first)
            continue;
        const std::string resource = id.substr(first + 1, last - first - 1);
        const std::string name = id.substr(last + 1);
        if (!resources.contains(resource) || !resources[resource]["methods"].contains(name))
            continue;
        json &method = resources[resource]["methods"][name];
        method["supportsMediaUpload"] = true;
        // rovd takes both kinds of upload at the one path (uploadType says which).
        const json protocol = {{"multipart", true}, {"path", uploadPath}};
        method["mediaUpload"] = {{"accept", json::array({"*/*"})},
                                 {"protocols", {{"simple", protocol}, {"resumable", protocol}}}};
    }
    json schemaObjects = json::object();
    for (const std::string &name : schemas)
        schemaObjects[name] = {{"id", name}, {"type", "object"}};
    return {
        {"kind", "discovery#restDescription"},
        {"discoveryVersion", "v1"},
        {"id", "bigquery:v2"},
        {"name", "bigquery"},
        {"version", "v2"},
        {"revision", openApi.value("info", json::object()).value("version", "")},
        {"title", "BigQuery API"},
        {"description",
         "BigQuery's REST API v2 as rovd serves it (DuckDB behind it): the methods below only."},
        {"protocol", "rest"},
        {"rootUrl", rootUrl},
        {"servicePath", "bigquery/v2/"},
        {"baseUrl", rootUrl + "bigquery/v2/"},
        {"basePath", "/bigquery/v2/"},
        {"batchPath", "batch/bigquery/v2"},
        {"parameters", standardParameters()},
        {"auth",
         {{"oauth2",
           {{"scopes",
             {{kScopeBigQuery, {{"description", "View and manage your data in BigQuery"}}},
              {kScopeCloud, {{"description", "See, edit, configure and delete your data"}}}}}}}}},
        {"schemas", std::move(schemaObjects)},
        {"resources", std::move(resources)}};
}

} // namespace rov::localplane::bigquery
