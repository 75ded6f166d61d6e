/*
 * Building and parsing the wire messages of single-record and batch
 * commands: the field and info-bit constants of the protocol, the command
 * struct a synchronous command runs with, and the inline writers of field
 * headers and message ends. The command layer is not built yet: its
 * exported functions are declared only. Multi-byte values are stored with
 * memcpy, so the writers work at any buffer alignment.
 */
#pragma once

#include <aerospike/as_bin.h>
#include <aerospike/as_buffer.h>
#include <aerospike/as_cluster.h>
#include <aerospike/as_key.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_proto.h>
#include <aerospike/as_random.h>
#include <aerospike/as_record.h>
#include <citrusleaf/alloc.h>
#include <citrusleaf/cf_byte_order.h>
#include <citrusleaf/cf_clock.h>

#include <alloca.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

/* as_command.flags */
#define AS_COMMAND_FLAGS_READ 1
#define AS_COMMAND_FLAGS_BATCH 2
#define AS_COMMAND_FLAGS_LINEARIZE 4
#define AS_COMMAND_FLAGS_SPLIT_RETRY 8
#define AS_COMMAND_FLAGS_TXN_MONITOR 16

/* Field types of a message. */
#define AS_FIELD_NAMESPACE 0
#define AS_FIELD_SETNAME 1
#define AS_FIELD_KEY 2
#define AS_FIELD_RECORD_VERSION 3
#define AS_FIELD_DIGEST 4
#define AS_FIELD_TXN_ID 5
#define AS_FIELD_TXN_DEADLINE 6
#define AS_FIELD_TASK_ID 7
#define AS_FIELD_SOCKET_TIMEOUT 9
#define AS_FIELD_RPS 10
#define AS_FIELD_PID_ARRAY 11
#define AS_FIELD_DIGEST_ARRAY 12
#define AS_FIELD_MAX_RECORDS 13
#define AS_FIELD_BVAL_ARRAY 15
#define AS_FIELD_INDEX_NAME 21
#define AS_FIELD_INDEX_RANGE 22
#define AS_FIELD_INDEX_CONTEXT 23
#define AS_FIELD_INDEX_EXPRESSION 24
#define AS_FIELD_INDEX_TYPE 26
#define AS_FIELD_UDF_PACKAGE_NAME 30
#define AS_FIELD_UDF_FUNCTION 31
#define AS_FIELD_UDF_ARGLIST 32
#define AS_FIELD_UDF_OP 33
#define AS_FIELD_QUERY_BINS 40
#define AS_FIELD_BATCH_INDEX 41
#define AS_FIELD_FILTER 43

/* as_msg.info1 bits */
#define AS_MSG_INFO1_READ (1 << 0)
#define AS_MSG_INFO1_GET_ALL (1 << 1)
#define AS_MSG_INFO1_SHORT_QUERY (1 << 2)
#define AS_MSG_INFO1_BATCH_INDEX (1 << 3)
#define AS_MSG_INFO1_XDR (1 << 4)
#define AS_MSG_INFO1_GET_NOBINDATA (1 << 5)
#define AS_MSG_INFO1_READ_MODE_AP_ALL (1 << 6)
#define AS_MSG_INFO1_COMPRESS_RESPONSE (1 << 7)

/* as_msg.info2 bits */
#define AS_MSG_INFO2_WRITE (1 << 0)
#define AS_MSG_INFO2_DELETE (1 << 1)
#define AS_MSG_INFO2_GENERATION (1 << 2)
#define AS_MSG_INFO2_GENERATION_GT (1 << 3)
#define AS_MSG_INFO2_DURABLE_DELETE (1 << 4)
#define AS_MSG_INFO2_CREATE_ONLY (1 << 5)
#define AS_MSG_INFO2_RELAX_AP_LONG_QUERY (1 << 6)
#define AS_MSG_INFO2_RESPOND_ALL_OPS (1 << 7)

/* as_msg.info3 bits */
#define AS_MSG_INFO3_LAST (1 << 0)
#define AS_MSG_INFO3_COMMIT_MASTER (1 << 1)
#define AS_MSG_INFO3_PARTITION_DONE (1 << 2)
#define AS_MSG_INFO3_UPDATE_ONLY (1 << 3)
#define AS_MSG_INFO3_CREATE_OR_REPLACE (1 << 4)
#define AS_MSG_INFO3_REPLACE_ONLY (1 << 5)
#define AS_MSG_INFO3_SC_READ_TYPE (1 << 6)
#define AS_MSG_INFO3_SC_READ_RELAX (1 << 7)

