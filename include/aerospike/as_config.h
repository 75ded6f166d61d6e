/*
 * as_config: everything an application sets before aerospike_connect():
 * seeds, timeouts, policies, TLS, racks and the shared-memory settings
 * (use_shm, shm_key, shm_max_nodes, shm_max_namespaces,
 * shm_takeover_threshold_sec). aerospike_init() copies it by value, so the
 * 1904-byte layout is ABI.
 */
#pragma once

#include <aerospike/as_error.h>
#include <aerospike/as_host.h>
#include <aerospike/as_policy.h>
#include <aerospike/as_password.h>
#include <aerospike/as_vector.h>

#include <stdlib.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_PASSWORD_SIZE 64
#define AS_CONFIG_PATH_MAX_SIZE 256
#define AS_CONFIG_PATH_MAX_LEN (AS_CONFIG_PATH_MAX_SIZE - 1)
#define AS_CONFIG_LUA_USER_PATH "/opt/aerospike/client/usr/udf/lua"
#define AS_TEND_INTERVAL_MIN 250
#define AS_CONFIG_PROVIDER_INTERVAL_DEFAULT 5000

typedef enum as_auth_mode_e {
	AS_AUTH_INTERNAL = 0,
	AS_AUTH_EXTERNAL = 1,
	AS_AUTH_EXTERNAL_INSECURE = 2,
	AS_AUTH_PKI = 3
} as_auth_mode;

typedef enum as_cluster_event_type_e {
	AS_CLUSTER_ADD_NODE = 0,
	AS_CLUSTER_REMOVE_NODE = 1,
	AS_CLUSTER_DISCONNECTED = 2
} as_cluster_event_type;

typedef struct as_cluster_event_s {
	const char* node_name;
	const char* node_address;
	void* udata;
	as_cluster_event_type type;
} as_cluster_event;

typedef void (*as_cluster_event_callback)(as_cluster_event* event);

typedef struct as_addr_map_s {
	char* orig;
	char* alt;
} as_addr_map;

typedef struct as_config_lua_s {
	bool cache_enabled;
	char user_path[AS_CONFIG_PATH_MAX_SIZE];
} as_config_lua;

typedef struct as_config_tls_s {
	bool enable;
	char* cafile;
	char* castring;
	char* capath;
	char* protocols;
	char* cipher_suite;
	char* cert_blacklist;
	char* keyfile;
	char* keyfile_pw;
	char* keystring;
	char* certfile;
	char* certstring;
	bool crl_check;
	bool crl_check_all;
	bool log_session_info;
	bool for_login_only;
} as_config_tls;

typedef struct as_config_provider_s {
	char* path;
	uint32_t interval;
} as_config_provider;

typedef struct as_config_s {
	as_vector* hosts;
	char user[AS_USER_SIZE];
	char password[AS_PASSWORD_SIZE];
	char* cluster_name;
	char* app_id;
	as_cluster_event_callback event_callback;
	void* event_callback_udata;
	as_addr_map* ip_map;
	uint32_t ip_map_size;
	uint32_t min_conns_per_node;
	uint32_t max_conns_per_node;
	uint32_t async_min_conns_per_node;
	uint32_t async_max_conns_per_node;
	uint32_t pipe_max_conns_per_node;
	uint32_t conn_pools_per_node;
	uint32_t conn_timeout_ms;
	uint32_t login_timeout_ms;
	uint32_t max_socket_idle;
	uint32_t max_error_rate;
	uint32_t error_rate_window;
	uint32_t tender_interval;
	uint32_t thread_pool_size;
	int tend_thread_cpu;
	as_policies policies;
	as_config_provider config_provider;
	as_config_lua lua;
	as_config_tls tls;
	as_auth_mode auth_mode;
	bool fail_if_not_connected;
	bool use_services_alternate;
	bool force_single_node;
	bool rack_aware;
	int rack_id;
	as_vector* rack_ids;
	bool use_shm;
	int shm_key;
	uint32_t shm_max_nodes;
	uint32_t shm_max_namespaces;
	uint32_t shm_takeover_threshold_sec;
} as_config;

