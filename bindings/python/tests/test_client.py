"""Tests of the data path against asim: every Client method, value round
trips, keys, policies, the exception classes and codes, the log hook, the C
heap staying flat over commands and their error paths, and several worker
processes sharing one segment.

    python3 tests/test_client.py      # $ASIM or ../../build/tools/asim/asim
"""

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import queue
import threading
import time
import unittest

from asim_cluster import AsimTest, remove_segment, shm_key

import aeroshim  # noqa: E402  (asim_cluster puts the package on the path)
from aeroshim import exception as ex  # noqa: E402
from aeroshim import list_operations as lo  # noqa: E402
from aeroshim import map_operations as mo  # noqa: E402
from aeroshim import operations as op  # noqa: E402
from aeroshim import predicates  # noqa: E402

# Set by run_against_stock.py: the library is the stock C client 7.4.0.
STOCK = os.environ.get("AEROSHIM_TEST_STOCK") == "1"
INT64_MAX = (1 << 63) - 1
INT64_MIN = -(1 << 63)


def unique_set(test):
    """A set name of this test and process, so tests never see each other's records."""
    return "%s_%d" % (test.id().rsplit(".", 1)[1][5:20], os.getpid() % 10000)


class ExceptionTest(unittest.TestCase):
    def test_codes_pick_the_official_classes(self):
        for code, cls, parents in (
                (-1, ex.ClientError, ()), (-2, ex.ParamError, (ex.ClientError,)),
                (-4, ex.InvalidHostError, (ex.ClientError,)),
                (-10, ex.ConnectionError, (ex.ClientError,)),
                (9, ex.TimeoutError, ()), (1, ex.ServerError, ()),
                (2, ex.RecordNotFound, (ex.RecordError, ex.ServerError)),
                (3, ex.RecordGenerationError, (ex.RecordError,)),
                (5, ex.RecordExistsError, (ex.RecordError,)),
                (12, ex.BinIncompatibleType, (ex.RecordError,)),
                (21, ex.BinNameError, (ex.RecordError,)),
                (4, ex.InvalidRequest, (ex.ServerError,)),
                (20, ex.NamespaceNotFound, (ex.ServerError,)),
                (200, ex.IndexFoundError, (ex.IndexError, ex.ServerError)),
                (201, ex.IndexNotFound, (ex.IndexError,)),
                (212, ex.QueryTimeout, (ex.QueryError,)),
                (-99, ex.ClientError, ()), (999, ex.ServerError, ())):
            e = ex.exception_for(code, "why %d" % code, "f.c", 7, True)
            self.assertIs(type(e), cls, code)
            for parent in parents + (ex.AerospikeError, Exception):
                self.assertIsInstance(e, parent)
            self.assertEqual((e.code, e.msg, e.file, e.line, e.in_doubt),
                             (code, "why %d" % code, "f.c", 7, True))
            self.assertEqual(e.args, (code, "why %d" % code, "f.c", 7, True))

    def test_a_class_alone_carries_its_code(self):
        self.assertEqual(ex.RecordNotFound().code, 2)
        self.assertEqual(ex.ParamError(msg="x").code, -2)

    def test_config_errors_name_the_entry(self):
        cases = (({"hosts": []}, "hosts"),
                 ({"hosts": [("127.0.0.1", 70000)]}, "port"),
                 ({"hosts": [("127.0.0.1", 3000)], "colour": 1}, "colour"),
                 ({"hosts": [("127.0.0.1", 3000)], "shm": {"shm_size": 1}}, "shm_size"),
                 ({"hosts": [("127.0.0.1", 3000)], "shm": {"max_nodes": -1}}, "max_nodes"),
                 ({"hosts": [("127.0.0.1", 3000)], "policies": {"read": {"timeout": 1}}}, "timeout"),
                 ({"hosts": [("127.0.0.1", 3000)], "policies": {"write": {"durable_delete": 1}}},
                  "durable_delete"),
                 ({"hosts": [("127.0.0.1", 3000)], "policies": {"total_timeout": "1"}},
                  "total_timeout"))
        for config, word in cases:
            with self.assertRaises(ex.ParamError, msg=config) as caught:
                aeroshim.client(config)
            self.assertEqual(caught.exception.code, -2)
            self.assertIn(word, caught.exception.msg)

    def test_config_policies_reach_the_client_defaults(self):
        client = aeroshim.client({"hosts": [("127.0.0.1", 3000)],
                                  "policies": {"total_timeout": 4321,
                                               "read": {"total_timeout": 1234, "max_retries": 5},
                                               "write": {"key": aeroshim.POLICY_KEY_SEND}}})
        try:
            policies = client._as + 8 + 240        # aerospike.config.policies

            def u32(offset):
                return ctypes.c_uint32.from_address(policies + offset).value
            self.assertEqual(u32(0 + 8), 1234)      # read.base.total_timeout
            self.assertEqual(u32(0 + 16), 5)        # read.base.max_retries
            self.assertEqual(u32(72 + 8), 4321)     # write.base.total_timeout
            self.assertEqual(u32(72 + 48), 1)       # write.key
            self.assertEqual(u32(616 + 8), 4321)    # scan.base.total_timeout
        finally:
            client.close()

    def test_a_closed_client_raises_client_error(self):
        client = aeroshim.client({"hosts": [("127.0.0.1", 3000)]})
        client.close()
        for call in (lambda: client.get(("test", "demo", 1)),
                     lambda: client.put(("test", "demo", 1), {"a": 1}, policy={"total_timeout": 5}),
                     lambda: client.get_many([("test", "demo", 1)]),
                     lambda: client.scan("test", "demo").results(),
                     lambda: client.info_all("build")):
            with self.assertRaises(ex.ClientError) as caught:
                call()
            self.assertEqual(caught.exception.code, -1)
            self.assertIn("closed", caught.exception.msg)

    def test_connect_refused_is_a_connection_error(self):
        client = aeroshim.client({"hosts": [("127.0.0.1", 1)], "connect_timeout": 500})
        with self.assertRaises(ex.ConnectionError) as caught:
            client.connect()
        self.assertEqual(caught.exception.code, -10)
        self.assertTrue(caught.exception.msg)
        if not STOCK:     # stock 7.4.0 says only "Failed to connect"; ours names the seeds
            self.assertIn("127.0.0.1:1", caught.exception.msg)
        self.assertFalse(client.is_connected())
        client.close()


