# Hugging Face tokenizers (tokenizer.json) and chat templates (docs/TOKENIZER.md).
# Included from core/CMakeLists.txt; paths are relative to core/.
target_sources(throughline_base PRIVATE
    tokenizer/tokenizer.h tokenizer/tokenizer.cpp
    tokenizer/unicodeutil.h tokenizer/unicodeutil.cpp
    tokenizer/addedtokens.h tokenizer/addedtokens.cpp
    tokenizer/textnormalizer.h tokenizer/textnormalizer.cpp
    tokenizer/pretokenizer.h tokenizer/pretokenizer.cpp
    tokenizer/bpewordcache.h tokenizer/bpewordcache.cpp
    tokenizer/tokenmodel.h
    tokenizer/vocabjson.h
    tokenizer/bpemodel.h tokenizer/bpemodel.cpp
    tokenizer/wordpiecemodel.h tokenizer/wordpiecemodel.cpp
    tokenizer/unigrammodel.h tokenizer/unigrammodel.cpp
    tokenizer/tokendecoder.h tokenizer/tokendecoder.cpp
    tokenizer/chattemplate.h tokenizer/chattemplate.cpp
    tokenizer/jinjaast.h
    tokenizer/jinjaparser.h tokenizer/jinjaparser.cpp
    tokenizer/jinjavalue.h tokenizer/jinjavalue.cpp
    tokenizer/jinjastrings.h tokenizer/jinjastrings.cpp
    tokenizer/jinjarenderer.h tokenizer/jinjarenderer.cpp
    tokenizer/jinjacalls.cpp
    tokenizer/jinjafilters.cpp
    tokenizer/jinjatemplate.h tokenizer/jinjatemplate.cpp
)
