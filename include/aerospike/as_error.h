/*
 * as_error: what went wrong in a client call (code, message, where). Every
 * call that takes an as_error resets it on entry and returns err->code.
 * The inline helpers are part of the 7.4.0 API and compile into programs.
 */
#pragma once

#include <aerospike/as_std.h>
#include <aerospike/as_status.h>
#include <aerospike/as_string.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_ERROR_MESSAGE_MAX_SIZE 1024
#define AS_ERROR_MESSAGE_MAX_LEN (AS_ERROR_MESSAGE_MAX_SIZE - 1)

typedef struct as_error_s {
	as_status code;
	char message[AS_ERROR_MESSAGE_MAX_SIZE];
	const char* func;
	const char* file;
	uint32_t line;
	bool in_doubt;
} as_error;

#define as_error_update(__err, __code, __fmt, ...) \
	as_error_setallv(__err, __code, __func__, __FILE__, __LINE__, __fmt, ##__VA_ARGS__);

#define as_error_set_message(__err, __code, __msg) \
	as_error_setall(__err, __code, __msg, __func__, __FILE__, __LINE__);

AS_EXTERN char* as_error_string(as_status status);

static inline as_error* as_error_init(as_error* err)
{
	err->code = AEROSPIKE_OK;
	err->message[0] = '\0';
	err->func = NULL;
	err->file = NULL;
	err->line = 0;
	err->in_doubt = false;
	return err;
}

static inline as_status as_error_reset(as_error* err)
{
	as_error_init(err);
	return AEROSPIKE_OK;
}

static inline as_status as_error_setall(as_error* err, as_status code, const char* message,
	const char* func, const char* file, uint32_t line)
{
	err->code = code;
	as_strncpy(err->message, message, AS_ERROR_MESSAGE_MAX_SIZE);
	err->func = func;
	err->file = file;
	err->line = line;
	err->in_doubt = false;
	return err->code;
}

static inline as_status as_error_setallv(as_error* err, as_status code, const char* func,
	const char* file, uint32_t line, const char* fmt, ...)
{
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->message, AS_ERROR_MESSAGE_MAX_LEN, fmt, ap);
		err->message[AS_ERROR_MESSAGE_MAX_LEN] = '\0';
		va_end(ap);
	}
	err->code = code;
	err->func = func;
	err->file = file;
	err->line = line;
	err->in_doubt = false;
	return err->code;
}

static inline void as_error_set_in_doubt(as_error* err, bool is_read, uint32_t command_sent_counter)
{
	err->in_doubt = !is_read && (command_sent_counter > 1 || (command_sent_counter == 1 &&
		(err->code == AEROSPIKE_ERR_TIMEOUT || err->code <= 0)));
}

static inline void as_error_copy(as_error* trg, const as_error* src)
{
	trg->code = src->code;
	strcpy(trg->message, src->message);
	trg->func = src->func;
	trg->file = src->file;
	trg->line = src->line;
	trg->in_doubt = src->in_doubt;
}

static inline void as_error_append(as_error* err, const char* str)
{
	strncat(err->message, str, sizeof(err->message) - strlen(err->message) - 1);
}

#ifdef __cplusplus
}
#endif
