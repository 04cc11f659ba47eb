#pragma once

#include "sim/simjob.h"

#include <QByteArray>
#include <QByteArrayView>

namespace tl::simresponses {

// The OpenAI Responses API answers of a SimJob of kind Responses, for SimProtocol. Internal to core/sim.

// The response object: in progress (no output, no usage) or final.
QByteArray responseObject(const SimJob& job, bool done);

// The events for tokens first..last (text `delta`): the opening events before token 1, one
// response.output_text.delta per chunk, and the closing events and end of body after the last token.
void appendEvents(const SimJob& job, int first, int last, QByteArrayView delta, bool chunked, QByteArray& out);

} // namespace tl::simresponses
