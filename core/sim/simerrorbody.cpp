// SimProtocol's error answers: the OpenAI/vLLM error object, alone (a 4xx/5xx body) or inside an
// `{"error":…}` event of a stream that failed after its 200 status.

#include "sim/simprotocol.h"

#include "sim/simwire.h"

#include <nlohmann/json.hpp>

namespace tl {

namespace {

QByteArrayView errorType(int status)
{
    switch (status) {
    case 400:
        return "BadRequestError";
    case 401:
        return "AuthenticationError";
    case 404:
        return "NotFoundError";
    case 405:
        return "MethodNotAllowedError";
    case 411:
        return "LengthRequiredError";
    case 413:
        return "RequestTooLargeError";
    case 429:
        return "RateLimitError";
    case 431:
        return "RequestHeaderFieldsTooLargeError";
    case 503:
        return "ServiceUnavailableError";
    case 505:
        return "HTTPVersionNotSupportedError";
    default:
        return status >= 500 ? "InternalServerError" : "BadRequestError";
    }
}

} // namespace

QByteArray SimProtocol::errorBody(int status, QByteArrayView message)
{
    nlohmann::ordered_json error;
    error["object"] = "error";
    error["message"] = message.toByteArray().toStdString();
    error["type"] = errorType(status).toByteArray().toStdString();
    error["param"] = nullptr;
    error["code"] = status;
    return QByteArray::fromStdString(error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

QByteArray SimProtocol::errorEventBody(int status, QByteArrayView message)
{
    return R"({"error":)" + errorBody(status, message) + '}';
}

void SimProtocol::appendErrorEvent(int status, QByteArrayView message, bool chunked, QByteArray& out)
{
    simwire::appendEvent(out, chunked, {errorEventBody(status, message)});
    simwire::appendEvent(out, chunked, {"[DONE]"});
    appendEndOfBody(chunked, out);
}

} // namespace tl
