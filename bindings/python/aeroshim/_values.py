"""Python values to as_val and back, keys and records.

Ownership: every to_val result is a new as_val the caller owns until it hands
it to a call that takes it over (a list, a map, a record, an operation);
containers built here are destroyed when a member fails to convert, so a
ParamError leaves nothing behind. Strings and blobs are copied into malloc'd
buffers the values own (free = true), so no Python object has to outlive a
value.
"""

import ctypes

from . import _abi
from .exception import ParamError

INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1


def param_error(message):
    return ParamError(_abi.AEROSPIKE_ERR_PARAM, message)


class ValueConverter:
    """Conversions bound to one loaded library."""

    def __init__(self, lib):
        self.lib = lib
        self.nil = ctypes.addressof(ctypes.c_uint8.in_dll(lib, "as_nil"))

    # -- Python -> as_val ----------------------------------------------------
    def to_val(self, value, where="value"):
        lib = self.lib
        if value is None:
            return self.nil                      # destroying as_nil does nothing
        if isinstance(value, bool):              # before int: bool is an int
            return self._made(lib.as_boolean_new(value), where)
        if isinstance(value, int):
            if not INT64_MIN <= value <= INT64_MAX:
                raise param_error("%s: integer %d does not fit in int64" % (where, value))
            return self._made(lib.as_integer_new(value), where)
        if isinstance(value, float):
            return self._made(lib.as_double_new(value), where)
        if isinstance(value, str):
            data = value.encode("utf-8")
            buffer = _abi.c_copy(data)
            return self._made(lib.as_string_new_wlen(buffer, len(data), True), where, buffer)
        if isinstance(value, (bytes, bytearray)):
            data = bytes(value)
            if len(data) > 0xFFFFFFFF:
                raise param_error("%s: %d bytes do not fit in as_bytes" % (where, len(data)))
            buffer = _abi.c_copy(data)
            return self._made(lib.as_bytes_new_wrap(buffer, len(data), True), where, buffer)
        if isinstance(value, (list, tuple)):
            return self._list(value, where)
        if isinstance(value, dict):
            return self._map(value, where)
        raise param_error("%s: type %s is not supported (int, float, str, bytes, bytearray, "
                          "bool, None, list, tuple, dict)" % (where, type(value).__name__))

    def _made(self, val, where, buffer=None):
        if not val:
            if buffer:
                _abi.libc.free(buffer)
            raise MemoryError("%s: out of memory" % where)
        return val

    def _list(self, items, where):
        lib = self.lib
        lst = self._made(lib.as_arraylist_new(len(items), 0), where)
        try:
            for i, item in enumerate(items):
                val = self.to_val(item, "%s[%d]" % (where, i))
                if lib.as_arraylist_append(lst, val) != 0:
                    lib.as_val_val_destroy(val)
                    raise MemoryError("%s[%d]: out of memory" % (where, i))
        except BaseException:
            lib.as_val_val_destroy(lst)
            raise
        return lst

    def _map(self, mapping, where):
        lib = self.lib
        m = self._made(lib.as_orderedmap_new(max(len(mapping), 1)), where)
        try:
            for k, v in mapping.items():
                if isinstance(k, bool) or not isinstance(k, (int, str, bytes, bytearray)):
                    raise param_error("%s: key %r is a %s; map keys are int, str or bytes"
                                      % (where, k, type(k).__name__))
                key = self.to_val(k, "%s key %r" % (where, k))
                try:
                    val = self.to_val(v, "%s[%r]" % (where, k))
                except BaseException:
                    lib.as_val_val_destroy(key)
                    raise
                if lib.as_orderedmap_set(m, key, val) != 0:
                    lib.as_val_val_destroy(key)
                    lib.as_val_val_destroy(val)
                    raise MemoryError("%s[%r]: out of memory" % (where, k))
        except BaseException:
            lib.as_val_val_destroy(m)
            raise
        return m

    # -- as_val -> Python ----------------------------------------------------
    def from_val(self, val):
        if not val:
            return None
        kind = _abi.read_u8(val + _abi.VAL_TYPE)
        payload = val + _abi.VAL_PAYLOAD
        if kind == _abi.AS_NIL:
            return None
        if kind == _abi.AS_BOOLEAN:
            return ctypes.c_bool.from_address(payload).value
        if kind == _abi.AS_INTEGER:
            return ctypes.c_int64.from_address(payload).value
        if kind == _abi.AS_DOUBLE:
            return ctypes.c_double.from_address(payload).value
        if kind in (_abi.AS_STRING, _abi.AS_GEOJSON):
            # as_geojson has as_string's layout.
            text = _abi.read_ptr(val + _abi.STRING_VALUE)
            if not text:
                return None
            length = ctypes.c_size_t.from_address(val + _abi.STRING_LEN).value
            if length == ctypes.c_size_t(-1).value:
                length = self.lib.as_string_len(val)
            return ctypes.string_at(text, length).decode("utf-8", errors="surrogateescape")
        if kind == _abi.AS_BYTES:
            size = _abi.read_u32(val + _abi.BYTES_SIZE)
            data = _abi.read_ptr(val + _abi.BYTES_VALUE)
            return ctypes.string_at(data, size) if data and size else b""
        if kind == _abi.AS_LIST:
            return self._walk(val, _abi.LIST_HOOK_FOREACH, _abi.FOREACH_VAL)
        if kind == _abi.AS_MAP:
            return self._walk(val, _abi.MAP_HOOK_FOREACH, _abi.FOREACH_MAP)
        raise param_error("as_val type %d has no Python equivalent here" % kind)

    def _walk(self, container, hook_index, callback_type):
        """Calls the container's own foreach hook (as_list_foreach and
        as_map_foreach are inline in 7.4.0), so any list or map works."""
        hooks = _abi.read_ptr(container + _abi.CONTAINER_HOOKS)
        foreach = _abi.read_ptr(hooks + hook_index * ctypes.sizeof(ctypes.c_void_p))
        failure = []
        if callback_type is _abi.FOREACH_VAL:
            out = []

            def each(v, _udata):
                try:
                    out.append(self.from_val(v))
                    return True
                except BaseException as e:       # raised after the walk
                    failure.append(e)
                    return False
        else:
            out = {}

            def each(k, v, _udata):
                try:
                    out[self.from_val(k)] = self.from_val(v)
                    return True
                except BaseException as e:
                    failure.append(e)
                    return False
        hook = ctypes.CFUNCTYPE(ctypes.c_bool, ctypes.c_void_p, callback_type, ctypes.c_void_p)
        hook(foreach)(container, callback_type(each), None)
        if failure:
            raise failure[0]
        return out

    # -- bins ----------------------------------------------------------------
    def bins_of(self, record):
        """{bin name: value} of an as_record."""
        bins = {}
        failure = []

        def each(name, val, _udata):
            try:
                bins[name.decode()] = self.from_val(val)
                return True
            except BaseException as e:
                failure.append(e)
                return False
        self.lib.as_record_foreach(record, _abi.FOREACH_BIN(each), None)
        if failure:
            raise failure[0]
        return bins

    def record_of(self, bins, meta=None, where="bins"):
        """A new as_record holding bins ({name: value}; None removes the bin),
        with meta's gen and ttl. The caller destroys it."""
        if not isinstance(bins, dict):
            raise param_error("%s must be a dict of bin name to value, not %s"
                              % (where, type(bins).__name__))
        names = [bin_name(name) for name in bins]
        if len(names) > 0xFFFF:
            raise param_error("%s: %d bins are more than a record holds" % (where, len(names)))
        lib = self.lib
        record = lib.as_record_new(len(names))
        if not record:
            raise MemoryError("as_record_new")
        try:
            for name, value in zip(names, bins.values()):
                if value is None:
                    lib.as_record_set_nil(record, name)
                    continue
                val = self.to_val(value, "bin %r" % name.decode())
                if not lib.as_record_set(record, name, val):
                    lib.as_val_val_destroy(val)
                    raise MemoryError("as_record_set")
            if meta:
                set_meta(record, _abi.RECORD_GEN, _abi.RECORD_TTL, meta)
        except BaseException:
            lib.as_record_destroy(record)
            raise
        return record


