// cmocka for C++ tests: its header has no C++ linkage guards of its own.
#pragma once

#include <csetjmp>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstring>
// cmocka.h defines fail() as a macro, which breaks std::basic_ios::fail in any
// stream header included after it: they are parsed here first.
#include <fstream>
#include <sstream>
#include <string>

extern "C" {
#include <cmocka.h>
}
