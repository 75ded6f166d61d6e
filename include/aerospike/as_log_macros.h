/*
 * Logging call sites: each macro reports the calling function, file and
 * line to the installed callback, and evaluates its arguments only when a
 * callback is set and the level passes (errors pass at every level).
 * The format string is the first variadic argument, so calls without
 * further arguments are valid ISO C99.
 */
#pragma once

#include <aerospike/as_log.h>

#ifdef __cplusplus
extern "C" {
#endif

#define as_log_error_enabled() (g_as_log.callback && AS_LOG_LEVEL_ERROR <= g_as_log.level)
#define as_log_warn_enabled() (g_as_log.callback && AS_LOG_LEVEL_WARN <= g_as_log.level)
#define as_log_info_enabled() (g_as_log.callback && AS_LOG_LEVEL_INFO <= g_as_log.level)
#define as_log_debug_enabled() (g_as_log.callback && AS_LOG_LEVEL_DEBUG <= g_as_log.level)
#define as_log_trace_enabled() (g_as_log.callback && AS_LOG_LEVEL_TRACE <= g_as_log.level)

#define as_log_error(...) \
	if (g_as_log.callback) { \
		g_as_log.callback(AS_LOG_LEVEL_ERROR, __func__, __FILE__, __LINE__, __VA_ARGS__); \
	}

#define as_log_warn(...) \
	if (as_log_warn_enabled()) { \
		g_as_log.callback(AS_LOG_LEVEL_WARN, __func__, __FILE__, __LINE__, __VA_ARGS__); \
	}

#define as_log_info(...) \
	if (as_log_info_enabled()) { \
		g_as_log.callback(AS_LOG_LEVEL_INFO, __func__, __FILE__, __LINE__, __VA_ARGS__); \
	}

#define as_log_debug(...) \
	if (as_log_debug_enabled()) { \
		g_as_log.callback(AS_LOG_LEVEL_DEBUG, __func__, __FILE__, __LINE__, __VA_ARGS__); \
	}

#define as_log_trace(...) \
	if (as_log_trace_enabled()) { \
		g_as_log.callback(AS_LOG_LEVEL_TRACE, __func__, __FILE__, __LINE__, __VA_ARGS__); \
	}

#ifdef __cplusplus
}
#endif
