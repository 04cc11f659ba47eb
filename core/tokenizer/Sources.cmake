# Hugging Face tokenizers (tokenizer.json) and chat templates (docs/TOKENIZER.md).
# Included from core/CMakeLists.txt; paths are relative to core/.
target_sources(throughline_core PRIVATE
    tokenizer/tokenizer.h
    tokenizer/chattemplate.h
)
