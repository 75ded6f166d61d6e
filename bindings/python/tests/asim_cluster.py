"""What the binding's tests share: where the library and asim are, a bounded
line read, and a test case class that runs one asim cluster for its tests."""

import os
import select
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)
if os.environ.get("AEROSHIM_TEST_INSTALLED") != "1":
    sys.path.insert(0, PACKAGE_ROOT)       # the source tree, unless testing an install
ASIM = os.environ.get("ASIM") or os.path.join(PACKAGE_ROOT, "..", "..", "build", "tools", "asim", "asim")


def read_line(stream, timeout, what):
    ready, _, _ = select.select([stream], [], [], timeout)
    if not ready:
        raise AssertionError("no answer from %s within %s s" % (what, timeout))
    line = stream.readline()
    if not line:
        raise AssertionError("%s ended without answering" % what)
    return line.decode() if isinstance(line, bytes) else line


def shm_key(n):
    """A segment key of this test process: 0x5E, 16 bits of the pid, n."""
    return 0x5E000000 | ((os.getpid() & 0xFFFF) << 8) | n


def remove_segment(key):
    """Removes what a shared-map test may leave: the segment (only after a
    failure) and the ownership lock file, which is kept by design
    (src/shm/README.md) and unused once every process is gone."""
    import aeroshim
    if aeroshim.segment_exists(key):
        subprocess.call(["ipcrm", "-M", hex(key)])
    try:
        os.unlink("/dev/shm/aeroshim-%08X.owner" % key)
    except FileNotFoundError:
        pass


class AsimTest(unittest.TestCase):
    """Starts asim (3 nodes, ephemeral ports, namespace test) for the class."""

    @classmethod
    def setUpClass(cls):
        cls.asim = subprocess.Popen([ASIM, "--nodes", "3", "--port", "0", "--namespace", "test:2",
                                     "--duration", "300"], stdout=subprocess.PIPE)
        try:
            ready = read_line(cls.asim.stdout, 10, "asim")
        except AssertionError:
            cls.asim.kill()
            cls.asim.wait()
            cls.asim.stdout.close()
            raise
        cls.ports = [int(hp.rsplit(":", 1)[1]) for hp in ready.split()[2].split(",")]

    @classmethod
    def tearDownClass(cls):
        cls.asim.terminate()
        cls.asim.wait(10)
        cls.asim.stdout.close()

    def config(self, **extra):
        return dict({"hosts": [("127.0.0.1", self.ports[0])]}, **extra)
