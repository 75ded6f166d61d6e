// The same header set as include_all.c, compiled as C++17.
#define aeroshim_include_all_marker aeroshim_include_all_marker_cxx
#include "include_all.c"
