/*
 * Sleeping for a number of milliseconds. usleep is POSIX: a strict ISO
 * compilation sees it declared only when it asks for POSIX (as the
 * library's users build), otherwise the macro still expands but needs
 * a declaration from the program.
 */
#pragma once

#include <unistd.h>

#define as_sleep(_ms) usleep((_ms) * 1000)
