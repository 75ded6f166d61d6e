// The layout guard again, compiled as C++17: the headers must mean the same in both languages.
#include "layout_check.c"
