// asim's ownership of namespace `test` (asim-ownership) copied into the
// board, where workers compare their routing with it.
#pragma once

#include "board.h"

#include <cstdint>
#include <string>

namespace chaos {

// Asks the node on `port` and publishes the answer under `generation`.
// False (with the reason) when the answer is not 4096 well-formed entries.
bool publish_expectation(uint16_t port, uint32_t generation, Expectation& e, std::string& why);

}  // namespace chaos
