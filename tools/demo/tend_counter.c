/*
 * tend_counter: how many info requests the simulated cluster has answered so
 * far, summed over every node: the cost of tending that the cluster sees.
 * Asks asim's `asim-stats` control (tools/asim/README.md), which asim does
 * not count itself, over one plain info-protocol exchange.
 *
 * usage: tend_counter PORT       prints the total and exits 0; 1 on failure
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static int exchange(int fd, const char* request, char** answer)
{
	/* Info frame: version 2, type 1, 48-bit big-endian body size. */
	size_t n = strlen(request);
	uint8_t header[8] = {2, 1, 0, 0, (uint8_t)(n >> 24), (uint8_t)(n >> 16), (uint8_t)(n >> 8), (uint8_t)n};
	if (write(fd, header, 8) != 8 || write(fd, request, n) != (ssize_t)n) {
		return -1;
	}
	size_t got = 0;
	while (got < 8) {
		ssize_t r = read(fd, header + got, 8 - got);
		if (r <= 0) {
			return -1;
		}
		got += (size_t)r;
	}
	uint64_t size = 0;
	for (int i = 2; i < 8; i++) {
		size = size << 8 | header[i];
	}
	if (size > (1u << 24)) {
		return -1;
	}
	char* body = malloc(size + 1);
	for (got = 0; got < size;) {
		ssize_t r = read(fd, body + got, size - got);
		if (r <= 0) {
			free(body);
			return -1;
		}
		got += (size_t)r;
	}
	body[size] = '\0';
	*answer = body;
	return 0;
}

int main(int argc, char** argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s PORT\n", argv[0]);
		return 2;
	}
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1]))};
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	struct timeval timeout = {5, 0};
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
	char* answer = NULL;
	if (connect(fd, (struct sockaddr*)&addr, sizeof(addr)) != 0 || exchange(fd, "asim-stats\n", &answer) != 0) {
		fprintf(stderr, "no answer from asim on port %s\n", argv[1]);
		close(fd);
		return 1;
	}
	close(fd);
	/* PORT:node=..,info=I,...;PORT:... : sum every "info=" count. */
	unsigned long long total = 0;
	for (const char* p = answer; (p = strstr(p, ",info=")) != NULL; p += 6) {
		total += strtoull(p + 6, NULL, 10);
	}
	free(answer);
	printf("%llu\n", total);
	return 0;
}
