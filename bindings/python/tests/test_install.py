"""pip installs the package into a fresh venv, and the installed copy finds
the library both ways the README documents: $AEROSHIM_LIB, and the dynamic
loader's search ($LD_LIBRARY_PATH) when nothing else names it.

The package is copied to a temporary directory first, since building in
place would leave build/ and *.egg-info in the source tree. pip runs with
--no-index --no-build-isolation, so the build backend must already be there:
the venv is made by Debian's python3 (python3-venv) with its site-packages
visible, where python3-setuptools and python3-wheel are (scripts/deps.sh).
$AEROSHIM_INSTALL_PYTHON names another interpreter that has both.
"""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)


def run(argv, env=None, timeout=120, cwd=None):
    done = subprocess.run(argv, env=env, timeout=timeout, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, cwd=cwd)
    if done.returncode != 0:
        raise AssertionError("%s failed (%d):\n%s" % (" ".join(argv), done.returncode,
                                                       done.stdout.decode(errors="replace")))
    return done.stdout.decode()


class InstallTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.library = os.environ["AEROSHIM_LIB"]
        cls.tmp = tempfile.mkdtemp(prefix="aeroshim-install-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp)
        source = os.path.join(cls.tmp, "src")
        shutil.copytree(PACKAGE_ROOT, source,
                        ignore=shutil.ignore_patterns("tests", "build", "*.egg-info", "__pycache__"))
        venv = os.path.join(cls.tmp, "venv")
        base = os.environ.get("AEROSHIM_INSTALL_PYTHON") or (
            "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable)
        run([base, "-m", "venv", "--system-site-packages", venv])
        cls.python = os.path.join(venv, "bin", "python")
        run([cls.python, "-m", "pip", "install", "--no-index", "--no-build-isolation", "--quiet",
             source])
        cls.venv = venv

    def probe(self, env):
        code = ("import aeroshim, sys; lib = aeroshim.load_library(); "
                "print(aeroshim.__file__); print(aeroshim.library_path()); "
                "print(lib.as_error_string(2).decode())")
        base = {k: v for k, v in os.environ.items()
                if k not in ("AEROSHIM_LIB", "LD_LIBRARY_PATH", "PYTHONPATH")}
        base.update(env)
        # From the temporary directory: the source tree must not be on sys.path.
        return run([self.python, "-c", code], env=base, timeout=30, cwd=self.tmp).splitlines()

    def test_the_installed_package_loads_the_library_from_aeroshim_lib(self):
        where, path, text = self.probe({"AEROSHIM_LIB": self.library})
        self.assertTrue(where.startswith(self.venv), where)
        self.assertEqual(path, self.library)
        self.assertEqual(text, "AEROSPIKE_ERR_RECORD_NOT_FOUND")

    def test_the_installed_package_falls_back_to_the_loader_search(self):
        where, path, text = self.probe({"LD_LIBRARY_PATH": os.path.dirname(self.library)})
        self.assertTrue(where.startswith(self.venv), where)
        if path == "libaerospike.so":
            self.assertEqual(text, "AEROSPIKE_ERR_RECORD_NOT_FOUND")
        else:
            # An installed libaerospike (ldconfig or a standard directory) came first.
            self.assertTrue(os.path.isabs(path) or path.startswith("libaerospike"), path)


if __name__ == "__main__":
    unittest.main()