class DataTest(AsimTest):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = aeroshim.client({"hosts": [("127.0.0.1", cls.ports[0])],
                                      "policies": {"total_timeout": 5000}}).connect()

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        super().tearDownClass()

    def key(self, pk):
        return ("test", unique_set(self), pk)


class RecordTest(DataTest):
    def test_put_get_select_exists_remove(self):
        c = self.client
        k = self.key("a")
        self.assertIsNone(c.put(k, {"i": 1, "s": "x"}))
        key, meta, bins = c.get(k)
        self.assertEqual(key[:3], k)
        self.assertEqual(len(key[3]), 20)
        self.assertEqual(meta["gen"], 1)
        self.assertEqual(bins, {"i": 1, "s": "x"})
        c.put(k, {"i": 2})
        self.assertEqual(c.get(k)[1]["gen"], 2)
        self.assertEqual(c.get(k)[2], {"i": 2, "s": "x"})
        self.assertEqual(c.select(k, ["s", "missing"])[2], {"s": "x"})
        key, meta = c.exists(k)
        self.assertEqual((key[:3], meta["gen"]), (k, 2))
        c.remove(k)
        self.assertEqual(c.exists(k)[1], None)
        with self.assertRaises(ex.RecordNotFound) as caught:
            c.get(k)
        self.assertEqual(caught.exception.code, 2)
        with self.assertRaises(ex.RecordNotFound):
            c.remove(k)
        with self.assertRaises(ex.RecordNotFound):
            c.select(k, ["i"])

    def test_the_digest_names_the_same_record(self):
        k = self.key(77)
        self.client.put(k, {"v": "by int key"})
        digest = self.client.get(k)[0][3]
        self.assertEqual(self.client.get(("test", k[1], None, digest))[2], {"v": "by int key"})
        self.assertEqual(self.client.exists(("test", k[1], None, bytearray(digest)))[1]["gen"], 1)

    def test_key_types(self):
        for pk in ("str", "", "ünïcødé", 0, -5, INT64_MAX, INT64_MIN, b"\x00raw", bytearray(b"ba")):
            k = self.key(pk)
            self.client.put(k, {"pk": repr(pk)})
            self.assertEqual(self.client.get(k)[2], {"pk": repr(pk)}, pk)
        digests = {self.client.exists(self.key(pk))[0][3] for pk in ("1", 1, b"1")}
        self.assertEqual(len(digests), 3, "str, int and bytes keys are distinct records")

    def test_bad_keys_raise_param_error(self):
        for key in (("test",), ["test", "s"], "test", ("test", "s", 1.5), ("test", "s", None),
                    ("test", "s", None, b"short"), ("", "s", 1), ("n" * 32, "s", 1),
                    ("test", "s" * 64, 1), ("test", 5, 1), ("test", "s", True),
                    ("test", "s", 1 << 63)):
            with self.assertRaises(ex.ParamError, msg=repr(key)) as caught:
                self.client.get(key)
            self.assertEqual(caught.exception.code, -2)
            self.assertIn("key", caught.exception.msg)

    def test_a_none_bin_removes_it(self):
        k = self.key("nil")
        self.client.put(k, {"a": 1, "b": 2})
        self.client.put(k, {"b": None})
        self.assertEqual(self.client.get(k)[2], {"a": 1})
        self.client.put(k, {"a": None})     # the last bin: the record goes
        self.assertIsNone(self.client.exists(k)[1])

    def test_meta_and_write_policies(self):
        c = self.client
        k = self.key("meta")
        c.put(k, {"a": 1}, meta={"ttl": 1000})
        self.assertTrue(0 < c.get(k)[1]["ttl"] <= 1000)
        c.put(k, {"a": 2}, meta={"ttl": aeroshim.TTL_NEVER_EXPIRE})
        self.assertEqual(c.get(k)[1]["ttl"], 0xFFFFFFFF)
        with self.assertRaises(ex.RecordExistsError) as caught:
            c.put(k, {"a": 3}, policy={"exists": aeroshim.POLICY_EXISTS_CREATE})
        self.assertEqual(caught.exception.code, 5)
        with self.assertRaises(ex.RecordGenerationError) as caught:
            c.put(k, {"a": 3}, meta={"gen": 7}, policy={"gen": aeroshim.POLICY_GEN_EQ})
        self.assertEqual(caught.exception.code, 3)
        c.put(k, {"a": 3}, meta={"gen": 2}, policy={"gen": aeroshim.POLICY_GEN_EQ})
        self.assertEqual(c.get(k)[1]["gen"], 3)
        with self.assertRaises(ex.RecordNotFound):
            c.put(self.key("fresh"), {"a": 1}, policy={"exists": aeroshim.POLICY_EXISTS_UPDATE})
        with self.assertRaises(ex.RecordGenerationError):
            c.remove(k, meta={"gen": 1}, policy={"gen": aeroshim.POLICY_GEN_EQ})
        c.remove(k, meta={"gen": 3}, policy={"gen": aeroshim.POLICY_GEN_EQ})
        self.assertIsNone(c.exists(k)[1])

    def test_bad_bins_meta_and_policies_raise_param_error(self):
        c = self.client
        k = self.key("bad")
        for call, word in ((lambda: c.put(k, ["not", "a", "dict"]), "dict"),
                           (lambda: c.put(k, {"a" * 16: 1}), "longer than 15"),
                           (lambda: c.put(k, {1: 1}), "not a str"),
                           (lambda: c.put(k, {"a": 1}, meta={"gen": -1}), "gen"),
                           (lambda: c.put(k, {"a": 1}, meta={"ttl": "x"}), "ttl"),
                           (lambda: c.put(k, {"a": 1}, meta={"age": 1}), "age"),
                           (lambda: c.put(k, {"a": 1}, policy={"exist": 1}), "exist"),
                           (lambda: c.get(k, policy={"total_timeout": -1}), "total_timeout"),
                           (lambda: c.select(k, []), "bin names")):
            with self.assertRaises(ex.ParamError) as caught:
                call()
            self.assertIn(word, caught.exception.msg)
        self.assertIsNone(c.exists(k)[1], "nothing was written")

    def test_namespace_not_found_is_a_server_error(self):
        with self.assertRaises(ex.ServerError) as caught:
            self.client.put(("nosuchns", "s", 1), {"a": 1})
        self.assertGreater(caught.exception.code, 0)


