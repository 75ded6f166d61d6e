"""The C side of the binding: finding libaerospike, the 7.4.0 layouts this
package reads or fills, and the prototypes of every function it calls.

Structs the binding fills field by field (as_config, as_error) are ctypes
Structures checked against the offsets abi/layout_check.c asserts; structs it
only reads a few members of (records, keys, values, nodes) are read at the
offsets in the tables below, from the same layout checks.
"""

import ctypes
import ctypes.util
import os
import platform

DEFAULT_SHM_KEY = 0xA5000000
AEROSPIKE_OK = 0
AEROSPIKE_ERR_CLIENT = -1
AEROSPIKE_ERR_PARAM = -2

# ---------------------------------------------------------------------------
# 7.4.0 layouts (x86-64/aarch64 LP64), as asserted by abi/layout_check.c.
SIZEOF_AS_CONFIG = 1904
SIZEOF_AS_ERROR = 1056
AS_CONFIG_OFFSETS = {
    "hosts": 0, "user": 8, "password": 72, "cluster_name": 136, "app_id": 144,
    "event_callback": 152, "event_callback_udata": 160, "ip_map": 168,
    "ip_map_size": 176, "min_conns_per_node": 180, "max_conns_per_node": 184,
    "async_min_conns_per_node": 188, "async_max_conns_per_node": 192,
    "pipe_max_conns_per_node": 196, "conn_pools_per_node": 200,
    "conn_timeout_ms": 204, "login_timeout_ms": 208, "max_socket_idle": 212,
    "max_error_rate": 216, "error_rate_window": 220, "tender_interval": 224,
    "thread_pool_size": 228, "tend_thread_cpu": 232, "policies": 240,
    "config_provider": 1472, "lua": 1488, "tls": 1752, "auth_mode": 1856,
    "fail_if_not_connected": 1860, "use_services_alternate": 1861,
    "force_single_node": 1862, "rack_aware": 1863, "rack_id": 1864,
    "rack_ids": 1872, "use_shm": 1880, "shm_key": 1884, "shm_max_nodes": 1888,
    "shm_max_namespaces": 1892, "shm_takeover_threshold_sec": 1896,
}
AS_ERROR_OFFSETS = {
    "code": 0, "message": 4, "func": 1032, "file": 1040, "line": 1048, "in_doubt": 1052,
}

_u32 = ctypes.c_uint32
_ptr = ctypes.c_void_p


