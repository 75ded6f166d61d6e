/*
 * Written the way a 7.4.0 user writes against <aerospike/as_config_file.h>
 * alone: as_config comes along, and the field bitmap marks and finds fields
 * across byte boundaries, batch runs included.
 */
#include <aerospike/as_config_file.h>

int aeroshim_stock_style_config_file(void);

int aeroshim_stock_style_config_file(void)
{
	uint8_t bitmap[AS_CONFIG_BITMAP_SIZE];
	as_config config;
	memset(bitmap, 0, sizeof(bitmap));
	memset(&config, 0, sizeof(config));
	as_field_set(bitmap, AS_MAX_CONNS_PER_NODE);
	as_field_set(bitmap, AS_TXN_ROLL + AS_BATCH_RESPOND_ALL_KEYS);
	if (!as_field_is_set(bitmap, AS_MAX_CONNS_PER_NODE) || as_field_is_set(bitmap, AS_APP_ID)) {
		return __LINE__;
	}
	if (!as_field_is_set(bitmap, 111) || bitmap[13] != 0x80 || bitmap[0] != 0x02) {
		return __LINE__;
	}
	return config.max_conns_per_node == 0 ? 0 : __LINE__;
}
