# The emulated OpenAI-compatible model server (throughline-sim and the in-process demo server).
# Included from core/CMakeLists.txt; paths are relative to core/.
target_sources(throughline_core PRIVATE
    sim/simconfig.h
    sim/simhttprequest.h
    sim/simhttpparser.h sim/simhttpparser.cpp
    sim/simdeadlinequeue.h
    sim/simjob.h
    sim/simprotocol.h sim/simprotocol.cpp
    sim/simconnection.h
    sim/simacceptor.h sim/simacceptor.cpp
    sim/simworker.h sim/simworker.cpp
    sim/simserver.h sim/simserver.cpp
)
