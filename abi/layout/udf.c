/*
 * Layout of the UDF, job and index-task types (layout-data.md section 6)
 * with their enums and size macros, measured by compiling the 7.4.0
 * headers (x86-64 Linux).
 */
#include "../layout_check.h"

#include <aerospike/as_udf.h>
#include <aerospike/aerospike_udf.h>
#include <aerospike/as_job.h>
#include <aerospike/aerospike_index.h>

AS_CHECK(sizeof(as_udf_call) == 144);
AS_CHECK(AS_ALIGNOF(as_udf_call) == 8);
AS_CHECK(offsetof(as_udf_call, module) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_udf_call, module) == 64);
AS_CHECK(offsetof(as_udf_call, function) == 64);
AS_CHECK(AS_MEMBER_SIZE(as_udf_call, function) == 64);
AS_CHECK(offsetof(as_udf_call, arglist) == 128);
AS_CHECK(AS_MEMBER_SIZE(as_udf_call, arglist) == 8);
AS_CHECK(offsetof(as_udf_call, _free) == 136);
AS_CHECK(AS_MEMBER_SIZE(as_udf_call, _free) == 1);
AS_CHECK(sizeof(as_udf_file) == 200);
AS_CHECK(AS_ALIGNOF(as_udf_file) == 8);
AS_CHECK(offsetof(as_udf_file, name) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_udf_file, name) == 128);
AS_CHECK(offsetof(as_udf_file, content) == 128);
AS_CHECK(AS_MEMBER_SIZE(as_udf_file, content) == 24);
AS_CHECK(offsetof(as_udf_file, type) == 152);
AS_CHECK(AS_MEMBER_SIZE(as_udf_file, type) == 4);
AS_CHECK(offsetof(as_udf_file, hash) == 156);
AS_CHECK(AS_MEMBER_SIZE(as_udf_file, hash) == 41);
AS_CHECK(offsetof(as_udf_file, _free) == 197);
AS_CHECK(AS_MEMBER_SIZE(as_udf_file, _free) == 1);
AS_CHECK(sizeof(as_udf_files) == 24);
AS_CHECK(AS_ALIGNOF(as_udf_files) == 8);
AS_CHECK(offsetof(as_udf_files, entries) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_udf_files, entries) == 8);
AS_CHECK(offsetof(as_udf_files, capacity) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_udf_files, capacity) == 4);
AS_CHECK(offsetof(as_udf_files, size) == 12);
AS_CHECK(AS_MEMBER_SIZE(as_udf_files, size) == 4);
AS_CHECK(offsetof(as_udf_files, _free) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_udf_files, _free) == 1);
AS_CHECK(sizeof(as_job_info) == 12);
AS_CHECK(AS_ALIGNOF(as_job_info) == 4);
AS_CHECK(offsetof(as_job_info, status) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_job_info, status) == 4);
AS_CHECK(offsetof(as_job_info, progress_pct) == 4);
AS_CHECK(AS_MEMBER_SIZE(as_job_info, progress_pct) == 4);
AS_CHECK(offsetof(as_job_info, records_read) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_job_info, records_read) == 4);
AS_CHECK(sizeof(as_index_task) == 120);
AS_CHECK(AS_ALIGNOF(as_index_task) == 8);
AS_CHECK(offsetof(as_index_task, as) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_index_task, as) == 8);
AS_CHECK(offsetof(as_index_task, ns) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_index_task, ns) == 32);
AS_CHECK(offsetof(as_index_task, name) == 40);
AS_CHECK(AS_MEMBER_SIZE(as_index_task, name) == 64);
AS_CHECK(offsetof(as_index_task, socket_timeout) == 104);
AS_CHECK(AS_MEMBER_SIZE(as_index_task, socket_timeout) == 4);
AS_CHECK(offsetof(as_index_task, total_timeout) == 108);
AS_CHECK(AS_MEMBER_SIZE(as_index_task, total_timeout) == 4);
AS_CHECK(offsetof(as_index_task, done) == 112);
AS_CHECK(AS_MEMBER_SIZE(as_index_task, done) == 1);
AS_CHECK(AS_UDF_MODULE_MAX_SIZE == 64);
AS_CHECK(AS_UDF_MODULE_MAX_LEN == 63);
AS_CHECK(AS_UDF_FUNCTION_MAX_SIZE == 64);
AS_CHECK(AS_UDF_FUNCTION_MAX_LEN == 63);
AS_CHECK(AS_UDF_FILE_NAME_SIZE == 128);
AS_CHECK(AS_UDF_FILE_NAME_LEN == 127);
AS_CHECK(AS_UDF_FILE_HASH_SIZE == 40);
AS_CHECK(AS_UDF_TYPE_LUA == 0);
AS_CHECK(AS_JOB_STATUS_UNDEF == 0);
AS_CHECK(AS_JOB_STATUS_INPROGRESS == 1);
AS_CHECK(AS_JOB_STATUS_COMPLETED == 2);
AS_CHECK(AS_INDEX_NAME_MAX_SIZE == 64);
AS_CHECK(AS_INDEX_DEFAULT == 0);
AS_CHECK(AS_INDEX_TYPE_DEFAULT == 0);
AS_CHECK(AS_INDEX_TYPE_LIST == 1);
AS_CHECK(AS_INDEX_TYPE_MAPKEYS == 2);
AS_CHECK(AS_INDEX_TYPE_MAPVALUES == 3);
AS_CHECK(AS_INDEX_TYPE_SET == 4);
AS_CHECK(AS_INDEX_STRING == 0);
AS_CHECK(AS_INDEX_NUMERIC == 1);
AS_CHECK(AS_INDEX_GEO2DSPHERE == 2);
AS_CHECK(AS_INDEX_BLOB == 3);
AS_CHECK(AS_INDEX_INTEGER == 4);
