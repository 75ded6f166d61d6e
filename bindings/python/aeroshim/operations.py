"""Single-bin operations for Client.operate, shaped like the official
``aerospike_helpers.operations.operations``: each helper returns a dict
{"op": ..., "bin": ..., "val": ...} that operate turns into as_operations."""

OPERATOR_READ = "read"
OPERATOR_WRITE = "write"
OPERATOR_INCR = "increment"
OPERATOR_APPEND = "append"
OPERATOR_PREPEND = "prepend"
OPERATOR_TOUCH = "touch"
OPERATOR_DELETE = "delete"


def read(bin_name):
    return {"op": OPERATOR_READ, "bin": bin_name}


def write(bin_name, write_item):
    return {"op": OPERATOR_WRITE, "bin": bin_name, "val": write_item}


def increment(bin_name, amount):
    """Adds an int or a float to the bin (creating it at amount)."""
    return {"op": OPERATOR_INCR, "bin": bin_name, "val": amount}


def append(bin_name, append_item):
    """Appends a str or bytes to a string or blob bin."""
    return {"op": OPERATOR_APPEND, "bin": bin_name, "val": append_item}


def prepend(bin_name, prepend_item):
    return {"op": OPERATOR_PREPEND, "bin": bin_name, "val": prepend_item}


def touch(ttl=None):
    """Resets the record's ttl (to ttl when given, else the namespace default)."""
    op = {"op": OPERATOR_TOUCH}
    if ttl is not None:
        op["val"] = ttl
    return op


def delete():
    """Removes the whole record."""
    return {"op": OPERATOR_DELETE}
