#include "engine/requestrecord.h"
