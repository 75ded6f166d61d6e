// The hook tables 7.4.0 exports as data (no public header declares them):
// every as_arraylist carries as_arraylist_list_hooks, every arraylist
// iterator as_arraylist_iterator_hooks. Programs compiled against 7.4.0
// reach our lists through these slots from inline code.
#pragma once

#include <aerospike/as_iterator.h>
#include <aerospike/as_list.h>

extern "C" {
AS_EXTERN extern const as_list_hooks as_arraylist_list_hooks;
AS_EXTERN extern const as_iterator_hooks as_arraylist_iterator_hooks;
}
