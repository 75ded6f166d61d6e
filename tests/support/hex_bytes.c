#include "hex_bytes.h"

#include <stdlib.h>

uint32_t hex_bytes(const char* hex, uint8_t* out)
{
	uint32_t n = 0;
	while (hex[0] && hex[1]) {
		if (hex[0] == ' ') {
			hex++;
			continue;
		}
		char pair[3] = {hex[0], hex[1], 0};
		out[n++] = (uint8_t)strtoul(pair, NULL, 16);
		hex += 2;
	}
	return n;
}
