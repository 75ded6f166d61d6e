/*
 * Written the way a 7.4.0 user writes against <aerospike/aerospike_index.h>
 * alone: the index task, bin-name and key types come along with the index
 * enums and AS_INDEX_DEFAULT.
 */
#include <aerospike/aerospike_index.h>

int aeroshim_stock_style_aerospike_index(void);

int aeroshim_stock_style_aerospike_index(void)
{
	as_index_task task;
	as_bin_name bin;
	memset(&task, 0, sizeof(task));
	strcpy(bin, "age");
	strcpy(task.ns, "test");
	if (sizeof(task.name) != AS_INDEX_NAME_MAX_SIZE || sizeof(task.ns) != AS_NAMESPACE_MAX_SIZE) {
		return __LINE__;
	}
	if (AS_INDEX_DEFAULT != AS_INDEX_STRING || AS_INDEX_INTEGER != 4 || AS_INDEX_TYPE_SET != 4) {
		return __LINE__;
	}
	return task.done == false && bin[2] == 'e' ? 0 : __LINE__;
}
