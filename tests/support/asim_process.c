#define _GNU_SOURCE
#include "asim_process.h"

#include "test_cluster.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

bool asim_start(asim_process* asim, const char* args)
{
	memset(asim, 0, sizeof(*asim));
	char why[256];
	snprintf(why, sizeof(why), "starts its own: asim %s", args);
	asim_require(why);
	const char* binary = getenv("ASIM");
	if (!binary) {
		fprintf(stderr, "asim_start: ASIM is not set\n");
		return false;
	}
	char command[1024];
	snprintf(command, sizeof(command), "exec %s --port 0 --duration 300 %s", binary, args);
	int out[2];
	if (pipe2(out, O_CLOEXEC) != 0) {
		return false;
	}
	/* fork rather than posix_spawn: the child asks to die with the test, so
	 * a test killed by a timeout or a failed assert never leaves asim holding
	 * ctest's output pipe. Only async-signal-safe calls before exec. */
	pid_t parent = getpid();
	asim->pid = fork();
	if (asim->pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent) {
			_exit(127);
		}
		dup2(out[1], STDOUT_FILENO);
		char* argv[] = {"/bin/sh", "-c", command, NULL};
		execve("/bin/sh", argv, environ);
		_exit(127);
	}
	close(out[1]);
	if (asim->pid < 0) {
		asim->pid = 0;
		close(out[0]);
		return false;
	}
	char line[4096];
	size_t used = 0;
	long deadline = now_ms() + 10000;
	while (used < sizeof(line) - 1 && !memchr(line, '\n', used)) {
		struct pollfd p = {out[0], POLLIN, 0};
		long left = deadline - now_ms();
		if (left <= 0 || poll(&p, 1, (int)left) <= 0) {
			break;
		}
		ssize_t n = read(out[0], line + used, sizeof(line) - 1 - used);
		if (n <= 0) {
			break;
		}
		used += (size_t)n;
	}
	close(out[0]);
	line[used] = '\0';
	const char* prefix = "asim ready ";
	if (strncmp(line, prefix, strlen(prefix)) != 0) {
		fprintf(stderr, "asim_start: no ready line from '%s' (got '%s')\n", command, line);
		asim_stop(asim);
		return false;
	}
	for (char* p = line + strlen(prefix); *p && asim->n_ports < ASIM_MAX_NODES;) {
		char* colon = strchr(p, ':');
		if (!colon) {
			break;
		}
		asim->ports[asim->n_ports++] = (uint16_t)strtoul(colon + 1, &p, 10);
		if (*p == ',') {
			p++;
		}
	}
	return asim->n_ports > 0;
}

void asim_stop(asim_process* asim)
{
	if (asim->pid <= 0) {
		return;
	}
	kill(asim->pid, SIGTERM);
	long deadline = now_ms() + 5000;
	while (waitpid(asim->pid, NULL, WNOHANG) == 0) {
		if (now_ms() > deadline) {
			kill(asim->pid, SIGKILL);
			waitpid(asim->pid, NULL, 0);
			break;
		}
		struct timespec pause = {0, 2000000};
		nanosleep(&pause, NULL);
	}
	asim->pid = 0;
}

static bool exchange(int fd, const char* body, size_t len, char** answer)
{
	unsigned char header[8] = {2, 1};
	for (int i = 0; i < 6; i++) {
		header[2 + i] = (unsigned char)((uint64_t)len >> (8 * (5 - i)));
	}
	if (send(fd, header, 8, MSG_NOSIGNAL) != 8 || send(fd, body, len, MSG_NOSIGNAL) != (ssize_t)len) {
		return false;
	}
	unsigned char in[8];
	size_t got = 0;
	while (got < 8) {
		ssize_t n = recv(fd, in + got, 8 - got, 0);
		if (n <= 0) {
			return false;
		}
		got += (size_t)n;
	}
	uint64_t size = 0;
	for (int i = 0; i < 6; i++) {
		size = (size << 8) | in[2 + i];
	}
	if (size > (64u << 20)) {
		return false;
	}
	char* text = malloc(size + 1);
	got = 0;
	while (got < size) {
		ssize_t n = recv(fd, text + got, size - got, 0);
		if (n <= 0) {
			free(text);
			return false;
		}
		got += (size_t)n;
	}
	text[size] = '\0';
	*answer = text;
	return true;
}

/* A connected socket to host:port (5 s receive timeout), or -1. */
static int connect_to(const char* host, uint16_t port)
{
	struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
	char service[8];
	snprintf(service, sizeof(service), "%u", (unsigned)port);
	struct addrinfo* found = NULL;
	if (getaddrinfo(host, service, &hints, &found) != 0) {
		return -1;
	}
	int fd = -1;
	for (struct addrinfo* a = found; a && fd < 0; a = a->ai_next) {
		fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
		if (fd < 0) {
			continue;
		}
		struct timeval timeout = {5, 0};
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
		if (connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(found);
	return fd;
}

char* node_info(const char* host, uint16_t port, const char* request)
{
	int fd = connect_to(host, port);
	if (fd < 0) {
		return NULL;
	}
	char* answer = NULL;
	char body[1024];
	snprintf(body, sizeof(body), "%s\n", request);
	bool ok = exchange(fd, body, strlen(body), &answer);
	close(fd);
	if (!ok) {
		return NULL;
	}
	char* tab = strchr(answer, '\t');
	char* value = strdup(tab ? tab + 1 : "");
	free(answer);
	char* newline = strchr(value, '\n');
	if (newline) {
		*newline = '\0';
	}
	return value;
}

char* asim_info(uint16_t port, const char* request)
{
	if (strncmp(request, "asim-", 5) == 0) {
		asim_require(request);
	}
	return node_info("127.0.0.1", port, request);
}

long asim_stat(uint16_t port, uint16_t node_port, const char* field)
{
	char why[64];
	snprintf(why, sizeof(why), "asim-stats %s", field);
	asim_require(why);
	char* stats = asim_info(port, "asim-stats");
	if (!stats) {
		return -1;
	}
	long result = 0;
	char node_prefix[16];
	snprintf(node_prefix, sizeof(node_prefix), "%u:", node_port);
	char* save = NULL;
	for (char* node = strtok_r(stats, ";", &save); node; node = strtok_r(NULL, ";", &save)) {
		if (strncmp(node, node_prefix, strlen(node_prefix)) != 0) {
			continue;
		}
		char* inner = NULL;
		for (char* kv = strtok_r(node + strlen(node_prefix), ",", &inner); kv; kv = strtok_r(NULL, ",", &inner)) {
			char* eq = strchr(kv, '=');
			if (eq && (size_t)(eq - kv) == strlen(field) && strncmp(kv, field, strlen(field)) == 0) {
				result = strtol(eq + 1, NULL, 10);
			}
		}
	}
	free(stats);
	return result;
}

bool await_condition(bool (*condition)(void* arg), void* arg, int timeout_ms)
{
	long deadline = now_ms() + timeout_ms;
	for (;;) {
		if (condition(arg)) {
			return true;
		}
		if (now_ms() > deadline) {
			return false;
		}
		struct timespec pause = {0, 5000000};
		nanosleep(&pause, NULL);
	}
}
