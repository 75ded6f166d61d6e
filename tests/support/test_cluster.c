#include "test_cluster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char* real_hosts(void)
{
	const char* hosts = getenv("AEROSPIKE_HOSTS");
	return hosts && *hosts ? hosts : NULL;
}

bool test_cluster_is_real(void)
{
	return real_hosts() != NULL;
}

/* One "host", "host:port" or "[v6]:port" of AEROSPIKE_HOSTS (the port 3000
 * when left out, as the stock client's host lists have it). */
static bool parse_seed(const char* text, size_t len, test_seed* seed)
{
	const char* host = text;
	size_t host_len = len;
	const char* port = NULL;
	if (len > 0 && text[0] == '[') {
		const char* close = memchr(text, ']', len);
		if (!close) {
			return false;
		}
		host = text + 1;
		host_len = (size_t)(close - host);
		size_t rest = len - (size_t)(close + 1 - text);
		if (rest > 0) {
			if (close[1] != ':') {
				return false;
			}
			port = close + 2;
		}
	} else {
		const char* colon = memchr(text, ':', len);
		if (colon) {
			host_len = (size_t)(colon - text);
			port = colon + 1;
		}
	}
	if (host_len == 0 || host_len >= sizeof(seed->host)) {
		return false;
	}
	memcpy(seed->host, host, host_len);
	seed->host[host_len] = '\0';
	seed->port = 3000;
	if (port) {
		size_t port_len = len - (size_t)(port - text);
		char digits[8];
		if (port_len == 0 || port_len >= sizeof(digits) || strspn(port, "0123456789") < port_len) {
			return false;
		}
		memcpy(digits, port, port_len);
		digits[port_len] = '\0';
		long value = strtol(digits, NULL, 10);
		if (value < 1 || value > 65535) {
			return false;
		}
		seed->port = (uint16_t)value;
	}
	return true;
}

static bool parse_hosts(const char* hosts, test_cluster* cluster)
{
	for (const char* p = hosts; *p;) {
		size_t len = strcspn(p, ",");
		if (cluster->n_seeds == ASIM_MAX_NODES ||
			!parse_seed(p, len, &cluster->seeds[cluster->n_seeds])) {
			fprintf(stderr, "AEROSPIKE_HOSTS '%s': '%.*s' is not host:port\n", hosts, (int)len, p);
			return false;
		}
		cluster->n_seeds++;
		p += len;
		if (*p == ',') {
			p++;
		}
	}
	return cluster->n_seeds > 0;
}

bool test_cluster_start(test_cluster* cluster, const char* asim_args)
{
	memset(cluster, 0, sizeof(*cluster));
	const char* hosts = real_hosts();
	if (hosts) {
		cluster->real = true;
		return parse_hosts(hosts, cluster);
	}
	if (!asim_start(&cluster->asim, asim_args)) {
		return false;
	}
	for (int i = 0; i < cluster->asim.n_ports; i++) {
		strcpy(cluster->seeds[i].host, "127.0.0.1");
		cluster->seeds[i].port = cluster->asim.ports[i];
	}
	cluster->n_seeds = cluster->asim.n_ports;
	return true;
}

void test_cluster_stop(test_cluster* cluster)
{
	if (!cluster->real) {
		asim_stop(&cluster->asim);
	}
}

const char* test_namespace(void)
{
	const char* ns = getenv("AEROSPIKE_NAMESPACE");
	return test_cluster_is_real() && ns && *ns ? ns : "test";
}

void test_unique_name(char* out, size_t size, const char* prefix)
{
	snprintf(out, size, "%s%ld", prefix, (long)getpid());
}

bool lacks_asim(const char* what)
{
	if (!test_cluster_is_real()) {
		return false;
	}
	printf("skipped: needs asim (%s)\n", what);
	fflush(stdout);
	return true;
}

void asim_require(const char* what)
{
	if (lacks_asim(what)) {
		exit(TEST_SKIPPED_EXIT);
	}
}
