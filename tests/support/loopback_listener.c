#include "loopback_listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <unistd.h>

int loopback_listen(int family, struct sockaddr_storage* address, int backlog) {
	const int fd = socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) return -1;
	memset(address, 0, sizeof(*address));
	address->ss_family = (sa_family_t)family;
	socklen_t len = sizeof(struct sockaddr_in);
	if (family == AF_INET) {
		((struct sockaddr_in*)address)->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	} else {
		((struct sockaddr_in6*)address)->sin6_addr = in6addr_loopback;
		len = sizeof(struct sockaddr_in6);
	}
	if (bind(fd, (struct sockaddr*)address, len) != 0 || listen(fd, backlog) != 0 ||
		getsockname(fd, (struct sockaddr*)address, &len) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}
