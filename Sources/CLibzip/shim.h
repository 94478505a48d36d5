#ifndef NNKIT_CLIBZIP_SHIM_H
#define NNKIT_CLIBZIP_SHIM_H
#include <zip.h>
#endif
