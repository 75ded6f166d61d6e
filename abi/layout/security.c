/*
 * Layout of the security administration types (as_admin.h): privileges,
 * roles and users, with the privilege codes and the role name size,
 * measured by compiling the 7.4.0 headers (x86-64 Linux).
 */
#include "../layout_check.h"

#include <aerospike/as_admin.h>

AS_CHECK(sizeof(as_privilege) == 100);
AS_CHECK(AS_ALIGNOF(as_privilege) == 4);
AS_CHECK(offsetof(as_privilege, ns) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_privilege, ns) == 32);
AS_CHECK(offsetof(as_privilege, set) == 32);
AS_CHECK(AS_MEMBER_SIZE(as_privilege, set) == 64);
AS_CHECK(offsetof(as_privilege, code) == 96);
AS_CHECK(AS_MEMBER_SIZE(as_privilege, code) == 4);
AS_CHECK(sizeof(as_role) == 88);
AS_CHECK(AS_ALIGNOF(as_role) == 8);
AS_CHECK(offsetof(as_role, name) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_role, name) == 64);
AS_CHECK(offsetof(as_role, read_quota) == 64);
AS_CHECK(AS_MEMBER_SIZE(as_role, read_quota) == 4);
AS_CHECK(offsetof(as_role, write_quota) == 68);
AS_CHECK(AS_MEMBER_SIZE(as_role, write_quota) == 4);
AS_CHECK(offsetof(as_role, whitelist) == 72);
AS_CHECK(AS_MEMBER_SIZE(as_role, whitelist) == 8);
AS_CHECK(offsetof(as_role, whitelist_size) == 80);
AS_CHECK(AS_MEMBER_SIZE(as_role, whitelist_size) == 4);
AS_CHECK(offsetof(as_role, privileges_size) == 84);
AS_CHECK(AS_MEMBER_SIZE(as_role, privileges_size) == 4);
AS_CHECK(offsetof(as_role, privileges) == 88);
AS_CHECK(sizeof(as_user) == 96);
AS_CHECK(AS_ALIGNOF(as_user) == 8);
AS_CHECK(offsetof(as_user, name) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_user, name) == 64);
AS_CHECK(offsetof(as_user, read_info) == 64);
AS_CHECK(AS_MEMBER_SIZE(as_user, read_info) == 8);
AS_CHECK(offsetof(as_user, write_info) == 72);
AS_CHECK(AS_MEMBER_SIZE(as_user, write_info) == 8);
AS_CHECK(offsetof(as_user, read_info_size) == 80);
AS_CHECK(AS_MEMBER_SIZE(as_user, read_info_size) == 4);
AS_CHECK(offsetof(as_user, write_info_size) == 84);
AS_CHECK(AS_MEMBER_SIZE(as_user, write_info_size) == 4);
AS_CHECK(offsetof(as_user, conns_in_use) == 88);
AS_CHECK(AS_MEMBER_SIZE(as_user, conns_in_use) == 4);
AS_CHECK(offsetof(as_user, roles_size) == 92);
AS_CHECK(AS_MEMBER_SIZE(as_user, roles_size) == 4);
AS_CHECK(offsetof(as_user, roles) == 96);
AS_CHECK(AS_ROLE_SIZE == 64);
AS_CHECK(AS_PRIVILEGE_USER_ADMIN == 0);
AS_CHECK(AS_PRIVILEGE_SYS_ADMIN == 1);
AS_CHECK(AS_PRIVILEGE_DATA_ADMIN == 2);
AS_CHECK(AS_PRIVILEGE_UDF_ADMIN == 3);
AS_CHECK(AS_PRIVILEGE_SINDEX_ADMIN == 4);
AS_CHECK(AS_PRIVILEGE_READ == 10);
AS_CHECK(AS_PRIVILEGE_READ_WRITE == 11);
AS_CHECK(AS_PRIVILEGE_READ_WRITE_UDF == 12);
AS_CHECK(AS_PRIVILEGE_WRITE == 13);
AS_CHECK(AS_PRIVILEGE_TRUNCATE == 14);
