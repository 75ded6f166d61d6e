"""Exceptions, shaped like the official client's ``aerospike.exception``.

Every exception carries the library's as_status as ``code`` and the
as_error text as ``msg`` (with ``file``, ``line`` and ``in_doubt``; also
``args`` in that order). ``raise_for(code, msg)`` picks the most specific
class registered for the code, else ClientError for negative codes and
ServerError for positive ones.
"""

__all__ = []          # filled below with every class name

_BY_CODE = {}


class AerospikeError(Exception):
    """The parent of every exception this package raises."""
    code = None

    def __init__(self, code=None, msg="", file=None, line=None, in_doubt=False):
        if code is None:
            code = type(self).code
        super().__init__(code, msg, file, line, in_doubt)
        self.code = code
        self.msg = msg
        self.file = file
        self.line = line
        self.in_doubt = in_doubt

    def __str__(self):
        return "(%s) %s" % (self.code, self.msg)


def _define(name, parent, code=None):
    cls = type(name, (parent,), {"code": code, "__doc__": "as_status %s." % code
                                 if code is not None else "A family of statuses."})
    globals()[name] = cls          # the leaf classes are only reached by name
    __all__.append(name)
    if code is not None:
        _BY_CODE.setdefault(code, cls)
    return cls


__all__.append("AerospikeError")

# Client side (negative codes).
ClientError = _define("ClientError", AerospikeError, -1)
for _name, _code in (("ParamError", -2), ("InvalidHostError", -4), ("ClientAbortError", -5),
                     ("InvalidNodeError", -8), ("TLSError", -9), ("ConnectionError", -10),
                     ("MaxRetriesExceeded", -12), ("MaxErrorRateExceeded", -14),
                     ("NoResponse", -15), ("BatchFailed", -16)):
    _define(_name, ClientError, _code)

# Both sides.
TimeoutError = _define("TimeoutError", AerospikeError, 9)

# Server side (positive codes).
ServerError = _define("ServerError", AerospikeError, 1)
for _name, _code in (("InvalidRequest", 4), ("ClusterChangeError", 7), ("ServerFull", 8),
                     ("AlwaysForbidden", 10), ("UnsupportedFeature", 16),
                     ("DeviceOverload", 18), ("NamespaceNotFound", 20), ("ForbiddenError", 22),
                     ("ElementNotFoundError", 23), ("ElementExistsError", 24),
                     ("OpNotApplicable", 26), ("FilteredOut", 27)):
    _define(_name, ServerError, _code)
ScanAbortedError = _define("ScanAbortedError", ServerError, 15)
ClusterError = _define("ClusterError", ServerError, 11)
RecordError = _define("RecordError", ServerError)
for _name, _code in (("RecordNotFound", 2), ("RecordGenerationError", 3),
                     ("RecordExistsError", 5), ("BinExistsError", 6),
                     ("BinIncompatibleType", 12), ("RecordTooBig", 13), ("RecordBusy", 14),
                     ("BinNotFound", 17), ("RecordKeyMismatch", 19), ("BinNameError", 21)):
    _define(_name, RecordError, _code)
UDFError = _define("UDFError", ServerError, 100)
IndexError = _define("IndexError", ServerError, 204)
for _name, _code in (("IndexFoundError", 200), ("IndexNotFound", 201), ("IndexOOM", 202),
                     ("IndexNotReadable", 203), ("IndexNameMaxLen", 205),
                     ("IndexNameMaxCount", 206)):
    _define(_name, IndexError, _code)
QueryError = _define("QueryError", ServerError, 213)
for _name, _code in (("QueryAbortedError", 210), ("QueryQueueFull", 211), ("QueryTimeout", 212)):
    _define(_name, QueryError, _code)


def exception_for(code, msg, file=None, line=None, in_doubt=False):
    """The exception object for a status other than AEROSPIKE_OK."""
    cls = _BY_CODE.get(code)
    if cls is None:
        cls = ClientError if code < 0 else ServerError
    return cls(code, msg, file, line, in_doubt)
