# Prompt datasets (docs/DATASETS.md): one source per EvalScope dataset mode, lazy file readers, hub downloads.
target_sources(throughline_core PRIVATE
    dataset/promptsource.h dataset/promptsource.cpp
)
