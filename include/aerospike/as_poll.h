/*
 * Waiting for one socket to become readable or writable with select(). The
 * descriptor set is sized for the descriptor's value, so descriptors past
 * FD_SETSIZE work: small sets live on the stack (alloca), larger ones on
 * the heap, which is why as_poll_init is a macro and as_poll_destroy must
 * follow it in the same function.
 */
#pragma once

#include <aerospike/as_socket.h>
#include <citrusleaf/alloc.h>

#include <alloca.h>
#include <string.h>
#include <sys/select.h>
#include <sys/time.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct as_poll_s {
	/* Bytes of set: whole fd_set words up to the descriptor. */
	size_t size;
	fd_set* set;
} as_poll;

/* Sets larger than this come from cf_malloc instead of the stack. */
#define AS_STACK_LIMIT (16 * 1024)

#define as_poll_init(_poll, _fd) \
	(_poll)->size = (((_fd) / FD_SETSIZE) + 1) * FD_SETSIZE / 8; \
	(_poll)->set = ((_poll)->size > AS_STACK_LIMIT) ? (fd_set*)cf_malloc((_poll)->size) \
		: (fd_set*)alloca((_poll)->size);

/*
 * timeout in milliseconds, 0 = wait forever. Returns select's result (> 0
 * ready, 0 timed out, < 0 failed), or -2 when select woke for anything but
 * this descriptor.
 */
static inline int as_poll_socket(as_poll* poll, as_socket_fd fd, uint32_t timeout, bool read)
{
	struct timeval tv;
	struct timeval* wait = NULL;
	fd_set* word = &poll->set[fd / FD_SETSIZE];
	int rv;

	memset(poll->set, 0, poll->size);
	FD_SET(fd % FD_SETSIZE, word);
	if (timeout > 0) {
		tv.tv_sec = timeout / 1000;
		tv.tv_usec = (timeout % 1000) * 1000;
		wait = &tv;
	}
	rv = read ? select(fd + 1, poll->set, NULL, NULL, wait)
		: select(fd + 1, NULL, poll->set, NULL, wait);
	if (rv <= 0) {
		return rv;
	}
	return FD_ISSET(fd % FD_SETSIZE, word) ? rv : -2;
}

static inline void as_poll_destroy(as_poll* poll)
{
	if (poll->size > AS_STACK_LIMIT) {
		cf_free(poll->set);
	}
}

#ifdef __cplusplus
}
#endif