/* Transaction bits, carried in as_msg.unused. */
#define AS_MSG_INFO4_TXN_VERIFY_READ (1 << 0)
#define AS_MSG_INFO4_TXN_ROLL_FORWARD (1 << 1)
#define AS_MSG_INFO4_TXN_ROLL_BACK (1 << 2)
#define AS_MSG_INFO4_TXN_ON_LOCKING_ONLY (1 << 4)

/* Proto header plus message header. */
#define AS_HEADER_SIZE 30
/* 4-byte size and 1-byte type. */
#define AS_FIELD_HEADER_SIZE 5
/* 4-byte size, op, particle type, version, name length. */
#define AS_OPERATION_HEADER_SIZE 8
/* Requests up to this size are built on the stack. */
#define AS_STACK_BUF_SIZE (1024 * 16)
/* Requests smaller than this are never compressed. */
#define AS_COMPRESS_THRESHOLD 128

static inline void* local_malloc(size_t size)
{
	return cf_malloc(size);
}

static inline void local_free(void* memory)
{
	cf_free(memory);
}

/* A request buffer: the stack for small sizes, else the heap (free with the same size). */
#define as_command_buffer_init(_sz) \
	(_sz > AS_STACK_BUF_SIZE) ? (uint8_t*)local_malloc(_sz) : (uint8_t*)alloca(_sz)
#define as_command_buffer_free(_buf, _sz) \
	if (_sz > AS_STACK_BUF_SIZE) { \
		local_free(_buf); \
	}

typedef size_t (*as_write_fn)(void* udata, uint8_t* buf);

struct as_command_s;
struct as_txn;

typedef as_status (*as_parse_results_fn)(as_error* err, struct as_command_s* cmd,
	as_node* node, uint8_t* buf, size_t size);

typedef struct as_command_s {
	as_cluster* cluster;
	const as_policy_base* policy;
	as_node* node;
	const as_key* key;
	const char* ns;
	void* partition;
	as_parse_results_fn parse_results_fn;
	void* udata;
	uint8_t* buf;
	size_t buf_size;
	uint32_t partition_id;
	as_policy_replica replica;
	uint64_t deadline_ms;
	uint32_t socket_timeout;
	uint32_t total_timeout;
	uint32_t max_retries;
	uint32_t iteration;
	uint32_t sent;
	uint8_t flags;
	uint8_t replica_size;
	uint8_t replica_index;
	uint8_t replica_index_sc;
	as_latency_type latency_type;
} as_command;

/* What a command writes for its transaction, sized before it is written. */
typedef struct as_command_txn_data_s {
	uint64_t version;
	uint32_t deadline_offset;
	uint16_t n_fields;
	bool send_deadline;
} as_command_txn_data;

typedef struct as_command_parse_result_data_s {
	as_record** record;
	bool deserialize;
} as_command_parse_result_data;

AS_EXTERN size_t as_command_user_key_size(const as_key* key);
AS_EXTERN size_t as_command_key_size(const as_policy_base* policy, as_policy_key pol_key,
	const as_key* key, bool send_deadline, as_command_txn_data* tdata);
AS_EXTERN as_status as_command_bin_size(const as_bin* bin, as_queue* buffers, size_t* size,
	as_error* err);
AS_EXTERN uint8_t* as_command_write_header_write(uint8_t* cmd, const as_policy_base* policy,
	as_policy_commit_level commit_level, as_policy_exists exists, as_policy_gen gen_policy,
	uint32_t gen, uint32_t ttl, uint16_t n_fields, uint16_t n_bins, bool durable_delete,
	bool on_locking_only, uint8_t read_attr, uint8_t write_attr, uint8_t info_attr);
AS_EXTERN uint8_t* as_command_write_header_read(uint8_t* cmd, const as_policy_base* policy,
	as_policy_read_mode_ap read_mode_ap, as_policy_read_mode_sc read_mode_sc, int read_ttl,
	uint32_t timeout, uint16_t n_fields, uint16_t n_bins, uint8_t read_attr,
	uint8_t write_attr, uint8_t info_attr);
