"""Map operations for Client.operate, after the official
``aerospike_helpers.operations.map_operations`` (default map policy, top
level of the bin)."""

from .exception import ParamError

OP_MAP_PUT = "map_put"
OP_MAP_PUT_ITEMS = "map_put_items"
OP_MAP_INCREMENT = "map_increment"
OP_MAP_GET_BY_KEY = "map_get_by_key"
OP_MAP_REMOVE_BY_KEY = "map_remove_by_key"
OP_MAP_SIZE = "map_size"
OP_MAP_CLEAR = "map_clear"

# as_map_return_type
MAP_RETURN_NONE = 0
MAP_RETURN_INDEX = 1
MAP_RETURN_REVERSE_INDEX = 2
MAP_RETURN_RANK = 3
MAP_RETURN_REVERSE_RANK = 4
MAP_RETURN_COUNT = 5
MAP_RETURN_KEY = 6
MAP_RETURN_VALUE = 7
MAP_RETURN_KEY_VALUE = 8
MAP_RETURN_EXISTS = 13


def map_put(bin_name, key, value):
    return {"op": OP_MAP_PUT, "bin": bin_name, "key": key, "val": value}


def map_put_items(bin_name, item_dict):
    if not isinstance(item_dict, dict):
        raise ParamError(-2, "map_put_items: items %r is not a dict" % (item_dict,))
    return {"op": OP_MAP_PUT_ITEMS, "bin": bin_name, "val": item_dict}


def map_increment(bin_name, key, amount):
    return {"op": OP_MAP_INCREMENT, "bin": bin_name, "key": key, "val": amount}


def map_get_by_key(bin_name, key, return_type):
    return {"op": OP_MAP_GET_BY_KEY, "bin": bin_name, "key": key, "return_type": return_type}


def map_remove_by_key(bin_name, key, return_type):
    return {"op": OP_MAP_REMOVE_BY_KEY, "bin": bin_name, "key": key,
            "return_type": return_type}


def map_size(bin_name):
    return {"op": OP_MAP_SIZE, "bin": bin_name}


def map_clear(bin_name):
    return {"op": OP_MAP_CLEAR, "bin": bin_name}