class ValueTest(DataTest):
    VALUES = [0, 1, -1, 255, 256, -32768, 1 << 31, INT64_MAX, INT64_MIN,
              0.0, -0.0, 1.5, -2.25e300, 5e-324, float("inf"), float("-inf"),
              "", "a", "ünïcødé ✓ 日本語 \U0001F600", "x" * 100000, "nul\x00inside",
              b"", b"\x00\xff\x7f", bytes(range(256)) * 40,
              True, False,
              [], {}, [[]], {"e": {}}, [None, True, False],
              [1, "a", b"b", 2.5, None, True, [2, [3]], {"k": "v"}],
              {"s": 1, 2: "int key", b"k": "bytes key", "nested": {"l": [1, {"m": [None]}]}},
              list(range(2000)),
              {"k%d" % i: i for i in range(500)}]

    def round_trip(self, value):
        k = self.key("v")
        self.client.put(k, {"v": value})
        bins = self.client.get(k)[2]
        return bins.get("v", None)

    def test_every_type_comes_back_equal_and_of_its_type(self):
        for value in self.VALUES:
            with self.subTest(value=repr(value)[:60]):
                back = self.round_trip(value)
                self.assertEqual(back, value)
                self.assertIs(type(back), type(value))
                if isinstance(value, float) and value == 0:
                    self.assertEqual(str(back), str(value))   # the sign of zero

    def test_nan_and_bytearray_and_tuple(self):
        back = self.round_trip(float("nan"))
        self.assertNotEqual(back, back)
        self.assertEqual(self.round_trip(bytearray(b"ba")), b"ba")
        self.assertEqual(self.round_trip((1, (2, "t"))), [1, [2, "t"]])

    def test_deep_nesting(self):
        value = "leaf"
        for depth in range(40):
            value = [value] if depth % 2 else {"d%d" % depth: value}
        self.assertEqual(self.round_trip(value), value)

    def test_bool_is_written_as_a_boolean_particle(self):
        k = self.key("bool")
        self.client.put(k, {"t": True, "f": False, "one": 1})
        bins = self.client.get(k)[2]
        self.assertIs(bins["t"], True)
        self.assertIs(bins["f"], False)
        self.assertIs(type(bins["one"]), int)

    def test_values_that_do_not_convert_raise_param_error(self):
        for value, word in ((1 << 63, "int64"), (INT64_MIN - 1, "int64"), (object(), "object"),
                            ({1, 2}, "set"), ([1, 2, [3, 1 << 64]], "[2][1]"),
                            ({"a": [1, complex(1, 2)]}, "complex"),
                            ({(1, 2): "tuple key"}, "map keys"), ({1.5: "x"}, "map keys"),
                            ({True: 1}, "map keys"), ({None: 1}, "map keys")):
            with self.subTest(value=repr(value)[:40]):
                with self.assertRaises(ex.ParamError) as caught:
                    self.client.put(self.key("bad"), {"v": value})
                self.assertEqual(caught.exception.code, -2)
                self.assertIn(word, caught.exception.msg)
        self.assertIsNone(self.client.exists(self.key("bad"))[1])


