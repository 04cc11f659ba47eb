#include "storage/projectstore.h"
