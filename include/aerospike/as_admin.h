/*
 * Security administration: users, roles, privileges, whitelists and quotas,
 * and the login/authentication exchanges of a connection. The security
 * layer is not built yet: declared only. as_role and as_user end in
 * flexible arrays and are allocated by the library with room for them.
 */
#pragma once

#include <aerospike/aerospike.h>
#include <aerospike/as_config.h>
#include <aerospike/as_key.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_ROLE_SIZE 64

typedef enum as_privilege_code_e {
	/* Global scope only. */
	AS_PRIVILEGE_USER_ADMIN = 0,
	AS_PRIVILEGE_SYS_ADMIN = 1,
	AS_PRIVILEGE_DATA_ADMIN = 2,
	AS_PRIVILEGE_UDF_ADMIN = 3,
	AS_PRIVILEGE_SINDEX_ADMIN = 4,
	/* Global, namespace or namespace + set scope. */
	AS_PRIVILEGE_READ = 10,
	AS_PRIVILEGE_READ_WRITE = 11,
	AS_PRIVILEGE_READ_WRITE_UDF = 12,
	AS_PRIVILEGE_WRITE = 13,
	AS_PRIVILEGE_TRUNCATE = 14
} as_privilege_code;

typedef struct as_privilege_s {
	/* Empty strings = global scope. */
	as_namespace ns;
	as_set set;
	as_privilege_code code;
} as_privilege;

typedef struct as_role_s {
	char name[AS_ROLE_SIZE];
	/* Records per second; 0 = unlimited. */
	int read_quota;
	int write_quota;
	/* Client addresses allowed to use the role. */
	char** whitelist;
	int whitelist_size;
	int privileges_size;
	as_privilege privileges[];
} as_role;

typedef struct as_user_s {
	char name[AS_USER_SIZE];
	/* Server-side statistics of the user's reads and writes. */
	uint32_t* read_info;
	uint32_t* write_info;
	int read_info_size;
	int write_info_size;
	int conns_in_use;
	int roles_size;
	char roles[][AS_ROLE_SIZE];
} as_user;

struct as_cluster_s;
struct as_node_s;
struct as_node_info_s;
struct as_session_s;
struct as_socket_s;
struct as_socket_context_s;

AS_EXTERN as_status aerospike_create_user(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* user_name, const char* password,
	const char** roles, int roles_size);
/* A user authenticated by TLS certificate: no password. */
AS_EXTERN as_status aerospike_create_pki_user(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* user_name, const char** roles, int roles_size);
AS_EXTERN as_status aerospike_drop_user(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* user_name);
AS_EXTERN as_status aerospike_set_password(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* user_name, const char* password);
AS_EXTERN as_status aerospike_change_password(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* user_name, const char* password);
AS_EXTERN as_status aerospike_grant_roles(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* user_name, const char** roles, int roles_size);
AS_EXTERN as_status aerospike_revoke_roles(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* user_name, const char** roles, int roles_size);

AS_EXTERN as_status aerospike_create_role(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* role, as_privilege** privileges,
	int privileges_size);
AS_EXTERN as_status aerospike_create_role_whitelist(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* role, as_privilege** privileges,
	int privileges_size, const char** whitelist, int whitelist_size);
AS_EXTERN as_status aerospike_create_role_quotas(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* role, as_privilege** privileges,
	int privileges_size, const char** whitelist, int whitelist_size, int read_quota,
	int write_quota);
AS_EXTERN as_status aerospike_drop_role(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* role);
AS_EXTERN as_status aerospike_grant_privileges(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* role, as_privilege** privileges,
	int privileges_size);
AS_EXTERN as_status aerospike_revoke_privileges(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* role, as_privilege** privileges,
	int privileges_size);
AS_EXTERN as_status aerospike_set_whitelist(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* role, const char** whitelist,
	int whitelist_size);
AS_EXTERN as_status aerospike_set_quotas(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* role, int read_quota, int write_quota);

AS_EXTERN as_status aerospike_query_user(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* user_name, as_user** user);
AS_EXTERN void as_user_destroy(as_user* user);
AS_EXTERN as_status aerospike_query_users(aerospike* as, as_error* err,
	const as_policy_admin* policy, as_user*** users, int* users_size);
AS_EXTERN void as_users_destroy(as_user** users, int users_size);
AS_EXTERN as_status aerospike_query_role(aerospike* as, as_error* err,
	const as_policy_admin* policy, const char* role_name, as_role** role);
AS_EXTERN void as_role_destroy(as_role* role);
AS_EXTERN as_status aerospike_query_roles(aerospike* as, as_error* err,
	const as_policy_admin* policy, as_role*** roles, int* roles_size);
AS_EXTERN void as_roles_destroy(as_role** roles, int roles_size);

AS_EXTERN as_status as_cluster_login(struct as_cluster_s* cluster, as_error* err,
	struct as_socket_s* sock, uint64_t deadline_ms, struct as_node_info_s* node_info);
AS_EXTERN as_status as_authenticate(struct as_cluster_s* cluster, as_error* err,
	struct as_socket_s* sock, struct as_node_s* node, struct as_session_s* session,
	uint32_t socket_timeout, uint64_t deadline_ms, struct as_socket_context_s* ctx);
/* Writes the authenticate request into buffer; returns its length. */
AS_EXTERN uint32_t as_authenticate_set(struct as_cluster_s* cluster,
	struct as_session_s* session, uint8_t* buffer);

#ifdef __cplusplus
}
#endif