class OperateTest(DataTest):
    def test_single_bin_operations(self):
        c = self.client
        k = self.key("ops")
        c.put(k, {"n": 10, "s": "mid", "b": b"\x01", "f": 1.0})
        key, meta, bins = c.operate(k, [op.increment("n", 5), op.read("n"),
                                        op.increment("f", 0.5), op.read("f"),
                                        op.append("s", "-end"), op.prepend("s", "start-"),
                                        op.read("s"), op.append("b", b"\x02"),
                                        op.prepend("b", bytearray(b"\x00")), op.read("b"),
                                        op.write("w", [1, {"x": None}]), op.read("w")])
        self.assertEqual(key[:3], k)
        self.assertEqual(meta["gen"], 2)
        self.assertEqual(bins, {"n": 15, "f": 1.5, "s": "start-mid-end", "b": b"\x00\x01\x02",
                                "w": [1, {"x": None}]})
        c.operate(k, [op.touch(500)])
        self.assertTrue(0 < c.get(k)[1]["ttl"] <= 500)
        c.increment(k, "n", -20)
        c.append(k, "s", "!")
        c.prepend(k, "s", "¡")
        c.touch(k, 300)
        key, meta, bins = c.get(k)
        self.assertEqual((bins["n"], bins["s"]), (-5, "¡start-mid-end!"))
        self.assertTrue(0 < meta["ttl"] <= 300)
        c.operate(k, [op.delete()])
        self.assertIsNone(c.exists(k)[1])

    def test_operate_with_meta_gen(self):
        c = self.client
        k = self.key("gen")
        c.put(k, {"n": 1})
        with self.assertRaises(ex.RecordGenerationError):
            c.operate(k, [op.increment("n", 1)], meta={"gen": 5},
                      policy={"gen": aeroshim.POLICY_GEN_EQ})
        self.assertEqual(c.operate(k, [op.increment("n", 1), op.read("n")], meta={"gen": 1},
                                   policy={"gen": aeroshim.POLICY_GEN_EQ})[2], {"n": 2})

    def test_list_operations(self):
        c = self.client
        k = self.key("list")
        c.put(k, {"l": [1, 2, 3]})
        _, _, bins = c.operate(k, [lo.list_append("l", 4)])
        self.assertEqual(bins, {"l": 4})
        _, _, bins = c.operate(k, [lo.list_append_items("l", ["a", ["b"]])])
        self.assertEqual(bins, {"l": 6})
        c.operate(k, [lo.list_insert("l", 0, 0)])
        self.assertEqual(c.get(k)[2]["l"], [0, 1, 2, 3, 4, "a", ["b"]])
        self.assertEqual(c.operate(k, [lo.list_get("l", -1)])[2], {"l": ["b"]})
        self.assertEqual(c.operate(k, [lo.list_get_range("l", 1, 3)])[2], {"l": [1, 2, 3]})
        self.assertEqual(c.operate(k, [lo.list_get_by_index("l", 2, lo.LIST_RETURN_VALUE)])[2],
                         {"l": 2})
        self.assertEqual(c.operate(k, [lo.list_pop("l", 0)])[2], {"l": 0})
        self.assertEqual(c.operate(k, [lo.list_remove("l", -1)])[2], {"l": 1})
        self.assertEqual(c.operate(k, [lo.list_size("l")])[2], {"l": 5})
        c.operate(k, [lo.list_clear("l")])
        self.assertEqual(c.get(k)[2]["l"], [])

    def test_map_operations(self):
        c = self.client
        k = self.key("map")
        c.put(k, {"m": {"a": 1}})
        c.operate(k, [mo.map_put("m", "b", {"deep": [1]})])
        c.operate(k, [mo.map_put_items("m", {"c": 3, 4: "four"})])
        c.operate(k, [mo.map_increment("m", "a", 10)])
        self.assertEqual(c.get(k)[2]["m"], {"a": 11, "b": {"deep": [1]}, "c": 3, 4: "four"})
        self.assertEqual(c.operate(k, [mo.map_get_by_key("m", "b", mo.MAP_RETURN_VALUE)])[2],
                         {"m": {"deep": [1]}})
        self.assertEqual(c.operate(k, [mo.map_remove_by_key("m", 4, mo.MAP_RETURN_VALUE)])[2],
                         {"m": "four"})
        self.assertEqual(c.operate(k, [mo.map_size("m")])[2], {"m": 3})
        c.operate(k, [mo.map_clear("m")])
        self.assertEqual(c.get(k)[2]["m"], {})

    def test_bad_operations_raise_before_sending(self):
        c = self.client
        k = self.key("badops")
        c.put(k, {"n": 1})
        for ops, word in (([], "non-empty"), ("read", "non-empty"), ([{"bin": "n"}], "operation"),
                          ([{"op": "explode", "bin": "n"}], "explode"),
                          ([op.read("n"), op.increment("n", "1")], "increment"),
                          ([op.increment("n", 1 << 64)], "increment"),
                          ([op.append("n", 5)], "append"),
                          ([op.write("n", 1), op.write("x", object())], "object"),
                          ([lo.list_insert("l", 1.5, 1)], "index"),
                          ([mo.map_get_by_key("m", "k", "value")], "return_type"),
                          ([{"op": op.OPERATOR_READ}], "names no bin"),
                          ([op.read("b" * 16)], "longer")):
            with self.assertRaises(ex.ParamError, msg=repr(ops)) as caught:
                c.operate(k, ops)
            self.assertIn(word, caught.exception.msg)
        self.assertEqual(c.get(k)[1]["gen"], 1, "no failed operate reached the server")

    def test_server_refusals_raise_their_class(self):
        c = self.client
        k = self.key("refuse")
        c.put(k, {"s": "text"})
        with self.assertRaises(ex.BinIncompatibleType) as caught:
            c.operate(k, [op.increment("s", 1)])
        self.assertEqual(caught.exception.code, 12)
        with self.assertRaises(ex.RecordNotFound):
            c.operate(self.key("nothing"), [op.read("s")])


