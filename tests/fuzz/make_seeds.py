#!/usr/bin/env python3
"""Writes the seed corpora of reply_fuzz, batch_fuzz and scan_fuzz (and the
nested-value seeds of msgpack_fuzz) into tests/fuzz/corpus/. Each seed is
laid out as a server answers (22-byte message header, fields, ops), with
the particle types, field types and info3 bits of the wire protocol, so
the fuzzers start from answers that parse. Run it again after a change;
the files it writes are committed."""
import hashlib
import os
import struct
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")

# particle types
NIL, INT, DOUBLE, STRING, BLOB, BOOL, HLL, MAP, LIST, GEOJSON = 0, 1, 2, 3, 4, 17, 18, 19, 20, 23
# field types
NS, SET, KEY, DIGEST, BVAL, BATCH_INDEX = 0, 1, 2, 4, 15, 41
LAST, PARTITION_DONE = 1, 4


def field(ftype, data):
    return struct.pack(">IB", len(data) + 1, ftype) + data


def op(name, particle, value, op_type=1):
    name = name.encode()
    return struct.pack(">IBBBB", 4 + len(name) + len(value), op_type, particle, 0, len(name)) + name + value


def message(fields=(), ops=(), result=0, gen=0, ttl=0, index=0, info3=0):
    head = struct.pack(">BBBBBBIIIHH", 22, 0, 0, info3, 0, result, gen, ttl, index, len(fields), len(ops))
    return head + b"".join(fields) + b"".join(ops)


def frame(body):
    return struct.pack(">Q", (2 << 56) | (3 << 48) | len(body)) + body


def digest(text, partition=None):
    # Any 20 bytes do (the client never checks a digest); the partition is
    # set where the client reads it, the low 12 bits of the first two bytes.
    d = bytearray(hashlib.sha1(text.encode()).digest())
    if partition is not None:
        d[0] = partition & 0xFF
        d[1] = (d[1] & 0xF0) | (partition >> 8)
    return bytes(d)


def mp_str(s):
    b = b"\x03" + s.encode()
    return bytes([0xA0 | len(b)]) + b if len(b) < 32 else b"\xd9" + bytes([len(b)]) + b


def write(corpus, name, data):
    os.makedirs(os.path.join(ROOT, corpus), exist_ok=True)
    with open(os.path.join(ROOT, corpus, name), "wb") as f:
        f.write(data)


# A list [1, "a", [2.5, nil], {"k": true}] and a key-ordered map {"a": 1, "b": [x]}.
LIST_VALUE = b"\x94\x01" + mp_str("a") + b"\x92\xcb" + struct.pack(">d", 2.5) + b"\xc0\x81" + mp_str("k") + b"\xc3"
MAP_VALUE = b"\x83\xc7\x00\x01\xc0" + mp_str("a") + b"\x01" + mp_str("b") + b"\x91\xc4\x02\x04\xff"

BINS = [
    op("int", INT, struct.pack(">q", -7)),
    op("str", STRING, b"hello"),
    op("dbl", DOUBLE, struct.pack(">d", 1.5)),
    op("blob", BLOB, b"\x00\x01\x02"),
    op("bool", BOOL, b"\x01"),
    op("nil", NIL, b""),
    op("list", LIST, LIST_VALUE),
    op("map", MAP, MAP_VALUE),
    op("geo", GEOJSON, b"\x00\x00\x00" + b'{"type":"Point","coordinates":[1,2]}'),
    op("hll", HLL, b"\x0e\x00" + b"\x00" * 6),
]


def replies():
    write("reply", "all_types", message(ops=BINS, gen=3, ttl=1000))
    # A compressed answer's body: the inflated size, then the deflated type-3 frame.
    whole = frame(message(ops=BINS[:4], gen=2))
    write("reply", "compressed", struct.pack(">Q", len(whole)) + zlib.compress(whole))
    write("reply", "not_found", message(result=2))
    write("reply", "header_only", message(gen=9, ttl=0xFFFFFFFF))
    write("reply", "udf_success", message(ops=[op("SUCCESS", LIST, LIST_VALUE)]))
    write("reply", "udf_failure", message(result=100, ops=[op("FAILURE", STRING, b"bad arg")]))
    keyed = [field(NS, b"test"), field(SET, b"demo"), field(DIGEST, digest("k1")),
             field(KEY, bytes([STRING]) + b"k1")]
    write("reply", "scan_record", message(fields=keyed, ops=BINS[:3], gen=1))
    write("reply", "int_key_bval", message(fields=[field(DIGEST, digest("k2")),
                                                   field(KEY, bytes([INT]) + struct.pack(">q", 5)),
                                                   field(BVAL, struct.pack("<q", 5))], ops=BINS[:1]))


