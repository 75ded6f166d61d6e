"""Client, Scan and Query: the official client's method names and shapes over
the 7.4.0 C calls.

Records come back as (key, meta, bins): key is (namespace, set, primary key
or None, 20-byte digest), meta {"gen": .., "ttl": ..}, bins {name: value}.
Every as_key, as_record, as_operations, as_batch, as_scan and as_query made
here is destroyed in a finally block, before any exception leaves the call.
"""

import ctypes

from . import _abi, _policy, _values
from ._values import KeySpec, bin_name, key_tuple_of, meta_of, param_error
from .exception import RecordNotFound, exception_for
from . import list_operations as _lo
from . import map_operations as _mo
from . import operations as _op

INDEX_STRING = 0          # as_index_datatype
INDEX_NUMERIC = 1
_INDEX_TYPE_DEFAULT = 0
_PREDICATE_EQUAL, _PREDICATE_RANGE = 0, 1

_CONFIG_UINTS = {          # config dict name -> as_config member
    "tend_interval": "tender_interval", "connect_timeout": "conn_timeout_ms",
    "login_timeout_ms": "login_timeout_ms", "max_conns_per_node": "max_conns_per_node",
    "min_conns_per_node": "min_conns_per_node", "max_socket_idle": "max_socket_idle",
    "max_error_rate": "max_error_rate", "error_rate_window": "error_rate_window",
    "rack_id": "rack_id",
}
_CONFIG_BOOLS = {"use_services_alternate": "use_services_alternate", "rack_aware": "rack_aware",
                 "fail_if_not_connected": "fail_if_not_connected",
                 "force_single_node": "force_single_node"}
_SHM_FIELDS = {"shm_key": "shm_key", "max_nodes": "shm_max_nodes",
               "max_namespaces": "shm_max_namespaces",
               "takeover_threshold_sec": "shm_takeover_threshold_sec"}


def _check(status, err):
    if status != _abi.AEROSPIKE_OK:
        raise exception_for(status, err.message.decode("utf-8", errors="replace"),
                            err.file.decode() if err.file else None, err.line,
                            bool(err.in_doubt))


def _uint(where, value, limit=0xFFFFFFFF):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= limit:
        raise param_error("%s %r is not an integer in 0..%d" % (where, value, limit))
    return value