class BatchTest(DataTest):
    def test_get_many_exists_many_select_many_batch_read(self):
        c = self.client
        keys = [self.key(i) for i in range(20)]
        for i, k in enumerate(keys):
            if i % 4:
                c.put(k, {"i": i, "sq": i * i})
        rows = c.get_many(keys)
        self.assertEqual([r[0][:3] for r in rows], keys)
        for i, (key, meta, bins) in enumerate(rows):
            if i % 4:
                self.assertEqual((meta["gen"], bins), (1, {"i": i, "sq": i * i}))
            else:
                self.assertEqual((meta, bins), (None, None))
        self.assertEqual([m is not None for _, m in c.exists_many(keys)],
                         [bool(i % 4) for i in range(20)])
        self.assertEqual([b for _, _, b in c.select_many(keys[1:3], ["sq"])], [{"sq": 1}, {"sq": 4}])
        result = c.batch_read(keys[:3])
        self.assertEqual([r.result for r in result.batch_records], [2, 0, 0])
        self.assertEqual(result.batch_records[1].record[2], {"i": 1, "sq": 1})
        self.assertIsNone(result.batch_records[0].record)
        self.assertEqual(c.batch_read(keys[1:2], ["i"]).batch_records[0].record[2], {"i": 1})
        self.assertEqual(c.get_many([]), [])

    def test_bad_batch_keys_raise_param_error(self):
        with self.assertRaises(ex.ParamError):
            self.client.get_many([self.key(1), ("test",)])
        with self.assertRaises(ex.ParamError):
            self.client.get_many(self.key(1))