class AsConfig(ctypes.Structure):
    """as_config. Members whose types this binding does not use (policies,
    config provider, lua, tls) are opaque byte blocks of the right size."""
    _fields_ = [
        ("hosts", _ptr),
        ("user", ctypes.c_char * 64),
        ("password", ctypes.c_char * 64),
        ("cluster_name", ctypes.c_char_p),
        ("app_id", ctypes.c_char_p),
        ("event_callback", _ptr),
        ("event_callback_udata", _ptr),
        ("ip_map", _ptr),
        ("ip_map_size", _u32),
        ("min_conns_per_node", _u32),
        ("max_conns_per_node", _u32),
        ("async_min_conns_per_node", _u32),
        ("async_max_conns_per_node", _u32),
        ("pipe_max_conns_per_node", _u32),
        ("conn_pools_per_node", _u32),
        ("conn_timeout_ms", _u32),
        ("login_timeout_ms", _u32),
        ("max_socket_idle", _u32),
        ("max_error_rate", _u32),
        ("error_rate_window", _u32),
        ("tender_interval", _u32),
        ("thread_pool_size", _u32),
        ("tend_thread_cpu", ctypes.c_int),
        ("policies", ctypes.c_uint64 * (1232 // 8)),      # as_policies, align 8
        ("config_provider", ctypes.c_uint64 * 2),         # as_config_provider
        ("lua", ctypes.c_uint8 * 257),                    # as_config_lua, align 1
        ("tls", ctypes.c_uint64 * (104 // 8)),            # as_config_tls, align 8
        ("auth_mode", ctypes.c_int),
        ("fail_if_not_connected", ctypes.c_bool),
        ("use_services_alternate", ctypes.c_bool),
        ("force_single_node", ctypes.c_bool),
        ("rack_aware", ctypes.c_bool),
        ("rack_id", ctypes.c_int),
        ("rack_ids", _ptr),
        ("use_shm", ctypes.c_bool),
        ("shm_key", ctypes.c_int),
        ("shm_max_nodes", _u32),
        ("shm_max_namespaces", _u32),
        ("shm_takeover_threshold_sec", _u32),
    ]


class AsError(ctypes.Structure):
    """as_error."""
    _fields_ = [
        ("code", ctypes.c_int),
        ("message", ctypes.c_char * 1024),
        ("func", ctypes.c_char_p),
        ("file", ctypes.c_char_p),
        ("line", _u32),
        ("in_doubt", ctypes.c_bool),
    ]


def _check_layout():
    for struct, size, offsets in ((AsConfig, SIZEOF_AS_CONFIG, AS_CONFIG_OFFSETS),
                                  (AsError, SIZEOF_AS_ERROR, AS_ERROR_OFFSETS)):
        if ctypes.sizeof(struct) != size:
            raise ImportError("aeroshim: sizeof(%s) is %d here, 7.4.0 has %d"
                              % (struct.__name__, ctypes.sizeof(struct), size))
        for name, offset in offsets.items():
            actual = getattr(struct, name).offset
            if actual != offset:
                raise ImportError("aeroshim: %s.%s is at %d here, 7.4.0 has %d"
                                  % (struct.__name__, name, actual, offset))
        if set(offsets) != {f[0] for f in struct._fields_}:
            raise ImportError("aeroshim: %s fields differ from the offset table" % struct.__name__)


_check_layout()


# Offsets of members read or written directly (abi/layout/*.c, layout_check.c).
AEROSPIKE_CONFIG = 8                 # offsetof(aerospike, config)
AS_CONFIG_POLICIES = 240             # offsetof(as_config, policies)
POLICIES = {                         # offsetof(as_policies, X), sizeof(as_policy_X)
    "read": (0, 72), "write": (72, 80), "operate": (152, 96), "remove": (248, 72),
    "apply": (320, 72), "batch": (392, 72), "scan": (616, 72), "query": (688, 64),
    "info": (752, 12),
}
VAL_TYPE = 4                         # offsetof(as_val, type)
VAL_PAYLOAD = 8                      # as_integer/as_double/as_boolean value
STRING_VALUE, STRING_LEN = 16, 24    # as_string
BYTES_SIZE, BYTES_VALUE = 12, 16     # as_bytes
CONTAINER_HOOKS = 16                 # as_list/as_map hooks
LIST_HOOK_FOREACH = 30               # index of foreach in as_list_hooks
MAP_HOOK_FOREACH = 8                 # index of foreach in as_map_hooks
SIZEOF_AS_KEY = 168
KEY_NS, KEY_SET, KEY_VALUEP, KEY_DIGEST = 1, 33, 136, 145   # digest.value
DIGEST_SIZE = 20
RECORD_KEY, RECORD_GEN, RECORD_TTL = 24, 192, 196           # as_record
SIZEOF_BATCH_RESULT = 232
BATCH_RESULT_RECORD, BATCH_RESULT_STATUS = 8, 224           # as_batch_result
OPERATIONS_TTL, OPERATIONS_GEN = 16, 20                     # as_operations
SIZEOF_MAP_POLICY = 24
SIZEOF_INDEX_TASK = 128              # as_index_task is 120 bytes; room to spare
AS_NODE_NAME_SIZE = 20
AS_NODE_NAME_OFFSET = 32             # offsetof(as_node, name)
NODE_ADDRESS_INDEX, NODE_ADDRESSES = 52, 64
SIZEOF_AS_ADDRESS, ADDRESS_NAME = 192, 128
AS_CLUSTER_SHM_OWNER_PID = 8         # offsetof(as_cluster_shm, owner_pid)
BIN_NAME_MAX = 15                    # AS_BIN_NAME_MAX_LEN
NS_MAX, SET_MAX = 31, 63

# as_val types.
AS_NIL, AS_BOOLEAN, AS_INTEGER, AS_STRING, AS_LIST, AS_MAP = 1, 2, 3, 4, 5, 6
AS_BYTES, AS_DOUBLE, AS_GEOJSON = 9, 10, 11

_p = ctypes.c_void_p
_s = ctypes.c_char_p
_b = ctypes.c_bool
_i = ctypes.c_int
_u16 = ctypes.c_uint16
_i64 = ctypes.c_int64
_u64 = ctypes.c_uint64

FOREACH_INFO = ctypes.CFUNCTYPE(_b, ctypes.POINTER(AsError), _p, _s, _p, _p)
FOREACH_VAL = ctypes.CFUNCTYPE(_b, _p, _p)                 # scan, query, list foreach
FOREACH_MAP = ctypes.CFUNCTYPE(_b, _p, _p, _p)             # map foreach
FOREACH_BIN = ctypes.CFUNCTYPE(_b, _s, _p, _p)             # as_record_foreach
BATCH_LISTENER = ctypes.CFUNCTYPE(_b, _p, _u32, _p)
# as_log_callback is variadic. On the LP64 Linux ABIs (x86-64 SysV, AAPCS64)
# variadic integer and pointer arguments travel exactly like named ones, so the
# callback declares a fixed run of 64-bit slots after fmt and reads as many as
# the format names. Floating-point arguments travel elsewhere and are not read.
LOG_VARARG_SLOTS = 12
LOG_CALLBACK = ctypes.CFUNCTYPE(_b, _i, _s, _s, _u32, _s, *([_u64] * LOG_VARARG_SLOTS))


class AsLog(ctypes.Structure):
    """as_log (g_as_log): the setters are inline in 7.4.0, so Python writes it."""
    _fields_ = [("level", _i), ("callback_set", _b), ("callback", _p)]


_PROTOTYPES = (
    ("as_config_init", ctypes.POINTER(AsConfig), [ctypes.POINTER(AsConfig)]),
    ("as_config_destroy", None, [ctypes.POINTER(AsConfig)]),
    ("as_config_add_host", None, [ctypes.POINTER(AsConfig), _s, _u16]),
    ("aerospike_new", _p, [ctypes.POINTER(AsConfig)]),
    ("aerospike_connect", _i, [_p, _p]),
    ("aerospike_close", _i, [_p, _p]),
    ("aerospike_destroy", None, [_p]),
    ("aerospike_cluster_is_connected", _b, [_p]),
    ("as_cluster_get_node_names", None, [_p, ctypes.POINTER(_i), ctypes.POINTER(_p)]),
    ("aerospike_info_any", _i, [_p, _p, _p, _s, ctypes.POINTER(_p)]),
    ("aerospike_info_host", _i, [_p, _p, _p, _s, _u16, _s, ctypes.POINTER(_p)]),
    ("aerospike_info_node", _i, [_p, _p, _p, _p, _s, ctypes.POINTER(_p)]),
    ("aerospike_info_foreach", _i, [_p, _p, _p, _s, FOREACH_INFO, _p]),
    ("as_info_parse_single_response", _i, [_p, ctypes.POINTER(_p)]),
    ("as_error_string", _s, [_i]),
    # values
    ("as_val_val_destroy", _p, [_p]),
    ("as_boolean_new", _p, [_b]),
    ("as_integer_new", _p, [_i64]),
    ("as_double_new", _p, [ctypes.c_double]),
    ("as_string_new_wlen", _p, [_p, ctypes.c_size_t, _b]),
    ("as_string_len", ctypes.c_size_t, [_p]),
    ("as_bytes_new_wrap", _p, [_p, _u32, _b]),
    ("as_arraylist_new", _p, [_u32, _u32]),
    ("as_arraylist_append", _i, [_p, _p]),
    ("as_orderedmap_new", _p, [_u32]),
    ("as_orderedmap_set", _i, [_p, _p, _p]),
    # keys and records
    ("as_key_new_strp", _p, [_s, _s, _p, _b]),
    ("as_key_new_int64", _p, [_s, _s, _i64]),
    ("as_key_new_rawp", _p, [_s, _s, _p, _u32, _b]),
    ("as_key_new_digest", _p, [_s, _s, _p]),
    ("as_key_init_strp", _p, [_p, _s, _s, _p, _b]),
    ("as_key_init_int64", _p, [_p, _s, _s, _i64]),
    ("as_key_init_rawp", _p, [_p, _s, _s, _p, _u32, _b]),
    ("as_key_init_digest", _p, [_p, _s, _s, _p]),
    ("as_key_destroy", None, [_p]),
    ("as_key_digest", _p, [_p]),
    ("as_record_new", _p, [_u16]),
    ("as_record_destroy", None, [_p]),
    ("as_record_set", _b, [_p, _s, _p]),
    ("as_record_set_nil", _b, [_p, _s]),
    ("as_record_foreach", _b, [_p, FOREACH_BIN, _p]),
    # single-record commands
    ("aerospike_key_get", _i, [_p, _p, _p, _p, ctypes.POINTER(_p)]),
    ("aerospike_key_select_bins", _i, [_p, _p, _p, _p, ctypes.POINTER(_s), _u32, ctypes.POINTER(_p)]),
    ("aerospike_key_exists", _i, [_p, _p, _p, _p, ctypes.POINTER(_p)]),
    ("aerospike_key_put", _i, [_p, _p, _p, _p, _p]),
    ("aerospike_key_remove", _i, [_p, _p, _p, _p]),
    ("aerospike_key_operate", _i, [_p, _p, _p, _p, _p, ctypes.POINTER(_p)]),
    # operations
    ("as_operations_new", _p, [_u16]),
    ("as_operations_destroy", None, [_p]),
    ("as_operations_add_write", _b, [_p, _s, _p]),
    ("as_operations_add_read", _b, [_p, _s]),
    ("as_operations_add_incr", _b, [_p, _s, _i64]),
    ("as_operations_add_incr_double", _b, [_p, _s, ctypes.c_double]),
    ("as_operations_add_append_strp", _b, [_p, _s, _p, _b]),
    ("as_operations_add_prepend_strp", _b, [_p, _s, _p, _b]),
    ("as_operations_add_append_rawp", _b, [_p, _s, _p, _u32, _b]),
    ("as_operations_add_prepend_rawp", _b, [_p, _s, _p, _u32, _b]),
    ("as_operations_add_touch", _b, [_p]),
    ("as_operations_add_delete", _b, [_p]),
    ("as_operations_list_append", _b, [_p, _s, _p, _p, _p]),
    ("as_operations_list_append_items", _b, [_p, _s, _p, _p, _p]),
    ("as_operations_list_insert", _b, [_p, _s, _p, _p, _i64, _p]),
    ("as_operations_list_pop", _b, [_p, _s, _p, _i64]),
    ("as_operations_list_remove", _b, [_p, _s, _p, _i64]),
    ("as_operations_list_clear", _b, [_p, _s, _p]),
    ("as_operations_list_size", _b, [_p, _s, _p]),
    ("as_operations_list_get", _b, [_p, _s, _p, _i64]),
    ("as_operations_list_get_range", _b, [_p, _s, _p, _i64, _u64]),
    ("as_operations_list_get_by_index", _b, [_p, _s, _p, _i64, _i]),
    ("as_map_policy_init", None, [_p]),
    ("as_operations_map_put", _b, [_p, _s, _p, _p, _p, _p]),
    ("as_operations_map_put_items", _b, [_p, _s, _p, _p, _p]),
    ("as_operations_map_increment", _b, [_p, _s, _p, _p, _p, _p]),
    ("as_operations_map_get_by_key", _b, [_p, _s, _p, _p, _i]),
    ("as_operations_map_remove_by_key", _b, [_p, _s, _p, _p, _i]),
    ("as_operations_map_size", _b, [_p, _s, _p]),
    ("as_operations_map_clear", _b, [_p, _s, _p]),
    # batch
    ("as_batch_new", _p, [_u32]),
    ("as_batch_destroy", None, [_p]),
    ("aerospike_batch_get", _i, [_p, _p, _p, _p, BATCH_LISTENER, _p]),
    ("aerospike_batch_get_bins", _i, [_p, _p, _p, _p, ctypes.POINTER(_s), _u32, BATCH_LISTENER, _p]),
    ("aerospike_batch_exists", _i, [_p, _p, _p, _p, BATCH_LISTENER, _p]),
    # scan, query, index
    ("as_scan_new", _p, [_s, _s]),
    ("as_scan_destroy", None, [_p]),
    ("as_scan_select_init", _b, [_p, _u16]),
    ("as_scan_select", _b, [_p, _s]),
    ("aerospike_scan_foreach", _i, [_p, _p, _p, _p, FOREACH_VAL, _p]),
    ("as_query_new", _p, [_s, _s]),
    ("as_query_destroy", None, [_p]),
    ("as_query_select_init", _b, [_p, _u16]),
    ("as_query_select", _b, [_p, _s]),
    ("as_query_where_init", _b, [_p, _u16]),
    ("aerospike_query_foreach", _i, [_p, _p, _p, _p, FOREACH_VAL, _p]),
    ("aerospike_index_create_ctx", _i, [_p, _p, _p, _p, _s, _s, _s, _s, _i, _i, _p]),
    ("aerospike_index_create_wait", _i, [_p, _p, _u32]),
    ("aerospike_index_remove", _i, [_p, _p, _p, _s, _s]),
)

_lib = None


def _standard_paths():
    arch = platform.machine()
    for directory in ("/usr/local/lib", "/usr/local/lib64", "/usr/lib/%s-linux-gnu" % arch,
                      "/usr/lib64", "/usr/lib"):
        yield os.path.join(directory, "libaerospike.so")


# $AEROSHIM_LIB naming no file but the process: the C API symbols it has
# already (linked in, or LD_PRELOADed, like the stock client's addon).
PROCESS = "process"


def library_path():
    """$AEROSHIM_LIB, else the build of the checkout this package sits in,
    else what ctypes.util.find_library knows (the ldconfig cache), else the
    standard install directories, else the bare name for the dynamic loader
    ($LD_LIBRARY_PATH)."""
    env = os.environ.get("AEROSHIM_LIB")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    checkout = os.path.normpath(os.path.join(here, "..", "..", "..", "build", "libaerospike.so"))
    if os.path.exists(checkout):
        return checkout
    found = ctypes.util.find_library("aerospike")
    if found:
        return found
    for path in _standard_paths():
        if os.path.exists(path):
            return path
    return "libaerospike.so"


def load_library(path=None):
    """Loads libaerospike once and declares the prototypes used here."""
    global _lib
    if _lib is not None and path is None:
        return _lib
    path = path or library_path()
    lib = ctypes.CDLL(None if path == PROCESS else path)
    for name, restype, argtypes in _PROTOTYPES:
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    # Variadic: only the named part is declared; the values follow as ctypes objects.
    lib.as_query_where.restype = _b
    lib.as_query_where.argtypes = [_p, _s, _i, _i, _i]
    if path is None:
        _lib = lib
    return lib


# The process's global symbols, not libc.so's own: buffers malloc'd here are
# freed by the library, whose free() is whatever the process binds (an
# LD_PRELOADed allocator or sanitizer runtime interposes both).
libc = ctypes.CDLL(None, use_errno=True)
libc.malloc.argtypes = [ctypes.c_size_t]
libc.malloc.restype = _p
libc.free.argtypes = [_p]
libc.free.restype = None
libc.shmget.argtypes = [_i, ctypes.c_size_t, _i]
libc.shmget.restype = _i
libc.shmat.argtypes = [_i, _p, _i]
libc.shmat.restype = _p
libc.shmdt.argtypes = [_p]
libc.shmdt.restype = _i


def c_copy(data):
    """A malloc'd, NUL-terminated copy of data for the library to own and free."""
    pointer = libc.malloc(len(data) + 1)
    if not pointer:
        raise MemoryError("malloc(%d)" % (len(data) + 1))
    ctypes.memmove(pointer, data, len(data))
    ctypes.c_char.from_address(pointer + len(data)).value = b"\0"
    return pointer


def take_string(pointer):
    """Copies a malloc'd C string the library handed over, and frees it."""
    if not pointer:
        return None
    try:
        return ctypes.string_at(pointer).decode()
    finally:
        libc.free(pointer)


def read_u8(address):
    return ctypes.c_uint8.from_address(address).value


def read_u16(address):
    return ctypes.c_uint16.from_address(address).value


def read_u32(address):
    return ctypes.c_uint32.from_address(address).value


def read_ptr(address):
    return ctypes.c_void_p.from_address(address).value
