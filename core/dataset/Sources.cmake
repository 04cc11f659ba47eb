# Prompt datasets (docs/DATASETS.md): one source per EvalScope dataset mode, lazy file readers, hub downloads.
# Included from core/CMakeLists.txt; paths are relative to core/.
target_sources(throughline_core PRIVATE
    dataset/promptsource.h dataset/promptsource.cpp
    dataset/datasetoptions.h dataset/datasetoptions.cpp
    dataset/listpromptsource.h dataset/listpromptsource.cpp
    dataset/recordreader.h dataset/recordreader.cpp
    dataset/recordparser.h dataset/recordparsers.cpp
    dataset/promptshaper.h dataset/promptshaper.cpp
    dataset/tokenconvergence.h dataset/tokenconvergence.cpp
    dataset/filepromptsource.h dataset/filepromptsource.cpp
    dataset/randompromptsource.h dataset/randompromptsource.cpp
    dataset/imagesynth.h dataset/imagesynth.cpp
    dataset/imagepromptsource.h dataset/imagepromptsource.cpp
    dataset/conversationsource.h dataset/conversationsource.cpp
    dataset/tracesource.h dataset/tracesource.cpp
    dataset/trieworkload.h dataset/trieworkload.cpp
    dataset/swesmithbuilder.h dataset/swesmithbuilder.cpp
    dataset/parquetcodec.h dataset/parquetcodec.cpp dataset/parquetreader.h dataset/parquetreader.cpp
    dataset/parquetthrift.h
    dataset/hubdataset.h dataset/hubdataset.cpp
    dataset/hublisting.h dataset/hublisting.cpp dataset/hubresolver.h dataset/hubresolver.cpp
    dataset/datasetdownloader.h dataset/datasetdownloader.cpp
    dataset/promptpreview.h dataset/promptpreview.cpp
)
