// SimProtocol's generation answers: the SSE chunks of a streamed chat/completions answer (with its fault
// variants) and the whole JSON body of a non-streamed one. Responses API jobs are handed to simresponses.

#include "sim/simprotocol.h"

#include "sim/simresponsesformat.h"
#include "sim/simwire.h"

namespace tl {

namespace {

using simwire::appendEvent;

// vLLM's UsageInfo in its field order. `completionTokens` so far; the final usage (withDetails) adds the cached
// prompt tokens, as vLLM's final usage chunk does and its per-chunk (continuous) usage does not.
QByteArray usageJson(const SimJob& job, int completionTokens, bool withDetails)
{
    QByteArray out = R"({"prompt_tokens":)" + QByteArray::number(job.promptTokens) + R"(,"total_tokens":)"
        + QByteArray::number(job.promptTokens + completionTokens) + R"(,"completion_tokens":)"
        + QByteArray::number(completionTokens);
    if (withDetails && job.reportCached)
        out += R"(,"prompt_tokens_details":{"cached_tokens":)" + QByteArray::number(job.cachedTokens) + '}';
    out += '}';
    return out;
}

QByteArray usageJson(const SimJob& job)
{
    return usageJson(job, job.outputTokens, true);
}

// How a choice chunk ends: `]}`, or with continuous usage stats `],"usage":{…}}` carrying the tokens so far.
QByteArray chunkEnd(const SimJob& job, int tokensSoFar)
{
    if (!job.continuousUsage)
        return QByteArrayLiteral("]}");
    return R"(],"usage":)" + usageJson(job, tokensSoFar, false) + '}';
}

QByteArrayView finishReason(const SimJob& job)
{
    return job.finishedByLength ? QByteArrayView(R"("length")") : QByteArrayView(R"("stop")");
}

} // namespace

void SimProtocol::appendStreamEvents(const SimJob& job, int k, bool chunked, QByteArray& out)
{
    appendStreamEvents(job, k, k, chunked, out);
}

void SimProtocol::appendStreamEvents(const SimJob& job, int first, int last, bool chunked, QByteArray& out)
{
    const int k = last;
    const bool isLast = k >= job.outputTokens;
    // Room for up to three events (role, token, usage) plus framing, so the appends below never reallocate.
    out.reserve(out.size() + 3 * job.prefix.size() + 512 + qsizetype{16} * (k - first));
    const QByteArrayView reason = isLast ? finishReason(job) : QByteArrayView("null");
    QByteArray words;
    QByteArrayView word = tokenText(k);
    if (first < k) {
        for (int i = first; i <= k; ++i)
            words += tokenText(i);
        word = words;
    }
    if (job.kind == SimJob::Kind::Responses) {
        simresponses::appendEvents(job, first, k, word, chunked, out);
        return;
    }
    if (job.kind == SimJob::Kind::Chat) {
        if (first == 1) {
            appendEvent(out, chunked,
                {job.prefix,
                    R"([{"index":0,"delta":{"role":"assistant","content":""},)"
                    R"("logprobs":null,"finish_reason":null})",
                    chunkEnd(job, 0)});
        }
        appendEvent(out, chunked,
            {job.prefix, R"([{"index":0,"delta":{"content":")", word, R"("},"logprobs":null,"finish_reason":)", reason,
                "}", chunkEnd(job, k)});
    } else {
        appendEvent(out, chunked,
            {job.prefix, R"([{"index":0,"text":")", word, R"(","logprobs":null,"finish_reason":)", reason, "}",
                chunkEnd(job, k)});
    }
    if (!isLast)
        return;
    if (job.includeUsage)
        appendEvent(out, chunked, {job.prefix, R"([],"usage":)", usageJson(job), "}"});
    appendEvent(out, chunked, {"[DONE]"});
    appendEndOfBody(chunked, out);
}

void SimProtocol::appendMalformedEvent(const SimJob& job, bool chunked, QByteArray& out)
{
    // A token event cut off inside its string: not JSON, though framed correctly.
    appendEvent(out, chunked, {job.prefix, R"([{"index":0,"delta":{"content":" trunc)"});
}

void SimProtocol::appendEndOfBody(bool chunked, QByteArray& out)
{
    if (chunked)
        out += "0\r\n\r\n";
}

QByteArray SimProtocol::completeBody(const SimJob& job)
{
    if (job.kind == SimJob::Kind::Responses)
        return simresponses::responseObject(job, true);
    QByteArray out = job.prefix;
    if (job.kind == SimJob::Kind::Chat)
        out += R"([{"index":0,"message":{"role":"assistant","content":")";
    else
        out += R"([{"index":0,"text":")";
    out += simwire::fullText(job);
    out += job.kind == SimJob::Kind::Chat ? R"("})" : R"(")";
    out += R"(,"logprobs":null,"finish_reason":)";
    out += finishReason(job);
    out += R"(}],"usage":)";
    out += usageJson(job);
    out += '}';
    return out;
}

} // namespace tl
