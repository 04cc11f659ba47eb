#include "sim/simresponsesformat.h"

#include "sim/simprotocol.h"
#include "sim/simwire.h"

#include <algorithm>

namespace tl::simresponses {

namespace {

using simwire::appendNamedEvent;
using simwire::fullText;

// "resp_<hex>" -> "msg_<hex>": the one output message of a response.
QByteArray messageId(const SimJob& job)
{
    return "msg_" + job.id.mid(5);
}

QByteArray usageJson(const SimJob& job)
{
    return R"({"input_tokens":)" + QByteArray::number(job.promptTokens) + R"(,"input_tokens_details":{"cached_tokens":)"
        + QByteArray::number(job.cachedTokens) + R"(},"output_tokens":)" + QByteArray::number(job.outputTokens)
        + R"(,"output_tokens_details":{"reasoning_tokens":0},"total_tokens":)"
        + QByteArray::number(job.promptTokens + job.outputTokens) + '}';
}

QByteArray outputMessage(const SimJob& job, bool done)
{
    QByteArray out = R"({"id":")" + messageId(job) + R"(","type":"message","status":")"
        + (done ? "completed" : "in_progress") + R"(","role":"assistant","content":[)";
    if (done)
        out += R"({"type":"output_text","text":")" + fullText(job) + R"(","annotations":[]})";
    out += "]}";
    return out;
}

} // namespace

QByteArray responseObject(const SimJob& job, bool done)
{
    QByteArray status = "in_progress";
    if (done)
        status = job.finishedByLength ? "incomplete" : "completed";
    QByteArray out = R"({"id":")" + job.id + R"(","object":"response","created_at":)" + QByteArray::number(job.created)
        + R"(,"model":)" + job.modelJson + R"(,"status":")" + status + R"(","error":null,"incomplete_details":)";
    out += done && job.finishedByLength ? QByteArrayView(R"({"reason":"max_output_tokens"})") : QByteArrayView("null");
    out += R"(,"output":[)";
    if (done)
        out += outputMessage(job, true);
    out += R"(],"usage":)";
    out += done ? usageJson(job) : QByteArray("null");
    out += '}';
    return out;
}

void appendEvents(const SimJob& job, int first, int last, QByteArrayView delta, bool chunked, QByteArray& out)
{
    const int perChunk = std::max(1, job.tokensPerChunk);
    const QByteArray item = messageId(job);
    const auto seq = [](int n) { return QByteArray::number(n); };
    if (first == 1) {
        const QByteArray opening = responseObject(job, false);
        appendNamedEvent(out, chunked, "response.created",
            {R"({"type":"response.created","sequence_number":0,"response":)", opening, "}"});
        appendNamedEvent(out, chunked, "response.in_progress",
            {R"({"type":"response.in_progress","sequence_number":1,"response":)", opening, "}"});
        appendNamedEvent(out, chunked, "response.output_item.added",
            {R"({"type":"response.output_item.added","sequence_number":2,"output_index":0,"item":)",
                outputMessage(job, false), "}"});
        appendNamedEvent(out, chunked, "response.content_part.added",
            {R"({"type":"response.content_part.added","sequence_number":3,"item_id":")", item,
                R"(","output_index":0,"content_index":0,"part":{"type":"output_text","text":"","annotations":[]}})"});
    }
    const int chunkIndex = (first - 1) / perChunk;
    appendNamedEvent(out, chunked, "response.output_text.delta",
        {R"({"type":"response.output_text.delta","sequence_number":)", seq(4 + chunkIndex), R"(,"item_id":")", item,
            R"(","output_index":0,"content_index":0,"delta":")", delta, R"(","logprobs":[]})"});
    if (last < job.outputTokens)
        return;
    int n = 4 + chunkIndex + 1;
    const QByteArray text = fullText(job);
    appendNamedEvent(out, chunked, "response.output_text.done",
        {R"({"type":"response.output_text.done","sequence_number":)", seq(n++), R"(,"item_id":")", item,
            R"(","output_index":0,"content_index":0,"text":")", text, R"(","logprobs":[]})"});
    appendNamedEvent(out, chunked, "response.content_part.done",
        {R"({"type":"response.content_part.done","sequence_number":)", seq(n++), R"(,"item_id":")", item,
            R"(","output_index":0,"content_index":0,"part":{"type":"output_text","text":")", text,
            R"(","annotations":[]}})"});
    appendNamedEvent(out, chunked, "response.output_item.done",
        {R"({"type":"response.output_item.done","sequence_number":)", seq(n++), R"(,"output_index":0,"item":)",
            outputMessage(job, true), "}"});
    appendNamedEvent(out, chunked, "response.completed",
        {R"({"type":"response.completed","sequence_number":)", seq(n), R"(,"response":)", responseObject(job, true),
            "}"});
    SimProtocol::appendEndOfBody(chunked, out);
}

} // namespace tl::simresponses
