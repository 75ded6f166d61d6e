/*
 * A UDF language module (7.4.0's is Lua): hooks to configure it, react to
 * UDF files appearing or going, validate a file, and apply a function to a
 * record or a stream. The dispatchers belong to the UDF runtime, which
 * aeroshim does not include: declared only.
 */
#pragma once

#include <aerospike/as_aerospike.h>
#include <aerospike/as_stream.h>
#include <aerospike/as_result.h>
#include <aerospike/as_std.h>
/*
 * 7.4.0 includes <aerospike/as_types.h> here, which only gathers the value
 * headers below; as_types.h is not in the tree yet, so they are named one
 * by one and bring the same types.
 */
#include <aerospike/as_boolean.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_string.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_pair.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_val.h>
#include <aerospike/as_rec.h>
#include <aerospike/as_iterator.h>
#include <aerospike/as_stream.h>
#include <aerospike/as_list.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_arraylist_iterator.h>
#include <aerospike/as_map.h>
#include <aerospike/as_hashmap.h>
#include <aerospike/as_hashmap_iterator.h>
#include <aerospike/as_result.h>
#include <aerospike/as_udf_context.h>

#ifdef __cplusplus
extern "C" {
#endif

struct as_module_s;

typedef enum as_module_event_type_e {
	AS_MODULE_EVENT_CONFIGURE = 0,
	AS_MODULE_EVENT_FILE_SCAN = 1,
	AS_MODULE_EVENT_FILE_ADD = 2,
	AS_MODULE_EVENT_FILE_REMOVE = 3,
	AS_MODULE_EVENT_CLEAR_CACHE = 4
} as_module_event_type;

typedef struct as_module_event_data_s {
	/* For AS_MODULE_EVENT_CONFIGURE. */
	void* config;
	/* For the file events. */
	const char* filename;
} as_module_event_data;

typedef struct as_module_event_s {
	as_module_event_type type;
	as_module_event_data data;
} as_module_event;

typedef struct as_module_error_s {
	uint8_t scope;
	uint32_t code;
	char message[1024];
	char file[256];
	uint32_t line;
	char func[256];
} as_module_error;

typedef struct as_module_hooks_s {
	int (*destroy)(struct as_module_s* m);
	int (*update)(struct as_module_s* m, as_module_event* e);
	int (*validate)(struct as_module_s* m, as_aerospike* as, const char* filename,
		const char* content, uint32_t size, as_module_error* err);
	int (*apply_record)(struct as_module_s* m, as_udf_context* ctx, const char* filename,
		const char* function, as_rec* rec, as_list* args, as_result* res);
	int (*apply_stream)(struct as_module_s* m, as_udf_context* ctx, const char* filename,
		const char* function, as_stream* istream, as_list* args, as_stream* ostream,
		as_result* res);
} as_module_hooks;

typedef struct as_module_s {
	const void* source;
	const as_module_hooks* hooks;
} as_module;

AS_EXTERN void* as_module_source(as_module* m);
AS_EXTERN int as_module_destroy(as_module* m);
AS_EXTERN int as_module_configure(as_module* m, void* c);
AS_EXTERN int as_module_update(as_module* m, as_module_event* e);
AS_EXTERN int as_module_validate(as_module* m, as_aerospike* as, const char* filename,
	const char* content, uint32_t size, as_module_error* error);
AS_EXTERN int as_module_apply_record(as_module* m, as_udf_context* ctx, const char* filename,
	const char* function, as_rec* r, as_list* args, as_result* res);
AS_EXTERN int as_module_apply_stream(as_module* m, as_udf_context* ctx, const char* filename,
	const char* function, as_stream* istream, as_list* args, as_stream* ostream,
	as_result* res);
/* A static message for a module's error code. */
AS_EXTERN char* as_module_err_string(int e);

#ifdef __cplusplus
}
#endif
