/*
 * Written the way a 7.4.0 user writes against <aerospike/aerospike_udf.h>
 * alone: the UDF file, call, bytes and list types come along with the size
 * macros, AS_UDF_FILE_NAME_LEN unbracketed as in 7.4.0.
 */
#include <aerospike/aerospike_udf.h>

int aeroshim_stock_style_aerospike_udf(void);

int aeroshim_stock_style_aerospike_udf(void)
{
	as_udf_file file;
	as_udf_call call;
	as_bytes* content = NULL;
	as_list* args = NULL;
	memset(&file, 0, sizeof(file));
	memset(&call, 0, sizeof(call));
	call.arglist = args;
	if (sizeof(file.hash) != AS_UDF_FILE_HASH_SIZE + 1 || sizeof(call.module) != 64) {
		return __LINE__;
	}
	/* 2 * 128 - 1: the macro binds loosely, exactly as 7.4.0's does. */
	if (2 * AS_UDF_FILE_NAME_LEN != 255 || AS_UDF_MODULE_MAX_LEN != 63) {
		return __LINE__;
	}
	return file.type == AS_UDF_TYPE_LUA && content == NULL && call.arglist == NULL ? 0 : __LINE__;
}