AS_EXTERN as_config* as_config_init(as_config* config);
AS_EXTERN void as_config_destroy(as_config* config);
AS_EXTERN void as_config_add_host(as_config* config, const char* address, uint16_t port);
AS_EXTERN bool as_config_add_hosts(as_config* config, const char* string, uint16_t default_port);
AS_EXTERN void as_config_clear_hosts(as_config* config);
AS_EXTERN bool as_config_set_user(as_config* config, const char* user, const char* password);
AS_EXTERN void as_config_set_string(char** str, const char* value);
AS_EXTERN void as_config_tls_add_host(as_config* config, const char* address,
	const char* tls_name, uint16_t port);
AS_EXTERN void as_config_add_rack_id(as_config* config, int rack_id);
AS_EXTERN bool as_auth_mode_from_string(as_auth_mode* auth, const char* str);
AS_EXTERN void as_config_massage_error_rate(as_config* config);

static inline void as_config_set_cluster_name(as_config* config, const char* cluster_name)
{
	as_config_set_string(&config->cluster_name, cluster_name);
}

static inline void as_config_set_app_id(as_config* config, const char* app_id)
{
	as_config_set_string(&config->app_id, app_id);
}

static inline void as_config_set_cluster_event_callback(as_config* config,
	as_cluster_event_callback callback, void* udata)
{
	config->event_callback = callback;
	config->event_callback_udata = udata;
}

static inline void as_config_lua_init(as_config_lua* lua)
{
	lua->cache_enabled = false;
	strcpy(lua->user_path, AS_CONFIG_LUA_USER_PATH);
}

static inline void as_config_tls_set_cafile(as_config* config, const char* cafile)
{
	as_config_set_string(&config->tls.cafile, cafile);
}

static inline void as_config_tls_set_castring(as_config* config, const char* castring)
{
	as_config_set_string(&config->tls.castring, castring);
}

static inline void as_config_tls_set_capath(as_config* config, const char* capath)
{
	as_config_set_string(&config->tls.capath, capath);
}

static inline void as_config_tls_set_protocols(as_config* config, const char* protocols)
{
	as_config_set_string(&config->tls.protocols, protocols);
}

static inline void as_config_tls_set_cipher_suite(as_config* config, const char* cipher_suite)
{
	as_config_set_string(&config->tls.cipher_suite, cipher_suite);
}

static inline void as_config_tls_set_cert_blacklist(as_config* config, const char* cert_blacklist)
{
	as_config_set_string(&config->tls.cert_blacklist, cert_blacklist);
}

static inline void as_config_tls_set_keyfile(as_config* config, const char* keyfile)
{
	as_config_set_string(&config->tls.keyfile, keyfile);
}

static inline void as_config_tls_set_keyfile_pw(as_config* config, const char* pw)
{
	as_config_set_string(&config->tls.keyfile_pw, pw);
}

static inline void as_config_tls_set_keystring(as_config* config, const char* keystring)
{
	as_config_set_string(&config->tls.keystring, keystring);
}

static inline void as_config_tls_set_certfile(as_config* config, const char* certfile)
{
	as_config_set_string(&config->tls.certfile, certfile);
}

static inline void as_config_tls_set_certstring(as_config* config, const char* certstring)
{
	as_config_set_string(&config->tls.certstring, certstring);
}

static inline void as_config_provider_set_path(as_config* config, const char* path)
{
	as_config_set_string(&config->config_provider.path, path);
}

static inline void as_config_provider_set(as_config* config, const char* path, uint32_t interval)
{
	as_config_set_string(&config->config_provider.path, path);
	config->config_provider.interval = interval;
}

#ifdef __cplusplus
}
#endif
