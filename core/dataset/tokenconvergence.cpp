#include "dataset/tokenconvergence.h"

#include "tokenizer/tokenizer.h"

namespace tl {

ConvergedText convergeToLength(const Tokenizer& tokenizer, std::vector<int32_t> ids, qsizetype target,
                               const std::function<int32_t()>& filler, int maxRetries)
{
    ConvergedText out;
    const auto want = static_cast<size_t>(std::max<qsizetype>(0, target));
    for (int round = 0; round <= maxRetries; ++round) {
        out.text = tokenizer.decode(ids, false);
        std::vector<int32_t> again = tokenizer.encode(out.text, false);
        out.tokens = static_cast<qsizetype>(again.size());
        if (again.size() == want || round == maxRetries)
            break;
        if (again.size() > want) {
            again.resize(want);
        } else {
            while (again.size() < want)
                again.push_back(filler());
        }
        ids = std::move(again);
    }
    return out;
}

} // namespace tl