class ScanQueryTest(DataTest):
    def fill(self, n):
        for i in range(n):
            self.client.put(self.key(i), {"i": i, "tag": "t%d" % (i % 3), "other": -i},
                            policy={"key": aeroshim.POLICY_KEY_SEND})

    def test_scan_results_foreach_select(self):
        self.fill(30)
        c = self.client
        records = c.scan("test", unique_set(self)).results()
        self.assertEqual(sorted(r[2]["i"] for r in records), list(range(30)))
        for key, meta, bins in records:
            self.assertEqual((key[0], key[1], key[2]), ("test", unique_set(self), bins["i"]))
            self.assertEqual(len(key[3]), 20)
            self.assertEqual(meta["gen"], 1)
        scan = c.scan("test", unique_set(self))
        scan.select("i")
        self.assertEqual({frozenset(r[2]) for r in scan.results()}, {frozenset(["i"])})
        seen = []
        lock = threading.Lock()

        def first_five(record):
            with lock:
                seen.append(record)
                return len(seen) < 5
        c.scan("test", unique_set(self)).foreach(first_five)
        self.assertGreaterEqual(len(seen), 5)
        self.assertLess(len(seen), 30, "returning False stops the scan")

    def test_a_callback_exception_comes_out_of_foreach(self):
        self.fill(3)

        def boom(_record):
            raise KeyError("from the callback")
        with self.assertRaises(KeyError):
            self.client.scan("test", unique_set(self)).foreach(boom)

    def test_query_equals_between_and_strings(self):
        self.fill(30)
        c = self.client
        set_name = unique_set(self)
        c.index_integer_create("test", set_name, "i", "i_" + set_name)
        c.index_string_create("test", set_name, "tag", "tag_" + set_name)
        try:
            q = c.query("test", set_name)
            q.where(predicates.equals("i", 7))
            self.assertEqual([r[2] for r in q.results()], [{"i": 7, "tag": "t1", "other": -7}])
            q = c.query("test", set_name)
            q.where(predicates.between("i", 10, 14))
            q.select("i")
            self.assertEqual(sorted(r[2]["i"] for r in q.results()), [10, 11, 12, 13, 14])
            q = c.query("test", set_name)
            q.where(predicates.equals("tag", "t2"))
            found = []
            q.foreach(lambda r: found.append(r[2]["i"]))
            self.assertEqual(sorted(found), list(range(2, 30, 3)))
            self.assertEqual(len(c.query("test", set_name).results()), 30)
        finally:
            c.index_remove("test", "i_" + set_name)
            c.index_remove("test", "tag_" + set_name)

    def test_bad_predicates_raise_param_error(self):
        q = self.client.query("test", "s")
        for make in (lambda: predicates.equals("i", 1.5), lambda: predicates.between("i", 1, "9"),
                     lambda: q.where(("like", "i", 1)), lambda: q.where(predicates.equals("b" * 16, 1))):
            with self.assertRaises(ex.ParamError):
                make()


