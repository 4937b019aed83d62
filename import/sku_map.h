/*
 * sku_map.h: which SkuId each SkuPriceId of a file had first (FOCUS: one
 * SkuId per SkuPriceId), in memory for the whole file. No SQLite here.
 */
#ifndef COSTLEDGER_SKU_MAP_H
#define COSTLEDGER_SKU_MAP_H

#include <stddef.h>

struct sku_map;

struct sku_map *sku_map_new(void);
void sku_map_free(struct sku_map *map);

/* Notes price -> sku; 1 when price was seen before with another sku, 0 when
 * not, -1 out of memory. */
int sku_map_conflicts(struct sku_map *map, const char *price, size_t price_length, const char *sku,
		      size_t sku_length);

#endif
