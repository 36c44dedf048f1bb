// Debian's libxxhash-dev header, seen by Swift as a module: XXH3 (64-bit), one-shot and streaming.
#include <xxhash.h>
