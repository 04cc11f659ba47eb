# Project-wide compile settings, applied per target through throughline_configure_target().
add_library(throughline_options INTERFACE)
target_compile_options(throughline_options INTERFACE -Wall -Wextra -pedantic -Wno-missing-field-initializers)
target_compile_definitions(throughline_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER
    THROUGHLINE_VERSION="${PROJECT_VERSION}")
if(THROUGHLINE_FUZZ)
    # Coverage for libFuzzer in every target (the fuzz targets add -fsanitize=fuzzer at their link), plus ASan and
    # UBSan so that a fault stops the fuzzer where it happens.
    target_compile_options(throughline_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined
        -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(throughline_options INTERFACE -fsanitize=address,undefined)
endif()
if(THROUGHLINE_SANITIZE)
    target_compile_options(throughline_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_link_options(throughline_options INTERFACE -fsanitize=address,undefined)
endif()
