/* sku_map.c: see sku_map.h. */
#include "sku_map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* SkuPriceId -> SkuId, open addressing; "price\0sku\0" per entry. */
struct sku_map {
	char **slots;
	size_t size, used;
};

void sku_map_free(struct sku_map *map)
{
	size_t i;

	if (!map)
		return;
	for (i = 0; i < map->size; i++)
		free(map->slots[i]);
	free(map->slots);
	free(map);
}

static uint64_t hash_text(const char *s, size_t n)
{
	uint64_t h = UINT64_C(1469598103934665603);
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * UINT64_C(1099511628211);
	return h;
}

static char **sku_slot(struct sku_map *map, const char *price, size_t n)
{
	size_t i = (size_t)hash_text(price, n) & (map->size - 1);

	while (map->slots[i] && !(strlen(map->slots[i]) == n && memcmp(map->slots[i], price, n) == 0))
		i = (i + 1) & (map->size - 1);
	return &map->slots[i];
}

static int sku_map_grow(struct sku_map *map)
{
	struct sku_map bigger = {NULL, map->size ? 2 * map->size : 1024, map->used};
	size_t i;

	if (!(bigger.slots = calloc(bigger.size, sizeof *bigger.slots)))
		return -1;
	for (i = 0; i < map->size; i++)
		if (map->slots[i])
			*sku_slot(&bigger, map->slots[i], strlen(map->slots[i])) = map->slots[i];
	free(map->slots);
	*map = bigger;
	return 0;
}

int sku_map_conflicts(struct sku_map *map, const char *price, size_t pn, const char *sku,
			       size_t sn)
{
	char **slot, *entry;

	if (2 * (map->used + 1) > map->size && sku_map_grow(map) < 0)
		return -1;
	slot = sku_slot(map, price, pn);
	if (*slot) {
		const char *known = *slot + pn + 1;
		return !(strlen(known) == sn && memcmp(known, sku, sn) == 0);
	}
	if (!(entry = malloc(pn + sn + 2)))
		return -1;
	memcpy(entry, price, pn);
	entry[pn] = 0;
	memcpy(entry + pn + 1, sku, sn);
	entry[pn + 1 + sn] = 0;
	*slot = entry;
	map->used++;
	return 0;
}


struct sku_map *sku_map_new(void)
{
	return calloc(1, sizeof(struct sku_map));
}
