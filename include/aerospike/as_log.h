/*
 * Logging: the application installs a callback and a level; the library
 * formats nothing unless a callback is set. In 7.4.0 the setters are inline
 * and write the exported global g_as_log, so its layout is ABI.
 */
#pragma once

#include <aerospike/as_std.h>

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum as_log_level_e {
	AS_LOG_LEVEL_ERROR = 0,
	AS_LOG_LEVEL_WARN = 1,
	AS_LOG_LEVEL_INFO = 2,
	AS_LOG_LEVEL_DEBUG = 3,
	AS_LOG_LEVEL_TRACE = 4
} as_log_level;

typedef bool (*as_log_callback)(as_log_level level, const char* func, const char* file,
	uint32_t line, const char* fmt, ...);

typedef struct as_log_s {
	as_log_level level;
	bool callback_set;
	as_log_callback callback;
} as_log;

AS_EXTERN extern as_log g_as_log;

static inline void as_log_set_level(as_log_level level)
{
	g_as_log.level = level;
}

static inline void as_log_set_callback(as_log_callback callback)
{
	g_as_log.callback = callback;
	g_as_log.callback_set = true;
}

static inline const char* as_log_level_tostring(as_log_level level)
{
	static const char* const names[] = {"ERROR", "WARN", "INFO", "DEBUG", "TRACE"};
	return (unsigned)level < 5 ? names[level] : "UNKNOWN";
}

#ifdef __cplusplus
}
#endif