class HeapTest(DataTest):
    """The C heap stays flat over many commands, their error paths included:
    every as_key, as_record, as_val, as_operations and as_batch is freed."""

    @staticmethod
    def heap_in_use():
        class MallInfo2(ctypes.Structure):
            _fields_ = [(name, ctypes.c_size_t) for name in
                        ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                         "uordblks", "fordblks", "keepcost")]
        libc = ctypes.CDLL(ctypes.util.find_library("c"))
        libc.mallinfo2.restype = MallInfo2
        gc.collect()
        info = libc.mallinfo2()
        return info.uordblks + info.hblkhd

    def round_of_commands(self, i):
        c = self.client
        k = self.key(i % 50)
        value = {"l": [i, "s" * 40, b"b" * 40, {"m": [1.5, None, True]}], "n": i}
        c.put(k, value)
        c.get(k)
        c.select(k, ["n"])
        c.exists(k)
        c.operate(k, [op.increment("n", 1), lo.list_append("l", "x"), mo.map_put("m", "k", [1]),
                      op.read("n")])
        c.get_many([k, self.key("missing")])
        for failing in (lambda: c.get(self.key("missing")),
                        lambda: c.put(k, {"a": [1, "two", {"three": object()}]}),
                        lambda: c.operate(k, [op.write("a", [1, 2, 3]), op.increment("a", "x")]),
                        lambda: c.operate(k, [op.increment("l", 1)]),
                        lambda: c.put(k, {"a": 1}, policy={"exists": aeroshim.POLICY_EXISTS_CREATE}),
                        lambda: c.get_many([k, ("test",)])):
            with self.assertRaises(ex.AerospikeError):
                failing()

    def test_heap_is_flat_over_commands_and_errors(self):
        for i in range(300):               # warm up pools, caches and Python's free lists
            self.round_of_commands(i)
        before = self.heap_in_use()
        rounds = 1500
        for i in range(rounds):
            self.round_of_commands(i)
        growth = self.heap_in_use() - before
        # One leaked record, key or value per round would be > 150 bytes a round.
        self.assertLess(growth, rounds * 24, "C heap grew by %d bytes over %d rounds" % (growth, rounds))


class LogTest(AsimTest):
    def tearDown(self):
        aeroshim.set_log_handler(None)
        aeroshim.set_log_level(aeroshim.LOG_LEVEL_INFO)

    def test_the_handler_gets_the_library_lines(self):
        lines = []
        aeroshim.set_log_level(aeroshim.LOG_LEVEL_INFO)
        aeroshim.set_log_handler(lambda *line: lines.append(line))
        with aeroshim.client(self.config()):
            pass
        added = [line for line in lines if line[4].startswith("Add node")]
        self.assertEqual(len(added), 3, lines)
        level, func, file, line, message = added[0]
        self.assertEqual(level, aeroshim.LOG_LEVEL_INFO)
        self.assertTrue(func and file and line > 0, added[0])
        self.assertIn("127.0.0.1:", message)

    def test_the_level_filters_and_none_stops(self):
        lines = []
        aeroshim.set_log_handler(lambda *line: lines.append(line))
        aeroshim.set_log_level(aeroshim.LOG_LEVEL_WARN)
        with aeroshim.client(self.config()):
            pass
        self.assertEqual([line for line in lines if line[0] > aeroshim.LOG_LEVEL_WARN], [])
        aeroshim.set_log_level(aeroshim.LOG_LEVEL_INFO)
        aeroshim.set_log_handler(None)
        with aeroshim.client(self.config()):
            pass
        self.assertEqual(lines, [])

    def test_a_raising_handler_is_contained(self):
        def bad(*_line):
            raise RuntimeError("handler failure")
        aeroshim.set_log_handler(bad)
        with aeroshim.client(self.config()) as client:
            self.assertTrue(client.is_connected())

    def test_printf_formats(self):
        from aeroshim.log import format_line
        text = ctypes.create_string_buffer(b"abc")
        where = ctypes.addressof(text)
        self.assertEqual(format_line(b"%d %u %s %5.2s|%-4d|%03x %% %lu %ld %hhd %p %f.",
                                     [(1 << 64) - 3, 7, where, where, 12, 10, 1 << 40,
                                      (1 << 64) - 1, 0x1FF, 16]),
                         "-3 7 abc    ab|12  |00a % 1099511627776 -1 -1 0x10 ?.")
        self.assertEqual(format_line(b"no args", []), "no args")
        self.assertEqual(format_line(b"%s", [0]), "(null)")

    def test_bad_level_raises_param_error(self):
        for level in (5, -2, "info", True):
            with self.assertRaises(ex.ParamError):
                aeroshim.set_log_level(level)


