"""aeroshim: a Python client over libaerospike (aeroshim's or stock 7.4.0)
through ctypes, shaped like the official Aerospike Python client.

    import aeroshim
    client = aeroshim.client({"hosts": [("127.0.0.1", 3000)],
                              "shm": {"shm_key": 0xA5000000}}).connect()
    client.put(("test", "demo", "k"), {"i": 1})
    key, meta, bins = client.get(("test", "demo", "k"))
    client.close()

Pure Python, standard library only. The library is $AEROSHIM_LIB, else
build/libaerospike.so of the checkout this package sits in, else the one
ctypes.util.find_library or the standard lib directories find.
"""

import ctypes

from . import exception, list_operations, map_operations, operations, predicates  # noqa: F401
from ._abi import (AsConfig, AsError, DEFAULT_SHM_KEY, library_path, load_library)
from .client import Client, INDEX_NUMERIC, INDEX_STRING, Query, Scan
from .log import (LOG_LEVEL_DEBUG, LOG_LEVEL_ERROR, LOG_LEVEL_INFO, LOG_LEVEL_OFF,
                  LOG_LEVEL_TRACE, LOG_LEVEL_WARN, set_log_handler, set_log_level)
from .shm import segment_exists, segment_owner_pid

__version__ = "0.2.0"

# Policy values, as the official client names them (7.4.0's enums).
POLICY_KEY_DIGEST, POLICY_KEY_SEND = 0, 1
POLICY_EXISTS_IGNORE, POLICY_EXISTS_CREATE, POLICY_EXISTS_UPDATE = 0, 1, 2
POLICY_EXISTS_REPLACE, POLICY_EXISTS_CREATE_OR_REPLACE = 3, 4
POLICY_GEN_IGNORE, POLICY_GEN_EQ, POLICY_GEN_GT = 0, 1, 2
POLICY_COMMIT_LEVEL_ALL, POLICY_COMMIT_LEVEL_MASTER = 0, 1
POLICY_REPLICA_MASTER, POLICY_REPLICA_ANY, POLICY_REPLICA_SEQUENCE = 0, 1, 2
POLICY_REPLICA_PREFER_RACK = 3
TTL_NAMESPACE_DEFAULT, TTL_NEVER_EXPIRE, TTL_DONT_UPDATE, TTL_CLIENT_DEFAULT = 0, -1, -2, -3


def client(config):
    """A Client for config {"hosts": [(address, port)], "shm": {...},
    "policies": {...}, ...}; call .connect() on it."""
    return Client(config)


def parse_single_response(response):
    """as_info_parse_single_response: the value of a 'name\\tvalue\\n' answer."""
    lib = load_library()
    buf = ctypes.create_string_buffer(response.encode())
    value = ctypes.c_void_p()
    status = lib.as_info_parse_single_response(ctypes.addressof(buf), ctypes.byref(value))
    if status != 0:
        raise exception.exception_for(status, "cannot parse %r" % response)
    return ctypes.string_at(value.value).decode()
