/*
 * User-defined functions: a call (module, function, argument list) and the
 * UDF files the server keeps (name, content, type, SHA-1 hash in hex). The
 * constructors belong to the UDF layer: declared only.
 */
#pragma once

#include <aerospike/as_bytes.h>
#include <aerospike/as_list.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AS_UDF_MODULE_MAX_SIZE 64
#define AS_UDF_MODULE_MAX_LEN (AS_UDF_MODULE_MAX_SIZE - 1)
#define AS_UDF_FUNCTION_MAX_SIZE 64
#define AS_UDF_FUNCTION_MAX_LEN (AS_UDF_FUNCTION_MAX_SIZE - 1)
#define AS_UDF_FILE_NAME_SIZE 128
/* Unbracketed, exactly as 7.4.0 spells it (it binds loosely in expressions). */
#define AS_UDF_FILE_NAME_LEN AS_UDF_FILE_NAME_SIZE - 1
/* 20 SHA-1 bytes as hex digits. */
#define AS_UDF_FILE_HASH_SIZE (20 * 2)

typedef char as_udf_module_name[AS_UDF_MODULE_MAX_SIZE];
typedef char as_udf_function_name[AS_UDF_FUNCTION_MAX_SIZE];

typedef struct as_udf_call_s {
	as_udf_module_name module;
	as_udf_function_name function;
	as_list* arglist;
	bool _free;
} as_udf_call;

typedef enum as_udf_type_e {
	AS_UDF_TYPE_LUA
} as_udf_type;

typedef struct as_udf_file_s {
	char name[AS_UDF_FILE_NAME_SIZE];
	struct {
		uint8_t* bytes;
		uint32_t capacity;
		uint32_t size;
		bool _free;
	} content;
	as_udf_type type;
	/* Hex digits and a terminator. */
	uint8_t hash[AS_UDF_FILE_HASH_SIZE + 1];
	bool _free;
} as_udf_file;

typedef struct as_udf_files_s {
	as_udf_file* entries;
	uint32_t capacity;
	uint32_t size;
	bool _free;
} as_udf_files;

AS_EXTERN as_udf_call* as_udf_call_init(as_udf_call* call, const as_udf_module_name module,
	const as_udf_function_name function, as_list* arglist);
AS_EXTERN as_udf_call* as_udf_call_new(const as_udf_module_name module,
	const as_udf_function_name function, as_list* arglist);
AS_EXTERN void as_udf_call_destroy(as_udf_call* call);

AS_EXTERN as_udf_file* as_udf_file_init(as_udf_file* file);
AS_EXTERN as_udf_file* as_udf_file_new(void);
AS_EXTERN void as_udf_file_destroy(as_udf_file* file);

AS_EXTERN as_udf_files* as_udf_files_init(as_udf_files* files, uint32_t capacity);
AS_EXTERN as_udf_files* as_udf_files_new(uint32_t capacity);
AS_EXTERN void as_udf_files_destroy(as_udf_files* files);

#ifdef __cplusplus
}
#endif
