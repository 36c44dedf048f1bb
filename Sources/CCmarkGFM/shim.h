// Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev headers, seen by Swift as one module.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
