"""Policy dicts (the official client's names) written into 7.4.0 policy structs.

A per-call policy starts from the client's own defaults (the as_policies
inside its aerospike object, which the config's "policies" set) and changes
only the fields the dict names; without a dict the library gets NULL and
uses those defaults itself.
"""

import ctypes

from . import _abi
from ._values import param_error

_U16, _U32, _U64, _BOOL, _INT = ctypes.c_uint16, ctypes.c_uint32, ctypes.c_uint64, ctypes.c_bool, ctypes.c_int

_BASE = {"socket_timeout": (4, _U32), "total_timeout": (8, _U32), "timeout_delay": (12, _U32),
         "max_retries": (16, _U32), "sleep_between_retries": (20, _U32), "compress": (40, _BOOL)}

FIELDS = {
    "read": dict(_BASE, key=(48, _U32), replica=(52, _U32), read_mode_ap=(56, _U32),
                 read_mode_sc=(60, _U32), read_touch_ttl_percent=(64, _INT),
                 deserialize=(68, _BOOL)),
    "write": dict(_BASE, key=(48, _U32), replica=(52, _U32), commit_level=(56, _U32),
                  gen=(60, _U32), exists=(64, _U32), ttl=(68, _U32),
                  compression_threshold=(72, _U32), durable_delete=(76, _BOOL)),
    "operate": dict(_BASE, key=(48, _U32), replica=(52, _U32), read_mode_ap=(56, _U32),
                    read_mode_sc=(60, _U32), commit_level=(64, _U32), gen=(68, _U32),
                    exists=(72, _U32), ttl=(76, _U32), read_touch_ttl_percent=(80, _INT),
                    deserialize=(84, _BOOL), durable_delete=(85, _BOOL),
                    respond_all_ops=(88, _BOOL)),
    "remove": dict(_BASE, key=(48, _U32), replica=(52, _U32), commit_level=(56, _U32),
                   gen=(60, _U32), generation=(64, _U16), durable_delete=(66, _BOOL)),
    "apply": dict(_BASE, key=(48, _U32), replica=(52, _U32), commit_level=(56, _U32),
                  ttl=(60, _U32), durable_delete=(64, _BOOL)),
    "batch": dict(_BASE, replica=(48, _U32), read_mode_ap=(52, _U32), read_mode_sc=(56, _U32),
                  read_touch_ttl_percent=(60, _INT), concurrent=(64, _BOOL),
                  allow_inline=(65, _BOOL), allow_inline_ssd=(66, _BOOL),
                  respond_all_keys=(67, _BOOL)),
    "scan": dict(_BASE, max_records=(48, _U64), records_per_second=(56, _U32),
                 replica=(60, _U32), ttl=(64, _U32), durable_delete=(68, _BOOL)),
    "query": dict(_BASE, info_timeout=(48, _U32), replica=(52, _U32),
                  expected_duration=(56, _U32), fail_on_cluster_change=(60, _BOOL),
                  deserialize=(61, _BOOL), short_query=(62, _BOOL)),
    "info": {"timeout": (0, _U32), "timeout_delay": (4, _U32), "send_as_is": (8, _BOOL),
             "check_bounds": (9, _BOOL)},
}
_WITH_BASE = [kind for kind in FIELDS if kind != "info"]


def write_fields(address, kind, policy, where):
    """Writes policy {field: value} into the as_policy_<kind> at address."""
    if not isinstance(policy, dict):
        raise param_error("%s must be a dict, not %s" % (where, type(policy).__name__))
    fields = FIELDS[kind]
    for name, value in policy.items():
        if name not in fields:
            raise param_error("%s: unknown field %r (%s)" % (where, name, ", ".join(sorted(fields))))
        offset, ctype = fields[name]
        if ctype is _BOOL:
            if not isinstance(value, bool):
                raise param_error("%s.%s %r is not a bool" % (where, name, value))
        else:
            if name == "ttl" and isinstance(value, int) and -3 <= value < 0:
                value &= 0xFFFFFFFF        # the special ttls, as 7.4.0 spells them
            bits = ctypes.sizeof(ctype) * 8
            low, high = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if ctype is _INT else (0, (1 << bits) - 1)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise param_error("%s.%s %r is not an integer in %d..%d" % (where, name, value, low, high))
        ctype.from_address(address + offset).value = value


def configure(policies_address, policies):
    """Applies the config dict's "policies" to an as_config's as_policies:
    {"read": {...}, "write": {...}, ...} per kind, and top-level base fields
    (total_timeout, socket_timeout, max_retries, ...) for every kind."""
    if not isinstance(policies, dict):
        raise param_error("config policies must be a dict, not %s" % type(policies).__name__)
    for name, value in policies.items():
        if name in FIELDS:
            write_fields(policies_address + _abi.POLICIES[name][0], name, value, "policies." + name)
        elif name in _BASE:
            for kind in _WITH_BASE:
                write_fields(policies_address + _abi.POLICIES[kind][0], kind, {name: value},
                             "policies")
        else:
            raise param_error("config policies: unknown entry %r (%s, or a field of as_policy_base)"
                              % (name, ", ".join(FIELDS)))


def for_call(aerospike, kind, policy):
    """The as_policy_<kind> for one call: None (NULL, the client's defaults)
    or a buffer holding those defaults changed by policy."""
    if policy is None:
        return None
    offset, size = _abi.POLICIES[kind]
    buffer = ctypes.create_string_buffer(size)
    ctypes.memmove(buffer, aerospike + _abi.AEROSPIKE_CONFIG + _abi.AS_CONFIG_POLICIES + offset, size)
    write_fields(ctypes.addressof(buffer), kind, policy, kind + " policy")
    return buffer
