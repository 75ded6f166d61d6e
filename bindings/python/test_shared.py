"""Tests of the ctypes binding against asim: layout and defaults, errors, the
info calls, and two Python processes sharing one segment (one owner, one
follower, both see 3 nodes, the segment is removed after both close).

    python3 test_shared.py            # $ASIM or ../../build/tools/asim/asim
"""

import json
import os
import select
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import aeroshim  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ASIM = os.environ.get("ASIM") or os.path.join(HERE, "..", "..", "build", "tools", "asim", "asim")


def read_line(stream, timeout, what):
    ready, _, _ = select.select([stream], [], [], timeout)
    if not ready:
        raise AssertionError("no answer from %s within %s s" % (what, timeout))
    line = stream.readline()
    if not line:
        raise AssertionError("%s ended without answering" % what)
    return line.decode() if isinstance(line, bytes) else line


def child(key, port):
    """One application process: connect with use_shm, report, close on request."""
    client = aeroshim.Client([("127.0.0.1", port)], use_shm=True, shm_key=key,
                             shm_max_nodes=16, shm_max_namespaces=8,
                             shm_takeover_threshold_sec=30)
    client.connect()
    report = {
        "pid": os.getpid(),
        "nodes": sorted(client.node_names()),
        "connected": client.is_connected(),
        "owner": aeroshim.segment_owner_pid(key),
        "build": aeroshim.parse_single_response(client.info_any("build")),
    }
    print(json.dumps(report), flush=True)
    sys.stdin.readline()          # "close", or EOF when the test goes away
    client.destroy()
    print("closed", flush=True)
    return 0


class AsimTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.asim = subprocess.Popen([ASIM, "--nodes", "3", "--port", "0", "--namespace", "test:2",
                                     "--duration", "120"], stdout=subprocess.PIPE)
        try:
            ready = read_line(cls.asim.stdout, 10, "asim")
        except AssertionError:
            cls.asim.kill()
            cls.asim.wait()
            raise
        cls.ports = [int(hp.rsplit(":", 1)[1]) for hp in ready.split()[2].split(",")]

    @classmethod
    def tearDownClass(cls):
        cls.asim.terminate()
        cls.asim.wait(10)
        cls.asim.stdout.close()

    def key(self, n):
        return 0x5E000000 | ((os.getpid() & 0xFFFF) << 8) | n


class LayoutTest(unittest.TestCase):
    def test_sizes_match_7_4_0(self):
        import ctypes
        self.assertEqual(ctypes.sizeof(aeroshim.AsConfig), 1904)
        self.assertEqual(ctypes.sizeof(aeroshim.AsError), 1056)
        self.assertEqual(aeroshim.AsConfig.use_shm.offset, 1880)
        self.assertEqual(aeroshim.AsConfig.shm_takeover_threshold_sec.offset, 1896)
        self.assertEqual(aeroshim.AsError.in_doubt.offset, 1052)

    def test_config_init_defaults(self):
        import ctypes
        lib = aeroshim.load_library()
        config = aeroshim.AsConfig()
        lib.as_config_init(ctypes.byref(config))
        self.assertFalse(config.use_shm)
        self.assertEqual(config.shm_key & 0xFFFFFFFF, aeroshim.DEFAULT_SHM_KEY)
        self.assertEqual(config.shm_max_nodes, 16)
        self.assertEqual(config.shm_max_namespaces, 8)
        self.assertEqual(config.shm_takeover_threshold_sec, 30)
        self.assertEqual(config.tender_interval, 1000)
        lib.as_config_destroy(ctypes.byref(config))


class ClientTest(AsimTest):
    def test_connect_refused_raises_with_code_and_message(self):
        client = aeroshim.Client([("127.0.0.1", 1)])
        with self.assertRaises(aeroshim.AerospikeError) as caught:
            client.connect()
        self.assertLess(caught.exception.code, 0)
        self.assertIn("127.0.0.1:1", caught.exception.message)
        client.destroy()

    def test_private_map_and_info(self):
        with aeroshim.Client([("127.0.0.1", self.ports[0])]) as client:
            self.assertTrue(client.is_connected())
            names = client.node_names()
            self.assertEqual(len(names), 3)
            self.assertEqual(aeroshim.parse_single_response(client.info_any("build")), "8.1.0.1")
            answers = client.info_foreach("node")
            self.assertEqual(sorted(answers), sorted(names))
            for name, answer in answers.items():
                self.assertEqual(aeroshim.parse_single_response(answer), name)
                self.assertEqual(aeroshim.parse_single_response(client.info_node(name, "node")), name)
            self.assertEqual(aeroshim.parse_single_response(
                client.info_host("127.0.0.1", self.ports[2], "cluster-name")), "asim")


class SharedTest(AsimTest):
    def spawn(self, key, port):
        return subprocess.Popen([sys.executable, os.path.abspath(__file__), "--child", hex(key), str(port)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def test_two_processes_share_one_segment(self):
        key = self.key(1)
        self.assertFalse(aeroshim.segment_exists(key), "a segment with key %#x exists already" % key)
        children = []
        try:
            owner = self.spawn(key, self.ports[0])
            children.append(owner)
            first = json.loads(read_line(owner.stdout, 15, "the owner"))
            follower = self.spawn(key, self.ports[1])
            children.append(follower)
            second = json.loads(read_line(follower.stdout, 15, "the follower"))

            for report in (first, second):
                self.assertEqual(len(report["nodes"]), 3, report)
                self.assertTrue(report["connected"], report)
                self.assertEqual(report["owner"], owner.pid, report)
                self.assertEqual(report["build"], "8.1.0.1")
            self.assertEqual(first["nodes"], second["nodes"])
            self.assertTrue(aeroshim.segment_exists(key))

            # The follower leaves first: the owner keeps the segment.
            follower.stdin.write(b"close\n")
            follower.stdin.flush()
            self.assertEqual(read_line(follower.stdout, 10, "the follower").strip(), "closed")
            self.assertEqual(follower.wait(10), 0)
            self.assertTrue(aeroshim.segment_exists(key))
            self.assertEqual(aeroshim.segment_owner_pid(key), owner.pid)

            # The last process out removes it.
            owner.stdin.write(b"close\n")
            owner.stdin.flush()
            self.assertEqual(read_line(owner.stdout, 10, "the owner").strip(), "closed")
            self.assertEqual(owner.wait(10), 0)
            self.assertFalse(aeroshim.segment_exists(key), "segment %#x left behind" % key)
        finally:
            for p in children:
                if p.poll() is None:
                    p.kill()
                p.wait()
                p.stdin.close()
                p.stdout.close()
            if aeroshim.segment_exists(key):
                subprocess.call(["ipcrm", "-M", hex(key)])
            else:
                # The ownership lock file is kept by design (src/shm/README.md);
                # both processes are gone, so nobody uses it now.
                try:
                    os.unlink("/dev/shm/aeroshim-%08X.owner" % key)
                except FileNotFoundError:
                    pass


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        sys.exit(child(int(sys.argv[2], 0), int(sys.argv[3])))
    unittest.main()
