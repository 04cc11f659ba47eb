# The emulated OpenAI-compatible model server (throughline-sim and the in-process demo server).
# Included from core/CMakeLists.txt; paths are relative to core/.
target_sources(throughline_sim PRIVATE
    sim/simconfig.h sim/simconfig.cpp
    sim/simfault.h sim/simfault.cpp
    sim/simpreset.h sim/simpreset.cpp sim/simpresetdata.h
    sim/simtrace.h
    sim/simtracefile.h sim/simtracefile.cpp
    sim/simhttprequest.h
    sim/simhttpparser.h sim/simhttpparser.cpp
    sim/simdeadlinequeue.h
    sim/simjob.h
    sim/simprotocol.h sim/simprotocol.cpp
    sim/simwire.h sim/simwire.cpp
    sim/simjobparser.cpp
    sim/simcompletionformat.cpp
    sim/simresponsesformat.h sim/simresponsesformat.cpp
    sim/simembeddings.cpp
    sim/simrerank.cpp
    sim/simerrorbody.cpp
    sim/simhttpresponse.cpp
    sim/simconnection.h
    sim/simarrival.h sim/simarrival.cpp
    sim/simengine.h sim/simengine.cpp
    sim/simacceptor.h sim/simacceptor.cpp
    sim/simworker.h sim/simworker.cpp
    sim/simserver.h sim/simserver.cpp
    sim/simcommandline.h sim/simcommandline.cpp
)