class Client:
    """One aerospike object. Build it with aeroshim.client(config)."""

    def __init__(self, config):
        self._lib = _abi.load_library()
        self._values = _values.ValueConverter(self._lib)
        self._as = None
        self._connected = False
        if not isinstance(config, dict):
            raise param_error("config must be a dict, not %s" % type(config).__name__)
        known = {"hosts", "shm", "policies"} | set(_CONFIG_UINTS) | set(_CONFIG_BOOLS)
        unknown = sorted(set(config) - known)
        if unknown:
            raise param_error("config: unknown entry %r (%s)" % (unknown[0], ", ".join(sorted(known))))
        hosts = config.get("hosts")
        if not isinstance(hosts, (list, tuple)) or not hosts:
            raise param_error("config hosts %r must be a non-empty list of (address, port)" % (hosts,))
        as_config = _abi.AsConfig()
        self._lib.as_config_init(ctypes.byref(as_config))
        try:
            self._configure(as_config, config, hosts)
        except BaseException:
            self._lib.as_config_destroy(ctypes.byref(as_config))
            raise
        # aerospike_new takes the configuration over, its host vector included.
        self._as = self._lib.aerospike_new(ctypes.byref(as_config))
        if not self._as:
            raise MemoryError("aerospike_new")

    def _configure(self, as_config, config, hosts):
        for host in hosts:
            if (not isinstance(host, (list, tuple)) or len(host) not in (2, 3)
                    or not isinstance(host[0], str)):
                raise param_error("config host %r is not (address, port)" % (host,))
            self._lib.as_config_add_host(ctypes.byref(as_config), host[0].encode(),
                                         _uint("config host port", host[1], 0xFFFF))
        for name, member in _CONFIG_UINTS.items():
            if name in config:
                setattr(as_config, member, _uint("config " + name, config[name]))
        for name, member in _CONFIG_BOOLS.items():
            if name in config:
                if not isinstance(config[name], bool):
                    raise param_error("config %s %r is not a bool" % (name, config[name]))
                setattr(as_config, member, config[name])
        shm = config.get("shm")
        if shm is not None:
            if not isinstance(shm, dict):
                raise param_error("config shm must be a dict, not %s" % type(shm).__name__)
            unknown = sorted(set(shm) - set(_SHM_FIELDS))
            if unknown:
                raise param_error("config shm: unknown entry %r (%s)"
                                  % (unknown[0], ", ".join(sorted(_SHM_FIELDS))))
            as_config.use_shm = True
            for name, member in _SHM_FIELDS.items():
                if name in shm:
                    value = _uint("config shm " + name, shm[name])
                    if member == "shm_key" and value >= 1 << 31:
                        value -= 1 << 32   # as_config.shm_key is an int holding 32 bits
                    setattr(as_config, member, value)
        if "policies" in config:
            _policy.configure(ctypes.addressof(as_config) + _abi.AS_CONFIG_POLICIES,
                              config["policies"])

    # -- lifecycle ---------------------------------------------------------
    def _call(self, name, *args):
        if not self._as:
            raise exception_for(_abi.AEROSPIKE_ERR_CLIENT, "%s: the client is closed" % name)
        err = _abi.AsError()
        status = getattr(self._lib, name)(self._as, ctypes.byref(err), *args)
        _check(status, err)
        return status

    def connect(self):
        self._call("aerospike_connect")
        self._connected = True
        return self

    def is_connected(self):
        return bool(self._as) and bool(self._lib.aerospike_cluster_is_connected(self._as))

    def close(self):
        """aerospike_close, then aerospike_destroy: the client cannot be used again."""
        if not self._as:
            return
        try:
            if self._connected:
                self._connected = False
                self._call("aerospike_close")
        finally:
            self._lib.aerospike_destroy(self._as)
            self._as = None

    def __enter__(self):
        return self.connect() if not self._connected else self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def _policy(self, kind, policy):
        if not self._as:
            raise exception_for(_abi.AEROSPIKE_ERR_CLIENT, "%s policy: the client is closed" % kind)
        return _policy.for_call(self._as, kind, policy)

    # -- single-record commands -----------------------------------------------
    def _with_key(self, spec, body):
        """body(as_key) with a heap as_key made from a KeySpec, destroyed after."""
        as_key = spec.new(self._lib)
        try:
            return body(as_key)
        finally:
            self._lib.as_key_destroy(as_key)

    def _key_tuple(self, as_key):
        self._lib.as_key_digest(as_key)
        return key_tuple_of(self._values, as_key)

    def _read_record(self, name, kind, key, policy, *args):
        spec = KeySpec(key)
        buffer = self._policy(kind, policy)

        def body(as_key):
            record = ctypes.c_void_p()
            try:
                self._call(name, buffer, as_key, *args, ctypes.byref(record))
                return (self._key_tuple(as_key), meta_of(record.value),
                        self._values.bins_of(record.value))
            finally:
                if record.value:
                    self._lib.as_record_destroy(record.value)
        return self._with_key(spec, body)

    def get(self, key, policy=None):
        """(key, meta, bins); RecordNotFound when there is no such record."""
        return self._read_record("aerospike_key_get", "read", key, policy)

    def select(self, key, bins, policy=None):
        """(key, meta, {the named bins the record has})."""
        names, count = _bin_array(bins, "select bins")
        return self._read_record("aerospike_key_select_bins", "read", key, policy, names, count)

    def exists(self, key, policy=None):
        """(key, meta), with meta None when there is no such record."""
        spec = KeySpec(key)
        buffer = self._policy("read", policy)

        def body(as_key):
            record = ctypes.c_void_p()
            try:
                try:
                    self._call("aerospike_key_exists", buffer, as_key, ctypes.byref(record))
                except RecordNotFound:
                    return (self._key_tuple(as_key), None)
                return (self._key_tuple(as_key), meta_of(record.value))
            finally:
                if record.value:
                    self._lib.as_record_destroy(record.value)
        return self._with_key(spec, body)

    def put(self, key, bins, meta=None, policy=None):
        """Writes bins ({name: value}; a None value removes that bin)."""
        spec = KeySpec(key)
        buffer = self._policy("write", policy)
        record = self._values.record_of(bins, meta)
        try:
            self._with_key(spec, lambda as_key: self._call("aerospike_key_put", buffer, as_key, record))
        finally:
            self._lib.as_record_destroy(record)

    def remove(self, key, meta=None, policy=None):
        """Removes the record; meta {"gen": n} with policy {"gen": POLICY_GEN_EQ}
        removes it only at generation n."""
        spec = KeySpec(key)
        if meta is not None:
            if not isinstance(meta, dict) or set(meta) - {"gen"}:
                raise param_error("remove meta %r may only hold gen" % (meta,))
            policy = dict(policy or {}, generation=_uint("remove meta gen", meta["gen"], 0xFFFF))
        buffer = self._policy("remove", policy)
        self._with_key(spec, lambda as_key: self._call("aerospike_key_remove", buffer, as_key))

    def operate(self, key, list_of_ops, meta=None, policy=None):
        """Runs the operations (aeroshim.operations, list_operations,
        map_operations) in one command: (key, meta, bins read)."""
        spec = KeySpec(key)
        buffer = self._policy("operate", policy)
        ops = self._operations(list_of_ops, meta)

        def body(as_key):
            record = ctypes.c_void_p()
            try:
                self._call("aerospike_key_operate", buffer, as_key, ops, ctypes.byref(record))
                if not record.value:
                    return (self._key_tuple(as_key), None, None)
                return (self._key_tuple(as_key), meta_of(record.value),
                        self._values.bins_of(record.value))
            finally:
                if record.value:
                    self._lib.as_record_destroy(record.value)
        try:
            return self._with_key(spec, body)
        finally:
            self._lib.as_operations_destroy(ops)

    def increment(self, key, bin, offset, meta=None, policy=None):
        self.operate(key, [_op.increment(bin, offset)], meta, policy)

    def append(self, key, bin, val, meta=None, policy=None):
        self.operate(key, [_op.append(bin, val)], meta, policy)

    def prepend(self, key, bin, val, meta=None, policy=None):
        self.operate(key, [_op.prepend(bin, val)], meta, policy)

    def touch(self, key, val=0, meta=None, policy=None):
        self.operate(key, [_op.touch(val)], meta, policy)

    def _operations(self, list_of_ops, meta):
        if not isinstance(list_of_ops, (list, tuple)) or not list_of_ops:
            raise param_error("operate: ops %r must be a non-empty list" % (list_of_ops,))
        if len(list_of_ops) > 0xFFFF:
            raise param_error("operate: %d operations are too many" % len(list_of_ops))
        lib = self._lib
        ops = lib.as_operations_new(len(list_of_ops))
        if not ops:
            raise MemoryError("as_operations_new")
        try:
            for i, entry in enumerate(list_of_ops):
                self._add_operation(ops, entry, "operation %d" % i)
            if meta:
                _values.set_meta(ops, _abi.OPERATIONS_GEN, _abi.OPERATIONS_TTL, meta)
        except BaseException:
            lib.as_operations_destroy(ops)
            raise
        return ops

    def _add_operation(self, ops, entry, where):
        if not isinstance(entry, dict) or "op" not in entry:
            raise param_error("%s %r is not an operation dict" % (where, entry))
        kind = entry["op"]
        adder = _OPERATION_ADDERS.get(kind)
        if adder is None:
            raise param_error("%s: unknown op %r" % (where, kind))
        name = bin_name(entry["bin"]) if "bin" in entry else None
        if name is None and kind not in (_op.OPERATOR_TOUCH, _op.OPERATOR_DELETE):
            raise param_error("%s (%s) names no bin" % (where, kind))
        if not adder(self, ops, name, entry, where):
            raise param_error("%s (%s) was refused by the library" % (where, kind))

    def _consumed_val(self, value, where):
        """A new as_val for a call that takes it over."""
        return self._values.to_val(value, where)

    # -- batch ---------------------------------------------------------------
    def _batch(self, name, keys, policy, *args):
        if not isinstance(keys, (list, tuple)):
            raise param_error("batch keys %r must be a list of key tuples" % (keys,))
        specs = [KeySpec(k) for k in keys]
        buffer = self._policy("batch", policy)
        if not specs:
            return []
        lib = self._lib
        batch = lib.as_batch_new(len(specs))
        if not batch:
            raise MemoryError("as_batch_new")
        results = [None] * len(specs)
        failure = []
        try:
            entries = _abi.read_ptr(batch)        # batch->keys.entries
            # as_batch_new leaves the keys uninitialized; zeroed ones are safe
            # for as_batch_destroy should an init below fail.
            ctypes.memset(entries, 0, len(specs) * _abi.SIZEOF_AS_KEY)
            for i, spec in enumerate(specs):
                spec.init(lib, entries + i * _abi.SIZEOF_AS_KEY)
                lib.as_key_digest(entries + i * _abi.SIZEOF_AS_KEY)

            def listener(array, count, _udata):
                try:
                    for i in range(count):
                        base = array + i * _abi.SIZEOF_BATCH_RESULT
                        status = ctypes.c_int.from_address(base + _abi.BATCH_RESULT_STATUS).value
                        record = base + _abi.BATCH_RESULT_RECORD
                        key = key_tuple_of(self._values, entries + i * _abi.SIZEOF_AS_KEY)
                        if status == _abi.AEROSPIKE_OK:
                            results[i] = (key, status, meta_of(record), self._values.bins_of(record))
                        else:
                            results[i] = (key, status, None, None)
                    return True
                except BaseException as e:
                    failure.append(e)
                    return False
            self._call(name, buffer, batch, *args, _abi.BATCH_LISTENER(listener), None)
            if failure:
                raise failure[0]
            return results
        finally:
            lib.as_batch_destroy(batch)

    def get_many(self, keys, policy=None):
        """[(key, meta, bins)] in keys' order; meta and bins None for a missing record."""
        return [(k, m, b) for k, _, m, b in self._batch("aerospike_batch_get", keys, policy)]

    def select_many(self, keys, bins, policy=None):
        names, count = _bin_array(bins, "select_many bins")
        return [(k, m, b) for k, _, m, b in
                self._batch("aerospike_batch_get_bins", keys, policy, names, count)]

    def exists_many(self, keys, policy=None):
        """[(key, meta or None)] in keys' order."""
        return [(k, m) for k, _, m, _ in self._batch("aerospike_batch_exists", keys, policy)]

    def batch_read(self, keys, bins=None, policy=None):
        """A BatchRecords: .result, and .batch_records with one BatchRecord
        (key, result, record=(key, meta, bins) or None) per key."""
        if bins is None:
            rows = self._batch("aerospike_batch_get", keys, policy)
        else:
            names, count = _bin_array(bins, "batch_read bins")
            rows = self._batch("aerospike_batch_get_bins", keys, policy, names, count)
        return BatchRecords([BatchRecord(k, status, (k, m, b) if m is not None else None)
                             for k, status, m, b in rows])

    # -- scan, query, indexes ------------------------------------------------
    def scan(self, namespace, set=None):
        return Scan(self, namespace, set)

    def query(self, namespace, set=None):
        return Query(self, namespace, set)

    def _index_create(self, ns, set_name, bin, index_name, datatype, policy):
        for what, value in (("namespace", ns), ("bin", bin), ("index name", index_name)):
            if not isinstance(value, str) or not value:
                raise param_error("index create %s %r is not a non-empty str" % (what, value))
        buffer = self._policy("info", policy)
        task = ctypes.create_string_buffer(_abi.SIZEOF_INDEX_TASK)
        self._call("aerospike_index_create_ctx", task, buffer, ns.encode(),
                   set_name.encode() if set_name else None, bin.encode(), index_name.encode(),
                   _INDEX_TYPE_DEFAULT, datatype, None)
        err = _abi.AsError()
        _check(self._lib.aerospike_index_create_wait(ctypes.byref(err), task, 0), err)

    def index_integer_create(self, ns, set, bin, index_name, policy=None):
        self._index_create(ns, set, bin, index_name, INDEX_NUMERIC, policy)

    def index_string_create(self, ns, set, bin, index_name, policy=None):
        self._index_create(ns, set, bin, index_name, INDEX_STRING, policy)

    def index_remove(self, ns, index_name, policy=None):
        self._call("aerospike_index_remove", self._policy("info", policy), ns.encode(),
                   index_name.encode())

    # -- info and nodes ------------------------------------------------------
    def _info(self, name, *args):
        response = ctypes.c_void_p()
        self._call(name, *args, ctypes.byref(response))
        return _abi.take_string(response.value)

    def info_random_node(self, command, policy=None):
        """aerospike_info_any: the raw 'name\\tvalue\\n' response of one node."""
        return self._info("aerospike_info_any", self._policy("info", policy), command.encode())

    def info_single_node(self, command, host, policy=None):
        """aerospike_info_host to host (address, port)."""
        return self._info("aerospike_info_host", self._policy("info", policy), host[0].encode(),
                          _uint("info host port", host[1], 0xFFFF), command.encode())

    def _foreach_node(self, command, policy, visit):
        failure = []

        def on_node(err, node, _req, response, _udata):
            try:
                if err.contents.code == _abi.AEROSPIKE_OK:
                    visit(node, ctypes.string_at(response).decode() if response else "")
                return True
            except BaseException as e:
                failure.append(e)
                return False
        self._call("aerospike_info_foreach", self._policy("info", policy), command.encode(),
                   _abi.FOREACH_INFO(on_node), None)
        if failure:
            raise failure[0]

    def info_all(self, command, policy=None):
        """{node name: (None, response)} over every active node."""
        answers = {}
        self._foreach_node(command, policy,
                           lambda node, response: answers.__setitem__(node_name(node),
                                                                      (None, response)))
        return answers

    def get_node_names(self):
        """[{"address", "port", "node_name"}] of the active nodes."""
        nodes = []

        def visit(node, _response):
            address, port = node_address(node)
            nodes.append({"address": address, "port": port, "node_name": node_name(node)})
        self._foreach_node("node", None, visit)
        return nodes

    def get_nodes(self):
        """[(address, port)] of the active nodes."""
        return [(n["address"], n["port"]) for n in self.get_node_names()]

    def shm_node_names(self):
        """as_cluster_get_node_names: the names in the cluster map (the shared
        segment's when shm is on), without asking any node."""
        cluster = _abi.read_ptr(self._as) if self._as else None
        if not cluster:
            return []
        count = ctypes.c_int()
        names = ctypes.c_void_p()
        self._lib.as_cluster_get_node_names(cluster, ctypes.byref(count), ctypes.byref(names))
        try:
            return [ctypes.string_at(names.value + i * _abi.AS_NODE_NAME_SIZE).decode()
                    for i in range(count.value)]
        finally:
            if names.value:
                _abi.libc.free(names.value)


