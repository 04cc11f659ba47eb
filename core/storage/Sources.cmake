# Project-file sources added for schema migrations, import and export (included from core/CMakeLists.txt).
target_sources(throughline_core PRIVATE
    storage/projectmigrations.h storage/projectmigrations.cpp
    storage/rundata.h storage/rundata.cpp
    storage/pointresultjson.h storage/pointresultjson.cpp
    storage/runjson.h storage/runjson.cpp
    storage/evalscopeimporter.h storage/evalscopeimporter.cpp
    storage/vllmimporter.h storage/vllmimporter.cpp
    storage/runimporter.h storage/runimporter.cpp
    storage/csv.h storage/csv.cpp
    storage/csvexporter.h storage/csvexporter.cpp
    storage/evalscopeexporter.h storage/evalscopeexporter.cpp
    storage/evalscopedatadb.h storage/evalscopedatadb.cpp
    storage/svgchart.h storage/svgchart.cpp
    storage/htmlreport.h storage/htmlreport.cpp
    storage/comparisonreport.h storage/comparisonreport.cpp
)
# The request insert, a run's hot path, uses SQLite's C API on the Qt driver's connection: the same system
# libsqlite3 that Qt's QSQLITE plugin loads on Debian (libsqlite3-dev for the header).
find_package(SQLite3 REQUIRED)
target_link_libraries(throughline_core PRIVATE SQLite::SQLite3)
