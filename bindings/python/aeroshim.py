"""aeroshim: a small ctypes binding to libaerospike (aeroshim or stock 7.4.0).

It mirrors the two public structs a Python program fills or reads,
``as_config`` and ``as_error``, in the 7.4.0 layout (the same numbers that
abi/layout_check.c asserts at compile time), and wraps the cluster layer:

    from aeroshim import Client
    with Client([("127.0.0.1", 3000)], use_shm=True, shm_key=0xA5000000) as c:
        print(c.node_names())
        print(c.info_any("build"))

The library is found through $AEROSHIM_LIB, then ../../build/libaerospike.so
next to this file (a source checkout), then the system's libaerospike.
Only the standard library is used.
"""

import ctypes
import ctypes.util
import os

__all__ = [
    "AsConfig", "AsError", "AerospikeError", "Client", "load_library",
    "parse_single_response", "segment_exists", "segment_owner_pid",
    "DEFAULT_SHM_KEY",
]

DEFAULT_SHM_KEY = 0xA5000000
AEROSPIKE_OK = 0

# ---------------------------------------------------------------------------
# 7.4.0 layouts (x86-64/aarch64 LP64), as asserted by abi/layout_check.c.
SIZEOF_AS_CONFIG = 1904
SIZEOF_AS_ERROR = 1056
SIZEOF_AEROSPIKE = 1936
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
AS_NODE_NAME_SIZE = 20
AS_NODE_NAME_OFFSET = 32        # offsetof(as_node, name)
AS_CLUSTER_SHM_OWNER_PID = 8    # offsetof(as_cluster_shm, owner_pid)

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


class AerospikeError(Exception):
    """A call returned a status other than AEROSPIKE_OK."""

    def __init__(self, call, code, message):
        super().__init__("%s: %d %s" % (call, code, message))
        self.call = call
        self.code = code
        self.message = message


# ---------------------------------------------------------------------------
_FOREACH_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_bool, ctypes.POINTER(AsError), _ptr,
                                     ctypes.c_char_p, ctypes.c_void_p, _ptr)
_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
_libc.free.argtypes = [_ptr]
_libc.free.restype = None
_libc.shmget.argtypes = [ctypes.c_int, ctypes.c_size_t, ctypes.c_int]
_libc.shmget.restype = ctypes.c_int
_libc.shmat.argtypes = [ctypes.c_int, _ptr, ctypes.c_int]
_libc.shmat.restype = _ptr
_libc.shmdt.argtypes = [_ptr]
_libc.shmdt.restype = ctypes.c_int
_SHM_RDONLY = 0o10000

_lib = None


def _default_library_path():
    env = os.environ.get("AEROSHIM_LIB")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    checkout = os.path.normpath(os.path.join(here, "..", "..", "build", "libaerospike.so"))
    if os.path.exists(checkout):
        return checkout
    return ctypes.util.find_library("aerospike") or "libaerospike.so"


def load_library(path=None):
    """Loads libaerospike once and declares the prototypes used here."""
    global _lib
    if _lib is not None and path is None:
        return _lib
    lib = ctypes.CDLL(path or _default_library_path())
    cfg, err, asp = ctypes.POINTER(AsConfig), ctypes.POINTER(AsError), _ptr
    res = ctypes.POINTER(_ptr)
    for name, restype, argtypes in (
        ("as_config_init", cfg, [cfg]),
        ("as_config_destroy", None, [cfg]),
        ("as_config_add_host", None, [cfg, ctypes.c_char_p, ctypes.c_uint16]),
        ("aerospike_new", asp, [cfg]),
        ("aerospike_connect", ctypes.c_int, [asp, err]),
        ("aerospike_close", ctypes.c_int, [asp, err]),
        ("aerospike_destroy", None, [asp]),
        ("aerospike_cluster_is_connected", ctypes.c_bool, [asp]),
        ("as_cluster_get_node_names", None, [_ptr, ctypes.POINTER(ctypes.c_int), res]),
        ("aerospike_info_any", ctypes.c_int, [asp, err, _ptr, ctypes.c_char_p, res]),
        ("aerospike_info_host", ctypes.c_int,
         [asp, err, _ptr, ctypes.c_char_p, ctypes.c_uint16, ctypes.c_char_p, res]),
        ("aerospike_info_node", ctypes.c_int, [asp, err, _ptr, _ptr, ctypes.c_char_p, res]),
        ("aerospike_info_foreach", ctypes.c_int,
         [asp, err, _ptr, ctypes.c_char_p, _FOREACH_CALLBACK, _ptr]),
        ("as_info_parse_single_response", ctypes.c_int, [_ptr, res]),
        ("as_error_string", ctypes.c_char_p, [ctypes.c_int]),
    ):
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    if path is None:
        _lib = lib
    return lib


def _take_string(pointer):
    """Copies a malloc'd C string the library handed over, and frees it."""
    if not pointer:
        return None
    try:
        return ctypes.string_at(pointer).decode()
    finally:
        _libc.free(pointer)


def parse_single_response(response):
    """as_info_parse_single_response: the value of a 'name\\tvalue\\n' answer."""
    lib = load_library()
    buf = ctypes.create_string_buffer(response.encode())
    value = _ptr()
    status = lib.as_info_parse_single_response(ctypes.addressof(buf), ctypes.byref(value))
    if status != AEROSPIKE_OK:
        raise AerospikeError("as_info_parse_single_response", status, "cannot parse %r" % response)
    return ctypes.string_at(value.value).decode()