def batch_config(rows, writes=0, deserialize=True, resent=False):
    return bytes([(rows - 1) | (16 if deserialize else 0) | (32 if resent else 0), writes])


def batches():
    rows = [message(ops=BINS[:2], gen=1, index=0), message(result=2, index=1),
            message(ops=[BINS[6]], index=2), message(info3=LAST)]
    write("batch", "three_rows", batch_config(3) + frame(b"".join(rows)))
    write("batch", "two_frames", batch_config(3) + frame(b"".join(rows[:2])) + frame(b"".join(rows[2:])))
    write("batch", "writes_resent", batch_config(4, writes=0b1010, resent=True) +
          frame(message(result=100, index=1, ops=[op("FAILURE", STRING, b"oops")]) +
                message(index=3, ops=[BINS[0]]) + message(result=27, index=0) + message(info3=LAST)))
    write("batch", "out_of_range", batch_config(2) + frame(message(index=5) + message(info3=LAST)))
    write("batch", "duplicate", batch_config(2, deserialize=False) +
          frame(message(index=1, ops=BINS[6:8]) + message(index=1, ops=BINS[:1]) + message(info3=LAST)))
    write("batch", "no_last", batch_config(2) + frame(message(index=0, ops=BINS[:1])))
    write("batch", "last_error", batch_config(2) + frame(message(index=0) + message(info3=LAST, result=9)))


def scan_config(query=False, deserialize=True, stop_after=0, begin=0, count=4096, max_records=0):
    flags = (1 if query else 0) | (2 if deserialize else 0) | (stop_after << 2) | (32 if max_records else 0)
    return bytes([flags]) + struct.pack(">HH", begin, count - 1) + bytes([max_records])


def record(name, partition, query=False):
    fields = [field(NS, b"test"), field(SET, b"demo"), field(DIGEST, digest(name, partition))]
    if query:
        fields.append(field(BVAL, struct.pack("<q", partition)))
    return message(fields=fields, ops=BINS[:3], gen=1)


def scans():
    stream = record("a", 0) + record("b", 1) + message(info3=PARTITION_DONE, gen=0) + message(info3=LAST)
    write("scan", "records_done", scan_config(count=2) + frame(stream))
    write("scan", "unavailable", scan_config(begin=100, count=8) +
          frame(record("c", 101) + message(info3=PARTITION_DONE, gen=102, result=11) +
                message(info3=PARTITION_DONE, gen=4000, result=11)) + frame(message(info3=LAST)))
    write("scan", "query_bval", scan_config(query=True, begin=7, count=1) +
          frame(record("d", 7, True) + record("e", 7, True) + message(info3=LAST)))
    write("scan", "max_records", scan_config(max_records=1, count=16) +
          frame(record("f", 3) + record("g", 4) + message(info3=LAST)))
    write("scan", "callback_stops", scan_config(stop_after=1, deserialize=False) +
          frame(record("h", 9) + record("i", 10)))
    write("scan", "no_set", scan_config() + frame(message(result=2, info3=0)))
    write("scan", "last_error", scan_config() + frame(message(info3=LAST, result=201)))


def msgpack_values():
    write("msgpack", "nested_list_map", LIST_VALUE + MAP_VALUE)
    write("msgpack", "deep", b"\x91" * 64 + b"\x01")
    write("msgpack", "truncated", LIST_VALUE[:-3])
    write("msgpack", "ext_in_list", b"\x93\xd4\x01\x02\xc7\x01\x03\x00\x81\x01\xc7\x00\xff")


if __name__ == "__main__":
    replies()
    batches()
    scans()
    msgpack_values()
