"""The library's log as a Python callback, after the official
``aerospike.set_log_handler`` / ``aerospike.set_log_level``.

7.4.0's as_log_set_level and as_log_set_callback are inline writes to the
exported g_as_log, so this module writes g_as_log itself. The library calls
the handler from whichever thread logs (the tend thread, mostly) with
(level, func, file, line, message); it formats printf-style lines here,
since as_log_callback is variadic (see _abi.LOG_CALLBACK).
"""

import atexit
import ctypes
import re

from . import _abi
from .exception import ParamError

LOG_LEVEL_OFF = -1
LOG_LEVEL_ERROR = 0
LOG_LEVEL_WARN = 1
LOG_LEVEL_INFO = 2
LOG_LEVEL_DEBUG = 3
LOG_LEVEL_TRACE = 4

_SPEC = re.compile(r"%([-+ #0]*)(\d*)(?:\.(\d+))?(hh|h|ll|l|z|j|t|L)?([diouxXscpfFeEgGaA%])")
# Every callback ever installed stays alive: a library thread may still be
# inside the previous one when a new one replaces it.
_installed = []


def _g_as_log():
    return _abi.AsLog.in_dll(_abi.load_library(), "g_as_log")


def set_log_level(level):
    """LOG_LEVEL_OFF .. LOG_LEVEL_TRACE: lines above it are not even formatted."""
    if isinstance(level, bool) or not isinstance(level, int) or not -1 <= level <= 4:
        raise ParamError(-2, "log level %r is not one of LOG_LEVEL_OFF (-1) .. LOG_LEVEL_TRACE (4)"
                         % (level,))
    _g_as_log().level = level


def set_log_handler(handler):
    """handler(level, func, file, line, message), or None to stop logging.
    An exception the handler raises is dropped (it runs on library threads)."""
    log = _g_as_log()
    if handler is None:
        log.callback = None
        log.callback_set = False
        return

    def on_line(level, func, file, line, fmt, *slots):
        try:
            handler(level, _text(func), _text(file), line, format_line(fmt, slots))
        except BaseException:
            pass
        return True

    callback = _abi.LOG_CALLBACK(on_line)
    log.callback = ctypes.cast(callback, ctypes.c_void_p).value
    log.callback_set = True
    _installed.append(callback)


def _text(raw):
    return raw.decode("utf-8", errors="replace") if raw else ""


def format_line(fmt, slots):
    """Formats a printf format with its integer/pointer arguments in slots."""
    if not fmt:
        return ""
    text = fmt.decode("utf-8", errors="replace")
    args = iter(slots)
    out = []
    position = 0
    for match in _SPEC.finditer(text):
        out.append(text[position:match.start()])
        position = match.end()
        flags, width, precision, length, conv = match.groups()
        if conv == "%":
            out.append("%")
            continue
        if conv in "fFeEgGaA":            # passed in vector registers: not in slots
            out.append("?")
            continue
        raw = next(args, 0)
        spec = "%" + flags + width + ("." + precision if precision else "")
        if conv == "s":
            value = ctypes.string_at(raw).decode("utf-8", errors="replace") if raw else "(null)"
            out.append((spec + "s") % value)
        elif conv == "p":
            out.append((spec + "s") % hex(raw))
        elif conv == "c":
            out.append((spec + "c") % chr(raw & 0xFF))
        else:
            bits = 64 if length in ("l", "ll", "z", "j", "t") else 8 if length == "hh" else \
                16 if length == "h" else 32
            raw &= (1 << bits) - 1
            if conv in "di" and raw >> (bits - 1):
                raw -= 1 << bits
            out.append((spec + ("d" if conv in "diu" else conv)) % raw)
    out.append(text[position:])
    return "".join(out)


@atexit.register
def _detach():
    # Library threads may still log while the interpreter goes away.
    if _installed:
        set_log_handler(None)