def node_name(node):
    return ctypes.string_at(node + _abi.AS_NODE_NAME_OFFSET).decode()


def node_address(node):
    """(address, port) of a node's current address ("host:port" or "[v6]:port")."""
    addresses = _abi.read_ptr(node + _abi.NODE_ADDRESSES)
    index = _abi.read_u32(node + _abi.NODE_ADDRESS_INDEX)
    text = ctypes.string_at(addresses + index * _abi.SIZEOF_AS_ADDRESS + _abi.ADDRESS_NAME).decode()
    host, _, port = text.rpartition(":")
    return host.strip("[]"), int(port)


def _bin_array(bins, where):
    if not isinstance(bins, (list, tuple)) or not bins:
        raise param_error("%s %r must be a non-empty list of bin names" % (where, bins))
    encoded = [bin_name(b) for b in bins]
    return (ctypes.c_char_p * len(encoded))(*encoded), len(encoded)


class BatchRecord:
    def __init__(self, key, result, record):
        self.key = key
        self.result = result
        self.record = record
        self.in_doubt = False


class BatchRecords:
    def __init__(self, batch_records):
        self.batch_records = batch_records
        self.result = _abi.AEROSPIKE_OK


class _Stream:
    """What Scan and Query share: the bin selection and the record callback."""

    def __init__(self, client, namespace, set_name):
        if not isinstance(namespace, str) or not namespace:
            raise param_error("namespace %r is not a non-empty str" % (namespace,))
        if set_name is not None and not isinstance(set_name, str):
            raise param_error("set %r is not None or a str" % (set_name,))
        self._client = client
        self._ns = namespace.encode()
        self._set = set_name.encode() if set_name else None
        self._bins = []

    def select(self, *bins):
        self._bins = [bin_name(b) for b in bins]

    def results(self, policy=None):
        records = []
        self.foreach(records.append, policy)
        return records

    def foreach(self, callback, policy=None):
        """callback((key, meta, bins)) per record, from the library's threads;
        returning False stops the stream."""
        lib = self._client._lib
        values = self._client._values
        failure = []

        def on_record(val, _udata):
            if not val:
                return True                     # the end of the stream
            try:
                record = (key_tuple_of(values, val + _abi.RECORD_KEY), meta_of(val),
                          values.bins_of(val))
                return callback(record) is not False
            except BaseException as e:
                failure.append(e)
                return False
        policy_buffer = self._client._policy(self._policy_kind, policy)
        handle, _referenced = self._make(lib)
        try:
            self._run(handle, policy_buffer, _abi.FOREACH_VAL(on_record))
        finally:
            self._destroy(lib, handle)
        if failure:
            raise failure[0]


