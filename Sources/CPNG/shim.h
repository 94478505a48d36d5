#ifndef AUGMENT_CPNG_SHIM_H
#define AUGMENT_CPNG_SHIM_H
#include <png.h>
#endif
