"""List operations for Client.operate, after the official
``aerospike_helpers.operations.list_operations`` (no policy or ctx here:
these use the default list policy at the top level of the bin)."""

from .exception import ParamError

OP_LIST_APPEND = "list_append"
OP_LIST_APPEND_ITEMS = "list_append_items"
OP_LIST_INSERT = "list_insert"
OP_LIST_POP = "list_pop"
OP_LIST_REMOVE = "list_remove"
OP_LIST_CLEAR = "list_clear"
OP_LIST_SIZE = "list_size"
OP_LIST_GET = "list_get"
OP_LIST_GET_RANGE = "list_get_range"
OP_LIST_GET_BY_INDEX = "list_get_by_index"

# as_list_return_type
LIST_RETURN_NONE = 0
LIST_RETURN_INDEX = 1
LIST_RETURN_REVERSE_INDEX = 2
LIST_RETURN_RANK = 3
LIST_RETURN_REVERSE_RANK = 4
LIST_RETURN_COUNT = 5
LIST_RETURN_VALUE = 7
LIST_RETURN_EXISTS = 13


def list_append(bin_name, value):
    return {"op": OP_LIST_APPEND, "bin": bin_name, "val": value}


def list_append_items(bin_name, values):
    if not isinstance(values, (list, tuple)):
        raise ParamError(-2, "list_append_items: values %r is not a list" % (values,))
    return {"op": OP_LIST_APPEND_ITEMS, "bin": bin_name, "val": list(values)}


def list_insert(bin_name, index, value):
    return {"op": OP_LIST_INSERT, "bin": bin_name, "index": index, "val": value}


def list_pop(bin_name, index):
    return {"op": OP_LIST_POP, "bin": bin_name, "index": index}


def list_remove(bin_name, index):
    return {"op": OP_LIST_REMOVE, "bin": bin_name, "index": index}


def list_clear(bin_name):
    return {"op": OP_LIST_CLEAR, "bin": bin_name}


def list_size(bin_name):
    return {"op": OP_LIST_SIZE, "bin": bin_name}


def list_get(bin_name, index):
    return {"op": OP_LIST_GET, "bin": bin_name, "index": index}


def list_get_range(bin_name, index, count):
    return {"op": OP_LIST_GET_RANGE, "bin": bin_name, "index": index, "val": count}


def list_get_by_index(bin_name, index, return_type):
    return {"op": OP_LIST_GET_BY_INDEX, "bin": bin_name, "index": index,
            "return_type": return_type}