class Scan(_Stream):
    _policy_kind = "scan"

    def _make(self, lib):
        scan = lib.as_scan_new(self._ns, self._set)
        if not scan:
            raise MemoryError("as_scan_new")
        if self._bins:
            lib.as_scan_select_init(scan, len(self._bins))
            for b in self._bins:
                lib.as_scan_select(scan, b)
        return scan, None

    def _destroy(self, lib, scan):
        lib.as_scan_destroy(scan)

    def _run(self, scan, policy, callback):
        self._client._call("aerospike_scan_foreach", policy, scan, callback, None)


class Query(_Stream):
    _policy_kind = "query"

    def __init__(self, client, namespace, set_name):
        super().__init__(client, namespace, set_name)
        self._predicate = None

    def where(self, predicate):
        """predicate from aeroshim.predicates (equals, between)."""
        if not isinstance(predicate, tuple) or not predicate or predicate[0] not in ("equals", "between"):
            raise param_error("where: %r is not a predicate from aeroshim.predicates" % (predicate,))
        self._predicate = (predicate[0], bin_name(predicate[1])) + tuple(predicate[2:])

    def _make(self, lib):
        query = lib.as_query_new(self._ns, self._set)
        if not query:
            raise MemoryError("as_query_new")
        try:
            if self._bins:
                lib.as_query_select_init(query, len(self._bins))
                for b in self._bins:
                    lib.as_query_select(query, b)
            referenced = self._where(lib, query) if self._predicate else None
        except BaseException:
            lib.as_query_destroy(query)
            raise
        return query, referenced

    def _where(self, lib, query):
        """Adds the predicate; returns what it points at (a string's buffer),
        which must live until the query is destroyed."""
        kind, name = self._predicate[0], self._predicate[1]
        text = None
        lib.as_query_where_init(query, 1)
        if kind == "between":
            args = (_PREDICATE_RANGE, _INDEX_TYPE_DEFAULT, INDEX_NUMERIC,
                    ctypes.c_int64(self._predicate[2]), ctypes.c_int64(self._predicate[3]))
        elif isinstance(self._predicate[2], str):
            text = ctypes.create_string_buffer(self._predicate[2].encode("utf-8"))
            args = (_PREDICATE_EQUAL, _INDEX_TYPE_DEFAULT, INDEX_STRING,
                    ctypes.cast(text, ctypes.c_char_p))
        else:
            args = (_PREDICATE_EQUAL, _INDEX_TYPE_DEFAULT, INDEX_NUMERIC,
                    ctypes.c_int64(self._predicate[2]))
        if not lib.as_query_where(query, name, *args):
            raise param_error("where on bin %r: the library refused the predicate" % name.decode())
        return text

    def _destroy(self, lib, query):
        lib.as_query_destroy(query)

    def _run(self, query, policy, callback):
        self._client._call("aerospike_query_foreach", policy, query, callback, None)


