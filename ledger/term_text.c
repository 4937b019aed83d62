/* term_text.c: see term_text.h. */
#include "term_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *term_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), i, k = 0;
	char *out = malloc(n * 6 + 1); /* "\u009b" is 6 bytes for 2 */

	if (!out)
		return NULL;
	for (i = 0; i < n; i++) {
		if (p[i] < 0x20 || p[i] == 0x7f) {
			k += (size_t)sprintf(out + k, "\\x%02x", p[i]);
		} else if (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f) {
			k += (size_t)sprintf(out + k, "\\u%04x", p[i + 1]);
			i++;
		} else {
			out[k++] = (char)p[i];
		}
	}
	out[k] = 0;
	return out;
}