AS_EXTERN uint8_t* as_command_write_header_read_header(uint8_t* cmd,
	const as_policy_base* policy, as_policy_read_mode_ap read_mode_ap,
	as_policy_read_mode_sc read_mode_sc, int read_ttl, uint16_t n_fields, uint16_t n_bins,
	uint8_t read_attr);
AS_EXTERN uint8_t* as_command_write_user_key(uint8_t* begin, const as_key* key);
AS_EXTERN uint8_t* as_command_write_key(uint8_t* p, const as_policy_base* policy,
	as_policy_key pol_key, const as_key* key, as_command_txn_data* tdata);
AS_EXTERN uint8_t* as_command_write_bin_name(uint8_t* cmd, const char* name);
AS_EXTERN uint8_t* as_command_write_bin(uint8_t* begin, as_operator operation_type,
	const as_bin* bin, as_queue* buffers);
AS_EXTERN size_t as_command_compress_max_size(size_t cmd_sz);
AS_EXTERN as_status as_command_compress(as_error* err, uint8_t* cmd, size_t cmd_sz,
	uint8_t* compressed_cmd, size_t* compressed_size);
AS_EXTERN as_status as_command_send(as_command* cmd, as_error* err, uint32_t comp_threshold,
	as_write_fn write_fn, void* udata);
AS_EXTERN as_status as_command_execute(as_command* cmd, as_error* err);
AS_EXTERN as_status as_command_parse_header(as_error* err, as_command* cmd, as_node* node,
	uint8_t* buf, size_t size);
AS_EXTERN uint8_t* as_command_ignore_fields(uint8_t* p, uint32_t n_fields);
AS_EXTERN as_status as_command_parse_fields_txn(uint8_t** pp, as_error* err, as_msg* msg,
	struct as_txn* txn, const uint8_t* digest, const char* set, bool is_write);
AS_EXTERN as_status as_command_parse_result(as_error* err, as_command* cmd, as_node* node,
	uint8_t* buf, size_t size);
AS_EXTERN as_status as_command_parse_success_failure(as_error* err, as_command* cmd,
	as_node* node, uint8_t* buf, size_t size);
AS_EXTERN as_status as_command_parse_success_failure_bins(uint8_t** pp, as_error* err,
	as_msg* msg, as_val** value);
AS_EXTERN as_status as_command_parse_bins(uint8_t** pp, as_error* err, as_record* rec,
	uint32_t n_bins, bool deserialize);
AS_EXTERN as_status as_command_parse_udf_failure(uint8_t* p, as_error* err, as_msg* msg,
	as_status status);
AS_EXTERN uint8_t* as_command_ignore_bins(uint8_t* p, uint32_t n_bins);
AS_EXTERN uint8_t* as_command_parse_key(uint8_t* p, uint32_t n_fields, as_key* key,
	uint64_t* bval);
AS_EXTERN as_status as_command_parse_deadline(as_error* err, as_command* cmd, as_node* node,
	uint8_t* buf, size_t size);
AS_EXTERN as_status as_command_parse_fields_deadline(uint8_t** pp, as_error* err, as_msg* msg,
	struct as_txn* txn);
AS_EXTERN uint8_t as_replica_index_init_read(as_cluster* cluster, as_policy_replica replica);
AS_EXTERN uint8_t as_replica_index_init_write(as_cluster* cluster, as_policy_replica replica);

/* Frees the as_buffer elements of a queue (serialized bin values), then the queue. */
static inline void as_buffers_destroy(as_queue* buffers)
{
	as_buffer buffer;
	while (as_queue_pop(buffers, &buffer)) {
		cf_free(buffer.data);
	}
	as_queue_destroy(buffers);
}

static inline size_t as_command_string_field_size(const char* value)
{
	return strlen(value) + AS_FIELD_HEADER_SIZE;
}

static inline size_t as_command_field_size(size_t size)
{
	return size + AS_FIELD_HEADER_SIZE;
}

/* Adds the operation size of a bin name to *size; names over 15 bytes are a parameter error. */
static inline as_status as_command_bin_name_size(as_error* err, const char* name, size_t* size)
{
	size_t len = strlen(name);
	if (len > AS_BIN_NAME_MAX_LEN) {
		return as_error_update(err, AEROSPIKE_ERR_PARAM, "Bin name too long: %s", name);
	}
	*size += len + AS_OPERATION_HEADER_SIZE;
	return AEROSPIKE_OK;
}