# -- operate: one adder per operation kind ------------------------------------
def _add_val(name_of_call):
    def add(client, ops, name, entry, where):
        return getattr(client._lib, name_of_call)(ops, name, client._consumed_val(entry["val"], where))
    return add


def _add_incr(client, ops, name, entry, where):
    amount = entry["val"]
    if isinstance(amount, float):
        return client._lib.as_operations_add_incr_double(ops, name, amount)
    if isinstance(amount, bool) or not isinstance(amount, int) \
            or not _values.INT64_MIN <= amount <= _values.INT64_MAX:
        raise param_error("%s: increment %r is not an int64 or a float" % (where, amount))
    return client._lib.as_operations_add_incr(ops, name, amount)


def _add_text(kind):
    def add(client, ops, name, entry, where):
        value = entry["val"]
        lib = client._lib
        if isinstance(value, str):
            data = value.encode("utf-8")
            buffer = _abi.c_copy(data)
            ok = getattr(lib, "as_operations_add_%s_strp" % kind)(ops, name, buffer, True)
        elif isinstance(value, (bytes, bytearray)):
            data = bytes(value)
            buffer = _abi.c_copy(data)
            ok = getattr(lib, "as_operations_add_%s_rawp" % kind)(ops, name, buffer, len(data), True)
        else:
            raise param_error("%s: %s %r is not a str or bytes" % (where, kind, value))
        if not ok:
            _abi.libc.free(buffer)
        return ok
    return add


