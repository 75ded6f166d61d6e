/*
 * The cluster log lines an application receives through as_log_set_callback
 * at the default level (INFO), printed so that compat/log_lines_twin_test.sh
 * can compare the stock C client 7.4.0 with ours on a fresh asim each:
 *
 *   private SEEDS  a refused seed before the real one, connect, a node
 *                  added (asim-add-node), a node stopped (asim-stop-node):
 *                  its refresh fails and it is removed, then close.
 *   shm SEEDS KEY  two processes on one shm_key: the first creates the
 *                  segment and tends, the second follows; the first closes,
 *                  the second takes over, then closes and removes the
 *                  segment. Each prints its own lines.
 *
 * Lines are printed as "LEVEL text", with what differs between runs
 * replaced: node names N0.., ports P0.. (in the order asim gave them, the
 * refused seed's port DEAD), pids OWNER / FOLLOWER.
 */
#include <aerospike/aerospike.h>
#include <aerospike/as_log.h>

#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TEND_MS 250
#define WAIT_MS 10000
#define MAX_LINES 256
#define LINE_SIZE 512
#define MAX_TOKENS 16

typedef struct {
	as_log_level level;
	char text[LINE_SIZE];
} log_line;

static pthread_mutex_t g_mutex = PTHREAD_MUTEX_INITIALIZER;
static log_line g_lines[MAX_LINES];
static int g_count;

static bool capture(as_log_level level, const char* func, const char* file, uint32_t line,
	const char* fmt, ...)
{
	(void)func;
	(void)file;
	(void)line;
	pthread_mutex_lock(&g_mutex);
	if (g_count < MAX_LINES) {
		va_list args;
		va_start(args, fmt);
		vsnprintf(g_lines[g_count].text, LINE_SIZE, fmt, args);
		va_end(args);
		g_lines[g_count].level = level;
		g_count++;
	}
	pthread_mutex_unlock(&g_mutex);
	return true;
}

/* What a run's lines hold that the next run has different: replaced by
 * fixed names when printing. Numbers are replaced only as whole numbers. */
typedef struct {
	char from[64];
	char to[16];
	bool number;
} token;

static token g_tokens[MAX_TOKENS];
static int g_n_tokens;

static void add_token(const char* from, const char* to, bool number)
{
	if (g_n_tokens < MAX_TOKENS) {
		token* t = &g_tokens[g_n_tokens++];
		snprintf(t->from, sizeof t->from, "%s", from);
		snprintf(t->to, sizeof t->to, "%s", to);
		t->number = number;
	}
}

static void add_number(unsigned value, const char* to)
{
	char text[16];
	snprintf(text, sizeof text, "%u", value);
	add_token(text, to, true);
}

static const token* token_at(const char* line, const char* p)
{
	for (int i = 0; i < g_n_tokens; i++) {
		const token* t = &g_tokens[i];
		size_t len = strlen(t->from);
		if (strncmp(p, t->from, len) != 0) {
			continue;
		}
		if (t->number && ((p > line && isalnum((unsigned char)p[-1])) || isalnum((unsigned char)p[len]))) {
			continue;
		}
		return t;
	}
	return NULL;
}

static const char* level_name(as_log_level level)
{
	switch (level) {
	case AS_LOG_LEVEL_ERROR: return "ERROR";
	case AS_LOG_LEVEL_WARN: return "WARN";
	case AS_LOG_LEVEL_INFO: return "INFO";
	case AS_LOG_LEVEL_DEBUG: return "DEBUG";
	default: return "TRACE";
	}
}

static void print_lines(const char* who)
{
	pthread_mutex_lock(&g_mutex);
	for (int i = 0; i < g_count; i++) {
		const char* line = g_lines[i].text;
		printf("%s %s ", who, level_name(g_lines[i].level));
		for (const char* p = line; *p;) {
			const token* t = token_at(line, p);
			if (t) {
				fputs(t->to, stdout);
				p += strlen(t->from);
			}
			else {
				putchar(*p++);
			}
		}
		putchar('\n');
	}
	pthread_mutex_unlock(&g_mutex);
	fflush(stdout);
}

static uint64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* How many logged lines start with `prefix` and contain `part`. */
static int count_lines(const char* prefix, const char* part)
{
	int n = 0;
	pthread_mutex_lock(&g_mutex);
	for (int i = 0; i < g_count; i++) {
		const char* text = g_lines[i].text;
		if (strncmp(text, prefix, strlen(prefix)) == 0 && strstr(text, part)) {
			n++;
		}
	}
	pthread_mutex_unlock(&g_mutex);
	return n;
}