def worker(port, key, index, workers, rounds, barrier, results):
    """One application process of the shared-segment test: writes its own
    records, waits for the others, then reads every worker's records."""
    try:
        client = aeroshim.client({"hosts": [("127.0.0.1", port)],
                                  "shm": {"shm_key": key, "max_nodes": 8, "max_namespaces": 4,
                                          "takeover_threshold_sec": 30},
                                  "policies": {"total_timeout": 5000}}).connect()
        set_name = "mp%d" % (key & 0xFFFFFF)
        barrier.wait(30)
        for j in range(rounds):
            client.put(("test", set_name, "%d-%d" % (index, j)), {"w": index, "j": j, "pid": os.getpid()})
        barrier.wait(30)
        wrong = 0
        for other in range(workers):
            rows = client.get_many([("test", set_name, "%d-%d" % (other, j)) for j in range(rounds)])
            for j, (_, meta, bins) in enumerate(rows):
                if bins is None or bins["w"] != other or bins["j"] != j:
                    wrong += 1
        for j in range(0, rounds, 7):
            _, _, bins = client.get(("test", set_name, "%d-%d" % ((index + 1) % workers, j)))
            wrong += bins["j"] != j
        report = {"index": index, "pid": os.getpid(), "wrong": wrong,
                  "nodes": len(client.shm_node_names()), "owner": aeroshim.segment_owner_pid(key)}
        barrier.wait(30)                    # nobody closes before everyone has read
        client.close()
        results.put(report)
    except BaseException as e:
        results.put({"index": index, "error": "%s: %s" % (type(e).__name__, e)})


@unittest.skipIf(STOCK, "stock 7.4.0 followers abort in FD_SET(-1): as_shm_reset_nodes leaves the "
                 "node's server version unset, and as_node_send_user_agent then writes on the "
                 "never-opened info socket (as compat/basic_examples_test.sh notes)")
class SharedWorkersTest(AsimTest):
    def test_workers_share_one_segment(self):
        key = shm_key(0x42)
        self.assertFalse(aeroshim.segment_exists(key))
        workers, rounds = 4, 150
        context = multiprocessing.get_context("spawn")
        barrier = context.Barrier(workers)
        results = context.Queue()
        processes = [context.Process(target=worker, args=(self.ports[i % 3], key, i, workers, rounds,
                                                          barrier, results))
                     for i in range(workers)]
        try:
            for p in processes:
                p.start()
            reports = []
            deadline = time.monotonic() + 60
            for _ in range(workers):
                try:
                    reports.append(results.get(timeout=max(0.1, deadline - time.monotonic())))
                except queue.Empty:
                    self.fail("only %d of %d workers answered within 60 s" % (len(reports), workers))
            for p in processes:
                p.join(20)
                self.assertEqual(p.exitcode, 0)
            pids = {p.pid for p in processes}
            for report in reports:
                self.assertNotIn("error", report, report)
                self.assertEqual(report["wrong"], 0, report)
                self.assertEqual(report["nodes"], 3, report)
                self.assertIn(report["owner"], pids, report)
            self.assertEqual(len({r["owner"] for r in reports}), 1, "one owner for all")
            self.assertFalse(aeroshim.segment_exists(key), "segment %#x left behind" % key)
        finally:
            for p in processes:
                if p.is_alive():
                    p.kill()
                p.join(5)
            results.close()
            remove_segment(key)


if __name__ == "__main__":
    unittest.main()
