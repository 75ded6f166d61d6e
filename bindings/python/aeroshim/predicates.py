"""Query predicates, after the official ``aerospike.predicates``: equals on an
integer or string index, between on an integer index."""

from .exception import ParamError


def equals(bin_name, val):
    if isinstance(val, bool) or not isinstance(val, (int, str)):
        raise ParamError(-2, "equals: value %r is not an int or a str" % (val,))
    return ("equals", bin_name, val)


def between(bin_name, min_value, max_value):
    for v in (min_value, max_value):
        if isinstance(v, bool) or not isinstance(v, int):
            raise ParamError(-2, "between: bound %r is not an int" % (v,))
    return ("between", bin_name, min_value, max_value)