static bool await_lines(const char* prefix, const char* part, int wanted)
{
	const uint64_t deadline = now_ms() + WAIT_MS;
	while (count_lines(prefix, part) < wanted) {
		if (now_ms() >= deadline) {
			fprintf(stderr, "no %d lines '%s...%s' within %d ms\n", wanted, prefix, part, WAIT_MS);
			print_lines("seen");
			return false;
		}
		struct timespec pause = {0, 10 * 1000000};
		nanosleep(&pause, NULL);
	}
	return true;
}

/* One info request to a loopback port over a socket of its own (the
 * library is not used: neither client has a cluster to send it through
 * yet); the value without its trailing newline. */
static bool read_all(int fd, void* buf, size_t len)
{
	char* p = buf;
	while (len > 0) {
		ssize_t n = read(fd, p, len);
		if (n <= 0) {
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return true;
}

static bool info(uint16_t port, const char* request, char* out, size_t size)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	char frame[8 + 128];
	size_t len = (size_t)snprintf(frame + 8, sizeof frame - 8, "%s\n", request);
	frame[0] = 2;
	frame[1] = 1;
	for (int i = 0; i < 6; i++) {
		frame[7 - i] = (char)((uint64_t)len >> (8 * i));
	}
	unsigned char header[8];
	bool ok = fd >= 0 && connect(fd, (struct sockaddr*)&addr, sizeof addr) == 0 &&
		write(fd, frame, 8 + len) == (ssize_t)(8 + len) && read_all(fd, header, sizeof header);
	uint64_t body = 0;
	for (int i = 2; ok && i < 8; i++) {
		body = (body << 8) | header[i];
	}
	char* answer = ok && body < 65536 ? calloc(1, body + 1) : NULL;
	ok = answer && read_all(fd, answer, body);
	if (fd >= 0) {
		close(fd);
	}
	if (!ok) {
		fprintf(stderr, "info %s to %u failed\n", request, (unsigned)port);
		free(answer);
		return false;
	}
	/* The answer is "request\tvalue\n". */
	const char* value = strchr(answer, '\t');
	value = value ? value + 1 : answer;
	snprintf(out, size, "%s", value);
	out[strcspn(out, "\n")] = '\0';
	free(answer);
	return true;
}

/* Names the node at `port` N<index> and the port P<index>. */
static bool learn_node(uint16_t port, int index)
{
	char name[64];
	if (!info(port, "node", name, sizeof name)) {
		return false;
	}
	char to[16];
	snprintf(to, sizeof to, "N%d", index);
	add_token(name, to, false);
	snprintf(to, sizeof to, "P%d", index);
	add_number(port, to);
	return true;
}

static uint16_t g_ports[3];

static bool parse_seeds(const char* seeds)
{
	const char* p = seeds;
	for (int i = 0; i < 3; i++) {
		const char* colon = strchr(p, ':');
		if (!colon) {
			return false;
		}
		g_ports[i] = (uint16_t)atoi(colon + 1);
		if (!learn_node(g_ports[i], i)) {
			return false;
		}
		p = strchr(colon, ',');
		if (!p && i < 2) {
			return false;
		}
		p = p ? p + 1 : p;
	}
	return true;
}

static void config_for(as_config* config)
{
	as_config_init(config);
	config->tender_interval = TEND_MS;
	as_log_set_level(AS_LOG_LEVEL_INFO);
	as_log_set_callback(capture);
}

/* A bound socket that never listens: connecting to it is refused. */
static int refused_port(uint16_t* port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = {.sin_family = AF_INET};
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof addr;
	if (fd < 0 || bind(fd, (struct sockaddr*)&addr, sizeof addr) != 0 ||
		getsockname(fd, (struct sockaddr*)&addr, &len) != 0) {
		return -1;
	}
	*port = ntohs(addr.sin_port);
	return fd;
}

static int run_private(void)
{
	uint16_t dead = 0;
	int dead_fd = refused_port(&dead);
	if (dead_fd < 0) {
		fprintf(stderr, "no refused port\n");
		return 1;
	}
	add_number(dead, "DEAD");

	as_config config;
	config_for(&config);
	as_config_add_host(&config, "127.0.0.1", dead);
	as_config_add_host(&config, "127.0.0.1", g_ports[0]);
	aerospike as;
	aerospike_init(&as, &config);
	as_error err;
	if (aerospike_connect(&as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "connect: %d %s\n", err.code, err.message);
		return 1;
	}
	bool ok = await_lines("Add node ", "", 3);

	char added[16];
	ok = ok && info(g_ports[0], "asim-add-node", added, sizeof added) &&
		learn_node((uint16_t)atoi(added), 3) && await_lines("Add node ", "", 4);

	char request[64];
	snprintf(request, sizeof request, "asim-stop-node:port=%u", (unsigned)g_ports[1]);
	char answer[16];
	ok = ok && info(g_ports[0], request, answer, sizeof answer) &&
		await_lines("Remove node ", "", 1);

	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	close(dead_fd);
	as_log_set_callback(NULL);
	print_lines("client");
	return ok ? 0 : 1;
}

static bool connect_shm(aerospike* as, const char* key)
{
	as_config config;
	config_for(&config);
	as_config_add_host(&config, "127.0.0.1", g_ports[0]);
	config.use_shm = true;
	config.shm_key = (int)strtoul(key, NULL, 0);
	aerospike_init(as, &config);
	as_error err;
	if (aerospike_connect(as, &err) != AEROSPIKE_OK) {
		fprintf(stderr, "connect: %d %s\n", err.code, err.message);
		return false;
	}
	return true;
}

static bool signal_pipe(int fd)
{
	return write(fd, "x", 1) == 1;
}

static bool await_pipe(int fd)
{
	char byte;
	return read(fd, &byte, 1) == 1;
}

/* The second process: follows once the first one tends, takes over when it
 * closes, prints after it. */
static int follow(const char* key, int owner_tends, int following, int owner_printed)
{
	if (!await_pipe(owner_tends)) {
		return 1;
	}
	add_number((unsigned)getppid(), "OWNER");
	add_number((unsigned)getpid(), "FOLLOWER");
	aerospike as;
	if (!connect_shm(&as, key)) {
		return 1;
	}
	bool ok = await_lines("Add node ", "", 3);
	ok = signal_pipe(following) && ok;
	ok = ok && await_lines("Take over shared memory cluster", "", 1);
	as_error err;
	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	as_log_set_callback(NULL);
	ok = await_pipe(owner_printed) && ok;
	print_lines("follower");
	return ok ? 0 : 1;
}

static int run_shm(const char* key)
{
	int owner_tends[2];
	int following[2];
	int owner_printed[2];
	if (pipe(owner_tends) != 0 || pipe(following) != 0 || pipe(owner_printed) != 0) {
		return 1;
	}
	fflush(stdout);
	pid_t child = fork();
	if (child < 0) {
		return 1;
	}
	/* Each side closes the ends it does not use, so that a read sees the
	 * end of the pipe when the other process is gone. */
	if (child == 0) {
		close(owner_tends[1]);
		close(following[0]);
		close(owner_printed[1]);
		_exit(follow(key, owner_tends[0], following[1], owner_printed[0]));
	}
	close(owner_tends[0]);
	close(following[1]);
	close(owner_printed[0]);
	add_number((unsigned)getpid(), "OWNER");
	add_number((unsigned)child, "FOLLOWER");
	aerospike as;
	bool ok = connect_shm(&as, key) && await_lines("Add node ", "", 3);
	/* The follower is told either way, so that it never waits forever. */
	ok = signal_pipe(owner_tends[1]) && ok;
	ok = ok && await_pipe(following[0]);
	as_error err;
	aerospike_close(&as, &err);
	aerospike_destroy(&as);
	as_log_set_callback(NULL);
	print_lines("owner");
	ok = signal_pipe(owner_printed[1]) && ok;
	int status = 0;
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		ok = false;
	}
	return ok ? 0 : 1;
}

int main(int argc, char** argv)
{
	if (argc < 3 || (strcmp(argv[1], "shm") == 0 && argc < 4)) {
		fprintf(stderr, "usage: %s private SEEDS | shm SEEDS SHM_KEY\n", argv[0]);
		return 2;
	}
	if (!parse_seeds(argv[2])) {
		fprintf(stderr, "bad seeds or asim not answering: %s\n", argv[2]);
		return 1;
	}
	return strcmp(argv[1], "shm") == 0 ? run_shm(argv[3]) : run_private();
}