def _add_touch(client, ops, _name, entry, _where):
    if "val" in entry and entry["val"]:
        _values.set_meta(ops, _abi.OPERATIONS_GEN, _abi.OPERATIONS_TTL, {"ttl": entry["val"]})
    return client._lib.as_operations_add_touch(ops)


def _index(entry, where):
    index = entry.get("index")
    if isinstance(index, bool) or not isinstance(index, int) \
            or not _values.INT64_MIN <= index <= _values.INT64_MAX:
        raise param_error("%s: index %r is not an int64" % (where, index))
    return index


def _return_type(entry, where):
    value = entry.get("return_type")
    if isinstance(value, bool) or not isinstance(value, int):
        raise param_error("%s: return_type %r is not an int" % (where, value))
    return value


def _map_policy():
    policy = ctypes.create_string_buffer(_abi.SIZEOF_MAP_POLICY)
    _abi.load_library().as_map_policy_init(policy)
    return policy


def _map_write(call):
    def add(client, ops, name, entry, where):
        key = client._consumed_val(entry["key"], where + " key")
        try:
            value = client._consumed_val(entry["val"], where + " value")
        except BaseException:
            client._lib.as_val_val_destroy(key)
            raise
        return getattr(client._lib, call)(ops, name, None, _map_policy(), key, value)
    return add