def bin_name(name):
    if not isinstance(name, str):
        raise param_error("bin name %r is not a str" % (name,))
    data = name.encode("utf-8")
    if len(data) > _abi.BIN_NAME_MAX:
        raise param_error("bin name %r is longer than %d bytes" % (name, _abi.BIN_NAME_MAX))
    return data


def set_meta(struct, gen_offset, ttl_offset, meta):
    """Writes meta {"gen": .., "ttl": ..} into an as_record or as_operations."""
    if not isinstance(meta, dict):
        raise param_error("meta must be a dict with gen and/or ttl, not %s" % type(meta).__name__)
    unknown = set(meta) - {"gen", "ttl"}
    if unknown:
        raise param_error("meta: unknown field %s (gen, ttl)" % sorted(unknown)[0])
    for field, offset, limit, ctype in (("gen", gen_offset, 0xFFFF, ctypes.c_uint16),
                                        ("ttl", ttl_offset, 0xFFFFFFFF, ctypes.c_uint32)):
        if field in meta:
            value = meta[field]
            if field == "ttl" and isinstance(value, int) and -2 <= value < 0:
                value &= 0xFFFFFFFF          # -1 never expire, -2 keep the ttl
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= limit:
                raise param_error("meta %s %r is not an integer in 0..%d" % (field, value, limit))
            ctype.from_address(struct + offset).value = value