static inline size_t as_command_string_operation_size(const char* value)
{
	return strlen(value) + AS_OPERATION_HEADER_SIZE;
}

static inline void as_command_set_attr_read_header(as_policy_read_mode_ap read_mode_ap,
	as_policy_read_mode_sc read_mode_sc, uint8_t* read_attr, uint8_t* info_attr)
{
	if (read_mode_sc == AS_POLICY_READ_MODE_SC_LINEARIZE) {
		*info_attr |= AS_MSG_INFO3_SC_READ_TYPE;
	}
	else if (read_mode_sc == AS_POLICY_READ_MODE_SC_ALLOW_REPLICA) {
		*info_attr |= AS_MSG_INFO3_SC_READ_RELAX;
	}
	else if (read_mode_sc == AS_POLICY_READ_MODE_SC_ALLOW_UNAVAILABLE) {
		*info_attr |= AS_MSG_INFO3_SC_READ_TYPE | AS_MSG_INFO3_SC_READ_RELAX;
	}
	if (read_mode_ap == AS_POLICY_READ_MODE_AP_ALL) {
		*read_attr |= AS_MSG_INFO1_READ_MODE_AP_ALL;
	}
}

static inline void as_command_set_attr_compress(bool compress, uint8_t* read_attr)
{
	if (compress) {
		*read_attr |= AS_MSG_INFO1_COMPRESS_RESPONSE;
	}
}

static inline void as_command_set_attr_read(as_policy_read_mode_ap read_mode_ap,
	as_policy_read_mode_sc read_mode_sc, bool compress, uint8_t* read_attr, uint8_t* info_attr)
{
	as_command_set_attr_read_header(read_mode_ap, read_mode_sc, read_attr, info_attr);
	as_command_set_attr_compress(compress, read_attr);
}

/* The size on the wire counts the type byte, hence size + 1. */
static inline uint8_t* as_command_write_field_header(uint8_t* p, uint8_t id, uint32_t size)
{
	uint32_t be = cf_swap_to_be32(size + 1);
	memcpy(p, &be, sizeof(be));
	p[4] = id;
	return p + AS_FIELD_HEADER_SIZE;
}

static inline uint8_t* as_command_write_field_string(uint8_t* begin, uint8_t id,
	const char* val)
{
	size_t len = strlen(val);
	memcpy(begin + AS_FIELD_HEADER_SIZE, val, len);
	as_command_write_field_header(begin, id, (uint32_t)len);
	return begin + AS_FIELD_HEADER_SIZE + len;
}

static inline uint8_t* as_command_write_field_uint32(uint8_t* p, uint8_t id, uint32_t val)
{
	uint32_t be = cf_swap_to_be32(val);
	p = as_command_write_field_header(p, id, sizeof(be));
	memcpy(p, &be, sizeof(be));
	return p + sizeof(be);
}

static inline uint8_t* as_command_write_field_uint32_le(uint8_t* p, uint8_t id, uint32_t val)
{
	uint32_t le = cf_swap_to_le32(val);
	p = as_command_write_field_header(p, id, sizeof(le));
	memcpy(p, &le, sizeof(le));
	return p + sizeof(le);
}

static inline uint8_t* as_command_write_field_uint64(uint8_t* p, uint8_t id, uint64_t val)
{
	uint64_t be = cf_swap_to_be64(val);
	p = as_command_write_field_header(p, id, sizeof(be));
	memcpy(p, &be, sizeof(be));
	return p + sizeof(be);
}

static inline uint8_t* as_command_write_field_uint64_le(uint8_t* p, uint8_t id, uint64_t val)
{
	uint64_t le = cf_swap_to_le64(val);
	p = as_command_write_field_header(p, id, sizeof(le));
	memcpy(p, &le, sizeof(le));
	return p + sizeof(le);
}

static inline uint8_t* as_command_write_field_buffer(uint8_t* p, uint8_t id, as_buffer* buffer)
{
	p = as_command_write_field_header(p, id, buffer->size);
	memcpy(p, buffer->data, buffer->size);
	return p + buffer->size;
}

