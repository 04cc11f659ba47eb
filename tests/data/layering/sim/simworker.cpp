#include "net/socketpoller.h"
#include "net/leantransport.h"
#include "engine/worker.h"