class KeySpec:
    """A validated key tuple (ns, set, pk) or (ns, set, None, digest)."""

    def __init__(self, key):
        if not isinstance(key, (tuple, list)) or len(key) not in (3, 4):
            raise param_error("key %r must be a tuple (namespace, set, primary key[, digest])"
                              % (key,))
        ns, set_name, pk = key[0], key[1], key[2]
        digest = key[3] if len(key) == 4 else None
        if not isinstance(ns, str) or not ns or len(ns.encode()) > _abi.NS_MAX:
            raise param_error("key namespace %r is not a str of 1..%d bytes" % (ns, _abi.NS_MAX))
        if set_name is not None and (not isinstance(set_name, str)
                                     or len(set_name.encode()) > _abi.SET_MAX):
            raise param_error("key set %r is not None or a str of at most %d bytes"
                              % (set_name, _abi.SET_MAX))
        self.tuple = tuple(key)
        self.ns = ns.encode()
        self.set = (set_name or "").encode()
        if pk is None:
            if not isinstance(digest, (bytes, bytearray)) or len(digest) != _abi.DIGEST_SIZE:
                raise param_error("key %r has no primary key and no %d-byte digest"
                                  % (key, _abi.DIGEST_SIZE))
            self.kind, self.value = "digest", bytes(digest)
        elif isinstance(pk, bool):
            raise param_error("key primary key %r: a bool is not a key type" % pk)
        elif isinstance(pk, int):
            if not INT64_MIN <= pk <= INT64_MAX:
                raise param_error("key primary key %d does not fit in int64" % pk)
            self.kind, self.value = "int", pk
        elif isinstance(pk, str):
            self.kind, self.value = "str", pk.encode("utf-8")
        elif isinstance(pk, (bytes, bytearray)):
            self.kind, self.value = "bytes", bytes(pk)
        else:
            raise param_error("key primary key %r: type %s is not str, int or bytes"
                              % (pk, type(pk).__name__))

    def new(self, lib):
        """A heap as_key (as_key_destroy frees it)."""
        key = self._make(lib, None)
        if not key:
            raise MemoryError("as_key_new")
        return key

    def init(self, lib, address):
        """Initializes the as_key at address (a batch entry)."""
        if not self._make(lib, address):
            raise MemoryError("as_key_init")

    def _make(self, lib, address):
        at = () if address is None else (address,)
        suffix = "new" if address is None else "init"
        if self.kind == "int":
            return getattr(lib, "as_key_%s_int64" % suffix)(*at, self.ns, self.set, self.value)
        if self.kind == "digest":
            digest = ctypes.create_string_buffer(self.value, _abi.DIGEST_SIZE)
            return getattr(lib, "as_key_%s_digest" % suffix)(*at, self.ns, self.set, digest)
        buffer = _abi.c_copy(self.value)
        if self.kind == "str":
            made = getattr(lib, "as_key_%s_strp" % suffix)(*at, self.ns, self.set, buffer, True)
        else:
            made = getattr(lib, "as_key_%s_rawp" % suffix)(*at, self.ns, self.set, buffer,
                                                           len(self.value), True)
        if not made:
            _abi.libc.free(buffer)
        return made


def key_tuple_of(converter, key):
    """(ns, set, primary key or None, digest) of an as_key the library filled."""
    ns = ctypes.string_at(key + _abi.KEY_NS).decode()
    set_name = ctypes.string_at(key + _abi.KEY_SET).decode() or None
    valuep = _abi.read_ptr(key + _abi.KEY_VALUEP)
    pk = converter.from_val(valuep) if valuep else None
    digest = ctypes.string_at(key + _abi.KEY_DIGEST, _abi.DIGEST_SIZE)
    return (ns, set_name, pk, digest)


def meta_of(record):
    return {"gen": _abi.read_u16(record + _abi.RECORD_GEN),
            "ttl": _abi.read_u32(record + _abi.RECORD_TTL)}