static inline uint8_t* as_command_write_field_digest(uint8_t* p, const as_digest* val)
{
	p = as_command_write_field_header(p, AS_FIELD_DIGEST, AS_DIGEST_VALUE_SIZE);
	memcpy(p, val->value, AS_DIGEST_VALUE_SIZE);
	return p + AS_DIGEST_VALUE_SIZE;
}

/* Record versions travel as their low 7 bytes, little-endian. */
static inline uint8_t* as_command_write_field_version(uint8_t* p, uint64_t ver)
{
	uint64_t le = cf_swap_to_le64(ver);
	p = as_command_write_field_header(p, AS_FIELD_RECORD_VERSION, 7);
	memcpy(p, &le, 7);
	return p + 7;
}

static inline uint64_t as_command_proto_word_(uint64_t body_size, uint64_t type)
{
	return body_size | ((uint64_t)AS_PROTO_VERSION << 56) | (type << 48);
}

/* Writes the proto header at begin for the message ending at end; returns the total size. */
static inline size_t as_command_write_end(uint8_t* begin, uint8_t* end)
{
	uint64_t len = (uint64_t)(end - begin);
	uint64_t be = cf_swap_to_be64(as_command_proto_word_(len - 8, AS_MESSAGE_TYPE));
	memcpy(begin, &be, sizeof(be));
	return (size_t)len;
}

static inline size_t as_command_compress_write_end(uint8_t* begin, uint8_t* end,
	uint64_t uncompressed_sz)
{
	uint64_t len = (uint64_t)(end - begin);
	uint64_t be = cf_swap_to_be64(as_command_proto_word_(len - 8, AS_COMPRESSED_MESSAGE_TYPE));
	memcpy(begin, &be, sizeof(be));
	be = cf_swap_to_be64(uncompressed_sz);
	memcpy(begin + sizeof(as_proto), &be, sizeof(be));
	return (size_t)len;
}

/* The timeout the server enforces: the socket timeout when set and shorter, else the total. */
static inline uint32_t as_command_server_timeout(const as_policy_base* policy)
{
	if (policy->socket_timeout != 0 && policy->socket_timeout < policy->total_timeout) {
		return policy->socket_timeout;
	}
	return policy->total_timeout;
}

#if defined(_POSIX_C_SOURCE) && _POSIX_C_SOURCE >= 199309L

/* Starts the command's clock: the socket timeout never exceeds a set total timeout. */
static inline void as_command_start_timer(as_command* cmd)
{
	const as_policy_base* policy = cmd->policy;
	cmd->max_retries = policy->max_retries;
	cmd->iteration = 0;
	cmd->sent = 0;
	cmd->total_timeout = policy->total_timeout;
	if (policy->total_timeout > 0) {
		cmd->socket_timeout =
			(policy->socket_timeout == 0 || policy->socket_timeout > policy->total_timeout)
			? policy->total_timeout
			: policy->socket_timeout;
		cmd->deadline_ms = cf_getms() + policy->total_timeout;
	}
	else {
		cmd->socket_timeout = policy->socket_timeout;
		cmd->deadline_ms = 0;
	}
}

#endif

/* Skips the fields unless a transaction needs the record version among them. */
static inline as_status as_command_parse_fields(uint8_t** pp, as_error* err, as_msg* msg,
	struct as_txn* txn, const as_key* key, bool is_write)
{
	if (txn == NULL) {
		*pp = as_command_ignore_fields(*pp, msg->n_fields);
		return AEROSPIKE_OK;
	}
	return as_command_parse_fields_txn(pp, err, msg, txn, key->digest.value, key->set, is_write);
}

/* A background job id: the caller's, or a random one (stored back when the caller passed 0). */
static inline uint64_t as_task_id_resolve(uint64_t* task_id_ptr)
{
	if (task_id_ptr == NULL) {
		return as_random_get_uint64();
	}
	if (*task_id_ptr == 0) {
		*task_id_ptr = as_random_get_uint64();
	}
	return *task_id_ptr;
}

/* Writes keep master or random replica policies; every other becomes sequence. */
static inline as_policy_replica as_command_write_replica(as_policy_replica replica)
{
	if (replica == AS_POLICY_REPLICA_MASTER || replica == AS_POLICY_REPLICA_RANDOM) {
		return replica;
	}
	return AS_POLICY_REPLICA_SEQUENCE;
}

#ifdef __cplusplus
}
#endif