def _map_by_key(call):
    def add(client, ops, name, entry, where):
        return_type = _return_type(entry, where)      # checked before the key is made
        key = client._consumed_val(entry["key"], where + " key")
        return getattr(client._lib, call)(ops, name, None, key, return_type)
    return add


# Each adder makes the as_val it hands over last, after every check that can
# raise, since the operation list takes the value over.
_OPERATION_ADDERS = {
    _op.OPERATOR_READ: lambda c, ops, name, e, w: c._lib.as_operations_add_read(ops, name),
    _op.OPERATOR_WRITE: _add_val("as_operations_add_write"),
    _op.OPERATOR_INCR: _add_incr,
    _op.OPERATOR_APPEND: _add_text("append"),
    _op.OPERATOR_PREPEND: _add_text("prepend"),
    _op.OPERATOR_TOUCH: _add_touch,
    _op.OPERATOR_DELETE: lambda c, ops, name, e, w: c._lib.as_operations_add_delete(ops),
    _lo.OP_LIST_APPEND: lambda c, ops, name, e, w: c._lib.as_operations_list_append(
        ops, name, None, None, c._consumed_val(e["val"], w)),
    _lo.OP_LIST_APPEND_ITEMS: lambda c, ops, name, e, w: c._lib.as_operations_list_append_items(
        ops, name, None, None, c._consumed_val(e["val"], w)),
    _lo.OP_LIST_INSERT: lambda c, ops, name, e, w: c._lib.as_operations_list_insert(
        ops, name, None, None, _index(e, w), c._consumed_val(e["val"], w)),
    _lo.OP_LIST_POP: lambda c, ops, name, e, w: c._lib.as_operations_list_pop(
        ops, name, None, _index(e, w)),
    _lo.OP_LIST_REMOVE: lambda c, ops, name, e, w: c._lib.as_operations_list_remove(
        ops, name, None, _index(e, w)),
    _lo.OP_LIST_CLEAR: lambda c, ops, name, e, w: c._lib.as_operations_list_clear(ops, name, None),
    _lo.OP_LIST_SIZE: lambda c, ops, name, e, w: c._lib.as_operations_list_size(ops, name, None),
    _lo.OP_LIST_GET: lambda c, ops, name, e, w: c._lib.as_operations_list_get(
        ops, name, None, _index(e, w)),
    _lo.OP_LIST_GET_RANGE: lambda c, ops, name, e, w: c._lib.as_operations_list_get_range(
        ops, name, None, _index(e, w), _uint(w + " count", e["val"], (1 << 64) - 1)),
    _lo.OP_LIST_GET_BY_INDEX: lambda c, ops, name, e, w: c._lib.as_operations_list_get_by_index(
        ops, name, None, _index(e, w), _return_type(e, w)),
    _mo.OP_MAP_PUT: _map_write("as_operations_map_put"),
    _mo.OP_MAP_INCREMENT: _map_write("as_operations_map_increment"),
    _mo.OP_MAP_PUT_ITEMS: lambda c, ops, name, e, w: c._lib.as_operations_map_put_items(
        ops, name, None, _map_policy(), c._consumed_val(e["val"], w)),
    _mo.OP_MAP_GET_BY_KEY: _map_by_key("as_operations_map_get_by_key"),
    _mo.OP_MAP_REMOVE_BY_KEY: _map_by_key("as_operations_map_remove_by_key"),
    _mo.OP_MAP_SIZE: lambda c, ops, name, e, w: c._lib.as_operations_map_size(ops, name, None),
    _mo.OP_MAP_CLEAR: lambda c, ops, name, e, w: c._lib.as_operations_map_clear(ops, name, None),
}
