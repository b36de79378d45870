/* json.h: a tiny JSON reader (objects, arrays, strings, integers, booleans,
 * null) and an appending writer, enough for the harness protocol. */
#ifndef UFFDSPEC_JSON_H
#define UFFDSPEC_JSON_H

#include <stddef.h>
#include <stdint.h>

enum jtype { J_NULL, J_BOOL, J_INT, J_STR, J_ARR, J_OBJ };

struct jval {
	enum jtype type;
	int64_t num;          /* J_INT, J_BOOL (0/1) */
	char *str;            /* J_STR */
	size_t len;           /* J_ARR, J_OBJ: number of items */
	struct jval *items;   /* J_ARR, J_OBJ: items */
	char **keys;          /* J_OBJ: keys, parallel to items */
};

/* Parses one complete JSON text. Returns 0 and fills *out, or -1 and writes
 * a one-line message to err. */
int json_parse(const char *text, struct jval *out, char *err, size_t errlen);
void json_free(struct jval *v);
const struct jval *json_get(const struct jval *obj, const char *key);

/* Appending writer over a growable buffer. */
struct jbuf {
	char *data;
	size_t len, cap;
};
void jb_init(struct jbuf *b);
void jb_free(struct jbuf *b);
void jb_raw(struct jbuf *b, const char *s);
void jb_printf(struct jbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void jb_str(struct jbuf *b, const char *s); /* quoted and escaped */

#endif
