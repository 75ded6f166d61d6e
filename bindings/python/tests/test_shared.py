"""Tests of the cluster side of the binding against asim: the 7.4.0 layouts
and defaults, connect errors, the info calls, and two Python processes
sharing one segment (one owner, one follower, both see 3 nodes, the segment
is removed after both close).

    python3 tests/test_shared.py      # $ASIM or ../../build/tools/asim/asim
"""

import ctypes
import json
import os
import subprocess
import sys
import unittest

from asim_cluster import AsimTest, read_line, remove_segment, shm_key

import aeroshim  # noqa: E402  (asim_cluster puts the package on the path)


def child(key, port):
    """One application process: connect with shm, report, close on request."""
    client = aeroshim.client({"hosts": [("127.0.0.1", port)],
                              "shm": {"shm_key": key, "max_nodes": 16, "max_namespaces": 8,
                                      "takeover_threshold_sec": 30}}).connect()
    report = {
        "pid": os.getpid(),
        "nodes": sorted(client.shm_node_names()),
        "connected": client.is_connected(),
        "owner": aeroshim.segment_owner_pid(key),
        "build": aeroshim.parse_single_response(client.info_random_node("build")),
    }
    print(json.dumps(report), flush=True)
    sys.stdin.readline()          # "close", or EOF when the test goes away
    client.close()
    print("closed", flush=True)
    return 0


class LayoutTest(unittest.TestCase):
    def test_sizes_match_7_4_0(self):
        self.assertEqual(ctypes.sizeof(aeroshim.AsConfig), 1904)
        self.assertEqual(ctypes.sizeof(aeroshim.AsError), 1056)
        self.assertEqual(aeroshim.AsConfig.use_shm.offset, 1880)
        self.assertEqual(aeroshim.AsConfig.shm_takeover_threshold_sec.offset, 1896)
        self.assertEqual(aeroshim.AsError.in_doubt.offset, 1052)

    def test_config_init_defaults(self):
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
        client = aeroshim.client({"hosts": [("127.0.0.1", 1)]})
        with self.assertRaises(aeroshim.exception.ClientError) as caught:
            client.connect()
        self.assertLess(caught.exception.code, 0)
        self.assertIn("127.0.0.1:1", caught.exception.msg)
        client.close()

    def test_private_map_and_info(self):
        with aeroshim.client(self.config()) as client:
            self.assertTrue(client.is_connected())
            names = client.shm_node_names()
            self.assertEqual(len(names), 3)
            self.assertEqual(aeroshim.parse_single_response(client.info_random_node("build")),
                             "8.1.0.1")
            answers = client.info_all("node")
            self.assertEqual(sorted(answers), sorted(names))
            for name, (error, answer) in answers.items():
                self.assertIsNone(error)
                self.assertEqual(aeroshim.parse_single_response(answer), name)
            self.assertEqual(aeroshim.parse_single_response(
                client.info_single_node("cluster-name", ("127.0.0.1", self.ports[2]))), "asim")
            nodes = client.get_node_names()
            self.assertEqual(sorted(n["node_name"] for n in nodes), sorted(names))
            self.assertEqual(sorted(n["port"] for n in nodes), sorted(self.ports))
            self.assertEqual(sorted(client.get_nodes()),
                             sorted(("127.0.0.1", p) for p in self.ports))
        self.assertFalse(client.is_connected())


class SharedTest(AsimTest):
    def spawn(self, key, port):
        return subprocess.Popen([sys.executable, os.path.abspath(__file__), "--child", hex(key), str(port)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def test_two_processes_share_one_segment(self):
        key = shm_key(1)
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
            remove_segment(key)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        sys.exit(child(int(sys.argv[2], 0), int(sys.argv[3])))
    unittest.main()