def segment_exists(key):
    """True when a System V segment with this key exists."""
    return _libc.shmget(key - (1 << 32) if key >= (1 << 31) else key, 0, 0) >= 0


def segment_owner_pid(key):
    """The tend owner's pid recorded in the segment (as_cluster_shm.owner_pid),
    or None when there is no such segment."""
    shmid = _libc.shmget(key - (1 << 32) if key >= (1 << 31) else key, 0, 0)
    if shmid < 0:
        return None
    base = _libc.shmat(shmid, None, _SHM_RDONLY)
    if base is None or base == ctypes.c_void_p(-1).value:
        return None
    try:
        return _u32.from_address(base + AS_CLUSTER_SHM_OWNER_PID).value
    finally:
        _libc.shmdt(base)


class Client:
    """One `aerospike` object: as_config_init, hosts and shared-memory fields,
    aerospike_new, then connect/close/destroy."""

    def __init__(self, hosts, use_shm=False, shm_key=None, shm_max_nodes=None,
                 shm_max_namespaces=None, shm_takeover_threshold_sec=None, library=None):
        self._lib = load_library(library)
        config = AsConfig()
        self._lib.as_config_init(ctypes.byref(config))
        for host, port in hosts:
            self._lib.as_config_add_host(ctypes.byref(config), host.encode(), port)
        config.use_shm = bool(use_shm)
        if shm_key is not None:
            # as_config.shm_key is an int holding the key's 32 bits.
            config.shm_key = shm_key - (1 << 32) if shm_key >= (1 << 31) else shm_key
        if shm_max_nodes is not None:
            config.shm_max_nodes = shm_max_nodes
        if shm_max_namespaces is not None:
            config.shm_max_namespaces = shm_max_namespaces
        if shm_takeover_threshold_sec is not None:
            config.shm_takeover_threshold_sec = shm_takeover_threshold_sec
        self.config = config
        # aerospike_new takes the configuration over (its host vector included).
        self._as = self._lib.aerospike_new(ctypes.byref(config))
        if not self._as:
            raise MemoryError("aerospike_new")
        self._connected = False

    # -- lifecycle ---------------------------------------------------------
    def _call(self, name, *args):
        err = AsError()
        status = getattr(self._lib, name)(self._as, ctypes.byref(err), *args)
        if status != AEROSPIKE_OK:
            raise AerospikeError(name, status, err.message.decode(errors="replace"))

    def connect(self):
        self._call("aerospike_connect")
        self._connected = True
        return self

    def close(self):
        if self._as and self._connected:
            self._connected = False
            self._call("aerospike_close")

    def destroy(self):
        if self._as:
            try:
                self.close()
            finally:
                self._lib.aerospike_destroy(self._as)
                self._as = None

    def __enter__(self):
        return self.connect()

    def __exit__(self, *exc):
        self.destroy()

    def __del__(self):
        try:
            self.destroy()
        except Exception:
            pass

    # -- cluster -----------------------------------------------------------
    @property
    def _cluster(self):
        return _ptr.from_address(self._as).value   # aerospike.cluster, offset 0

    def is_connected(self):
        return bool(self._lib.aerospike_cluster_is_connected(self._as))

    def node_names(self):
        cluster = self._cluster
        if not cluster:
            return []
        n = ctypes.c_int()
        names = _ptr()
        self._lib.as_cluster_get_node_names(cluster, ctypes.byref(n), ctypes.byref(names))
        try:
            return [ctypes.string_at(names.value + i * AS_NODE_NAME_SIZE).decode()
                    for i in range(n.value)]
        finally:
            if names.value:
                _libc.free(names.value)

    # -- info --------------------------------------------------------------
    def _info(self, name, *args):
        res = _ptr()
        self._call(name, *args, ctypes.byref(res))
        return _take_string(res.value)

    def info_any(self, request):
        """aerospike_info_any; the raw 'name\\tvalue\\n' response."""
        return self._info("aerospike_info_any", None, request.encode())

    def info_host(self, host, port, request):
        return self._info("aerospike_info_host", None, host.encode(), port, request.encode())

    def info_foreach(self, request):
        """aerospike_info_foreach: {node name: raw response} over every active node."""
        answers = {}

        def on_node(err, node, req, res, udata):
            if err.contents.code != AEROSPIKE_OK:
                return False
            answers[_node_name(node)] = ctypes.string_at(res).decode()
            return True

        self._call("aerospike_info_foreach", None, request.encode(), _FOREACH_CALLBACK(on_node), None)
        return answers

    def info_node(self, node_name, request):
        """aerospike_info_node to the node called node_name. The as_node is
        borrowed inside an info_foreach callback, where the library holds a
        reference to it: Python cannot take the header's atomic references
        (as_nodes_reserve) itself."""
        found = []
        failure = []

        def on_node(err, node, req, res, udata):
            if err.contents.code == AEROSPIKE_OK and _node_name(node) == node_name:
                try:
                    found.append(self._info("aerospike_info_node", None, node, request.encode()))
                except AerospikeError as e:
                    failure.append(e)
            return True

        self._call("aerospike_info_foreach", None, b"node", _FOREACH_CALLBACK(on_node), None)
        if failure:
            raise failure[0]
        if not found:
            raise AerospikeError("aerospike_info_node", -1, "no active node named %s" % node_name)
        return found[0]


def _node_name(node):
    return ctypes.string_at(node + AS_NODE_NAME_OFFSET).decode()
