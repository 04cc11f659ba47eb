#include "net/transport.h"
#include "sim/simconfig.h"
